#include "runtime/bytes.hpp"

#include "runtime/errors.hpp"

#include <array>

namespace sightline::runtime {

void ByteWriter::put(std::uint64_t v, int n) {
    for (int i = 0; i < n; ++i) {
        out_.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    }
}

void ByteWriter::str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    out_.insert(out_.end(), s.begin(), s.end());
}

std::uint64_t ByteReader::get(int n) {
    if (remaining() < static_cast<std::size_t>(n)) {
        throw SaveError("the save is truncated");
    }
    std::uint64_t v = 0;
    for (int i = 0; i < n; ++i) {
        v |= std::uint64_t{data_[pos_ + static_cast<std::size_t>(i)]} << (8 * i);
    }
    pos_ += static_cast<std::size_t>(n);
    return v;
}

std::string ByteReader::str() {
    const std::uint32_t size = u32();
    if (size > remaining()) {
        throw SaveError("the save is truncated (a text of " + std::to_string(size) +
                        " bytes runs past the end)");
    }
    std::string s(reinterpret_cast<const char*>(data_.data() + pos_), size);
    pos_ += size;
    return s;
}

bool ByteReader::flag() {
    const std::uint8_t v = u8();
    if (v > 1) {
        throw SaveError("the save is corrupt (a yes/no field holds " + std::to_string(v) + ")");
    }
    return v == 1;
}

std::uint32_t ByteReader::count(std::size_t min_element_size) {
    const std::uint32_t n = u32();
    if (n > remaining() / min_element_size) {
        throw SaveError("the save is truncated (it claims " + std::to_string(n) +
                        " entries but is too short for them)");
    }
    return n;
}

namespace {

constexpr std::array<std::uint32_t, 256> make_crc_table() {
    std::array<std::uint32_t, 256> table{};
    for (std::uint32_t i = 0; i < 256; ++i) {
        std::uint32_t c = i;
        for (int k = 0; k < 8; ++k) {
            c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
        table[i] = c;
    }
    return table;
}

constexpr std::array<std::uint32_t, 256> kCrcTable = make_crc_table();

} // namespace

std::uint32_t crc32(std::span<const std::uint8_t> data) {
    std::uint32_t c = 0xFFFFFFFFu;
    for (const std::uint8_t b : data) {
        c = kCrcTable[(c ^ b) & 0xFFu] ^ (c >> 8);
    }
    return c ^ 0xFFFFFFFFu;
}

} // namespace sightline::runtime
