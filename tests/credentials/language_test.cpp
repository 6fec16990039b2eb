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
#include "learning/credit.hpp"
#include "learning/progress.hpp"
#include "model/model.hpp"
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

TEST_CASE("the rules a learner has not met yet read in Spanish, and in English as before") {
    REQUIRE_MESSAGE(spanish_catalogue(), "build the program-translations target first");
    test::bind_program_catalogues();
    model::Course course;
    course.passing_score = 80;
    course.credit_minutes = 60;
    learning::CourseProgress p;
    p.course = &course;
    p.required_total = 1;
    p.required_completed = 0;
    p.active_ms = 41 * 60'000;
    const std::vector<std::string> english{
        "0 of 1 required scenario completed",
        "no score yet (the score counts once every required scenario is completed; passing is "
        "80%)",
        "active time 41 min of the 60 min the course requires",
        "the learner has not yet attested that they completed the training themselves"};
    {
        const i18n::LanguageScope spanish("es");
        CHECK(learning::unmet_rules(p) ==
              std::vector<std::string>{
                  "0 de 1 escenario obligatorio completado",
                  "todav\u00EDa no hay puntaje (cuenta cuando se completan todos los escenarios "
                  "obligatorios; para aprobar se necesita 80%)",
                  "tiempo de pr\u00E1ctica: 41 min de los 60 min que pide el curso",
                  "la persona todav\u00EDa no ha declarado que hizo la capacitaci\u00F3n por su "
                  "cuenta"});
        p.required_total = 3;
        p.required_completed = 3;
        p.score_percent = 72;
        CHECK(learning::unmet_rules(p).front() ==
              "el puntaje de 72% est\u00E1 por debajo del 80% necesario para aprobar");
        p.required_total = 1;
        p.required_completed = 0;
        p.score_percent.reset();
    }
    CHECK(learning::unmet_rules(p) == english);
}
