#include "learning/score.hpp"

#include <algorithm>
#include <cmath>

namespace sightline::learning {

records::AttemptResult finished_result(const runtime::Run& run, std::uint32_t passing_percent) {
    const runtime::Debrief debrief = run.debrief();
    records::AttemptResult result;
    result.ending_node = std::string(debrief.ending_node);
    result.outcome = std::string(debrief.outcome);
    for (const auto& score : debrief.scores) {
        result.scores.push_back({std::string(score.id), score.score, score.min, score.max});
        result.raw += score.score;
        result.min += score.min;
        result.max += score.max;
    }
    result.raw = std::clamp(result.raw, result.min, std::max(result.min, result.max));
    result.passed = result.scaled() * 100.0 + 1e-9 >= static_cast<double>(passing_percent);
    return result;
}

int scenario_percent(const records::AttemptResult& result) {
    return static_cast<int>(std::lround(result.scaled() * 100.0));
}

std::optional<int> course_percent(std::span<const int> required_percents) {
    if (required_percents.empty()) {
        return std::nullopt;
    }
    long total = 0;
    for (const int percent : required_percents) {
        total += percent;
    }
    return static_cast<int>(
        std::lround(static_cast<double>(total) / static_cast<double>(required_percents.size())));
}

bool reaches_passing_score(const model::Course& course, std::optional<int> score_percent) {
    return score_percent && *score_percent >= static_cast<int>(course.passing_score);
}

} // namespace sightline::learning
