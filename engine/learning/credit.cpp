#include "learning/credit.hpp"

#include "i18n/i18n.hpp"
#include "learning/language.hpp"
#include "model/link.hpp"
#include "model/translation.hpp"
#include "runtime/catalogue.hpp"

#include <algorithm>
#include <set>

namespace sightline::learning {

namespace {

int passing_of(const CourseProgress& p) {
    return p.course != nullptr ? static_cast<int>(p.course->passing_score) : 0;
}

// Whether course_progress counts the attempt (progress.cpp): the learner's
// self-paced attempts of this course of the current cycle.
bool counted(const records::Attempt& attempt, const model::Course& course,
             const std::optional<records::TimeMs>& cycle_start) {
    return attempt.mode == records::Mode::SelfPaced && attempt.course_id == course.id &&
           (!cycle_start || attempt.started >= *cycle_start);
}

// Replays each attempt that course_progress counts: the learner's self-paced
// attempts of this course (and cycle) at one of its scenarios.
void replay_counted_attempts(records::Store& store, const model::Bundle& bundle,
                             const model::Course& course, std::string_view learner_id,
                             const std::optional<records::TimeMs>& cycle_start,
                             std::string_view bundle_hash) {
    std::set<std::string, std::less<>> scenarios;
    for (const auto& entry : runtime::Catalogue(bundle).scenarios(course.id)) {
        scenarios.insert(entry.scenario->id);
    }
    for (const records::Attempt& attempt : store.attempts(learner_id, /*with_saves=*/false)) {
        if (!counted(attempt, course, cycle_start) || !scenarios.contains(attempt.scenario_id)) {
            continue;
        }
        ReplayResult replay =
            replay_attempt(bundle, bundle_hash, attempt, store.events(attempt.id));
        if (!replay.accepted()) {
            throw AttemptRefused(std::move(replay));
        }
    }
}

} // namespace

AttemptRefused::AttemptRefused(ReplayResult replay)
    : credentials::CredentialError("cannot issue the certificate: " + replay.reason),
      replay_(std::move(replay)) {}

std::vector<RuleLine> rule_lines(const CourseProgress& p) {
    std::vector<RuleLine> rules;
    using i18n::tr;
    // TRANSLATORS: {1} scenarios completed of the {2} the course requires ({2} may be 1).
    rules.push_back(
        {i18n::format(tr("{1} of {2} required scenarios completed."),
                      {std::to_string(p.required_completed), std::to_string(p.required_total)}),
         p.all_required_completed()});
    const std::string passing = std::to_string(passing_of(p));
    // TRANSLATORS: {1} is the learner's score in percent, {2} the passing score in percent.
    rules.push_back({p.score_percent
                         ? i18n::format(tr("Score {1}%; passing is {2}%."),
                                        {std::to_string(*p.score_percent), passing})
                         : i18n::format(tr("Score: counted once every required scenario is "
                                           "completed; passing is {1}%."),
                                        {passing}),
                     p.passing()});
    if (p.course != nullptr && p.course->credit_minutes > 0) {
        // TRANSLATORS: {1} minutes spent of the {2} minutes the course requires.
        rules.push_back({i18n::format(tr("Time on task {1} of {2} minutes."),
                                      {std::to_string(p.active_ms / 60000),
                                       std::to_string(p.course->credit_minutes)}),
                         p.enough_time()});
    }
    rules.push_back({p.attested() ? tr("You confirmed that you did this training yourself.")
                                  : tr("Your confirmation that you did this training yourself."),
                     p.attested()});
    return rules;
}

std::vector<std::string> unmet_rules(const CourseProgress& p) {
    using i18n::format;
    using i18n::tr;
    using i18n::tr_n;
    const auto n = [](auto number) { return std::to_string(number); };
    std::vector<std::string> unmet;
    if (!p.all_required_completed()) {
        unmet.push_back(format(tr_n("{1} of {2} required scenario completed",
                                    "{1} of {2} required scenarios completed",
                                    static_cast<unsigned long>(p.required_total)),
                               {n(p.required_completed), n(p.required_total)}));
    }
    const int passing = passing_of(p);
    if (!p.passing()) {
        unmet.push_back(
            p.score_percent
                ? format(tr("score {1}% is below the passing score of {2}%"),
                         {n(*p.score_percent), n(passing)})
                : format(tr("no score yet (the score counts once every required scenario is "
                            "completed; passing is {1}%)"),
                         {n(passing)}));
    }
    if (!p.enough_time()) {
        unmet.push_back(
            format(tr("active time {1} min of the {2} min the course requires"),
                   {n(p.active_ms / 60000), n(p.course ? p.course->credit_minutes : 0)}));
    }
    if (!p.attested()) {
        unmet.push_back(tr("the learner has not yet attested that they completed the training "
                           "themselves"));
    }
    return unmet;
}

void attest(records::Store& store, std::string_view learner_id, std::string_view course_id,
            records::TimeMs when) {
    store.record_attestation(
        {std::string(learner_id), std::string(course_id), attestation_statement_shown(), when});
}

credentials::IssuedCertificate issue_certificate(records::Store& store, const model::Bundle& bundle,
                                                 const model::Course& course,
                                                 std::string_view learner_id,
                                                 const credentials::Provider& provider,
                                                 const credentials::IssueOptions& options) {
    if (!store.learner(learner_id)) {
        throw credentials::CredentialError(
            i18n::format(i18n::tr("no learner '{1}' in {2}"), {learner_id, store.location()}));
    }
    // The current cycle as of `options.now` (progress.hpp: Renewal).
    const CourseProgress progress = course_progress(store, bundle, course, learner_id, options.now);
    const Renewal& renewal = progress.renewal;
    if (std::vector<std::string> unmet = unmet_rules(progress); !unmet.empty()) {
        throw credentials::NotEligible(std::move(unmet));
    }
    // When the last rule was met: the last finished attempt or the attestation.
    // The certificate is in the language of the attempt that completed the
    // course, the last one finished, even when earlier ones were played in
    // another language.
    records::TimeMs completed = progress.attestation->time;
    std::optional<records::TimeMs> last_finished;
    std::string language = "en";
    for (const records::Attempt& a : store.attempts(learner_id, /*with_saves=*/false)) {
        if (counted(a, course, renewal.cycle_start) && a.status == records::Status::Completed &&
            a.finished) {
            completed = std::max(completed, *a.finished);
            if (!last_finished || *a.finished >= *last_finished) {
                last_finished = a.finished;
                language = a.language;
            }
        }
    }
    language = match_language(model::languages(bundle), language);
    if (language.empty()) {
        language = "en"; // a language this edition no longer has
    }
    // An open cycle's completion is recorded below, so its certificate is the
    // first issued from then on.
    credentials::IssueOptions with_rules = options;
    with_rules.certificates_since = renewal.open ? completed : renewal.certificates_since;
    // A certificate issued before is reported as such (AlreadyIssued) below.
    if (!credentials::find_certificate(store, learner_id, course.id,
                                       with_rules.certificates_since)) {
        replay_counted_attempts(store, bundle, course, learner_id, renewal.cycle_start,
                                options.bundle_hash);
    }
    const credentials::CourseEvidence evidence{progress.required_total, progress.score_percent,
                                               *progress.attestation, completed, language};
    // The course's text (title, description, topics, approval) and the rules'
    // titles in that language; ids and numbers are the same in every one.
    const model::Bundle translated =
        language == "en" ? model::Bundle{} : model::in_language(bundle, language);
    const model::Bundle& shown = language == "en" ? bundle : translated;
    const model::Course* shown_course = model::find_by_id(shown.courses, course.id);
    with_rules.rules = credentials::rules_met(shown, course);
    credentials::IssuedCertificate issued =
        credentials::issue_certificate(store, shown_course != nullptr ? *shown_course : course,
                                       learner_id, evidence, provider, with_rules);
    const std::vector<records::Completion> done = store.completions(learner_id);
    if (renewal.open || std::none_of(done.begin(), done.end(), [&](const records::Completion& c) {
            return c.course_id == course.id;
        })) {
        store.record_completion({std::string(learner_id), course.id, completed,
                                 progress.score_percent.value_or(0), progress.active_ms / 60000});
    }
    return issued;
}

std::string attestation_statement_shown() {
    // TRANSLATORS: the statement a learner confirms before a certificate is issued; the
    // records keep it as translated, the words the learner agreed to.
    return i18n::tr("I completed this training myself: I read every scenario and made every "
                    "choice and answer on my own.");
}

std::string issue_failed_message(const std::exception& error) {
    if (const auto* refused = dynamic_cast<const AttemptRefused*>(&error)) {
        // TRANSLATORS: {1} is the technical reason, in English.
        return i18n::format(
            i18n::tr("The certificate cannot be issued: an attempt in your records does not "
                     "replay as it was recorded ({1}). Ask your training administrator to look "
                     "at your records."),
            {refused->replay().reason});
    }
    return issue_elsewhere_message(error.what());
}

std::string issue_elsewhere_message(std::string why) {
    while (!why.empty() && (why.back() == '.' || why.back() == ' ')) {
        why.pop_back();
    }
    // TRANSLATORS: {1} is the reason, from the certificate's provider.
    return i18n::format(i18n::tr("You have met every rule. The certificate could not be issued "
                                 "here yet: {1}. Your completion is recorded; an administrator "
                                 "can issue it later with sightline cert issue."),
                        {why});
}

} // namespace sightline::learning
