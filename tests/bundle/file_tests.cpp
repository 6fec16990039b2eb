// read_bundle_file: I/O errors name the file, oversized files are refused
// before they are read, and the fuzzer's seed files stay loadable.
#include "bundle/bundle.hpp"
#include "bundle/format.hpp"
#include "sample_bundle.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>

using namespace sightline;
namespace fs = std::filesystem;

namespace {

// A fresh directory per test case, removed afterwards.
struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("sightline-bundle-" + std::to_string(::getpid()) + "-" +
                                            std::to_string(counter()++));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
    static int& counter() {
        static int n = 0;
        return n;
    }
};

void write_file(const fs::path& path, const std::vector<std::uint8_t>& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
    REQUIRE(out.good());
}

std::vector<std::uint8_t> read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string file_error(const fs::path& path) {
    try {
        bundle::read_bundle_file(path);
    } catch (const bundle::BundleError& error) {
        CHECK(error.name() == path.string());
        return error.reason();
    }
    return "(loaded)";
}

} // namespace

TEST_CASE("a bundle file reads back what was written") {
    TempDir dir;
    const auto bytes =
        bundle::write_bundle(testing::sample_bundle(), testing::kTestCompilerVersion);
    write_file(dir.path / "sample.slpack", bytes);
    const auto loaded = bundle::read_bundle_file(dir.path / "sample.slpack");
    CHECK(bundle::write_bundle(loaded.model, testing::kTestCompilerVersion) == bytes);
}

TEST_CASE("file errors name the file and say why") {
    TempDir dir;
    CHECK(testing::contains(file_error(dir.path / "missing.slpack"), "No such file or directory"));
    CHECK(file_error(dir.path) == "not a regular file");

    write_file(dir.path / "short.slpack", {0x89, 'S', 'L'});
    CHECK(testing::contains(file_error(dir.path / "short.slpack"), "truncated header"));

    auto bytes = bundle::write_bundle(testing::sample_bundle(), testing::kTestCompilerVersion);
    bytes.pop_back();
    write_file(dir.path / "cut.slpack", bytes);
    CHECK(testing::contains(file_error(dir.path / "cut.slpack"), "payload length says"));

    bytes = bundle::write_bundle(testing::sample_bundle(), testing::kTestCompilerVersion);
    bytes.back() ^= 1;
    write_file(dir.path / "damaged.slpack", bytes);
    CHECK(file_error(dir.path / "damaged.slpack") == "checksum mismatch: the file is damaged");
}

TEST_CASE("a file larger than any bundle is refused before it is read") {
    TempDir dir;
    const fs::path big = dir.path / "big.slpack";
    write_file(big, {});
    fs::resize_file(big, bundle::format::kMaxFileSize + 1); // sparse: takes no disk space
    CHECK(file_error(big) == "the file is " + std::to_string(bundle::format::kMaxFileSize + 1) +
                                 " bytes, more than a bundle may be (" +
                                 std::to_string(bundle::format::kMaxFileSize) + ")");
}

// The fuzzer's seeds: mode byte 0 is a whole file, 1 a payload the fuzzer
// frames itself. They must stay loadable, or the fuzzer starts from nothing.
// Set SIGHTLINE_WRITE_FUZZ_SEEDS=1 to regenerate them after a format change.
TEST_CASE("the fuzz seed files load in the current format") {
    const fs::path corpus = fs::path(SIGHTLINE_SOURCE_DIR) / "tools/fuzz/corpus/fuzz_bundle";
    const char* write = std::getenv("SIGHTLINE_WRITE_FUZZ_SEEDS");
    if (write != nullptr && std::string(write) == "1") {
        const auto file =
            bundle::write_bundle(testing::sample_bundle(), testing::kTestCompilerVersion);
        const auto payload = testing::payload_of(file);
        const auto empty = testing::payload_of(
            bundle::write_bundle(model::Bundle{}, testing::kTestCompilerVersion));
        std::vector<std::uint8_t> raw{0}, wrapped{1}, wrapped_empty{1};
        raw.insert(raw.end(), file.begin(), file.end());
        wrapped.insert(wrapped.end(), payload.begin(), payload.end());
        wrapped_empty.insert(wrapped_empty.end(), empty.begin(), empty.end());
        fs::create_directories(corpus);
        write_file(corpus / "sample_file", raw);
        write_file(corpus / "sample_payload", wrapped);
        write_file(corpus / "empty_payload", wrapped_empty);
    }
    for (const std::string name : {"sample_file", "sample_payload", "empty_payload"}) {
        CAPTURE(name);
        REQUIRE(fs::exists(corpus / name));
        const auto seed = read_file(corpus / name);
        REQUIRE(seed.size() > 1);
        const std::span<const std::uint8_t> rest = std::span(seed).subspan(1);
        const auto file = seed[0] == 0 ? std::vector<std::uint8_t>(rest.begin(), rest.end())
                                       : testing::wrap_payload(rest);
        CHECK_NOTHROW(bundle::read_bundle(file, name));
    }
}
