#include "i18n/i18n.hpp"

#include <clocale>
#include <cstdlib>
#include <libintl.h>
#include <string>

// glibc caches translations; bumping this counter after LANGUAGE changes is the
// documented way (gettext manual, "Being a gettext grok") to make it look again.
extern "C" int _nl_msg_cat_cntr; // NOLINT(readability-identifier-naming)

namespace sightline::i18n {

namespace {

constexpr const char* kDomain = "sightline";

bool bound = false;

std::string& current_language() {
    static std::string language = "en";
    return language;
}

} // namespace

std::filesystem::path default_locale_dir(const std::filesystem::path& executable) {
    return (executable.parent_path() / ".." / "share" / "locale").lexically_normal();
}

void bind(const std::filesystem::path& locale_dir) {
    // gettext ignores LANGUAGE while LC_MESSAGES is "C", which it is unless the
    // program calls setlocale; C.UTF-8 exists on every glibc system. Only
    // LC_MESSAGES changes, so numbers are still read and printed the C way.
    std::setlocale(LC_MESSAGES, "C.UTF-8");
    bindtextdomain(kDomain, locale_dir.c_str());
    bind_textdomain_codeset(kDomain, "UTF-8");
    bound = true;
    set_language(current_language());
}

void set_language(std::string_view language) {
    current_language() = language.empty() ? "en" : std::string(language);
    // "en" is the source: asking for a catalogue that does not exist shows it.
    // Other threads (libpq connecting in the organisation store's sender) read
    // the environment meanwhile. bind() adds LANGUAGE before any thread starts;
    // from then on glibc's setenv only swaps the pointer of an existing entry
    // and never frees the old string, so a concurrent getenv sees one or the
    // other value, never freed memory.
    setenv("LANGUAGE", current_language().c_str(), 1);
    ++_nl_msg_cat_cntr;
}

const std::string& language() {
    return current_language();
}

std::string locale_language(std::string_view locale) {
    if (locale.empty() || locale == "C" || locale == "POSIX" || locale.starts_with("C.")) {
        return {};
    }
    std::string language(locale.substr(0, locale.find_first_of("_.@")));
    for (char& c : language) {
        c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return language;
}

std::string system_language() {
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (value != nullptr && *value != '\0') {
            return locale_language(value);
        }
    }
    return {};
}

std::string catalogue_language(std::string_view tag, const std::filesystem::path& locale_dir) {
    const std::string from = tag.empty() ? system_language() : std::string(tag);
    std::string language = from.substr(0, from.find_first_of("-_.@"));
    for (char& c : language) {
        c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    std::error_code error;
    const bool catalogue =
        !language.empty() && language.find('/') == std::string::npos &&
        std::filesystem::exists(locale_dir / language / "LC_MESSAGES" / "sightline.mo", error);
    return catalogue ? language : "en";
}

LanguageScope::LanguageScope(std::string_view tag) : previous_(current_language()) {
    std::string wanted = locale_language(tag.substr(0, tag.find('-')));
    if (wanted.empty()) {
        wanted = "en";
    }
    if (wanted != previous_) {
        set_language(wanted);
        switched_ = true;
    }
}

LanguageScope::~LanguageScope() {
    if (switched_) {
        set_language(previous_);
    }
}

std::string own_name(std::string_view tag) {
    const LanguageScope scope(tag);
    if (current_language() == "en") {
        return "English";
    }
    // TRANSLATORS: the name of this catalogue's language, in that language: Español, Français.
    const char* name = tr("language name", "English");
    return std::string_view(name) == "English" ? std::string(tag) : std::string(name);
}

const char* tr(const char* english) {
    return bound ? dgettext(kDomain, english) : english;
}

const char* tr(const char* context, const char* english) {
    if (!bound) {
        return english;
    }
    // What pgettext does: the catalogue keys a context as "context\004msgid".
    std::string key = std::string(context) + '\004' + english;
    const char* found = dgettext(kDomain, key.c_str());
    return found == key.c_str() ? english : found;
}

const char* tr_n(const char* singular, const char* plural, unsigned long n) {
    if (!bound) {
        return n == 1 ? singular : plural;
    }
    return dngettext(kDomain, singular, plural, n);
}

std::string format(std::string_view pattern, std::initializer_list<std::string_view> args) {
    std::string out;
    out.reserve(pattern.size());
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '{' && i + 1 < pattern.size() && pattern[i + 1] == '{') {
            out += '{';
            ++i;
            continue;
        }
        if (c == '{') {
            const std::size_t close = pattern.find('}', i);
            std::size_t index = 0;
            bool number = close != std::string_view::npos && close > i + 1;
            for (std::size_t j = i + 1; number && j < close; ++j) {
                number = pattern[j] >= '0' && pattern[j] <= '9';
                index = index * 10 + static_cast<std::size_t>(pattern[j] - '0');
            }
            if (number && index >= 1 && index <= args.size()) {
                out += *(args.begin() + (index - 1));
                i = close;
                continue;
            }
        }
        out += c;
    }
    return out;
}

} // namespace sightline::i18n
