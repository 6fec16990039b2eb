#include "model/analysis.hpp"

#include <algorithm>
#include <limits>

namespace sightline::model {

namespace {

constexpr std::int64_t kUnreached = std::numeric_limits<std::int64_t>::min();

// Best and worst score from one node to any ending, per dimension and in total.
struct Reach {
    std::vector<std::int64_t> max, min;
    std::int64_t max_total = kUnreached;
    std::int64_t min_total = 0;
    bool reaches() const { return max_total != kUnreached; }
};

// What a knowledge check can add: from 0 (nothing right) to its full score.
void add_check_span(const Node& node, std::vector<std::int64_t>& lo, std::vector<std::int64_t>& hi,
                    std::int64_t& lo_total, std::int64_t& hi_total) {
    for (const ScoreChange& score : node.check.scores) {
        if (score.dimension_index >= lo.size()) {
            continue;
        }
        if (score.delta >= 0) {
            hi[score.dimension_index] += score.delta;
            hi_total += score.delta;
        } else {
            lo[score.dimension_index] += score.delta;
            lo_total += score.delta;
        }
    }
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

PathBounds path_bounds(const Scenario& scenario, std::size_t dimension_count,
                       const std::function<bool(const Node&, const Choice&)>& allow) {
    const std::size_t n = scenario.nodes.size();
    PathBounds bounds;
    bounds.per_dimension.assign(dimension_count, {});
    if (n == 0 || scenario.start_index >= n) {
        return bounds;
    }
    std::vector<Reach> reach(n);
    enum : std::uint8_t { Unseen, Open, Done };
    std::vector<std::uint8_t> state(n, Unseen);

    // Iterative depth-first walk; a node is finished once all its successors are.
    // An edge back to an open node (a loop) is skipped: loops count once.
    struct Frame {
        std::uint32_t node;
        std::size_t edge;
    };
    std::vector<Frame> stack{{scenario.start_index, 0}};
    state[scenario.start_index] = Open;
    auto edge_count = [&](const Node& node) { return node.choices.size() + 1; };
    auto edge_target = [&](const Node& node, std::size_t e) -> std::uint32_t {
        if (e < node.choices.size()) {
            const Choice& choice = node.choices[e];
            if (allow && !allow(node, choice)) {
                return kNoIndex;
            }
            return choice.target_index;
        }
        return node.next_index;
    };

    while (!stack.empty()) {
        Frame& frame = stack.back();
        const Node& node = scenario.nodes[frame.node];
        if (frame.edge < edge_count(node)) {
            const std::uint32_t target = edge_target(node, frame.edge++);
            if (target < n && state[target] == Unseen) {
                state[target] = Open;
                stack.push_back({target, 0});
            }
            continue;
        }
        // All successors are finished (or open, i.e. loops): combine them.
        Reach& here = reach[frame.node];
        here.max.assign(dimension_count, kUnreached);
        here.min.assign(dimension_count, std::numeric_limits<std::int64_t>::max());
        auto take = [&](const Reach& next, const std::vector<ScoreChange>* delta) {
            std::vector<std::int64_t> add(dimension_count, 0);
            std::int64_t add_total = 0;
            if (delta) {
                for (const ScoreChange& s : *delta) {
                    if (s.dimension_index < dimension_count) {
                        add[s.dimension_index] += s.delta;
                        add_total += s.delta;
                    }
                }
            }
            for (std::size_t d = 0; d < dimension_count; ++d) {
                here.max[d] = std::max(here.max[d], next.max[d] + add[d]);
                here.min[d] = std::min(here.min[d], next.min[d] + add[d]);
            }
            const bool first = !here.reaches();
            here.max_total = std::max(here.max_total, next.max_total + add_total);
            here.min_total = first ? next.min_total + add_total
                                   : std::min(here.min_total, next.min_total + add_total);
        };
        if (node.is_ending()) {
            Reach end;
            end.max.assign(dimension_count, 0);
            end.min.assign(dimension_count, 0);
            end.max_total = 0;
            take(end, nullptr);
        }
        for (std::size_t e = 0; e < edge_count(node); ++e) {
            const std::uint32_t target = edge_target(node, e);
            if (target >= n || state[target] != Done || !reach[target].reaches()) {
                continue;
            }
            take(reach[target], e < node.choices.size() ? &node.choices[e].scores : nullptr);
        }
        if (here.reaches() && node.has_check()) {
            std::vector<std::int64_t> lo(dimension_count, 0), hi(dimension_count, 0);
            std::int64_t lo_total = 0, hi_total = 0;
            add_check_span(node, lo, hi, lo_total, hi_total);
            for (std::size_t d = 0; d < dimension_count; ++d) {
                here.max[d] += hi[d];
                here.min[d] += lo[d];
            }
            here.max_total += hi_total;
            here.min_total += lo_total;
        }
        state[frame.node] = Done;
        stack.pop_back();
    }

    const Reach& start = reach[scenario.start_index];
    if (!start.reaches()) {
        return bounds;
    }
    bounds.reaches_ending = true;
    for (std::size_t d = 0; d < dimension_count; ++d) {
        bounds.per_dimension[d] = {start.min[d], start.max[d]};
    }
    bounds.max_total = start.max_total;
    bounds.min_total = start.min_total;
    return bounds;
}

} // namespace sightline::model
