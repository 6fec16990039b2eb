// Path analysis over a linked scenario: the score bounds of every path from the
// start to an ending. Conditions are ignored (any choice may be taken) and a
// loop is followed at most once, so the bounds are what a learner could reach.
#pragma once

#include "model/model.hpp"

#include <cstdint>
#include <functional>
#include <vector>

namespace sightline::model {

struct PathBounds {
    std::vector<ScoreRange> per_dimension; // each dimension on its own best/worst path
    std::int64_t max_total = 0;            // the largest sum over all dimensions on one path
    std::int64_t min_total = 0;
    bool reaches_ending = false;
};

// `allow` may exclude choices (for example, everything but the best tier).
// The scenario must be linked; the walk is iterative, so a 200,000-node chain is fine.
PathBounds path_bounds(const Scenario& scenario, std::size_t dimension_count,
                       const std::function<bool(const Node&, const Choice&)>& allow = {});

// True for the choices whose tier has the best (lowest) rank among their node's choices.
bool is_best_tier_choice(const Node& node, const Choice& choice, const std::vector<Tier>& tiers);

} // namespace sightline::model
