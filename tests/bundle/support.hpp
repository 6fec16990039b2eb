// Helpers shared by the bundle suites: framing a hand-made payload with a
// correct header and checksum (so a test reaches the cereal layer), and
// reading bytes that are expected to fail.
#pragma once

#include "bundle/bundle.hpp"
#include "bundle/format.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace sightline::testing {

inline constexpr std::uint32_t kTestCompilerVersion = 0x00010203; // 1.2.3

inline void put_le(std::vector<std::uint8_t>& out, std::uint64_t value, std::size_t size) {
    for (std::size_t i = 0; i < size; ++i) {
        out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
    }
}

// A .slpack file around any payload, with the right length and checksum.
inline std::vector<std::uint8_t> wrap_payload(std::span<const std::uint8_t> payload) {
    return bundle::frame_payload(payload, kTestCompilerVersion);
}

inline std::vector<std::uint8_t> payload_of(const std::vector<std::uint8_t>& file) {
    return {file.begin() + static_cast<std::ptrdiff_t>(bundle::format::kHeaderSize), file.end()};
}

// The BundleError's reason, or nullopt when the bytes load. Anything else
// thrown escapes and fails the test.
inline std::optional<std::string> load_error(std::span<const std::uint8_t> bytes) {
    try {
        bundle::read_bundle(bytes, "test.slpack");
    } catch (const bundle::BundleError& error) {
        return error.reason();
    }
    return std::nullopt;
}

inline bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace sightline::testing
