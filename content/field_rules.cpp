#include "content/field_rules.hpp"

#include "content/text_util.hpp"
#include "i18n/i18n.hpp"

namespace sightline::content {

std::span<const FieldRule> rules_for(Block block) {
    switch (block) {
    case Block::Scenario:
        return kScenarioFields;
    case Block::Indicator:
        return kIndicatorFields;
    case Block::Course:
        return kCourseFields;
    case Block::Tier:
        return kTierFields;
    case Block::Rule:
        return kRuleFields;
    case Block::Role:
    case Block::Dimension:
    case Block::Outcome:
        return kNameFields;
    case Block::None:
        break;
    }
    return {};
}

const FieldRule* find_rule(std::span<const FieldRule> rules, std::string_view key) {
    for (const FieldRule& rule : rules) {
        if (rule.key == key) {
            return &rule;
        }
    }
    return nullptr;
}

std::optional<Field> split_field(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size() && ((text[i] >= 'a' && text[i] <= 'z') || text[i] == '-')) {
        ++i;
    }
    if (i == 0 || i >= text.size() || text[i] != ':') {
        return std::nullopt;
    }
    if (i + 1 < text.size() && text[i + 1] != ' ' && text[i + 1] != '\t') {
        return std::nullopt;
    }
    return Field{text.substr(0, i), trim(text.substr(i + 1))};
}

std::string unknown_field_message(std::string_view key, std::span<const FieldRule> rules) {
    std::string known;
    for (std::size_t i = 0; i < rules.size(); ++i) {
        known += (i ? ", " : "") + std::string(rules[i].key);
    }
    // TRANSLATORS: {1} is what was written, {2} the fields allowed there (keywords).
    return i18n::format(i18n::tr("unknown field '{1}'; expected one of {2}"), {key, known});
}

} // namespace sightline::content
