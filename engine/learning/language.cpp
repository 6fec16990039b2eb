#include "learning/language.hpp"

#include "i18n/i18n.hpp"
#include "model/translation.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <set>
#include <utility>

namespace sightline::learning {

namespace {

// Lower case, '-' between subtags: "es_MX" and "ES-mx" are "es-mx".
std::string normalised(std::string_view tag) {
    std::string out;
    out.reserve(tag.size());
    for (const char c : tag) {
        out += c == '_' ? '-' : (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

std::string primary(std::string_view normalised_tag) {
    return std::string(normalised_tag.substr(0, normalised_tag.find('-')));
}

// "en" and the translations with text under one of `parts`, a key's first
// part ("course.hotel", "hotel.room-214").
std::vector<std::string> languages_with(const model::Bundle& bundle,
                                        const std::set<std::string, std::less<>>& parts) {
    std::vector<std::string> out{"en"};
    for (const model::Translation& t : bundle.translations) {
        if (t.language.empty() || t.language == "en" ||
            std::find(out.begin(), out.end(), t.language) != out.end()) {
            continue;
        }
        const bool has_text =
            std::any_of(t.texts.begin(), t.texts.end(), [&](const model::TranslatedText& text) {
                const std::string_view key = text.key;
                return !text.text.empty() && parts.contains(key.substr(0, key.find(':')));
            });
        if (has_text) {
            out.push_back(t.language);
        }
    }
    return out;
}

// "There is no Español translation of this course, so it is shown in English."
std::string unavailable_notice(std::string_view tag) {
    const std::string name = language_name(tag);
    const std::string shown = name == tag ? "\u201C" + name + "\u201D" : name;
    // TRANSLATORS: {1} is a language's name in that language ("English", "Español", or the
    // tag in quotes when unknown).
    return i18n::format(
        i18n::tr("There is no {1} translation of this course, so it is shown in English."),
        {shown});
}

} // namespace

std::string language_name(std::string_view tag) {
    return i18n::own_name(normalised(tag));
}

std::string language_names(const std::vector<std::string>& tags) {
    std::string out;
    for (const std::string& tag : tags) {
        out += (out.empty() ? "" : ", ") + language_name(tag);
    }
    return out;
}

std::string match_language(const std::vector<std::string>& available, std::string_view tag) {
    if (tag.empty()) {
        return {};
    }
    const std::string wanted = normalised(tag);
    for (const std::string& a : available) {
        if (normalised(a) == wanted) {
            return a;
        }
    }
    // A region or script of a language asks for the language, and the language
    // for any of its regions: the first that fits.
    const std::string language = primary(wanted);
    for (const std::string& a : available) {
        if (primary(normalised(a)) == language) {
            return a;
        }
    }
    return {};
}

std::vector<std::string> course_languages(const model::Bundle& bundle,
                                          const model::Course& course) {
    std::set<std::string, std::less<>> parts{"course." + course.id};
    for (const model::CourseEntry& entry : course.entries) {
        parts.insert(entry.scenario);
    }
    return languages_with(bundle, parts);
}

std::vector<std::string> scenario_languages(const model::Bundle& bundle,
                                            const model::Scenario& scenario) {
    return languages_with(bundle, {scenario.id});
}

LanguageChoice choose_language(const std::vector<std::string>& available,
                               const LanguageWish& wish) {
    const auto asked = [&](const std::string& tag, LanguageSource source) {
        LanguageChoice choice;
        if (std::string found = match_language(available, tag); !found.empty()) {
            choice.language = std::move(found);
            choice.source = source;
        } else {
            choice.unavailable = tag;
            choice.notice = unavailable_notice(tag);
        }
        return choice;
    };
    if (!wish.chosen.empty()) {
        return asked(wish.chosen, LanguageSource::Chosen);
    }
    if (!wish.preference.empty()) {
        return asked(wish.preference, LanguageSource::Preference);
    }
    LanguageChoice choice;
    if (std::string found = match_language(available, wish.system); !found.empty()) {
        choice.language = std::move(found);
        choice.source = LanguageSource::System;
    }
    return choice;
}

const model::Bundle& Translations::in(std::string_view language) {
    if (language.empty() || language == "en" || !model::has_language(*bundle_, language)) {
        return *bundle_;
    }
    auto found = copies_.find(language);
    if (found == copies_.end()) {
        found = copies_
                    .emplace(std::string(language), std::make_unique<const model::Bundle>(
                                                        model::in_language(*bundle_, language)))
                    .first;
    }
    return *found->second;
}

} // namespace sightline::learning
