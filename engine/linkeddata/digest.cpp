#include "linkeddata/digest.hpp"

#include <sodium.h>

#include <array>
#include <openssl/evp.h>
#include <stdexcept>

namespace sightline::linkeddata {
namespace {

std::string to_hex(const unsigned char* bytes, std::size_t size) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex(size * 2, '0');
    for (std::size_t i = 0; i < size; ++i) {
        hex[2 * i] = kDigits[bytes[i] >> 4];
        hex[2 * i + 1] = kDigits[bytes[i] & 0x0f];
    }
    return hex;
}

// libsodium has no SHA-384, so that one comes from libcrypto.
std::string sha384_hex(std::string_view data) {
    std::array<unsigned char, 48> digest{};
    unsigned int size = 0;
    if (EVP_Digest(data.data(), data.size(), digest.data(), &size, EVP_sha384(), nullptr) != 1 ||
        size != digest.size()) {
        throw std::runtime_error("SHA-384 is not available from libcrypto");
    }
    return to_hex(digest.data(), digest.size());
}

} // namespace

std::string hex_digest(HashAlgorithm algorithm, std::string_view data) {
    if (algorithm == HashAlgorithm::Sha384) {
        return sha384_hex(data);
    }
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(data.data()),
                       data.size());
    return to_hex(digest.data(), digest.size());
}

} // namespace sightline::linkeddata
