#include "tools/sightc/common.hpp"

#include "bundle/bundle.hpp"
#include "i18n/i18n.hpp"

#include <charconv>
#include <iostream>

namespace sightline::sightc {

using i18n::tr;
using i18n::tr_n;

// Checks what CLI11 could not; returns an error message, or empty on success.
std::string check_options(const CheckOptions& options, bool wants_output, std::size_t& max_errors) {
    max_errors = 200;
    if (!options.max_errors.empty()) {
        const std::string& v = options.max_errors;
        auto [end, error] = std::from_chars(v.data(), v.data() + v.size(), max_errors);
        if (error != std::errc() || end != v.data() + v.size()) {
            return tr("--max-errors needs a number");
        }
    }
    if (options.paths.empty()) {
        return tr("no scenario files or folders given");
    }
    if (wants_output && options.output.empty()) {
        return tr("no output file given (-o FILE.slpack)");
    }
    return {};
}

void print_diagnostics(const content::CompileResult& result, std::size_t max_shown) {
    print_diagnostics(result.diagnostics, result.sources, max_shown);
}

void print_diagnostics(const std::vector<content::Diagnostic>& diagnostics,
                       const content::SourceSet& sources, std::size_t max_shown) {
    std::size_t errors = 0, warnings = 0, shown = 0;
    for (const content::Diagnostic& d : diagnostics) {
        (d.severity == content::Severity::Error ? errors : warnings) += 1;
        if (shown < max_shown) {
            content::print_diagnostic(std::cerr, d, sources);
            ++shown;
        }
    }
    if (shown < diagnostics.size()) {
        const std::size_t more = diagnostics.size() - shown;
        std::cerr << i18n::format(
                         tr_n("note: {1} more problem is not shown (use --max-errors N to see "
                              "more)",
                              "note: {1} more problems are not shown (use --max-errors N to see "
                              "more)",
                              more),
                         {std::to_string(more)})
                  << '\n';
    }
    if (errors || warnings) {
        // TRANSLATORS: the last line of a diagnostics listing: "3 errors, 1 warning".
        std::cerr << i18n::format(tr("{1}, {2}"),
                                  {i18n::format(tr_n("{1} error", "{1} errors", errors),
                                                {std::to_string(errors)}),
                                   i18n::format(tr_n("{1} warning", "{1} warnings", warnings),
                                                {std::to_string(warnings)})})
                  << '\n';
    }
}

content::SourceSet Compiled::sources() const {
    return content::with_translation_sources(result, translations);
}

std::vector<content::Diagnostic>
Compiled::diagnostics(const std::vector<content::Diagnostic>& more) const {
    std::vector<content::Diagnostic> all = result.diagnostics;
    all.insert(all.end(), translations.diagnostics.begin(), translations.diagnostics.end());
    all.insert(all.end(), more.begin(), more.end());
    content::sort_diagnostics(all);
    return all;
}

Compiled compile_with_translations(const CheckOptions& options) {
    const std::vector<std::filesystem::path> paths(options.paths.begin(), options.paths.end());
    Compiled compiled{content::compile_paths(paths), {}};
    if (compiled.result.bundle && !options.po.empty()) {
        const std::vector<std::filesystem::path> po(options.po.begin(), options.po.end());
        compiled.translations = content::read_translation_files(compiled.result, po);
    }
    return compiled;
}

void print_translation_summary(const content::TranslationResult& translations) {
    for (const content::LanguageCoverage& c : translations.coverage) {
        // Rounded down, so 100% means every string.
        const std::size_t percent = c.strings == 0 ? 100 : c.translated * 100 / c.strings;
        // TRANSLATORS: {1} is a language tag (es), {2} of {3} strings, {4} the percentage;
        // "{1}: " stays first, the coverage gate reads it.
        std::cout << i18n::format(tr("{1}: {2} of {3} strings translated ({4}%)"),
                                  {c.language, std::to_string(c.translated),
                                   std::to_string(c.strings), std::to_string(percent)})
                  << '\n';
    }
}

bool is_bundle_path(std::string_view path) {
    return path.ends_with(".slpack");
}

std::optional<model::Bundle> load_model(const Args& paths, int& exit_code) {
    if (paths.size() == 1 && is_bundle_path(paths[0])) {
        try {
            return bundle::read_bundle_file(paths[0]).model;
        } catch (const bundle::BundleError& error) {
            std::cerr << "sightc: " << error.what() << '\n';
            exit_code = kExitUsage;
            return std::nullopt;
        }
    }
    std::vector<std::filesystem::path> files(paths.begin(), paths.end());
    content::CompileResult result = content::compile_paths(files);
    print_diagnostics(result, 50);
    if (!result.bundle) {
        exit_code = kExitErrors;
        return std::nullopt;
    }
    return std::move(result.bundle);
}

int usage_error(std::string_view command, const std::string& message) {
    // TRANSLATORS: {1} is a sightc command (check, build...), {2} what is wrong.
    std::cerr << i18n::format(tr("sightc {1}: {2} (see sightc {1} --help)"), {command, message})
              << '\n';
    return kExitUsage;
}

} // namespace sightline::sightc
