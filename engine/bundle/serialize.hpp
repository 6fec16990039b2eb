// How each model type goes into a bundle payload. Only the authored fields are
// stored: every *_index and Scenario::score_ranges is derived, and link() fills
// them after loading. Every type carries a cereal class version (written once
// per type per archive), and a reader refuses versions it does not know.
//
// Enums go on the wire as one byte and are range-checked on load; cereal's own
// enum support would need a load_minimal pairing this archive does not have.
// Loading works only with BoundedInputArchive: nothing else reads strings or vectors.
#pragma once

#include "bundle/containers.hpp"
#include "model/model.hpp"

#include <cereal/cereal.hpp>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <type_traits>

// Raise a number when its serialize function learns a new layout, and keep
// reading the old one; a reader refuses numbers above these.
CEREAL_CLASS_VERSION(sightline::model::Value, 1)
CEREAL_CLASS_VERSION(sightline::model::Op, 1)
CEREAL_CLASS_VERSION(sightline::model::Expr, 1)
CEREAL_CLASS_VERSION(sightline::model::Paragraph, 1)
CEREAL_CLASS_VERSION(sightline::model::Effect, 1)
CEREAL_CLASS_VERSION(sightline::model::ScoreChange, 1)
CEREAL_CLASS_VERSION(sightline::model::Choice, 2)      // 2: pin
CEREAL_CLASS_VERSION(sightline::model::CheckOption, 2) // 2: pin
CEREAL_CLASS_VERSION(sightline::model::KnowledgeCheck, 1)
CEREAL_CLASS_VERSION(sightline::model::Node, 1)
CEREAL_CLASS_VERSION(sightline::model::Variable, 1)
CEREAL_CLASS_VERSION(sightline::model::Scenario, 3) // 2: covers; 3: teaches
CEREAL_CLASS_VERSION(sightline::model::Role, 1)
CEREAL_CLASS_VERSION(sightline::model::Dimension, 1)
CEREAL_CLASS_VERSION(sightline::model::Tier, 1)
CEREAL_CLASS_VERSION(sightline::model::Outcome, 1)
CEREAL_CLASS_VERSION(sightline::model::Indicator, 1)
CEREAL_CLASS_VERSION(sightline::model::CourseEntry, 1)
CEREAL_CLASS_VERSION(sightline::model::Course, 3) // 2: paced, closing; 3: meets
CEREAL_CLASS_VERSION(sightline::model::RuleTopic, 1)
CEREAL_CLASS_VERSION(sightline::model::Rule, 1)
CEREAL_CLASS_VERSION(sightline::model::TranslatedText, 1)
CEREAL_CLASS_VERSION(sightline::model::Translation, 1)
CEREAL_CLASS_VERSION(sightline::model::Bundle, 3) // 2: rules; 3: translations

namespace sightline::bundle::detail {

// model.hpp names only the last OpCode; keep these in step with its other enums.
inline constexpr auto kLastOpCode = static_cast<model::OpCode>(model::kLastOpCode);
inline constexpr auto kLastValueType = model::ValueType::String;
inline constexpr auto kLastEffectKind = model::EffectKind::Add;
inline constexpr auto kLastWhenUnavailable = model::WhenUnavailable::Disable;
inline constexpr auto kLastCheckKind = model::CheckKind::Multi;
inline constexpr auto kLastPin = model::Pin::Last;

// No writer ever produced version 0, so it is as wrong as one from the future.
inline constexpr std::uint32_t kFirstClassVersion = 1;

template <class T, class Archive>
void check_version(Archive& ar, std::uint32_t version, const char* type) {
    if constexpr (Archive::is_loading::value) {
        const std::uint32_t known = cereal::detail::Version<T>::version;
        if (version > known) {
            ar.fail(std::string(type) + " is version " + std::to_string(version) +
                    ", newer than this reader knows (" + std::to_string(known) + ")");
        }
        if (version < kFirstClassVersion) {
            ar.fail(std::string(type) + " is version " + std::to_string(version) +
                    ", which no Sightline wrote");
        }
    }
}

template <class Archive, class Enum>
void enumeration(Archive& ar, Enum& value, Enum last, const char* what) {
    static_assert(std::is_same_v<std::underlying_type_t<Enum>, std::uint8_t>);
    const auto highest = static_cast<std::uint8_t>(last);
    if constexpr (Archive::is_loading::value) {
        const std::uint64_t at = ar.offset();
        std::uint8_t raw = 0;
        ar(raw);
        if (raw > highest) {
            ar.fail_at(at, std::string("unknown ") + what + " " + std::to_string(raw) +
                               " (the highest is " + std::to_string(highest) + ")");
        }
        value = static_cast<Enum>(raw);
    } else {
        const auto raw = static_cast<std::uint8_t>(value);
        if (raw > highest) { // would write a file no reader accepts
            throw std::invalid_argument(std::string("cannot write unknown ") + what + " " +
                                        std::to_string(raw));
        }
        ar(raw);
    }
}

} // namespace sightline::bundle::detail

// In the model's namespace so that cereal finds them by argument-dependent lookup.
namespace sightline::model {

template <class Archive>
void serialize(Archive& ar, Value& value, const std::uint32_t version) {
    bundle::detail::check_version<Value>(ar, version, "value");
    bundle::detail::enumeration(ar, value.type, bundle::detail::kLastValueType, "value type");
    ar(value.boolean, value.integer, value.text);
}

template <class Archive>
void serialize(Archive& ar, Op& op, const std::uint32_t version) {
    bundle::detail::check_version<Op>(ar, version, "expression step");
    bundle::detail::enumeration(ar, op.code, bundle::detail::kLastOpCode, "expression operator");
    ar(op.number, op.name);
}

template <class Archive>
void serialize(Archive& ar, Expr& expr, const std::uint32_t version) {
    bundle::detail::check_version<Expr>(ar, version, "expression");
    ar(expr.ops, expr.source);
}

template <class Archive>
void serialize(Archive& ar, Paragraph& paragraph, const std::uint32_t version) {
    bundle::detail::check_version<Paragraph>(ar, version, "paragraph");
    ar(paragraph.speaker, paragraph.text, paragraph.condition);
}

template <class Archive>
void serialize(Archive& ar, Effect& effect, const std::uint32_t version) {
    bundle::detail::check_version<Effect>(ar, version, "effect");
    bundle::detail::enumeration(ar, effect.kind, bundle::detail::kLastEffectKind, "effect kind");
    ar(effect.variable, effect.value);
}

template <class Archive>
void serialize(Archive& ar, ScoreChange& change, const std::uint32_t version) {
    bundle::detail::check_version<ScoreChange>(ar, version, "score change");
    ar(change.dimension, change.delta);
}

template <class Archive>
void serialize(Archive& ar, Choice& choice, const std::uint32_t version) {
    bundle::detail::check_version<Choice>(ar, version, "choice");
    ar(choice.id, choice.text, choice.target, choice.tier, choice.feedback, choice.scores,
       choice.notices, choice.condition);
    bundle::detail::enumeration(ar, choice.when_unavailable, bundle::detail::kLastWhenUnavailable,
                                "unavailable-choice rule");
    ar(choice.effects);
    if (version >= 2) {
        bundle::detail::enumeration(ar, choice.pin, bundle::detail::kLastPin, "pinned place");
    }
}

template <class Archive>
void serialize(Archive& ar, CheckOption& option, const std::uint32_t version) {
    bundle::detail::check_version<CheckOption>(ar, version, "check option");
    ar(option.id, option.text, option.correct, option.feedback);
    if (version >= 2) {
        bundle::detail::enumeration(ar, option.pin, bundle::detail::kLastPin, "pinned place");
    }
}

template <class Archive>
void serialize(Archive& ar, KnowledgeCheck& check, const std::uint32_t version) {
    bundle::detail::check_version<KnowledgeCheck>(ar, version, "knowledge check");
    bundle::detail::enumeration(ar, check.kind, bundle::detail::kLastCheckKind, "check kind");
    ar(check.prompt, check.options, check.scores);
}

template <class Archive>
void serialize(Archive& ar, Node& node, const std::uint32_t version) {
    bundle::detail::check_version<Node>(ar, version, "node");
    ar(node.id, node.body, node.on_enter, node.choices, node.check, node.next, node.outcome,
       node.debrief, node.facilitator_notes, node.discussion_prompts);
}

template <class Archive>
void serialize(Archive& ar, Variable& variable, const std::uint32_t version) {
    bundle::detail::check_version<Variable>(ar, version, "variable");
    ar(variable.id, variable.initial);
}

template <class Archive>
void serialize(Archive& ar, Scenario& scenario, const std::uint32_t version) {
    bundle::detail::check_version<Scenario>(ar, version, "scenario");
    ar(scenario.id, scenario.title, scenario.role, scenario.language, scenario.minutes,
       scenario.objectives, scenario.content_note, scenario.indicators, scenario.response,
       scenario.report, scenario.start, scenario.variables, scenario.nodes);
    if (version >= 2) {
        ar(scenario.covers);
    }
    if (version >= 3) {
        ar(scenario.teaches);
    }
}

template <class Archive>
void serialize(Archive& ar, Role& role, const std::uint32_t version) {
    bundle::detail::check_version<Role>(ar, version, "role");
    ar(role.id, role.name);
}

template <class Archive>
void serialize(Archive& ar, Dimension& dimension, const std::uint32_t version) {
    bundle::detail::check_version<Dimension>(ar, version, "dimension");
    ar(dimension.id, dimension.name);
}

template <class Archive>
void serialize(Archive& ar, Tier& tier, const std::uint32_t version) {
    bundle::detail::check_version<Tier>(ar, version, "tier");
    ar(tier.id, tier.name, tier.rank);
}

template <class Archive>
void serialize(Archive& ar, Outcome& outcome, const std::uint32_t version) {
    bundle::detail::check_version<Outcome>(ar, version, "outcome");
    ar(outcome.id, outcome.name);
}

template <class Archive>
void serialize(Archive& ar, Indicator& indicator, const std::uint32_t version) {
    bundle::detail::check_version<Indicator>(ar, version, "indicator");
    ar(indicator.id, indicator.name, indicator.category, indicator.type, indicator.roles,
       indicator.description, indicator.confounder);
}

template <class Archive>
void serialize(Archive& ar, CourseEntry& entry, const std::uint32_t version) {
    bundle::detail::check_version<CourseEntry>(ar, version, "course entry");
    ar(entry.scenario, entry.required);
}

template <class Archive>
void serialize(Archive& ar, Course& course, const std::uint32_t version) {
    bundle::detail::check_version<Course>(ar, version, "course");
    ar(course.id, course.title, course.role, course.description, course.entries,
       course.passing_score, course.credit_minutes, course.topics, course.approval);
    if (version >= 2) {
        ar(course.paced, course.closing);
    }
    if (version >= 3) {
        ar(course.meets);
    }
}

template <class Archive>
void serialize(Archive& ar, RuleTopic& topic, const std::uint32_t version) {
    bundle::detail::check_version<RuleTopic>(ar, version, "rule topic");
    ar(topic.id, topic.text);
}

template <class Archive>
void serialize(Archive& ar, Rule& rule, const std::uint32_t version) {
    bundle::detail::check_version<Rule>(ar, version, "rule");
    ar(rule.id, rule.title, rule.jurisdiction, rule.citation, rule.applies_to, rule.minimum_minutes,
       rule.interactive, rule.paced, rule.recurrence_months, rule.new_hire_days,
       rule.retention_months, rule.topics, rule.proof);
}

template <class Archive>
void serialize(Archive& ar, TranslatedText& text, const std::uint32_t version) {
    bundle::detail::check_version<TranslatedText>(ar, version, "translated text");
    ar(text.key, text.text);
}

template <class Archive>
void serialize(Archive& ar, Translation& translation, const std::uint32_t version) {
    bundle::detail::check_version<Translation>(ar, version, "translation");
    ar(translation.language, translation.texts);
}

template <class Archive>
void serialize(Archive& ar, Bundle& content, const std::uint32_t version) {
    bundle::detail::check_version<Bundle>(ar, version, "bundle");
    ar(content.roles, content.dimensions, content.tiers, content.outcomes, content.indicators,
       content.courses, content.scenarios);
    if (version >= 2) {
        ar(content.rules);
    }
    if (version >= 3) {
        ar(content.translations);
    }
}

} // namespace sightline::model
