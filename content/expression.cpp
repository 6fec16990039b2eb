#include "content/expression.hpp"

#include "i18n/i18n.hpp"

#include <charconv>
#include <vector>

namespace sightline::content {

namespace {

using i18n::format;
using i18n::tr;
using model::Op;
using model::OpCode;

bool is_id_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
}

bool is_name_start(char c) {
    return (c >= 'a' && c <= 'z') || c == '_';
}
bool is_name_char(char c) {
    return is_name_start(c) || (c >= '0' && c <= '9');
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Binding strength of binary operators; unary ones bind tighter than all.
int precedence(OpCode code) {
    switch (code) {
    case OpCode::Or:
        return 1;
    case OpCode::And:
        return 2;
    case OpCode::Equal:
    case OpCode::NotEqual:
    case OpCode::Less:
    case OpCode::LessEqual:
    case OpCode::Greater:
    case OpCode::GreaterEqual:
        return 3;
    case OpCode::Add:
    case OpCode::Subtract:
        return 4;
    case OpCode::Not:
    case OpCode::Negate:
        return 5;
    default:
        return 0;
    }
}

bool is_unary(OpCode code) {
    return code == OpCode::Not || code == OpCode::Negate;
}

// An entry on the operator stack: an operator or an open parenthesis.
struct Pending {
    OpCode code;
    bool paren;
    std::size_t offset;
};

class Parser {
  public:
    explicit Parser(std::string_view text) : text_(text) {}

    ParsedExpression run() {
        result_.expr.source = std::string(text_);
        skip_space();
        if (pos_ == text_.size()) {
            return fail(codes::malformed_expression, tr("expected a condition or value"), pos_);
        }
        while (pos_ < text_.size() && result_.ok) {
            expect_operand_ ? operand() : operator_or_close();
            skip_space();
        }
        if (!result_.ok) {
            return result_;
        }
        if (expect_operand_) {
            return fail(codes::malformed_expression,
                        tr("expression ends where a value was expected"), pos_);
        }
        while (!pending_.empty()) {
            if (pending_.back().paren) {
                return fail(codes::malformed_expression, tr("'(' is never closed"),
                            pending_.back().offset);
            }
            emit(pending_.back().code);
            pending_.pop_back();
        }
        return result_;
    }

  private:
    ParsedExpression fail(DiagnosticCode code, std::string message, std::size_t offset) {
        if (result_.ok) {
            result_.ok = false;
            result_.error = {code, std::move(message), offset};
        }
        return result_;
    }

    void skip_space() {
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) {
            ++pos_;
        }
    }

    void emit(OpCode code) { result_.expr.ops.push_back(Op{code, 0, {}, model::kNoIndex}); }

    void push_operator(OpCode code, std::size_t offset) {
        // Unary operators are right-associative: never pop on an incoming unary.
        if (!is_unary(code)) {
            while (!pending_.empty() && !pending_.back().paren &&
                   precedence(pending_.back().code) >= precedence(code)) {
                emit(pending_.back().code);
                pending_.pop_back();
            }
        }
        pending_.push_back({code, false, offset});
    }

    std::string_view word() {
        const std::size_t start = pos_;
        while (pos_ < text_.size() && is_name_char(text_[pos_])) {
            ++pos_;
        }
        return text_.substr(start, pos_ - start);
    }

    void operand() {
        const std::size_t start = pos_;
        const char c = text_[pos_];
        if (c == '(') {
            if (++depth_ > kMaxNesting) {
                fail(codes::expression_too_deep,
                     format(tr("parentheses nest more than {1} deep; split the condition up"),
                            {std::to_string(kMaxNesting)}),
                     pos_);
                return;
            }
            pending_.push_back({OpCode::PushBool, true, pos_});
            ++pos_;
            return;
        }
        if (c == '-') {
            ++pos_;
            push_operator(OpCode::Negate, start);
            return;
        }
        if (is_digit(c)) {
            while (pos_ < text_.size() && is_digit(text_[pos_])) {
                ++pos_;
            }
            std::int64_t value = 0;
            auto [end, error] = std::from_chars(text_.data() + start, text_.data() + pos_, value);
            if (error != std::errc() || end != text_.data() + pos_) {
                fail(codes::malformed_expression, tr("number too large"), start);
                return;
            }
            result_.expr.ops.push_back(Op{OpCode::PushInt, value, {}, model::kNoIndex});
            expect_operand_ = false;
            return;
        }
        if (c == '"') {
            std::string literal;
            ++pos_;
            while (pos_ < text_.size() && text_[pos_] != '"') {
                if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) {
                    ++pos_;
                }
                literal.push_back(text_[pos_++]);
            }
            if (pos_ == text_.size()) {
                fail(codes::malformed_expression, tr("string is never closed with '\"'"), start);
                return;
            }
            ++pos_;
            result_.expr.ops.push_back(Op{OpCode::PushString, 0, literal, model::kNoIndex});
            expect_operand_ = false;
            return;
        }
        if (!is_name_start(c)) {
            fail(codes::malformed_expression,
                 format(tr("expected a value, found '{1}'"), {std::string(1, c)}), start);
            return;
        }
        std::string_view name = word();
        if (name == "not") {
            push_operator(OpCode::Not, start);
        } else if (name == "true" || name == "false") {
            result_.expr.ops.push_back(
                Op{OpCode::PushBool, name == "true" ? 1 : 0, {}, model::kNoIndex});
            expect_operand_ = false;
        } else if (name == "and" || name == "or") {
            fail(codes::malformed_expression, format(tr("'{1}' needs a value before it"), {name}),
                 start);
        } else if (name == "visits") {
            visits(start);
        } else {
            result_.expr.ops.push_back(Op{OpCode::LoadVar, 0, std::string(name), model::kNoIndex});
            expect_operand_ = false;
        }
    }

    // visits(node-id): node ids may contain '-' and '.', so read the id raw.
    void visits(std::size_t start) {
        skip_space();
        if (pos_ >= text_.size() || text_[pos_] != '(') {
            fail(codes::malformed_expression, tr("expected '(' after visits"), pos_);
            return;
        }
        ++pos_;
        skip_space();
        const std::size_t id_start = pos_;
        while (pos_ < text_.size() && is_id_char(text_[pos_])) {
            ++pos_;
        }
        std::string_view id = text_.substr(id_start, pos_ - id_start);
        skip_space();
        if (id.empty() || pos_ >= text_.size() || text_[pos_] != ')') {
            fail(codes::malformed_expression, tr("expected visits(NODE-ID)"), start);
            return;
        }
        ++pos_;
        result_.expr.ops.push_back(Op{OpCode::Visits, 0, std::string(id), model::kNoIndex});
        expect_operand_ = false;
    }

    void operator_or_close() {
        const std::size_t start = pos_;
        const char c = text_[pos_];
        if (c == ')') {
            while (!pending_.empty() && !pending_.back().paren) {
                emit(pending_.back().code);
                pending_.pop_back();
            }
            if (pending_.empty()) {
                fail(codes::malformed_expression, tr("')' without a matching '('"), start);
                return;
            }
            pending_.pop_back();
            --depth_;
            ++pos_;
            return;
        }
        auto two = [&](const char* op) { return text_.substr(pos_, 2) == op; };
        OpCode code;
        if (two("==")) {
            code = OpCode::Equal, pos_ += 2;
        } else if (two("!=")) {
            code = OpCode::NotEqual, pos_ += 2;
        } else if (two("<=")) {
            code = OpCode::LessEqual, pos_ += 2;
        } else if (two(">=")) {
            code = OpCode::GreaterEqual, pos_ += 2;
        } else if (c == '<') {
            code = OpCode::Less, ++pos_;
        } else if (c == '>') {
            code = OpCode::Greater, ++pos_;
        } else if (c == '+') {
            code = OpCode::Add, ++pos_;
        } else if (c == '-') {
            code = OpCode::Subtract, ++pos_;
        } else if (c == '=') {
            fail(codes::malformed_expression, tr("use '==' to compare"), start);
            return;
        } else if (is_name_start(c)) {
            std::string_view name = word();
            if (name == "and") {
                code = OpCode::And;
            } else if (name == "or") {
                code = OpCode::Or;
            } else {
                fail(codes::malformed_expression,
                     format(tr("expected 'and', 'or' or a comparison before '{1}'"), {name}),
                     start);
                return;
            }
        } else {
            fail(codes::malformed_expression, format(tr("unexpected '{1}'"), {std::string(1, c)}),
                 start);
            return;
        }
        push_operator(code, start);
        expect_operand_ = true;
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t depth_ = 0;
    bool expect_operand_ = true;
    std::vector<Pending> pending_;
    ParsedExpression result_;
};

} // namespace

bool is_variable_name(std::string_view name) {
    if (name.empty() || !is_name_start(name[0])) {
        return false;
    }
    for (char c : name) {
        if (!is_name_char(c)) {
            return false;
        }
    }
    return name != "and" && name != "or" && name != "not" && name != "true" && name != "false" &&
           name != "visits";
}

ParsedExpression parse_expression(std::string_view text) {
    return Parser(text).run();
}

} // namespace sightline::content
