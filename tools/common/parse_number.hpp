// A whole number from a command-line value: all of `text` and nothing else
// ("12", not "12x" or " 12"). Kept apart from command_line.hpp so commands
// that only read numbers do not compile CLI11.
#pragma once

#include <charconv>
#include <string>

namespace sightline::command_line {

template <class T>
bool parse_number(const std::string& text, T& value) {
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size();
}

} // namespace sightline::command_line
