// libFuzzer target for the bundle reader. The first byte picks a mode:
//   even: the rest is a whole .slpack file (exercises the header checks);
//   odd:  the rest is a payload, framed here with a correct header and
//         checksum so that mutations reach cereal and link().
// BundleError is the only acceptable failure; anything else escapes and is a
// finding. A file that loads is written back in the current layout (an older
// class version, such as the seed corpus's version-1 choices, is upgraded on
// the way), and that spelling must be stable: read and written again, it
// gives the same bytes, since the format has one spelling for each model.
#include "bundle/bundle.hpp"
#include "bundle/format.hpp"

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
    std::vector<std::uint8_t> written;
    try {
        const auto loaded = sightline::bundle::read_bundle(file, "fuzz");
        written = sightline::bundle::write_bundle(loaded.model, kCompilerVersion);
    } catch (const sightline::bundle::BundleError&) {
        return 0; // refused with a message: the only acceptable failure
    }
    try {
        const auto reloaded = sightline::bundle::read_bundle(written, "fuzz (written back)");
        if (sightline::bundle::write_bundle(reloaded.model, kCompilerVersion) != written) {
            std::abort(); // the written file does not read back as the same model
        }
    } catch (const sightline::bundle::BundleError&) {
        std::abort(); // what the writer wrote, the reader refuses
    }
    return 0;
}
