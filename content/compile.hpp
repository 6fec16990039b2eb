// The content compiler's front door: scenario sources in, a linked model and
// diagnostics out. Stages: lexer -> parser -> checker -> model (see FORMAT.md).
#pragma once

#include "content/diagnostics.hpp"
#include "content/source.hpp"
#include "model/model.hpp"

#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

namespace sightline::content {

struct CompileResult {
    std::optional<model::Bundle> bundle; // set when there are no errors
    std::vector<Diagnostic> diagnostics; // every problem found, in source order
    SourceSet sources;                   // kept so diagnostics can be printed with excerpts
    bool has_errors() const;
};

// Compiles every given source as one bundle.
CompileResult compile(SourceSet sources);

// Convenience for tests: one in-memory file.
CompileResult compile_text(std::string_view file_name, std::string_view text);

// Reads files and folders (folders recursively, every *.scn, in sorted order).
// Unreadable paths become diagnostics, not exceptions.
CompileResult compile_paths(const std::vector<std::filesystem::path>& paths);

} // namespace sightline::content
