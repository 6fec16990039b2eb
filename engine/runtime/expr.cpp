#include "runtime/expr.hpp"

#include "runtime/errors.hpp"

#include <array>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::runtime {

namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

// A stack slot that borrows strings from the expression or the variables
// instead of copying them; nothing changes either during one evaluation.
struct Slot {
    model::ValueType type = model::ValueType::Boolean;
    bool boolean = false;
    std::int64_t integer = 0;
    std::string_view text;
};

// Most expressions are a handful of ops: keep their stack off the heap so a
// step stays allocation-free, and fall back to a vector for long ones.
class Stack {
  public:
    explicit Stack(std::size_t capacity) {
        if (capacity > inline_.size()) {
            heap_.resize(capacity);
        }
    }
    std::size_t size() const { return size_; }
    void push(const Slot& slot) { data()[size_++] = slot; }
    Slot pop() { return data()[--size_]; }

  private:
    Slot* data() { return heap_.empty() ? inline_.data() : heap_.data(); }
    std::array<Slot, 16> inline_{};
    std::vector<Slot> heap_;
    std::size_t size_ = 0;
};

[[noreturn]] void malformed(const model::Expr& expr, std::string_view why) {
    throw RunError("cannot evaluate expression '" + expr.source + "': " + std::string(why));
}

Slot make_bool(bool b) {
    return {model::ValueType::Boolean, b, 0, {}};
}
Slot make_int(std::int64_t i) {
    return {model::ValueType::Integer, false, i, {}};
}

bool equal(const Slot& a, const Slot& b) {
    switch (a.type) {
    case model::ValueType::Boolean:
        return a.boolean == b.boolean;
    case model::ValueType::Integer:
        return a.integer == b.integer;
    case model::ValueType::String:
        return a.text == b.text;
    }
    return false;
}

class Machine {
  public:
    Machine(const model::Expr& expr, const Env& env)
        : expr_(expr), env_(env), stack_(expr.ops.size()) {}

    Slot run() {
        for (const model::Op& op : expr_.ops) {
            step(op);
        }
        if (stack_.size() != 1) {
            malformed(expr_, "it leaves " + std::to_string(stack_.size()) + " values");
        }
        return stack_.pop();
    }

  private:
    Slot pop(model::ValueType type) {
        if (stack_.size() == 0) {
            malformed(expr_, "an operator is missing an operand");
        }
        Slot slot = stack_.pop();
        if (slot.type != type) {
            malformed(expr_, "an operand has the wrong type");
        }
        return slot;
    }
    Slot pop_any() {
        if (stack_.size() == 0) {
            malformed(expr_, "an operator is missing an operand");
        }
        return stack_.pop();
    }

    void step(const model::Op& op) {
        using model::OpCode;
        using model::ValueType;
        switch (op.code) {
        case OpCode::PushBool:
            stack_.push(make_bool(op.number != 0));
            return;
        case OpCode::PushInt:
            stack_.push(make_int(op.number));
            return;
        case OpCode::PushString:
            stack_.push({ValueType::String, false, 0, op.name});
            return;
        case OpCode::LoadVar: {
            if (op.index >= env_.variables.size()) {
                malformed(expr_, "variable '" + op.name + "' is not linked");
            }
            const model::Value& v = env_.variables[op.index];
            stack_.push({v.type, v.boolean, v.integer, v.text});
            return;
        }
        case OpCode::Visits:
            if (op.index >= env_.visits.size()) {
                malformed(expr_, "node '" + op.name + "' is not linked");
            }
            stack_.push(make_int(env_.visits[op.index]));
            return;
        case OpCode::Not:
            stack_.push(make_bool(!pop(ValueType::Boolean).boolean));
            return;
        case OpCode::Negate:
            stack_.push(make_int(saturating_sub(0, pop(ValueType::Integer).integer)));
            return;
        case OpCode::And:
        case OpCode::Or: {
            const bool b = pop(ValueType::Boolean).boolean;
            const bool a = pop(ValueType::Boolean).boolean;
            stack_.push(make_bool(op.code == OpCode::And ? (a && b) : (a || b)));
            return;
        }
        case OpCode::Equal:
        case OpCode::NotEqual: {
            const Slot b = pop_any();
            const Slot a = pop(b.type);
            stack_.push(make_bool(equal(a, b) == (op.code == OpCode::Equal)));
            return;
        }
        case OpCode::Less:
        case OpCode::LessEqual:
        case OpCode::Greater:
        case OpCode::GreaterEqual:
        case OpCode::Add:
        case OpCode::Subtract:
            arithmetic(op.code);
            return;
        }
        malformed(expr_, "unknown operation " + std::to_string(static_cast<int>(op.code)));
    }

    void arithmetic(model::OpCode code) {
        using model::OpCode;
        const std::int64_t b = pop(model::ValueType::Integer).integer;
        const std::int64_t a = pop(model::ValueType::Integer).integer;
        switch (code) {
        case OpCode::Less:
            stack_.push(make_bool(a < b));
            return;
        case OpCode::LessEqual:
            stack_.push(make_bool(a <= b));
            return;
        case OpCode::Greater:
            stack_.push(make_bool(a > b));
            return;
        case OpCode::GreaterEqual:
            stack_.push(make_bool(a >= b));
            return;
        case OpCode::Add:
            stack_.push(make_int(saturating_add(a, b)));
            return;
        default:
            stack_.push(make_int(saturating_sub(a, b)));
            return;
        }
    }

    const model::Expr& expr_;
    const Env& env_;
    Stack stack_;
};

} // namespace

std::int64_t saturating_add(std::int64_t a, std::int64_t b) {
    std::int64_t result = 0;
    if (__builtin_add_overflow(a, b, &result)) {
        return b > 0 ? kMax : kMin;
    }
    return result;
}

std::int64_t saturating_sub(std::int64_t a, std::int64_t b) {
    std::int64_t result = 0;
    if (__builtin_sub_overflow(a, b, &result)) {
        return b < 0 ? kMax : kMin;
    }
    return result;
}

model::Value evaluate(const model::Expr& expr, const Env& env) {
    if (expr.empty()) {
        malformed(expr, "it is empty");
    }
    const Slot slot = Machine(expr, env).run();
    switch (slot.type) {
    case model::ValueType::Boolean:
        return model::Value::of(slot.boolean);
    case model::ValueType::Integer:
        return model::Value::of(slot.integer);
    case model::ValueType::String:
        return model::Value::of(std::string(slot.text));
    }
    return {};
}

bool holds(const model::Expr& condition, const Env& env) {
    if (condition.empty()) {
        return true;
    }
    const Slot slot = Machine(condition, env).run();
    if (slot.type != model::ValueType::Boolean) {
        malformed(condition, "a condition must be true or false");
    }
    return slot.boolean;
}

} // namespace sightline::runtime
