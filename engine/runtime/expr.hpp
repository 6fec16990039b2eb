// Evaluation of compiled (postfix) expressions. A loop over a bounded stack,
// never a recursion, and integer arithmetic saturates instead of overflowing,
// so hostile or careless content cannot crash the player.
#pragma once

#include "model/model.hpp"

#include <cstdint>
#include <span>

namespace sightline::runtime {

// What an expression may read: the scenario's variables (by variable index) and
// how often each node has been entered (by node index).
struct Env {
    std::span<const model::Value> variables;
    std::span<const std::uint32_t> visits;
};

// The value of a non-empty expression. Throws RunError when the expression is
// malformed (which link() rules out for bundles it accepted).
model::Value evaluate(const model::Expr& expr, const Env& env);

// Whether a condition holds; an empty condition always holds. Throws RunError
// when the expression does not give a bool.
bool holds(const model::Expr& condition, const Env& env);

// Saturating arithmetic: the result sticks at the int64 limits.
std::int64_t saturating_add(std::int64_t a, std::int64_t b);
std::int64_t saturating_sub(std::int64_t a, std::int64_t b);

} // namespace sightline::runtime
