// Resolving and validating a model. The compiler runs link() before writing a
// bundle and the bundle reader runs it after loading one, so the runtime only
// ever sees a model in which every id resolves and every index is in range.
#pragma once

#include "model/model.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::model {

// Real courses use two or three score dimensions. The cap keeps per-scenario
// score ranges (scenarios x dimensions) bounded for any bundle.
inline constexpr std::size_t kMaxDimensions = 64;

struct LinkResult {
    std::vector<std::string> problems; // "scenario 'x' node 'y': ...", the first 50 at most
    std::size_t total = 0;             // how many problems there were in all
    bool ok() const { return total == 0; }
};

// Fills every *_index field, checks types of expressions and effects, and
// computes each scenario's reachable score ranges when the model is sound.
LinkResult link(Bundle& bundle);

struct TypeResult {
    std::optional<ValueType> type; // set when the expression is well-typed
    std::string error;             // why not, otherwise
};

// The type a postfix expression leaves on the stack. The callbacks answer for
// names: the type of a variable (nullopt when unknown) and whether a node exists.
TypeResult infer_type(const Expr& expr,
                      const std::function<std::optional<ValueType>(std::string_view)>& variable,
                      const std::function<bool(std::string_view)>& node_exists);

std::string_view type_name(ValueType type);

// Finds an element with the given id in any vector of id-carrying values.
template <class T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
    for (const T& item : items) {
        if (item.id == id) {
            return &item;
        }
    }
    return nullptr;
}

template <class T>
std::uint32_t index_of(const std::vector<T>& items, std::string_view id) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].id == id) {
            return static_cast<std::uint32_t>(i);
        }
    }
    return kNoIndex;
}

} // namespace sightline::model
