#include "content/parser.hpp"

#include "content/expression.hpp"
#include "content/file_parser.hpp"
#include "content/text_util.hpp"
#include "i18n/i18n.hpp"

#include <algorithm>

namespace sightline::content {

using i18n::format;
using i18n::tr;

namespace parsing {

void FileParser::run() {
    for (const Line& line : file_.lines()) {
        line_ = &line;
        handle(line);
    }
    finish_block();
}

DeclarationSource& FileParser::declaration_source() {
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
    case Block::Rule:
        return unit_.rules.back();
    default:
        return unit_.outcomes.back();
    }
}

std::string FileParser::take_id(std::string_view id, std::string_view what) {
    if (!is_valid_id(id)) {
        // TRANSLATORS: {1} is what was written, {2} the kind of id (node, role...).
        report(codes::invalid_id, at(id),
               format(tr("'{1}' is not a valid {2} id (use lower-case letters, digits, '.', '-' "
                         "and '_')"),
                      {id, id_kind(what)}));
    }
    return std::string(id);
}

std::optional<std::uint32_t> FileParser::take_number(std::string_view text, std::uint32_t max) {
    std::optional<std::uint32_t> value = parse_unsigned(text, max);
    if (!value) {
        report(codes::invalid_value, at(text),
               format(tr("expected a whole number from 0 to {1}, found '{2}'"),
                      {std::to_string(max), text}));
    }
    return value;
}

bool FileParser::note_field(FieldLocations& fields, const FieldRule& rule, std::string_view key) {
    auto [it, fresh] = fields.emplace(std::string(key), at(key));
    if (!fresh && !rule.repeatable) {
        report(codes::duplicate_field, at(key),
               format(tr("'{1}' is already given on line {2}"),
                      {key, std::to_string(it->second.line)}));
        return false;
    }
    return true;
}

void FileParser::require_fields(std::span<const FieldRule> rules, const FieldLocations& fields,
                                Location where, std::optional<std::string_view> scenario) {
    for (const FieldRule& rule : rules) {
        if (rule.required && !fields.contains(rule.key)) {
            // TRANSLATORS: {2} is a field of the scenario language (start, title...).
            report(codes::missing_field, where,
                   scenario ? format(tr("scenario '{1}' is missing '{2}:'"), {*scenario, rule.key})
                            : format(tr("this block is missing '{1}:'"), {rule.key}));
        }
    }
}

void FileParser::handle(const Line& line) {
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
        report(codes::syntax_error, at(),
               tr("expected a block such as 'scenario ID', 'indicator ID' or 'course ID'"));
        return;
    case Block::Scenario:
        scenario_line(line.text);
        return;
    default:
        declaration_line(line.text);
        return;
    }
}

bool FileParser::start_block(std::string_view text) {
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

namespace {

// A new declaration with its id, and beside it (same position) where it was written.
template <class T>
void declare(std::vector<T>& items, std::vector<DeclarationSource>& sources, std::string id,
             Location at) {
    items.emplace_back();
    items.back().id = std::move(id);
    sources.push_back(DeclarationSource{at, {}, {}, {}});
}

} // namespace

void FileParser::begin_block(Block block, std::string_view id_text) {
    block_ = block;
    std::string id = take_id(id_text, "block");
    const Location where = at(id_text);
    Bundle& b = unit_.bundle;
    switch (block) {
    case Block::Scenario:
        b.scenarios.emplace_back();
        b.scenarios.back().id = std::move(id);
        unit_.scenarios.emplace_back();
        unit_.scenarios.back().at = where;
        in_nodes_ = false;
        return;
    case Block::Indicator:
        return declare(b.indicators, unit_.indicators, std::move(id), where);
    case Block::Course:
        return declare(b.courses, unit_.courses, std::move(id), where);
    case Block::Role:
        return declare(b.roles, unit_.roles, std::move(id), where);
    case Block::Dimension:
        return declare(b.dimensions, unit_.dimensions, std::move(id), where);
    case Block::Tier:
        return declare(b.tiers, unit_.tiers, std::move(id), where);
    case Block::Outcome:
        return declare(b.outcomes, unit_.outcomes, std::move(id), where);
    case Block::Rule:
        return declare(b.rules, unit_.rules, std::move(id), where);
    case Block::None:
        return;
    }
}

void FileParser::finish_block() {
    finish_node();
    switch (block_) {
    case Block::None:
        break;
    case Block::Scenario: {
        const ScenarioSource& source = scenario_source();
        require_fields(kScenarioFields, source.fields, source.at, scenario().id);
        if (scenario().nodes.empty()) {
            report(codes::no_reachable_ending, source.at,
                   format(tr("scenario '{1}' has no nodes (start one with '== ID')"),
                          {scenario().id}));
        }
        break;
    }
    default: {
        const DeclarationSource& source = declaration_source();
        require_fields(rules_for(block_), source.fields, source.at, std::nullopt);
        break;
    }
    }
    block_ = Block::None;
    continuation_ = nullptr;
    choice_open_ = option_open_ = paragraph_open_ = false;
}

void FileParser::declaration_line(std::string_view text) {
    std::optional<Field> field = split_field(text);
    if (!field) {
        report(codes::syntax_error, at(), tr("expected a field such as 'name: ...'"));
        return;
    }
    const FieldRule* rule = find_rule(rules_for(block_), field->key);
    if (!rule) {
        report(codes::unknown_field, at(field->key),
               unknown_field_message(field->key, rules_for(block_)));
        return;
    }
    if (!note_field(declaration_source().fields, *rule, field->key)) {
        return;
    }
    apply_declaration_field(field->key, field->value);
}

void FileParser::apply_declaration_field(std::string_view key, std::string_view value) {
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
                report(codes::invalid_value, at(value), tr("type must be sex, labour or both"));
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
                report(codes::invalid_value, at(value), tr("confounder must be yes or no"));
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
        } else if (key == "pacing") {
            if (value == "on" || value == "off") {
                course.paced = value == "on";
            } else {
                report(codes::invalid_value, at(value), tr("pacing must be on or off"));
            }
        } else if (key == "closing") {
            course.closing.emplace_back();
            set_text(course.closing.back(), value);
        } else if (key == "meets") {
            for (std::string_view rule : split_list(value)) {
                course.meets.push_back(take_id(rule, "rule"));
                declaration_source().refs.push_back(at(rule));
            }
        }
        return;
    }
    case Block::Rule:
        rule_field(b.rules.back(), key, value);
        return;
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

bool FileParser::take_yes_no(std::string_view key, std::string_view value) {
    if (value != "yes" && value != "no") {
        // TRANSLATORS: {1} is a field of the scenario language (interactive, paced).
        report(codes::invalid_value, at(value), format(tr("{1} must be yes or no"), {key}));
    }
    return value == "yes";
}

void FileParser::rule_field(Rule& rule, std::string_view key, std::string_view value) {
    if (key == "title") {
        set_text(rule.title, value);
    } else if (key == "jurisdiction") {
        set_text(rule.jurisdiction, value);
    } else if (key == "citation") {
        set_text(rule.citation, value);
    } else if (key == "applies-to") {
        for (std::string_view role : split_list(value)) {
            if (!is_job_role(role)) {
                report(codes::invalid_value, at(role),
                       format(tr("'{1}' is not a job role; write a role id, optionally "
                                 "narrowed with '/' (hotel, hotel/front-desk)"),
                              {role}));
            }
            rule.applies_to.emplace_back(role);
        }
    } else if (key == "minimum-minutes") {
        rule.minimum_minutes = take_number(value, 100000).value_or(0);
    } else if (key == "interactive") {
        rule.interactive = take_yes_no(key, value);
    } else if (key == "paced") {
        rule.paced = take_yes_no(key, value);
    } else if (key == "recurrence-months") {
        rule.recurrence_months = take_number(value, 1200).value_or(0);
    } else if (key == "new-hire-days") {
        rule.new_hire_days = take_number(value, 36500).value_or(0);
    } else if (key == "keep-records-months") {
        rule.retention_months = take_number(value, 1200).value_or(0);
    } else if (key == "topic") {
        // topic: ID text
        const std::size_t space = value.find(' ');
        const std::string_view id = value.substr(0, space);
        const std::string_view text =
            space == std::string_view::npos ? std::string_view() : trim(value.substr(space + 1));
        rule.topics.push_back(RuleTopic{take_id(id, "topic"), {}});
        declaration_source().refs.push_back(at(id));
        if (text.empty()) {
            report(codes::invalid_value, at(id),
                   tr("a topic is its id and then its text, e.g. 'topic: warning-signs Warning "
                      "signs for adults and minors'"));
        }
        set_text(rule.topics.back().text, text);
    } else if (key == "proof") {
        for (std::string_view term : split_list(value)) {
            if (std::find(kProofTerms.begin(), kProofTerms.end(), term) == kProofTerms.end()) {
                std::string known;
                for (std::string_view t : kProofTerms) {
                    known += (known.empty() ? "" : ", ") + std::string(t);
                }
                report(codes::invalid_value, at(term),
                       // TRANSLATORS: {2} lists the proof terms (keywords, not translated).
                       format(tr("'{1}' is not a proof term; expected {2}"), {term, known}));
            } else if (std::find(rule.proof.begin(), rule.proof.end(), term) == rule.proof.end()) {
                rule.proof.emplace_back(term);
            }
        }
    }
}

void FileParser::course_entry(Course& course, std::string_view value) {
    std::string_view id = value;
    bool required = true;
    const std::size_t space = value.find(' ');
    if (space != std::string_view::npos) {
        id = value.substr(0, space);
        std::string_view mode = trim(value.substr(space + 1));
        if (mode == "optional") {
            required = false;
        } else if (mode != "required") {
            report(codes::invalid_value, at(mode),
                   tr("expected 'required' or 'optional' after the scenario id"));
        }
    }
    course.entries.push_back(CourseEntry{take_id(id, "scenario"), required, kNoIndex});
    declaration_source().items.push_back(at(id));
}

void FileParser::set_text(std::string& target, std::string_view value) {
    target = std::string(value);
    continuation_ = &target;
}

void FileParser::scenario_line(std::string_view text) {
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
        report(codes::syntax_error, at(),
               tr("expected a scenario field, 'var NAME: TYPE = VALUE' or a node ('== ID')"));
        return;
    }
    const FieldRule* rule = find_rule(kScenarioFields, field->key);
    if (!rule) {
        report(codes::unknown_field, at(field->key),
               unknown_field_message(field->key, kScenarioFields));
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
    } else if (key == "teaches") {
        for (std::string_view topic : split_list(value)) {
            s.teaches.push_back(take_id(topic, "topic"));
            scenario_source().teaches.push_back(at(topic));
        }
    } else if (key == "covers") {
        for (std::string_view term : split_list(value)) {
            if (std::find(kCoverageTerms.begin(), kCoverageTerms.end(), term) ==
                kCoverageTerms.end()) {
                report(codes::invalid_value, at(term),
                       format(tr("'{1}' is not a coverage term; expected adult, minor, sex, "
                                 "labour or confounder"),
                              {term}));
            } else if (std::find(s.covers.begin(), s.covers.end(), term) == s.covers.end()) {
                s.covers.emplace_back(term);
            }
        }
    }
}

void FileParser::variable_line(std::string_view text) {
    // NAME: TYPE = VALUE
    const std::size_t colon = text.find(':');
    const std::size_t equals = text.find('=');
    if (colon == std::string_view::npos || equals == std::string_view::npos || equals < colon) {
        report(codes::syntax_error, at(),
               tr("expected 'var NAME: TYPE = VALUE', e.g. 'var asked: bool = false'"));
        return;
    }
    std::string_view name = trim(text.substr(0, colon));
    std::string_view type = trim(text.substr(colon + 1, equals - colon - 1));
    std::string_view value = trim(text.substr(equals + 1));
    if (!is_variable_name(name)) {
        report(codes::invalid_id, at(name),
               format(tr("'{1}' is not a valid variable name (lower-case letters, digits and "
                         "'_', starting with a letter)"),
                      {name}));
    }
    Variable variable{std::string(name), {}};
    if (type == "bool") {
        if (value != "true" && value != "false") {
            report(codes::type_mismatch, at(value), tr("a bool starts as true or false"));
        }
        variable.initial = Value::of(value == "true");
    } else if (type == "int") {
        std::optional<std::int64_t> number = parse_signed(value);
        if (!number) {
            report(codes::type_mismatch, at(value), tr("an int starts as a whole number"));
        }
        variable.initial = Value::of(number.value_or(0));
    } else if (type == "string") {
        if (value.size() < 2 || value.front() != '"' || value.back() != '"') {
            report(codes::type_mismatch, at(value), tr("a string starts as text in double quotes"));
            variable.initial = Value::of(std::string());
        } else {
            variable.initial = Value::of(std::string(value.substr(1, value.size() - 2)));
        }
    } else {
        report(codes::invalid_value, at(type), tr("type must be bool, int or string"));
    }
    scenario().variables.push_back(std::move(variable));
    scenario_source().variables.push_back(at(name));
}

void FileParser::handle_indented(std::string_view text) {
    if (choice_open_ || option_open_) {
        std::optional<Field> field = split_field(text);
        const std::span<const FieldRule> rules = choice_open_
                                                     ? std::span<const FieldRule>(kChoiceFields)
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
            report(codes::unknown_field, at(field->key), unknown_field_message(field->key, rules));
        } else {
            report(codes::syntax_error, at(),
                   choice_open_ ? tr("expected a choice field such as 'tier:' or 'feedback:'")
                                : tr("expected 'feedback:'"));
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
    report(codes::syntax_error, at(), tr("unexpected indented line"));
}

void FileParser::append_continuation(std::string_view text) {
    if (!continuation_->empty()) {
        *continuation_ += ' ';
    }
    *continuation_ += text;
}

} // namespace parsing

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

bool is_job_role(std::string_view role) {
    if (role.empty() || role.size() > 256) {
        return false;
    }
    while (true) {
        const std::size_t slash = role.find('/');
        if (!is_valid_id(role.substr(0, slash))) {
            return false;
        }
        if (slash == std::string_view::npos) {
            return true;
        }
        role.remove_prefix(slash + 1);
    }
}

void parse_file(const LexedFile& file, std::uint32_t file_index, ParsedUnit& unit,
                DiagnosticSink& sink) {
    parsing::FileParser(file, file_index, unit, sink).run();
}

ParsedUnit parse_sources(const SourceSet& sources) {
    DiagnosticSink ignored;
    ParsedUnit unit;
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const auto index = static_cast<std::uint32_t>(i);
        LexedFile lexed(sources[i], index, ignored);
        parse_file(lexed, index, unit, ignored);
    }
    return unit;
}

} // namespace sightline::content
