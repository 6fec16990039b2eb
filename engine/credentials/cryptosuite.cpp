#include "credentials/cryptosuite.hpp"

#include "credentials/contexts.hpp"
#include "credentials/jcs.hpp"
#include "credentials/keys.hpp"
#include "linkeddata/jsonld.hpp"
#include "linkeddata/rdfc10.hpp"

#include <algorithm>

namespace sightline::credentials {

std::string_view cryptosuite_name(Cryptosuite suite) {
    switch (suite) {
    case Cryptosuite::EddsaRdfc2022:
        return "eddsa-rdfc-2022";
    case Cryptosuite::EddsaJcs2022:
        return "eddsa-jcs-2022";
    }
    return "eddsa-rdfc-2022";
}

std::optional<Cryptosuite> parse_cryptosuite(std::string_view name) {
    for (const Cryptosuite suite : {Cryptosuite::EddsaRdfc2022, Cryptosuite::EddsaJcs2022}) {
        if (cryptosuite_name(suite) == name) {
            return suite;
        }
    }
    return std::nullopt;
}

std::string canonical_nquads(const nlohmann::json& document,
                             const linkeddata::ContextStore& contexts) {
    linkeddata::Dataset dataset;
    try {
        const nlohmann::json expanded = linkeddata::expand(document, contexts);
        dataset = linkeddata::to_rdf(
            expanded, [](const nlohmann::json& value) { return canonicalize(value); });
    } catch (const linkeddata::JsonLdError& e) {
        throw CredentialError(std::string("not valid JSON-LD: ") + e.what());
    }
    try {
        return linkeddata::canonicalize(dataset).nquads;
    } catch (const linkeddata::Rdfc10Error& e) {
        throw CredentialError(std::string("cannot canonicalise: ") + e.what());
    }
}

std::array<std::uint8_t, 64> hash_data(Cryptosuite suite, const nlohmann::json& proof_config,
                                       const nlohmann::json& document,
                                       const linkeddata::ContextStore& contexts) {
    const auto canonical = [&](const nlohmann::json& value) {
        return suite == Cryptosuite::EddsaRdfc2022 ? canonical_nquads(value, contexts)
                                                   : canonicalize(value);
    };
    const Digest config_hash = sha256(canonical(proof_config));
    const Digest document_hash = sha256(canonical(document));
    std::array<std::uint8_t, 64> out{};
    std::copy(config_hash.begin(), config_hash.end(), out.begin());
    std::copy(document_hash.begin(), document_hash.end(), out.begin() + 32);
    return out;
}

} // namespace sightline::credentials
