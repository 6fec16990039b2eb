// The phone page's own words (assets/phone/) in the classroom session's
// language: every heading, label, button, status line and refusal a phone
// shows, through the program's gettext catalogue (tr(), context "phone
// page"), so that translators find them in po/sightline-LANG.po and another
// language needs no code. The course's own text (the scenario, its choices,
// the debrief) reaches phones in the view, already in the session's language.
//
// tr() reads the process's language, which only the main thread may change,
// and the phone server answers on its own threads: the table is built once,
// on the main thread, when the server starts (PhoneServer::start()), and the
// server hands out plain copies of it: the page (index.html with the table
// filled in, render_phone_page()) and the "message" of every refusal.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sightline::classroom {

// Plural forms are sampled for n = 0 .. kPluralSamples - 1; a larger n takes
// the form of 100 + n % 100 (every gettext plural rule in use depends on n
// beyond 100 only through n % 10 and n % 100).
inline constexpr std::size_t kPluralSamples = 200;

struct PhonePlural {
    std::vector<std::string> forms;    // the distinct texts, in order of first use
    std::vector<std::uint8_t> form_of; // for n = 0 .. kPluralSamples - 1: an index into forms
    const std::string& pick(std::uint64_t n) const;
};

struct PhoneText {
    std::string lang = "en"; // the page's <html lang>
    // Key -> text, in a fixed order. Texts hold {1}, {2} ... (i18n::format()).
    std::vector<std::pair<std::string, std::string>> texts;
    std::vector<std::pair<std::string, PhonePlural>> plurals;

    // The text at `key`; the key itself when there is none.
    std::string text(std::string_view key) const;
    // {"lang": ..., "text": {key: text}, "plural": {key: {"forms": [...], "n": [...]}}}:
    // what phone.js reads from the page.
    std::string json() const;
};

// The table in the program's current language (i18n::language()). Calls
// tr(): on the main thread only.
PhoneText phone_text();

// A device's name as people read it: "Phone 3" (the id the room gives, kept
// in records and requests) is "Teléfono 3" in Spanish. Any other label comes
// back as it is. Calls tr(): on the main thread only.
std::string phone_label_text(std::string_view label);

// index.html with every "{{key}}" replaced: {{lang}} by the language,
// {{text}} by PhoneText::json(), any other key by its text; all of them
// HTML-escaped (for text and double-quoted attributes). False, with the
// unknown or unclosed key in *error, when the page names a key the table does
// not have.
bool render_phone_page(std::string_view html, const PhoneText& text, std::string& out,
                       std::string* error = nullptr);

} // namespace sightline::classroom
