// Revocation as W3C Bitstring Status List v1.0 describes it. A certificate
// issued while the provider has a status list URL carries a
// BitstringStatusListEntry: the list's URL and the certificate's index in it.
// The provider publishes, at that URL, a signed BitstringStatusListCredential
// whose encodedList is the bitstring (bit N set: the certificate with index N is
// revoked), GZIP-compressed and multibase base64url-encoded ("u...").
//
// Indices are drawn at random from a 131,072-bit list (16 KB, the
// specification's minimum), so a list tells nothing about how many
// certificates were issued or in what order.
#pragma once

#include "credentials/credential.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::credentials {

inline constexpr std::int64_t kStatusListBits = 131072;
// The largest list a verifier decompresses (hostile input: a GZIP bomb).
inline constexpr std::size_t kMaxStatusListBytes = 1 << 20;

// {"id": "<url>#<index>", "type": "BitstringStatusListEntry", "statusPurpose":
// "revocation", "statusListIndex": "<index>", "statusListCredential": "<url>"}
nlohmann::ordered_json status_entry_json(const StatusEntry& entry);

// The credential's revocation entry; nullopt when it has none. Throws
// CredentialError when credentialStatus is there but malformed.
std::optional<StatusEntry> status_entry_of(const nlohmann::json& credential);

// A random index of the list that `used` says is free. Throws CredentialError
// when the list is (nearly) full.
std::int64_t pick_status_index(const std::function<bool(std::int64_t)>& used);

// "u" + base64url(gzip(bitstring of kStatusListBits with `revoked` set)).
// Throws CredentialError for an index outside the list.
std::string encode_status_list(std::span<const std::int64_t> revoked);

// The bitstring of an encodedList. Throws CredentialError naming what is wrong
// (not multibase base64url, not GZIP, larger than kMaxStatusListBytes).
std::vector<std::uint8_t> decode_status_list(std::string_view encoded);

// Bit `index` of a bitstring; index 0 is the first byte's most significant bit.
bool status_bit(std::span<const std::uint8_t> bits, std::int64_t index);

// The unsigned BitstringStatusListCredential of the list at `url`, issued by
// `issuer_id` at `valid_from` (a timestamp), with the `revoked` indices set.
nlohmann::ordered_json build_status_list_credential(std::string_view url,
                                                    std::string_view issuer_id,
                                                    std::string_view valid_from,
                                                    std::span<const std::int64_t> revoked);

struct StatusCheck {
    bool revoked = false;
    StatusEntry entry;
    std::string list_issued; // the list's validFrom: how fresh the answer is
};

// Checks the credential's revocation status against a status list credential
// (its text, as published): the list must verify, be signed by `signer` (the
// key that signed the credential), be the list the credential points to and
// hold its index. Throws CredentialError with the reason otherwise.
StatusCheck check_status(const nlohmann::json& credential, const PublicKey& signer,
                         std::string_view status_list_text);

} // namespace sightline::credentials
