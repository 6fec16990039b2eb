// The desktop player's controller: a thin adapter that keeps the Screen the
// views draw in step with the learning layer. Intents from the views become
// calls on learning::Learning (the learner, start or resume, finishing,
// progress, attestation, issuing) and on its learning::Session (the scenario
// being played), which commits every choice and answer before its feedback
// is shown. A failed write is shown to the learner with "Try again"; nothing
// moves on. The policy itself lives in engine/learning, shared with the text
// player.
#pragma once

#include "classroom/facilitation.hpp"
#include "classroom/phone_room.hpp"
#include "classroom/phone_server.hpp"
#include "learning/learning.hpp"
#include "learning/pacing.hpp"
#include "model/model.hpp"
#include "records/store.hpp"
#include "ui/help.hpp"
#include "ui/screens.hpp"

#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sightline::ui {

// Where certificates go and where the training provider's key is found.
struct PlayerOptions {
    std::filesystem::path certificates_dir; // empty: "certificates" beside the records
    std::filesystem::path config_dir;       // empty: records::default_config_dir()
    // Where classroom session reports go; empty: "classroom-reports" beside the records.
    std::filesystem::path classroom_reports_dir;
    // The clock of classroom sessions and paced play; empty: the system clock.
    classroom::Clock clock;
    // The seed of the order every attempt and classroom session shows its
    // options in (tests and screenshots); unset: a fresh one each time.
    std::optional<std::uint64_t> seed;
    // The courses' language for this session (--lang), as if picked in the
    // language switch but not kept as the learner's; empty: the learner's
    // preference, the system locale's language, or English.
    std::string language;
    // Phone voting in classroom sessions: where the phones' server listens
    // (empty address: classroom::first_lan_ipv4(); port 0: any free one) and
    // the phone page's files (assets/phone/, installed beside the courses).
    std::string phone_address;
    int phone_port = 0;
    std::filesystem::path phone_page_dir;
    // Called from the server's threads when a phone joins or votes; the shell
    // wakes its event loop (glfwPostEmptyEvent) so the counts are redrawn.
    // Must be thread-safe.
    std::function<void()> wake;
};

class Player {
  public:
    // The bundle and the store must outlive the player.
    Player(const model::Bundle& bundle, learning::BundleInfo info, records::Store& store,
           PlayerOptions options = {});

    Screen& screen() { return screen_; }
    const Screen& screen() const { return screen_; }

    // Acts on an intent. The display intents (scale, theme, quit) are the
    // shell's and are ignored here.
    void apply(const Intent& intent);

    // Once a frame, before drawing: moves the paced-play progress cue on and
    // takes the phones' joins and votes into the classroom session.
    void tick();
    // Whether a paced screen is still within its reading time, so the shell
    // keeps redrawing the cue instead of waiting for input.
    bool reading_paced() const;
    // Whether a classroom session's phones are connected: the shell then
    // wakes at least once a second, since the lobby's count reaches the
    // phones at most once a second (PhoneRoom::announce_lobby).
    bool phones_live() const { return phones_ != nullptr; }
    // Whether the records go to an organisation's server: the shell then
    // wakes every few seconds, so the offline line appears and goes by itself.
    bool records_shared() { return store_.delivery().shared; }

    // The scenario being played, if any (for tests and the shell).
    const learning::Session* session() const { return session_ ? &*session_ : nullptr; }
    // The classroom session being run, if any.
    const classroom::Facilitation* facilitation() const {
        return classroom_ ? &*classroom_ : nullptr;
    }
    // The classroom session's phone room, while phone voting is on.
    const classroom::PhoneRoom* phone_room() const { return phones_ ? &phones_->room : nullptr; }

  private:
    bool has_learner() const { return learning_.learner().has_value(); }
    void show_welcome();
    void select_learner(const std::string& id);
    void create_learner(const LearnerForm& form);
    // The language switch: the courses in `tag` from now on, kept as the
    // learner's preferred language.
    void set_language(const std::string& tag);
    // The bundle in the language the open course is played in.
    const model::Bundle& shown() { return learning_.bundle_in(course_language_); }
    void show_catalogue();
    void show_course(const std::string& course_id);
    // A scenario of the open course, with the course; both null (and a notice
    // for the learner) when either is missing.
    struct Found {
        const model::Scenario* scenario = nullptr;
        const model::Course* course = nullptr;
    };
    Found find_in_course(const std::string& scenario_id);
    void start_scenario(const std::string& scenario_id, bool resume);
    void begin();
    void show_node();
    void choose(const Intent& intent);
    void answer(const Intent& intent);
    void proceed(const Intent& intent);
    void finish(const Intent& intent);
    void back();
    // Progress towards the course's completion rules, the attestation and the
    // certificate, into screen_.credit.
    void show_credit(const model::Course& course);
    void attest();
    void issue_certificate();
    void open_classroom_setup(const std::string& scenario_id);
    void start_classroom(const ClassroomForm& form);
    void classroom_step(const Intent& intent);
    void show_classroom();
    void end_classroom(); // finished: the report is saved
    // Phone voting: starts the room and its server (false, with the reason in
    // *error, when the server cannot listen), the facilitator's phone steps,
    // and the end of both with the session.
    bool start_phones(std::string* error);
    void phone_step(ClassroomStep step, std::size_t index);
    void show_phones();
    void stop_phones();
    // Once a frame: takes the phones' joins and votes in; true when the
    // screen has to show something new.
    bool sync_phones_changed();
    void failed(const Intent& intent, const std::string& what);
    records::TimeMs now() const;
    // Paced play: a new screen of `words` words is shown now.
    void pace(std::size_t words);
    // Whether the learner may act on the scenario screen (its reading time has passed).
    bool read_enough() const;
    void fresh(ScreenId id);
    int tier_look_of(std::string_view tier_id) const;
    std::vector<ScoreLine> score_lines(const std::vector<runtime::ScoreDelta>& deltas);

    const model::Bundle& bundle_;
    learning::BundleInfo info_;
    records::Store& store_;
    PlayerOptions options_;
    learning::Learning learning_;
    HelpContent help_;
    Screen screen_;
    std::string course_id_;
    // Picked in the language switch (or --lang) in this session; empty: none.
    std::string language_;
    // The language the open course is shown and played in.
    std::string course_language_ = "en";
    std::optional<learning::Session> session_;
    learning::Pacer pacer_; // paced play of the scenario being played
    std::optional<classroom::Facilitation> classroom_;
    // The room and its server live and die together, the server first.
    struct Phones {
        explicit Phones(classroom::PhoneRoomOptions options) : room(std::move(options)) {}
        classroom::PhoneRoom room;
        std::unique_ptr<classroom::PhoneServer> server;
        std::uint64_t seen_version = 0;
        std::size_t seen_devices = 0;
        std::size_t seen_voters = 0;
    };
    std::unique_ptr<Phones> phones_;
    // Servers of ended sessions, stopping off the UI thread: stop() waits for
    // the connections still open (an idle keep-alive for up to 2 s, a slow
    // request for up to the read timeout), and the frame loop never waits.
    // Joined when the player is destroyed.
    std::vector<std::future<void>> retiring_;
    Intent pending_; // what "Try again" repeats
};

} // namespace sightline::ui
