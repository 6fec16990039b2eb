// What the always-visible "Get help / report" panel says. Nothing here is
// invented: the hotline and emergency lines are taken from the bundle's own
// "where to report" texts, so they change with the content, not the code.
#pragma once

#include "model/model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace sightline::ui {

struct HelpContent {
    std::vector<std::string> hotlines;  // sentences that name a hotline and its numbers
    std::vector<std::string> emergency; // sentences that say when to call 911
};

// The most common hotline sentence and the most common "call 911" sentence
// across the bundle's scenarios (ties: the first met).
HelpContent help_content(const model::Bundle& bundle);

// Splits text into sentences at ". ", "! " and "? " (the mark stays).
std::vector<std::string> split_sentences(std::string_view text);

} // namespace sightline::ui
