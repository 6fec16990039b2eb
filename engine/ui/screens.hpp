// The plain state the views draw and the intents they return. Nothing here
// refers to ImGui, the window, the bundle or the records: the controller
// (player.hpp) fills these from the engine, and tests can fill them by hand.
#pragma once

#include "classroom/views.hpp"
#include "ui/qr.hpp"
#include "ui/theme.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::ui {

enum class ScreenId : std::uint8_t {
    Welcome,
    Catalogue,
    CourseMap,
    Scenario,
    Debrief,
    ClassroomSetup, // "Run in classroom": the session's name, facilitator, head count
    Classroom,      // a classroom session: the audience or the presenter view
};

// ---- Welcome: choose or create a learner profile.
struct LearnerItem {
    std::string id;
    std::string name;
    std::string detail; // profession, licence
};

struct LearnerForm {
    std::string name; // required
    std::string profession;
    std::string licence_number;
    std::string licence_state;
    std::string hire_date; // YYYY-MM-DD
    std::string job_role;  // one of WelcomeState::job_roles, or empty
    std::string site;
};

struct WelcomeState {
    std::vector<LearnerItem> learners;
    std::string records_location; // one line: where records are kept
    LearnerForm form;             // edited in place by the view
    std::string error;
    // The job roles the courses' compliance rules name; the form offers them
    // when there are any.
    std::vector<std::string> job_roles;
};

// ---- Catalogue: courses grouped by role, with progress.
enum class Progress : std::uint8_t { NotStarted, InProgress, Completed };

struct CourseItem {
    std::string id;
    std::string title;
    std::string description;
    int scenarios = 0;
    int required_total = 0;
    int required_completed = 0;
    std::optional<int> score_percent;
    Progress progress = Progress::NotStarted;
    // The languages the course is available in, by their own names
    // ("English, Español"); empty when it is in English only.
    std::string languages = {};
};

struct RoleGroup {
    std::string role; // the role's display name
    std::vector<CourseItem> courses;
};

// One of the bundle's languages in the language switch.
struct LanguageItem {
    std::string tag;  // "es"
    std::string name; // its own name: "Español"
};

struct CatalogueState {
    std::vector<RoleGroup> groups;
    // The language switch, shown when the courses come in more than one
    // language: each by its own name, and the tag of the one in use.
    std::vector<LanguageItem> languages;
    std::string language;
};

// ---- Course map: the course's scenarios in order.
struct ScenarioItem {
    std::string id;
    std::string title;
    std::uint32_t minutes = 0;
    bool required = true;
    Progress progress = Progress::NotStarted;
    std::optional<int> best_percent;
    bool resumable = false; // an unfinished attempt can be continued
};

struct CourseMapState {
    std::string id;
    std::string title;
    std::string description;
    int passing_score = 0; // percent
    int credit_minutes = 0;
    int active_minutes = 0;
    int required_total = 0;
    int required_completed = 0;
    std::optional<int> score_percent;
    std::vector<ScenarioItem> scenarios;
};

// ---- Course credit: progress towards each completion rule, the learner's
// attestation and the certificate. Shown on the course map and after the
// debrief of one of the course's scenarios.
struct RuleLine {
    std::string text; // "2 of 3 required scenarios completed."
    bool met = false; // shown as a word and an icon, never by colour alone
};

struct CertificateInfo {
    std::string verification_code;
    std::string pdf;  // where the files were written; empty for one issued before
    std::string json; // the signed credential
};

struct CreditState {
    std::string course_id; // empty: nothing to show
    std::string course_title;
    // Open for renewal: "Renewal due by 2027-03-01: play the required
    // scenarios again."; empty otherwise (learning::renewal_line).
    std::string renewal;
    std::vector<RuleLine> rules;
    // Every rule but the attestation is met: the statement to confirm.
    bool attestation_offered = false;
    std::string attestation_statement;
    bool attestation_ticked = false; // edited in place by the view
    // Every rule is met and no certificate exists yet.
    bool issue_offered = false;
    // Every rule is met but the certificate cannot be issued here (no
    // training provider set up on this computer): who issues it, in words.
    std::string issue_elsewhere;
    std::optional<CertificateInfo> certificate; // issued, now or before
    bool issued_now = false;
    std::string error; // recording the attestation or issuing failed
};

// ---- Scenario: content note, story, choices, checks, feedback.
enum class Stage : std::uint8_t {
    Intro,          // title, minutes, objectives, the content note; Begin
    Node,           // the story and what to do at this node
    ChoiceFeedback, // after a choice: the feedback card
    CheckFeedback,  // after an answer: what was right
};

enum class NodeKind : std::uint8_t { Decision, Check, Passage, AnsweredCheck, Ending, Stuck };

struct Line {
    std::string speaker; // empty for narration
    std::string text;
};

struct ChoiceItem {
    std::string id;
    std::string text;
    bool enabled = true;
};

struct OptionItem {
    std::string id;
    std::string text;
};

struct Chip {
    std::string name;
    std::string description;
};

struct ScoreLine {
    std::string dimension; // display name
    std::int64_t delta = 0;
};

struct ChoiceFeedback {
    std::string choice_text;
    std::string tier_name;
    int look = 0; // tier_look(): 0 best ... 3 worst
    std::string feedback;
    std::vector<ScoreLine> scores;
    std::vector<Chip> noticed; // newly noticed signs
    // Newly weighed confounders: details that can look like a sign but on
    // their own are not. Never shown as signs.
    std::vector<Chip> weighed;
};

struct OptionOutcome {
    std::string text;
    std::string feedback;
    bool correct = false;
    bool picked = false;
};

struct CheckFeedback {
    bool correct = false;
    bool partly = false; // some points earned
    std::vector<OptionOutcome> options;
    std::vector<ScoreLine> points;
};

struct ScenarioState {
    std::string id;
    std::string title;
    std::string course_title;
    std::uint32_t minutes = 0;
    std::vector<std::string> objectives;
    std::string content_note;
    bool resuming = false;

    Stage stage = Stage::Intro;
    NodeKind kind = NodeKind::Passage;
    std::vector<Line> lines;
    std::vector<ChoiceItem> choices;
    bool multi = false; // a check with several right answers
    std::string prompt;
    std::vector<OptionItem> options;
    std::vector<bool> picked; // the check's picks, edited in place by the view
    std::optional<ChoiceFeedback> choice_feedback;
    std::optional<CheckFeedback> check_feedback;
    std::string error; // recording failed: shown with "Try again"
    // Paced play: how much of this screen's minimum reading time has passed
    // (0 to 1). Below 1 the choices and Continue wait, with a quiet cue.
    float reading = 1.0f;
};

// ---- Debrief.
struct ScoreBar {
    std::string name;
    std::int64_t score = 0;
    std::int64_t min = 0;
    std::int64_t max = 0;
    int percent = 0;
};

struct DecisionLine {
    std::string choice_text;
    std::string tier_name;
    int look = 0;
};

struct CheckLine {
    std::string prompt;
    bool correct = false;
};

struct DebriefState {
    std::string scenario_id;
    std::string title;
    std::string outcome;
    std::vector<std::string> text;
    int percent = 0;
    int passing_score = 0;
    bool passed = false;
    std::vector<ScoreBar> scores;
    std::vector<Chip> noticed;
    std::vector<Chip> missed;
    std::vector<Chip> confounders; // look like signs but on their own are not
    std::vector<DecisionLine> decisions;
    std::vector<CheckLine> checks;
    std::string response;
    std::string report;
    // This attempt completed the course: the course's closing note on the
    // worker's own wellbeing (its `closing:` paragraphs).
    std::string completed_course;
    std::vector<std::string> closing;
    std::string error; // the result could not be recorded
};

// ---- Classroom: a facilitator runs a scenario with a room.
struct ClassroomForm {
    std::string name;        // required
    std::string facilitator; // optional
    int head_count = 0;      // 0: unknown
    bool phones = false;     // the room may also vote from their phones
};

struct ClassroomSetupState {
    std::string scenario_id;
    std::string scenario_title;
    std::string course_title;
    ClassroomForm form; // edited in place by the view
    // Where the phones' server would listen ("192.168.1.20", or "127.0.0.1"
    // on a machine with no network), said beside the phone voting switch.
    std::string phone_address;
    std::string error;
};

// The room's phones while phone voting is on. The audience view shows the
// join URL as a QR code, the address and the room code (while `code_shown`)
// and the lobby; the presenter view also lists the devices and the controls.
// Nothing here identifies a participant: devices are "Phone 1", "Phone 2"...
struct PhoneDevice {
    std::string label;
    bool voted = false; // in the current question
};

struct PhonesState {
    bool on = false;
    std::string join_url;             // carries the session's secret (for the QR code only)
    std::string address;              // "http://192.168.1.20:40123", for people who type
    std::string room_code;            // six digits
    QrCode qr;                        // join_url
    bool code_shown = true;           // the QR code and room code are on the projector
    bool lobby_locked = false;        // no new phones may join
    std::size_t phones = 0;           // in the room
    std::size_t voters = 0;           // phones that voted in the current question
    std::vector<PhoneDevice> devices; // in join order (presenter view only)
};

// Both views are drawn from the classroom view-models only: the audience view
// from `audience` (which has no presenter-only fields at all), the presenter
// view from `presenter`.
struct ClassroomState {
    bool presenter_view = true; // false: the audience view (for the projector)
    // The audience view has a window of its own (on the projector's monitor);
    // this window then always shows the presenter view. Set by the shell.
    bool projector_window = false;
    classroom::AudienceState audience;
    classroom::PresenterState presenter;
    std::size_t selected = 0; // the choice the number keys selected (votes, Enter)
    bool confirm_leave = false;
    PhonesState phones;
    std::string error;      // the last refused step, as a sentence (presenter only)
    std::string report_csv; // saved at the end
    std::string report_pdf;
};

// ---- "Get help / report", over any screen.
struct HelpState {
    bool open = false;
    std::vector<std::string> hotlines;
    std::vector<std::string> emergency;
    std::string scenario_title; // the scenario being played, if any
    std::string scenario_report;
};

struct Screen {
    ScreenId id = ScreenId::Welcome;
    std::string learner_name; // once chosen
    WelcomeState welcome;
    CatalogueState catalogue;
    CourseMapState course;
    ScenarioState scenario;
    DebriefState debrief;
    ClassroomSetupState classroom_setup;
    ClassroomState classroom;
    CreditState credit; // on the course map and a course scenario's debrief
    HelpState help;
    std::string notice; // one line above the content (a problem that is not the learner's)
    // While the organisation's server cannot be reached: one line saying the
    // records are safe here and will be sent (learning::offline_notice).
    std::string connection;
    // Shown in the top bar; the shell keeps them in step with the settings.
    Theme theme = Theme::Light;
    int text_scale = 100;
    // Bumped whenever new content replaces the old: the view scrolls to the top.
    std::uint64_t version = 0;
    std::uint64_t version_seen = 0; // the view's own bookkeeping
};

// A step of a classroom session (IntentKind::Classroom). Each has one script word
// (classroom_step_word), e.g. "classroom open-voting" or "classroom pick 2".
enum class ClassroomStep : std::uint8_t {
    Forward, // the next step: discuss, open voting, lock, reveal, pick, continue
    Back,    // back one step or explore another branch
    Discuss,
    OpenVoting,
    Select,   // index: a choice
    VoteUp,   // index: a choice; none: the selected one
    VoteDown, // index: a choice; none: the selected one
    Lock,
    Unlock,
    Reveal,
    Majority,   // pick the choice with the most votes
    Pick,       // index: a choice; none: the selected one
    Confirm,    // Enter: pick once revealed, otherwise the next step
    GoBack,     // index: a path point to explore again
    ToggleView, // audience or presenter view
    Leave,      // asks first
    LeaveConfirm,
    LeaveCancel,
    // Phone voting (when on):
    LockLobby, // no new phones may join
    UnlockLobby,
    RemovePhone,     // index: a device of PhonesState::devices; its vote is withdrawn
    ResetPhoneVotes, // the current question's phone votes
    ShowJoinCode,    // the QR code and room code on the projector
    HideJoinCode,
};

// What the learner asked for. The controller acts on most; the shell handles
// the display ones (scale, theme, the projector window, quit).
enum class IntentKind : std::uint8_t {
    None,
    SelectLearner,  // id
    CreateLearner,  // learner
    SwitchLearner,  // back to the welcome screen
    OpenCourse,     // id
    StartScenario,  // id (a new attempt)
    ResumeScenario, // id (the unfinished attempt)
    Begin,          // past the intro and content note
    Choose,         // id: a choice id
    Answer,         // ids: picked option ids
    Continue,
    Retry, // repeat what failed to record
    Back,
    Attest,           // the learner confirms the attestation statement
    IssueCertificate, // every rule is met: issue the course's certificate
    ToggleHelp,
    ClassroomSetup, // id: a scenario of the open course; shows the setup form
    StartClassroom, // classroom: the form
    Classroom,      // step, index: a choice or path point
    ScaleUp,
    ScaleDown,
    SetScale,        // scale
    SetTheme,        // theme
    SetLanguage,     // id: a language tag; the courses' language, kept as the learner's
    ToggleProjector, // classroom: the audience view in a window of its own, or back
    Quit,
};

struct Intent {
    IntentKind kind = IntentKind::None;
    std::string id;
    std::vector<std::string> ids;
    LearnerForm learner;
    Theme theme = Theme::Light;
    int scale = 0;
    ClassroomForm classroom;
    ClassroomStep step = ClassroomStep::Forward; // IntentKind::Classroom
    int index = -1;

    explicit operator bool() const { return kind != IntentKind::None; }
};

// Every classroom step, in the order of the enum.
std::span<const ClassroomStep> classroom_steps();
// Whether the step is one of the facilitator's phone controls (LockLobby to HideJoinCode).
bool is_phone_step(ClassroomStep step);
// The script word of a step: "forward", "back", "discuss", "open-voting", "select", "vote-up",
// "vote-down", "lock", "unlock", "reveal", "majority", "pick", "confirm", "go-back",
// "toggle-view", "leave", "leave-confirm", "leave-cancel", "lock-lobby", "unlock-lobby",
// "remove-phone", "reset-phone-votes", "show-join-code", "hide-join-code".
std::string_view classroom_step_word(ClassroomStep step);
// The step a script word names, if any.
std::optional<ClassroomStep> parse_classroom_step(std::string_view word);

// "choose log", "answer a c", "theme dark"...: the script form (see script.hpp).
std::string describe(const Intent& intent);

} // namespace sightline::ui
