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
    "Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage or I/O error.\n";

const char* const kBuildHelp =
    "Checks the sources and, if there are no errors, writes one verified bundle.\n"
    "The same sources always give a byte-identical bundle.\n"
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
    const std::vector<std::filesystem::path> paths(options.paths.begin(), options.paths.end());
    const content::CompileResult result = content::compile_paths(paths);
    if (options.lint && !result.has_errors()) {
        const content::LintReport report = content::lint(result);
        std::vector<content::Diagnostic> all = result.diagnostics;
        all.insert(all.end(), report.diagnostics.begin(), report.diagnostics.end());
        content::sort_diagnostics(all);
        print_diagnostics(all, result.sources, max_errors);
        if (!report.passed()) {
            return kExitErrors;
        }
    } else {
        print_diagnostics(result, max_errors);
    }
    if (result.has_errors()) {
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
    const std::vector<std::filesystem::path> paths(options.paths.begin(), options.paths.end());
    const content::CompileResult result = content::compile_paths(paths);
    print_diagnostics(result, max_errors);
    if (result.has_errors()) {
        return kExitErrors;
    }
    const std::vector<std::uint8_t> bytes =
        bundle::write_bundle(*result.bundle, bundle::compiler_version_number());
    if (!write_file_atomically("build", options.output, bytes)) {
        return kExitUsage;
    }
    std::cout << "wrote " << options.output << ": " << bytes.size() << " bytes, "
              << result.bundle->scenarios.size() << " scenarios, " << result.bundle->courses.size()
              << " courses\n";
    return kExitOk;
}

} // namespace sightline::sightc
