// The vocabulary of blocks and fields: which blocks exist, which fields each
// takes, and which of those are required or may repeat. One table per block,
// so adding a field is one line here and one case in the parser.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace sightline::content {

enum class Block { None, Scenario, Indicator, Course, Role, Dimension, Tier, Outcome, Rule };

struct BlockKeyword {
    std::string_view word;
    Block block;
};

inline constexpr std::array kBlockKeywords = {
    BlockKeyword{"scenario", Block::Scenario},   BlockKeyword{"indicator", Block::Indicator},
    BlockKeyword{"course", Block::Course},       BlockKeyword{"role", Block::Role},
    BlockKeyword{"dimension", Block::Dimension}, BlockKeyword{"tier", Block::Tier},
    BlockKeyword{"outcome", Block::Outcome},     BlockKeyword{"rule", Block::Rule},
};

// Field keys per block, and which of them must be present.
struct FieldRule {
    std::string_view key;
    bool required;
    bool repeatable;
};

inline constexpr std::array kScenarioFields = {
    FieldRule{"title", true, false},     FieldRule{"role", true, false},
    FieldRule{"language", true, false},  FieldRule{"minutes", true, false},
    FieldRule{"objective", true, true},  FieldRule{"content-note", true, false},
    FieldRule{"indicators", true, true}, FieldRule{"response", true, false},
    FieldRule{"report", true, false},    FieldRule{"start", false, false},
    FieldRule{"covers", false, false},   FieldRule{"teaches", false, true},
};
inline constexpr std::array kIndicatorFields = {
    FieldRule{"name", true, false},        FieldRule{"category", true, false},
    FieldRule{"type", true, false},        FieldRule{"roles", true, false},
    FieldRule{"description", true, false}, FieldRule{"confounder", false, false},
};
inline constexpr std::array kCourseFields = {
    FieldRule{"title", true, false},           FieldRule{"role", true, false},
    FieldRule{"description", false, false},    FieldRule{"passing-score", true, false},
    FieldRule{"credit-minutes", false, false}, FieldRule{"topic", false, true},
    FieldRule{"approval", false, false},       FieldRule{"scenario", true, true},
    FieldRule{"pacing", false, false},         FieldRule{"closing", false, true},
    FieldRule{"meets", false, true},
};
// A compliance rule (model::Rule). The recurrence is required, so that "once"
// (0) is always written on purpose; a rule that sets no minimum, no grace
// period or no proof simply leaves the field out.
inline constexpr std::array kRuleFields = {
    FieldRule{"title", true, false},
    FieldRule{"jurisdiction", true, false},
    FieldRule{"citation", true, false},
    FieldRule{"applies-to", true, true},
    FieldRule{"minimum-minutes", false, false},
    FieldRule{"interactive", false, false},
    FieldRule{"paced", false, false},
    FieldRule{"recurrence-months", true, false},
    FieldRule{"new-hire-days", false, false},
    FieldRule{"keep-records-months", false, false},
    FieldRule{"topic", false, true},
    FieldRule{"proof", false, true},
};
inline constexpr std::array kNameFields = {FieldRule{"name", true, false}};
inline constexpr std::array kTierFields = {FieldRule{"name", true, false},
                                           FieldRule{"rank", true, false}};
inline constexpr std::array kChoiceFields = {
    FieldRule{"tier", true, false},   FieldRule{"feedback", true, false},
    FieldRule{"score", false, false}, FieldRule{"notices", false, true},
    FieldRule{"if", false, false},    FieldRule{"unavailable", false, false},
    FieldRule{"set", false, true},    FieldRule{"add", false, true},
    FieldRule{"pin", false, false},
};
inline constexpr std::array kOptionFields = {FieldRule{"feedback", false, false},
                                             FieldRule{"pin", false, false}};
inline constexpr std::array kNodeKeys = {"set",    "add",     "note",  "discuss",
                                         "ending", "debrief", "score", "teaches"};

std::span<const FieldRule> rules_for(Block block);
const FieldRule* find_rule(std::span<const FieldRule> rules, std::string_view key);

// "key: value" -> key and value; the key is lower-case letters and '-'.
struct Field {
    std::string_view key, value;
};

std::optional<Field> split_field(std::string_view text);

// "unknown field 'x'; expected one of a, b, c"
std::string unknown_field_message(std::string_view key, std::span<const FieldRule> rules);

} // namespace sightline::content
