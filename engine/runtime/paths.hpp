// The best and worst paths through a scenario, one step at a time: which choice
// and which check options a learner on that path picks at the current point of
// a run. The best path always takes the best-tier choice shown (among those,
// the one that keeps the highest score reachable) and answers every knowledge
// check correctly; the worst path takes the lowest-tier choice (among those,
// the one that scores least now) and answers every check wrongly.
// tests/tools/transcript_paths.cpp writes transcripts along these paths and
// content/stats.hpp estimates a course's play time along the best one.
#pragma once

#include "runtime/run.hpp"

#include <cstddef>
#include <vector>

namespace sightline::runtime {

enum class PathKind : std::uint8_t { Best, Worst };

// The position (1-based, as shown) of the choice the path takes at the current
// decision. Throws RunError when no shown choice can be taken.
std::size_t pick_choice(const Run& run, PathKind path);

// The option positions (1-based, as shown) the path ticks at the current
// knowledge check: the correct ones, or the wrong ones.
std::vector<std::size_t> pick_options(const Run& run, PathKind path);

} // namespace sightline::runtime
