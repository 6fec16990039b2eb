// What the parser hands the checker: the model entities in declaration order,
// and beside each one (same positions) where its parts were written, so every
// later diagnostic can point at the author's text.
#pragma once

#include "content/source.hpp"
#include "model/model.hpp"

#include <map>
#include <string>
#include <vector>

namespace sightline::content {

using FieldLocations = std::map<std::string, Location, std::less<>>;

struct ChoiceSource {
    Location at, target, condition;
    FieldLocations fields;
    std::vector<Location> notices, scores, effects;
};

struct NodeSource {
    Location at, next;
    FieldLocations fields;
    std::vector<Location> paragraphs, effects, check_scores, options;
    std::vector<Location> option_pins; // by option position; only pinned ones are set
    std::vector<ChoiceSource> choices;
    // `teaches:` terms: the node teaches about these words on purpose, so the
    // banned-terms gate of `sightc lint` lets them through here (and only here).
    // Not part of the compiled model: nothing after the content tools needs it.
    std::vector<std::string> teaches;
    std::vector<Location> teaches_at;
};

struct ScenarioSource {
    Location at;
    FieldLocations fields;
    std::vector<Location> indicators, variables;
    std::vector<Location> teaches; // by position in Scenario::teaches
    std::vector<NodeSource> nodes;
};

struct DeclarationSource {
    Location at;
    FieldLocations fields;
    std::vector<Location> items; // list entries: an indicator's roles, a course's scenarios
    // A course's `meets:` rule ids, or a rule's topic ids, by position.
    std::vector<Location> refs;
};

struct ParsedUnit {
    model::Bundle bundle;
    std::vector<DeclarationSource> roles, dimensions, tiers, outcomes, indicators, courses, rules;
    std::vector<ScenarioSource> scenarios;
};

} // namespace sightline::content
