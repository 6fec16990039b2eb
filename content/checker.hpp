// Semantic checks over everything parsed: names resolve, types agree, every
// node can be reached, and a best-tier path is never outscored by a poorer one.
#pragma once

#include "content/diagnostics.hpp"
#include "content/parsed.hpp"

namespace sightline::content {

// Name, type and reachability checks; needs only the parsed unit.
void check_unit(ParsedUnit& unit, const SourceSet& sources, DiagnosticSink& sink);

// Score-path check (SL0407); the unit's bundle must already be linked.
void check_tier_scores(const ParsedUnit& unit, DiagnosticSink& sink);

// After linking: SL0410 for a pinned best-tier choice or a pinned correct
// option, which a learner could find by its place instead of by reading.
void check_pinned_places(const ParsedUnit& unit, DiagnosticSink& sink);

} // namespace sightline::content
