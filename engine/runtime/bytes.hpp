// Little-endian byte writing and bounds-checked reading for the save blob. The
// reader never trusts a length or count: each is checked against the bytes that
// remain before anything is allocated.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::runtime {

class ByteWriter {
  public:
    void u8(std::uint8_t v) { out_.push_back(v); }
    void u16(std::uint16_t v) { put(v, 2); }
    void u32(std::uint32_t v) { put(v, 4); }
    void u64(std::uint64_t v) { put(v, 8); }
    void i64(std::int64_t v) { put(static_cast<std::uint64_t>(v), 8); }
    void str(std::string_view s);
    void bytes(std::span<const std::uint8_t> b) { out_.insert(out_.end(), b.begin(), b.end()); }
    std::vector<std::uint8_t>& data() { return out_; }

  private:
    void put(std::uint64_t v, int n);
    std::vector<std::uint8_t> out_;
};

// Every read throws SaveError("... truncated ...") instead of reading past the end.
class ByteReader {
  public:
    explicit ByteReader(std::span<const std::uint8_t> data) : data_(data) {}
    std::uint8_t u8() { return static_cast<std::uint8_t>(get(1)); }
    std::uint16_t u16() { return static_cast<std::uint16_t>(get(2)); }
    std::uint32_t u32() { return static_cast<std::uint32_t>(get(4)); }
    std::uint64_t u64() { return get(8); }
    std::int64_t i64() { return static_cast<std::int64_t>(get(8)); }
    std::string str();
    bool flag(); // a u8 that must be 0 or 1
    // A u32 element count, rejected when `count * min_element_size` exceeds
    // what is left, so a forged count cannot make us reserve gigabytes.
    std::uint32_t count(std::size_t min_element_size);
    std::size_t remaining() const { return data_.size() - pos_; }

  private:
    std::uint64_t get(int n);
    std::span<const std::uint8_t> data_;
    std::size_t pos_ = 0;
};

// CRC-32 (IEEE 802.3), to catch damaged files; not a defence against forgery.
std::uint32_t crc32(std::span<const std::uint8_t> data);

} // namespace sightline::runtime
