// Parses conditions and effect values into the model's postfix form. It is a
// loop with an explicit operator stack (shunting-yard), never a recursion, and
// parentheses may nest only kMaxNesting deep, so no input can exhaust the stack.
#pragma once

#include "content/diagnostic_codes.hpp"
#include "model/model.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace sightline::content {

inline constexpr std::size_t kMaxNesting = 32;

struct ExpressionError {
    DiagnosticCode code = codes::malformed_expression; // or codes::expression_too_deep
    std::string message;
    std::size_t offset = 0; // byte offset into the text
};

struct ParsedExpression {
    model::Expr expr;
    bool ok = true;
    ExpressionError error;
};

ParsedExpression parse_expression(std::string_view text);

// Identifiers usable as variable names: [a-z_][a-z0-9_]* (no '-' or '.',
// which would read as subtraction or be ambiguous in expressions).
bool is_variable_name(std::string_view name);

} // namespace sightline::content
