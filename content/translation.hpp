// Course translations on the content side: extracting the translatable text of
// compiled sources for a PO file (sightc extract), and reading translated PO
// files back into a bundle (sightc build and check --po). Both go through the
// bundle's one key walk, model::for_each_text, so the keys (msgctxt, stable id
// paths; content/FORMAT.md, "Translations") cannot drift between the two. Only
// text is ever keyed: ids, targets, tiers, scores, conditions and effects have
// no key, so a translation has no way to name them.
#pragma once

#include "content/compile.hpp"
#include "content/po.hpp"
#include "model/model.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace sightline::content {

// Every translatable string of the bundle, in bundle order (catalogue, courses,
// then scenarios in source order), each with an empty msgstr and a comment for
// the translator naming the scenario, node and speaker. Empty fields are left out.
std::vector<po::Entry> extract_translatable(const model::Bundle& bundle);

// The same for sources that compiled, with a "#:" reference (file:line, the file
// as it was given) to where each string is written. `compiled` has no errors.
std::vector<po::Entry> extract_translatable(const CompileResult& compiled);

// How much of the course text one language translates, for the summary line
// "es: N of M strings translated (P%)".
struct LanguageCoverage {
    std::string language;
    std::size_t translated = 0; // strings whose translation went into the bundle
    std::size_t strings = 0;    // translatable strings of the sources
};

// What the PO files given to sightc build or check add to a bundle.
struct TranslationResult {
    SourceSet files; // the PO files as read (empty text when unreadable)
    // Diagnostics SL0601 to SL0605. A location's file indexes the compiled
    // sources followed by `files` (compiled.sources.size() + i for files[i]).
    std::vector<Diagnostic> diagnostics;
    std::vector<model::Translation> translations; // for Bundle::translations
    std::vector<LanguageCoverage> coverage;       // in step with `translations`
    // Where each text of `translations` was read: its msgstr line in the PO file.
    std::vector<std::vector<Location>> where;

    bool has_errors() const;
};

// Reads the translations of PO files for the sources that compiled (without
// errors). The language of each is its header's `Language:`. A string goes
// into the bundle only when it is translated, not fuzzy, and its msgid is the
// current English; translations are sorted by language and their texts by
// key, so the same inputs always give the same bundle, in any file order.
TranslationResult read_translations(const CompileResult& compiled, SourceSet po_files);

// The same for PO files on disk; an unreadable one is SL0601.
TranslationResult read_translation_files(const CompileResult& compiled,
                                         const std::vector<std::filesystem::path>& paths);

// The translated PO files' sources after the compiled ones, as the locations of
// TranslationResult::diagnostics index them (for printing).
SourceSet with_translation_sources(const CompileResult& compiled,
                                   const TranslationResult& translations);

} // namespace sightline::content
