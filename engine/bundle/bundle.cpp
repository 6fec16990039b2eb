#include "bundle/bundle.hpp"

#include "bundle/archive.hpp"
#include "bundle/format.hpp"
#include "bundle/serialize.hpp"
#include "model/link.hpp"

#include <cereal/archives/portable_binary.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <fstream>
#include <memory>
#include <new>
#include <openssl/evp.h>
#include <sstream>
#include <string_view>
#include <system_error>

namespace sightline::bundle {
namespace {

void put_le(std::uint8_t* out, std::uint64_t value, std::size_t size) {
    for (std::size_t i = 0; i < size; ++i) {
        out[i] = static_cast<std::uint8_t>(value >> (8 * i));
    }
}

std::uint64_t get_le(std::span<const std::uint8_t> bytes, std::size_t offset, std::size_t size) {
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < size; ++i) {
        value |= static_cast<std::uint64_t>(bytes[offset + i]) << (8 * i);
    }
    return value;
}

// Adds the milliseconds since the previous stop to one LoadTimes field, only
// when the caller asked for times.
class Stopwatch {
  public:
    explicit Stopwatch(LoadTimes* times) : on_(times != nullptr) { restart(); }
    void stop(double LoadTimes::*slot, LoadTimes* times) {
        if (on_) {
            times->*slot +=
                std::chrono::duration<double, std::milli>(Clock::now() - start_).count();
            restart();
        }
    }

  private:
    using Clock = std::chrono::steady_clock;
    void restart() {
        if (on_) {
            start_ = Clock::now();
        }
    }
    bool on_;
    Clock::time_point start_{};
};

// Checks the fixed header against the real file size. `start` holds the
// file's first bytes (all 64 when there are that many); the payload is not read.
Header parse_header(std::span<const std::uint8_t> start, std::uint64_t file_size,
                    std::string_view name) {
    if (file_size < format::kHeaderSize || start.size() < format::kHeaderSize) {
        throw BundleError(name, "truncated header: the file has " + std::to_string(file_size) +
                                    " bytes and a bundle header alone takes " +
                                    std::to_string(format::kHeaderSize));
    }
    if (!std::equal(format::kMagic.begin(), format::kMagic.end(), start.begin())) {
        throw BundleError(name,
                          "not a Sightline bundle (its first bytes are not the .slpack magic)");
    }
    Header header;
    header.format_version =
        static_cast<std::uint32_t>(get_le(start, format::kFormatVersionOffset, 4));
    if (header.format_version > format::kVersion) {
        throw BundleError(name, "made by a newer Sightline (format " +
                                    std::to_string(header.format_version) + ", this reader knows " +
                                    std::to_string(format::kVersion) + ")");
    }
    if (header.format_version != format::kVersion) {
        throw BundleError(name, "unknown format version " + std::to_string(header.format_version) +
                                    " at byte " + std::to_string(format::kFormatVersionOffset));
    }
    header.compiler_version =
        static_cast<std::uint32_t>(get_le(start, format::kCompilerVersionOffset, 4));
    header.payload_length = get_le(start, format::kPayloadLengthOffset, 8);
    const std::uint64_t present = file_size - format::kHeaderSize;
    if (header.payload_length != present) {
        throw BundleError(name, "payload length says " + std::to_string(header.payload_length) +
                                    " bytes but the file has " + std::to_string(present));
    }
    std::copy_n(start.begin() + format::kSha256Offset, format::kSha256Size, header.sha256.begin());
    return header; // the reserved bytes are ignored on purpose (see format.hpp)
}

model::Bundle load_payload(std::span<const std::uint8_t> payload, std::string_view name) {
    model::Bundle content;
    try {
        BoundedInputArchive archive(payload, format::kHeaderSize);
        archive(content);
        if (archive.remaining() != 0) {
            throw BundleError(name, std::to_string(archive.remaining()) +
                                        " unexpected bytes after the content at byte " +
                                        std::to_string(archive.offset()));
        }
    } catch (const cereal::Exception& error) {
        throw BundleError(name, error.what());
    } catch (const std::bad_alloc&) {
        throw BundleError(name, "not enough memory to load the content");
    } catch (const std::length_error& error) {
        throw BundleError(name, std::string("impossible size: ") + error.what());
    }
    return content;
}

void link_or_throw(model::Bundle& content, std::string_view name) {
    model::LinkResult linked;
    try {
        linked = model::link(content);
    } catch (const std::bad_alloc&) {
        // A model too large for this machine's memory is refused, not a crash.
        throw BundleError(name, "not enough memory to check the content");
    }
    if (linked.ok()) {
        return;
    }
    std::string reason = "invalid content: " + linked.problems.front();
    if (linked.total > 1) {
        reason += " (and " + std::to_string(linked.total - 1) + " more)";
    }
    throw BundleError(name, reason);
}

// The translations are looked up by binary search (model::in_language), so a
// bundle whose languages or keys are out of order, repeated or empty is refused
// rather than played with text silently missing.
void check_translations(const model::Bundle& content, std::string_view name) {
    for (std::size_t i = 0; i < content.translations.size(); ++i) {
        const model::Translation& t = content.translations[i];
        if (t.language.empty() || t.language == "en") {
            throw BundleError(name, "invalid content: a translation's language is '" + t.language +
                                        "', not a language other than English");
        }
        if (i > 0 && !(content.translations[i - 1].language < t.language)) {
            throw BundleError(name, "invalid content: translation '" + t.language +
                                        "' is out of order or given twice");
        }
        for (std::size_t k = 1; k < t.texts.size(); ++k) {
            if (!(t.texts[k - 1].key < t.texts[k].key)) {
                throw BundleError(name, "invalid content: translation '" + t.language +
                                            "' has key '" + t.texts[k].key +
                                            "' out of order or twice");
            }
        }
    }
}

// Everything after the header checks: the checksum, the payload and link().
LoadedBundle load_checked(std::span<const std::uint8_t> bytes, const Header& header,
                          std::string_view name, LoadTimes* times) {
    Stopwatch clock(times);
    const auto payload = bytes.subspan(format::kHeaderSize);
    std::array<std::uint8_t, format::kSha256Size> digest{};
    try {
        digest = sha256(payload);
    } catch (const std::runtime_error& error) {
        throw BundleError(name, error.what());
    }
    if (digest != header.sha256) {
        throw BundleError(name, "checksum mismatch: the file is damaged");
    }
    clock.stop(&LoadTimes::checksum, times);
    LoadedBundle loaded;
    loaded.header = header;
    loaded.model = load_payload(payload, name);
    clock.stop(&LoadTimes::deserialise, times);
    link_or_throw(loaded.model, name);
    check_translations(loaded.model, name);
    clock.stop(&LoadTimes::link, times);
    return loaded;
}

// Fills `out` from the stream or explains why not.
void read_exactly(std::ifstream& in, std::span<std::uint8_t> out, std::string_view name) {
    in.read(reinterpret_cast<char*>(out.data()), static_cast<std::streamsize>(out.size()));
    if (static_cast<std::size_t>(in.gcount()) != out.size()) {
        throw BundleError(name, "read failed after " + std::to_string(in.gcount()) + " of " +
                                    std::to_string(out.size()) + " bytes");
    }
}

} // namespace

std::array<std::uint8_t, 32> sha256(std::span<const std::uint8_t> bytes) {
    static_assert(format::kSha256Size == 32);
    std::array<std::uint8_t, 32> digest{};
    unsigned int length = 0;
    // EVP picks the SHA-NI or AVX2 code path at run time; the digest is the same.
    if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr) !=
            1 ||
        length != digest.size()) {
        throw std::runtime_error("cannot compute the SHA-256 checksum (libcrypto failed)");
    }
    return digest;
}

BundleError::BundleError(std::string_view name, std::string_view reason)
    : std::runtime_error(std::string(name) + ": " + std::string(reason)), name_(name),
      reason_(reason) {}

std::string LoadedBundle::content_hash() const {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(header.sha256.size() * 2);
    for (const std::uint8_t byte : header.sha256) {
        hex += kDigits[byte >> 4];
        hex += kDigits[byte & 0x0F];
    }
    return hex;
}

std::vector<std::uint8_t> write_bundle(const model::Bundle& bundle,
                                       std::uint32_t compiler_version) {
    std::ostringstream stream(std::ios::out | std::ios::binary);
    {
        // Little-endian on every machine, so one file reads the same everywhere.
        cereal::PortableBinaryOutputArchive archive(
            stream, cereal::PortableBinaryOutputArchive::Options::LittleEndian());
        archive(bundle);
    }
    const std::string payload = std::move(stream).str();
    return frame_payload(
        std::span(reinterpret_cast<const std::uint8_t*>(payload.data()), payload.size()),
        compiler_version);
}

std::vector<std::uint8_t> frame_payload(std::span<const std::uint8_t> payload,
                                        std::uint32_t compiler_version) {
    std::vector<std::uint8_t> file(format::kHeaderSize + payload.size(), 0);
    std::copy(format::kMagic.begin(), format::kMagic.end(), file.begin());
    put_le(&file[format::kFormatVersionOffset], format::kVersion, 4);
    put_le(&file[format::kCompilerVersionOffset], compiler_version, 4);
    put_le(&file[format::kPayloadLengthOffset], payload.size(), 8);
    const auto digest = sha256(payload);
    std::copy(digest.begin(), digest.end(), file.begin() + format::kSha256Offset);
    std::copy(payload.begin(), payload.end(), file.begin() + format::kHeaderSize);
    return file;
}

LoadedBundle read_bundle(std::span<const std::uint8_t> bytes, std::string_view name,
                         LoadTimes* times) {
    return load_checked(bytes, parse_header(bytes, bytes.size(), name), name, times);
}

LoadedBundle read_bundle_file(const std::filesystem::path& path, LoadTimes* times) {
    Stopwatch clock(times);
    const std::string name = path.string();
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (error) {
        throw BundleError(name, "cannot read the file: " + error.message());
    }
    if (!std::filesystem::is_regular_file(status)) {
        throw BundleError(name, "not a regular file");
    }
    const std::uint64_t size = std::filesystem::file_size(path, error);
    if (error) {
        throw BundleError(name, "cannot read the file size: " + error.message());
    }
    if (size > format::kMaxFileSize) {
        throw BundleError(name, "the file is " + std::to_string(size) +
                                    " bytes, more than a bundle may be (" +
                                    std::to_string(format::kMaxFileSize) + ")");
    }
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const int cause = errno; // libstdc++ leaves open(2)'s error here
        throw BundleError(name, cause == 0 ? std::string("cannot open the file")
                                           : "cannot open the file: " +
                                                 std::generic_category().message(cause));
    }
    // The header first, so a damaged or foreign file is refused before the rest is read.
    std::array<std::uint8_t, format::kHeaderSize> start{};
    const auto head = std::span(start).first(std::min<std::uint64_t>(size, format::kHeaderSize));
    read_exactly(in, head, name);
    const Header header = parse_header(head, size, name);
    // Not zeroed first: every byte is overwritten by the file or the read fails.
    const auto buffer = std::make_unique_for_overwrite<std::uint8_t[]>(size);
    const std::span bytes(buffer.get(), size);
    std::copy(start.begin(), start.end(), bytes.begin());
    read_exactly(in, bytes.subspan(format::kHeaderSize), name);
    clock.stop(&LoadTimes::read, times);
    return load_checked(bytes, header, name, times);
}

std::uint32_t compiler_version_number() {
    static_assert(SIGHTLINE_VERSION_MAJOR <= 0xFFFF && SIGHTLINE_VERSION_MINOR <= 0xFF &&
                      SIGHTLINE_VERSION_PATCH <= 0xFF,
                  "the project version does not fit major<<16 | minor<<8 | patch");
    return (std::uint32_t{SIGHTLINE_VERSION_MAJOR} << 16) |
           (std::uint32_t{SIGHTLINE_VERSION_MINOR} << 8) | std::uint32_t{SIGHTLINE_VERSION_PATCH};
}

} // namespace sightline::bundle
