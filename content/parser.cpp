#include "content/parser.hpp"

#include "content/expression.hpp"
#include "content/text_util.hpp"

#include <array>
#include <optional>

namespace sightline::content {

namespace {

using namespace model;

enum class Block { None, Scenario, Indicator, Course, Role, Dimension, Tier, Outcome };

struct BlockKeyword {
    std::string_view word;
    Block block;
};

constexpr std::array kBlockKeywords = {
    BlockKeyword{"scenario", Block::Scenario},   BlockKeyword{"indicator", Block::Indicator},
    BlockKeyword{"course", Block::Course},       BlockKeyword{"role", Block::Role},
    BlockKeyword{"dimension", Block::Dimension}, BlockKeyword{"tier", Block::Tier},
    BlockKeyword{"outcome", Block::Outcome},
};

// Field keys per block, and which of them must be present.
struct FieldRule {
    std::string_view key;
    bool required;
    bool repeatable;
};

constexpr std::array kScenarioFields = {
    FieldRule{"title", true, false},       FieldRule{"role", true, false},
    FieldRule{"language", true, false},    FieldRule{"minutes", true, false},
    FieldRule{"objective", true, true},    FieldRule{"content-note", true, false},
    FieldRule{"indicators", true, true},   FieldRule{"response", true, false},
    FieldRule{"report", true, false},      FieldRule{"start", false, false},
};
constexpr std::array kIndicatorFields = {
    FieldRule{"name", true, false},        FieldRule{"category", true, false},
    FieldRule{"type", true, false},        FieldRule{"roles", true, false},
    FieldRule{"description", true, false}, FieldRule{"confounder", false, false},
};
constexpr std::array kCourseFields = {
    FieldRule{"title", true, false},         FieldRule{"role", true, false},
    FieldRule{"description", false, false},  FieldRule{"passing-score", true, false},
    FieldRule{"credit-minutes", false, false}, FieldRule{"topic", false, true},
    FieldRule{"approval", false, false},     FieldRule{"scenario", true, true},
};
constexpr std::array kNameFields = {FieldRule{"name", true, false}};
constexpr std::array kTierFields = {FieldRule{"name", true, false}, FieldRule{"rank", true, false}};
constexpr std::array kChoiceFields = {
    FieldRule{"tier", true, false},    FieldRule{"feedback", true, false},
    FieldRule{"score", false, false},  FieldRule{"notices", false, true},
    FieldRule{"if", false, false},     FieldRule{"unavailable", false, false},
    FieldRule{"set", false, true},     FieldRule{"add", false, true},
};
constexpr std::array kOptionFields = {FieldRule{"feedback", false, false}};
constexpr std::array kNodeKeys = {"set",    "add",    "note", "discuss",
                                  "ending", "debrief", "score"};

std::span<const FieldRule> rules_for(Block block) {
    switch (block) {
    case Block::Scenario:
        return kScenarioFields;
    case Block::Indicator:
        return kIndicatorFields;
    case Block::Course:
        return kCourseFields;
    case Block::Tier:
        return kTierFields;
    case Block::Role:
    case Block::Dimension:
    case Block::Outcome:
        return kNameFields;
    case Block::None:
        break;
    }
    return {};
}

const FieldRule* find_rule(std::span<const FieldRule> rules, std::string_view key) {
    for (const FieldRule& rule : rules) {
        if (rule.key == key) {
            return &rule;
        }
    }
    return nullptr;
}

// "key: value" -> key and value; the key is lower-case letters and '-'.
struct Field {
    std::string_view key, value;
};

std::optional<Field> split_field(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size() && ((text[i] >= 'a' && text[i] <= 'z') || text[i] == '-')) {
        ++i;
    }
    if (i == 0 || i >= text.size() || text[i] != ':') {
        return std::nullopt;
    }
    if (i + 1 < text.size() && text[i + 1] != ' ' && text[i + 1] != '\t') {
        return std::nullopt;
    }
    return Field{text.substr(0, i), trim(text.substr(i + 1))};
}

class FileParser {
  public:
    FileParser(const LexedFile& file, std::uint32_t file_index, ParsedUnit& unit,
               DiagnosticSink& sink)
        : file_(file), fi_(file_index), unit_(unit), sink_(sink) {}

    void run() {
        for (const Line& line : file_.lines()) {
            line_ = &line;
            handle(line);
        }
        finish_block();
    }

  private:
    // --- small helpers ---------------------------------------------------------------
    Location at(std::string_view part) const { return line_->at(fi_, part); }
    Location at() const { return line_->at(fi_); }
    void report(std::string_view code, Location where, std::string message) {
        sink_.report(code, where, std::move(message));
    }

    Scenario& scenario() { return unit_.bundle.scenarios.back(); }
    ScenarioSource& scenario_source() { return unit_.scenarios.back(); }
    Node& node() { return scenario().nodes.back(); }
    NodeSource& node_source() { return scenario_source().nodes.back(); }
    Choice& choice() { return node().choices.back(); }
    ChoiceSource& choice_source() { return node_source().choices.back(); }

    DeclarationSource& declaration_source() {
        switch (block_) {
        case Block::Indicator:
            return unit_.indicators.back();
        case Block::Course:
            return unit_.courses.back();
        case Block::Role:
            return unit_.roles.back();
        case Block::Dimension:
            return unit_.dimensions.back();
        case Block::Tier:
            return unit_.tiers.back();
        default:
            return unit_.outcomes.back();
        }
    }

    FieldLocations& block_fields() {
        return block_ == Block::Scenario ? scenario_source().fields : declaration_source().fields;
    }

    // Checks an id where it was written; returns it (possibly invalid) as a string.
    std::string take_id(std::string_view id, std::string_view what) {
        if (!is_valid_id(id)) {
            report("SL0108", at(id),
                   "'" + std::string(id) + "' is not a valid " + std::string(what) +
                       " id (use lower-case letters, digits, '.', '-' and '_')");
        }
        return std::string(id);
    }

    std::optional<std::uint32_t> take_number(std::string_view text, std::uint32_t max) {
        std::optional<std::uint32_t> value = parse_unsigned(text, max);
        if (!value) {
            report("SL0109", at(text),
                   "expected a whole number from 0 to " + std::to_string(max) + ", found '" +
                       std::string(text) + "'");
        }
        return value;
    }

    // Records a field's location; reports a repeat of a one-time field.
    bool note_field(FieldLocations& fields, const FieldRule& rule, std::string_view key) {
        auto [it, fresh] = fields.emplace(std::string(key), at(key));
        if (!fresh && !rule.repeatable) {
            report("SL0110", at(key),
                   "'" + std::string(key) + "' is already given on line " +
                       std::to_string(it->second.line));
            return false;
        }
        return true;
    }

    void require_fields(std::span<const FieldRule> rules, const FieldLocations& fields,
                        Location where, std::string_view what) {
        for (const FieldRule& rule : rules) {
            if (rule.required && !fields.contains(rule.key)) {
                report("SL0401", where,
                       std::string(what) + " is missing '" + std::string(rule.key) + ":'");
            }
        }
    }

    // --- dispatch --------------------------------------------------------------------
    void handle(const Line& line) {
        if (line.blank()) {
            paragraph_open_ = false;
            continuation_ = nullptr;
            return;
        }
        if (line.text.starts_with("//")) {
            return;
        }
        if (line.indent == 0 && start_block(line.text)) {
            return;
        }
        if (line.indent > 0) {
            handle_indented(line.text);
            return;
        }
        continuation_ = nullptr;
        choice_open_ = option_open_ = false;
        switch (block_) {
        case Block::None:
            report("SL0101", at(),
                   "expected a block such as 'scenario ID', 'indicator ID' or 'course ID'");
            return;
        case Block::Scenario:
            scenario_line(line.text);
            return;
        default:
            declaration_line(line.text);
            return;
        }
    }

    bool start_block(std::string_view text) {
        for (const BlockKeyword& keyword : kBlockKeywords) {
            if (!text.starts_with(keyword.word) || text.size() <= keyword.word.size() ||
                text[keyword.word.size()] != ' ') {
                continue;
            }
            std::string_view id = trim(text.substr(keyword.word.size()));
            if (id.find(' ') != std::string_view::npos) {
                continue; // prose that happens to start with the word
            }
            finish_block();
            begin_block(keyword.block, id);
            return true;
        }
        return false;
    }

    void begin_block(Block block, std::string_view id_text) {
        block_ = block;
        const Location where = at();
        std::string id = take_id(id_text, "block");
        Bundle& b = unit_.bundle;
        switch (block) {
        case Block::Scenario:
            b.scenarios.push_back(Scenario{});
            b.scenarios.back().id = std::move(id);
            unit_.scenarios.push_back(ScenarioSource{});
            unit_.scenarios.back().at = at(id_text);
            in_nodes_ = false;
            return;
        case Block::Indicator:
            b.indicators.push_back(Indicator{});
            b.indicators.back().id = std::move(id);
            unit_.indicators.push_back({at(id_text), {}, {}});
            break;
        case Block::Course:
            b.courses.push_back(Course{});
            b.courses.back().id = std::move(id);
            unit_.courses.push_back({at(id_text), {}, {}});
            break;
        case Block::Role:
            b.roles.push_back(Role{std::move(id), {}});
            unit_.roles.push_back({at(id_text), {}, {}});
            break;
        case Block::Dimension:
            b.dimensions.push_back(Dimension{std::move(id), {}});
            unit_.dimensions.push_back({at(id_text), {}, {}});
            break;
        case Block::Tier:
            b.tiers.push_back(Tier{std::move(id), {}, 0});
            unit_.tiers.push_back({at(id_text), {}, {}});
            break;
        case Block::Outcome:
            b.outcomes.push_back(Outcome{std::move(id), {}});
            unit_.outcomes.push_back({at(id_text), {}, {}});
            break;
        case Block::None:
            break;
        }
        (void)where;
    }

    void finish_block() {
        finish_node();
        switch (block_) {
        case Block::None:
            break;
        case Block::Scenario: {
            const ScenarioSource& source = scenario_source();
            require_fields(kScenarioFields, source.fields, source.at,
                           "scenario '" + scenario().id + "'");
            if (scenario().nodes.empty()) {
                report("SL0408", source.at,
                       "scenario '" + scenario().id + "' has no nodes (start one with '== ID')");
            }
            break;
        }
        default: {
            const DeclarationSource& source = declaration_source();
            require_fields(rules_for(block_), source.fields, source.at, "this block");
            break;
        }
        }
        block_ = Block::None;
        continuation_ = nullptr;
        choice_open_ = option_open_ = paragraph_open_ = false;
    }

    // --- fields of declarations and the scenario header --------------------------------
    void declaration_line(std::string_view text) {
        std::optional<Field> field = split_field(text);
        if (!field) {
            report("SL0101", at(), "expected a field such as 'name: ...'");
            return;
        }
        const FieldRule* rule = find_rule(rules_for(block_), field->key);
        if (!rule) {
            report("SL0105", at(field->key), unknown_field_message(field->key, rules_for(block_)));
            return;
        }
        if (!note_field(declaration_source().fields, *rule, field->key)) {
            return;
        }
        apply_declaration_field(field->key, field->value);
    }

    static std::string unknown_field_message(std::string_view key,
                                             std::span<const FieldRule> rules) {
        std::string message = "unknown field '" + std::string(key) + "'; expected one of ";
        for (std::size_t i = 0; i < rules.size(); ++i) {
            message += (i ? ", " : "") + std::string(rules[i].key);
        }
        return message;
    }

    void apply_declaration_field(std::string_view key, std::string_view value) {
        Bundle& b = unit_.bundle;
        switch (block_) {
        case Block::Indicator: {
            Indicator& indicator = b.indicators.back();
            if (key == "name") {
                set_text(indicator.name, value);
            } else if (key == "category") {
                set_text(indicator.category, value);
            } else if (key == "description") {
                set_text(indicator.description, value);
            } else if (key == "type") {
                if (value == "sex" || value == "labour" || value == "both") {
                    indicator.type = std::string(value);
                } else if (value == "labor") {
                    indicator.type = "labour";
                } else {
                    report("SL0109", at(value), "type must be sex, labour or both");
                }
            } else if (key == "roles") {
                for (std::string_view role : split_list(value)) {
                    indicator.roles.push_back(take_id(role, "role"));
                    declaration_source().items.push_back(at(role));
                }
            } else if (key == "confounder") {
                if (value == "yes" || value == "no") {
                    indicator.confounder = value == "yes";
                } else {
                    report("SL0109", at(value), "confounder must be yes or no");
                }
            }
            return;
        }
        case Block::Course: {
            Course& course = b.courses.back();
            if (key == "title") {
                set_text(course.title, value);
            } else if (key == "role") {
                course.role = take_id(value, "role");
            } else if (key == "description") {
                set_text(course.description, value);
            } else if (key == "approval") {
                set_text(course.approval, value);
            } else if (key == "topic") {
                course.topics.emplace_back();
                set_text(course.topics.back(), value);
            } else if (key == "passing-score") {
                course.passing_score = take_number(value, 100).value_or(0);
            } else if (key == "credit-minutes") {
                course.credit_minutes = take_number(value, 100000).value_or(0);
            } else if (key == "scenario") {
                course_entry(course, value);
            }
            return;
        }
        case Block::Tier:
            if (key == "rank") {
                b.tiers.back().rank = take_number(value, 1000).value_or(0);
            } else {
                set_text(b.tiers.back().name, value);
            }
            return;
        case Block::Role:
            set_text(b.roles.back().name, value);
            return;
        case Block::Dimension:
            set_text(b.dimensions.back().name, value);
            return;
        case Block::Outcome:
            set_text(b.outcomes.back().name, value);
            return;
        default:
            return;
        }
    }

    void course_entry(Course& course, std::string_view value) {
        std::string_view id = value;
        bool required = true;
        const std::size_t space = value.find(' ');
        if (space != std::string_view::npos) {
            id = value.substr(0, space);
            std::string_view mode = trim(value.substr(space + 1));
            if (mode == "optional") {
                required = false;
            } else if (mode != "required") {
                report("SL0109", at(mode), "expected 'required' or 'optional' after the scenario id");
            }
        }
        course.entries.push_back(CourseEntry{take_id(id, "scenario"), required, kNoIndex});
        declaration_source().items.push_back(at(id));
    }

    // A text field; later indented lines continue it.
    void set_text(std::string& target, std::string_view value) {
        target = std::string(value);
        continuation_ = &target;
    }

    void scenario_line(std::string_view text) {
        if (text.starts_with("==")) {
            begin_node(text);
            return;
        }
        if (in_nodes_) {
            node_line(text);
            return;
        }
        if (text.starts_with("var ")) {
            variable_line(text.substr(4));
            return;
        }
        std::optional<Field> field = split_field(text);
        if (!field) {
            report("SL0101", at(),
                   "expected a scenario field, 'var NAME: TYPE = VALUE' or a node ('== ID')");
            return;
        }
        const FieldRule* rule = find_rule(kScenarioFields, field->key);
        if (!rule) {
            report("SL0105", at(field->key), unknown_field_message(field->key, kScenarioFields));
            return;
        }
        if (!note_field(scenario_source().fields, *rule, field->key)) {
            return;
        }
        Scenario& s = scenario();
        const std::string_view key = field->key;
        const std::string_view value = field->value;
        if (key == "title") {
            set_text(s.title, value);
        } else if (key == "role") {
            s.role = take_id(value, "role");
        } else if (key == "language") {
            s.language = std::string(value);
        } else if (key == "minutes") {
            s.minutes = take_number(value, 10000).value_or(0);
        } else if (key == "objective") {
            s.objectives.emplace_back();
            set_text(s.objectives.back(), value);
        } else if (key == "content-note") {
            set_text(s.content_note, value);
        } else if (key == "response") {
            set_text(s.response, value);
        } else if (key == "report") {
            set_text(s.report, value);
        } else if (key == "start") {
            s.start = take_id(value, "node");
            scenario_source().fields["start"] = at(value);
        } else if (key == "indicators") {
            for (std::string_view id : split_list(value)) {
                s.indicators.push_back(take_id(id, "indicator"));
                scenario_source().indicators.push_back(at(id));
            }
        }
    }

    void variable_line(std::string_view text) {
        // NAME: TYPE = VALUE
        const std::size_t colon = text.find(':');
        const std::size_t equals = text.find('=');
        if (colon == std::string_view::npos || equals == std::string_view::npos || equals < colon) {
            report("SL0101", at(), "expected 'var NAME: TYPE = VALUE', e.g. 'var asked: bool = false'");
            return;
        }
        std::string_view name = trim(text.substr(0, colon));
        std::string_view type = trim(text.substr(colon + 1, equals - colon - 1));
        std::string_view value = trim(text.substr(equals + 1));
        if (!is_variable_name(name)) {
            report("SL0108", at(name),
                   "'" + std::string(name) +
                       "' is not a valid variable name (lower-case letters, digits and '_', "
                       "starting with a letter)");
        }
        Variable variable{std::string(name), {}};
        if (type == "bool") {
            if (value != "true" && value != "false") {
                report("SL0301", at(value), "a bool starts as true or false");
            }
            variable.initial = Value::of(value == "true");
        } else if (type == "int") {
            std::optional<std::int64_t> number = parse_signed(value);
            if (!number) {
                report("SL0301", at(value), "an int starts as a whole number");
            }
            variable.initial = Value::of(number.value_or(0));
        } else if (type == "string") {
            if (value.size() < 2 || value.front() != '"' || value.back() != '"') {
                report("SL0301", at(value), "a string starts as text in double quotes");
                variable.initial = Value::of(std::string());
            } else {
                variable.initial = Value::of(std::string(value.substr(1, value.size() - 2)));
            }
        } else {
            report("SL0109", at(type), "type must be bool, int or string");
        }
        scenario().variables.push_back(std::move(variable));
        scenario_source().variables.push_back(at(name));
    }

    // --- nodes -----------------------------------------------------------------------
    void begin_node(std::string_view text) {
        finish_node();
        in_nodes_ = true;
        std::string_view id = trim(text.substr(2));
        if (id.starts_with("=")) {
            id = trim(id.substr(1)); // "=== id" is fine too
        }
        Node fresh;
        fresh.id = take_id(id, "node");
        scenario().nodes.push_back(std::move(fresh));
        NodeSource source;
        source.at = at(id.empty() ? line_->text : id);
        scenario_source().nodes.push_back(std::move(source));
        node_open_ = true;
        errors_before_node_ = sink_.error_count();
    }

    void finish_node() {
        if (!node_open_) {
            return;
        }
        node_open_ = false;
        choice_open_ = option_open_ = paragraph_open_ = false;
        Node& n = node();
        NodeSource& source = node_source();
        const std::string name = "node '" + n.id + "'";
        if (sink_.error_count() > errors_before_node_) {
            return; // a broken line inside the node would only cause follow-on errors
        }
        const bool decision = !n.choices.empty();
        const bool check = n.has_check();
        const bool passage = !n.next.empty();
        const bool ending = n.is_ending();
        if (decision && (check || passage || ending)) {
            report("SL0406", source.at,
                   name + " has choices and also " +
                       (check ? "a knowledge check" : passage ? "'->'" : "'ending:'") +
                       "; a node is one of a decision, a check, a passage or an ending");
        } else if (ending && (check || passage)) {
            report("SL0406", source.at,
                   name + " is an ending and also has " +
                       (check ? "a knowledge check" : "'->'"));
        } else if (check && !passage) {
            report("SL0403", source.at,
                   name + " has a knowledge check but no '-> NODE' saying where to go next");
        } else if (!decision && !check && !passage && !ending) {
            report("SL0403", source.at,
                   name + " has no choices, no '-> NODE' and is not an ending, so play would "
                          "stop here");
        }
        if (!n.debrief.empty() && !ending) {
            report("SL0406", source.fields.contains("debrief") ? source.fields["debrief"] : source.at,
                   "'debrief:' belongs in an ending; add 'ending: OUTCOME' to " + name);
        }
        if (check) {
            finish_check(n, source);
        }
    }

    void finish_check(const Node& n, const NodeSource& source) {
        const Location where = source.fields.at("check");
        std::size_t correct = 0;
        for (const CheckOption& option : n.check.options) {
            correct += option.correct ? 1 : 0;
        }
        if (n.check.options.size() < 2) {
            report("SL0409", where, "a knowledge check needs at least two options ('+ [id]' or '- [id]')");
        } else if (correct == 0) {
            report("SL0404", where,
                   "no option is marked correct; start the correct ones with '+' instead of '-'");
        } else if (n.check.kind == CheckKind::Single && correct > 1) {
            report("SL0405", where,
                   std::to_string(correct) +
                       " options are marked correct in a 'check single'; use 'check multi' or "
                       "mark only one with '+'");
        }
    }

    void node_line(std::string_view text) {
        Node& n = node();
        if (text.starts_with("\\")) {
            add_text(text.substr(1), text.substr(1));
            return;
        }
        if (text.starts_with("->")) {
            std::string_view target = trim(text.substr(2));
            if (!n.next.empty()) {
                report("SL0110", at(), "node already has '-> " + n.next + "'");
                return;
            }
            n.next = take_id(target, "node");
            node_source().next = at(target.empty() ? text : target);
            paragraph_open_ = false;
            return;
        }
        if (text.starts_with("*")) {
            choice_line(text);
            return;
        }
        if ((text.starts_with("+") || text.starts_with("-")) &&
            trim(text.substr(1)).starts_with("[")) {
            option_line(text);
            return;
        }
        if (text.starts_with("@")) {
            speaker_line(text, text.substr(1), {});
            return;
        }
        if (text.starts_with("{if")) {
            conditional_line(text);
            return;
        }
        if (text.starts_with("check single:") || text.starts_with("check multi:") ||
            text.starts_with("check:")) {
            check_line(text);
            return;
        }
        if (std::optional<Field> field = split_field(text)) {
            for (std::string_view key : kNodeKeys) {
                if (field->key == key) {
                    node_field(*field);
                    return;
                }
            }
        }
        add_text(text, text);
    }

    // Narrative: consecutive lines join into one paragraph.
    void add_text(std::string_view text, std::string_view where) {
        Node& n = node();
        if (paragraph_open_ && !n.body.empty()) {
            n.body.back().text += ' ';
            n.body.back().text += text;
            return;
        }
        n.body.push_back(Paragraph{{}, std::string(text), {}});
        node_source().paragraphs.push_back(at(where));
        paragraph_open_ = true;
    }

    void speaker_line(std::string_view whole, std::string_view rest, Expr condition) {
        const std::size_t colon = rest.find(':');
        if (colon == std::string_view::npos || trim(rest.substr(0, colon)).empty()) {
            report("SL0101", at(whole), "expected '@Speaker: what they say'");
            return;
        }
        node().body.push_back(Paragraph{std::string(trim(rest.substr(0, colon))),
                                        std::string(trim(rest.substr(colon + 1))),
                                        std::move(condition)});
        node_source().paragraphs.push_back(at(whole));
        paragraph_open_ = false;
    }

    void conditional_line(std::string_view text) {
        const std::size_t close = text.find('}');
        if (close == std::string_view::npos || (text.size() > 3 && text[3] != ' ')) {
            report("SL0101", at(), "expected '{if CONDITION} text'");
            return;
        }
        std::string_view condition_text = trim(text.substr(3, close - 3));
        std::optional<Expr> condition = expression(condition_text);
        std::string_view rest = trim(text.substr(close + 1));
        if (!condition) {
            return;
        }
        if (rest.empty()) {
            report("SL0101", at(text.substr(close)), "expected text after '{if ...}'");
            return;
        }
        if (rest.starts_with("@")) {
            speaker_line(text, rest.substr(1), std::move(*condition));
            return;
        }
        node().body.push_back(Paragraph{{}, std::string(rest), std::move(*condition)});
        node_source().paragraphs.push_back(at(text));
        paragraph_open_ = false;
    }

    std::optional<Expr> expression(std::string_view text) {
        ParsedExpression parsed = parse_expression(text);
        if (!parsed.ok) {
            report(parsed.error.code, at(text.substr(std::min(parsed.error.offset, text.size()))),
                   parsed.error.message);
            return std::nullopt;
        }
        return std::move(parsed.expr);
    }

    void node_field(const Field& field) {
        Node& n = node();
        NodeSource& source = node_source();
        paragraph_open_ = false;
        if (field.key == "note") {
            n.facilitator_notes.emplace_back();
            set_text(n.facilitator_notes.back(), field.value);
        } else if (field.key == "discuss") {
            n.discussion_prompts.emplace_back();
            set_text(n.discussion_prompts.back(), field.value);
        } else if (field.key == "ending") {
            if (!n.outcome.empty()) {
                report("SL0110", at(field.key), "node already has 'ending: " + n.outcome + "'");
                return;
            }
            n.outcome = take_id(field.value, "outcome");
            source.fields["ending"] = at(field.value);
        } else if (field.key == "debrief") {
            source.fields.emplace("debrief", at(field.key));
            if (!n.debrief.empty()) {
                n.debrief += "\n\n";
            }
            n.debrief += field.value;
            continuation_ = &n.debrief;
        } else if (field.key == "score") {
            if (!n.has_check()) {
                report("SL0101", at(field.key),
                       "'score:' in a node belongs to a knowledge check; put choice scores "
                       "under the choice");
                return;
            }
            scores(field.value, n.check.scores, source.check_scores, false);
        } else if (field.key == "set" || field.key == "add") {
            if (std::optional<Effect> e = effect(field.key, field.value)) {
                n.on_enter.push_back(std::move(*e));
                source.effects.push_back(at(field.value));
            }
        }
    }

    std::optional<Effect> effect(std::string_view key, std::string_view value) {
        Effect result;
        if (key == "set") {
            const std::size_t equals = value.find('=');
            if (equals == std::string_view::npos ||
                (equals + 1 < value.size() && value[equals + 1] == '=')) {
                report("SL0101", at(value), "expected 'set: VARIABLE = VALUE'");
                return std::nullopt;
            }
            result.kind = EffectKind::Set;
            result.variable = std::string(trim(value.substr(0, equals)));
            std::optional<Expr> e = expression(trim(value.substr(equals + 1)));
            if (!e) {
                return std::nullopt;
            }
            result.value = std::move(*e);
        } else {
            const std::size_t space = value.find(' ');
            std::optional<std::int64_t> amount;
            if (space != std::string_view::npos) {
                amount = parse_signed(trim(value.substr(space + 1)));
            }
            if (!amount) {
                report("SL0101", at(value), "expected 'add: VARIABLE NUMBER', e.g. 'add: concerns 1'");
                return std::nullopt;
            }
            result.kind = EffectKind::Add;
            result.variable = std::string(value.substr(0, space));
            result.value.ops.push_back(Op{OpCode::PushInt, *amount, {}, kNoIndex});
            result.value.source = std::string(trim(value.substr(space + 1)));
        }
        if (!is_variable_name(result.variable)) {
            report("SL0108", at(value), "'" + result.variable + "' is not a valid variable name");
            return std::nullopt;
        }
        return result;
    }

    // "recognition +2, response -1"
    void scores(std::string_view value, std::vector<ScoreChange>& out, std::vector<Location>& where,
                bool signed_required) {
        for (std::string_view item : split_list(value)) {
            const std::size_t space = item.rfind(' ');
            std::optional<std::int64_t> delta;
            if (space != std::string_view::npos) {
                std::string_view number = trim(item.substr(space + 1));
                if (signed_required && !number.starts_with("+") && !number.starts_with("-")) {
                    number = {};
                }
                delta = parse_signed(number);
            }
            if (!delta || *delta < -1000000 || *delta > 1000000) {
                report("SL0109", at(item),
                       std::string("expected 'DIMENSION ") + (signed_required ? "+N" : "N") +
                           "' such as 'recognition " + (signed_required ? "+2" : "2") + "'");
                continue;
            }
            std::string_view dimension = trim(item.substr(0, space));
            out.push_back(ScoreChange{take_id(dimension, "dimension"),
                                      static_cast<std::int32_t>(*delta), kNoIndex});
            where.push_back(at(dimension));
        }
    }

    void choice_line(std::string_view text) {
        paragraph_open_ = false;
        std::string_view rest = trim(text.substr(1));
        const std::size_t close = rest.find(']');
        if (!rest.starts_with("[") || close == std::string_view::npos) {
            report("SL0101", at(), "expected '* [choice-id] What the learner does -> node-id'");
            return;
        }
        std::string_view id = trim(rest.substr(1, close - 1));
        std::string_view after = rest.substr(close + 1);
        const std::size_t arrow = after.rfind("->");
        Choice c;
        c.id = take_id(id, "choice");
        ChoiceSource source;
        source.at = at(id);
        if (arrow == std::string_view::npos || trim(after.substr(arrow + 2)).empty()) {
            report("SL0111", at(id),
                   "choice '" + c.id + "' does not say where it leads; end the line with '-> node-id'");
            c.text = std::string(trim(after));
            source.target = source.at;
        } else {
            std::string_view target = trim(after.substr(arrow + 2));
            c.text = std::string(trim(after.substr(0, arrow)));
            c.target = take_id(target, "node");
            source.target = at(target);
        }
        if (c.text.empty()) {
            report("SL0101", at(id), "choice '" + c.id + "' has no text for the learner to read");
        }
        node().choices.push_back(std::move(c));
        node_source().choices.push_back(std::move(source));
        choice_open_ = true;
        option_open_ = false;
    }

    void check_line(std::string_view text) {
        paragraph_open_ = false;
        Node& n = node();
        const std::size_t colon = text.find(':');
        std::string_view kind = trim(text.substr(5, colon - 5));
        if (kind != "single" && kind != "multi") {
            report("SL0101", at(), "expected 'check single: QUESTION' or 'check multi: QUESTION'");
            return;
        }
        if (n.has_check()) {
            report("SL0110", at(), "node '" + n.id + "' already has a knowledge check");
            return;
        }
        n.check.kind = kind == "single" ? CheckKind::Single : CheckKind::Multi;
        set_text(n.check.prompt, trim(text.substr(colon + 1)));
        node_source().fields["check"] = at();
    }

    void option_line(std::string_view text) {
        paragraph_open_ = false;
        choice_open_ = false;
        Node& n = node();
        if (!n.has_check()) {
            report("SL0101", at(),
                   "answer options belong under a 'check single:' or 'check multi:' line");
            return;
        }
        std::string_view rest = trim(text.substr(1));
        const std::size_t close = rest.find(']');
        if (close == std::string_view::npos) {
            report("SL0101", at(), "expected '+ [option-id] text' or '- [option-id] text'");
            return;
        }
        std::string_view id = trim(rest.substr(1, close - 1));
        CheckOption option{take_id(id, "option"), std::string(trim(rest.substr(close + 1))),
                           text.front() == '+', {}};
        if (option.text.empty()) {
            report("SL0101", at(id), "option '" + option.id + "' has no text");
        }
        n.check.options.push_back(std::move(option));
        node_source().options.push_back(at(id));
        option_open_ = true;
    }

    // --- indented lines: choice and option fields, or continuations --------------------
    void handle_indented(std::string_view text) {
        if (choice_open_ || option_open_) {
            std::optional<Field> field = split_field(text);
            const std::span<const FieldRule> rules =
                choice_open_ ? std::span<const FieldRule>(kChoiceFields)
                             : std::span<const FieldRule>(kOptionFields);
            if (field && find_rule(rules, field->key)) {
                continuation_ = nullptr;
                choice_open_ ? choice_field(*field) : option_field(*field);
                return;
            }
            if (continuation_) {
                append_continuation(text);
                return;
            }
            if (field) {
                report("SL0105", at(field->key), unknown_field_message(field->key, rules));
            } else {
                report("SL0101", at(),
                       choice_open_ ? "expected a choice field such as 'tier:' or 'feedback:'"
                                    : "expected 'feedback:'");
            }
            return;
        }
        if (continuation_) {
            append_continuation(text);
            return;
        }
        if (block_ == Block::Scenario && in_nodes_) {
            node_line(text);
            return;
        }
        report("SL0101", at(), "unexpected indented line");
    }

    void append_continuation(std::string_view text) {
        if (!continuation_->empty()) {
            *continuation_ += ' ';
        }
        *continuation_ += text;
    }

    void choice_field(const Field& field) {
        Choice& c = choice();
        ChoiceSource& source = choice_source();
        const FieldRule* rule = find_rule(kChoiceFields, field.key);
        if (!note_field(source.fields, *rule, field.key)) {
            return;
        }
        if (field.key == "tier") {
            c.tier = take_id(field.value, "tier");
            source.fields["tier"] = at(field.value);
        } else if (field.key == "feedback") {
            set_text(c.feedback, field.value);
        } else if (field.key == "score") {
            scores(field.value, c.scores, source.scores, true);
        } else if (field.key == "notices") {
            for (std::string_view id : split_list(field.value)) {
                c.notices.push_back(take_id(id, "indicator"));
                source.notices.push_back(at(id));
            }
        } else if (field.key == "if") {
            if (std::optional<Expr> e = expression(field.value)) {
                c.condition = std::move(*e);
                source.condition = at(field.value);
            }
        } else if (field.key == "unavailable") {
            if (field.value == "hidden") {
                c.when_unavailable = WhenUnavailable::Hide;
            } else if (field.value == "disabled") {
                c.when_unavailable = WhenUnavailable::Disable;
            } else {
                report("SL0109", at(field.value), "expected 'hidden' or 'disabled'");
            }
        } else if (field.key == "set" || field.key == "add") {
            if (std::optional<Effect> e = effect(field.key, field.value)) {
                c.effects.push_back(std::move(*e));
                source.effects.push_back(at(field.value));
            }
        }
    }

    void option_field(const Field& field) {
        set_text(node().check.options.back().feedback, field.value);
    }

    const LexedFile& file_;
    std::uint32_t fi_;
    ParsedUnit& unit_;
    DiagnosticSink& sink_;
    const Line* line_ = nullptr;

    Block block_ = Block::None;
    bool in_nodes_ = false;
    bool node_open_ = false;
    bool choice_open_ = false;
    bool option_open_ = false;
    bool paragraph_open_ = false;
    std::string* continuation_ = nullptr; // the text field that indented lines extend
    std::size_t errors_before_node_ = 0;
};

} // namespace

bool is_valid_id(std::string_view id) {
    auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (id.empty() || id.size() > 128 || !alnum(id.front()) || !alnum(id.back())) {
        return false;
    }
    for (char c : id) {
        if (!alnum(c) && c != '.' && c != '-' && c != '_') {
            return false;
        }
    }
    return true;
}

void parse_file(const LexedFile& file, std::uint32_t file_index, ParsedUnit& unit,
                DiagnosticSink& sink) {
    FileParser(file, file_index, unit, sink).run();
}

} // namespace sightline::content
