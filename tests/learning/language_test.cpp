// The language a course is played in (learning/language.hpp): the order of
// choice, English when a language is missing, the attempt's language in the
// records, replay and the certificate in any language.
#include "credentials/credential.hpp"
#include "credentials/provider.hpp"
#include "learning/language.hpp"
#include "learning/learning.hpp"
#include "learning/replay.hpp"
#include "model/translation.hpp"
#include "records/store.hpp"
#include "support/program_catalogues.hpp"
#include "support/scenario_fixtures.hpp"
#include "support/spanish_example.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

using namespace sightline;
using sightline::test::TempDir;

namespace {

const learning::BundleInfo kInfo{"hash", "0.1.0"};

const model::Bundle& spanish() {
    return test::spanish_example_bundle();
}

const model::Course& course() {
    return spanish().courses.at(0);
}

const model::Scenario& scenario() {
    return spanish().scenarios.at(0);
}

// A learning layer over the Spanish example, in a system whose locale's
// language is `system` ("" for none).
struct Fixture {
    explicit Fixture(std::string system = "", const model::Bundle& bundle = spanish())
        : learning(*store, bundle, kInfo,
                   {dir.path() / "config", {}, {}, std::optional<std::string>(std::move(system))}) {
    }

    TempDir dir;
    std::unique_ptr<records::Store> store = records::open_store(dir.path());
    learning::Learning learning;

    void select(const std::string& name, const std::string& language = "") {
        records::LearnerInput input;
        input.display_name = name;
        input.language = language;
        REQUIRE(learning.select_learner(learning.add_learner(input).id));
    }

    // Plays the example to its best ending.
    learning::Finished play_best(learning::Session& session, const model::Course& c = course()) {
        session.choose("log-and-tell");
        session.answer({"id", "answers"});
        session.advance();
        return learning.finish(session, &c);
    }
};

} // namespace

TEST_CASE("language names, locale names and tags") {
    test::bind_program_catalogues(); // "Español" is the Spanish catalogue's own name
    CHECK(learning::language_name("en") == "English");
    CHECK(learning::language_name("es") == "Espa\u00F1ol");
    CHECK(learning::language_name("es-MX") == "Espa\u00F1ol");
    CHECK(learning::language_name("ES") == "Espa\u00F1ol");
    CHECK(learning::language_name("fr") == "fr"); // not in the table: the tag itself
    CHECK(learning::language_names({"en", "es"}) == "English, Espa\u00F1ol");

    const std::vector<std::string> available{"en", "es"};
    CHECK(learning::match_language(available, "es") == "es");
    CHECK(learning::match_language(available, "ES") == "es");
    CHECK(learning::match_language(available, "es-MX") == "es");
    CHECK(learning::match_language(available, "es_MX") == "es");
    CHECK(learning::match_language(available, "fr").empty());
    CHECK(learning::match_language(available, "").empty());
    CHECK(learning::match_language({"en", "es-419"}, "es") == "es-419");
}

TEST_CASE("a course is available in English and each translation that has text for it") {
    CHECK(
        learning::course_languages(test::format_example(), test::format_example().courses.at(0)) ==
        std::vector<std::string>{"en"});
    CHECK(learning::course_languages(spanish(), course()) == std::vector<std::string>{"en", "es"});
    CHECK(learning::scenario_languages(spanish(), scenario()) ==
          std::vector<std::string>{"en", "es"});

    // A translation of the taxonomy only, or of another course, is not the course's.
    model::Bundle other = spanish();
    model::Translation fr;
    fr.language = "fr";
    fr.texts = {{"course.other:title", "Autre cours"}, {"role.hotel:name", "H\u00F4tellerie"}};
    other.translations.push_back(fr);
    model::Translation de;
    de.language = "de";
    de.texts = {{"hotel.example:title", ""}}; // an empty text is no translation
    other.translations.push_back(de);
    CHECK(model::languages(other) == std::vector<std::string>{"en", "es", "fr", "de"});
    CHECK(learning::course_languages(other, other.courses.at(0)) ==
          std::vector<std::string>{"en", "es"});
}

TEST_CASE("the order of choice: chosen, then preference, then the system's, then English") {
    const std::vector<std::string> available{"en", "es"};
    using Source = learning::LanguageSource;

    learning::LanguageChoice c = learning::choose_language(available, {"es", "en", "en"});
    CHECK(c.language == "es");
    CHECK(c.source == Source::Chosen);
    CHECK(c.notice.empty());
    c = learning::choose_language(available, {"en", "es", "es"});
    CHECK(c.language == "en");
    CHECK(c.source == Source::Chosen);

    c = learning::choose_language(available, {"", "es", "en"});
    CHECK(c.language == "es");
    CHECK(c.source == Source::Preference);

    c = learning::choose_language(available, {"", "", "es"});
    CHECK(c.language == "es");
    CHECK(c.source == Source::System);

    c = learning::choose_language(available, {"", "", ""});
    CHECK(c.language == "en");
    CHECK(c.source == Source::English);
    CHECK(c.notice.empty());

    // A system language the course lacks: English, quietly.
    c = learning::choose_language(available, {"", "", "de"});
    CHECK(c.language == "en");
    CHECK(c.source == Source::English);
    CHECK(c.notice.empty());
}

TEST_CASE("a chosen or preferred language the course lacks gives English, with a clear sentence") {
    test::bind_program_catalogues(); // "Español" is the Spanish catalogue's own name
    const std::vector<std::string> english_only{"en"};
    learning::LanguageChoice c = learning::choose_language(english_only, {"es", "", "es"});
    CHECK(c.language == "en");
    CHECK(c.unavailable == "es");
    CHECK(c.notice ==
          "There is no Espa\u00F1ol translation of this course, so it is shown in English.");

    c = learning::choose_language({"en", "es"}, {"", "fr", "es"});
    CHECK(c.language == "en"); // the preference, not the system, was asked for
    CHECK(c.unavailable == "fr");
    CHECK(c.notice == "There is no \u201C"
                      "fr\u201D translation of this course, so it is shown in English.");
}

TEST_CASE("Learning chooses each course's language from the learner and the system") {
    Fixture f("es");
    f.select("Ana");
    CHECK(f.learning.languages() == std::vector<std::string>{"en", "es"});
    // The system's Spanish, for a learner with no preference.
    CHECK(f.learning.language_for(&course()).language == "es");
    CHECK(f.learning.language_for(&course()).source == learning::LanguageSource::System);
    CHECK(f.learning.language_for(&course(), "en").language == "en");

    // A preference outranks the system, and is kept in the learner's profile.
    Fixture g("es");
    g.select("Ben", "en");
    CHECK(g.learning.language_for(&course()).language == "en");
    CHECK(g.learning.set_language_preference("ES-mx")); // matched to the bundle's "es"
    CHECK(g.learning.learner()->language == "es");
    CHECK(g.store->learner(g.learning.learner()->id)->language == "es");
    CHECK(g.learning.language_for(&course()).language == "es");
    CHECK(g.learning.language_for(&course()).source == learning::LanguageSource::Preference);
    CHECK_FALSE(g.learning.set_language_preference("fr")); // not in the bundle: nothing kept
    CHECK(g.store->learner(g.learning.learner()->id)->language == "es");

    // A bundle without Spanish: English, with the sentence.
    Fixture h("", test::format_example());
    h.select("Cy", "es");
    const learning::LanguageChoice c = h.learning.language_for(&test::format_example().courses[0]);
    CHECK(c.language == "en");
    CHECK_FALSE(c.notice.empty());
}

TEST_CASE("an attempt records the language it is played in, and a resume keeps it") {
    test::bind_program_catalogues(); // "Español" is the Spanish catalogue's own name
    Fixture f;
    f.select("Ana");
    learning::Started started =
        f.learning.start(scenario(), &course(), {learning::Unfinished::StartAgain, "es"});
    CHECK(started.language == "es");
    CHECK(started.session.attempt().language == "es");
    CHECK(f.store->attempt(started.session.attempt().id)->language == "es");
    started.session.choose("log-and-tell");

    // Asked for English now: the attempt goes on in Spanish, and says so.
    learning::Started resumed =
        f.learning.start(scenario(), &course(), {learning::Unfinished::Resume, "en"});
    REQUIRE(resumed.resumed);
    CHECK(resumed.language == "es");
    // The program's text follows the attempt's language, so the notice is in Spanish.
    CHECK(resumed.notice == "Este escenario contin\u00FAa en Espa\u00F1ol, el idioma en que lo "
                            "empez\u00F3. Empi\u00E9celo de nuevo para hacerlo en English.");
    CHECK(&resumed.session.run().bundle() == &f.learning.bundle_in("es"));

    // Nothing asked: the learner's own choice (English, with no preference or locale).
    learning::Started fresh =
        f.learning.start(scenario(), &course(), {learning::Unfinished::StartAgain});
    CHECK(fresh.language == "en");
    CHECK(&fresh.session.run().bundle() == &spanish());

    // A language the course does not have: English.
    learning::Started other =
        f.learning.start(scenario(), &course(), {learning::Unfinished::StartAgain, "de"});
    CHECK(other.language == "en");
}

TEST_CASE("a Spanish attempt shows the Spanish text and replays against the bundle") {
    Fixture f;
    f.select("Ana", "es");
    learning::Started started = f.learning.start(scenario(), &course(), {});
    REQUIRE(started.language == "es");
    const runtime::NodeView view = started.session.run().view();
    REQUIRE(view.paragraphs.size() >= 2);
    CHECK(std::string(view.paragraphs[0].text) ==
          test::spanish_example_text("hotel.example:node.desk:line.1"));
    CHECK(std::string(view.paragraphs[1].speaker) == "Hu\u00E9sped");
    CHECK(f.play_best(started.session).result.passed);

    const records::Attempt attempt = *f.store->attempt(started.session.attempt().id);
    CHECK(attempt.language == "es");
    const std::vector<records::Event> events = f.store->events(attempt.id);
    REQUIRE(events.size() == 2);
    // The events keep the text as the learner read it.
    CHECK(events[0].prompt.starts_with("Es casi medianoche."));
    // Ids, tiers and scores are the same in every language: the attempt replays
    // against the bundle (English) and against its Spanish copy alike.
    for (const model::Bundle* bundle : {&spanish(), &f.learning.bundle_in("es")}) {
        const learning::ReplayResult replay =
            learning::replay_attempt(*bundle, kInfo.content_hash, attempt, events);
        CHECK_MESSAGE(replay.accepted(), replay.reason);
    }
}

TEST_CASE("the certificate is in the language of the attempt that completed the course") {
    model::Bundle bundle = spanish();
    bundle.courses.at(0).credit_minutes = 0;
    Fixture f("", bundle);
    credentials::init_provider(f.dir.path() / "config",
                               {"Lone Star Training", "", "training@example.org", "Kim Lee", ""},
                               false, 1'700'000'000'000);
    f.select("Ana");
    const model::Course& c = bundle.courses.at(0);
    const model::Scenario& s = bundle.scenarios.at(0);

    // First in English, then again in Spanish: the Spanish attempt finished last.
    learning::Started english = f.learning.start(s, &c, {learning::Unfinished::StartAgain, "en"});
    CHECK(f.play_best(english.session, c).result.passed);
    learning::Started spanish_run =
        f.learning.start(s, &c, {learning::Unfinished::StartAgain, "es"});
    CHECK(f.play_best(spanish_run.session, c).result.passed);
    f.learning.attest(c);

    const credentials::IssuedCertificate issued = f.learning.issue(c);
    const nlohmann::json credential = nlohmann::json::parse(issued.certificate.credential_json);
    const nlohmann::json& achievement = credential.at("credentialSubject").at("achievement");
    CHECK(achievement.at("inLanguage") == "es");
    const credentials::CertificateFacts facts = credentials::facts_from_credential(credential);
    CHECK(facts.language == "es");
    CHECK(credentials::verify_credential(credential).valid);
    // The course as it was played: its Spanish title and description.
    CHECK(achievement.at("name") == "Curso de ejemplo: hotel");
    CHECK(achievement.at("description") == "Un turno corto en la recepci\u00F3n.");
}
