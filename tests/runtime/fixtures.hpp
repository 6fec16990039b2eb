// Bundles for the runtime tests, compiled from .scn text with the real compiler
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

} // namespace sightline::test
