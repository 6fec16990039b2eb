// The certificate as a verifiable credential: an Open Badges 3.0
// OpenBadgeCredential in the W3C VC 2.0 shape, with a Data Integrity proof of
// cryptosuite eddsa-jcs-2022 (RFC 8785 canonical JSON, SHA-256, Ed25519).
//
// The issuer is the provider's did:key and the proof's verificationMethod is
// did:key:z6Mk...#z6Mk..., so a credential names the key that signed it and
// verifies offline. Whether that key is the provider's is a separate question:
// `verify_credential_text(..., expected_key)` pins it (sightline cert verify --key).
//
// Fields beyond OB 3.0 (all resolved by the VC 2.0 context's @vocab):
// verificationCode; issuer.approvalNumber, contact, signatory;
// credentialSubject.profession, licenseState, attestation;
// achievement.topics, approval.
#pragma once

#include "credentials/error.hpp"
#include "credentials/keys.hpp"
#include "credentials/provider.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::credentials {

inline constexpr std::string_view kVcContext = "https://www.w3.org/ns/credentials/v2";
inline constexpr std::string_view kObContext =
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
inline constexpr std::string_view kCryptosuite = "eddsa-jcs-2022";

// Everything a certificate states. build_credential() writes it into the
// credential and facts_from_credential() reads it back, so a reprint shows
// exactly what was signed.
struct CertificateFacts {
    std::string certificate_id;    // a UUID; the credential id is urn:uuid:<it>
    std::string verification_code; // "ABCD-EFGH"
    std::string issued;            // timestamp (timestamps.hpp): validFrom, awardedDate
    std::string completed;         // timestamp: when the last completion rule was met

    std::string learner_name;
    std::string profession;
    std::string licence_number;
    std::string licence_state;

    std::string course_id;
    std::string course_title;
    std::string course_description;
    std::vector<std::string> topics;
    std::string course_approval; // the course's approval statement
    std::string course_version;  // the bundle's content hash; may be empty
    double credit_hours = 0;     // rounded to 2 decimals
    std::string criteria;        // the completion rules, in words
    std::optional<int> score_percent;

    std::string attestation_statement;
    std::string attestation_time; // timestamp

    std::string issuer_id; // the provider's did:key
    ProviderInfo provider;

    friend bool operator==(const CertificateFacts&, const CertificateFacts&) = default;
};

// The unsigned credential. Throws CredentialError for text that is not UTF-8.
nlohmann::ordered_json build_credential(const CertificateFacts& facts);

// Adds the proof: {type DataIntegrityProof, cryptosuite eddsa-jcs-2022,
// created, verificationMethod, proofPurpose assertionMethod, proofValue}, where
// proofValue = "z" + base58btc(Ed25519(SHA-256(JCS(proof options with the
// document's @context)) || SHA-256(JCS(document without proof)))).
nlohmann::ordered_json sign_credential(nlohmann::ordered_json credential, const KeyPair& key,
                                       std::string_view verification_method,
                                       std::string_view created);

// The credential as stored and written to files: indented JSON, UTF-8.
std::string credential_text(const nlohmann::ordered_json& credential);

struct Verification {
    bool valid = false;
    std::string reason; // why not, when invalid: one line
    // When valid:
    PublicKey signer{};
    std::string credential_id;
    std::string issuer_name;
    std::string digest; // SHA-256 hex of the canonical signed credential
};

// Checks the shape and the proof. With `expected_key`, the credential must be
// signed by that key ("wrong key" otherwise); without it, by the did:key its
// verificationMethod names, which must be the issuer's. Never throws for bad
// input: every problem is a reason ("malformed JSON at byte N ...",
// "duplicate key ...", "missing field proof.proofValue", "bad signature ...").
Verification verify_credential_text(std::string_view text,
                                    const std::optional<PublicKey>& expected_key = std::nullopt);
Verification verify_credential(const nlohmann::json& credential,
                               const std::optional<PublicKey>& expected_key = std::nullopt);

// Reads the facts back from a credential built by build_credential. Throws
// CredentialError "missing field credentialSubject.achievement.name" etc.
CertificateFacts facts_from_credential(const nlohmann::json& credential);

// SHA-256 (hex) of the canonical form of the whole signed credential.
std::string credential_digest(const nlohmann::json& credential);

// What the certificate's QR code carries: "urn:uuid:<id> sha256:<digest>".
std::string qr_payload(std::string_view certificate_id, std::string_view digest);

} // namespace sightline::credentials
