#include "bundle/bundle.hpp"

#include "bundle/archive.hpp"
#include "bundle/format.hpp"
#include "bundle/serialize.hpp"
#include "i18n/i18n.hpp"
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

using i18n::tr;

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
        // TRANSLATORS: {1} the file's size in bytes, {2} the header's (64).
        throw BundleError(
            name, i18n::format(tr("truncated header: the file has {1} bytes and a "
                                  "bundle header alone takes {2}"),
                               {std::to_string(file_size), std::to_string(format::kHeaderSize)}));
    }
    if (!std::equal(format::kMagic.begin(), format::kMagic.end(), start.begin())) {
        throw BundleError(name,
                          tr("not a Sightline bundle (its first bytes are not the .slpack magic)"));
    }
    Header header;
    header.format_version =
        static_cast<std::uint32_t>(get_le(start, format::kFormatVersionOffset, 4));
    if (header.format_version > format::kVersion) {
        // TRANSLATORS: {1} the file's format version, {2} the newest this program reads.
        throw BundleError(name, i18n::format(tr("made by a newer Sightline (format {1}, this "
                                                "reader knows {2})"),
                                             {std::to_string(header.format_version),
                                              std::to_string(format::kVersion)}));
    }
    if (header.format_version != format::kVersion) {
        // TRANSLATORS: {1} a format version, {2} where it is in the file.
        throw BundleError(name, i18n::format(tr("unknown format version {1} at byte {2}"),
                                             {std::to_string(header.format_version),
                                              std::to_string(format::kFormatVersionOffset)}));
    }
    header.compiler_version =
        static_cast<std::uint32_t>(get_le(start, format::kCompilerVersionOffset, 4));
    header.payload_length = get_le(start, format::kPayloadLengthOffset, 8);
    const std::uint64_t present = file_size - format::kHeaderSize;
    if (header.payload_length != present) {
        // TRANSLATORS: {1} the length the header gives, {2} what the file has, in bytes.
        throw BundleError(
            name, i18n::format(tr("payload length says {1} bytes but the file "
                                  "has {2}"),
                               {std::to_string(header.payload_length), std::to_string(present)}));
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
            // TRANSLATORS: {1} a number of bytes (many), {2} where they start.
            throw BundleError(name, i18n::format(tr("{1} unexpected bytes after the content at "
                                                    "byte {2}"),
                                                 {std::to_string(archive.remaining()),
                                                  std::to_string(archive.offset())}));
        }
    } catch (const cereal::Exception& error) {
        throw BundleError(name, error.what());
    } catch (const std::bad_alloc&) {
        throw BundleError(name, tr("not enough memory to load the content"));
    } catch (const std::length_error& error) {
        // TRANSLATORS: {1} the technical reason, in English.
        throw BundleError(name, i18n::format(tr("impossible size: {1}"), {error.what()}));
    }
    return content;
}

void link_or_throw(model::Bundle& content, std::string_view name) {
    model::LinkResult linked;
    try {
        linked = model::link(content);
    } catch (const std::bad_alloc&) {
        // A model too large for this machine's memory is refused, not a crash.
        throw BundleError(name, tr("not enough memory to check the content"));
    }
    if (linked.ok()) {
        return;
    }
    // TRANSLATORS: {1} the first problem found, in English; in the second, {2} how many
    // more there are.
    throw BundleError(
        name, linked.total > 1
                  ? i18n::format(tr("invalid content: {1} (and {2} more)"),
                                 {linked.problems.front(), std::to_string(linked.total - 1)})
                  : i18n::format(tr("invalid content: {1}"), {linked.problems.front()}));
}

// The translations are looked up by binary search (model::in_language), so a
// bundle whose languages or keys are out of order, repeated or empty is refused
// rather than played with text silently missing.
void check_translations(const model::Bundle& content, std::string_view name) {
    for (std::size_t i = 0; i < content.translations.size(); ++i) {
        const model::Translation& t = content.translations[i];
        if (t.language.empty() || t.language == "en") {
            // TRANSLATORS: {1} a language tag as the file gives it (may be empty).
            throw BundleError(name, i18n::format(tr("invalid content: a translation's language "
                                                    "is '{1}', not a language other than English"),
                                                 {t.language}));
        }
        if (i > 0 && !(content.translations[i - 1].language < t.language)) {
            // TRANSLATORS: {1} a language tag (es).
            throw BundleError(name, i18n::format(tr("invalid content: translation '{1}' is out "
                                                    "of order or given twice"),
                                                 {t.language}));
        }
        for (std::size_t k = 1; k < t.texts.size(); ++k) {
            if (!(t.texts[k - 1].key < t.texts[k].key)) {
                // TRANSLATORS: {1} a language tag (es), {2} a text's key.
                throw BundleError(name, i18n::format(tr("invalid content: translation '{1}' has "
                                                        "key '{2}' out of order or twice"),
                                                     {t.language, t.texts[k].key}));
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
        throw BundleError(name, tr("checksum mismatch: the file is damaged"));
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
        // TRANSLATORS: {1} bytes read, {2} bytes wanted.
        throw BundleError(name,
                          i18n::format(tr("read failed after {1} of {2} bytes"),
                                       {std::to_string(in.gcount()), std::to_string(out.size())}));
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
        // TRANSLATORS: {1} the system's reason.
        throw BundleError(name, i18n::format(tr("cannot read the file: {1}"), {error.message()}));
    }
    if (!std::filesystem::is_regular_file(status)) {
        throw BundleError(name, tr("not a regular file"));
    }
    const std::uint64_t size = std::filesystem::file_size(path, error);
    if (error) {
        // TRANSLATORS: {1} the system's reason.
        throw BundleError(name,
                          i18n::format(tr("cannot read the file size: {1}"), {error.message()}));
    }
    if (size > format::kMaxFileSize) {
        // TRANSLATORS: {1} the file's size, {2} the largest a bundle may be, in bytes.
        throw BundleError(
            name, i18n::format(tr("the file is {1} bytes, more than a bundle may "
                                  "be ({2})"),
                               {std::to_string(size), std::to_string(format::kMaxFileSize)}));
    }
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const int cause = errno; // libstdc++ leaves open(2)'s error here
        // TRANSLATORS: {1} the system's reason.
        throw BundleError(name, cause == 0
                                    ? std::string(tr("cannot open the file"))
                                    : i18n::format(tr("cannot open the file: {1}"),
                                                   {std::generic_category().message(cause)}));
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
