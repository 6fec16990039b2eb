// Playing a bundle in another language: the translations sightc build merged
// into the bundle replace the English text at their stable id paths
// (content/FORMAT.md, "Translations"). for_each_text is the one walk over a
// bundle's translatable text: sightc extract takes its keys from it and
// in_language applies translations through it, so what is extracted is
// exactly what can be applied.
#pragma once

#include "model/model.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::model {

// Where a translatable string sits in the bundle, so a tool can find where it
// is written (content/translation.cpp) without walking the bundle again.
struct TextPlace {
    // The bundle list the string belongs to.
    enum class Section : std::uint8_t {
        Role,
        Dimension,
        Tier,
        Outcome,
        Indicator,
        Rule,
        Course,
        Scenario,
    };
    // Within a scenario: its header fields, or a part of one of its nodes.
    enum class Part : std::uint8_t {
        Header,    // title, objectives, content note, response, report
        Paragraph, // a line of the node's text or its speaker (item: the line)
        Choice,    // a choice's text or feedback (item: the choice)
        Check,     // the knowledge check's prompt
        Option,    // a check option's text or feedback (item: the option)
        Debrief,   // the ending's debrief
        Note,      // a facilitator note or discussion prompt
    };

    Section section = Section::Role;
    std::size_t index = 0; // in the section's bundle list (roles, ..., scenarios)
    Part part = Part::Header;
    std::size_t node = 0; // a scenario's node, for the node parts
    std::size_t item = 0; // the paragraph, choice or option
};

// One translatable string as the walk shows it.
struct TextSite {
    std::string_view key;     // the msgctxt: "hotel.room-214:node.logs:line.2"
    std::string_view comment; // for the translator: "scenario hotel.room-214, node logs, narration"
    TextPlace place;
};

// Visits every translatable string of the bundle that is not empty, in bundle
// order: roles, dimensions, tiers, outcomes, indicators, rules, courses, then
// scenarios (each header, then its nodes). A debrief is one string (its
// paragraphs are separated by blank lines); a speaker's name is a string of
// its own, apart from the line it speaks. Only text is visited: ids, targets,
// tiers, scores, conditions and effects have no key.
void for_each_text(const Bundle& bundle,
                   const std::function<void(const TextSite&, const std::string&)>& visit);
// The same walk; `visit` may change the text (not the ids the keys are made of).
void for_each_text(Bundle& bundle, const std::function<void(const TextSite&, std::string&)>& visit);

// The languages the bundle can be played in: "en" (the source) first, then
// each translation's language in bundle order.
std::vector<std::string> languages(const Bundle& bundle);

// True when `language` is "en" or one of the bundle's translations.
bool has_language(const Bundle& bundle, std::string_view language);

// A copy of the bundle whose text is in `language` where the translation has
// it, English elsewhere. Ids, targets, tiers, scores, conditions and effects
// are untouched, so a run over the copy takes the same paths and scores.
// "en" or a language the bundle lacks gives an English copy.
Bundle in_language(const Bundle& bundle, std::string_view language);

// The translation of `key` in `translation` (its texts sorted by key), or null.
const std::string* translated_text(const Translation& translation, std::string_view key);

} // namespace sightline::model
