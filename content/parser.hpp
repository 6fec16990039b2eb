// The parser reads lexed lines into a ParsedUnit. It is a single pass with a
// small state machine (which block, which node, which choice is open) and no
// recursion. Syntax and per-block problems (missing fields, malformed values,
// a node of two kinds) are reported here; names are resolved by the checker.
#pragma once

#include "content/diagnostics.hpp"
#include "content/lexer.hpp"
#include "content/parsed.hpp"

namespace sightline::content {

// Adds the declarations in one file to `unit`.
void parse_file(const LexedFile& file, std::uint32_t file_index, ParsedUnit& unit,
                DiagnosticSink& sink);

// The parse of sources that already compiled, for where things are written
// (lint, translations); the diagnostics were reported when they compiled.
ParsedUnit parse_sources(const SourceSet& sources);

// Ids: lower-case letters, digits, '.', '-' and '_', starting and ending with a
// letter or digit.
bool is_valid_id(std::string_view id);

// A job role a rule applies to: ids joined by '/', from the broadest ("hotel",
// "hotel/front-desk").
bool is_job_role(std::string_view role);

} // namespace sightline::content
