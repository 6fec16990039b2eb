// The desktop player in the learner's language: the catalogue's language
// switch (headless views), and the controller playing a course in the
// language picked there, kept as the learner's preference.
#include "headless.hpp"
#include "i18n/i18n.hpp"
#include "records/store.hpp"
#include "support/program_catalogues.hpp"
#include "support/scoped_env.hpp"
#include "support/spanish_example.hpp"
#include "support/temp_dir.hpp"
#include "ui/player.hpp"
#include "ui/script.hpp"

#include <doctest/doctest.h>

namespace sightline::test {

namespace {

using ui::IntentKind;

ui::Screen two_language_catalogue() {
    ui::Screen s;
    s.id = ui::ScreenId::Catalogue;
    s.learner_name = "Ana";
    ui::CourseItem course;
    course.id = "hotel-example";
    course.title = "Hotel example course";
    course.description = "One short shift at the front desk.";
    course.scenarios = 1;
    course.required_total = 1;
    course.languages = "English, Espa\u00F1ol";
    s.catalogue.groups = {{"Hotel and motel staff", {course}}};
    s.catalogue.languages = {{"en", "English"}, {"es", "Espa\u00F1ol"}};
    s.catalogue.language = "en";
    return s;
}

ui::Intent intent(IntentKind kind, std::string id = {}) {
    ui::Intent i;
    i.kind = kind;
    i.id = std::move(id);
    return i;
}

ui::Intent new_learner(const std::string& name) {
    ui::Intent i;
    i.kind = IntentKind::CreateLearner;
    i.learner.name = name;
    return i;
}

const learning::BundleInfo kInfo{"hash", "test"};

} // namespace

TEST_CASE("catalogue: a language switch names each language in itself, a click asks for one") {
    Headless ui;
    ui::Screen s = two_language_catalogue();
    ui.frames(s, 2);
    CHECK_MESSAGE(ui.shows("Language:"), ui.dump());
    // The language in use is ticked and bold, never marked by colour alone.
    const ui::DrawnText* current = ui.find("\u2714 English");
    REQUIRE(current != nullptr);
    CHECK(current->font == ui.context().fonts.bold);
    CHECK(ui.shows("Espa\u00F1ol"));
    // Each course says which languages it comes in.
    CHECK(ui.shows("Not started \u00B7 0 of 1 required scenarios done \u00B7 English, "
                   "Espa\u00F1ol"));

    ui::Intent i = ui.click(s, "Espa\u00F1ol");
    CHECK(i.kind == IntentKind::SetLanguage);
    CHECK(i.id == "es");
    CHECK(ui::describe(i) == "language es");
    CHECK(ui.click(s, "\u2714 English").kind == IntentKind::None); // already in use
    // The number keys still open the courses.
    CHECK(ui.press(s, "1").kind == IntentKind::OpenCourse);

    s.catalogue.language = "es";
    ui.frames(s, 2);
    CHECK(ui.shows("\u2714 Espa\u00F1ol"));
    CHECK(ui.click(s, "English").id == "en");
}

TEST_CASE("catalogue: no language switch when the courses come in one language") {
    Headless ui;
    ui::Screen s = two_language_catalogue();
    s.catalogue.languages = {{"en", "English"}};
    s.catalogue.groups[0].courses[0].languages.clear();
    ui.frames(s, 2);
    CHECK_FALSE(ui.shows("Language:"));
    CHECK(ui.shows("Not started \u00B7 0 of 1 required scenarios done"));
    CHECK_FALSE(ui.shows("English"));
}

TEST_CASE("a screenshot script picks a language with 'language TAG'") {
    const ui::Script script = ui::parse_script("learner Ana\nlanguage es\n");
    REQUIRE(script.error.empty());
    REQUIRE(script.steps.size() == 2);
    CHECK(script.steps[1].intent.kind == IntentKind::SetLanguage);
    CHECK(script.steps[1].intent.id == "es");
    CHECK(ui::parse_script("language").error == "line 1: 'language' needs one id");
}

TEST_CASE("the player shows and plays a course in the language picked, kept as the learner's") {
    test::bind_program_catalogues(); // "Español" is the Spanish catalogue's own name
    ScopedEnv locale("LC_ALL", "C.UTF-8");
    TempDir data;
    auto store = records::open_store(data.path());
    ui::Player player(spanish_example_bundle(), kInfo, *store);
    player.apply(new_learner("Ana"));
    const ui::Screen& s = player.screen();
    REQUIRE(s.id == ui::ScreenId::Catalogue);
    REQUIRE(s.catalogue.languages.size() == 2);
    CHECK(s.catalogue.languages[0].name == "English");
    CHECK(s.catalogue.languages[1].name == "Espa\u00F1ol");
    CHECK(s.catalogue.language == "en");
    CHECK(s.catalogue.groups.at(0).role == "Hotel and motel staff");
    CHECK(s.catalogue.groups.at(0).courses.at(0).title == "Hotel example course");
    CHECK(s.catalogue.groups.at(0).courses.at(0).languages == "English, Espa\u00F1ol");

    player.apply(intent(IntentKind::SetLanguage, "es"));
    CHECK(s.id == ui::ScreenId::Catalogue);
    CHECK(s.catalogue.language == "es");
    CHECK(s.catalogue.groups.at(0).courses.at(0).title == "Curso de ejemplo: hotel");
    CHECK(s.catalogue.groups.at(0).role == "Personal de hoteles y moteles");
    REQUIRE(store->learners().size() == 1);
    CHECK(store->learners()[0].language == "es"); // the learner's from now on

    player.apply(intent(IntentKind::OpenCourse, "hotel-example"));
    CHECK(s.course.title == "Curso de ejemplo: hotel");
    CHECK(s.course.scenarios.at(0).title == "El registro tard\u00EDo");
    CHECK(s.credit.course_title == "Curso de ejemplo: hotel");
    CHECK(s.notice.empty());

    player.apply(intent(IntentKind::StartScenario, "hotel.example"));
    REQUIRE(s.id == ui::ScreenId::Scenario);
    CHECK(s.scenario.title == "El registro tard\u00EDo");
    CHECK(s.scenario.course_title == "Curso de ejemplo: hotel");
    CHECK(s.scenario.content_note.starts_with("Una hu\u00E9sped joven"));
    player.apply(intent(IntentKind::Begin));
    REQUIRE(s.scenario.lines.size() >= 2);
    CHECK(s.scenario.lines[0].text.starts_with("Es casi medianoche."));
    CHECK(s.scenario.lines[1].speaker == "Hu\u00E9sped");
    player.apply(intent(IntentKind::Choose, "log-and-tell"));
    REQUIRE(s.scenario.choice_feedback.has_value());
    CHECK(s.scenario.choice_feedback->tier_name == "Mejor respuesta");
    REQUIRE_FALSE(s.scenario.choice_feedback->scores.empty());
    CHECK(s.scenario.choice_feedback->scores[0].dimension == "Reconocimiento");

    REQUIRE(player.session() != nullptr);
    CHECK(player.session()->attempt().language == "es");
    CHECK(store->attempt(player.session()->attempt().id)->language == "es");

    // The next time, the learner's preference chooses Spanish by itself.
    ui::Player again(spanish_example_bundle(), kInfo, *store);
    again.apply(intent(IntentKind::SelectLearner, store->learners()[0].id));
    CHECK(again.screen().catalogue.language == "es");
    CHECK(again.screen().catalogue.groups.at(0).courses.at(0).title == "Curso de ejemplo: hotel");
}

TEST_CASE("the player: --lang for the session, the system's language, and a missing one") {
    test::bind_program_catalogues(); // "Español" is the Spanish catalogue's own name
    TempDir data;
    auto store = records::open_store(data.path());
    {
        ScopedEnv locale("LC_ALL", "es_MX.UTF-8");
        ui::Player player(spanish_example_bundle(), kInfo, *store);
        player.apply(new_learner("Ben"));
        CHECK(player.screen().catalogue.language == "es");
        player.apply(intent(IntentKind::OpenCourse, "hotel-example"));
        CHECK(player.screen().course.title == "Curso de ejemplo: hotel");
        CHECK(store->learners().at(0).language.empty()); // the system's is not kept
    }
    ScopedEnv locale("LC_ALL", "C.UTF-8");
    ui::PlayerOptions options;
    options.language = "es";
    ui::Player chosen(spanish_example_bundle(), kInfo, *store, options);
    chosen.apply(intent(IntentKind::SelectLearner, store->learners().at(0).id));
    CHECK(chosen.screen().catalogue.language == "es");

    // A bundle without Spanish: no switch, and the learner's Spanish gives
    // English with a sentence on the course map.
    records::LearnerInput cy;
    cy.display_name = "Cy";
    cy.language = "es";
    const records::Learner cy_learner = store->add_learner(cy);
    ui::Player english(format_example(), kInfo, *store);
    english.apply(intent(IntentKind::SelectLearner, cy_learner.id));
    CHECK(english.screen().catalogue.languages.size() == 1);
    english.apply(intent(IntentKind::OpenCourse, "hotel-example"));
    CHECK(english.screen().course.title == "Hotel example course");
    CHECK(english.screen().notice ==
          "There is no Espa\u00F1ol translation of this course, so it is shown in English.");
    english.apply(intent(IntentKind::StartScenario, "hotel.example"));
    REQUIRE(english.session() != nullptr);
    CHECK(english.session()->attempt().language == "en");
    CHECK(english.screen().notice.empty()); // said on the course map, not again
}

namespace {

// The program's Spanish text (po/sightline-es.po, compiled by the build) for one
// test; afterwards English again, from a folder with no catalogues, so that the
// other tests of this process read English whatever language they switch to.
class SpanishProgramText {
  public:
    explicit SpanishProgramText(std::filesystem::path empty) : empty_(std::move(empty)) {
        i18n::bind(SIGHTLINE_LOCALE_DIR);
        i18n::set_language("en");
    }
    ~SpanishProgramText() {
        i18n::bind(empty_);
        i18n::set_language("en");
    }
    SpanishProgramText(const SpanishProgramText&) = delete;
    SpanishProgramText& operator=(const SpanishProgramText&) = delete;

  private:
    std::filesystem::path empty_;
};

} // namespace

TEST_CASE("the language switch turns the player's own text to Spanish at once, and back") {
    ScopedEnv locale("LC_ALL", "C.UTF-8");
    TempDir data;
    const SpanishProgramText program_text(data.path() / "no-catalogues");
    auto store = records::open_store(data.path());
    ui::Player player(spanish_example_bundle(), kInfo, *store);
    player.apply(new_learner("Ana"));
    Headless ui;
    ui::Screen s = player.screen();
    ui.frames(s, 2);
    CHECK(i18n::language() == "en");
    CHECK_MESSAGE(ui.shows("Courses"), ui.dump());
    CHECK(ui.shows("Language:"));

    // The view asks for Spanish; the player switches the program's text with the courses.
    const ui::Intent asked = ui.click(s, "Espa\u00F1ol");
    REQUIRE(asked.kind == IntentKind::SetLanguage);
    player.apply(asked);
    CHECK(i18n::language() == "es");
    s = player.screen();
    ui.frames(s, 2);
    CHECK_MESSAGE(ui.shows("Cursos"), ui.dump());
    CHECK(ui.shows("Idioma:"));
    CHECK(ui.shows("Cambiar de perfil"));
    CHECK(ui.shows("Sin empezar \u00B7 0 de 1 escenario obligatorio completado"));
    CHECK(ui.shows("Curso de ejemplo: hotel"));
    CHECK_FALSE(ui.shows("Switch learner"));
    // Read each frame, never kept from the start: the top bar follows too.
    CHECK(ui.shows("Tema: Claro"));

    // The scenario screens, in Spanish from the first one.
    player.apply(intent(IntentKind::OpenCourse, "hotel-example"));
    s = player.screen();
    ui.frames(s, 2);
    CHECK_MESSAGE(ui.shows("Escenarios"), ui.dump());
    CHECK(ui.shows("Usar en el aula"));

    player.apply(intent(IntentKind::Back));
    player.apply(intent(IntentKind::SetLanguage, "en"));
    CHECK(i18n::language() == "en");
    s = player.screen();
    ui.frames(s, 2);
    CHECK(ui.shows("Courses"));
    CHECK(ui.shows("\u2190 Switch learner"));
}

} // namespace sightline::test
