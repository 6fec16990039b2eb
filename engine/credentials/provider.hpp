// The training provider's identity: who issues certificates (organisation,
// approval number, contact, signatory) and the Ed25519 key that signs them.
//
// Kept in <config-dir>/provider/ (0700):
//   provider.json  the details and the public key (publicKeyMultibase)
//   did.json       for a did:web provider, the DID document to publish
//   signing-key    the secret key as a Multikey secretKeyMultibase ("z3u2...",
//                  base58btc of 0x80 0x26 + the 32-byte Ed25519 seed), 0600
#pragma once

#include "credentials/error.hpp"
#include "credentials/keys.hpp"

#include <nlohmann/json.hpp>

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

// Where the provider publishes what verifiers look up; each may be empty.
struct ProviderLinks {
    // "training.example.org": the issuer is did:web:<it> instead of the key's
    // did:key, and <it>/.well-known/did.json (did_document()) names the key.
    std::string did_web_domain;
    // Where the signed status list is published (status_list.hpp); certificates
    // issued while it is set can be revoked.
    std::string status_list_url;
    // The provider's verification page; the PDF's QR code opens it with the
    // certificate's code ("{code}" in it is replaced, else "?code=" is added).
    std::string verify_url;

    friend bool operator==(const ProviderLinks&, const ProviderLinks&) = default;
};

struct Provider {
    ProviderInfo info;
    ProviderLinks links;
    PublicKey public_key{};
    std::string created;        // when the key was made (ISO 8601, UTC)
    std::optional<KeyPair> key; // the signing key, when loaded with it

    // The issuer id of every credential this provider signs: "did:key:z6Mk...",
    // or "did:web:<domain>" when the provider has a domain.
    std::string did() const;
    // did() + "#" + the multibase key: the proof's verificationMethod.
    std::string verification_method() const;
};

std::filesystem::path provider_dir(const std::filesystem::path& config_dir);

// Creates a new key pair and writes both files (and did.json, to publish, for a
// did:web provider). Refuses (CredentialError) when a provider already exists
// there, unless `force`; refuses an empty organisation or signatory, a domain
// that is not a host name and a URL that is not https:// (http://localhost is
// allowed for testing). `created_ms`: milliseconds since the epoch.
Provider init_provider(const std::filesystem::path& config_dir, const ProviderInfo& info,
                       const ProviderLinks& links, bool force, std::int64_t created_ms);
// A did:key provider with no status list or verification page.
inline Provider init_provider(const std::filesystem::path& config_dir, const ProviderInfo& info,
                              bool force, std::int64_t created_ms) {
    return init_provider(config_dir, info, ProviderLinks{}, force, created_ms);
}

// The DID document to publish at https://<domain>/.well-known/did.json for a
// did:web provider: the key as a Multikey, for assertionMethod.
nlohmann::ordered_json did_document(const Provider& provider);

// The public key a DID document (its text) gives for `verification_method`
// ("did:web:...#z6Mk..."). Throws CredentialError when the document is not
// the issuer's or does not list that key for assertionMethod.
PublicKey key_from_did_document(std::string_view text, std::string_view issuer_did,
                                std::string_view verification_method);

// Reads provider.json, and the signing key too when `with_signing_key` (which
// must be owner-only and match provider.json's public key). Throws
// CredentialError naming the file and the reason; "no provider configured"
// (with the command that makes one) when there is none.
Provider load_provider(const std::filesystem::path& config_dir, bool with_signing_key);

} // namespace sightline::credentials
