// The text player's own text in the learner's language (po/sightline-es.po,
// compiled into <build>/share/locale): the prompts, menus, scores and debrief
// headings follow the language the course is played in; before a course is
// chosen, --lang, else the learner's preference, else the system's. English
// stays byte for byte what it was. A test executable of its own: it binds the
// catalogues, which no other test of the player does.
#include "bundle/bundle.hpp"
#include "commands.hpp"
#include "i18n/i18n.hpp"
#include "learning/credit.hpp"
#include "records/store.hpp"
#include "spanish_play.hpp"
#include "support/bundle_file.hpp"
#include "support/scoped_env.hpp"
#include "support/spanish_example.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <sstream>

namespace {

using namespace sightline;
namespace fs = std::filesystem;

// Where the build puts sightline: <build>/bin, with the catalogues in <build>/share/locale.
const fs::path kExecutable = fs::path(SIGHTLINE_BINARY_DIR) / "bin" / "sightline";

using Result = test::PlayResult;

// Runs the command line as main() does: the catalogues bound first.
Result run(std::vector<std::string> args, const std::string& script_text = test::kSpanishBestPath) {
    i18n::bind(i18n::default_locale_dir(kExecutable));
    Result r = test::play_spanish_example(std::move(args), script_text, kExecutable);
    i18n::set_language("en"); // the next test starts in English
    return r;
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// No language from the machine running the tests.
struct NoLocale {
    test::ScopedEnv all{"LC_ALL", "C.UTF-8"};
};

} // namespace

TEST_CASE("the text player in Spanish shows its own text in Spanish") {
    NoLocale locale;
    REQUIRE_MESSAGE(
        fs::exists(i18n::default_locale_dir(kExecutable) / "es" / "LC_MESSAGES" / "sightline.mo"),
        "build the program-translations target first");
    const Result r = run({"--lang", "es", "--no-records"});
    CHECK_MESSAGE(r.code == 0, r.err);
    CHECK(has(r.out, "Sightline. Escriba q en cualquier pregunta para salir."));
    CHECK(has(r.out, "\nCursos\n1. Curso de ejemplo: hotel (English, Espa\u00F1ol)\n"));
    CHECK(has(r.out, "1. El registro tard\u00EDo (obligatorio)"));
    CHECK(has(r.out, "Aviso de contenido: Una hu\u00E9sped joven"));
    CHECK(has(r.out, "Presione Enter para empezar."));
    CHECK(has(r.out, "\u00BFQu\u00E9 hace?"));
    CHECK(has(r.out, "Usted eligi\u00F3: Termina el registro con normalidad"));
    CHECK(has(r.out, "Pregunta: \u00BFCu\u00E1les de estas son posibles se\u00F1ales"));
    CHECK(has(r.out, "Final: Comunicado de forma segura"));
    CHECK(has(r.out, "Sus puntajes"));
    CHECK(has(r.out, "Se\u00F1ales que not\u00F3"));
    CHECK(has(r.out, "D\u00F3nde reportar"));
    for (const char* english : {"What do you do?", "Press Enter", "You chose:", "Question:",
                                "The end:", "Your scores", "Signs you noticed", "(required)"}) {
        CHECK_MESSAGE(!has(r.out, english), english);
    }
}

TEST_CASE("English stays English with the catalogues bound") {
    NoLocale locale;
    const Result r = run({"--no-records"});
    CHECK_MESSAGE(r.code == 0, r.err);
    CHECK(has(r.out, "Sightline. Type q at any question to quit."));
    CHECK(has(r.out, "What do you do?"));
    CHECK(has(r.out, "Press Enter to begin."));
    CHECK(has(r.out, "1. The late check-in (required)"));
    CHECK(has(r.out, "Your scores"));
    CHECK_FALSE(has(r.out, "\u00BFQu\u00E9 hace?"));
    CHECK_FALSE(has(r.out, "Presione"));
    CHECK(i18n::language() == "en");
}

TEST_CASE("the program's text follows the learner's stored language and the system's") {
    test::TempDir data;
    {
        NoLocale locale;
        auto store = records::open_store(data.path());
        records::LearnerInput ana;
        ana.display_name = "Ana";
        ana.language = "es";
        store->add_learner(ana);
        const Result preferred = run({"--learner", "Ana", "--data-dir", data.path().string()});
        CHECK_MESSAGE(preferred.code == 0, preferred.err);
        CHECK(has(preferred.out, "Persona en capacitaci\u00F3n: Ana."));
        CHECK(has(preferred.out, "\u00BFQu\u00E9 hace?"));
        CHECK(has(preferred.out, "Su progreso en Curso de ejemplo: hotel"));
        // --lang outranks the preference, for the program's text too.
        const Result chosen =
            run({"--lang", "en", "--learner", "Ana", "--data-dir", data.path().string()});
        CHECK(has(chosen.out, "What do you do?"));
        CHECK_FALSE(has(chosen.out, "\u00BFQu\u00E9 hace?"));
    }
    test::ScopedEnv all("LC_ALL", "");
    test::ScopedEnv messages("LC_MESSAGES", "");
    test::ScopedEnv lang("LANG", "es_US.UTF-8");
    const Result system = run({"--no-records"});
    CHECK(has(system.out, "Sightline. Escriba q en cualquier pregunta para salir."));
    CHECK(has(system.out, "\u00BFQu\u00E9 hace?"));
}

TEST_CASE("a course without the language asked for shows the program's text in English") {
    NoLocale locale;
    const Result r = run({"--lang", "fr", "--no-records"});
    CHECK(r.code == 0);
    CHECK(has(r.out, "What do you do?"));
    CHECK(has(r.out, "translation of this course, so it is shown in English."));
}

TEST_CASE("sightline --help and the player's errors follow --lang") {
    NoLocale locale;
    i18n::bind(i18n::default_locale_dir(kExecutable));
    std::istringstream in;
    std::ostringstream out;
    std::ostringstream err;
    const cli::Environment env{in, out, err, kExecutable, false, 0};
    REQUIRE(cli::run_sightline({"--lang", "es", "--help"}, env) == 0);
    CHECK(has(out.str(), "muestra esta ayuda"));
    CHECK(has(out.str(), "Versi\u00F3n de texto (sightline --text)"));
    CHECK(cli::run_sightline({"--lang", "es", "--width", "5"}, env) == 2);
    CHECK(has(err.str(), "--width necesita un n\u00FAmero del 20 al 1000, no '5'"));
    i18n::set_language("en");
    std::ostringstream english;
    const cli::Environment env_en{in, english, err, kExecutable, false, 0};
    REQUIRE(cli::run_sightline({"--help"}, env_en) == 0);
    CHECK(has(english.str(), "show this help"));
}

TEST_CASE("sightline --list --lang es lists the titles and labels in Spanish") {
    NoLocale locale;
    const Result spanish = run({"--list", "--lang", "es"}, "");
    CHECK(spanish.code == 0);
    CHECK(has(spanish.out, "  hotel.example: El registro tard\u00EDo (obligatorio)\n"));
    const Result english = run({"--list"}, "");
    CHECK(english.out == "hotel-example: Hotel example course (English, Espa\u00F1ol)\n"
                         "  hotel.example: The late check-in (required)\n");
}

TEST_CASE("the attestation statement recorded is the one shown, in English or Spanish") {
    i18n::bind(i18n::default_locale_dir(kExecutable));
    test::TempDir data;
    auto store = records::open_store(data.path());
    records::LearnerInput input;
    input.display_name = "Ana";
    const records::Learner ana = store->add_learner(input);
    i18n::set_language("en");
    CHECK(learning::attestation_statement_shown() == learning::kAttestationStatement);
    learning::attest(*store, ana.id, "hotel", 1000);
    CHECK(store->attestation(ana.id, "hotel")->statement == learning::kAttestationStatement);

    i18n::set_language("es");
    learning::attest(*store, ana.id, "trucking", 2000);
    const std::string recorded = store->attestation(ana.id, "trucking")->statement;
    CHECK(recorded.starts_with("Hice esta capacitaci\u00F3n por mi cuenta"));
    CHECK(recorded == learning::attestation_statement_shown());
    i18n::set_language("en");
}
