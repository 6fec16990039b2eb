// sightc check and sightc build: compile sources, report, and (build) write a bundle.
#include "bundle/bundle.hpp"
#include "content/lint.hpp"
#include "i18n/i18n.hpp"
#include "tools/sightc/common.hpp"

#include <charconv>
#include <fstream>
#include <iostream>

namespace sightline::sightc {

using i18n::tr;

const char* check_help() {
    return tr(
        "Checks scenario sources (files or folders of *.scn) and prints every problem as\n"
        "file:line:column: severity CODE: message, with the line and a caret.\n"
        "--lint also runs the quality gates of 'sightc lint' when the sources compile.\n"
        "--po FILE.po (repeatable) also checks a translation as 'sightc build' merges it\n"
        "(SL0601-SL0605) and prints how much of the text it translates.\n"
        "Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage or I/O error.\n");
}

const char* build_help() {
    return tr("Checks the sources and, if there are no errors, writes one verified bundle.\n"
              "--po FILE.po (repeatable; the PO header's Language: names the language) merges a\n"
              "translation: each string translated, not fuzzy and made for the current English\n"
              "goes into the bundle; the rest plays in English (content/FORMAT.md, Translations).\n"
              "The same sources and PO files always give a byte-identical bundle.\n"
              "Exit codes: 0 written, 1 errors found (nothing written), 2 usage or I/O error.\n");
}

// Writes to a temporary name and renames, so a failed build never leaves a
// half-written bundle where the player would load it.
bool write_file_atomically(std::string_view command, const std::string& path,
                           const std::vector<std::uint8_t>& bytes) {
    const std::string temporary = path + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(bytes.data()),
                  static_cast<std::streamsize>(bytes.size()));
        if (!out) {
            std::cerr << i18n::format(tr("sightc {1}: cannot write {2}"), {command, temporary})
                      << '\n';
            return false;
        }
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error) {
        // TRANSLATORS: {1} is a sightc command, {2} and {3} file names, {4} the system's reason.
        std::cerr << i18n::format(tr("sightc {1}: cannot rename {2} to {3}: {4}"),
                                  {command, temporary, path, error.message()})
                  << '\n';
        return false;
    }
    return true;
}

int check_command(const CheckOptions& options) {
    std::size_t max_errors = 0;
    if (std::string error = check_options(options, false, max_errors); !error.empty()) {
        return usage_error("check", error);
    }
    const Compiled compiled = compile_with_translations(options);
    const content::CompileResult& result = compiled.result;
    const content::SourceSet sources = compiled.sources();
    bool gates_passed = true;
    if (options.lint && !compiled.has_errors()) {
        const content::LintReport report = content::lint(result, compiled.translations);
        print_diagnostics(compiled.diagnostics(report.diagnostics), sources, max_errors);
        gates_passed = report.passed();
    } else {
        print_diagnostics(compiled.diagnostics(), sources, max_errors);
    }
    print_translation_summary(compiled.translations);
    if (compiled.has_errors() || !gates_passed) {
        return kExitErrors;
    }
    // TRANSLATORS: the counts of what was checked; any count may be 1.
    std::cout << i18n::format(tr("ok: {1} files, {2} scenarios, {3} courses, {4} indicators"),
                              {std::to_string(result.sources.size()),
                               std::to_string(result.bundle->scenarios.size()),
                               std::to_string(result.bundle->courses.size()),
                               std::to_string(result.bundle->indicators.size())})
              << '\n';
    return kExitOk;
}

int build_command(const CheckOptions& options) {
    std::size_t max_errors = 0;
    if (std::string error = check_options(options, true, max_errors); !error.empty()) {
        return usage_error("build", error);
    }
    const Compiled compiled = compile_with_translations(options);
    print_diagnostics(compiled.diagnostics(), compiled.sources(), max_errors);
    if (compiled.has_errors()) {
        return kExitErrors;
    }
    model::Bundle bundle = *compiled.result.bundle;
    bundle.translations = compiled.translations.translations;
    const std::vector<std::uint8_t> bytes =
        bundle::write_bundle(bundle, bundle::compiler_version_number());
    if (!write_file_atomically("build", options.output, bytes)) {
        return kExitUsage;
    }
    print_translation_summary(compiled.translations);
    // TRANSLATORS: {1} is the bundle's file name; then its size and counts (any may be 1).
    std::cout << i18n::format(tr("wrote {1}: {2} bytes, {3} scenarios, {4} courses"),
                              {options.output, std::to_string(bytes.size()),
                               std::to_string(bundle.scenarios.size()),
                               std::to_string(bundle.courses.size())})
              << '\n';
    return kExitOk;
}

} // namespace sightline::sightc
