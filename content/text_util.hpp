// Small string helpers the parser and checker share.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace sightline::content {

std::string_view trim(std::string_view text);

// "a, b ,c" -> {"a", "b", "c"}; empty items are dropped. Views point into `text`.
std::vector<std::string_view> split_list(std::string_view text);

std::optional<std::uint32_t> parse_unsigned(std::string_view text, std::uint32_t max);

// Whole numbers with an optional sign ("+2", "-1", "7").
std::optional<std::int64_t> parse_signed(std::string_view text);

} // namespace sightline::content
