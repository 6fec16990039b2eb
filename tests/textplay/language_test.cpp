// The text player in the learner's language: --lang, the learner's stored
// preference and the system locale choose it (learning/language.hpp); the
// course list says which languages each course has; the attempt records the
// language played.
#include "bundle/bundle.hpp"
#include "commands.hpp"
#include "records/store.hpp"
#include "spanish_play.hpp"
#include "support/bundle_file.hpp"
#include "support/program_catalogues.hpp"
#include "support/scoped_env.hpp"
#include "support/spanish_example.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <sstream>

namespace {

using namespace sightline;
namespace fs = std::filesystem;

using Result = test::PlayResult;

Result run(std::vector<std::string> args, const std::string& script_text = test::kSpanishBestPath) {
    return test::play_spanish_example(std::move(args), script_text,
                                      test::work_dir() / "bin" / "sightline");
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// No language from the machine running the tests.
struct NoLocale {
    test::ScopedEnv all{"LC_ALL", "C.UTF-8"};
};

} // namespace

TEST_CASE("--lang es plays the course in Spanish and records the attempt's language as es") {
    test::bind_program_catalogues(); // the program's own text in Spanish too
    NoLocale locale;
    test::TempDir data;
    const Result r = run({"--lang", "es", "--learner", "Ana", "--data-dir", data.path().string()});
    CHECK_MESSAGE(r.code == 0, r.err);
    // The course list shows the course in Spanish, with the languages it has.
    CHECK(has(r.out, "1. Curso de ejemplo: hotel (English, Espa\u00F1ol)"));
    CHECK(has(r.out, "Un turno corto en la recepci\u00F3n."));
    CHECK(has(r.out, "1. El registro tard\u00EDo (obligatorio)"));
    CHECK(has(r.out, "Aviso de contenido: Una hu\u00E9sped joven"));
    CHECK(has(r.out, "Es casi medianoche."));
    CHECK(has(r.out, "Hu\u00E9sped: Solo una llave. Ella no la necesita."));
    CHECK(has(r.out, "Usted eligi\u00F3: Termina el registro con normalidad"));
    CHECK(has(r.out, "Mejor respuesta. Mantuviste a todos a salvo"));
    CHECK(has(r.out, "Pregunta: \u00BFCu\u00E1les de estas son posibles se\u00F1ales"));
    CHECK(has(r.out, "Final: Comunicado de forma segura"));
    CHECK(has(r.out, "Su progreso en Curso de ejemplo: hotel"));
    CHECK_FALSE(has(r.out, "It is almost midnight."));
    // Untranslated text stays English.
    CHECK(has(r.out, "- Report through the manager on duty."));

    auto store = records::open_store(data.path());
    const auto attempts = store->attempts();
    REQUIRE(attempts.size() == 1);
    CHECK(attempts[0].language == "es");
    CHECK(attempts[0].status == records::Status::Completed);
    const auto events = store->events(attempts[0].id);
    REQUIRE(events.size() == 2);
    CHECK(events[0].prompt.starts_with("Es casi medianoche."));
    // The language picked is the learner's from now on.
    REQUIRE(store->learners().size() == 1);
    CHECK(store->learners()[0].language == "es");
}

TEST_CASE("the learner's stored language is used without --lang, and --lang outranks it") {
    test::bind_program_catalogues(); // "Español" is the Spanish catalogue's own name
    NoLocale locale;
    test::TempDir data;
    {
        auto store = records::open_store(data.path());
        records::LearnerInput ana;
        ana.display_name = "Ana";
        ana.language = "es";
        store->add_learner(ana);
    }
    const Result preferred = run({"--learner", "Ana", "--data-dir", data.path().string()});
    CHECK(preferred.code == 0);
    CHECK(has(preferred.out, "Es casi medianoche."));
    const Result chosen =
        run({"--lang", "en", "--learner", "Ana", "--data-dir", data.path().string()});
    CHECK(chosen.code == 0);
    CHECK(has(chosen.out, "It is almost midnight."));
    CHECK(has(chosen.out, "1. Hotel example course (English, Espa\u00F1ol)"));

    auto store = records::open_store(data.path());
    const auto attempts = store->attempts();
    REQUIRE(attempts.size() == 2);
    CHECK(attempts[0].language == "es");
    CHECK(attempts[1].language == "en");
    CHECK(store->learners().at(0).language == "en"); // picked with --lang: kept
}

TEST_CASE("the system locale's language is used when the course has it") {
    test::ScopedEnv all("LC_ALL", "");
    test::ScopedEnv messages("LC_MESSAGES", "");
    test::ScopedEnv lang("LANG", "es_US.UTF-8");
    const Result r = run({"--no-records"});
    CHECK(r.code == 0);
    CHECK(has(r.out, "Es casi medianoche."));

    test::ScopedEnv german("LANG", "de_DE.UTF-8");
    const Result english = run({"--no-records"});
    CHECK(english.code == 0);
    CHECK(has(english.out, "It is almost midnight."));
    CHECK_FALSE(has(english.out, "translation of this course")); // the system asked for nothing
}

TEST_CASE("a language the course lacks plays in English with a sentence, not an error") {
    NoLocale locale;
    test::TempDir data;
    const Result r = run({"--lang", "fr", "--learner", "Ana", "--data-dir", data.path().string()});
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(has(r.out, "There is no \u201C"
                     "fr\u201D translation of this course, so it is shown "
                     "in English."));
    CHECK(has(r.out, "It is almost midnight."));
    auto store = records::open_store(data.path());
    REQUIRE(store->attempts().size() == 1);
    CHECK(store->attempts()[0].language == "en");
    CHECK(store->learners().at(0).language.empty()); // the bundle has no French: nothing kept

    // --course and --scenario skip the menus; the sentence is still said.
    const Result direct = run({"--lang", "fr", "--no-records", "--course", "hotel-example",
                               "--scenario", "hotel.example"},
                              "\n@log-and-tell\n@id @answers\n\n");
    CHECK(direct.code == 0);
    CHECK(has(direct.out, "translation of this course, so it is shown in English."));
}

TEST_CASE("--list shows each course's languages, and --lang needs a language tag") {
    test::bind_program_catalogues(); // "Español" is the Spanish catalogue's own name
    NoLocale locale;
    const Result list = run({"--list"}, "");
    CHECK(list.code == 0);
    CHECK(list.out == "hotel-example: Hotel example course (English, Espa\u00F1ol)\n"
                      "  hotel.example: The late check-in (required)\n");

    const Result bad = run({"--lang", "Spanish please", "--no-records"});
    CHECK(bad.code == 2);
    CHECK(has(bad.err, "--lang needs a language tag such as es or es-MX"));

    std::istringstream in;
    std::ostringstream out;
    std::ostringstream err;
    const cli::Environment env{in, out, err, test::work_dir() / "bin" / "sightline", false, 0};
    REQUIRE(cli::run_sightline({"--help"}, env) == 0);
    CHECK(has(out.str(), "--lang TAG"));
}

TEST_CASE("a --save file goes on in the language asked for now") {
    NoLocale locale;
    const fs::path save = test::work_dir() / "language.sav";
    const Result first = run({"--no-records", "--save", save.string(), "--course", "hotel-example",
                              "--scenario", "hotel.example"},
                             "\n@log-and-tell\nq\n");
    CHECK(first.code == 0);
    CHECK(has(first.out, "You chose: Finish the check-in normally"));
    REQUIRE(fs::exists(save));
    const Result second =
        run({"--lang", "es", "--no-records", "--save", save.string()}, "@id @answers\n\n");
    CHECK_MESSAGE(second.code == 0, second.err);
    CHECK(has(second.out, "Resuming: El registro tard\u00EDo"));
    CHECK(has(second.out, "Question: \u00BFCu\u00E1les de estas"));
}
