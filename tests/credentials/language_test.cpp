// The credentials library's messages in the reader's language: what the
// learner's credit panel and an administrator read (no provider, not yet
// eligible) and the verdicts a verifier reads, through the program's
// catalogues (po/sightline-es.po, compiled into <build>/share/locale). English
// stays byte for byte what it was. Each doctest case runs in its own process
// under CTest, so the binding stays here.
#include "credentials/credential.hpp"
#include "credentials/issue.hpp"
#include "credentials/keys.hpp"
#include "credentials/provider.hpp"
#include "i18n/i18n.hpp"
#include "support/credential_fixtures.hpp"
#include "support/program_catalogues.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

using namespace sightline;
using namespace sightline::credentials;
using json = nlohmann::json;

namespace {

bool spanish_catalogue() {
    return std::filesystem::exists(std::filesystem::path(SIGHTLINE_BINARY_DIR) / "share" /
                                   "locale" / "es" / "LC_MESSAGES" / "sightline.mo");
}

std::string load_error(const std::filesystem::path& config_dir) {
    try {
        (void)load_provider(config_dir, true);
    } catch (const CredentialError& e) {
        return e.what();
    }
    return "(loaded)";
}

std::string reason(const json& credential, const PublicKey& key) {
    const Verification v = verify_credential(credential, key);
    return v.valid ? "valid" : v.reason;
}

} // namespace

TEST_CASE("no provider and not yet eligible read in Spanish, and in English as before") {
    REQUIRE_MESSAGE(spanish_catalogue(), "build the program-translations target first");
    test::bind_program_catalogues();
    const test::TempDir config;
    const std::string dir = (config.path() / "provider").string();
    const std::vector<std::string> unmet{"1 of 2 required scenarios completed"};
    {
        const i18n::LanguageScope spanish("es");
        CHECK(load_error(config.path()) == "no hay ning\u00FAn proveedor configurado en " + dir +
                                               " (cree uno con 'sightline provider init')");
        CHECK(std::string(NotEligible(unmet).what()) ==
              "todav\u00EDa no cumple los requisitos para un certificado: 1 of 2 required "
              "scenarios completed");
    }
    CHECK(load_error(config.path()) ==
          "no provider configured in " + dir + " (create one with 'sightline provider init')");
    CHECK(std::string(NotEligible(unmet).what()) ==
          "not eligible for a certificate yet: 1 of 2 required scenarios completed");
}

TEST_CASE("a verifier reads a wrong key and a bad signature in Spanish, and in English as before") {
    REQUIRE_MESSAGE(spanish_catalogue(), "build the program-translations target first");
    test::bind_program_catalogues();
    const json credential = json::parse(test::fixed_credential_text());
    json changed = credential;
    changed["credentialSubject"]["creditsEarned"] = 20;
    const PublicKey other = KeyPair::generate().public_key();
    const PublicKey right = test::fixed_key().public_key();
    {
        const i18n::LanguageScope spanish("es");
        const std::string wrong = reason(credential, other);
        CHECK(wrong.starts_with("clave incorrecta: se firm\u00F3 con la clave "));
        CHECK(wrong.find(", no con la clave esperada ") != std::string::npos);
        CHECK(reason(changed, right) ==
              "firma incorrecta (la credencial o su prueba cambi\u00F3 despu\u00E9s de firmarse, "
              "o se firm\u00F3 con otra clave)");
        CHECK(reason(credential, right) == "valid");
    }
    CHECK(reason(credential, other).starts_with("wrong key: signed with key "));
    CHECK(reason(changed, right) == "bad signature (the credential or its proof was changed "
                                    "after signing, or it was signed with another key)");
}
