// libFuzzer target for the credential reader and everything verification runs on
// untrusted input: the strict JSON reader, JSON-LD expansion against the pinned
// contexts in safe mode, RDF, RDFC-1.0 and the proof check. The input is a
// credential file's bytes. Verification must answer valid or invalid with a reason,
// never crash or throw; a credential that verifies must verify again from its own
// canonical text, and its facts must read back or be refused with a CredentialError.
#include "credentials/credential.hpp"
#include "credentials/jcs.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace sightline::credentials;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const Verification verification = verify_credential_text(text);
    if (!verification.valid) {
        if (verification.reason.empty()) {
            std::abort(); // an invalid credential always says why
        }
        return 0;
    }
    const nlohmann::json credential = parse_strict_json(text);
    if (!verify_credential(nlohmann::json::parse(canonicalize(credential))).valid) {
        std::abort();
    }
    try {
        (void)facts_from_credential(credential);
    } catch (const CredentialError&) {
        // a valid credential from someone else's shape: refused by name
    }
    return 0;
}
