// The layout of a .slpack file. Everything the reader checks before cereal sees
// a byte lives in this fixed 64-byte header; the payload after it is a cereal
// portable-binary archive of model::Bundle (see serialize.hpp).
//
//  offset  size  field             meaning
//  ------  ----  ----------------  ------------------------------------------------
//       0     8  magic             89 53 4C 50 41 43 4B 1A ("\x89SLPACK\x1a"). The
//                                  high byte catches 7-bit transfers, 0x1A stops
//                                  DOS `type`, and a text-mode copy that mangles
//                                  bytes breaks the magic before anything else.
//       8     4  format_version    layout of header + payload; this reader knows 1.
//                                  A newer number is rejected, never guessed at.
//      12     4  compiler_version  the sightc that wrote the file, major<<16 |
//                                  minor<<8 | patch. Informational only.
//      16     8  payload_length    bytes after the header; the file must be exactly
//                                  64 + payload_length bytes long.
//      24    32  sha256            SHA-256 of the payload. Catches damage, not
//                                  tampering: anyone can recompute it.
//      56     8  reserved          written as zero, ignored when read, so a later
//                                  version can store optional hints here.
//      64     -  payload           cereal PortableBinary, forced little-endian: one
//                                  endianness byte (1), then the versioned model.
//
// All integers are little-endian. The checksum does not cover the header, so a
// flipped compiler_version or reserved byte still loads; every other header
// byte is checked.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace sightline::bundle::format {

inline constexpr std::array<std::uint8_t, 8> kMagic = {0x89, 'S', 'L', 'P', 'A', 'C', 'K', 0x1A};
inline constexpr std::uint32_t kVersion = 1;

inline constexpr std::size_t kMagicOffset = 0;
inline constexpr std::size_t kFormatVersionOffset = 8;
inline constexpr std::size_t kCompilerVersionOffset = 12;
inline constexpr std::size_t kPayloadLengthOffset = 16;
inline constexpr std::size_t kSha256Offset = 24;
inline constexpr std::size_t kReservedOffset = 56;
inline constexpr std::size_t kHeaderSize = 64;

inline constexpr std::size_t kSha256Size = 32;
inline constexpr std::size_t kReservedSize = 8;

// The payload's first byte, as PortableBinaryOutputArchive writes it for little-endian.
inline constexpr std::uint8_t kLittleEndianFlag = 1;

// read_bundle_file refuses anything larger before reading it; real bundles are
// a few megabytes at most.
inline constexpr std::uint64_t kMaxFileSize = 512ull * 1024 * 1024;

static_assert(kReservedOffset + kReservedSize == kHeaderSize);
static_assert(kSha256Offset + kSha256Size == kReservedOffset);

} // namespace sightline::bundle::format
