// The JSON-LD contexts a Sightline credential may name, pinned: compiled into the
// program from engine/credentials/contexts/ and never fetched, so a signature never
// depends on what a web server answers today.
//
// Each file defines, with the same definitions and nesting as the published context
// at its URL, only the terms Sightline's credentials, proofs and status lists use.
// Expansion of a credential that uses any other term fails in safe mode ("undefined
// term ..."), so a credential that verifies here contains no term these files do not
// define. tests/credentials/oracles_test.cpp checks every definition against the
// published contexts (from the Digital Credentials Consortium's npm packages that
// `tools/setup.sh --tests` installs for the tests).
#pragma once

#include "linkeddata/contexts.hpp"

#include <string_view>

namespace sightline::credentials {

inline constexpr std::string_view kVcContextUrl = "https://www.w3.org/ns/credentials/v2";
inline constexpr std::string_view kObContextUrl =
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

// The store holding both contexts, built once.
const linkeddata::ContextStore& pinned_contexts();

} // namespace sightline::credentials
