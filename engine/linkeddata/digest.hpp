// The hash functions RDFC-1.0 may be run with, as lower-case hexadecimal digests.
#pragma once

#include <string>
#include <string_view>

namespace sightline::linkeddata {

enum class HashAlgorithm { Sha256, Sha384 };

// The lower-case hexadecimal digest of `data`: 64 characters for SHA-256, 96 for SHA-384.
std::string hex_digest(HashAlgorithm algorithm, std::string_view data);

} // namespace sightline::linkeddata
