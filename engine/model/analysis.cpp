#include "model/analysis.hpp"

#include <algorithm>
#include <limits>

namespace sightline::model {

namespace {

// The walk over the graph, shared by every metric: nodes in depth-first finish
// order, and each node's place in that order. An edge n -> t is followed only
// when t finished before n; an edge to a node still open is a loop and is
// skipped, so loops count once.
struct Walk {
    std::vector<std::uint32_t> order;  // finish order; successors come first
    std::vector<std::uint32_t> finish; // node -> position in order (kNoIndex: unreached)
};

using Allow = std::function<bool(const Node&, const Choice&)>;

std::uint32_t edge_target(const Node& node, std::size_t edge, const Allow& allow) {
    if (edge < node.choices.size()) {
        const Choice& choice = node.choices[edge];
        return allow && !allow(node, choice) ? kNoIndex : choice.target_index;
    }
    return node.next_index;
}

Walk walk(const Scenario& scenario, const Allow& allow) {
    const std::size_t n = scenario.nodes.size();
    Walk result;
    result.finish.assign(n, kNoIndex);
    std::vector<bool> seen(n, false);
    struct Frame {
        std::uint32_t node;
        std::size_t edge;
    };
    std::vector<Frame> stack{{scenario.start_index, 0}};
    seen[scenario.start_index] = true;
    while (!stack.empty()) {
        Frame& frame = stack.back();
        const Node& node = scenario.nodes[frame.node];
        if (frame.edge <= node.choices.size()) {
            const std::uint32_t target = edge_target(node, frame.edge++, allow);
            if (target < n && !seen[target]) {
                seen[target] = true;
                stack.push_back({target, 0});
            }
            continue;
        }
        result.finish[frame.node] = static_cast<std::uint32_t>(result.order.size());
        result.order.push_back(frame.node);
        stack.pop_back();
    }
    return result;
}

// What a choice adds to a metric: one dimension, or all of them (the total).
std::int64_t delta(const std::vector<ScoreChange>& changes, std::size_t dimension, bool total) {
    std::int64_t sum = 0;
    for (const ScoreChange& s : changes) {
        if (total || s.dimension_index == dimension) {
            sum += s.delta;
        }
    }
    return sum;
}

struct Span {
    std::int64_t min = 0, max = 0;
    bool reached = false;
};

// Best and worst sum of one metric from the start to any ending: a pass over
// the finish order, so memory stays proportional to the number of nodes.
Span metric_bounds(const Scenario& scenario, const Walk& w, const Allow& allow,
                   std::size_t dimension, bool total) {
    std::vector<Span> reach(scenario.nodes.size());
    for (const std::uint32_t index : w.order) {
        const Node& node = scenario.nodes[index];
        Span& here = reach[index];
        auto take = [&](std::int64_t lo, std::int64_t hi) {
            here.min = here.reached ? std::min(here.min, lo) : lo;
            here.max = here.reached ? std::max(here.max, hi) : hi;
            here.reached = true;
        };
        if (node.is_ending()) {
            take(0, 0);
        }
        for (std::size_t e = 0; e <= node.choices.size(); ++e) {
            const std::uint32_t target = edge_target(node, e, allow);
            if (target >= reach.size() || w.finish[target] >= w.finish[index] ||
                !reach[target].reached) {
                continue;
            }
            const std::int64_t add =
                e < node.choices.size() ? delta(node.choices[e].scores, dimension, total) : 0;
            take(reach[target].min + add, reach[target].max + add);
        }
        if (here.reached && node.has_check()) {
            // A knowledge check adds anything from nothing right to its full score.
            for (const ScoreChange& s : node.check.scores) {
                if (total || s.dimension_index == dimension) {
                    (s.delta >= 0 ? here.max : here.min) += s.delta;
                }
            }
        }
    }
    return reach[scenario.start_index];
}

} // namespace

bool is_best_tier_choice(const Node& node, const Choice& choice, const std::vector<Tier>& tiers) {
    auto rank = [&](const Choice& c) {
        return c.tier_index < tiers.size() ? tiers[c.tier_index].rank
                                           : std::numeric_limits<std::uint32_t>::max();
    };
    std::uint32_t best = std::numeric_limits<std::uint32_t>::max();
    for (const Choice& c : node.choices) {
        best = std::min(best, rank(c));
    }
    return rank(choice) == best;
}

PathBounds path_bounds(const Scenario& scenario, std::size_t dimension_count, const Allow& allow) {
    PathBounds bounds;
    bounds.per_dimension.assign(dimension_count, {});
    if (scenario.start_index >= scenario.nodes.size()) {
        return bounds;
    }
    const Walk w = walk(scenario, allow);
    const Span total = metric_bounds(scenario, w, allow, 0, true);
    if (!total.reached) {
        return bounds;
    }
    bounds.reaches_ending = true;
    bounds.max_total = total.max;
    bounds.min_total = total.min;
    for (std::size_t d = 0; d < dimension_count; ++d) {
        const Span span = metric_bounds(scenario, w, allow, d, false);
        bounds.per_dimension[d] = {span.min, span.max};
    }
    return bounds;
}

} // namespace sightline::model
