// The language a course is played in, for both players. A bundle carries its
// translations (model/translation.hpp); each course is available in English
// (the source) and in every translation that has text for it. The language
// of a play is chosen per course, in this order:
//
//   1. the learner's choice for this play: the text player's --lang TAG, the
//      desktop player's language switch;
//   2. the learner's stored preference (records::Learner::language);
//   3. the system locale's language (LC_ALL, then LC_MESSAGES, then LANG:
//      "es_US.UTF-8" is "es"), when the course has it;
//   4. English.
//
// A chosen or preferred language the course does not have falls back to
// English with a sentence saying so; it is never an error. The attempt
// records the language played (records::Attempt::language); ids, scores and
// branching are the same in every language, so a replay checks an attempt
// against the bundle whatever language it was played in.
#pragma once

#include "model/model.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::learning {

// A language's name in that language, for a language switch or a course list:
// "English", "Español" ("es-MX" is "Español" too), as the language's own
// program catalogue names it (i18n::own_name); a tag no catalogue names is
// shown as itself.
std::string language_name(std::string_view tag);

// The names of `tags`, in order: "English, Español".
std::string language_names(const std::vector<std::string>& tags);

// The one of `available` that `tag` asks for, or "" when none does. Case and
// '_' for '-' do not matter, and a region or script falls back to its
// language: "es", "ES", "es-MX" and "es_MX" all find "es"; "es" finds "es-419"
// when that is the only Spanish.
std::string match_language(const std::vector<std::string>& available, std::string_view tag);

// The languages `course` can be played in: "en" first, then each of the
// bundle's translations that has text for the course or one of its
// scenarios, in bundle order.
std::vector<std::string> course_languages(const model::Bundle& bundle, const model::Course& course);

// The same for a scenario played outside a course: the translations that have
// text for it.
std::vector<std::string> scenario_languages(const model::Bundle& bundle,
                                            const model::Scenario& scenario);

// What the learner and the computer ask for; empty: nothing.
struct LanguageWish {
    std::string chosen;     // for this play: --lang, the desktop switch
    std::string preference; // the learner's stored preference
    std::string system;     // i18n::system_language()
};

enum class LanguageSource : std::uint8_t { Chosen, Preference, System, English };

struct LanguageChoice {
    std::string language = "en"; // what to play in: one of the available languages
    LanguageSource source = LanguageSource::English;
    // When a chosen or preferred language is not available: the tag asked for,
    // and a sentence for the learner saying that English is shown instead.
    std::string unavailable;
    std::string notice;
};

// Chooses from `available` (which has "en") by the order above.
LanguageChoice choose_language(const std::vector<std::string>& available, const LanguageWish& wish);

// Copies of one bundle with their text in other languages
// (model::in_language), each made once and kept as long as this lives, so
// that runs can refer to them. "en" is the bundle itself.
class Translations {
  public:
    explicit Translations(const model::Bundle& bundle) : bundle_(&bundle) {}

    const model::Bundle& english() const { return *bundle_; }
    const model::Bundle& in(std::string_view language);

  private:
    const model::Bundle* bundle_;
    std::map<std::string, std::unique_ptr<const model::Bundle>, std::less<>> copies_;
};

} // namespace sightline::learning
