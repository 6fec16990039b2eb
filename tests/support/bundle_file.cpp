#include "support/bundle_file.hpp"

#include "bundle/bundle.hpp"
#include "support/files.hpp"
#include "support/scenario_fixtures.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <unistd.h>

namespace sightline::test {

namespace {

// One directory per process (CTest runs each test case as its own process, in
// parallel), removed again when the process ends.
struct WorkDir {
    std::filesystem::path path = std::filesystem::path(SIGHTLINE_BINARY_DIR) / "tests" /
                                 "textplay" / "work" / std::to_string(::getpid());
    WorkDir() {
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~WorkDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
    WorkDir(const WorkDir&) = delete;
    WorkDir& operator=(const WorkDir&) = delete;
};

} // namespace

std::filesystem::path work_dir() {
    static const WorkDir dir;
    return dir.path;
}

void write_file(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
    REQUIRE(out.good());
}

void write_file(const std::filesystem::path& path, std::string_view text) {
    write_file(path, std::vector<std::uint8_t>(text.begin(), text.end()));
}

std::vector<std::uint8_t> read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::filesystem::path write_bundle_file(std::string_view name, std::string_view scn) {
    const std::filesystem::path path = work_dir() / std::string(name);
    write_file(path,
               bundle::write_bundle(compile_scn(scn, false), bundle::compiler_version_number()));
    return path;
}

std::string format_example_scn() {
    return read_source_file("tests/content/examples/format-example.scn");
}

std::filesystem::path format_example_bundle() {
    static const std::filesystem::path path =
        write_bundle_file("format-example.slpack", format_example_scn());
    return path;
}

} // namespace sightline::test
