#include "learning/progress.hpp"

#include "i18n/i18n.hpp"
#include "learning/score.hpp"
#include "runtime/catalogue.hpp"

#include <algorithm>
#include <map>
#include <vector>

namespace sightline::learning {

bool CourseProgress::passing() const {
    return course != nullptr && reaches_passing_score(*course, score_percent);
}

bool CourseProgress::enough_time() const {
    return course != nullptr &&
           active_ms >= static_cast<std::int64_t>(course->credit_minutes) * 60 * 1000;
}

namespace {

constexpr records::TimeMs kMsPerDay = 86'400'000;

records::TimeMs start_of(Day day) {
    return records::TimeMs{day.days} * kMsPerDay;
}

} // namespace

Renewal course_renewal(const std::vector<model::Rule>& rules, const model::Course& course,
                       std::string_view job_role,
                       const std::vector<records::Completion>& completions, records::TimeMs now) {
    Renewal renewal;
    const std::optional<int> months = renewal_months(rules, course, job_role);
    if (!months) {
        return renewal;
    }
    std::vector<records::TimeMs> times;
    for (const records::Completion& c : completions) {
        if (c.course_id == course.id) {
            times.push_back(c.completed);
        }
    }
    if (times.empty()) {
        return renewal;
    }
    std::sort(times.begin(), times.end());
    const auto due = [&](records::TimeMs completed) {
        return add_months(day_of(completed), *months);
    };
    // The cycle after a completion starts when its renewal window opens, and
    // never before the completion itself.
    const auto cycle_after = [&](records::TimeMs completed) {
        return std::max(completed + 1, start_of(due_window_opens(due(completed))));
    };
    records::TimeMs latest = times.front();
    for (std::size_t i = 1; i < times.size(); ++i) {
        if (times[i] >= cycle_after(latest)) { // a renewal of the completion before
            renewal.cycle_start = cycle_after(latest);
            renewal.certificates_since = times[i];
        }
        latest = times[i];
    }
    renewal.due = due(latest);
    if (day_of(now) >= due_window_opens(*renewal.due)) {
        renewal.open = true;
        renewal.cycle_start = cycle_after(latest);
        renewal.certificates_since = std::numeric_limits<records::TimeMs>::max();
    }
    return renewal;
}

Renewal course_renewal(records::Store& store, const model::Bundle& bundle,
                       const model::Course& course, std::string_view learner_id,
                       records::TimeMs now) {
    if (course.meets.empty()) {
        return {};
    }
    const std::optional<records::Learner> learner = store.learner(learner_id);
    if (!learner || !renewal_months(bundle.rules, course, learner->job_role)) {
        return {};
    }
    return course_renewal(bundle.rules, course, learner->job_role, store.completions(learner_id),
                          now);
}

std::string renewal_line(const Renewal& renewal) {
    if (!renewal.open || !renewal.due) {
        return {};
    }
    // TRANSLATORS: {1} is a date, 2027-03-01.
    return i18n::format(i18n::tr("Renewal due by {1}: play the required scenarios again."),
                        {format_day(*renewal.due)});
}

CourseProgress course_progress(records::Store& store, const model::Bundle& bundle,
                               const model::Course& course, std::string_view learner_id,
                               records::TimeMs now) {
    CourseProgress progress;
    progress.course = &course;
    progress.renewal = course_renewal(store, bundle, course, learner_id, now);
    const std::optional<records::TimeMs> cycle_start = progress.renewal.cycle_start;
    const runtime::Catalogue catalogue(bundle);
    std::map<std::string, ScenarioProgress*, std::less<>> by_id;
    for (const auto& entry : catalogue.scenarios(course.id)) {
        ScenarioProgress scenario;
        scenario.scenario = entry.scenario;
        scenario.required = entry.required;
        progress.scenarios.push_back(std::move(scenario));
    }
    for (auto& scenario : progress.scenarios) {
        by_id[scenario.scenario->id] = &scenario;
    }
    for (const records::Attempt& attempt : store.attempts(learner_id, /*with_saves=*/false)) {
        const auto it = by_id.find(attempt.scenario_id);
        if (attempt.mode != records::Mode::SelfPaced || attempt.course_id != course.id ||
            it == by_id.end() || (cycle_start && attempt.started < *cycle_start)) {
            continue;
        }
        ScenarioProgress& s = *it->second;
        s.active_ms += attempt.active_ms;
        progress.active_ms += attempt.active_ms;
        if (attempt.status == records::Status::Completed && attempt.result) {
            const int percent = scenario_percent(*attempt.result);
            s.best_percent = s.best_percent ? std::max(*s.best_percent, percent) : percent;
            s.state = ScenarioState::Completed;
        } else if (attempt.status == records::Status::InProgress) {
            s.resume = attempt.id; // attempts come oldest first: the newest wins
            if (s.state == ScenarioState::NotStarted) {
                s.state = ScenarioState::InProgress;
            }
        }
    }
    std::vector<int> required_percents;
    for (const auto& s : progress.scenarios) {
        if (!s.required) {
            continue;
        }
        ++progress.required_total;
        if (s.state == ScenarioState::Completed) {
            ++progress.required_completed;
            required_percents.push_back(*s.best_percent);
        }
    }
    if (progress.required_total > 0 && progress.all_required_completed()) {
        progress.score_percent = course_percent(required_percents);
    }
    progress.attestation = store.attestation(learner_id, course.id);
    if (progress.attestation && cycle_start && progress.attestation->time < *cycle_start) {
        progress.attestation.reset(); // the learner confirms each cycle
    }
    return progress;
}

} // namespace sightline::learning
