// Learner records: who trained, which attempts they made, every decision and
// answer, course completions, attestations and certificates. These are plain
// values; store.hpp says how they are kept.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::records {

// Anything the store cannot do: the message is a complete sentence that names
// the database file and the reason (locked, read-only, disk full, corrupt...).
class RecordsError : public std::runtime_error {
  public:
    explicit RecordsError(const std::string& what) : std::runtime_error(what) {}
};

// Milliseconds since the Unix epoch, UTC.
using TimeMs = std::int64_t;
TimeMs now_ms();

struct LearnerInput {
    std::string display_name; // required
    std::string profession;
    std::string licence_number;
    std::string licence_state;
    // For compliance rosters (`sightline records due`); all optional.
    std::string hire_date; // YYYY-MM-DD, a real calendar date, or empty
    std::string job_role;  // e.g. "hotel/front-desk"; rules name the roles they cover
    std::string site;      // the workplace, e.g. "Austin downtown"
    // The language the learner prefers to train in, a BCP 47 tag such as "es",
    // or empty for none (the learning layer then looks at the system locale).
    // Initialised here so that inputs written before it (name to site) still
    // compile without a warning and mean "no preference".
    std::string language = {};
};

// Whether `text` is a real calendar date written YYYY-MM-DD (from 1900 on).
bool is_calendar_date(std::string_view text);

// Whether `text` looks like a BCP 47 language tag: a primary subtag of 2 to 8
// ASCII letters, then subtags of 1 to 8 letters or digits after '-' ("es",
// "es-MX", "zh-Hant"). It does not check the tag against the registry.
bool is_language_tag(std::string_view text);

// Throws RecordsError unless the input can be stored: a name, a hire date
// that is empty or a real YYYY-MM-DD date, and a language that is empty or a
// language tag.
void check_learner_input(const LearnerInput& input);

struct Learner {
    std::string id; // a UUID; never reused
    std::string display_name;
    std::string profession;
    std::string licence_number;
    std::string licence_state;
    TimeMs created = 0;
    std::string hire_date;
    std::string job_role;
    std::string site;
    std::string language; // the preferred language of courses ("es"); empty: none
};

// The learner `id` with `input`'s fields, created at `created`.
Learner make_learner(std::string id, const LearnerInput& input, TimeMs created);

// The input that keeps `learner`'s profile as it is: change a field of it and
// pass it to Store::update_learner to change only that field.
LearnerInput input_of(const Learner& learner);

enum class Mode : std::uint8_t { SelfPaced, Classroom };
enum class Status : std::uint8_t { InProgress, Completed, Abandoned };
const char* mode_name(Mode mode);       // "self-paced", "classroom"
const char* status_name(Status status); // "in-progress", "completed", "abandoned"

struct AttemptStart {
    std::string learner_id; // empty for a classroom session (anonymous)
    std::string course_id;
    std::string scenario_id;
    std::string bundle_hash;    // the bundle's content hash (hex)
    std::string bundle_version; // the compiler version that built it
    Mode mode = Mode::SelfPaced;
    std::string language = "en";
    std::uint64_t seed = 0;
    std::vector<std::uint8_t> save; // the run's save blob at its start
};

struct DimensionScore {
    std::string dimension;
    std::int64_t score = 0;
    std::int64_t min = 0;
    std::int64_t max = 0;
};

// How an attempt ended.
struct AttemptResult {
    std::string ending_node;
    std::string outcome;
    std::vector<DimensionScore> scores;
    std::int64_t raw = 0; // the sum over dimensions, within [min, max]
    std::int64_t min = 0;
    std::int64_t max = 0;
    bool passed = false;
    double scaled() const; // (raw - min) / (max - min) in [0, 1]; 1 for an empty range
};

struct Attempt {
    std::string id; // a UUID: the xAPI registration
    std::string learner_id;
    std::string course_id;
    std::string scenario_id;
    std::string bundle_hash;
    std::string bundle_version;
    Mode mode = Mode::SelfPaced;
    std::string language;
    std::uint64_t seed = 0;
    TimeMs started = 0;
    std::optional<TimeMs> finished;
    Status status = Status::InProgress;
    std::int64_t active_ms = 0; // time on task, idle gaps left out
    TimeMs last_activity = 0;
    std::uint32_t events = 0;
    std::vector<std::uint8_t> save; // the run after its last recorded event
    std::optional<AttemptResult> result;
};

enum class EventKind : std::uint8_t { Choice, Answer };

// One option the learner was offered at a decision or knowledge check.
struct Offered {
    std::string id;
    std::string text;
    bool best = false; // a best-tier choice, or a correct check option
};

struct ScoreChange {
    std::string dimension;
    std::int64_t delta = 0;
};

// How many people in a classroom voted for one choice or option: all of
// them, and how many of those voted from a phone (the rest by hand).
struct VoteCount {
    std::string id;
    std::int64_t count = 0;
    std::int64_t phones = 0; // 0 <= phones <= count
    std::int64_t hands() const { return count - phones; }
};

// One decision or knowledge-check answer, as the learner saw it.
struct Event {
    std::string attempt_id;
    std::uint32_t sequence = 0; // 1, 2, 3... within the attempt
    TimeMs time = 0;
    std::string node_id;
    std::string prompt; // the question or the decision's situation, shortened
    EventKind kind = EventKind::Choice;
    std::vector<std::string> response; // the choice id, or the picked option ids
    std::vector<Offered> offered;
    std::string tier;     // choices only
    bool correct = false; // a best-tier choice, or an exactly right answer
    std::vector<ScoreChange> score_changes;
    std::vector<std::string> indicators; // newly noticed indicator ids
    std::int64_t time_on_node_ms = 0;
    // Classroom sessions only: the room's votes, and which explored branch
    // this step belongs to (0 is the first path; each "go back" starts a new one).
    std::vector<VoteCount> votes;
    std::uint32_t branch = 0;
};

// A classroom session: its attempt is mode Classroom with no learner.
// Participants are anonymous; only a head count is kept.
struct ClassroomSession {
    std::string attempt_id;
    std::string name;
    std::string facilitator; // may be empty
    std::int64_t head_count = 0;
};

struct Completion {
    std::string learner_id;
    std::string course_id;
    TimeMs completed = 0;
    std::int64_t score_percent = 0;
    std::int64_t minutes = 0; // active minutes over the course's attempts
};

struct Attestation {
    std::string learner_id;
    std::string course_id;
    std::string statement; // the words the learner agreed to
    TimeMs time = 0;
};

// An issued certificate. The id never changes once issued; a reprint renders
// the stored credential again.
struct Certificate {
    std::string id;
    std::string learner_id;
    std::string course_id;
    TimeMs issued = 0;
    std::string verification_code;
    std::string credential_json; // the signed credential, exactly as issued

    // Where verifiers learn whether it was revoked: the provider's status list
    // (a URL) and this certificate's index in it. Empty when it was issued
    // without one.
    std::string status_list;
    std::optional<std::int64_t> status_index;
    // Set once `sightline cert revoke` recorded it; a revocation is final.
    std::optional<TimeMs> revoked;
    std::string revocation_reason;
};

} // namespace sightline::records
