// sightc check and sightc build: compile sources, report, and (build) write a bundle.
#include "bundle/bundle.hpp"
#include "content/lint.hpp"
#include "tools/sightc/common.hpp"

#include <charconv>
#include <fstream>
#include <iostream>

namespace sightline::sightc {

const char* const kCheckHelp =
    "Checks scenario sources (files or folders of *.scn) and prints every problem as\n"
    "file:line:column: severity CODE: message, with the line and a caret.\n"
    "--lint also runs the quality gates of 'sightc lint' when the sources compile.\n"
    "--po FILE.po (repeatable) also checks a translation as 'sightc build' merges it\n"
    "(SL0601-SL0605) and prints how much of the text it translates.\n"
    "Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage or I/O error.\n";

const char* const kBuildHelp =
    "Checks the sources and, if there are no errors, writes one verified bundle.\n"
    "--po FILE.po (repeatable; the PO header's Language: names the language) merges a\n"
    "translation: each string translated, not fuzzy and made for the current English\n"
    "goes into the bundle; the rest plays in English (content/FORMAT.md, Translations).\n"
    "The same sources and PO files always give a byte-identical bundle.\n"
    "Exit codes: 0 written, 1 errors found (nothing written), 2 usage or I/O error.\n";

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
            std::cerr << "sightc " << command << ": cannot write " << temporary << '\n';
            return false;
        }
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error) {
        std::cerr << "sightc " << command << ": cannot rename " << temporary << " to " << path
                  << ": " << error.message() << '\n';
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
    std::cout << "ok: " << result.sources.size() << " files, " << result.bundle->scenarios.size()
              << " scenarios, " << result.bundle->courses.size() << " courses, "
              << result.bundle->indicators.size() << " indicators\n";
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
    std::cout << "wrote " << options.output << ": " << bytes.size() << " bytes, "
              << bundle.scenarios.size() << " scenarios, " << bundle.courses.size() << " courses\n";
    return kExitOk;
}

} // namespace sightline::sightc
