#include "learning/learning.hpp"

#include "bundle/bundle.hpp"
#include "i18n/i18n.hpp"
#include "model/translation.hpp"
#include "records/paths.hpp"
#include "runtime/errors.hpp"

#include <algorithm>
#include <limits>
#include <random>
#include <stdexcept>

namespace sightline::learning {

namespace {

std::string trimmed(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(first, last - first + 1));
}

// "1.2.3" from the header's major<<16 | minor<<8 | patch.
std::string version_text(std::uint32_t v) {
    return std::to_string(v >> 16) + "." + std::to_string((v >> 8) & 0xFF) + "." +
           std::to_string(v & 0xFF);
}

std::uint32_t passing_of(const model::Course* course) {
    return course != nullptr ? course->passing_score : 0;
}

} // namespace

runtime::RunOptions run_options(std::optional<std::uint64_t> seed) {
    if (seed) {
        return {*seed, true};
    }
    std::random_device random;
    return {(std::uint64_t{random()} << 32) | random(), true};
}

BundleInfo bundle_info(const bundle::LoadedBundle& loaded) {
    return {loaded.content_hash(), version_text(loaded.header.compiler_version)};
}

Learning::Learning(records::Store& store, const model::Bundle& bundle, BundleInfo info,
                   Settings settings)
    : store_(&store), bundle_(&bundle), info_(std::move(info)), settings_(std::move(settings)),
      translations_(bundle) {}

// ---------------------------------------------------------------- the learner

std::vector<records::Learner> Learning::learners() {
    return store_->learners();
}

records::Learner Learning::add_learner(records::LearnerInput input) {
    input.display_name = trimmed(input.display_name);
    input.profession = trimmed(input.profession);
    input.licence_number = trimmed(input.licence_number);
    input.licence_state = trimmed(input.licence_state);
    input.hire_date = trimmed(input.hire_date);
    input.job_role = trimmed(input.job_role);
    input.site = trimmed(input.site);
    if (input.display_name.empty()) {
        throw LearnerError(i18n::tr("Please type a name first."));
    }
    if (!input.hire_date.empty() && !records::is_calendar_date(input.hire_date)) {
        throw LearnerError(i18n::tr("Please write the hire date as year-month-day, for example "
                                    "2026-03-01, or leave it empty."));
    }
    // Two profiles with one name would be told apart by no one.
    for (const records::Learner& l : store_->learners()) {
        if (l.display_name == input.display_name) {
            // TRANSLATORS: {1} is the learner's name.
            throw LearnerError(i18n::format(i18n::tr("There is already a profile named {1}. Pick "
                                                     "it, or add something to the name to tell "
                                                     "you apart."),
                                            {l.display_name}));
        }
    }
    return store_->add_learner(input);
}

records::Learner Learning::learner_named(std::string_view id_or_name) {
    for (const records::Learner& l : store_->learners()) {
        if (l.id == id_or_name || l.display_name == id_or_name) {
            return l;
        }
    }
    return add_learner({std::string(id_or_name), "", "", "", "", "", ""});
}

std::vector<std::string> Learning::job_roles() const {
    std::vector<std::string> roles;
    for (const model::Rule& rule : bundle_->rules) {
        roles.insert(roles.end(), rule.applies_to.begin(), rule.applies_to.end());
    }
    std::sort(roles.begin(), roles.end());
    roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
    return roles;
}

bool Learning::select_learner(std::string_view id) {
    std::optional<records::Learner> found = store_->learner(id);
    if (!found) {
        return false;
    }
    learner_ = std::move(found);
    return true;
}

const records::Learner& Learning::selected() const {
    if (!learner_) {
        throw std::logic_error("learning: no learner is selected");
    }
    return *learner_;
}

// ---------------------------------------------------------------- language

std::vector<std::string> Learning::languages() const {
    return model::languages(*bundle_);
}

LanguageWish Learning::wish(std::string_view chosen) const {
    LanguageWish w;
    w.chosen = std::string(chosen);
    if (learner_) {
        w.preference = learner_->language;
    }
    w.system = settings_.system_language ? *settings_.system_language : i18n::system_language();
    return w;
}

LanguageChoice Learning::language_for(const model::Course* course, std::string_view chosen) const {
    return choose_language(course != nullptr ? course_languages(*bundle_, *course) : languages(),
                           wish(chosen));
}

bool Learning::set_language_preference(std::string_view language) {
    const records::Learner& learner = selected();
    const std::string tag = match_language(languages(), language);
    if (tag.empty()) {
        return false;
    }
    if (learner.language == tag) {
        return true;
    }
    records::LearnerInput input = records::input_of(learner);
    input.language = tag;
    if (std::optional<records::Learner> updated = store_->update_learner(learner.id, input)) {
        learner_ = std::move(updated);
    }
    return true;
}

// ---------------------------------------------------------------- progress

CourseProgress Learning::progress(const model::Course& course) {
    return course_progress(*store_, *bundle_, course, selected().id, now());
}

std::optional<records::Attempt> Learning::unfinished(std::string_view scenario_id) {
    return store_->unfinished_attempt(selected().id, scenario_id);
}

// ---------------------------------------------------------------- playing

Started Learning::start(const model::Scenario& scenario, const model::Course* course,
                        const StartOptions& options) {
    const records::Learner& learner = selected();
    std::string notice;
    // An attempt started before the course's current cycle no longer counts.
    const records::TimeMs cycle_start =
        course != nullptr ? course_renewal(*store_, *bundle_, *course, learner.id, now())
                                .cycle_start.value_or(std::numeric_limits<records::TimeMs>::min())
                          : std::numeric_limits<records::TimeMs>::min();
    if (const std::optional<records::Attempt> open = unfinished(scenario.id)) {
        const bool stale = course != nullptr && open->course_id == course->id &&
                           open->mode == records::Mode::SelfPaced && open->started < cycle_start;
        if (options.unfinished == Unfinished::Resume && !stale) {
            // An attempt is played in one language: it goes on in its own,
            // which the bundle may no longer have (then English).
            std::string language = match_language(languages(), open->language);
            if (language.empty()) {
                language = "en";
            }
            const std::string asked = options.language.empty()
                                          ? language_for(course).language
                                          : match_language(languages(), options.language);
            try {
                Session session = Session::resume(*store_, bundle_in(language), *open);
                std::string said;
                if (!asked.empty() && asked != language) {
                    // TRANSLATORS: {1} and {2} are languages' names in those languages
                    // ("English", "Español").
                    said = i18n::format(
                        i18n::tr("This scenario goes on in {1}, the language you started it in. "
                                 "Start it again to play it in {2}."),
                        {language_name(language), language_name(asked)});
                }
                // The program's text follows the language the attempt is played in
                // (the sentence above is in the language asked for).
                i18n::set_language(language);
                return {std::move(session), true, std::move(said), language};
            } catch (const runtime::SaveError&) {
                notice = i18n::tr("The course has changed since you stopped, so this scenario "
                                  "starts again from the beginning.");
            }
        }
        // Never two open attempts at one scenario: the old one is closed.
        store_->abandon_attempt(open->id, now());
    }
    SessionStart start;
    start.learner_id = learner.id;
    start.course_id = course != nullptr ? course->id : "";
    start.scenario_id = scenario.id;
    start.options = run_options(settings_.seed);
    // The language asked for when the course (or, outside a course, the
    // scenario) has it; English otherwise.
    const std::vector<std::string> available = course != nullptr
                                                   ? course_languages(*bundle_, *course)
                                                   : scenario_languages(*bundle_, scenario);
    start.language = options.language.empty()
                         ? choose_language(available, wish({})).language
                         : choose_language(available, {options.language, {}, {}}).language;
    i18n::set_language(start.language); // the program's text follows the course's
    return {Session::start(*store_, bundle_in(start.language), info_, start, now()), false,
            std::move(notice), start.language};
}

Finished Learning::finish(Session& session, const model::Course* course,
                          std::optional<records::TimeMs> when) {
    const records::TimeMs at = when.value_or(now());
    Finished done;
    done.result = session.finish(passing_of(course), at);
    if (course != nullptr) {
        done.completion = complete_course(*course, at);
    }
    return done;
}

Finished Learning::finish(Recorder& recorder, const runtime::Run& run, const model::Course* course,
                          std::optional<records::TimeMs> when) {
    const records::TimeMs at = when.value_or(now());
    Finished done;
    done.result = recorder.record_finish(run, passing_of(course), at);
    if (course != nullptr) {
        done.completion = complete_course(*course, at);
    }
    return done;
}

// A course is completed when every required scenario is completed with a
// passing score; recorded once, and once more in each renewal cycle (the
// progress then counts only the cycle's attempts). Credit (time,
// attestation) is checked when the certificate is issued.
std::optional<records::Completion> Learning::complete_course(const model::Course& course,
                                                             records::TimeMs when) {
    const CourseProgress p = course_progress(*store_, *bundle_, course, selected().id, when);
    if (!(p.all_required_completed() && p.passing())) {
        return std::nullopt;
    }
    const std::vector<records::Completion> done = store_->completions(selected().id);
    if (!p.renewal.open && std::any_of(done.begin(), done.end(), [&](const records::Completion& c) {
            return c.course_id == course.id;
        })) {
        return std::nullopt;
    }
    const records::Completion completion{selected().id, course.id, when, *p.score_percent,
                                         p.active_ms / 60000};
    store_->record_completion(completion);
    return completion;
}

// ---------------------------------------------------------------- credit

std::filesystem::path Learning::config_dir() const {
    return settings_.config_dir.empty() ? records::default_config_dir() : settings_.config_dir;
}

std::filesystem::path Learning::certificates_dir() const {
    if (!settings_.certificates_dir.empty()) {
        return settings_.certificates_dir;
    }
    const std::filesystem::path db(store_->location());
    return (db.has_parent_path() ? db.parent_path() : records::default_data_dir()) / "certificates";
}

Credit Learning::credit(const model::Course& course) {
    Credit c;
    c.progress = progress(course);
    c.rules = rule_lines(c.progress);
    // The current cycle's certificate (any, without renewals).
    c.certificate = credentials::find_certificate(*store_, selected().id, course.id,
                                                  c.progress.renewal.certificates_since);
    const CourseProgress& p = c.progress;
    if (c.certificate || !(p.all_required_completed() && p.passing() && p.enough_time())) {
        return c;
    }
    if (!p.attested()) {
        c.attestation_offered = true;
        return c;
    }
    // Every rule is met: the certificate can be issued here only where the
    // training provider has been set up.
    try {
        (void)credentials::load_provider(config_dir(), false);
        c.issue_offered = true;
    } catch (const credentials::CredentialError& e) {
        c.issue_elsewhere = issue_elsewhere_message(e.what());
    }
    return c;
}

void Learning::attest(const model::Course& course) {
    learning::attest(*store_, selected().id, course.id, now());
}

credentials::IssuedCertificate Learning::issue(const model::Course& course) {
    const credentials::Provider provider = credentials::load_provider(config_dir(), true);
    credentials::IssueOptions options;
    options.out_dir = certificates_dir();
    options.bundle_hash = info_.content_hash;
    options.now = now();
    return issue_certificate(*store_, *bundle_, course, selected().id, provider, options);
}

} // namespace sightline::learning
