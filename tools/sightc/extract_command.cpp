// sightc extract: the translatable text of scenario sources as a gettext PO file,
// merged with the translations already in it.
#include "content/translation.hpp"
#include "i18n/i18n.hpp"
#include "tools/sightc/common.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

namespace sightline::sightc {

using i18n::tr;

const char* extract_help() {
    return tr(
        "Writes every translatable course string of the sources (files or folders of *.scn)\n"
        "to a GNU gettext PO file: msgctxt is the string's stable id path (content/FORMAT.md,\n"
        "\"Translations\"), msgid its English, msgstr the translation. When the file exists,\n"
        "its translations are kept: one whose English changed becomes fuzzy (#, fuzzy, with\n"
        "the old English as #| msgid), one whose id is gone becomes obsolete (#~).\n"
        "The same sources and file always give the same bytes.\n"
        "Exit codes: 0 written, 1 the sources or the PO file have errors, 2 usage or I/O error.\n");
}

namespace {

bool valid_language(const std::string& tag) {
    if (tag.empty() || tag.size() > 35) {
        return false;
    }
    for (char c : tag) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok) {
            return false;
        }
    }
    return true;
}

} // namespace

int extract_command(const ExtractOptions& options) {
    if (options.paths.empty()) {
        return usage_error("extract", tr("no scenario files or folders given"));
    }
    if (!valid_language(options.language)) {
        return usage_error("extract", tr("--lang needs a language tag such as es"));
    }
    if (options.output.empty()) {
        return usage_error("extract", tr("no output file given (-o FILE.po)"));
    }
    const std::vector<std::filesystem::path> paths(options.paths.begin(), options.paths.end());
    const content::CompileResult result = content::compile_paths(paths);
    print_diagnostics(result, 50);
    if (!result.bundle) {
        return kExitErrors;
    }
    content::po::Catalogue existing{content::po::default_header(options.language), {}};
    std::error_code exists_error;
    if (std::filesystem::exists(options.output, exists_error)) {
        std::ifstream in(options.output, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        if (!in) {
            std::cerr << i18n::format(tr("sightc {1}: cannot read {2}"),
                                      {"extract", options.output})
                      << '\n';
            return kExitUsage;
        }
        content::po::ParseResult read = content::po::parse(text.str());
        for (const content::po::ParseError& e : read.errors) {
            std::cerr << options.output << ':' << e.line << ':' << e.column << ": "
                      << tr("diagnostic severity", "error") << ": " << e.message << '\n';
        }
        if (!read.catalogue) {
            return kExitErrors;
        }
        existing = std::move(*read.catalogue);
    }
    const content::po::Catalogue merged =
        content::po::merge(existing, content::extract_translatable(result));
    const std::string text = content::po::write(merged);
    if (!write_file_atomically("extract", options.output,
                               std::vector<std::uint8_t>(text.begin(), text.end()))) {
        return kExitUsage;
    }
    std::size_t live = 0, translated = 0, fuzzy = 0, obsolete = 0;
    for (const content::po::Entry& e : merged.entries) {
        if (e.obsolete) {
            ++obsolete;
            continue;
        }
        ++live;
        translated += !e.str.empty() && !e.fuzzy ? 1 : 0;
        fuzzy += e.fuzzy ? 1 : 0;
    }
    // TRANSLATORS: {1} is the PO file's name; then counts of its strings (any may be 1).
    std::cout << i18n::format(tr("wrote {1}: {2} strings, {3} translated, {4} fuzzy, {5} obsolete"),
                              {options.output, std::to_string(live), std::to_string(translated),
                               std::to_string(fuzzy), std::to_string(obsolete)})
              << '\n';
    return kExitOk;
}

} // namespace sightline::sightc
