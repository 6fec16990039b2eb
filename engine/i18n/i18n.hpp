// The program's own text in the learner's language, through GNU gettext: every
// string a player, sightc, a certificate or a report shows goes through tr(),
// and po/sightline-LANG.po holds its translation (compiled to .mo at build
// time). Course text is translated separately, by stable id, inside the bundle
// (model/translation.hpp).
//
// xgettext finds the strings by these keywords (po/CMakeLists.txt):
//   tr("English")                 gettext
//   tr("context", "English")      pgettext, where one English word needs two translations
//   tr_n("one", "many", n)        ngettext, plural forms
#pragma once

#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>

namespace sightline::i18n {

// Where the compiled catalogues are, <dir>/<lang>/LC_MESSAGES/sightline.mo.
// Next to the program: <bin>/../share/locale.
std::filesystem::path default_locale_dir(const std::filesystem::path& executable);

// Binds the text domain to `locale_dir`. Until this is called, tr() is English.
void bind(const std::filesystem::path& locale_dir);

// Shows program text in `language` ("en", "es") from now on. Not thread-safe
// (it sets the LANGUAGE environment variable gettext reads): call it from the
// main thread before the screen that should change.
void set_language(std::string_view language);

// The language set_language() last chose ("en" at start).
const std::string& language();

// The language of a locale name, in lower case: "es_US.UTF-8" and "ES" give
// "es"; "C", "POSIX", "C.UTF-8" and "" give "".
std::string locale_language(std::string_view locale);

// The system locale's language: the first of LC_ALL, LC_MESSAGES and LANG that
// is set and not empty, through locale_language(); "" when none is.
std::string system_language();

// The language of the program's own text for `tag` ("es-US", "es_US.UTF-8";
// the system locale's when empty): its language when `locale_dir` holds a
// catalogue of the program's text in it, else "en". Both programs start with it.
std::string catalogue_language(std::string_view tag, const std::filesystem::path& locale_dir);

// Shows program text in `tag`'s language ("es-US" is "es") while it lives, and
// the language before after, even when the work throws: a certificate is drawn
// in its own language. Not thread-safe, like set_language().
class LanguageScope {
  public:
    explicit LanguageScope(std::string_view tag);
    LanguageScope(const LanguageScope&) = delete;
    LanguageScope& operator=(const LanguageScope&) = delete;
    ~LanguageScope();

  private:
    std::string previous_;
    bool switched_ = false;
};

// A language's name in that language, as its own program catalogue gives it
// (the translation of "English" in context "language name"), so adding a
// language needs no code: "English" for en, "Español" for es, the tag itself
// when no catalogue names it.
std::string own_name(std::string_view tag);

const char* tr(const char* english);
const char* tr(const char* context, const char* english);
const char* tr_n(const char* singular, const char* plural, unsigned long n);

// Puts `args` into a translated pattern at {1}, {2}, ... (a translation may
// reorder them); "{{" is a literal brace.
std::string format(std::string_view pattern, std::initializer_list<std::string_view> args);

} // namespace sightline::i18n
