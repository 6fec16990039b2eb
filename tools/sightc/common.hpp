// Helpers the sightc subcommands share: checking options, diagnostic printing and
// loading either scenario sources or a compiled bundle.
#pragma once

#include "content/compile.hpp"
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

// A .slpack file is read and verified; anything else is compiled as sources.
// Prints what went wrong and returns nullopt on failure; sets exit_code.
std::optional<model::Bundle> load_model(const Args& paths, int& exit_code);

bool is_bundle_path(std::string_view path);

// Writes to PATH.tmp and renames it to PATH; prints what failed ("sightc COMMAND: ...").
bool write_file_atomically(std::string_view command, const std::string& path,
                           const std::vector<std::uint8_t>& bytes);

int usage_error(std::string_view command, const std::string& message);

} // namespace sightline::sightc
