// Classroom facilitator mode without any UI: a facilitator projects a scenario
// and the room decides together. Facilitation owns the run (and, unless it is
// an unrecorded dry run, the recorder of a classroom attempt) and walks every
// decision and knowledge check through the same stages:
//
//   Situation -> Discussion -> Voting -> Locked -> Revealed -> Feedback
//
// Situation shows the node's text; Discussion gives the presenter the node's
// discussion prompts; Voting takes vote counts per choice (or option); Locked
// closes voting with the tally still hidden; Revealed puts the tally on the
// projector and lets the facilitator take the majority or override it with any
// enabled choice; Feedback shows what the pick did. Passages (Passage) and
// endings (Ended) have no vote. go_back() returns to any earlier decision of
// the current path to explore another branch; every pick is recorded with the
// room's votes and the branch it belongs to (0 for the first path, then one
// more each time the facilitator goes back).
//
// The views (views.hpp) are built from this object: plain state in, intents
// (the member functions below) out. Out-of-stage calls throw FacilitationError
// with a sentence a UI can show as it is; a recording failure throws
// records::RecordsError and leaves the facilitation exactly as it was.
//
// How the room's answer is decided ("the majority"):
//  - decisions and single-answer checks: the most-voted choice or option. Two
//    or more with the same highest count are a tie: take_majority() refuses
//    and the facilitator picks one explicitly (a "tie-break"). No votes at all
//    is treated the same way.
//  - multiple-answer checks (each person may vote for several options): every
//    option voted for by at least half of the head count. When the head count
//    is unknown (0), the most-voted option's count stands in for the number of
//    people who voted (it is the best lower bound), so the answer is every
//    option with at least half as many votes as the most-voted one. The answer
//    may be empty when no option reaches the threshold.
// Picking anything else is an "override"; picking the majority explicitly
// counts as taking the majority.
#pragma once

#include "learning/session.hpp"
#include "model/model.hpp"
#include "records/store.hpp"
#include "runtime/run.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::classroom {

// A call that does not fit the current stage, or bad input (an unknown
// choice, a negative count). what() is a complete sentence.
class FacilitationError : public std::runtime_error {
  public:
    explicit FacilitationError(const std::string& what) : std::runtime_error(what) {}
};

enum class Stage : std::uint8_t {
    Situation,  // a decision or check is shown; nothing asked of the room yet
    Discussion, // the room talks it over; the presenter sees the prompts
    Voting,     // votes are being entered
    Locked,     // voting closed; the tally is still hidden from the room
    Revealed,   // the tally is shown; the facilitator picks
    Feedback,   // the pick was made; its feedback is shown
    Passage,    // a node without a question: continue
    Ended,      // an ending: the debrief
};
const char* stage_name(Stage stage); // "situation", "discussion", ...
// The stage's name for the presenter, in the program's language ("voting",
// "votación"); stage_name() is the id.
const char* stage_text(Stage stage);

// How a pick was made.
enum class Decided : std::uint8_t {
    Majority, // the room's answer
    TieBreak, // one of the tied leaders, picked by the facilitator
    Override, // anything else, to explore another branch
};
const char* decided_name(Decided decided); // "majority", "tie-break", "override"
// Who decided, for the presenter, in the program's language ("majority",
// "mayoría"); decided_name() is the id.
const char* decided_text(Decided decided);

// The things a facilitator can do, for the presenter's controls.
enum class Control : std::uint8_t {
    Discuss,      // discuss()
    OpenVoting,   // open_voting()
    EnterVotes,   // vote_up/vote_down/set_votes/clear_votes
    Lock,         // lock()
    Unlock,       // unlock()
    Reveal,       // reveal()
    TakeMajority, // take_majority()
    Pick,         // pick() / pick_options(): any enabled choice or any options
    Continue,     // advance()
    GoBack,       // go_back() / back()
    Finish,       // finish()
    Abandon,      // abandon()
};
const char* control_name(Control control); // "discuss", "open-voting", ...

// The room's answer from the vote counts (see the header comment).
struct Tally {
    std::vector<std::int64_t> counts; // per choice or option, in display order
    std::int64_t total = 0;
    // Decisions and single checks: the indices with the highest count (two or
    // more: a tie; none when nobody voted). Multi checks: the options at or
    // over the threshold, in display order.
    std::vector<std::size_t> leaders;
    bool tie = false;           // decisions and single checks only
    std::int64_t threshold = 0; // multi checks: the votes an option needs
    // What shares are of: all votes, or for multi checks (where one person
    // votes for several options) the people: the head count, else the
    // most-voted option's count.
    std::int64_t basis = 0;
    bool has_answer() const; // take_majority() would succeed
};
Tally tally_votes(const std::vector<std::int64_t>& counts, model::CheckKind kind,
                  std::int64_t head_count);

// How a pick compares with the tally.
Decided decided_by(const Tally& tally, model::CheckKind kind,
                   const std::vector<std::size_t>& picked);

struct Setup {
    std::string name;            // required: "Night shift in-service, 3 March"
    std::string facilitator;     // optional
    std::int64_t head_count = 0; // people in the room; 0 when unknown
    std::string course_id;       // optional; its passing score is used at finish()
    std::string scenario_id;     // required
    runtime::RunOptions options; // seed, shuffled choices
    std::string language = "en";
};

// Milliseconds since the epoch; tests pass a fake one.
using Clock = std::function<records::TimeMs()>;

// One decision or check point of the current path.
struct PathPoint {
    std::string node_id;
    bool check = false;
    bool picked = false;             // false only for the current, open point
    std::vector<std::string> chosen; // the picked choice id, or the picked option ids
    std::string chosen_text;         // the picked choice's text, or the options' texts
    Decided decided = Decided::Majority;
};

class Facilitation {
  public:
    // Starts the session at the scenario's start node. With a store, the
    // session is recorded as a classroom attempt (mode Classroom, no learner)
    // with its name, facilitator and head count; without one it is a dry run.
    // The bundle (and the store) must outlive the facilitation. Throws
    // FacilitationError for a missing name or a negative head count,
    // runtime::RunError for an unknown scenario, records::RecordsError.
    Facilitation(const model::Bundle& bundle, Setup setup, records::Store* store = nullptr,
                 learning::BundleInfo info = {}, Clock clock = {});

    // Not copyable (two copies would record into one attempt); movable.
    Facilitation(const Facilitation&) = delete;
    Facilitation& operator=(const Facilitation&) = delete;
    Facilitation(Facilitation&&) = default;
    Facilitation& operator=(Facilitation&&) = default;

    // --- state ---
    const model::Bundle& bundle() const { return run_.bundle(); }
    const Setup& setup() const { return setup_; }
    // The run itself. After a decision's pick it has already entered the next
    // node; shown_run() is what the room still sees then.
    const runtime::Run& run() const { return run_; }
    // The run as the room sees it: at the decision until advance() leaves
    // its feedback.
    const runtime::Run& shown_run() const;
    Stage stage() const { return stage_; }
    bool recorded() const { return recorder_.has_value(); }
    bool finished() const { return finished_; }
    // The recorded attempt's id; empty for a dry run.
    std::string attempt_id() const;
    records::TimeMs started() const { return started_; }
    records::TimeMs now() const { return clock_(); }

    // A decision or a knowledge check awaits the room (any stage up to Feedback).
    bool at_question() const;
    bool at_check() const; // the question is a knowledge check
    // The current decision's choices (display order) or check's options
    // (authored order): what votes are entered for.
    std::size_t option_count() const;
    // The room's votes per choice or option: those counted by hand plus
    // those from phones (see set_phone_votes()).
    std::vector<std::int64_t> votes() const;
    const std::vector<std::int64_t>& hand_votes() const { return votes_; }
    const std::vector<std::int64_t>& phone_votes() const { return phone_votes_; }
    Tally tally() const; // of votes()
    // After a pick (stage Feedback), what it did; null otherwise.
    const runtime::ChoiceResult* choice_result() const;
    const runtime::CheckResult* check_result() const;
    std::optional<Decided> decided() const { return decided_; }

    std::uint32_t branch() const { return branch_; }
    const std::vector<PathPoint>& path() const { return path_; }
    // When the current node was shown.
    records::TimeMs shown_at() const { return shown_at_; }
    // Every decision and answer of the session, every branch, in order, as
    // they were recorded (for the report); votes and branch filled.
    const std::vector<records::Event>& log() const { return log_; }
    // The controls that can be used now, and the one forward() uses.
    std::vector<Control> controls() const;
    std::optional<Control> forward_control() const;

    // --- intents ---
    void discuss();     // Situation -> Discussion
    void open_voting(); // Situation or Discussion -> Voting
    // Vote counts per choice or option (index into option_count()), only
    // while voting is open. Counts never go below zero: vote_down at zero does
    // nothing. Votes for a choice that is not available are refused.
    std::int64_t vote_up(std::size_t index);
    std::int64_t vote_down(std::size_t index);
    void set_votes(std::size_t index, std::int64_t count);
    void clear_votes(); // the hand counts
    // The phones' votes per choice or option (PhoneRoom::phone_counts()),
    // only while voting is open: the player passes the phone room's counts on
    // as they change, and they add to the hand counts. One count per option,
    // none negative, none for a choice that is not available.
    void set_phone_votes(const std::vector<std::int64_t>& counts);
    void lock();   // Voting -> Locked
    void unlock(); // Locked or Revealed -> Voting (counts kept)
    void reveal(); // Locked -> Revealed
    // Revealed -> Feedback with the room's answer; refuses a tie or no votes.
    void take_majority();
    // Revealed -> Feedback with any enabled choice of the decision.
    void pick(std::string_view choice_id);
    // Revealed -> Feedback with these options of the knowledge check.
    void pick_options(const std::vector<std::string_view>& option_ids);
    // Feedback or Passage -> the next node.
    void advance();
    // Returns to path()[index] (a decision already picked on this path), with
    // its votes as they were and the tally revealed, and starts a new branch.
    void go_back(std::size_t index);
    // PageUp: back to the current decision when it has been picked, else to
    // the one before it. Throws when there is none.
    void back();
    // PageDown: the next natural step (open voting, lock, reveal, take the
    // majority, continue). Throws at a tie (pick one) and at an ending.
    void forward();
    // Updates the head count (recorded again).
    void set_head_count(std::int64_t head_count);
    // Ends the session at an ending: records the result of the current path
    // (passed against the course's passing score) and closes the attempt.
    void finish();
    // Ends the session anywhere, without a result: the attempt is marked
    // abandoned (the events recorded so far stay, and so does the report).
    void abandon();

  private:
    struct Snapshot {
        runtime::Run run; // at the point, before the pick
        std::vector<std::int64_t> votes;
        std::vector<std::int64_t> phone_votes;
    };

    void require_open() const;
    void require_stage(Stage wanted, const char* action) const;
    void require_votable(std::size_t index) const;
    void enter_node(records::TimeMs when);
    void record_pick(records::Event event, records::TimeMs when);
    void add_classroom(records::Event& event) const; // the votes and the branch
    std::vector<records::VoteCount> vote_counts() const;
    std::vector<std::string> option_ids() const;
    void do_pick_choice(std::size_t index, Decided decided);
    void do_pick_options(const std::vector<std::size_t>& picked, Decided decided);

    Setup setup_;
    Clock clock_;
    runtime::Run run_;
    std::optional<learning::Recorder> recorder_;
    records::Store* store_ = nullptr;
    Stage stage_ = Stage::Situation;
    std::vector<std::int64_t> votes_;       // counted by hand
    std::vector<std::int64_t> phone_votes_; // from phones
    std::optional<runtime::ChoiceResult> choice_result_;
    std::optional<runtime::CheckResult> check_result_;
    std::optional<Decided> decided_;
    std::uint32_t branch_ = 0;
    std::uint32_t branches_ = 0; // branches started so far (branch_ of the newest)
    std::vector<PathPoint> path_;
    std::vector<Snapshot> snapshots_; // parallel to path_
    std::vector<records::Event> log_;
    records::TimeMs started_ = 0;
    records::TimeMs shown_at_ = 0;
    bool finished_ = false;
};

} // namespace sightline::classroom
