// Writing and reading .slpack files: a checked 64-byte header (format.hpp)
// followed by the cereal payload of a model::Bundle. A bundle is untrusted
// input: the reader checks the header and checksum before cereal sees a byte,
// bounds every size in the payload by the bytes that are left, and runs
// model::link() afterwards, so the runtime only ever gets a sound model.
#pragma once

#include "model/model.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::bundle {

struct Header {
    std::uint32_t format_version = 0;
    std::uint32_t compiler_version = 0; // major<<16 | minor<<8 | patch
    std::uint64_t payload_length = 0;
    std::array<std::uint8_t, 32> sha256{}; // of the payload
};

struct LoadedBundle {
    model::Bundle model; // linked: every *_index is filled
    Header header;

    // The payload's SHA-256 as 64 lowercase hex digits; names this exact content
    // in records and certificates.
    std::string content_hash() const;
};

// Where one load spent its time, in milliseconds of the steady clock. Only
// benchmarks ask for it; the stages are the ones a load always runs.
struct LoadTimes {
    double read = 0;        // reading the file (read_bundle_file only)
    double checksum = 0;    // SHA-256 of the payload
    double deserialise = 0; // the bounded cereal load
    double link = 0;        // model::link(), score analysis included
};

// Every way a bundle can be refused. what() is "<name>: <reason>", with
// "at byte N" in the reason where a position applies.
class BundleError : public std::runtime_error {
  public:
    BundleError(std::string_view name, std::string_view reason);

    const std::string& name() const { return name_; }
    const std::string& reason() const { return reason_; }

  private:
    std::string name_;
    std::string reason_;
};

// The bytes of a .slpack file; identical input gives identical bytes. The
// caller links the model first (the reader refuses one that does not link).
// Throws std::invalid_argument for an enum value outside its range.
std::vector<std::uint8_t> write_bundle(const model::Bundle& bundle, std::uint32_t compiler_version);

// A .slpack file around an already-serialised payload: the header with the
// payload's length and checksum. write_bundle frames its payload with this;
// tests and the fuzzer use it to frame hand-made payloads.
std::vector<std::uint8_t> frame_payload(std::span<const std::uint8_t> payload,
                                        std::uint32_t compiler_version);

// Checks, loads and links a bundle held in memory. `name` only labels errors.
// Throws BundleError. `times`, when given, receives where the time went.
LoadedBundle read_bundle(std::span<const std::uint8_t> bytes, std::string_view name,
                         LoadTimes* times = nullptr);

// Reads a bundle file, refusing one larger than format::kMaxFileSize or with a
// bad header before reading the rest. Throws BundleError naming the file.
LoadedBundle read_bundle_file(const std::filesystem::path& path, LoadTimes* times = nullptr);

// SHA-256 of `bytes`, as the header stores it for the payload. Uses the CPU's
// SHA instructions where it has them (OpenSSL's libcrypto).
std::array<std::uint8_t, 32> sha256(std::span<const std::uint8_t> bytes);

// This build's version (the project version) as major<<16 | minor<<8 | patch.
std::uint32_t compiler_version_number();

} // namespace sightline::bundle
