#include "runtime/paths.hpp"

#include "model/analysis.hpp"
#include "runtime/errors.hpp"

#include <limits>
#include <string>

namespace sightline::runtime {

namespace {

const model::Choice& model_choice(const Run& run, std::string_view id) {
    for (const model::Choice& c : run.node().choices) {
        if (c.id == id) {
            return c;
        }
    }
    throw RunError("no choice " + std::string(id));
}

std::uint32_t rank_of(const model::Bundle& b, const model::Choice& c) {
    return c.tier_index < b.tiers.size() ? b.tiers[c.tier_index].rank
                                         : std::numeric_limits<std::uint32_t>::max();
}

std::int64_t total(const std::vector<model::ScoreChange>& scores) {
    std::int64_t sum = 0;
    for (const model::ScoreChange& s : scores) {
        sum += s.delta;
    }
    return sum;
}

// The best total still reachable from `node` through best-tier choices.
std::int64_t best_from(const model::Bundle& b, const model::Scenario& s, std::uint32_t node) {
    model::Scenario from = s;
    from.start_index = node;
    const model::PathBounds bounds = model::path_bounds(
        from, b.dimensions.size(), [&](const model::Node& n, const model::Choice& c) {
            return model::is_best_tier_choice(n, c, b.tiers);
        });
    return bounds.reaches_ending ? bounds.max_total : std::numeric_limits<std::int64_t>::min() / 2;
}

} // namespace

std::size_t pick_choice(const Run& run, PathKind path) {
    const model::Bundle& b = run.bundle();
    const std::vector<ChoiceView> shown = run.choices();
    // First the best (or worst) rank among the enabled choices, and how many share it.
    std::size_t candidates = 0;
    std::uint32_t wanted_rank = 0;
    for (const ChoiceView& view : shown) {
        if (!view.enabled) {
            continue;
        }
        const std::uint32_t rank = rank_of(b, model_choice(run, view.id));
        const bool better_rank = path == PathKind::Best ? rank < wanted_rank : rank > wanted_rank;
        if (candidates == 0 || better_rank) {
            wanted_rank = rank;
            candidates = 1;
        } else if (rank == wanted_rank) {
            ++candidates;
        }
    }
    if (candidates == 0) {
        throw RunError("no choice can be taken at node '" + run.node().id + "'");
    }
    std::size_t picked = 0;
    std::int64_t picked_value = 0;
    for (std::size_t i = 0; i < shown.size(); ++i) {
        if (!shown[i].enabled) {
            continue;
        }
        const model::Choice& c = model_choice(run, shown[i].id);
        if (rank_of(b, c) != wanted_rank) {
            continue;
        }
        if (candidates == 1) {
            return i + 1; // no tie to break: skip the path analysis
        }
        // Best: among the best-ranked choices, the one that keeps the highest
        // score reachable. Worst: among the worst-ranked, the lowest score now.
        const std::int64_t value =
            path == PathKind::Best ? total(c.scores) + best_from(b, run.scenario(), c.target_index)
                                   : -total(c.scores);
        if (picked == 0 || value > picked_value) {
            picked = i + 1;
            picked_value = value;
        }
    }
    return picked;
}

std::vector<std::size_t> pick_options(const Run& run, PathKind path) {
    const NodeView view = run.view();
    std::vector<std::size_t> right, wrong;
    for (std::size_t i = 0; i < view.check.options.size(); ++i) {
        bool correct = false;
        for (const model::CheckOption& o : run.node().check.options) {
            correct = o.id == view.check.options[i].id ? o.correct : correct;
        }
        (correct ? right : wrong).push_back(i + 1);
    }
    if (path == PathKind::Best || wrong.empty()) {
        return right;
    }
    if (view.check.kind == model::CheckKind::Single) {
        return {wrong.front()};
    }
    return wrong;
}

} // namespace sightline::runtime
