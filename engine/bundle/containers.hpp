// std::string and std::vector for the two archives the bundle uses, in cereal's
// own wire format (a uint64 count, then the elements; text and arithmetic
// vectors as one block). We write these instead of including cereal's
// types/string.hpp and types/vector.hpp because those resize() to the count in
// the file before reading a single element. Never include both in one program
// part: cereal would find two functions per type and refuse to compile.
#pragma once

#include "bundle/archive.hpp"

#include <cereal/archives/portable_binary.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

// Saving: found through the archive's namespace, as cereal's own types are.
namespace cereal {

inline void CEREAL_SAVE_FUNCTION_NAME(PortableBinaryOutputArchive& ar, const std::string& text) {
    ar(make_size_tag(static_cast<std::uint64_t>(text.size())));
    ar(binary_data(text.data(), text.size()));
}

template <class T>
void CEREAL_SAVE_FUNCTION_NAME(PortableBinaryOutputArchive& ar, const std::vector<T>& items) {
    static_assert(!std::is_same_v<T, bool>, "std::vector<bool> has no wire format here");
    ar(make_size_tag(static_cast<std::uint64_t>(items.size())));
    if constexpr (std::is_arithmetic_v<T>) {
        ar(binary_data(items.data(), items.size() * sizeof(T)));
    } else {
        for (const T& item : items) {
            ar(item);
        }
    }
}

} // namespace cereal

namespace sightline::bundle {

// The size tag is already bounded by the bytes left, so this allocates at most
// that; the characters are copied once, straight from the payload (building a
// new string and moving it in costs less than assign() on the empty one).
inline void CEREAL_LOAD_FUNCTION_NAME(BoundedInputArchive& ar, std::string& text) {
    std::uint64_t size = 0;
    ar(cereal::make_size_tag(size));
    const std::uint8_t* chars = ar.take(size);
    text = std::string(reinterpret_cast<const char*>(chars), static_cast<std::size_t>(size));
}

template <class T>
void CEREAL_LOAD_FUNCTION_NAME(BoundedInputArchive& ar, std::vector<T>& items) {
    static_assert(!std::is_same_v<T, bool>, "std::vector<bool> has no wire format here");
    // An empty class takes no bytes, which would make the size-tag bound unsound.
    static_assert(!std::is_empty_v<T>, "elements must take at least one byte on the wire");
    const std::uint64_t at = ar.offset();
    std::uint64_t count = 0;
    ar(cereal::make_size_tag(count));
    items.clear();
    if constexpr (std::is_arithmetic_v<T>) {
        if (count > ar.remaining() / sizeof(T)) {
            ar.fail_at(at, "a list of " + std::to_string(count) + " numbers is longer than the " +
                               std::to_string(ar.remaining()) + " bytes left");
        }
        items.resize(count);
        ar(cereal::binary_data(items.data(), count * sizeof(T)));
    } else {
        // The count only bounds the wire bytes; an element in memory may be far
        // larger, so never reserve more than the bytes left could fill. Growth
        // past that is paid for by elements that really are in the file.
        items.reserve(std::min<std::uint64_t>(count, ar.remaining() / sizeof(T)));
        for (std::uint64_t i = 0; i < count; ++i) {
            ar(items.emplace_back());
        }
    }
}

} // namespace sightline::bundle
