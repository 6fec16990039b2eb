// libFuzzer target for the bundle reader. The first byte picks a mode:
//   even: the rest is a whole .slpack file (exercises the header checks);
//   odd:  the rest is a payload, framed here with a correct header and
//         checksum so that mutations reach cereal and link().
// BundleError is the only acceptable failure; anything else escapes and is a
// finding. A file that loads must also write back byte for byte (bar the
// reserved header bytes), since the format has one spelling for each model.
#include "bundle/bundle.hpp"
#include "bundle/format.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <vector>

namespace {

constexpr std::uint32_t kCompilerVersion = 0x00010203;

void put_le(std::vector<std::uint8_t>& out, std::uint64_t value, std::size_t size) {
    for (std::size_t i = 0; i < size; ++i) {
        out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
    }
}

std::vector<std::uint8_t> frame(std::span<const std::uint8_t> payload) {
    namespace format = sightline::bundle::format;
    std::vector<std::uint8_t> file(format::kMagic.begin(), format::kMagic.end());
    put_le(file, format::kVersion, 4);
    put_le(file, kCompilerVersion, 4);
    put_le(file, payload.size(), 8);
    file.resize(format::kHeaderSize + payload.size(), 0);
    crypto_hash_sha256(file.data() + format::kSha256Offset, payload.data(), payload.size());
    std::copy(payload.begin(), payload.end(), file.begin() + format::kHeaderSize);
    return file;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    const std::span<const std::uint8_t> rest(data + 1, size - 1);
    const bool framed = (data[0] & 1) != 0;
    const std::vector<std::uint8_t> file =
        framed ? frame(rest) : std::vector<std::uint8_t>(rest.begin(), rest.end());
    try {
        const auto loaded = sightline::bundle::read_bundle(file, "fuzz");
        // Only the reserved header bytes may differ: the reader ignores them.
        auto expected = file;
        std::fill_n(expected.begin() + sightline::bundle::format::kReservedOffset,
                    sightline::bundle::format::kReservedSize, 0);
        const auto again =
            sightline::bundle::write_bundle(loaded.model, loaded.header.compiler_version);
        if (again != expected) {
            std::abort(); // loaded, but not what the bytes said
        }
    } catch (const sightline::bundle::BundleError&) {
    }
    return 0;
}
