// A cereal input archive for untrusted bundles. It reads exactly what
// cereal::PortableBinaryOutputArchive writes with Options::LittleEndian() (one
// endianness byte, then little-endian fixed-width values), but from memory and
// without trusting any number in it: every read and every size tag is checked
// against the bytes that are left, so a hostile size claim fails before
// anything is allocated. Plain cereal would resize() to whatever the file says.
//
// Errors are cereal::Exception whose message ends "at byte N" (a file offset).
// It is already paired with PortableBinaryOutputArchive through the loaders
// below; do not add CEREAL_SETUP_ARCHIVE_TRAITS for it.
#pragma once

#include <cereal/cereal.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <type_traits>

namespace sightline::bundle {

class BoundedInputArchive
    : public cereal::InputArchive<BoundedInputArchive, cereal::AllowEmptyClassElision> {
  public:
    // `payload` is the archive; `base` is where it starts in the file, so that
    // messages name file offsets. Reads and checks the endianness byte.
    explicit BoundedInputArchive(std::span<const std::uint8_t> payload, std::uint64_t base = 0);

    std::uint64_t remaining() const { return bytes_.size() - position_; }
    std::uint64_t offset() const { return base_ + position_; } // of the next byte, in the file

    [[noreturn]] void fail(const std::string& reason) const { fail_at(offset(), reason); }
    [[noreturn]] void fail_at(std::uint64_t file_offset, const std::string& reason) const;

    // The next `count` bytes, in place (they live as long as the payload), or
    // throws without reading anything.
    const std::uint8_t* take(std::uint64_t count) {
        if (count > remaining()) [[unlikely]] {
            fail_short(count);
        }
        const std::uint8_t* at = bytes_.data() + position_;
        position_ += count;
        return at;
    }

    // Refuses the size tag just read: `size` is more than the bytes left.
    [[noreturn]] void fail_size(std::uint64_t size) const;

    // Copies `count` bytes out, or throws without reading anything.
    void read_bytes(void* out, std::uint64_t count) {
        const std::uint8_t* at = take(count);
        if (count != 0) { // `out` may be null for an empty container
            std::memcpy(out, at, count);
        }
    }

    template <class T>
    T read_value() {
        static_assert(std::is_arithmetic_v<T>);
        if constexpr (std::is_same_v<T, bool>) {
            // Any byte but 0 or 1 in a bool is undefined behaviour, so check first.
            const std::uint64_t at = offset();
            const auto raw = read_value<std::uint8_t>();
            if (raw > 1) {
                fail_at(at, "a yes/no value is " + std::to_string(raw) + ", not 0 or 1");
            }
            return raw == 1;
        } else {
            std::array<std::uint8_t, sizeof(T)> raw{};
            read_bytes(raw.data(), raw.size());
            if constexpr (std::endian::native == std::endian::big) {
                std::reverse(raw.begin(), raw.end());
            }
            return std::bit_cast<T>(raw);
        }
    }

  private:
    [[noreturn]] void fail_short(std::uint64_t count) const;

    std::span<const std::uint8_t> bytes_;
    std::size_t position_ = 0;
    std::uint64_t base_ = 0;
};

// The loaders cereal finds by argument-dependent lookup on the archive type.

template <class T>
requires std::is_arithmetic_v<T>
void CEREAL_LOAD_FUNCTION_NAME(BoundedInputArchive& ar, T& value) {
    value = ar.read_value<T>();
}

// Class versions arrive wrapped in a name-value pair; binary formats drop the name.
template <class T>
void CEREAL_LOAD_FUNCTION_NAME(BoundedInputArchive& ar, cereal::NameValuePair<T>& pair) {
    ar(pair.value);
}

// Every element on the wire takes at least one byte (empty classes are the only
// exception, and containers.hpp refuses them), so a count larger than the bytes
// left is a lie and is refused before anything is sized to it.
template <class T>
void CEREAL_LOAD_FUNCTION_NAME(BoundedInputArchive& ar, cereal::SizeTag<T>& tag) {
    static_assert(std::is_same_v<std::remove_cvref_t<T>, std::uint64_t>);
    const auto size = ar.read_value<std::uint64_t>();
    if (size > ar.remaining()) [[unlikely]] {
        ar.fail_size(size);
    }
    tag.size = size;
}

template <class T>
void CEREAL_LOAD_FUNCTION_NAME(BoundedInputArchive& ar, cereal::BinaryData<T>& data) {
    using Element = std::remove_cv_t<std::remove_pointer_t<T>>;
    static_assert(std::is_arithmetic_v<Element> && !std::is_same_v<Element, bool>);
    if (data.size % sizeof(Element) != 0) {
        ar.fail("a block of " + std::to_string(data.size) + " bytes splits a value");
    }
    ar.read_bytes(data.data, data.size);
    if constexpr (std::endian::native == std::endian::big && sizeof(Element) > 1) {
        auto* bytes = static_cast<std::uint8_t*>(data.data);
        for (std::uint64_t i = 0; i < data.size; i += sizeof(Element)) {
            std::reverse(bytes + i, bytes + i + sizeof(Element));
        }
    }
}

} // namespace sightline::bundle
