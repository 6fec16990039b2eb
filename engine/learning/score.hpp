// The score of a finished run, computed once for everyone who needs it: the
// recorder stores it with the attempt, progress and credit count it, and the
// gaming audit (audit.hpp) measures strategies with exactly the same figures.
#pragma once

#include "model/model.hpp"
#include "records/records.hpp"
#include "runtime/run.hpp"

#include <cstdint>
#include <optional>
#include <span>

namespace sightline::learning {

// The result of a run at its ending: each dimension's score against the
// scenario's reachable range, their sums (raw clamped into [min, max]) and
// whether AttemptResult::scaled() reaches `passing_percent`. Throws
// runtime::RunError before an ending.
records::AttemptResult finished_result(const runtime::Run& run, std::uint32_t passing_percent);

// A finished attempt's score as progress counts it: a whole percentage 0-100.
int scenario_percent(const records::AttemptResult& result);

// A course's score from its required scenarios' percentages: their mean,
// rounded; nullopt when there are none.
std::optional<int> course_percent(std::span<const int> required_percents);

// The credit rule on the score: a course score at or above the course's
// passing score (CourseProgress::passing).
bool reaches_passing_score(const model::Course& course, std::optional<int> score_percent);

} // namespace sightline::learning
