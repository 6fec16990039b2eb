#include "runtime/errors.hpp"
#include "runtime/expr.hpp"

#include <doctest/doctest.h>

#include <limits>
#include <vector>

namespace {

using sightline::model::Expr;
using sightline::model::Op;
using sightline::model::OpCode;
using sightline::model::Value;
using sightline::runtime::Env;
using sightline::runtime::evaluate;
using sightline::runtime::holds;
using sightline::runtime::RunError;

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

Op push(std::int64_t n) {
    return {OpCode::PushInt, n, {}, 0};
}
Op push_bool(bool b) {
    return {OpCode::PushBool, b ? 1 : 0, {}, 0};
}
Op push_text(const char* s) {
    return {OpCode::PushString, 0, s, 0};
}
Op load(std::uint32_t index) {
    return {OpCode::LoadVar, 0, "v", index};
}
Op visits(std::uint32_t index) {
    return {OpCode::Visits, 0, "n", index};
}
Op op(OpCode code) {
    return {code, 0, {}, 0};
}

Expr expr(std::vector<Op> ops) {
    return {std::move(ops), "test"};
}

const std::vector<Value> kVariables = {Value::of(std::int64_t{7}), Value::of(true),
                                       Value::of(std::string("night"))};
const std::vector<std::uint32_t> kVisits = {0, 3};
const Env kEnv{kVariables, kVisits};

std::int64_t integer(const Expr& e) {
    const Value v = evaluate(e, kEnv);
    REQUIRE(v.type == sightline::model::ValueType::Integer);
    return v.integer;
}

} // namespace

TEST_CASE("arithmetic, comparisons and logic follow the operators' meaning") {
    CHECK(integer(expr({push(2), push(3), op(OpCode::Add)})) == 5);
    CHECK(integer(expr({push(2), push(3), op(OpCode::Subtract)})) == -1);
    CHECK(integer(expr({push(4), op(OpCode::Negate)})) == -4);
    CHECK(holds(expr({push(2), push(3), op(OpCode::Less)}), kEnv));
    CHECK_FALSE(holds(expr({push(3), push(3), op(OpCode::Less)}), kEnv));
    CHECK(holds(expr({push(3), push(3), op(OpCode::LessEqual)}), kEnv));
    CHECK(holds(expr({push(4), push(3), op(OpCode::Greater)}), kEnv));
    CHECK_FALSE(holds(expr({push(2), push(3), op(OpCode::GreaterEqual)}), kEnv));
    CHECK(holds(expr({push(3), push(3), op(OpCode::Equal)}), kEnv));
    CHECK(holds(expr({push(2), push(3), op(OpCode::NotEqual)}), kEnv));
    CHECK_FALSE(holds(expr({push_bool(true), push_bool(false), op(OpCode::And)}), kEnv));
    CHECK(holds(expr({push_bool(true), push_bool(false), op(OpCode::Or)}), kEnv));
    CHECK(holds(expr({push_bool(false), op(OpCode::Not)}), kEnv));
}

TEST_CASE("variables, strings and visit counts are read from the environment") {
    CHECK(integer(expr({load(0), push(1), op(OpCode::Add)})) == 8);
    CHECK(holds(expr({load(1)}), kEnv));
    CHECK(holds(expr({load(2), push_text("night"), op(OpCode::Equal)}), kEnv));
    CHECK_FALSE(holds(expr({load(2), push_text("day"), op(OpCode::Equal)}), kEnv));
    CHECK(integer(expr({visits(1)})) == 3);
    CHECK(evaluate(expr({push_text("x")}), kEnv) == Value::of(std::string("x")));
}

TEST_CASE("integer overflow saturates at the int64 limits") {
    CHECK(integer(expr({push(kMax), push(1), op(OpCode::Add)})) == kMax);
    CHECK(integer(expr({push(kMin), push(-1), op(OpCode::Add)})) == kMin);
    CHECK(integer(expr({push(kMin), push(1), op(OpCode::Subtract)})) == kMin);
    CHECK(integer(expr({push(kMax), push(kMin), op(OpCode::Subtract)})) == kMax);
    CHECK(integer(expr({push(kMin), op(OpCode::Negate)})) == kMax);
    CHECK(integer(expr({push(kMax), push(-5), op(OpCode::Add)})) == kMax - 5);
}

TEST_CASE("an empty condition holds, an empty value is an error") {
    CHECK(holds(Expr{}, kEnv));
    CHECK_THROWS_AS(evaluate(Expr{}, kEnv), RunError);
}

TEST_CASE("malformed expressions are refused with RunError, never undefined behaviour") {
    CHECK_THROWS_WITH_AS(evaluate(expr({op(OpCode::Add)}), kEnv),
                         doctest::Contains("missing an operand"), RunError);
    CHECK_THROWS_WITH_AS(evaluate(expr({push(1), push(2)}), kEnv),
                         doctest::Contains("leaves 2 values"), RunError);
    CHECK_THROWS_WITH_AS(evaluate(expr({push(1), op(OpCode::Not)}), kEnv),
                         doctest::Contains("wrong type"), RunError);
    CHECK_THROWS_AS(evaluate(expr({push(1), push_bool(true), op(OpCode::Equal)}), kEnv), RunError);
    CHECK_THROWS_WITH_AS(evaluate(expr({load(9)}), kEnv), doctest::Contains("not linked"),
                         RunError);
    CHECK_THROWS_AS(evaluate(expr({visits(9)}), kEnv), RunError);
    CHECK_THROWS_AS(evaluate(expr({op(static_cast<OpCode>(200))}), kEnv), RunError);
    CHECK_THROWS_WITH_AS(holds(expr({push(1)}), kEnv), doctest::Contains("true or false"),
                         RunError);
}

TEST_CASE("very long expressions evaluate in a loop, without recursion") {
    // 100,000 pushes then 99,999 additions: a deep stack on the heap.
    std::vector<Op> ops(100'000, push(1));
    ops.insert(ops.end(), 99'999, op(OpCode::Add));
    CHECK(integer(expr(std::move(ops))) == 100'000);

    std::vector<Op> chain{push_bool(true)};
    for (int i = 0; i < 100'000; ++i) {
        chain.push_back(push_bool(true));
        chain.push_back(op(OpCode::And));
    }
    CHECK(holds(expr(std::move(chain)), kEnv));
}
