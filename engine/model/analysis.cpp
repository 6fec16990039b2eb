#include "model/analysis.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <span>

namespace sightline::model {

namespace {

using Allow = std::function<bool(const Node&, const Choice&)>;

// The scenario as the analysis reads it, copied out of the model in one pass
// so that the walk and every metric pass run over a few compact arrays rather
// than over the nodes and choices scattered through the heap. Node i's edges
// are first_edge[i] .. first_edge[i + 1]: one per choice (kNoIndex when
// `allow` refuses it), then its `next`. Edge k's score changes are
// first_change[k] .. first_change[k + 1] of `changes`; node i's knowledge-check
// scores are first_check[i] .. first_check[i + 1] of `check_changes`.
struct Graph {
    struct Change {
        std::uint32_t dimension; // ScoreChange::dimension_index
        std::int32_t delta;
    };
    std::vector<std::size_t> first_edge;
    std::vector<std::uint32_t> target;
    std::vector<std::size_t> first_change;
    std::vector<Change> changes;
    std::vector<std::size_t> first_check;
    std::vector<Change> check_changes;
    std::vector<std::uint8_t> ending; // 1 for an ending node
};

Graph graph_of(const Scenario& scenario, const Allow& allow) {
    Graph g;
    const std::size_t n = scenario.nodes.size();
    g.first_edge.reserve(n + 1);
    g.first_check.reserve(n + 1);
    g.ending.reserve(n);
    for (const Node& node : scenario.nodes) {
        g.first_edge.push_back(g.target.size());
        g.first_check.push_back(g.check_changes.size());
        g.ending.push_back(node.is_ending() ? 1 : 0);
        for (const Choice& choice : node.choices) {
            g.target.push_back(allow && !allow(node, choice) ? kNoIndex : choice.target_index);
            g.first_change.push_back(g.changes.size());
            for (const ScoreChange& s : choice.scores) {
                g.changes.push_back({s.dimension_index, s.delta});
            }
        }
        g.target.push_back(node.next_index);
        g.first_change.push_back(g.changes.size()); // `next` changes no score
        if (node.has_check()) {
            for (const ScoreChange& s : node.check.scores) {
                g.check_changes.push_back({s.dimension_index, s.delta});
            }
        }
    }
    g.first_edge.push_back(g.target.size());
    g.first_change.push_back(g.changes.size());
    g.first_check.push_back(g.check_changes.size());
    return g;
}

// The walk over the graph, shared by every metric: nodes in depth-first finish
// order, and each node's place in that order. An edge n -> t is followed only
// when t finished before n; an edge to a node still open is a loop and is
// skipped, so loops count once.
struct Walk {
    std::vector<std::uint32_t> order;  // finish order; successors come first
    std::vector<std::uint32_t> finish; // node -> position in order (kNoIndex: unreached)
};

Walk walk(const Graph& g, std::uint32_t start) {
    const std::size_t n = g.ending.size();
    Walk result;
    result.finish.assign(n, kNoIndex);
    std::vector<bool> seen(n, false);
    struct Frame {
        std::uint32_t node;
        std::size_t edge; // the next one to follow, an index into g.target
    };
    std::vector<Frame> stack{{start, g.first_edge[start]}};
    seen[start] = true;
    while (!stack.empty()) {
        Frame& frame = stack.back();
        if (frame.edge < g.first_edge[frame.node + 1]) {
            const std::uint32_t target = g.target[frame.edge++];
            if (target < n && !seen[target]) {
                seen[target] = true;
                stack.push_back({target, g.first_edge[target]});
            }
            continue;
        }
        result.finish[frame.node] = static_cast<std::uint32_t>(result.order.size());
        result.order.push_back(frame.node);
        stack.pop_back();
    }
    return result;
}

// A metric is one dimension's score, or kTotal: the sum over all dimensions.
constexpr std::size_t kTotal = std::numeric_limits<std::size_t>::max();

// Metrics bounded together in one pass: enough for the two or three dimensions
// real courses have (plus the total), while the scratch stays a few words per node.
constexpr std::size_t kMetricsPerPass = 4;

bool counts(const Graph::Change& change, std::size_t metric) {
    return metric == kTotal || change.dimension == metric;
}

struct Span {
    std::int64_t min = 0, max = 0;
    bool reached = false;
};

// Best and worst sum of each of `metrics` (at most kMetricsPerPass) from the
// start to any ending: one pass over the finish order, so memory stays
// proportional to the number of nodes.
void metric_bounds(const Graph& g, const Walk& w, std::uint32_t start,
                   std::span<const std::size_t> metrics, std::span<Span> out) {
    const std::size_t m = metrics.size();
    const std::size_t n = g.ending.size();
    std::vector<std::int64_t> low(n * m), high(n * m);
    std::vector<std::uint8_t> reached(n, 0);
    std::array<std::int64_t, kMetricsPerPass> add{};
    for (const std::uint32_t index : w.order) {
        std::int64_t* here_low = &low[index * m];
        std::int64_t* here_high = &high[index * m];
        bool here = false;
        // Widens this node's bounds by a successor's bounds plus `step`.
        auto take = [&](const std::int64_t* lo, const std::int64_t* hi, const std::int64_t* step) {
            for (std::size_t k = 0; k < m; ++k) {
                const std::int64_t a = lo[k] + step[k];
                const std::int64_t b = hi[k] + step[k];
                here_low[k] = here ? std::min(here_low[k], a) : a;
                here_high[k] = here ? std::max(here_high[k], b) : b;
            }
            here = true;
        };
        if (g.ending[index] != 0) {
            static constexpr std::array<std::int64_t, kMetricsPerPass> kZero{};
            take(kZero.data(), kZero.data(), kZero.data());
        }
        for (std::size_t e = g.first_edge[index]; e < g.first_edge[index + 1]; ++e) {
            const std::uint32_t target = g.target[e];
            if (target >= n || w.finish[target] >= w.finish[index] || reached[target] == 0) {
                continue;
            }
            add.fill(0);
            for (std::size_t c = g.first_change[e]; c < g.first_change[e + 1]; ++c) {
                for (std::size_t k = 0; k < m; ++k) {
                    if (counts(g.changes[c], metrics[k])) {
                        add[k] += g.changes[c].delta;
                    }
                }
            }
            take(&low[target * m], &high[target * m], add.data());
        }
        if (here) {
            // A knowledge check adds anything from nothing right to its full score.
            for (std::size_t c = g.first_check[index]; c < g.first_check[index + 1]; ++c) {
                const Graph::Change& s = g.check_changes[c];
                for (std::size_t k = 0; k < m; ++k) {
                    if (counts(s, metrics[k])) {
                        (s.delta >= 0 ? here_high[k] : here_low[k]) += s.delta;
                    }
                }
            }
        }
        reached[index] = here ? 1 : 0;
    }
    for (std::size_t k = 0; k < m; ++k) {
        out[k] = reached[start] != 0 ? Span{low[start * m + k], high[start * m + k], true} : Span{};
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

PathBounds path_bounds(const Scenario& scenario, std::size_t dimension_count, const Allow& allow) {
    PathBounds bounds;
    bounds.per_dimension.assign(dimension_count, {});
    if (scenario.start_index >= scenario.nodes.size()) {
        return bounds;
    }
    const Graph g = graph_of(scenario, allow);
    const std::uint32_t start = scenario.start_index;
    const Walk w = walk(g, start);
    // The total first, then every dimension, a few metrics per pass.
    std::vector<std::size_t> metrics{kTotal};
    for (std::size_t d = 0; d < dimension_count; ++d) {
        metrics.push_back(d);
    }
    std::vector<Span> spans(metrics.size());
    for (std::size_t first = 0; first < metrics.size(); first += kMetricsPerPass) {
        const std::size_t count = std::min(kMetricsPerPass, metrics.size() - first);
        metric_bounds(g, w, start, std::span(metrics).subspan(first, count),
                      std::span(spans).subspan(first, count));
        if (first == 0 && !spans[0].reached) {
            return bounds; // no ending is reachable, so no dimension has bounds either
        }
    }
    bounds.reaches_ending = true;
    bounds.max_total = spans[0].max;
    bounds.min_total = spans[0].min;
    for (std::size_t d = 0; d < dimension_count; ++d) {
        bounds.per_dimension[d] = {spans[d + 1].min, spans[d + 1].max};
    }
    return bounds;
}

} // namespace sightline::model
