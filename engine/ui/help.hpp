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

// The most common hotline sentence (one with the phone number the reports give
// most often) and the most common "call 911" sentence (911 on its own, not the
// hotline's) across the bundle's scenarios (ties: the first met). Found by
// their numbers, never by words, so a course in any language gives its own.
HelpContent help_content(const model::Bundle& bundle);

// Splits text into sentences at ". ", "! " and "? " (the mark stays).
std::vector<std::string> split_sentences(std::string_view text);

} // namespace sightline::ui
