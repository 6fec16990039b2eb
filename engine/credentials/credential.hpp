// The certificate as a verifiable credential: an Open Badges 3.0
// OpenBadgeCredential in the W3C VC 2.0 shape, with a Data Integrity proof of
// cryptosuite eddsa-rdfc-2022 (cryptosuite.hpp; certificates signed before it
// with eddsa-jcs-2022 still verify).
//
// The issuer is the provider's did:key and the proof's verificationMethod is
// did:key:z6Mk...#z6Mk..., so a credential names the key that signed it and
// verifies offline. Whether that key is the provider's is a separate question:
// `verify_credential_text(..., expected_key)` pins it (sightline cert verify --key).
//
// Every member is a term of the pinned contexts (contexts.hpp): verification
// expands the credential in JSON-LD safe mode, so an undefined term is refused.
#pragma once

#include "credentials/cryptosuite.hpp"
#include "credentials/error.hpp"
#include "credentials/keys.hpp"
#include "credentials/provider.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::credentials {

// Where a certificate's revocation status is published (status_list.hpp).
struct StatusEntry {
    std::string list_url; // the BitstringStatusListCredential's id
    std::int64_t index = 0;

    friend bool operator==(const StatusEntry&, const StatusEntry&) = default;
};

// Everything a certificate states. build_credential() writes it into the
// credential and facts_from_credential() reads it back, so a reprint shows
// exactly what was signed.
struct CertificateFacts {
    std::string certificate_id;    // a UUID; the credential id is urn:uuid:<it>
    std::string verification_code; // "ABCD-EFGH": on the PDF and in the records, not signed
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
    // The language the course was completed in (a BCP 47 tag): the
    // achievement's inLanguage. The course's title, description and topics
    // are in it. Credentials from before it was recorded read as "en".
    std::string language = "en";
    double credit_hours = 0; // rounded to 2 decimals
    std::string criteria;    // the completion rules, in words
    // The compliance rules the course is designed to meet (Course::meets), one
    // line each: "<title> (<citation>)". Signed in the criteria narrative.
    std::vector<std::string> rules;
    std::optional<int> score_percent;

    std::string attestation_statement;
    std::string attestation_time; // timestamp

    std::string issuer_id; // the provider's did:key or did:web
    ProviderInfo provider;
    std::optional<StatusEntry> status; // its credentialStatus, when it can be revoked

    // The proof's cryptosuite: what sign_credential uses, and what the PDF's footer names.
    std::string cryptosuite = std::string(cryptosuite_name(kIssuingCryptosuite));

    friend bool operator==(const CertificateFacts&, const CertificateFacts&) = default;
};

// The unsigned credential. Throws CredentialError for text that is not UTF-8.
nlohmann::ordered_json build_credential(const CertificateFacts& facts);

// Adds the proof: {type DataIntegrityProof, cryptosuite, created,
// verificationMethod, proofPurpose assertionMethod, proofValue}, where
// proofValue = "z" + base58btc(Ed25519(hash_data(suite, proof options with the
// document's @context, document without proof))). Only tests sign with
// eddsa-jcs-2022 (to reproduce its W3C test vector).
nlohmann::ordered_json sign_credential(nlohmann::ordered_json credential, const KeyPair& key,
                                       std::string_view verification_method,
                                       std::string_view created,
                                       Cryptosuite suite = kIssuingCryptosuite);

// The credential as stored and written to files: indented JSON, UTF-8.
std::string credential_text(const nlohmann::ordered_json& credential);

struct Verification {
    bool valid = false;
    std::string reason; // why not, when invalid: one line
    // When valid:
    PublicKey signer{};
    std::string credential_id;
    std::string issuer_name;
    std::string digest;      // SHA-256 hex of the canonical signed credential
    std::string cryptosuite; // the proof's, "eddsa-rdfc-2022" or "eddsa-jcs-2022"
};

// Checks the shape and the proof. With `expected_key`, the credential must be
// signed by that key ("wrong key" otherwise); without it, by the did:key its
// verificationMethod names, which must be the issuer's. Never throws for bad
// input: every problem is a reason ("malformed JSON at byte N ...",
// "duplicate key ...", "missing field proof.proofValue", "not valid JSON-LD:
// undefined term ...", "bad signature ...").
Verification verify_credential_text(std::string_view text,
                                    const std::optional<PublicKey>& expected_key = std::nullopt);
Verification verify_credential(const nlohmann::json& credential,
                               const std::optional<PublicKey>& expected_key = std::nullopt);

// Reads the facts back from a credential built by build_credential. Throws
// CredentialError "missing field credentialSubject.achievement.name" etc.
CertificateFacts facts_from_credential(const nlohmann::json& credential);

// SHA-256 (hex) of the canonical form of the whole signed credential.
std::string credential_digest(const nlohmann::json& credential);

// What the certificate's QR code carries: the provider's verification page for
// this code when there is one (ProviderLinks::verify_url), else the code itself.
std::string qr_payload(std::string_view verify_url, std::string_view verification_code);

} // namespace sightline::credentials
