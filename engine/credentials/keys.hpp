// Ed25519 keys and the encodings credentials use for them: base58btc,
// multibase ("z" + base58btc), Multikey (0xed01 + public key, 0x8026 + seed)
// and did:key. SHA-256 and Ed25519 come from libsodium.
#pragma once

#include "credentials/error.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::credentials {

using PublicKey = std::array<std::uint8_t, 32>;
using Signature = std::array<std::uint8_t, 64>;
using Digest = std::array<std::uint8_t, 32>;

// An Ed25519 key pair. The secret half is wiped when the object is destroyed.
class KeyPair {
  public:
    static KeyPair generate();
    // From the 32-byte seed (what the key file keeps).
    static KeyPair from_seed(std::span<const std::uint8_t, 32> seed);
    ~KeyPair();
    KeyPair(const KeyPair&);
    KeyPair& operator=(const KeyPair&);

    const PublicKey& public_key() const { return public_; }
    Signature sign(std::span<const std::uint8_t> message) const;
    // Multikey secretKeyMultibase: "z" + base58btc(0x80 0x26 + seed).
    std::string secret_multibase() const;

  private:
    KeyPair() = default;
    PublicKey public_{};
    std::array<std::uint8_t, 64> secret_{}; // libsodium's seed + public key
};

bool verify_signature(const PublicKey& key, std::span<const std::uint8_t> message,
                      const Signature& signature);

Digest sha256(std::span<const std::uint8_t> bytes);
Digest sha256(std::string_view text);

std::string base58btc_encode(std::span<const std::uint8_t> bytes);
// nullopt for a character outside the alphabet or input longer than max_chars.
std::optional<std::vector<std::uint8_t>> base58btc_decode(std::string_view text,
                                                          std::size_t max_chars = 256);

std::string to_hex(std::span<const std::uint8_t> bytes);

// Multikey publicKeyMultibase: "z6Mk..." (base58btc of 0xed 0x01 + key).
std::string public_multibase(const PublicKey& key);
// "did:key:z6Mk...": the key as a self-describing identifier.
std::string did_key(const PublicKey& key);

// Reads a public key written as publicKeyMultibase ("z6Mk..."), did:key
// ("did:key:z6Mk...", a "#fragment" allowed) or 64 hex digits. nullopt otherwise.
std::optional<PublicKey> parse_public_key(std::string_view text);

// Reads a Multikey secretKeyMultibase ("z3u2..."); nullopt when it is not one.
std::optional<KeyPair> parse_secret_multibase(std::string_view text);

// SHA-256 of the 32 raw key bytes, as 16 groups of 4 upper-case hex digits.
std::string fingerprint(const PublicKey& key);

} // namespace sightline::credentials
