#include "runtime/errors.hpp"
#include "runtime/playtest.hpp"
#include "support/scenario_fixtures.hpp"

#include <doctest/doctest.h>

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
