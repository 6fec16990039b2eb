// The translatable text of a compiled bundle, keyed by stable id paths (the
// msgctxt of a course PO file; content/FORMAT.md, "Translations"). Only text
// is ever keyed: ids, targets, tiers, scores, conditions and effects have no
// key, so a translation has no way to name them.
#pragma once

#include "content/compile.hpp"
#include "content/po.hpp"
#include "model/model.hpp"

#include <vector>

namespace sightline::content {

// Every translatable string of the bundle, in bundle order (catalogue, courses,
// then scenarios in source order), each with an empty msgstr and a comment for
// the translator naming the scenario, node and speaker. Empty fields are left out.
std::vector<po::Entry> extract_translatable(const model::Bundle& bundle);

// The same for sources that compiled, with a "#:" reference (file:line, the file
// as it was given) to where each string is written. `compiled` has no errors.
std::vector<po::Entry> extract_translatable(const CompileResult& compiled);

} // namespace sightline::content
