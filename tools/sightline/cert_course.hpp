// The course `cert issue` and `cert attest` are about: --course in --bundle
// (or the courses installed next to the executable). Private to tools/sightline.
#pragma once

#include "bundle/bundle.hpp"
#include "credentials_common.hpp"

#include <cstddef>
#include <optional>
#include <string_view>

namespace sightline::cli::credentials_cli {

// Finds the course in the bundle (--bundle or the one installed next to the
// executable); prints why not and returns nullopt.
struct LoadedCourse {
    bundle::LoadedBundle bundle;
    std::size_t index = 0;
    const model::Course& course() const { return bundle.model.courses[index]; }
};

std::optional<LoadedCourse> load_course(const Options& o, const Environment& env,
                                        std::string_view command);

} // namespace sightline::cli::credentials_cli
