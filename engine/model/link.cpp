#include "model/link.hpp"

#include "i18n/i18n.hpp"
#include "model/analysis.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace sightline::model {

namespace {

using i18n::format;
using i18n::tr;

using IdMap = std::unordered_map<std::string_view, std::uint32_t>;

// Maps ids to positions for one vector of id-carrying values; the first of
// duplicate ids wins, as a linear search would find it.
template <class T>
IdMap id_map(const std::vector<T>& items) {
    IdMap map;
    map.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        map.emplace(items[i].id, static_cast<std::uint32_t>(i));
    }
    return map;
}

std::uint32_t lookup(const IdMap& map, std::string_view id) {
    auto it = map.find(id);
    return it == map.end() ? kNoIndex : it->second;
}

std::string in_quotes(std::string_view s) {
    return "'" + std::string(s) + "'";
}

// Where a problem is: "scenario 'x' node 'y' choice 'z'" as a chain of parts,
// turned into text only when a problem is reported there. A sound model is
// linked without building one location string.
struct Place {
    const Place* parent = nullptr;
    std::string_view text;              // "scenario ", " node ", " text condition", ...
    std::optional<std::string_view> id; // quoted after `text` when set

    std::string render() const {
        std::string out = parent == nullptr ? std::string() : parent->render();
        out += text;
        if (id) {
            out += in_quotes(*id);
        }
        return out;
    }
};

// Collects problems with a location prefix; only the first few are kept as
// text, so a hostile bundle with a million broken references stays cheap.
class Problems {
  public:
    void add(const Place& where, const std::string& what) {
        ++result_.total;
        if (result_.problems.size() < kMaxLines) {
            result_.problems.push_back(where.render() + ": " + what);
        }
    }
    LinkResult take() { return std::move(result_); }

  private:
    static constexpr std::size_t kMaxLines = 50;
    LinkResult result_;
};

// The type a postfix expression leaves on the stack. `variable(op)` answers
// the type of a LoadVar operand (nullopt when unknown), `node_exists(op)`
// whether a Visits operand names a node. `stack` is scratch space, reused
// across calls so that checking an expression allocates nothing.
template <class VariableType, class NodeExists>
TypeResult infer(const Expr& expr, std::vector<ValueType>& stack, const VariableType& variable,
                 const NodeExists& node_exists) {
    stack.clear();
    auto fail = [](std::string message) { return TypeResult{std::nullopt, std::move(message)}; };
    for (const Op& op : expr.ops) {
        switch (op.code) {
        case OpCode::PushBool:
            stack.push_back(ValueType::Boolean);
            continue;
        case OpCode::PushInt:
            stack.push_back(ValueType::Integer);
            continue;
        case OpCode::PushString:
            stack.push_back(ValueType::String);
            continue;
        case OpCode::LoadVar: {
            std::optional<ValueType> type = variable(op);
            if (!type) {
                return fail(format(tr("undeclared variable '{1}'"), {op.name}));
            }
            stack.push_back(*type);
            continue;
        }
        case OpCode::Visits:
            if (!node_exists(op)) {
                return fail(format(tr("visits() of unknown node '{1}'"), {op.name}));
            }
            stack.push_back(ValueType::Integer);
            continue;
        case OpCode::Not:
        case OpCode::Negate: {
            if (stack.empty()) {
                return fail(tr("malformed expression"));
            }
            const ValueType want = op.code == OpCode::Not ? ValueType::Boolean : ValueType::Integer;
            if (stack.back() != want) {
                // TRANSLATORS: {1} is an operator as written (not, -); {2} and {3} are
                // types as written in scenarios: bool, int or string.
                return fail(format(tr("'{1}' needs {2}, got {3}"),
                                   {op.code == OpCode::Not ? "not" : "-", type_name(want),
                                    type_name(stack.back())}));
            }
            continue;
        }
        default:
            break;
        }
        // Binary operators.
        if (stack.size() < 2) {
            return fail(tr("malformed expression"));
        }
        const ValueType right = stack.back();
        stack.pop_back();
        const ValueType left = stack.back();
        stack.pop_back();
        // `pattern` is translated: {1} the type needed, {2} and {3} the types given.
        auto both = [&](ValueType want, const char* pattern) -> std::optional<std::string> {
            if (left != want || right != want) {
                return format(pattern, {type_name(want), type_name(left), type_name(right)});
            }
            return std::nullopt;
        };
        std::optional<std::string> error;
        ValueType result = ValueType::Boolean;
        switch (op.code) {
        case OpCode::And:
            // TRANSLATORS: 'and' is the operator as written; {1}, {2} and {3} are types as
            // written in scenarios: bool, int or string.
            error = both(ValueType::Boolean, tr("'and' needs {1} on both sides, got {2} and {3}"));
            break;
        case OpCode::Or:
            // TRANSLATORS: 'or' is the operator as written; {1}, {2} and {3} are types as
            // written in scenarios: bool, int or string.
            error = both(ValueType::Boolean, tr("'or' needs {1} on both sides, got {2} and {3}"));
            break;
        case OpCode::Equal:
        case OpCode::NotEqual:
            if (left != right) {
                // TRANSLATORS: {1} and {2} are types as written in scenarios: bool, int or
                // string.
                error =
                    format(tr("cannot compare {1} with {2}"), {type_name(left), type_name(right)});
            }
            break;
        case OpCode::Less:
        case OpCode::LessEqual:
        case OpCode::Greater:
        case OpCode::GreaterEqual:
            // TRANSLATORS: an ordering comparison is <, <=, > or >=; {1}, {2} and {3} are
            // types as written in scenarios: bool, int or string.
            error = both(ValueType::Integer,
                         tr("ordering comparison needs {1} on both sides, got {2} and {3}"));
            break;
        case OpCode::Add:
        case OpCode::Subtract:
            // TRANSLATORS: arithmetic is + or -; {1}, {2} and {3} are types as written in
            // scenarios: bool, int or string.
            error =
                both(ValueType::Integer, tr("arithmetic needs {1} on both sides, got {2} and {3}"));
            result = ValueType::Integer;
            break;
        default:
            return fail(tr("unknown operation"));
        }
        if (error) {
            return fail(*error);
        }
        stack.push_back(result);
    }
    if (stack.size() != 1) {
        return fail(tr("malformed expression"));
    }
    return TypeResult{stack.back(), {}};
}

// The bundle-wide id maps, built once and shared by every scenario.
struct BundleIds {
    IdMap roles;
    IdMap dimensions;
    IdMap tiers;
    IdMap outcomes;
    IdMap indicators;
    IdMap courses;
    IdMap scenarios;
    IdMap rules;
    IdMap topics; // the topics of every rule, by id
};

class ScenarioLinker {
  public:
    ScenarioLinker(Scenario& scenario, const BundleIds& ids, Problems& problems,
                   std::vector<ValueType>& stack)
        : s_(scenario), ids_(ids), problems_(problems), stack_(stack),
          nodes_(id_map(scenario.nodes)), variables_(id_map(scenario.variables)) {}

    void run() {
        const Place where{nullptr, "scenario ", s_.id};
        if (nodes_.size() != s_.nodes.size()) {
            problems_.add(where, "duplicate node ids");
        }
        if (variables_.size() != s_.variables.size()) {
            problems_.add(where, "duplicate variable ids");
        }
        s_.role_index = lookup(ids_.roles, s_.role);
        if (s_.role_index == kNoIndex) {
            problems_.add(where, "unknown role " + in_quotes(s_.role));
        }
        if (s_.nodes.empty()) {
            problems_.add(where, "has no nodes");
            return;
        }
        s_.start_index = s_.start.empty() ? 0 : lookup(nodes_, s_.start);
        if (s_.start_index == kNoIndex) {
            problems_.add(where, "unknown start node " + in_quotes(s_.start));
        }
        s_.indicator_indices.clear();
        s_.indicator_indices.reserve(s_.indicators.size());
        for (const std::string& id : s_.indicators) {
            std::uint32_t index = lookup(ids_.indicators, id);
            if (index == kNoIndex) {
                problems_.add(where, "unknown indicator " + in_quotes(id));
            }
            s_.indicator_indices.push_back(index);
        }
        for (const std::string& id : s_.teaches) {
            if (lookup(ids_.topics, id) == kNoIndex) {
                problems_.add(where, "teaches unknown rule topic " + in_quotes(id));
            }
        }
        for (Node& node : s_.nodes) {
            link_node(node, Place{&where, " node ", node.id});
        }
    }

  private:
    void link_node(Node& node, const Place& where) {
        const Place text_condition{&where, " text condition", std::nullopt};
        for (Paragraph& paragraph : node.body) {
            expect_type(paragraph.condition, ValueType::Boolean, text_condition);
        }
        for (Effect& effect : node.on_enter) {
            link_effect(effect, where);
        }
        for (Choice& choice : node.choices) {
            link_choice(choice, Place{&where, " choice ", choice.id});
        }
        const Place check{&where, " check", std::nullopt};
        for (ScoreChange& score : node.check.scores) {
            link_score(score, check);
        }
        node.next_index = kNoIndex;
        if (!node.next.empty()) {
            node.next_index = lookup(nodes_, node.next);
            if (node.next_index == kNoIndex) {
                problems_.add(where, "unknown next node " + in_quotes(node.next));
            }
        }
        node.outcome_index = kNoIndex;
        if (node.is_ending()) {
            node.outcome_index = lookup(ids_.outcomes, node.outcome);
            if (node.outcome_index == kNoIndex) {
                problems_.add(where, "unknown outcome " + in_quotes(node.outcome));
            }
        }
        const bool has_way_on = !node.choices.empty() || node.next_index != kNoIndex;
        if (!node.is_ending() && !has_way_on) {
            problems_.add(where, "is not an ending and has no way on");
        }
        if (node.has_check() && node.next.empty()) {
            problems_.add(where, "knowledge check has no next node");
        }
    }

    void link_choice(Choice& choice, const Place& where) {
        choice.target_index = lookup(nodes_, choice.target);
        if (choice.target_index == kNoIndex) {
            problems_.add(where, "unknown target " + in_quotes(choice.target));
        }
        choice.tier_index = lookup(ids_.tiers, choice.tier);
        if (choice.tier_index == kNoIndex) {
            problems_.add(where, "unknown tier " + in_quotes(choice.tier));
        }
        choice.notice_indices.clear();
        choice.notice_indices.reserve(choice.notices.size());
        for (const std::string& id : choice.notices) {
            std::uint32_t index = lookup(ids_.indicators, id);
            if (index == kNoIndex) {
                problems_.add(where, "unknown indicator " + in_quotes(id));
            }
            choice.notice_indices.push_back(index);
        }
        for (ScoreChange& score : choice.scores) {
            link_score(score, where);
        }
        expect_type(choice.condition, ValueType::Boolean,
                    Place{&where, " condition", std::nullopt});
        for (Effect& effect : choice.effects) {
            link_effect(effect, where);
        }
    }

    void link_score(ScoreChange& score, const Place& where) {
        score.dimension_index = lookup(ids_.dimensions, score.dimension);
        if (score.dimension_index == kNoIndex) {
            problems_.add(where, "unknown dimension " + in_quotes(score.dimension));
        }
    }

    void link_effect(Effect& effect, const Place& where) {
        effect.variable_index = lookup(variables_, effect.variable);
        if (effect.variable_index == kNoIndex) {
            problems_.add(where, "effect on unknown variable " + in_quotes(effect.variable));
            return;
        }
        const ValueType type = s_.variables[effect.variable_index].initial.type;
        if (effect.kind == EffectKind::Add && type != ValueType::Integer) {
            problems_.add(where, "'add' on non-int variable " + in_quotes(effect.variable));
        }
        expect_type(effect.value, effect.kind == EffectKind::Add ? ValueType::Integer : type,
                    Place{&where, " effect on ", effect.variable});
    }

    // Resolves operand indices and checks the expression leaves one value of
    // `want`. Names are looked up once; the type check reads the indices.
    void expect_type(Expr& expr, ValueType want, const Place& where) {
        if (expr.empty()) {
            return;
        }
        for (Op& op : expr.ops) {
            if (op.code == OpCode::LoadVar) {
                op.index = lookup(variables_, op.name);
            } else if (op.code == OpCode::Visits) {
                op.index = lookup(nodes_, op.name);
            }
        }
        TypeResult result = infer(
            expr, stack_,
            [this](const Op& op) -> std::optional<ValueType> {
                if (op.index == kNoIndex) {
                    return std::nullopt;
                }
                return s_.variables[op.index].initial.type;
            },
            [](const Op& op) { return op.index != kNoIndex; });
        if (!result.type) {
            problems_.add(where, result.error);
        } else if (*result.type != want) {
            problems_.add(where, "expected " + std::string(type_name(want)) + " but got " +
                                     std::string(type_name(*result.type)));
        }
    }

    Scenario& s_;
    const BundleIds& ids_;
    Problems& problems_;
    std::vector<ValueType>& stack_;
    IdMap nodes_;
    IdMap variables_;
};

// Builds the id map of `items`, noting when two share an id.
template <class T>
IdMap unique_ids(const std::vector<T>& items, std::string_view what, Problems& problems) {
    IdMap ids = id_map(items);
    if (ids.size() != items.size()) {
        problems.add(Place{nullptr, "bundle", std::nullopt},
                     "duplicate " + std::string(what) + " ids");
    }
    return ids;
}

} // namespace

std::string_view type_name(ValueType type) {
    switch (type) {
    case ValueType::Boolean:
        return "bool";
    case ValueType::Integer:
        return "int";
    case ValueType::String:
        return "string";
    }
    return "unknown";
}

TypeResult infer_type(const Expr& expr,
                      const std::function<std::optional<ValueType>(std::string_view)>& variable,
                      const std::function<bool(std::string_view)>& node_exists) {
    std::vector<ValueType> stack;
    return infer(
        expr, stack, [&](const Op& op) { return variable(op.name); },
        [&](const Op& op) { return node_exists(op.name); });
}

LinkResult link(Bundle& bundle) {
    Problems problems;
    BundleIds ids;
    ids.roles = unique_ids(bundle.roles, "role", problems);
    ids.dimensions = unique_ids(bundle.dimensions, "dimension", problems);
    ids.tiers = unique_ids(bundle.tiers, "tier", problems);
    ids.outcomes = unique_ids(bundle.outcomes, "outcome", problems);
    ids.indicators = unique_ids(bundle.indicators, "indicator", problems);
    ids.courses = unique_ids(bundle.courses, "course", problems);
    ids.scenarios = unique_ids(bundle.scenarios, "scenario", problems);
    ids.rules = unique_ids(bundle.rules, "rule", problems);
    std::size_t topic_count = 0;
    for (std::size_t r = 0; r < bundle.rules.size(); ++r) {
        for (const RuleTopic& topic : bundle.rules[r].topics) {
            ++topic_count;
            ids.topics.emplace(topic.id, static_cast<std::uint32_t>(r));
        }
    }
    if (ids.topics.size() != topic_count) {
        problems.add(Place{nullptr, "bundle", std::nullopt}, "duplicate rule topic ids");
    }
    if (bundle.dimensions.size() > kMaxDimensions) {
        problems.add(Place{nullptr, "bundle", std::nullopt},
                     std::to_string(bundle.dimensions.size()) + " score dimensions; at most " +
                         std::to_string(kMaxDimensions) + " are allowed");
        return problems.take();
    }

    for (Course& course : bundle.courses) {
        const Place where{nullptr, "course ", course.id};
        course.role_index = lookup(ids.roles, course.role);
        if (course.role_index == kNoIndex) {
            problems.add(where, "unknown role " + in_quotes(course.role));
        }
        for (CourseEntry& entry : course.entries) {
            entry.scenario_index = lookup(ids.scenarios, entry.scenario);
            if (entry.scenario_index == kNoIndex) {
                problems.add(where, "unknown scenario " + in_quotes(entry.scenario));
            }
        }
        if (course.passing_score > 100) {
            problems.add(where, "passing score above 100%");
        }
        for (const std::string& id : course.meets) {
            if (lookup(ids.rules, id) == kNoIndex) {
                problems.add(where, "meets unknown rule " + in_quotes(id));
            }
        }
    }
    for (const Rule& rule : bundle.rules) {
        const Place where{nullptr, "rule ", rule.id};
        for (const std::string& term : rule.proof) {
            if (std::find(kProofTerms.begin(), kProofTerms.end(), term) == kProofTerms.end()) {
                problems.add(where, "unknown proof term " + in_quotes(term));
            }
        }
    }
    std::vector<ValueType> stack; // shared scratch for every expression's type check
    for (Scenario& scenario : bundle.scenarios) {
        ScenarioLinker(scenario, ids, problems, stack).run();
    }
    LinkResult result = problems.take();
    if (!result.ok()) {
        return result;
    }
    // Score ranges need a fully linked graph, so they come last.
    for (Scenario& scenario : bundle.scenarios) {
        scenario.score_ranges = path_bounds(scenario, bundle.dimensions.size()).per_dimension;
    }
    return result;
}

} // namespace sightline::model
