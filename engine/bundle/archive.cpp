#include "bundle/archive.hpp"

#include "bundle/format.hpp"

namespace sightline::bundle {

BoundedInputArchive::BoundedInputArchive(std::span<const std::uint8_t> payload, std::uint64_t base)
    : cereal::InputArchive<BoundedInputArchive, cereal::AllowEmptyClassElision>(this),
      bytes_(payload), base_(base) {
    // The writer forces little-endian, so anything else is damage, not a big-endian writer.
    const auto flag = read_value<std::uint8_t>();
    if (flag != format::kLittleEndianFlag) {
        fail_at(base, "the payload's byte-order flag is " + std::to_string(flag) + ", not " +
                          std::to_string(format::kLittleEndianFlag) + " (little-endian)");
    }
}

void BoundedInputArchive::fail_at(std::uint64_t file_offset, const std::string& reason) const {
    throw cereal::Exception(reason + " at byte " + std::to_string(file_offset));
}

void BoundedInputArchive::fail_size(std::uint64_t size) const {
    fail_at(offset() - sizeof(std::uint64_t), "a size of " + std::to_string(size) +
                                                  " is more than the " +
                                                  std::to_string(remaining()) + " bytes left");
}

void BoundedInputArchive::fail_short(std::uint64_t count) const {
    fail("the content needs " + std::to_string(count) + " more bytes but only " +
         std::to_string(remaining()) + " are left");
}

} // namespace sightline::bundle
