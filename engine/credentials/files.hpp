// Reading the small files credentials work with (credentials, provider
// configuration, keys) without trusting their size.
#pragma once

#include "credentials/error.hpp"

#include <cstddef>
#include <filesystem>
#include <string>

namespace sightline::credentials {

// The largest credential file `cert verify` reads; ours are a few kilobytes.
inline constexpr std::size_t kMaxCredentialBytes = 1024 * 1024;

// Reads `path` whole, refusing one larger than `max_bytes` before reading it
// (and, for a file whose size cannot be known, after max_bytes + 1). Throws
// CredentialError "<path>: <reason>".
std::string read_file_limited(const std::filesystem::path& path, std::size_t max_bytes);

} // namespace sightline::credentials
