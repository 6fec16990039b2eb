// The learning layer: the rules of learning that every player follows, in one
// place (as Tracy's Worker is the one data model behind its View). The desktop
// views, the text printer and the classroom only turn this state into screens
// or text and user input into calls:
//
//   - the learner: picking one, or adding one (a name is required and unique);
//   - the catalogue: courses grouped by role, foundations first (shelf.hpp);
//   - start or resume: an unfinished attempt is resumed or abandoned, never
//     left behind twice; a resume whose place the content no longer has
//     starts afresh with a notice;
//   - durable steps: a learning::Session commits each choice and answer
//     before it returns the feedback (session.hpp);
//   - finishing: the result is recorded against the course's passing score,
//     and the course's completion as soon as every required scenario passes;
//   - progress, attestation, eligibility and issuing (progress.hpp, credit.hpp);
//   - the language each course is played in, and the learner's preferred
//     language (language.hpp).
//
// records::Store keeps the data; it does not know how a scenario is played.
#pragma once

#include "credentials/issue.hpp"
#include "learning/credit.hpp"
#include "learning/language.hpp"
#include "learning/progress.hpp"
#include "learning/session.hpp"
#include "learning/shelf.hpp"
#include "records/store.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::bundle {
struct LoadedBundle;
}

namespace sightline::learning {

// A learner profile that cannot be added as given (no name, a name taken):
// the message is a sentence to show the learner.
class LearnerError : public std::runtime_error {
  public:
    explicit LearnerError(const std::string& what) : std::runtime_error(what) {}
};

// Which bundle an attempt is played from, as recorded with it.
BundleInfo bundle_info(const bundle::LoadedBundle& loaded);

struct Settings {
    std::filesystem::path config_dir; // the provider's key; empty: records::default_config_dir()
    std::filesystem::path certificates_dir; // empty: "certificates" beside the records
    // The seed of every attempt started here (`--seed`: to reproduce an
    // order); unset: a fresh one per attempt.
    std::optional<std::uint64_t> seed;
    // The system locale's language for choosing a course's language; unset:
    // i18n::system_language() (tests set it).
    std::optional<std::string> system_language = {};
};

// How every attempt is played: choices and check options always in a seeded
// order, so that their position says nothing about which is best. The seed is
// `seed` or a fresh random one; it is recorded with the attempt (and exported)
// and restored on resume, so a learner sees the same order after a restart.
runtime::RunOptions run_options(std::optional<std::uint64_t> seed);

// What to do with an unfinished attempt at the scenario being started.
enum class Unfinished : std::uint8_t { Resume, StartAgain };

struct StartOptions {
    Unfinished unfinished = Unfinished::Resume;
    // The language to play a new attempt in, as Learning::language_for() chose
    // it; empty: what it chooses with nothing chosen. A resumed attempt goes
    // on in the language it was started in.
    std::string language = {};
};

struct Started {
    Session session;
    bool resumed = false;
    std::string notice;   // for the learner, e.g. why a resume started afresh
    std::string language; // the language the attempt is played in
};

struct Finished {
    records::AttemptResult result;
    // The course's completion, when this attempt completed it just now.
    std::optional<records::Completion> completion;
};

class Learning {
  public:
    // The store and the bundle must outlive this.
    Learning(records::Store& store, const model::Bundle& bundle, BundleInfo info,
             Settings settings = {});

    // "Today" for renewal cycles (progress.hpp), and the time of what is
    // recorded without one given (starting, attesting, issuing, finishing);
    // unset: records::now_ms(). Tests move it to simulate the years.
    using Clock = std::function<records::TimeMs()>;
    void set_clock(Clock clock) { clock_ = std::move(clock); }
    records::TimeMs now() const { return clock_ ? clock_() : records::now_ms(); }

    // ---- the learner
    std::vector<records::Learner> learners();
    // Adds a profile: the name is required (trimmed) and must not be taken;
    // a hire date must be a real YYYY-MM-DD date. Throws LearnerError, or
    // records::RecordsError.
    records::Learner add_learner(records::LearnerInput input);
    // The learner with this id or name, added (with just a name) when there
    // is none: `--learner NAME` in a script.
    records::Learner learner_named(std::string_view id_or_name);
    // The job roles a profile may name: every role the bundle's compliance
    // rules apply to, sorted ("hotel", "hotel/front-desk", ...).
    std::vector<std::string> job_roles() const;
    // Makes the learner with this id the one training; false when unknown.
    bool select_learner(std::string_view id);
    void clear_learner() { learner_.reset(); }
    const std::optional<records::Learner>& learner() const { return learner_; }

    // ---- language (language.hpp)
    // The bundle's languages, "en" first.
    std::vector<std::string> languages() const;
    // The language `course` is played in: `chosen` (--lang, the desktop
    // switch), else the selected learner's preference, else the system
    // locale's language when the course has it, else English. A chosen or
    // preferred language the course lacks gives English and a notice. With no
    // course: the same over the bundle's languages (what a language switch
    // shows as selected).
    LanguageChoice language_for(const model::Course* course, std::string_view chosen = {}) const;
    // Keeps `language` (one of languages(), matched as match_language() does)
    // as the selected learner's preferred language; false, keeping nothing,
    // when the bundle does not have it. Throws records::RecordsError.
    bool set_language_preference(std::string_view language);
    // The bundle with its text in `language` (English where the translation
    // has none; the bundle itself for "en" or a language it lacks). Made once
    // per language; valid as long as this Learning.
    const model::Bundle& bundle_in(std::string_view language) { return translations_.in(language); }

    // ---- the catalogue and progress (of the selected learner)
    std::vector<ShelfGroup> shelf() const { return course_shelf(*bundle_); }
    // The current cycle's progress as of now(): while the course is open for
    // renewal (progress.renewal), only what was done since it opened counts.
    CourseProgress progress(const model::Course& course);
    // The learner's unfinished attempt at the scenario, to offer resuming it.
    std::optional<records::Attempt> unfinished(std::string_view scenario_id);

    // ---- playing: start or resume, then finish
    // Starts the scenario for the selected learner (of `course`, which may be
    // null for a scenario played outside a course). An unfinished attempt is
    // resumed or abandoned as `options` say; one started before the course's
    // current renewal cycle is abandoned (it would not count). A new attempt
    // is played in `options.language` (bundle_in()) and records it; a resumed
    // one goes on in its own language, with a notice when that is not the one
    // asked for. Throws records::RecordsError.
    Started start(const model::Scenario& scenario, const model::Course* course,
                  const StartOptions& options = {});
    // At an ending: records the result against the course's passing score,
    // then the course's completion once every required scenario is passed:
    // once, or once more per renewal cycle. `when`: nullopt is now().
    // Throws records::RecordsError; the attempt then stays open at its ending.
    Finished finish(Session& session, const model::Course* course,
                    std::optional<records::TimeMs> when = std::nullopt);
    // The same for a run a player drives itself through a Recorder.
    Finished finish(Recorder& recorder, const runtime::Run& run, const model::Course* course,
                    std::optional<records::TimeMs> when = std::nullopt);

    // ---- credit
    Credit credit(const model::Course& course);
    void attest(const model::Course& course);
    // Issues the certificate with the provider set up here; throws
    // credentials::CredentialError (NotEligible, AlreadyIssued, no provider)
    // or records::RecordsError.
    credentials::IssuedCertificate issue(const model::Course& course);

  private:
    std::filesystem::path config_dir() const;
    std::filesystem::path certificates_dir() const;
    const records::Learner& selected() const; // throws std::logic_error when none
    LanguageWish wish(std::string_view chosen) const;
    std::optional<records::Completion> complete_course(const model::Course& course,
                                                       records::TimeMs when);

    records::Store* store_;
    const model::Bundle* bundle_;
    BundleInfo info_;
    Settings settings_;
    Clock clock_;
    std::optional<records::Learner> learner_;
    Translations translations_;
};

} // namespace sightline::learning
