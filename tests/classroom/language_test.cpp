// The classroom views in the program's language: with the program catalogues
// bound and Spanish chosen, the projected headings, the presenter's tally
// sentence, warnings and stage names come from po/sightline-es.po; without
// them, the English is unchanged.
#include "classroom/facilitation.hpp"
#include "classroom/views.hpp"
#include "i18n/i18n.hpp"
#include "support/classroom_helpers.hpp"
#include "support/program_catalogues.hpp"
#include "support/scenario_fixtures.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace sightline;
using namespace sightline::classroom;

TEST_CASE("the classroom views are in English when no language is chosen") {
    test::bind_program_catalogues();
    Facilitation f(test::format_example(), test::example_setup());
    test::vote(f, {1, 9, 3});
    CHECK(std::string(audience_state(f).status) == "The room's votes");
    const PresenterState p = presenter_state(f);
    CHECK(p.tally_summary == "Majority: 2 (log-and-tell), 9 of 13 votes.");
    CHECK(p.warning == "13 votes, but the head count is 12.");
    CHECK(std::string(stage_text(Stage::Voting)) == "voting");
    CHECK(std::string(decided_text(Decided::Majority)) == "majority");
    CHECK(std::string(stage_name(Stage::Voting)) == "voting");
}

TEST_CASE("in Spanish the projector heading and the presenter tally are translated") {
    test::bind_program_catalogues();
    const i18n::LanguageScope spanish("es");
    Facilitation f(test::format_example(), test::example_setup());
    test::vote(f, {1, 9, 3});
    CHECK(audience_state(f).status == "Los votos del grupo");
    const PresenterState p = presenter_state(f);
    CHECK(p.tally_summary == "Mayoría: 2 (log-and-tell), 9 de 13 votos.");
    CHECK(p.warning == "13 votos, pero el número de participantes es 12.");
    f.take_majority();
    CHECK(audience_state(f).status == "Lo que pasó");
    const PresenterState picked = presenter_state(f);
    REQUIRE(picked.path.size() == 1);
    CHECK(picked.path[0].decided == "mayoría");
    CHECK(std::string(stage_text(Stage::Voting)) == "votación");
    // The ids sent to phones and written to reports stay English.
    CHECK(std::string(stage_name(Stage::Voting)) == "voting");
    CHECK(std::string(decided_name(Decided::Majority)) == "majority");
}

TEST_CASE("in Spanish a tie, no votes and a single vote read as sentences") {
    test::bind_program_catalogues();
    const i18n::LanguageScope spanish("es");
    Facilitation f(test::format_example(), test::example_setup());
    CHECK(presenter_state(f).tally_summary == "Todavía no hay votos.");
    test::vote(f, {0, 1, 0});
    CHECK(presenter_state(f).tally_summary == "Mayoría: 2 (log-and-tell), 1 de 1 voto.");
    f.unlock();
    f.set_votes(0, 5);
    f.set_votes(1, 5);
    f.lock();
    f.reveal();
    CHECK(presenter_state(f).tally_summary ==
          "Empate: 1 (ask-her), 2 (log-and-tell) con 5 votos cada una. Elija una.");
}

TEST_CASE("in Spanish a step refused at the wrong stage says why in Spanish") {
    test::bind_program_catalogues();
    const i18n::LanguageScope spanish("es");
    Facilitation f(test::format_example(), test::example_setup());
    test::vote(f, {5, 5, 2});
    test::refuses([&] { f.take_majority(); },
                  "hay un empate entre 1 (ask-her) y 2 (log-and-tell), con 5 votos cada una; "
                  "elija una de ellas o cualquier otra opción.");
    test::refuses([&] { f.lock(); },
                  "no se puede cerrar la votación ahora: el resultado ya se mostró; tome la opción "
                  "de la mayoría o elija una opción.");
}
