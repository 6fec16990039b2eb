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

void BoundedInputArchive::read_bytes(void* out, std::uint64_t count) {
    if (count > remaining()) {
        fail("the content needs " + std::to_string(count) + " more bytes but only " +
             std::to_string(remaining()) + " are left");
    }
    if (count == 0) {
        return; // `out` may be null for an empty container
    }
    std::memcpy(out, bytes_.data() + position_, count);
    position_ += count;
}

} // namespace sightline::bundle
