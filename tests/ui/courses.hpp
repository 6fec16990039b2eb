// The ui tests' shared fixtures: the bundled courses, loaded once, and a fresh
// scratch directory per test for records and settings.
#pragma once

#include "bundle/bundle.hpp"

#include <filesystem>

namespace sightline::test {

// The courses bundle built by the `courses` target.
const bundle::LoadedBundle& courses();
// An empty directory under the build tree, unique to this process and `name`.
std::filesystem::path scratch_dir(const char* name);

} // namespace sightline::test
