// GNU gettext PO files for course translations: a small reader, writer and
// merge of our own (only the subset `sightc extract` writes and translators'
// PO editors keep: msgctxt, msgid, msgstr, the #. #: #, #| comments and
// obsolete #~ entries; plural forms are refused, since course text has none).
// The output passes `msgfmt --check` (tests/content/po_test.cpp runs it).
// Not libgettextpo: its reader gives no message's own line in the PO file,
// which the SL06xx diagnostics point at (file:line of a fuzzy or obsolete
// entry), and reads only from a path; GNU gettext's tools stay the oracle
// instead (msgfmt --check here, msgmerge and xgettext for the program text).
//
// msgctxt is the stable id path of a course string (content/FORMAT.md,
// "Translations"), msgid its English source, msgstr the translation.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::content::po {

struct Entry {
    std::vector<std::string> extracted_comments; // "#." lines, for the translator
    std::vector<std::string> references;         // "#:" lines, file:line
    bool fuzzy = false;                          // "#, fuzzy"
    std::optional<std::string> previous_msgid;   // "#| msgid", the English the msgstr was for
    std::string context;                         // msgctxt: the stable id path
    std::string id;                              // msgid: the English source
    std::string str;                             // msgstr: the translation, empty if none
    bool obsolete = false;                       // "#~": no longer in the source

    friend bool operator==(const Entry&, const Entry&) = default;
};

struct Catalogue {
    std::string header; // the msgstr of the header entry (msgid ""), fields ending in '\n'
    std::vector<Entry> entries;

    friend bool operator==(const Catalogue&, const Catalogue&) = default;
};

// A header for a new catalogue of `language` (no dates, so output is deterministic).
std::string default_header(std::string_view language);

// The catalogue as PO text; the same catalogue always gives the same bytes.
std::string write(const Catalogue& catalogue);

struct ParseError {
    std::uint32_t line = 0;   // 1-based
    std::uint32_t column = 0; // 1-based, in bytes
    std::string message;
};

// Where an entry is written, for diagnostics about it (1-based lines).
struct EntryLines {
    std::uint32_t context = 0; // its msgctxt line (msgid when it has none)
    std::uint32_t str = 0;     // its msgstr line
};

struct ParseResult {
    std::optional<Catalogue> catalogue; // set when there are no errors
    std::vector<ParseError> errors;
    std::vector<EntryLines> lines; // in step with catalogue->entries
};

// Reads PO text. Never throws on bad input: every problem is an error with its place.
ParseResult parse(std::string_view text);

// Merges freshly extracted entries (in source order, empty msgstr) with an
// existing catalogue, as msgmerge does but matching on msgctxt only:
// - same msgctxt and msgid: the translation and its fuzzy flag are kept;
// - same msgctxt, other msgid: the old translation is kept, marked fuzzy, with
//   the English it was made for as the previous msgid;
// - an existing translated entry whose msgctxt is no longer extracted becomes
//   obsolete (after the live ones, in its old order); untranslated ones are dropped.
// The header of `existing` is kept.
Catalogue merge(const Catalogue& existing, std::vector<Entry> fresh);

} // namespace sightline::content::po
