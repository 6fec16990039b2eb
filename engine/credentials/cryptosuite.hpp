// The two Data Integrity cryptosuites of W3C "Data Integrity EdDSA Cryptosuites
// v1.0" a Sightline certificate can carry. Both sign, with Ed25519,
//     SHA-256(canonical proof configuration) || SHA-256(canonical document)
// and differ in what "canonical" means:
// - eddsa-rdfc-2022 (issued): JSON-LD expansion against the pinned contexts
//   (contexts.hpp, safe mode), deserialisation to RDF, RDFC-1.0 canonical N-Quads.
//   Every Open Badges 3.0 verifier accepts it.
// - eddsa-jcs-2022 (verified only): RFC 8785 canonical JSON. Certificates issued
//   before eddsa-rdfc-2022 carry it and stay valid in `sightline cert verify`.
#pragma once

#include "credentials/contexts.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sightline::credentials {

enum class Cryptosuite { EddsaRdfc2022, EddsaJcs2022 };

inline constexpr Cryptosuite kIssuingCryptosuite = Cryptosuite::EddsaRdfc2022;

std::string_view cryptosuite_name(Cryptosuite suite);
std::optional<Cryptosuite> parse_cryptosuite(std::string_view name);

// eddsa-rdfc-2022's transformation: the document's canonical N-Quads. Throws
// CredentialError "not valid JSON-LD: ..." (undefined term, unknown context, ...) or
// "cannot canonicalise: ...".
// `contexts` is the pinned store; tests pass another to reproduce W3C test vectors.
std::string canonical_nquads(const nlohmann::json& document,
                             const linkeddata::ContextStore& contexts = pinned_contexts());

// The 64 bytes the proof's signature covers. `proof_config` is the proof without
// proofValue and with the document's @context; `document` is the credential without
// its proof. Throws CredentialError (see canonical_nquads) or JsonError (JCS).
std::array<std::uint8_t, 64>
hash_data(Cryptosuite suite, const nlohmann::json& proof_config, const nlohmann::json& document,
          const linkeddata::ContextStore& contexts = pinned_contexts());

} // namespace sightline::credentials
