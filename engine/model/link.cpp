#include "model/link.hpp"

#include "model/analysis.hpp"

#include <unordered_map>

namespace sightline::model {

namespace {

// Maps ids to positions for one vector of id-carrying values.
template <class T>
std::unordered_map<std::string_view, std::uint32_t> id_map(const std::vector<T>& items) {
    std::unordered_map<std::string_view, std::uint32_t> map;
    map.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        map.emplace(items[i].id, static_cast<std::uint32_t>(i));
    }
    return map;
}

std::uint32_t lookup(const std::unordered_map<std::string_view, std::uint32_t>& map,
                     std::string_view id) {
    auto it = map.find(id);
    return it == map.end() ? kNoIndex : it->second;
}

// Collects problems with a location prefix; only the first few are kept as
// text, so a hostile bundle with a million broken references stays cheap.
class Problems {
  public:
    void add(const std::string& where, const std::string& what) {
        ++result_.total;
        if (result_.problems.size() < kMaxLines) {
            result_.problems.push_back(where + ": " + what);
        }
    }
    LinkResult take() { return std::move(result_); }

  private:
    static constexpr std::size_t kMaxLines = 50;
    LinkResult result_;
};

std::string quoted(std::string_view s) {
    return "'" + std::string(s) + "'";
}

class ScenarioLinker {
  public:
    ScenarioLinker(Scenario& scenario, const Bundle& bundle, Problems& problems)
        : s_(scenario), bundle_(bundle), problems_(problems), nodes_(id_map(scenario.nodes)),
          variables_(id_map(scenario.variables)), dimensions_(id_map(bundle.dimensions)),
          indicators_(id_map(bundle.indicators)), tiers_(id_map(bundle.tiers)),
          outcomes_(id_map(bundle.outcomes)) {}

    void run() {
        const std::string where = "scenario " + quoted(s_.id);
        if (nodes_.size() != s_.nodes.size()) {
            problems_.add(where, "duplicate node ids");
        }
        if (variables_.size() != s_.variables.size()) {
            problems_.add(where, "duplicate variable ids");
        }
        s_.role_index = index_of(bundle_.roles, s_.role);
        if (s_.role_index == kNoIndex) {
            problems_.add(where, "unknown role " + quoted(s_.role));
        }
        if (s_.nodes.empty()) {
            problems_.add(where, "has no nodes");
            return;
        }
        s_.start_index = s_.start.empty() ? 0 : lookup(nodes_, s_.start);
        if (s_.start_index == kNoIndex) {
            problems_.add(where, "unknown start node " + quoted(s_.start));
        }
        s_.indicator_indices.clear();
        for (const std::string& id : s_.indicators) {
            std::uint32_t index = lookup(indicators_, id);
            if (index == kNoIndex) {
                problems_.add(where, "unknown indicator " + quoted(id));
            }
            s_.indicator_indices.push_back(index);
        }
        for (Node& node : s_.nodes) {
            link_node(node, where + " node " + quoted(node.id));
        }
    }

  private:
    void link_node(Node& node, const std::string& where) {
        for (Paragraph& paragraph : node.body) {
            expect_type(paragraph.condition, ValueType::Boolean, where + " text condition");
        }
        for (Effect& effect : node.on_enter) {
            link_effect(effect, where);
        }
        for (Choice& choice : node.choices) {
            link_choice(choice, where + " choice " + quoted(choice.id));
        }
        for (ScoreChange& score : node.check.scores) {
            link_score(score, where + " check");
        }
        node.next_index = kNoIndex;
        if (!node.next.empty()) {
            node.next_index = lookup(nodes_, node.next);
            if (node.next_index == kNoIndex) {
                problems_.add(where, "unknown next node " + quoted(node.next));
            }
        }
        node.outcome_index = kNoIndex;
        if (node.is_ending()) {
            node.outcome_index = lookup(outcomes_, node.outcome);
            if (node.outcome_index == kNoIndex) {
                problems_.add(where, "unknown outcome " + quoted(node.outcome));
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

    void link_choice(Choice& choice, const std::string& where) {
        choice.target_index = lookup(nodes_, choice.target);
        if (choice.target_index == kNoIndex) {
            problems_.add(where, "unknown target " + quoted(choice.target));
        }
        choice.tier_index = lookup(tiers_, choice.tier);
        if (choice.tier_index == kNoIndex) {
            problems_.add(where, "unknown tier " + quoted(choice.tier));
        }
        choice.notice_indices.clear();
        for (const std::string& id : choice.notices) {
            std::uint32_t index = lookup(indicators_, id);
            if (index == kNoIndex) {
                problems_.add(where, "unknown indicator " + quoted(id));
            }
            choice.notice_indices.push_back(index);
        }
        for (ScoreChange& score : choice.scores) {
            link_score(score, where);
        }
        expect_type(choice.condition, ValueType::Boolean, where + " condition");
        for (Effect& effect : choice.effects) {
            link_effect(effect, where);
        }
    }

    void link_score(ScoreChange& score, const std::string& where) {
        score.dimension_index = lookup(dimensions_, score.dimension);
        if (score.dimension_index == kNoIndex) {
            problems_.add(where, "unknown dimension " + quoted(score.dimension));
        }
    }

    void link_effect(Effect& effect, const std::string& where) {
        effect.variable_index = lookup(variables_, effect.variable);
        if (effect.variable_index == kNoIndex) {
            problems_.add(where, "effect on unknown variable " + quoted(effect.variable));
            return;
        }
        const ValueType type = s_.variables[effect.variable_index].initial.type;
        if (effect.kind == EffectKind::Add && type != ValueType::Integer) {
            problems_.add(where, "'add' on non-int variable " + quoted(effect.variable));
        }
        expect_type(effect.value, effect.kind == EffectKind::Add ? ValueType::Integer : type,
                    where + " effect on " + quoted(effect.variable));
    }

    // Resolves operand indices and checks the expression leaves one value of `want`.
    void expect_type(Expr& expr, ValueType want, const std::string& where) {
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
        TypeResult result = infer_type(
            expr,
            [this](std::string_view name) -> std::optional<ValueType> {
                std::uint32_t index = lookup(variables_, name);
                if (index == kNoIndex) {
                    return std::nullopt;
                }
                return s_.variables[index].initial.type;
            },
            [this](std::string_view name) { return lookup(nodes_, name) != kNoIndex; });
        if (!result.type) {
            problems_.add(where, result.error);
        } else if (*result.type != want) {
            problems_.add(where, "expected " + std::string(type_name(want)) + " but got " +
                                     std::string(type_name(*result.type)));
        }
    }

    Scenario& s_;
    const Bundle& bundle_;
    Problems& problems_;
    std::unordered_map<std::string_view, std::uint32_t> nodes_;
    std::unordered_map<std::string_view, std::uint32_t> variables_;
    std::unordered_map<std::string_view, std::uint32_t> dimensions_;
    std::unordered_map<std::string_view, std::uint32_t> indicators_;
    std::unordered_map<std::string_view, std::uint32_t> tiers_;
    std::unordered_map<std::string_view, std::uint32_t> outcomes_;
};

template <class T>
void check_unique(const std::vector<T>& items, std::string_view what, Problems& problems) {
    if (id_map(items).size() != items.size()) {
        problems.add("bundle", "duplicate " + std::string(what) + " ids");
    }
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
            std::optional<ValueType> type = variable(op.name);
            if (!type) {
                return fail("undeclared variable '" + op.name + "'");
            }
            stack.push_back(*type);
            continue;
        }
        case OpCode::Visits:
            if (!node_exists(op.name)) {
                return fail("visits() of unknown node '" + op.name + "'");
            }
            stack.push_back(ValueType::Integer);
            continue;
        case OpCode::Not:
        case OpCode::Negate: {
            if (stack.empty()) {
                return fail("malformed expression");
            }
            const ValueType want = op.code == OpCode::Not ? ValueType::Boolean : ValueType::Integer;
            if (stack.back() != want) {
                return fail(std::string(op.code == OpCode::Not ? "'not'" : "'-'") + " needs " +
                            std::string(type_name(want)) + ", got " +
                            std::string(type_name(stack.back())));
            }
            continue;
        }
        default:
            break;
        }
        // Binary operators.
        if (stack.size() < 2) {
            return fail("malformed expression");
        }
        const ValueType right = stack.back();
        stack.pop_back();
        const ValueType left = stack.back();
        stack.pop_back();
        auto both = [&](ValueType want, std::string_view what) -> std::optional<std::string> {
            if (left != want || right != want) {
                return std::string(what) + " needs " + std::string(type_name(want)) +
                       " on both sides, got " + std::string(type_name(left)) + " and " +
                       std::string(type_name(right));
            }
            return std::nullopt;
        };
        std::optional<std::string> error;
        ValueType result = ValueType::Boolean;
        switch (op.code) {
        case OpCode::And:
            error = both(ValueType::Boolean, "'and'");
            break;
        case OpCode::Or:
            error = both(ValueType::Boolean, "'or'");
            break;
        case OpCode::Equal:
        case OpCode::NotEqual:
            if (left != right) {
                error = "cannot compare " + std::string(type_name(left)) + " with " +
                        std::string(type_name(right));
            }
            break;
        case OpCode::Less:
        case OpCode::LessEqual:
        case OpCode::Greater:
        case OpCode::GreaterEqual:
            error = both(ValueType::Integer, "ordering comparison");
            break;
        case OpCode::Add:
        case OpCode::Subtract:
            error = both(ValueType::Integer, "arithmetic");
            result = ValueType::Integer;
            break;
        default:
            return fail("unknown operation");
        }
        if (error) {
            return fail(*error);
        }
        stack.push_back(result);
    }
    if (stack.size() != 1) {
        return fail("malformed expression");
    }
    return TypeResult{stack.back(), {}};
}

LinkResult link(Bundle& bundle) {
    Problems problems;
    check_unique(bundle.roles, "role", problems);
    check_unique(bundle.dimensions, "dimension", problems);
    check_unique(bundle.tiers, "tier", problems);
    check_unique(bundle.outcomes, "outcome", problems);
    check_unique(bundle.indicators, "indicator", problems);
    check_unique(bundle.courses, "course", problems);
    check_unique(bundle.scenarios, "scenario", problems);
    if (bundle.dimensions.size() > kMaxDimensions) {
        problems.add("bundle", std::to_string(bundle.dimensions.size()) +
                                   " score dimensions; at most " + std::to_string(kMaxDimensions) +
                                   " are allowed");
        return problems.take();
    }

    const auto scenarios = id_map(bundle.scenarios);
    for (Course& course : bundle.courses) {
        const std::string where = "course " + quoted(course.id);
        course.role_index = index_of(bundle.roles, course.role);
        if (course.role_index == kNoIndex) {
            problems.add(where, "unknown role " + quoted(course.role));
        }
        for (CourseEntry& entry : course.entries) {
            entry.scenario_index = lookup(scenarios, entry.scenario);
            if (entry.scenario_index == kNoIndex) {
                problems.add(where, "unknown scenario " + quoted(entry.scenario));
            }
        }
        if (course.passing_score > 100) {
            problems.add(where, "passing score above 100%");
        }
    }
    for (Scenario& scenario : bundle.scenarios) {
        ScenarioLinker(scenario, bundle, problems).run();
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
