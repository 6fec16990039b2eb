// Test helpers for reading files of the source tree.
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace sightline::test {

// Reads a file given relative to the repository root.
inline std::string read_source_file(const std::string& relative) {
    std::ifstream in(std::string(SIGHTLINE_SOURCE_DIR) + "/" + relative, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read " + relative);
    }
    std::ostringstream text;
    text << in.rdbuf();
    return std::move(text).str();
}

} // namespace sightline::test
