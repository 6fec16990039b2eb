#include "learning/progress.hpp"

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

CourseProgress course_progress(records::Store& store, const model::Bundle& bundle,
                               const model::Course& course, std::string_view learner_id) {
    CourseProgress progress;
    progress.course = &course;
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
            it == by_id.end()) {
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
    return progress;
}

} // namespace sightline::learning
