#include "learning/progress.hpp"

#include "runtime/catalogue.hpp"

#include <cmath>
#include <map>

namespace sightline::learning {

bool CourseProgress::passing() const {
    return score_percent && course != nullptr &&
           *score_percent >= static_cast<int>(course->passing_score);
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
            const int percent = static_cast<int>(std::lround(attempt.result->scaled() * 100.0));
            s.best_percent = s.best_percent ? std::max(*s.best_percent, percent) : percent;
            s.state = ScenarioState::Completed;
        } else if (attempt.status == records::Status::InProgress) {
            s.resume = attempt.id; // attempts come oldest first: the newest wins
            if (s.state == ScenarioState::NotStarted) {
                s.state = ScenarioState::InProgress;
            }
        }
    }
    long total = 0;
    for (const auto& s : progress.scenarios) {
        if (!s.required) {
            continue;
        }
        ++progress.required_total;
        if (s.state == ScenarioState::Completed) {
            ++progress.required_completed;
            total += *s.best_percent;
        }
    }
    if (progress.required_total > 0 && progress.all_required_completed()) {
        progress.score_percent =
            static_cast<int>(std::lround(static_cast<double>(total) / progress.required_total));
    }
    progress.attestation = store.attestation(learner_id, course.id);
    return progress;
}

} // namespace sightline::learning
