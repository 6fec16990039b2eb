#include "runtime/run.hpp"

#include "model/link.hpp"
#include "runtime/errors.hpp"
#include "runtime/expr.hpp"
#include "runtime/random.hpp"

#include <algorithm>
#include <limits>
#include <string>

namespace sightline::runtime {

namespace {

Env env_of(const RunState& state) {
    return {state.variables, state.visits};
}

std::string quoted(std::string_view id) {
    return "'" + std::string(id) + "'";
}

// Decision, check, passage or ending; a node with none of them plays as a
// decision without choices, which stuck() reports.
Phase entry_phase(const model::Node& node) {
    if (node.is_ending()) {
        return Phase::Ended;
    }
    if (node.has_check()) {
        return Phase::Answering;
    }
    if (node.choices.empty() && node.next_index != model::kNoIndex) {
        return Phase::Continuing;
    }
    return Phase::Choosing;
}

} // namespace

Run::Run(const model::Bundle& bundle, std::string_view scenario_id, RunOptions options)
    : bundle_(&bundle) {
    const std::uint32_t index = model::index_of(bundle.scenarios, scenario_id);
    if (index == model::kNoIndex) {
        throw RunError("the bundle has no scenario " + quoted(scenario_id));
    }
    const model::Scenario& s = bundle.scenarios[index];
    if (s.start_index >= s.nodes.size() || s.score_ranges.size() != bundle.dimensions.size()) {
        throw RunError("scenario " + quoted(scenario_id) +
                       " cannot be played: the bundle is not linked");
    }
    state_.scenario = index;
    state_.options = options;
    state_.variables.reserve(s.variables.size());
    for (const model::Variable& v : s.variables) {
        state_.variables.push_back(v.initial);
    }
    state_.visits.assign(s.nodes.size(), 0);
    state_.scores.assign(bundle.dimensions.size(), 0);
    enter(s.start_index);
}

Run::Run(const model::Bundle& bundle, RunState state)
    : bundle_(&bundle), state_(std::move(state)) {}

const model::Scenario& Run::scenario() const {
    return bundle_->scenarios[state_.scenario];
}

const model::Node& Run::node() const {
    return scenario().nodes[state_.node];
}

Phase Run::phase() const {
    const Phase phase = entry_phase(node());
    if (phase == Phase::Answering && state_.answered) {
        return Phase::Continuing;
    }
    return phase;
}

void Run::fail(const std::string& what) const {
    throw RunError("scenario " + quoted(scenario().id) + ", node " + quoted(node().id) + ": " +
                   what);
}

void Run::enter(std::uint32_t node_index) {
    state_.node = node_index;
    state_.answered = false;
    std::uint32_t& visits = state_.visits[node_index];
    if (visits != std::numeric_limits<std::uint32_t>::max()) {
        ++visits; // counted before on_enter runs, so `visits(here)` includes this entry
    }
    apply(scenario().nodes[node_index].on_enter);
}

void Run::apply(const std::vector<model::Effect>& effects) {
    for (const model::Effect& effect : effects) {
        if (effect.variable_index >= state_.variables.size()) {
            fail("variable " + quoted(effect.variable) + " is not linked");
        }
        model::Value value = evaluate(effect.value, env_of(state_));
        model::Value& target = state_.variables[effect.variable_index];
        if (value.type != target.type) {
            fail("effect on " + quoted(effect.variable) + " has the wrong type");
        }
        if (effect.kind == model::EffectKind::Add) {
            if (value.type != model::ValueType::Integer) {
                fail("'add' needs a number for " + quoted(effect.variable));
            }
            target.integer = saturating_add(target.integer, value.integer);
        } else {
            target = std::move(value);
        }
    }
}

// Adds delta * numerator / denominator (rounded towards zero) for each change.
void Run::add_scores(const std::vector<model::ScoreChange>& changes, std::int64_t numerator,
                     std::int64_t denominator, std::vector<ScoreDelta>& out) {
    for (const model::ScoreChange& change : changes) {
        if (change.dimension_index >= state_.scores.size()) {
            fail("dimension " + quoted(change.dimension) + " is not linked");
        }
        const std::int64_t delta = std::int64_t{change.delta} * numerator / denominator;
        std::int64_t& score = state_.scores[change.dimension_index];
        score = saturating_add(score, delta);
        out.push_back({bundle_->dimensions[change.dimension_index].id, delta});
    }
}

std::vector<std::uint32_t> Run::display_order(bool check) const {
    const model::Node& n = node();
    const std::size_t count = check ? n.check.options.size() : n.choices.size();
    const auto pin_of = [&](std::uint32_t i) {
        return check ? n.check.options[i].pin : n.choices[i].pin;
    };
    // Pinned options keep their place (first ones, then the rest, then last
    // ones, each in written order); only the others are shuffled.
    std::vector<std::uint32_t> first, free, last;
    for (std::uint32_t i = 0; i < count; ++i) {
        const model::Pin pin = pin_of(i);
        (pin == model::Pin::First ? first : pin == model::Pin::Last ? last : free).push_back(i);
    }
    if (state_.options.shuffle) {
        // Keyed by ids and the visit count: the same seed gives the same order at
        // the same point, even after a save, a restore or an edit elsewhere. A
        // check's options get a stream of their own.
        constexpr std::uint64_t kCheckStream = 0x636865636b; // "check"
        Rng rng(mix(mix(state_.options.seed, hash_id(scenario().id)),
                    mix(hash_id(n.id) ^ (check ? kCheckStream : 0), state_.visits[state_.node])));
        shuffle(free, rng);
    }
    first.insert(first.end(), free.begin(), free.end());
    first.insert(first.end(), last.begin(), last.end());
    return first;
}

std::vector<ChoiceView> Run::choices() const {
    return phase() == Phase::Choosing ? shown_choices(env_of(state_)) : std::vector<ChoiceView>{};
}

std::vector<ChoiceView> Run::shown_choices(const Env& env) const {
    const model::Node& n = node();
    std::vector<ChoiceView> out;
    out.reserve(n.choices.size());
    for (const std::uint32_t i : display_order()) {
        const model::Choice& c = n.choices[i];
        const bool available = holds(c.condition, env);
        if (available || c.when_unavailable == model::WhenUnavailable::Disable) {
            out.push_back({c.id, c.text, available});
        }
    }
    return out;
}

bool Run::stuck() const {
    if (phase() != Phase::Choosing) {
        return false;
    }
    const Env env = env_of(state_);
    return std::none_of(node().choices.begin(), node().choices.end(),
                        [&](const model::Choice& c) { return holds(c.condition, env); });
}

NodeView Run::view() const {
    const model::Node& n = node();
    NodeView view;
    view.id = n.id;
    view.phase = phase();
    view.visits = state_.visits[state_.node];
    const Env env = env_of(state_);
    view.paragraphs.reserve(n.body.size());
    for (const model::Paragraph& p : n.body) {
        if (holds(p.condition, env)) {
            view.paragraphs.push_back({p.speaker, p.text});
        }
    }
    if (view.phase == Phase::Choosing) {
        view.choices = shown_choices(env);
    }
    if (n.has_check()) {
        view.check.kind = n.check.kind;
        view.check.prompt = n.check.prompt;
        view.check.answered = state_.answered;
        view.check.options.reserve(n.check.options.size());
        for (const std::uint32_t i : display_order(true)) {
            const model::CheckOption& o = n.check.options[i];
            view.check.options.push_back({o.id, o.text});
        }
    }
    return view;
}

ChoiceResult Run::choose(std::string_view choice_id) {
    switch (phase()) {
    case Phase::Choosing:
        break;
    case Phase::Answering:
        fail("this is a knowledge check; answer it instead of choosing " + quoted(choice_id));
    case Phase::Continuing:
        fail("there is nothing to choose here; advance instead of choosing " + quoted(choice_id));
    case Phase::Ended:
        fail("the scenario has ended; cannot choose " + quoted(choice_id));
    }
    const model::Node& n = node();
    const auto it = std::find_if(n.choices.begin(), n.choices.end(),
                                 [&](const model::Choice& c) { return c.id == choice_id; });
    if (it == n.choices.end()) {
        fail("there is no choice " + quoted(choice_id));
    }
    const model::Choice& choice = *it;
    if (!holds(choice.condition, env_of(state_))) {
        fail("choice " + quoted(choice_id) + " is not available now");
    }
    if (choice.target_index >= scenario().nodes.size() ||
        choice.tier_index >= bundle_->tiers.size()) {
        fail("choice " + quoted(choice_id) + " is not linked");
    }

    ChoiceResult result;
    result.choice_id = choice.id;
    result.feedback = choice.feedback;
    result.tier = choice.tier;
    result.tier_name = bundle_->tiers[choice.tier_index].name;
    add_scores(choice.scores, 1, 1, result.score_changes);
    for (const std::uint32_t indicator : choice.notice_indices) {
        if (indicator < bundle_->indicators.size() &&
            std::find(state_.noticed.begin(), state_.noticed.end(), indicator) ==
                state_.noticed.end()) {
            state_.noticed.push_back(indicator);
            result.newly_noticed.push_back(&bundle_->indicators[indicator]);
        }
    }
    apply(choice.effects);
    state_.history.push_back({state_.node, static_cast<std::uint32_t>(it - n.choices.begin()), {}});

    enter(choice.target_index);
    result.next_node = node().id;
    result.ended = node().is_ending();
    return result;
}

CheckResult Run::answer(const std::vector<std::string_view>& option_ids) {
    if (phase() != Phase::Answering) {
        fail(node().has_check() ? "this knowledge check has already been answered"
                                : "this is not a knowledge check");
    }
    const model::KnowledgeCheck& check = node().check;
    std::vector<bool> picked(check.options.size(), false);
    std::vector<std::uint32_t> picks;
    for (const std::string_view id : option_ids) {
        const std::uint32_t i = model::index_of(check.options, id);
        if (i == model::kNoIndex) {
            fail("there is no option " + quoted(id));
        }
        if (picked[i]) {
            fail("option " + quoted(id) + " is picked twice");
        }
        picked[i] = true;
        picks.push_back(i);
    }
    if (check.kind == model::CheckKind::Single && picks.size() != 1) {
        fail("this question takes exactly one answer, not " + std::to_string(picks.size()));
    }

    CheckResult result;
    for (const std::uint32_t i : display_order(true)) {
        const model::CheckOption& o = check.options[i];
        result.options.push_back({o.id, o.text, o.feedback, o.correct, picked[i]});
    }
    const CheckTally tally = tally_check(check, picks);
    result.correct = tally.correct();
    // Single: all or nothing. Multi: (right - wrong) / correct options, never below zero.
    const std::int64_t numerator = std::max<std::int64_t>(0, tally.right - tally.wrong);
    add_scores(check.scores, numerator, std::max<std::int64_t>(1, tally.correct_options),
               result.points);

    std::sort(picks.begin(), picks.end());
    state_.history.push_back({state_.node, model::kNoIndex, std::move(picks)});
    state_.answered = true;
    return result;
}

void Run::advance() {
    if (phase() != Phase::Continuing) {
        fail(phase() == Phase::Answering ? "answer the knowledge check before continuing"
             : phase() == Phase::Ended   ? "the scenario has ended"
                                         : "this is a decision; choose before continuing");
    }
    const std::uint32_t next = node().next_index;
    if (next >= scenario().nodes.size()) {
        fail("there is no next node");
    }
    enter(next);
}

Debrief Run::debrief() const {
    if (phase() != Phase::Ended) {
        fail("the debrief is only available at an ending");
    }
    return make_debrief(*bundle_, state_);
}

std::uint32_t Run::visits(std::string_view node_id) const {
    const std::uint32_t i = model::index_of(scenario().nodes, node_id);
    return i == model::kNoIndex ? 0 : state_.visits[i];
}

const model::Value* Run::variable(std::string_view id) const {
    const std::uint32_t i = model::index_of(scenario().variables, id);
    return i == model::kNoIndex ? nullptr : &state_.variables[i];
}

std::int64_t Run::score(std::string_view dimension_id) const {
    const std::uint32_t i = model::index_of(bundle_->dimensions, dimension_id);
    return i == model::kNoIndex ? 0 : state_.scores[i];
}

} // namespace sightline::runtime
