// Internal to the quality gates (lint.cpp, lint_translation.cpp) and the
// translation checks (translation.cpp): finding banned terms, reporting
// resources and phone numbers in content text, and small formatting helpers.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sightline::content::lint_text {

// Which banned-term list: lint_terms::kBannedTerms, or kSpanishBannedTerms for
// translations into Spanish.
enum class Language { English, Spanish };

// Where one banned term (an index into its language's list) occurs.
struct TermMatch {
    std::size_t term = 0;
    std::size_t begin = 0, end = 0; // bytes in the text
};

// Every banned term in `text`; a match inside a longer one ("prostitute" in
// "child prostitute") is left out.
std::vector<TermMatch> banned_in(std::string_view text, Language language = Language::English);

// The first place in `text` where banned term `term` occurs, if any.
std::optional<std::size_t> find_term(std::string_view text, std::size_t term,
                                     Language language = Language::English);

// The banned terms a `teaches:` entry names ("lot lizards" names "lot lizard").
std::set<std::size_t> taught_terms(const std::vector<std::string>& teaches);

// The Spanish terms a node's `teaches:` allows in its translation: those it
// names, and those standing for an English term it names.
std::set<std::size_t> taught_spanish_terms(const std::vector<std::string>& teaches);

// Whether `text` contains `number` whole, not as part of a longer run of digits.
bool contains_number(std::string_view text, std::string_view number);
bool contains_ignoring_case(std::string_view text, std::string_view part);
// Whether `number` is one of lint_terms::kReportingNumbers.
bool known_number(std::string_view number);

// Numbers shaped like phone numbers or text codes, with their byte offsets:
// digit groups joined by '-' with at least 7 digits ("1-888-373-7888"), a run
// of 10 or more digits, or a run of 5 or more digits right after the word
// "text" ("text 233733").
std::vector<std::pair<std::size_t, std::string_view>> phone_numbers(std::string_view text);

std::string grade_text(double grade); // "5.5"
std::size_t word_count(std::string_view text);

std::string join(const auto& items, std::string_view separator = ", ") {
    std::string out;
    for (const auto& item : items) {
        out += (out.empty() ? "" : std::string(separator)) + std::string(item);
    }
    return out;
}

} // namespace sightline::content::lint_text
