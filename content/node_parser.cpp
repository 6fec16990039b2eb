// The parts of FileParser that read the inside of a node (file_parser.hpp).
#include "content/expression.hpp"
#include "content/file_parser.hpp"
#include "content/text_util.hpp"
#include "i18n/i18n.hpp"

namespace sightline::content::parsing {

using i18n::format;
using i18n::tr;

void FileParser::begin_node(std::string_view text) {
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

void FileParser::finish_node() {
    if (!node_open_) {
        return;
    }
    node_open_ = false;
    choice_open_ = option_open_ = paragraph_open_ = false;
    Node& n = node();
    NodeSource& source = node_source();
    if (sink_.error_count() > errors_before_node_) {
        return; // a broken line inside the node would only cause follow-on errors
    }
    const bool decision = !n.choices.empty();
    const bool check = n.has_check();
    const bool passage = !n.next.empty();
    const bool ending = n.is_ending();
    if (decision && (check || passage || ending)) {
        report(codes::node_of_two_kinds, source.at,
               format(check     ? tr("node '{1}' has choices and also a knowledge check; a node "
                                         "is one of a decision, a check, a passage or an ending")
                      : passage ? tr("node '{1}' has choices and also '->'; a node is one of a "
                                     "decision, a check, a passage or an ending")
                                : tr("node '{1}' has choices and also 'ending:'; a node is one "
                                     "of a decision, a check, a passage or an ending"),
                      {n.id}));
    } else if (ending && (check || passage)) {
        report(codes::node_of_two_kinds, source.at,
               format(check ? tr("node '{1}' is an ending and also has a knowledge check")
                            : tr("node '{1}' is an ending and also has '->'"),
                      {n.id}));
    } else if (check && !passage) {
        report(codes::dead_end, source.at,
               format(tr("node '{1}' has a knowledge check but no '-> NODE' saying where to go "
                         "next"),
                      {n.id}));
    } else if (!decision && !check && !passage && !ending) {
        report(codes::dead_end, source.at,
               format(tr("node '{1}' has no choices, no '-> NODE' and is not an ending, so play "
                         "would stop here"),
                      {n.id}));
    }
    if (!n.debrief.empty() && !ending) {
        report(codes::node_of_two_kinds,
               source.fields.contains("debrief") ? source.fields["debrief"] : source.at,
               format(tr("'debrief:' belongs in an ending; add 'ending: OUTCOME' to node '{1}'"),
                      {n.id}));
    }
    if (check) {
        finish_check(n, source);
    }
}

void FileParser::finish_check(const Node& n, const NodeSource& source) {
    const Location where = source.fields.at("check");
    std::size_t correct = 0;
    for (const CheckOption& option : n.check.options) {
        correct += option.correct ? 1 : 0;
    }
    if (n.check.options.size() < 2) {
        report(codes::check_too_few_options, where,
               tr("a knowledge check needs at least two options ('+ [id]' or '- [id]')"));
    } else if (correct == 0) {
        report(codes::check_without_correct_answer, where,
               tr("no option is marked correct; start the correct ones with '+' instead of '-'"));
    } else if (n.check.kind == CheckKind::Single && correct > 1) {
        report(codes::single_check_many_correct, where,
               format(tr("{1} options are marked correct in a 'check single'; use 'check multi' "
                         "or mark only one with '+'"),
                      {std::to_string(correct)}));
    }
}

void FileParser::node_line(std::string_view text) {
    Node& n = node();
    if (text.starts_with("\\")) {
        add_text(text.substr(1), text.substr(1));
        return;
    }
    if (text.starts_with("->")) {
        std::string_view target = trim(text.substr(2));
        if (!n.next.empty()) {
            report(codes::duplicate_field, at(), format(tr("node already has '-> {1}'"), {n.next}));
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
    if ((text.starts_with("+") || text.starts_with("-")) && trim(text.substr(1)).starts_with("[")) {
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

void FileParser::add_text(std::string_view text, std::string_view where) {
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

void FileParser::speaker_line(std::string_view whole, std::string_view rest, Expr condition) {
    const std::size_t colon = rest.find(':');
    if (colon == std::string_view::npos || trim(rest.substr(0, colon)).empty()) {
        report(codes::syntax_error, at(whole), tr("expected '@Speaker: what they say'"));
        return;
    }
    node().body.push_back(Paragraph{std::string(trim(rest.substr(0, colon))),
                                    std::string(trim(rest.substr(colon + 1))),
                                    std::move(condition)});
    node_source().paragraphs.push_back(at(whole));
    paragraph_open_ = false;
}

void FileParser::conditional_line(std::string_view text) {
    const std::size_t close = text.find('}');
    if (close == std::string_view::npos || (text.size() > 3 && text[3] != ' ')) {
        report(codes::syntax_error, at(), tr("expected '{if CONDITION} text'"));
        return;
    }
    std::string_view condition_text = trim(text.substr(3, close - 3));
    std::optional<Expr> condition = expression(condition_text);
    std::string_view rest = trim(text.substr(close + 1));
    if (!condition) {
        return;
    }
    if (rest.empty()) {
        report(codes::syntax_error, at(text.substr(close)), tr("expected text after '{if ...}'"));
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

std::optional<Expr> FileParser::expression(std::string_view text) {
    ParsedExpression parsed = parse_expression(text);
    if (!parsed.ok) {
        report(parsed.error.code, at(text.substr(std::min(parsed.error.offset, text.size()))),
               parsed.error.message);
        return std::nullopt;
    }
    return std::move(parsed.expr);
}

void FileParser::node_field(const Field& field) {
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
            report(codes::duplicate_field, at(field.key),
                   format(tr("node already has 'ending: {1}'"), {n.outcome}));
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
            report(codes::syntax_error, at(field.key),
                   tr("'score:' in a node belongs to a knowledge check; put choice scores "
                      "under the choice"));
            return;
        }
        scores(field.value, n.check.scores, source.check_scores, false);
    } else if (field.key == "teaches") {
        const std::vector<std::string_view> terms = split_list(field.value);
        if (terms.empty()) {
            report(codes::invalid_value, at(field.key),
                   tr("expected the words this node teaches about, e.g. 'teaches: lot lizard'"));
        }
        for (std::string_view term : terms) {
            source.teaches.emplace_back(term);
            source.teaches_at.push_back(at(term));
        }
    } else if (field.key == "set" || field.key == "add") {
        if (std::optional<Effect> e = effect(field.key, field.value)) {
            n.on_enter.push_back(std::move(*e));
            source.effects.push_back(at(field.value));
        }
    }
}

std::optional<Effect> FileParser::effect(std::string_view key, std::string_view value) {
    Effect result;
    if (key == "set") {
        const std::size_t equals = value.find('=');
        if (equals == std::string_view::npos ||
            (equals + 1 < value.size() && value[equals + 1] == '=')) {
            report(codes::syntax_error, at(value), tr("expected 'set: VARIABLE = VALUE'"));
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
            report(codes::syntax_error, at(value),
                   tr("expected 'add: VARIABLE NUMBER', e.g. 'add: concerns 1'"));
            return std::nullopt;
        }
        result.kind = EffectKind::Add;
        result.variable = std::string(value.substr(0, space));
        result.value.ops.push_back(Op{OpCode::PushInt, *amount, {}, kNoIndex});
        result.value.source = std::string(trim(value.substr(space + 1)));
    }
    if (!is_variable_name(result.variable)) {
        report(codes::invalid_id, at(value),
               format(tr("'{1}' is not a valid variable name"), {result.variable}));
        return std::nullopt;
    }
    return result;
}

void FileParser::scores(std::string_view value, std::vector<ScoreChange>& out,
                        std::vector<Location>& where, bool signed_required) {
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
            report(codes::invalid_value, at(item),
                   signed_required ? tr("expected 'DIMENSION +N' such as 'recognition +2'")
                                   : tr("expected 'DIMENSION N' such as 'recognition 2'"));
            continue;
        }
        std::string_view dimension = trim(item.substr(0, space));
        out.push_back(ScoreChange{take_id(dimension, "dimension"),
                                  static_cast<std::int32_t>(*delta), kNoIndex});
        where.push_back(at(dimension));
    }
}

void FileParser::choice_line(std::string_view text) {
    paragraph_open_ = false;
    std::string_view rest = trim(text.substr(1));
    const std::size_t close = rest.find(']');
    if (!rest.starts_with("[") || close == std::string_view::npos) {
        report(codes::syntax_error, at(),
               tr("expected '* [choice-id] What the learner does -> node-id'"));
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
        report(codes::choice_without_target, at(id),
               format(tr("choice '{1}' does not say where it leads; end the line with '-> "
                         "node-id'"),
                      {c.id}));
        c.text = std::string(trim(after));
        source.target = source.at;
    } else {
        std::string_view target = trim(after.substr(arrow + 2));
        c.text = std::string(trim(after.substr(0, arrow)));
        c.target = take_id(target, "node");
        source.target = at(target);
    }
    if (c.text.empty()) {
        report(codes::syntax_error, at(id),
               format(tr("choice '{1}' has no text for the learner to read"), {c.id}));
    }
    node().choices.push_back(std::move(c));
    node_source().choices.push_back(std::move(source));
    choice_open_ = true;
    option_open_ = false;
}

void FileParser::check_line(std::string_view text) {
    paragraph_open_ = false;
    Node& n = node();
    const std::size_t colon = text.find(':');
    std::string_view kind = trim(text.substr(5, colon - 5));
    if (kind != "single" && kind != "multi") {
        report(codes::syntax_error, at(),
               tr("expected 'check single: QUESTION' or 'check multi: QUESTION'"));
        return;
    }
    if (n.has_check()) {
        report(codes::duplicate_field, at(),
               format(tr("node '{1}' already has a knowledge check"), {n.id}));
        return;
    }
    n.check.kind = kind == "single" ? CheckKind::Single : CheckKind::Multi;
    set_text(n.check.prompt, trim(text.substr(colon + 1)));
    node_source().fields["check"] = at();
}

void FileParser::option_line(std::string_view text) {
    paragraph_open_ = false;
    choice_open_ = false;
    Node& n = node();
    if (!n.has_check()) {
        report(codes::syntax_error, at(),
               tr("answer options belong under a 'check single:' or 'check multi:' line"));
        return;
    }
    std::string_view rest = trim(text.substr(1));
    const std::size_t close = rest.find(']');
    if (close == std::string_view::npos) {
        report(codes::syntax_error, at(),
               tr("expected '+ [option-id] text' or '- [option-id] text'"));
        return;
    }
    std::string_view id = trim(rest.substr(1, close - 1));
    CheckOption option{
        take_id(id, "option"), std::string(trim(rest.substr(close + 1))), text.front() == '+', {}};
    if (option.text.empty()) {
        report(codes::syntax_error, at(id), format(tr("option '{1}' has no text"), {option.id}));
    }
    n.check.options.push_back(std::move(option));
    node_source().options.push_back(at(id));
    option_open_ = true;
}

void FileParser::choice_field(const Field& field) {
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
            report(codes::invalid_value, at(field.value), tr("expected 'hidden' or 'disabled'"));
        }
    } else if (field.key == "set" || field.key == "add") {
        if (std::optional<Effect> e = effect(field.key, field.value)) {
            c.effects.push_back(std::move(*e));
            source.effects.push_back(at(field.value));
        }
    } else if (field.key == "pin") {
        c.pin = take_pin(field.value);
        source.fields["pin"] = at(field.value);
    }
}

void FileParser::option_field(const Field& field) {
    CheckOption& option = node().check.options.back();
    if (field.key == "pin") {
        option.pin = take_pin(field.value);
        node_source().option_pins.resize(node().check.options.size());
        node_source().option_pins.back() = at(field.value);
    } else {
        set_text(option.feedback, field.value);
    }
}

Pin FileParser::take_pin(std::string_view value) {
    if (value == pin_name(Pin::First)) {
        return Pin::First;
    }
    if (value == pin_name(Pin::Last)) {
        return Pin::Last;
    }
    report(codes::invalid_value, at(value), tr("pin must be first or last"));
    return Pin::None;
}

} // namespace sightline::content::parsing
