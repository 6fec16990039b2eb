// Helpers the sightc subcommands share: checking options, diagnostic printing and
// loading either scenario sources or a compiled bundle.
#pragma once

#include "content/compile.hpp"
#include "content/translation.hpp"
#include "model/model.hpp"
#include "tools/sightc/commands.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::sightc {

// Checks --max-errors (default 200), that there are paths and, when
// `wants_output`, -o; returns an error message, or empty on success.
std::string check_options(const CheckOptions& options, bool wants_output, std::size_t& max_errors);

// Prints diagnostics (at most max_shown) and a summary line to stderr.
void print_diagnostics(const content::CompileResult& result, std::size_t max_shown);
void print_diagnostics(const std::vector<content::Diagnostic>& diagnostics,
                       const content::SourceSet& sources, std::size_t max_shown);

// The sources of `options.paths` compiled, and the translations of its --po
// files read for them (not when the sources have errors: there are no keys).
struct Compiled {
    content::CompileResult result;
    content::TranslationResult translations;

    bool has_errors() const { return result.has_errors() || translations.has_errors(); }
    // The compiled sources followed by the PO files, as diagnostics index them.
    content::SourceSet sources() const;
    // Both kinds of diagnostics, sorted; `more` (lint's) added.
    std::vector<content::Diagnostic>
    diagnostics(const std::vector<content::Diagnostic>& more = {}) const;
};

Compiled compile_with_translations(const CheckOptions& options);

// One line per language to stdout: "es: N of M strings translated (P%)".
void print_translation_summary(const content::TranslationResult& translations);

// A .slpack file is read and verified; anything else is compiled as sources.
// Prints what went wrong and returns nullopt on failure; sets exit_code.
std::optional<model::Bundle> load_model(const Args& paths, int& exit_code);

bool is_bundle_path(std::string_view path);

// Writes to PATH.tmp and renames it to PATH; prints what failed ("sightc COMMAND: ...").
bool write_file_atomically(std::string_view command, const std::string& path,
                           const std::vector<std::uint8_t>& bytes);

int usage_error(std::string_view command, const std::string& message);

} // namespace sightline::sightc
