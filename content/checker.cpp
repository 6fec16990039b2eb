#include "content/checker.hpp"

#include "i18n/i18n.hpp"
#include "model/analysis.hpp"
#include "model/link.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

namespace sightline::content {

namespace {

using namespace model;
using i18n::format;
using i18n::tr;

using IdMap = std::unordered_map<std::string_view, std::size_t>;

class Checker {
  public:
    Checker(ParsedUnit& unit, const SourceSet& sources, DiagnosticSink& sink)
        : unit_(unit), b_(unit.bundle), sources_(sources), sink_(sink) {}

    void run() {
        roles_ = declared(b_.roles, unit_.roles, "role");
        dimensions_ = declared(b_.dimensions, unit_.dimensions, "dimension");
        if (b_.dimensions.size() > kMaxDimensions) {
            sink_.report(codes::invalid_value, unit_.dimensions[kMaxDimensions].at,
                         format(tr("at most {1} score dimensions can be declared"),
                                {std::to_string(kMaxDimensions)}));
        }
        tiers_ = declared(b_.tiers, unit_.tiers, "tier");
        outcomes_ = declared(b_.outcomes, unit_.outcomes, "outcome");
        indicators_ = declared(b_.indicators, unit_.indicators, "indicator");
        courses_ = declared(b_.courses, unit_.courses, "course");
        scenarios_ = declared(b_.scenarios, unit_.scenarios, "scenario");
        rules_ = declared(b_.rules, unit_.rules, "rule");
        declare_topics();
        for (std::size_t i = 0; i < b_.indicators.size(); ++i) {
            const Indicator& indicator = b_.indicators[i];
            for (std::size_t r = 0; r < indicator.roles.size(); ++r) {
                known(roles_, indicator.roles[r], unit_.indicators[i].items[r], "role");
            }
        }
        for (std::size_t i = 0; i < b_.courses.size(); ++i) {
            check_course(b_.courses[i], unit_.courses[i]);
        }
        index_locations();
        for (std::size_t i = 0; i < b_.scenarios.size(); ++i) {
            ScenarioChecker(*this, b_.scenarios[i], unit_.scenarios[i]).run();
        }
    }

  private:
    friend class ScenarioChecker;

    std::string place(Location at) const {
        const std::string file = at.file < sources_.size() ? sources_[at.file].name() : "?";
        return file + ":" + std::to_string(at.line);
    }

    // Maps ids to positions, reporting every repeat of an id.
    template <class T, class Source>
    IdMap declared(const std::vector<T>& items, const std::vector<Source>& sources,
                   std::string_view what) {
        return declared(items, what, [&](std::size_t i) { return sources[i].at; });
    }

    template <class T, class LocationOf>
    IdMap declared(const std::vector<T>& items, std::string_view what, LocationOf location_of) {
        IdMap map;
        for (std::size_t i = 0; i < items.size(); ++i) {
            auto [it, fresh] = map.emplace(items[i].id, i);
            if (!fresh) {
                sink_.report(codes::duplicate_id, location_of(i),
                             // TRANSLATORS: {1} is an id, {2} its kind (node, indicator...),
                             // {3} where it is first declared (file:line).
                             format(tr("duplicate {2} '{1}'; it is first declared at {3}"),
                                    {items[i].id, id_kind(what), place(location_of(it->second))}));
            }
        }
        return map;
    }

    bool known(const IdMap& map, std::string_view id, Location at, std::string_view what) {
        if (id.empty() || map.contains(id)) {
            return true;
        }
        const DiagnosticCode code =
            what == "indicator" ? codes::unknown_indicator : codes::unknown_declaration;
        // TRANSLATORS: {1} is an id, {2} its kind (node, indicator, role...).
        sink_.report(code, at, format(tr("unknown {2} '{1}'"), {id, id_kind(what)}));
        return false;
    }

    // Topic ids are unique across every rule, so a scenario's `teaches:` names one.
    void declare_topics() {
        std::unordered_map<std::string_view, Location> first;
        for (std::size_t r = 0; r < b_.rules.size(); ++r) {
            const Rule& rule = b_.rules[r];
            const DeclarationSource& source = unit_.rules[r];
            for (std::size_t t = 0; t < rule.topics.size(); ++t) {
                const Location at = t < source.refs.size() ? source.refs[t] : source.at;
                auto [it, fresh] = first.emplace(rule.topics[t].id, at);
                if (!fresh) {
                    sink_.report(codes::duplicate_id, at,
                                 format(tr("duplicate topic '{1}'; it is first declared at {2} "
                                           "(topic ids are unique across all rules)"),
                                        {rule.topics[t].id, place(it->second)}));
                }
                topics_.emplace(rule.topics[t].id, r);
            }
        }
    }

    void check_course(const Course& course, const DeclarationSource& source) {
        for (std::size_t m = 0; m < course.meets.size() && m < source.refs.size(); ++m) {
            const std::string& id = course.meets[m];
            if (!id.empty() && !rules_.contains(id)) {
                sink_.report(codes::unknown_rule, source.refs[m],
                             format(tr("course '{1}' meets rule '{2}', which is not declared in "
                                       "any file (declare it with 'rule {2}')"),
                                    {course.id, id}));
            }
        }
        if (!course.role.empty()) {
            known(roles_, course.role, source.fields.at("role"), "role");
        }
        for (std::size_t e = 0; e < course.entries.size(); ++e) {
            const std::string& id = course.entries[e].scenario;
            if (!scenarios_.contains(id)) {
                sink_.report(codes::unknown_course_scenario, source.items[e],
                             format(tr("course '{1}' lists scenario '{2}', which is not declared "
                                       "in any file"),
                                    {course.id, id}));
            }
        }
    }

    ParsedUnit& unit_;
    Bundle& b_;
    const SourceSet& sources_;
    DiagnosticSink& sink_;
    IdMap roles_, dimensions_, tiers_, outcomes_, indicators_, courses_, scenarios_, rules_;
    IdMap topics_; // topic id -> the rule that declares it

    class ScenarioChecker {
      public:
        ScenarioChecker(Checker& owner, const Scenario& scenario, const ScenarioSource& source)
            : c_(owner), s_(scenario), src_(source), errors_before_(owner.sink_.error_count()) {}

        void run() {
            if (!s_.role.empty()) {
                c_.known(c_.roles_, s_.role, src_.fields.at("role"), "role");
            }
            for (std::size_t i = 0; i < s_.indicators.size(); ++i) {
                c_.known(c_.indicators_, s_.indicators[i], src_.indicators[i], "indicator");
            }
            for (std::size_t i = 0; i < s_.teaches.size() && i < src_.teaches.size(); ++i) {
                if (!s_.teaches[i].empty() && !c_.topics_.contains(s_.teaches[i])) {
                    c_.sink_.report(codes::unknown_topic, src_.teaches[i],
                                    format(tr("scenario '{1}' teaches topic '{2}', which no rule "
                                              "declares (a rule lists its topics with 'topic: ID "
                                              "text')"),
                                           {s_.id, s_.teaches[i]}));
                }
            }
            nodes_ = c_.declared(s_.nodes, src_.nodes, "node");
            variables_ = c_.declared(s_.variables, "variable",
                                     [this](std::size_t i) { return src_.variables[i]; });
            if (!s_.start.empty() && !nodes_.contains(s_.start)) {
                c_.sink_.report(
                    codes::unknown_node, src_.fields.at("start"),
                    format(tr("start node '{1}' is not in scenario '{2}'"), {s_.start, s_.id}));
            }
            for (std::size_t n = 0; n < s_.nodes.size(); ++n) {
                check_node(s_.nodes[n], src_.nodes[n]);
            }
            // Reachability over a graph with broken links only repeats those errors.
            if (!has_errors_inside()) {
                check_reachability();
            }
        }

      private:
        // True when an error was already reported within this scenario's lines
        // (binary searches over indexes built once, so many scenarios stay cheap).
        bool has_errors_inside() const {
            if (c_.sink_.error_count() > errors_before_) {
                return true;
            }
            const std::uint32_t file = src_.at.file;
            const std::uint32_t first = src_.at.line;
            const std::vector<std::uint32_t>& starts = c_.block_starts_[file];
            auto next = std::upper_bound(starts.begin(), starts.end(), first);
            const std::uint32_t last = next == starts.end() ? UINT32_MAX : *next;
            const std::vector<std::uint32_t>& errors = c_.error_lines_[file];
            auto error = std::lower_bound(errors.begin(), errors.end(), first);
            return error != errors.end() && *error < last;
        }

        void check_node(const Node& node, const NodeSource& source) {
            for (std::size_t p = 0; p < node.body.size(); ++p) {
                expression(node.body[p].condition, ValueType::Boolean, source.paragraphs[p]);
            }
            for (std::size_t e = 0; e < node.on_enter.size(); ++e) {
                effect(node.on_enter[e], source.effects[e]);
            }
            IdMap choice_ids;
            for (std::size_t i = 0; i < node.choices.size(); ++i) {
                const Choice& choice = node.choices[i];
                const ChoiceSource& at = source.choices[i];
                if (!choice_ids.emplace(choice.id, i).second) {
                    c_.sink_.report(
                        codes::duplicate_id, at.at,
                        format(tr("duplicate choice '{1}' in node '{2}'"), {choice.id, node.id}));
                }
                check_choice(choice, at);
            }
            IdMap option_ids;
            for (std::size_t i = 0; i < node.check.options.size(); ++i) {
                if (!option_ids.emplace(node.check.options[i].id, i).second) {
                    c_.sink_.report(
                        codes::duplicate_id, source.options[i],
                        format(tr("duplicate option '{1}'"), {node.check.options[i].id}));
                }
            }
            for (std::size_t i = 0; i < node.check.scores.size(); ++i) {
                c_.known(c_.dimensions_, node.check.scores[i].dimension, source.check_scores[i],
                         "dimension");
            }
            if (!node.next.empty()) {
                target(node.next, source.next);
            }
            if (node.is_ending()) {
                c_.known(c_.outcomes_, node.outcome, source.fields.at("ending"), "outcome");
            }
        }

        void check_choice(const Choice& choice, const ChoiceSource& at) {
            if (!choice.target.empty()) {
                target(choice.target, at.target);
            }
            if (!choice.tier.empty()) {
                c_.known(c_.tiers_, choice.tier, at.fields.at("tier"), "tier");
            }
            for (std::size_t i = 0; i < choice.notices.size(); ++i) {
                c_.known(c_.indicators_, choice.notices[i], at.notices[i], "indicator");
            }
            for (std::size_t i = 0; i < choice.scores.size(); ++i) {
                c_.known(c_.dimensions_, choice.scores[i].dimension, at.scores[i], "dimension");
            }
            expression(choice.condition, ValueType::Boolean, at.condition);
            for (std::size_t i = 0; i < choice.effects.size(); ++i) {
                effect(choice.effects[i], at.effects[i]);
            }
        }

        void target(const std::string& id, Location at) {
            if (!nodes_.contains(id)) {
                c_.sink_.report(codes::unknown_node, at,
                                format(tr("no node '{1}' in scenario '{2}'"), {id, s_.id}) +
                                    suggestion(id));
            }
        }

        // "; did you mean 'x'?" for a near miss, so typos are quick to fix.
        std::string suggestion(std::string_view id) const {
            std::string_view best;
            std::size_t best_distance = 3;
            for (const Node& node : s_.nodes) {
                const std::size_t d = distance(id, node.id, best_distance);
                if (d < best_distance) {
                    best_distance = d;
                    best = node.id;
                }
            }
            // TRANSLATORS: added to "no node 'x' in scenario 'y'"; {1} is a node id.
            return best.empty() ? "" : format(tr("; did you mean '{1}'?"), {best});
        }

        // Edit distance, giving up early once it reaches `limit`.
        static std::size_t distance(std::string_view a, std::string_view b, std::size_t limit) {
            if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) >= limit ||
                a.size() > 128 || b.size() > 128) {
                return limit;
            }
            std::vector<std::size_t> row(b.size() + 1);
            for (std::size_t j = 0; j <= b.size(); ++j) {
                row[j] = j;
            }
            for (std::size_t i = 1; i <= a.size(); ++i) {
                std::size_t diagonal = row[0];
                row[0] = i;
                for (std::size_t j = 1; j <= b.size(); ++j) {
                    const std::size_t up = row[j];
                    row[j] = std::min(
                        {row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
                    diagonal = up;
                }
            }
            return row[b.size()];
        }

        std::optional<ValueType> variable_type(std::string_view name) const {
            auto it = variables_.find(name);
            if (it == variables_.end()) {
                return std::nullopt;
            }
            return s_.variables[it->second].initial.type;
        }

        // Names first (with their own codes), then types.
        std::optional<ValueType> expression(const Expr& expr, std::optional<ValueType> want,
                                            Location at) {
            if (expr.empty()) {
                return std::nullopt;
            }
            bool names_ok = true;
            for (const Op& op : expr.ops) {
                if (op.code == OpCode::LoadVar && !variables_.contains(op.name)) {
                    c_.sink_.report(codes::undeclared_variable, at,
                                    format(tr("'{1}' is not declared; add 'var {1}: TYPE = "
                                              "VALUE' before the first node"),
                                           {op.name}));
                    names_ok = false;
                } else if (op.code == OpCode::Visits && !nodes_.contains(op.name)) {
                    c_.sink_.report(codes::unknown_node, at,
                                    format(tr("visits() names unknown node '{1}'"), {op.name}));
                    names_ok = false;
                }
            }
            if (!names_ok) {
                return std::nullopt;
            }
            TypeResult result = infer_type(
                expr, [this](std::string_view name) { return variable_type(name); },
                [this](std::string_view name) { return nodes_.contains(name); });
            if (!result.type) {
                c_.sink_.report(codes::type_mismatch, at,
                                // TRANSLATORS: {1} is what is wrong, {2} the expression.
                                format(tr("{1} in '{2}'"), {result.error, expr.source}));
                return std::nullopt;
            }
            if (want && *result.type != *want) {
                c_.sink_.report(codes::type_mismatch, at,
                                // TRANSLATORS: {2} and {3} are types: bool, int or string.
                                format(tr("'{1}' is {2} but {3} is needed here"),
                                       {expr.source, type_name(*result.type), type_name(*want)}));
            }
            return result.type;
        }

        void effect(const Effect& e, Location at) {
            std::optional<ValueType> type = variable_type(e.variable);
            if (!type) {
                c_.sink_.report(codes::undeclared_variable, at,
                                format(tr("'{1}' is not declared; add 'var {1}: TYPE = "
                                          "VALUE' before the first node"),
                                       {e.variable}));
                return;
            }
            if (e.kind == EffectKind::Add && *type != ValueType::Integer) {
                c_.sink_.report(codes::type_mismatch, at,
                                // TRANSLATORS: {2} is a type: bool or string.
                                format(tr("'add' needs an int variable, but '{1}' is {2}"),
                                       {e.variable, type_name(*type)}));
                return;
            }
            expression(e.value, *type, at);
        }

        // Every node should be reachable from the start, ignoring conditions.
        void check_reachability() {
            if (s_.nodes.empty()) {
                return;
            }
            std::size_t start = 0;
            if (!s_.start.empty()) {
                auto it = nodes_.find(s_.start);
                if (it == nodes_.end()) {
                    return;
                }
                start = it->second;
            }
            std::vector<bool> seen(s_.nodes.size(), false);
            std::vector<std::size_t> queue{start};
            seen[start] = true;
            bool ending = false;
            auto visit = [&](const std::string& id) {
                auto it = nodes_.find(id);
                if (it != nodes_.end() && !seen[it->second]) {
                    seen[it->second] = true;
                    queue.push_back(it->second);
                }
            };
            for (std::size_t q = 0; q < queue.size(); ++q) {
                const Node& node = s_.nodes[queue[q]];
                ending = ending || node.is_ending();
                for (const Choice& choice : node.choices) {
                    visit(choice.target);
                }
                visit(node.next);
            }
            for (std::size_t n = 0; n < s_.nodes.size(); ++n) {
                if (!seen[n]) {
                    c_.sink_.report(codes::unreachable_node, src_.nodes[n].at,
                                    format(tr("node '{1}' cannot be reached from '{2}'"),
                                           {s_.nodes[n].id, s_.nodes[start].id}));
                }
            }
            if (!ending) {
                c_.sink_.report(codes::no_reachable_ending, src_.at,
                                format(tr("no ending can be reached in scenario '{1}'"), {s_.id}));
            }
        }

        Checker& c_;
        const Scenario& s_;
        const ScenarioSource& src_;
        IdMap nodes_, variables_;
        std::size_t errors_before_;
    };

    // Where blocks start and where errors were reported, per file, sorted by line.
    void index_locations() {
        std::size_t files = 0;
        auto grow = [&](Location at) { files = std::max<std::size_t>(files, at.file + 1); };
        for (const Diagnostic& d : sink_.all()) {
            grow(d.location);
        }
        for (const ScenarioSource& s : unit_.scenarios) {
            grow(s.at);
        }
        for (const auto* list : {&unit_.roles, &unit_.dimensions, &unit_.tiers, &unit_.outcomes,
                                 &unit_.indicators, &unit_.courses, &unit_.rules}) {
            for (const DeclarationSource& d : *list) {
                grow(d.at);
            }
        }
        block_starts_.assign(files, {});
        error_lines_.assign(files, {});
        for (const ScenarioSource& s : unit_.scenarios) {
            block_starts_[s.at.file].push_back(s.at.line);
        }
        for (const auto* list : {&unit_.roles, &unit_.dimensions, &unit_.tiers, &unit_.outcomes,
                                 &unit_.indicators, &unit_.courses, &unit_.rules}) {
            for (const DeclarationSource& d : *list) {
                block_starts_[d.at.file].push_back(d.at.line);
            }
        }
        for (const Diagnostic& d : sink_.all()) {
            if (d.severity == Severity::Error) {
                error_lines_[d.location.file].push_back(d.location.line);
            }
        }
        for (auto& lines : block_starts_) {
            std::sort(lines.begin(), lines.end());
        }
        for (auto& lines : error_lines_) {
            std::sort(lines.begin(), lines.end());
        }
    }

    std::vector<std::vector<std::uint32_t>> block_starts_, error_lines_;
};

} // namespace

void check_unit(ParsedUnit& unit, const SourceSet& sources, DiagnosticSink& sink) {
    Checker(unit, sources, sink).run();
}

void check_tier_scores(const ParsedUnit& unit, DiagnosticSink& sink) {
    const Bundle& b = unit.bundle;
    for (std::size_t i = 0; i < b.scenarios.size(); ++i) {
        const Scenario& s = b.scenarios[i];
        const PathBounds all = path_bounds(s, b.dimensions.size());
        const PathBounds best =
            path_bounds(s, b.dimensions.size(), [&](const Node& node, const Choice& choice) {
                return is_best_tier_choice(node, choice, b.tiers);
            });
        if (all.reaches_ending && best.reaches_ending && all.max_total > best.max_total) {
            sink.report(codes::poorer_tier_outscores_best, unit.scenarios[i].at,
                        format(tr("a path through poorer-tier choices can score {1}, more than "
                                  "the best-tier path's {2}; learners would be rewarded for the "
                                  "wrong choices"),
                               {std::to_string(all.max_total), std::to_string(best.max_total)}));
        }
    }
}

void check_pinned_places(const ParsedUnit& unit, DiagnosticSink& sink) {
    const Bundle& b = unit.bundle;
    for (std::size_t si = 0; si < b.scenarios.size(); ++si) {
        for (std::size_t ni = 0; ni < b.scenarios[si].nodes.size(); ++ni) {
            const Node& node = b.scenarios[si].nodes[ni];
            const NodeSource& source = unit.scenarios[si].nodes[ni];
            for (std::size_t ci = 0; ci < node.choices.size(); ++ci) {
                const Choice& choice = node.choices[ci];
                if (choice.pin != Pin::None && is_best_tier_choice(node, choice, b.tiers)) {
                    sink.report(codes::pinned_right_answer, source.choices[ci].fields.at("pin"),
                                // TRANSLATORS: {3} is its 'pin:' value, first or last (a keyword).
                                format(tr("choice '{1}' is a best-tier choice of node '{2}': "
                                          "pinned {3}, a learner could find it by its place "
                                          "instead of by reading; pin only other choices"),
                                       {choice.id, node.id, pin_name(choice.pin)}));
                }
            }
            for (std::size_t oi = 0; oi < node.check.options.size(); ++oi) {
                const CheckOption& option = node.check.options[oi];
                if (option.pin != Pin::None && option.correct) {
                    sink.report(codes::pinned_right_answer, source.option_pins.at(oi),
                                // TRANSLATORS: {2} is its 'pin:' value, first or last (a keyword).
                                format(tr("option '{1}' is correct: pinned {2}, a learner could "
                                          "find it by its place instead of by reading; pin only "
                                          "wrong options"),
                                       {option.id, pin_name(option.pin)}));
                }
            }
        }
    }
}

} // namespace sightline::content
