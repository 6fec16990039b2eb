// Damage the reader must catch before cereal sees a byte: the header fields,
// the checksum, truncation at every length and a flip of every byte.
#include "bundle/bundle.hpp"
#include "bundle/format.hpp"
#include "sample_bundle.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

#include <span>
#include <string>

using namespace sightline;
using testing::contains;
using testing::kTestCompilerVersion;
using testing::load_error;

namespace {

std::vector<std::uint8_t> sample_file() {
    return bundle::write_bundle(testing::sample_bundle(), kTestCompilerVersion);
}

void set_u32(std::vector<std::uint8_t>& file, std::size_t offset, std::uint32_t value) {
    for (std::size_t i = 0; i < 4; ++i) {
        file[offset + i] = static_cast<std::uint8_t>(value >> (8 * i));
    }
}

} // namespace

TEST_CASE("a file shorter than the header is refused") {
    const auto file = sample_file();
    for (const std::size_t size : {std::size_t{0}, std::size_t{1}, std::size_t{63}}) {
        const auto error = load_error(std::span(file).first(size));
        REQUIRE(error);
        CHECK(contains(*error, "truncated header"));
        CHECK(contains(*error, "the file has " + std::to_string(size) + " bytes"));
    }
}

TEST_CASE("a file without the magic is refused") {
    auto file = sample_file();
    file[1] = 's'; // "\x89sLPACK\x1a"
    CHECK(load_error(file) == "not a Sightline bundle (its first bytes are not the .slpack magic)");

    // A text-mode copy that turns the trailing 0x1A or 0x89 into something else.
    file = sample_file();
    file[7] = '\n';
    CHECK(load_error(file) == "not a Sightline bundle (its first bytes are not the .slpack magic)");
}

TEST_CASE("a bundle from a newer format is refused by name") {
    auto file = sample_file();
    set_u32(file, bundle::format::kFormatVersionOffset, 2);
    CHECK(load_error(file) == "made by a newer Sightline (format 2, this reader knows 1)");
    set_u32(file, bundle::format::kFormatVersionOffset, 0xFFFFFFFF);
    CHECK(load_error(file) == "made by a newer Sightline (format 4294967295, this reader knows 1)");
    set_u32(file, bundle::format::kFormatVersionOffset, 0);
    CHECK(load_error(file) == "unknown format version 0 at byte 8");
}

TEST_CASE("a payload length that disagrees with the file is refused") {
    const auto file = sample_file();
    const std::size_t payload = file.size() - bundle::format::kHeaderSize;

    auto longer = file;
    longer.push_back(0); // a trailing byte after the payload
    CHECK(load_error(longer) == "payload length says " + std::to_string(payload) +
                                    " bytes but the file has " + std::to_string(payload + 1));

    CHECK(load_error(std::span(file).first(file.size() - 1)) ==
          "payload length says " + std::to_string(payload) + " bytes but the file has " +
              std::to_string(payload - 1));

    // A huge claim must not overflow 64 + length into something that matches.
    auto huge = file;
    for (std::size_t i = 0; i < 8; ++i) {
        huge[bundle::format::kPayloadLengthOffset + i] = 0xFF;
    }
    CHECK(contains(load_error(huge).value_or(""), "payload length says 18446744073709551615"));
}

TEST_CASE("a damaged payload fails the checksum") {
    auto file = sample_file();
    file.back() ^= 0x01;
    CHECK(load_error(file) == "checksum mismatch: the file is damaged");
    file = sample_file();
    file[bundle::format::kSha256Offset] ^= 0x80; // the stored hash itself
    CHECK(load_error(file) == "checksum mismatch: the file is damaged");
}

TEST_CASE("truncation at every byte offset is refused cleanly") {
    const auto file = sample_file();
    for (std::size_t size = 0; size < file.size(); ++size) {
        const auto error = load_error(std::span(file).first(size));
        CHECK_MESSAGE(error.has_value(), "a file cut to " << size << " bytes loaded");
    }
    CHECK_FALSE(load_error(file).has_value());
}

TEST_CASE("flipping any byte is caught unless the checksum does not cover it") {
    const auto file = sample_file();
    auto outside_checksum = [](std::size_t i) {
        using namespace bundle::format;
        return (i >= kCompilerVersionOffset && i < kCompilerVersionOffset + 4) ||
               (i >= kReservedOffset && i < kReservedOffset + kReservedSize);
    };
    for (const std::uint8_t mask : {std::uint8_t{0x01}, std::uint8_t{0x80}, std::uint8_t{0xFF}}) {
        for (std::size_t i = 0; i < file.size(); ++i) {
            auto damaged = file;
            damaged[i] ^= mask;
            if (outside_checksum(i)) {
                // Informational bytes: the file still loads and reports what it says.
                const auto loaded = bundle::read_bundle(damaged, "flipped.slpack");
                if (i < bundle::format::kReservedOffset) {
                    CHECK(loaded.header.compiler_version != kTestCompilerVersion);
                }
            } else {
                CHECK_MESSAGE(load_error(damaged).has_value(),
                              "flipping byte " << i << " with " << int{mask} << " went unnoticed");
            }
        }
    }
}
