// Run <-> SaveData: state by index becomes state by id, and back again against
// a bundle that may have been edited since. Anything the save mentions must still
// exist, with the same type and role, or the restore fails and says what changed.
#include "model/link.hpp"
#include "runtime/errors.hpp"
#include "runtime/run.hpp"
#include "runtime/save.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>

namespace sightline::runtime {

namespace {

std::string quoted(std::string_view id) {
    return "'" + std::string(id) + "'";
}

std::string_view type_word(model::ValueType type) {
    switch (type) {
    case model::ValueType::Boolean:
        return "bool";
    case model::ValueType::Integer:
        return "int";
    case model::ValueType::String:
        return "string";
    }
    return "?";
}

// Resolves the ids of one saved run against one scenario of the bundle. Node
// ids are hashed once: a long history in a large scenario would otherwise make
// the restore quadratic.
class Resolver {
  public:
    Resolver(const model::Bundle& bundle, const model::Scenario& scenario)
        : bundle_(bundle), scenario_(scenario) {
        nodes_.reserve(scenario.nodes.size());
        for (std::uint32_t i = 0; i < scenario.nodes.size(); ++i) {
            nodes_.emplace(scenario.nodes[i].id, i);
        }
    }

    [[noreturn]] void changed(const std::string& what) const {
        throw SaveError("cannot resume: " + what + " in scenario " + quoted(scenario_.id));
    }

    std::uint32_t node(const std::string& id) const {
        const auto it = nodes_.find(id);
        if (it == nodes_.end()) {
            changed("node " + quoted(id) + " no longer exists");
        }
        return it->second;
    }

    Step step(const SavedStep& saved) const {
        Step step;
        step.node = node(saved.node);
        const model::Node& n = scenario_.nodes[step.node];
        if (!saved.is_check) {
            step.choice = model::index_of(n.choices, saved.choice);
            if (step.choice == model::kNoIndex) {
                changed("choice " + quoted(saved.choice) + " no longer exists at node " +
                        quoted(n.id));
            }
            return step;
        }
        if (!n.has_check()) {
            changed("node " + quoted(n.id) + " is no longer a knowledge check");
        }
        for (const std::string& id : saved.options) {
            const std::uint32_t o = model::index_of(n.check.options, id);
            if (o == model::kNoIndex) {
                changed("option " + quoted(id) + " no longer exists at node " + quoted(n.id));
            }
            step.options.push_back(o);
        }
        std::sort(step.options.begin(), step.options.end());
        return step;
    }

    void variables(const SaveData& data, RunState& state) const {
        for (const model::Variable& v : scenario_.variables) {
            state.variables.push_back(v.initial); // variables added since the save start fresh
        }
        for (const auto& [id, value] : data.variables) {
            const std::uint32_t i = model::index_of(scenario_.variables, id);
            if (i == model::kNoIndex) {
                changed("variable " + quoted(id) + " no longer exists");
            }
            const model::ValueType now = scenario_.variables[i].initial.type;
            if (now != value.type) {
                changed("variable " + quoted(id) + " changed type from " +
                        std::string(type_word(value.type)) + " to " + std::string(type_word(now)));
            }
            state.variables[i] = value;
        }
    }

    void scores(const SaveData& data, RunState& state) const {
        state.scores.assign(bundle_.dimensions.size(), 0);
        for (const auto& [id, score] : data.scores) {
            const std::uint32_t i = model::index_of(bundle_.dimensions, id);
            if (i == model::kNoIndex) {
                changed("score dimension " + quoted(id) + " no longer exists");
            }
            state.scores[i] = score;
        }
    }

    void noticed(const SaveData& data, RunState& state) const {
        for (const std::string& id : data.noticed) {
            const std::uint32_t i = model::index_of(bundle_.indicators, id);
            if (i == model::kNoIndex) {
                changed("indicator " + quoted(id) + " no longer exists");
            }
            state.noticed.push_back(i);
        }
    }

  private:
    const model::Bundle& bundle_;
    const model::Scenario& scenario_;
    std::unordered_map<std::string_view, std::uint32_t> nodes_;
};

} // namespace

std::vector<std::uint8_t> Run::save() const {
    const model::Scenario& s = scenario();
    SaveData d;
    d.scenario = s.id;
    d.seed = state_.options.seed;
    d.shuffle = state_.options.shuffle;
    d.node = node().id;
    d.answered = state_.answered;
    for (std::size_t i = 0; i < s.variables.size(); ++i) {
        d.variables.emplace_back(s.variables[i].id, state_.variables[i]);
    }
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
        if (state_.visits[i] > 0) { // unvisited nodes are implied, which keeps saves small
            d.visits.emplace_back(s.nodes[i].id, state_.visits[i]);
        }
    }
    for (std::size_t i = 0; i < bundle_->dimensions.size(); ++i) {
        d.scores.emplace_back(bundle_->dimensions[i].id, state_.scores[i]);
    }
    for (const std::uint32_t i : state_.noticed) {
        d.noticed.push_back(bundle_->indicators[i].id);
    }
    for (const Step& step : state_.history) {
        const model::Node& n = s.nodes[step.node];
        SavedStep saved{step.is_check(), n.id, {}, {}};
        if (step.is_check()) {
            for (const std::uint32_t o : step.options) {
                saved.options.push_back(n.check.options[o].id);
            }
        } else {
            saved.choice = n.choices[step.choice].id;
        }
        d.history.push_back(std::move(saved));
    }
    return encode_save(d);
}

Run Run::restore(const model::Bundle& bundle, std::span<const std::uint8_t> blob) {
    const SaveData data = decode_save(blob);
    const std::uint32_t scenario = model::index_of(bundle.scenarios, data.scenario);
    if (scenario == model::kNoIndex) {
        throw SaveError("cannot resume: scenario " + quoted(data.scenario) +
                        " no longer exists in the bundle");
    }
    const model::Scenario& s = bundle.scenarios[scenario];
    if (s.start_index >= s.nodes.size() || s.score_ranges.size() != bundle.dimensions.size()) {
        throw SaveError("cannot resume scenario " + quoted(s.id) + ": the bundle is not linked");
    }
    const Resolver resolve(bundle, s);

    RunState state;
    state.scenario = scenario;
    state.options = {data.seed, data.shuffle};
    state.node = resolve.node(data.node);
    state.answered = data.answered;
    if (state.answered && !s.nodes[state.node].has_check()) {
        resolve.changed("node " + quoted(data.node) + " is no longer a knowledge check");
    }
    resolve.variables(data, state);
    state.visits.assign(s.nodes.size(), 0);
    for (const auto& [id, count] : data.visits) {
        state.visits[resolve.node(id)] = count;
    }
    if (state.visits[state.node] == 0) {
        throw SaveError("the save is corrupt (its current node " + quoted(data.node) +
                        " was never entered)");
    }
    resolve.scores(data, state);
    resolve.noticed(data, state);
    for (const SavedStep& step : data.history) {
        state.history.push_back(resolve.step(step));
    }
    return Run(bundle, std::move(state));
}

} // namespace sightline::runtime
