#include "courses.hpp"

#include <string>
#include <unistd.h>

namespace sightline::test {

const bundle::LoadedBundle& courses() {
    static const bundle::LoadedBundle loaded = bundle::read_bundle_file(SIGHTLINE_COURSES_BUNDLE);
    return loaded;
}

std::filesystem::path scratch_dir(const char* name) {
    const std::filesystem::path dir = std::filesystem::path(SIGHTLINE_BINARY_DIR) / "tests" / "ui" /
                                      "work" / (std::to_string(::getpid()) + "-" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

} // namespace sightline::test
