// The training provider's identity: who issues certificates (organisation,
// approval number, contact, signatory) and the Ed25519 key that signs them.
//
// Kept in <config-dir>/provider/ (0700):
//   provider.json  the details and the public key (publicKeyMultibase)
//   signing-key    the secret key as a Multikey secretKeyMultibase ("z3u2...",
//                  base58btc of 0x80 0x26 + the 32-byte Ed25519 seed), 0600
#pragma once

#include "credentials/error.hpp"
#include "credentials/keys.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace sightline::credentials {

struct ProviderInfo {
    std::string organisation; // the approved organisation, as the certificate names it
    std::string approval;     // provider or approval number; may be empty
    std::string contact;      // email, phone or address for verifiers
    std::string signatory;    // the authorised signatory's name
    std::string title;        // and their title

    friend bool operator==(const ProviderInfo&, const ProviderInfo&) = default;
};

struct Provider {
    ProviderInfo info;
    PublicKey public_key{};
    std::string created;        // when the key was made (ISO 8601, UTC)
    std::optional<KeyPair> key; // the signing key, when loaded with it

    // "did:key:z6Mk...": the issuer id of every credential this provider signs.
    std::string did() const { return did_key(public_key); }
    // did() + "#" + the multibase key: the proof's verificationMethod.
    std::string verification_method() const;
};

std::filesystem::path provider_dir(const std::filesystem::path& config_dir);

// Creates a new key pair and writes both files. Refuses (CredentialError) when
// a provider already exists there, unless `force`; refuses an empty
// organisation or signatory. `created_ms`: milliseconds since the epoch.
Provider init_provider(const std::filesystem::path& config_dir, const ProviderInfo& info,
                       bool force, std::int64_t created_ms);

// Reads provider.json, and the signing key too when `with_signing_key` (which
// must be owner-only and match provider.json's public key). Throws
// CredentialError naming the file and the reason; "no provider configured"
// (with the command that makes one) when there is none.
Provider load_provider(const std::filesystem::path& config_dir, bool with_signing_key);

} // namespace sightline::credentials
