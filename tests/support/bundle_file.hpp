// Files the text player, records and command-line tests need on disk: bundles
// compiled from .scn text, in a directory of their own per test process.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::test {

// A fresh directory for this test process under the build tree.
std::filesystem::path work_dir();

// Compiles `scn` with test::compile_scn (no taxonomy added) and writes it as
// work_dir()/name.
std::filesystem::path write_bundle_file(std::string_view name, std::string_view scn);

// tests/content/examples/format-example.scn, the FORMAT.md example.
std::string format_example_scn();
std::filesystem::path format_example_bundle();

void write_file(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes);
void write_file(const std::filesystem::path& path, std::string_view text);
std::vector<std::uint8_t> read_bytes(const std::filesystem::path& path);

} // namespace sightline::test
