// libFuzzer target for the bundle reader. The first byte picks a mode:
//   even: the rest is a whole .slpack file (exercises the header checks);
//   odd:  the rest is a payload, framed here with a correct header and
//         checksum so that mutations reach cereal and link().
// BundleError is the only acceptable failure; anything else escapes and is a
// finding. A file that loads must also write back byte for byte (bar the
// reserved header bytes), since the format has one spelling for each model.
#include "bundle/bundle.hpp"
#include "bundle/format.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <vector>

constexpr std::uint32_t kCompilerVersion = 0x00010203;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    const std::span<const std::uint8_t> rest(data + 1, size - 1);
    const bool framed = (data[0] & 1) != 0;
    const std::vector<std::uint8_t> file =
        framed ? sightline::bundle::frame_payload(rest, kCompilerVersion)
               : std::vector<std::uint8_t>(rest.begin(), rest.end());
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
