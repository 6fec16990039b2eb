#include "i18n/i18n.hpp"
#include "runtime/errors.hpp"
#include "runtime/playtest.hpp"
#include "support/program_catalogues.hpp"
#include "support/scenario_fixtures.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>

namespace {

using namespace sightline;

std::string printed(const std::vector<runtime::ScenarioReport>& reports) {
    std::ostringstream out;
    for (const auto& r : reports) {
        runtime::print_report(out, r);
    }
    return out.str();
}

// Scenario t.loop never ends (its way out needs 101 rounds), then t.stuck.
std::string loop_and_stuck() {
    return test::scenario_header("t.loop", "Loop") + R"(var count: int = 0

== hub
Round and round.
* [again] Again. -> hub
    tier: poor
    feedback: f
* [leave] Leave. -> end
    tier: best
    feedback: f
    if: count > 100

== end
ending: done
)" + test::stuck_scenario();
}

} // namespace

TEST_CASE("play-testing the example reaches everything and summarises the walks") {
    runtime::PlaytestOptions options;
    options.runs = 400;
    const auto reports = runtime::playtest(test::format_example(), options);
    REQUIRE(reports.size() == 1);
    const runtime::ScenarioReport& r = reports[0];
    CHECK(r.scenario == "hotel.example");
    CHECK(r.runs == 400);
    CHECK(r.ok());
    CHECK(r.failures.empty());
    CHECK(r.unreached_nodes.empty());
    CHECK(r.unreached_choices.empty());
    REQUIRE(r.endings.size() == 3);
    std::uint32_t total = 0;
    for (const auto& e : r.endings) {
        CHECK(e.count > 0);
        total += e.count;
    }
    CHECK(total == 400);
    CHECK(r.endings[0].node == "reported");
    CHECK(r.endings[0].outcome == "reported-safely");
    REQUIRE(r.scores.size() == 2);
    CHECK(r.scores[0].dimension == "recognition");
    CHECK(r.scores[0].min == 0);
    CHECK(r.scores[0].max == 4);
    CHECK(r.scores[0].mean > 0.0);
    CHECK(r.scores[0].mean < 4.0);
    CHECK(r.scores[1].min == -2);
    CHECK(r.scores[1].max == 2);
    REQUIRE(r.longest_path.size() == 3);
    CHECK(r.longest_path[0] == "desk");

    const std::string text = printed(reports);
    CHECK(text.find("scenario hotel.example: 400 runs") != std::string::npos);
    CHECK(text.find("every run reached an ending") != std::string::npos);
    CHECK(text.find("nodes never reached: none") != std::string::npos);
    CHECK(text.find("recognition: 0 / ") != std::string::npos);
}

TEST_CASE("play-testing is deterministic for a seed") {
    runtime::PlaytestOptions options;
    options.runs = 50;
    options.seed = 9;
    const std::string a = printed(runtime::playtest(test::format_example(), options));
    CHECK(a == printed(runtime::playtest(test::format_example(), options)));
    options.runs = 1; // one walk can only reach one ending
    const auto one = runtime::playtest(test::format_example(), options);
    CHECK_FALSE(one[0].unreached_nodes.empty());
}

TEST_CASE("walks that loop forever or get stuck are reported as failures") {
    const model::Bundle bundle = test::compile_scn(loop_and_stuck());
    runtime::PlaytestOptions options;
    options.runs = 10;
    options.max_steps = 50;
    const auto reports = runtime::playtest(bundle, options);
    REQUIRE(reports.size() == 2);

    const auto& loop = reports[0];
    CHECK_FALSE(loop.ok());
    CHECK(loop.failed_runs == 10);
    CHECK(loop.failures.size() == 5); // only the first few are kept
    CHECK(loop.failures[0].reason == "no ending after 50 steps");
    CHECK(loop.failures[0].path.back() == "hub");
    CHECK(loop.unreached_nodes == std::vector<std::string_view>{"end"});
    REQUIRE(loop.unreached_choices.size() == 1);
    CHECK(loop.unreached_choices[0].choice == "leave");
    CHECK(loop.scores.empty());
    CHECK(loop.endings.at(0).count == 0);

    const auto& stuck = reports[1];
    CHECK(stuck.failed_runs == 10);
    CHECK(stuck.failures[0].reason == "stuck at node 'door': no choice is available");

    const std::string text = printed(reports);
    CHECK(text.find("FAILED: 10 of 10 runs did not reach an ending") != std::string::npos);
    CHECK(text.find("run 0: no ending after 50 steps; last nodes: hub -> hub") !=
          std::string::npos);
}

TEST_CASE("play-testing one scenario by id, and refusing an unknown id") {
    const model::Bundle bundle = test::compile_scn(loop_and_stuck());
    runtime::PlaytestOptions options;
    options.runs = 3;
    options.scenario = "t.stuck";
    const auto reports = runtime::playtest(bundle, options);
    REQUIRE(reports.size() == 1);
    CHECK(reports[0].scenario == "t.stuck");
    options.scenario = "nope";
    CHECK_THROWS_WITH_AS(runtime::playtest(bundle, options), "the bundle has no scenario 'nope'",
                         runtime::RunError);
}

// The report in the reader's language (po/sightline-es.po, compiled by the
// build); ids, numbers and the paths' arrows as written.
TEST_CASE("play-testing reports in Spanish, and in English as before") {
    REQUIRE_MESSAGE(std::filesystem::exists(std::filesystem::path(SIGHTLINE_BINARY_DIR) /
                                            "share/locale/es/LC_MESSAGES/sightline.mo"),
                    "build the program-translations target first");
    test::bind_program_catalogues();
    const model::Bundle bundle = test::compile_scn(loop_and_stuck());
    runtime::PlaytestOptions options;
    options.runs = 10;
    options.max_steps = 50;
    runtime::PlaytestOptions every_path; // enough walks to reach everything in the example
    every_path.runs = 400;
    std::string spanish, example, refusal;
    {
        const i18n::LanguageScope scope("es");
        spanish = printed(runtime::playtest(bundle, options));
        example = printed(runtime::playtest(test::format_example(), every_path));
        options.scenario = "nope";
        try {
            (void)runtime::playtest(bundle, options);
        } catch (const runtime::RunError& e) {
            refusal = e.what();
        }
        options.scenario.clear();
    }
    CAPTURE(spanish);
    CHECK(spanish.starts_with("escenario t.loop: recorridos: 10, como m\u00E1ximo 50 pasos cada "
                              "uno\n  finales:\n    end (done): 0 (0.0%)\n"));
    CHECK(spanish.find("  nodos que nunca se alcanzan: end\n"
                       "  opciones que nunca se toman: hub/leave\n"
                       "  FALL\u00D3: 10 de 10 recorridos no llegaron a un final\n"
                       "    recorrido 0: sin llegar a un final en 50 pasos; \u00FAltimos nodos: "
                       "hub -> hub") != std::string::npos);
    CHECK(spanish.find("recorrido 0: bloqueado en el nodo 'door': no hay ninguna opci\u00F3n "
                       "disponible; \u00FAltimos nodos: ") != std::string::npos);
    CAPTURE(example);
    CHECK(example.find("\n  puntuaciones (m\u00EDn. / media / m\u00E1x.):\n    recognition: ") !=
          std::string::npos);
    CHECK(example.find("\n  camino m\u00E1s largo (nodos: ") != std::string::npos);
    CHECK(example.ends_with("  nodos que nunca se alcanzan: ninguno\n"
                            "  opciones que nunca se toman: ninguna\n"
                            "  todos los recorridos llegaron a un final\n"));
    CHECK(refusal == "el paquete no tiene ning\u00FAn escenario 'nope'");

    const std::string english = printed(runtime::playtest(bundle, options));
    CHECK(english.starts_with("scenario t.loop: 10 runs, at most 50 steps each\n  endings:\n"));
    CHECK(english.find("  nodes never reached: end\n  choices never taken: hub/leave\n"
                       "  FAILED: 10 of 10 runs did not reach an ending\n"
                       "    run 0: no ending after 50 steps; last nodes: hub -> hub") !=
          std::string::npos);
    CHECK(printed(runtime::playtest(test::format_example(), every_path))
              .ends_with("  nodes never reached: none\n  choices never taken: none\n"
                         "  every run reached an ending\n"));
}
