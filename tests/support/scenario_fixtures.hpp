// Bundles for the test suites, compiled from .scn text with the real compiler
// so the tests play exactly what authors write.
#pragma once

#include "model/model.hpp"

#include <string>
#include <string_view>

namespace sightline::test {

// Compiles `text` (with the shared taxonomy below prepended) and fails the
// current test with the diagnostics when it does not compile.
model::Bundle compile_scn(std::string_view text, bool with_taxonomy = true);

// The complete example at the end of content/FORMAT.md, compiled.
const model::Bundle& format_example();
std::string format_example_text();

// Roles, dimensions, tiers, outcomes and two indicators most test scenarios use.
extern const char* const kTaxonomy;

// The `scenario` block of a test scenario that uses kTaxonomy (role hotel,
// indicator ind.a present), up to its first variable or node.
std::string scenario_header(std::string_view id, std::string_view title);

// Scenario `t.stuck`: its only choice needs `open`, which is never true, so
// every run is stuck at its start node 'door'.
std::string stuck_scenario();

} // namespace sightline::test
