#include "runtime/errors.hpp"
#include "runtime/run.hpp"
#include "support/scenario_fixtures.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <limits>
#include <set>
#include <string>
#include <vector>

namespace {

using namespace sightline;
using runtime::Phase;
using runtime::Run;
using runtime::RunError;

std::vector<std::string> ids(const std::vector<runtime::ChoiceView>& choices) {
    std::vector<std::string> out;
    for (const auto& c : choices) {
        out.emplace_back(c.id);
    }
    return out;
}

std::vector<std::string> indicator_ids(const std::vector<const model::Indicator*>& list) {
    std::vector<std::string> out;
    for (const model::Indicator* i : list) {
        out.push_back(i->id);
    }
    return out;
}

std::vector<std::string> texts(const runtime::NodeView& view) {
    std::vector<std::string> out;
    for (const auto& p : view.paragraphs) {
        out.push_back((p.speaker.empty() ? "" : std::string(p.speaker) + ": ") +
                      std::string(p.text));
    }
    return out;
}

Run example_run(runtime::RunOptions options = {}) {
    return Run(test::format_example(), "hotel.example", options);
}

const char* const kConditions = R"(
scenario t.cond
title: Conditions
role: hotel
language: en
minutes: 1
objective: Test conditions.
content-note: None.
indicators: ind.a, ind.b
response: Respond.
report: Report.

var count: int = 0
var flag: bool = false
var name: string = "night"
var big: int = 9223372036854775807

== hub
add: count 1
add: big 1
You are at the hub.
{if visits(hub) > 1} You have been here before.
{if name == "night"} It is night.
{if count >= 3} @Boss: Third time.
* [again] Go round again. -> hub
    tier: poor
    feedback: Round.
    if: count < 3
* [secret] The hidden way. -> end
    tier: best
    feedback: Hidden.
    if: count >= 3
* [locked] The locked door. -> end
    tier: best
    feedback: Locked.
    if: flag
    unavailable: disabled
* [leave] Leave. -> end
    tier: poor
    feedback: Left.
    notices: ind.a
    set: name = "day"

== end
ending: done
{if name == "day"} It is day now.
debrief: Bye.
)";

} // namespace

TEST_CASE("a run starts at the start node with its text, speakers and choices") {
    const Run run = example_run();
    const runtime::NodeView view = run.view();
    CHECK(view.id == "desk");
    CHECK(view.phase == Phase::Choosing);
    CHECK(view.visits == 1);
    REQUIRE(view.paragraphs.size() == 2);
    CHECK(view.paragraphs[0].speaker.empty());
    CHECK(view.paragraphs[0].text.starts_with("It is almost midnight."));
    CHECK(view.paragraphs[0].text.ends_with("answers every question."));
    CHECK(view.paragraphs[1].speaker == "Guest");
    CHECK(view.paragraphs[1].text == "Just one key. She won't need one.");
    for (const auto& p : view.paragraphs) { // facilitator notes never reach learners
        CHECK(p.text.find("Pause here") == std::string_view::npos);
        CHECK(p.text.find("Which details") == std::string_view::npos);
    }
    CHECK(ids(view.choices) == std::vector<std::string>{"ask-her", "log-and-tell", "ignore"});
    CHECK(std::all_of(view.choices.begin(), view.choices.end(), [](auto& c) { return c.enabled; }));
    CHECK(view.check.kind == model::CheckKind::None);
}

TEST_CASE("choosing reports feedback, tier, score changes, new indicators and the next node") {
    Run run = example_run();
    const runtime::ChoiceResult result = run.choose("log-and-tell");
    CHECK(result.choice_id == "log-and-tell");
    CHECK(result.feedback == "You kept everyone safe and passed it on through the right channel.");
    CHECK(result.tier == "best");
    CHECK(result.tier_name == "Best response");
    REQUIRE(result.score_changes.size() == 2);
    CHECK(result.score_changes[0].dimension == "recognition");
    CHECK(result.score_changes[0].delta == 2);
    CHECK(result.score_changes[1].dimension == "response");
    CHECK(result.score_changes[1].delta == 2);
    CHECK(indicator_ids(result.newly_noticed) ==
          std::vector<std::string>{"hotel.id-held-by-other", "hotel.fearful-guest"});
    CHECK(result.next_node == "check-signs");
    CHECK_FALSE(result.ended);
    CHECK(run.phase() == Phase::Answering);
    CHECK(*run.variable("told_manager") == model::Value::of(true));
    CHECK(run.score("recognition") == 2);
    CHECK(run.visits("check-signs") == 1);
}

TEST_CASE("a multi-answer check earns (right - wrong) / correct options, never below zero") {
    struct Case {
        std::vector<std::string_view> picks;
        std::int64_t points;
        bool correct;
    };
    const Case cases[] = {{{"id", "answers"}, 2, true},
                          {{"answers", "id"}, 2, true},
                          {{"id"}, 1, false},
                          {{"id", "cash"}, 0, false},
                          {{"id", "answers", "cash"}, 1, false},
                          {{"cash"}, 0, false},
                          {{}, 0, false}};
    for (const Case& c : cases) {
        CAPTURE(c.picks.size());
        Run run = example_run();
        run.choose("log-and-tell");
        const runtime::CheckResult result = run.answer(c.picks);
        REQUIRE(result.points.size() == 1);
        CHECK(result.points[0].dimension == "recognition");
        CHECK(result.points[0].delta == c.points);
        CHECK(result.correct == c.correct);
        CHECK(run.score("recognition") == 2 + c.points);
        CHECK(run.phase() == Phase::Continuing);
        REQUIRE(result.options.size() == 3);
        CHECK(result.options[2].id == "cash");
        CHECK_FALSE(result.options[2].correct);
        CHECK(result.options[2].feedback.starts_with("Cash alone is common"));
        const bool picked_cash = std::find(c.picks.begin(), c.picks.end(), "cash") != c.picks.end();
        CHECK(result.options[2].picked == picked_cash);
    }
}

TEST_CASE("the best path ends with a full debrief") {
    Run run = example_run();
    run.choose("log-and-tell");
    const auto check_view = run.view();
    CHECK(check_view.check.kind == model::CheckKind::Multi);
    CHECK(check_view.check.prompt == "Which of these are possible signs of control?");
    CHECK(check_view.check.options.size() == 3);
    CHECK_FALSE(check_view.check.answered);
    run.answer({"id", "answers"});
    CHECK(run.view().check.answered);
    run.advance();

    CHECK(run.phase() == Phase::Ended);
    CHECK(
        texts(run.view()) ==
        std::vector<std::string>{"The manager thanks you and calls the hotline with your notes."});
    const runtime::Debrief d = run.debrief();
    CHECK(d.scenario == "hotel.example");
    CHECK(d.title == "The late check-in");
    CHECK(d.ending_node == "reported");
    CHECK(d.outcome == "reported-safely");
    CHECK(d.outcome_name == "Reported safely");
    REQUIRE(d.text.size() == 2);
    CHECK(d.text[0] ==
          "You noticed a cluster of signs and passed them on through the right channel.");
    CHECK(d.text[1] == "One sign alone proves nothing; it was the pattern that mattered.");
    REQUIRE(d.scores.size() == 2);
    CHECK(d.scores[0].id == "recognition");
    CHECK(d.scores[0].name == "Recognition");
    CHECK(d.scores[0].score == 4);
    CHECK(d.scores[0].min == 0);
    CHECK(d.scores[0].max == 4);
    CHECK(d.scores[0].percent() == 100);
    CHECK(d.scores[1].score == 2);
    CHECK(d.scores[1].min == -2);
    CHECK(d.scores[1].max == 2);
    CHECK(indicator_ids(d.noticed) ==
          std::vector<std::string>{"hotel.id-held-by-other", "hotel.fearful-guest"});
    CHECK(d.missed.empty());
    REQUIRE(d.decisions.size() == 1);
    CHECK(d.decisions[0].node == "desk");
    CHECK(d.decisions[0].choice == "log-and-tell");
    CHECK(d.decisions[0].tier == "best");
    CHECK(d.decisions[0].tier_name == "Best response");
    CHECK(d.decisions[0].tier_rank == 0);
    REQUIRE(d.checks.size() == 1);
    CHECK(d.checks[0].node == "check-signs");
    CHECK(d.checks[0].correct);
    CHECK(d.response == "Stay calm, write down what you saw, and tell the manager on duty.");
    CHECK(d.report.starts_with("National Human Trafficking Hotline"));
}

TEST_CASE("the debrief lists the indicators that were present but missed") {
    Run run = example_run();
    const auto result = run.choose("ignore");
    CHECK(result.ended);
    CHECK(result.newly_noticed.empty());
    const runtime::Debrief d = run.debrief();
    CHECK(d.outcome == "missed");
    CHECK(d.noticed.empty());
    REQUIRE(d.missed.size() == 2);
    CHECK(d.missed[0]->id == "hotel.id-held-by-other");
    CHECK(d.missed[0]->name == "Someone else holds the guest's ID");
    CHECK(d.missed[0]->description.starts_with("A companion keeps"));
    CHECK(d.missed[1]->id == "hotel.fearful-guest");
    REQUIRE(d.decisions.size() == 1);
    CHECK(d.decisions[0].tier == "poor");
    CHECK(d.decisions[0].tier_rank == 2);
    CHECK(d.scores[0].percent() == 0);
    CHECK(d.scores[1].score == 0);
    CHECK(d.scores[1].percent() == 50);
}

TEST_CASE("a passage waits for advance() and then enters its next node") {
    Run run = example_run();
    run.choose("ask-her");
    CHECK(run.phase() == Phase::Continuing);
    CHECK(run.view().id == "tense");
    CHECK(run.choices().empty());
    run.advance();
    CHECK(run.phase() == Phase::Ended);
    CHECK(run.debrief().outcome == "unsafe");
    CHECK(run.debrief().scores[1].score == -2);
}

TEST_CASE("requests that do not fit the state are refused with a clear error") {
    Run run = example_run();
    CHECK_THROWS_WITH_AS(run.choose("nope"),
                         "scenario 'hotel.example', node 'desk': there is no choice 'nope'",
                         RunError);
    CHECK_THROWS_WITH_AS(run.answer({"id"}), doctest::Contains("not a knowledge check"), RunError);
    CHECK_THROWS_WITH_AS(run.advance(), doctest::Contains("choose before continuing"), RunError);
    CHECK_THROWS_WITH_AS(run.debrief(), doctest::Contains("only available at an ending"), RunError);
    CHECK(run.view().id == "desk"); // refusals change nothing
    CHECK(run.state().history.empty());

    run.choose("log-and-tell");
    CHECK_THROWS_WITH_AS(run.choose("ask-her"), doctest::Contains("answer it instead"), RunError);
    CHECK_THROWS_WITH_AS(run.advance(), doctest::Contains("answer the knowledge check"), RunError);
    CHECK_THROWS_WITH_AS(run.answer({"id", "nope"}), doctest::Contains("no option 'nope'"),
                         RunError);
    CHECK_THROWS_WITH_AS(run.answer({"id", "id"}), doctest::Contains("picked twice"), RunError);
    CHECK(run.score("recognition") == 2);
    run.answer({"id"});
    CHECK_THROWS_WITH_AS(run.answer({"id"}), doctest::Contains("already been answered"), RunError);
    run.advance();
    CHECK_THROWS_WITH_AS(run.choose("ask-her"), doctest::Contains("has ended"), RunError);
    CHECK_THROWS_WITH_AS(run.advance(), doctest::Contains("has ended"), RunError);

    CHECK_THROWS_WITH_AS(Run(test::format_example(), "nope"), "the bundle has no scenario 'nope'",
                         RunError);
}

TEST_CASE("conditions hide or disable choices and select paragraphs, effects and visits apply") {
    const model::Bundle bundle = test::compile_scn(kConditions);
    Run run(bundle, "t.cond");
    CHECK(texts(run.view()) == std::vector<std::string>{"You are at the hub.", "It is night."});
    auto choices = run.choices();
    CHECK(ids(choices) == std::vector<std::string>{"again", "locked", "leave"});
    CHECK(choices[0].enabled);
    CHECK_FALSE(choices[1].enabled); // `unavailable: disabled` stays visible
    CHECK(choices[2].enabled);
    CHECK_THROWS_WITH_AS(run.choose("secret"), doctest::Contains("'secret' is not available"),
                         RunError);
    CHECK_THROWS_WITH_AS(run.choose("locked"), doctest::Contains("'locked' is not available"),
                         RunError);

    // The overflow-prone on-enter `add: big 1` saturates instead of wrapping.
    CHECK(run.variable("big")->integer == std::numeric_limits<std::int64_t>::max());
    CHECK(run.variable("count")->integer == 1);

    run.choose("again");
    CHECK(run.visits("hub") == 2);
    CHECK(run.view().visits == 2);
    CHECK(run.variable("count")->integer == 2);
    CHECK(texts(run.view()) == std::vector<std::string>{"You are at the hub.",
                                                        "You have been here before.",
                                                        "It is night."});
    run.choose("again");
    CHECK(run.variable("count")->integer == 3);
    CHECK(ids(run.choices()) == std::vector<std::string>{"secret", "locked", "leave"});
    CHECK(texts(run.view()).back() == "Boss: Third time.");
    CHECK_THROWS_AS(run.choose("again"), RunError);

    const auto result = run.choose("leave");
    CHECK(indicator_ids(result.newly_noticed) == std::vector<std::string>{"ind.a"});
    CHECK(*run.variable("name") == model::Value::of(std::string("day")));
    CHECK(texts(run.view()) == std::vector<std::string>{"It is day now."});
    const runtime::Debrief d = run.debrief();
    CHECK(indicator_ids(d.noticed) == std::vector<std::string>{"ind.a"});
    CHECK(indicator_ids(d.missed) == std::vector<std::string>{"ind.b"});
    REQUIRE(d.decisions.size() == 3);
    CHECK(d.decisions[0].choice == "again");
    CHECK(d.decisions[2].choice == "leave");
}

TEST_CASE("indicators noticed again are not reported as new") {
    const model::Bundle bundle =
        test::compile_scn(test::scenario_header("t.twice", "Twice") + R"(== a
Start.
* [see] See it. -> b
    tier: best
    feedback: f
    notices: ind.a

== b
Again.
* [see-again] See it again. -> end
    tier: best
    feedback: f
    notices: ind.a, ind.b

== end
ending: done
)");
    Run run(bundle, "t.twice");
    CHECK(indicator_ids(run.choose("see").newly_noticed) == std::vector<std::string>{"ind.a"});
    CHECK(indicator_ids(run.choose("see-again").newly_noticed) ==
          std::vector<std::string>{"ind.b"});
    CHECK(indicator_ids(run.debrief().noticed) == std::vector<std::string>{"ind.a", "ind.b"});
}

TEST_CASE("a single-answer check takes exactly one option and scores all or nothing") {
    const model::Bundle bundle =
        test::compile_scn(test::scenario_header("t.single", "Single") + R"(== q
check single: Which one?
+ [right] The right one.
    feedback: Yes.
- [wrong] The wrong one.
    feedback: No.
score: recognition 3, response 1
-> end

== end
ending: done
)");
    {
        Run run(bundle, "t.single");
        CHECK_THROWS_WITH_AS(run.answer({"right", "wrong"}), doctest::Contains("exactly one"),
                             RunError);
        CHECK_THROWS_AS(run.answer({}), RunError);
        const auto result = run.answer({"right"});
        CHECK(result.correct);
        REQUIRE(result.points.size() == 2);
        CHECK(result.points[0].delta == 3);
        CHECK(result.points[1].delta == 1);
        run.advance();
        CHECK(run.debrief().checks.at(0).correct);
    }
    {
        Run run(bundle, "t.single");
        const auto result = run.answer({"wrong"});
        CHECK_FALSE(result.correct);
        CHECK(result.points.at(0).delta == 0);
        CHECK(result.options.at(1).feedback == "No.");
        run.advance();
        CHECK_FALSE(run.debrief().checks.at(0).correct);
    }
}

TEST_CASE("a decision with no available choice is reported as stuck") {
    const model::Bundle bundle = test::compile_scn(test::stuck_scenario());
    Run run(bundle, "t.stuck");
    CHECK(run.stuck());
    CHECK(run.choices().empty());
    CHECK_FALSE(example_run().stuck());
}

TEST_CASE("choice shuffling is seeded, deterministic and keeps every choice") {
    CHECK(ids(example_run().choices()) ==
          std::vector<std::string>{"ask-her", "log-and-tell", "ignore"});
    std::set<std::vector<std::string>> orders;
    for (std::uint64_t seed = 0; seed < 30; ++seed) {
        const auto order = ids(example_run({seed, true}).choices());
        CHECK(order == ids(example_run({seed, true}).choices()));
        std::vector<std::string> sorted = order;
        std::sort(sorted.begin(), sorted.end());
        CHECK(sorted == std::vector<std::string>{"ask-her", "ignore", "log-and-tell"});
        orders.insert(order);
    }
    CHECK(orders.size() >= 4); // 30 seeds over 6 permutations
    CHECK(example_run({7, true}).options() == runtime::RunOptions{7, true});
}

TEST_CASE("a check's options are shuffled by the same seed, shown and scored in that order") {
    const auto option_ids = [](const runtime::CheckView& check) {
        std::vector<std::string> out;
        for (const runtime::OptionView& o : check.options) {
            out.emplace_back(o.id);
        }
        return out;
    };
    const auto at_check = [](runtime::RunOptions options) {
        Run run = example_run(options);
        run.choose("log-and-tell");
        REQUIRE(run.phase() == Phase::Answering);
        return run;
    };
    CHECK(option_ids(at_check({}).view().check) ==
          std::vector<std::string>{"id", "answers", "cash"}); // written order without shuffle
    std::set<std::vector<std::string>> orders;
    for (std::uint64_t seed = 0; seed < 30; ++seed) {
        Run run = at_check({seed, true});
        const std::vector<std::string> shown = option_ids(run.view().check);
        CHECK(shown == option_ids(at_check({seed, true}).view().check));
        // A save restores the same order.
        CHECK(option_ids(Run::restore(run.bundle(), run.save()).view().check) == shown);
        std::vector<std::string> sorted = shown;
        std::sort(sorted.begin(), sorted.end());
        CHECK(sorted == std::vector<std::string>{"answers", "cash", "id"});
        orders.insert(shown);
        // The feedback lists the options in the order they were shown.
        const runtime::CheckResult result = run.answer({"id", "answers"});
        std::vector<std::string> fed_back;
        for (const runtime::OptionResult& o : result.options) {
            fed_back.emplace_back(o.id);
        }
        CHECK(fed_back == shown);
        CHECK(result.correct);
    }
    CHECK(orders.size() >= 4); // 30 seeds over 6 permutations
}

TEST_CASE("pinned choices and options keep their place while the others are shuffled") {
    const model::Bundle bundle = test::compile_scn(test::scenario_header("t.pins", "Pins") + R"(
== desk
* [unsure] I am not sure yet. -> quiz
    tier: poor
    feedback: f
    pin: last
* [note] Note it. -> quiz
    tier: best
    feedback: f
* [ask] Ask him. -> quiz
    tier: poor
    feedback: f
* [first] Read the guidance again first. -> quiz
    tier: poor
    feedback: f
    pin: first
* [wait] Wait. -> quiz
    tier: poor
    feedback: f

== quiz
check single: Who do you tell?
- [none] None of these.
    pin: last
+ [manager] The manager.
- [guest] The guest.
- [friend] A friend.
score: recognition 1
-> end

== end
ending: done
)");
    std::set<std::vector<std::string>> middles;
    for (std::uint64_t seed = 0; seed < 30; ++seed) {
        Run run(bundle, "t.pins", {seed, true});
        const std::vector<std::string> shown = ids(run.choices());
        REQUIRE(shown.size() == 5);
        CHECK(shown.front() == "first");
        CHECK(shown.back() == "unsure");
        middles.insert({shown.begin() + 1, shown.end() - 1});
        run.choose("note");
        std::vector<std::string> options;
        for (const runtime::OptionView& o : run.view().check.options) {
            options.emplace_back(o.id);
        }
        REQUIRE(options.size() == 4);
        CHECK(options.back() == "none");
    }
    CHECK(middles.size() >= 4); // the unpinned three are still shuffled
    // Without shuffling, pins still decide the place: first ones, the rest, last ones.
    CHECK(ids(Run(bundle, "t.pins").choices()) ==
          std::vector<std::string>{"first", "note", "ask", "wait", "unsure"});
}

TEST_CASE("a run is a value: a copy plays on independently") {
    Run a = example_run();
    Run b = a;
    a.choose("ignore");
    CHECK(a.phase() == Phase::Ended);
    CHECK(b.view().id == "desk");
    b.choose("ask-her");
    CHECK(b.view().id == "tense");
    CHECK(a.debrief().outcome == "missed");
}

TEST_CASE("the debrief lists confounders on their own, never as signs noticed or missed") {
    std::string header = test::scenario_header("t.conf", "Confounders");
    const std::string present = "indicators: ind.a";
    header.replace(header.find(present), present.size(),
                   "indicators: ind.a, ind.b, conf.cash, conf.family");
    const std::string text = std::string(test::kTaxonomy) + R"(
indicator conf.cash
name: Paying cash
category: payment
type: both
roles: hotel
description: Many people pay cash for good reasons.
confounder: yes

indicator conf.family
name: A tired family
category: behaviour
type: both
roles: hotel
description: Families arrive tired after long trips.
confounder: yes
)" + header + R"(
== desk
A guest pays cash.
* [note] Note it. -> end
    tier: best
    notices: ind.a, conf.cash
    feedback: f

== end
ending: done
)";
    const model::Bundle bundle = test::compile_scn(text, false);
    runtime::Run run(bundle, "t.conf");
    const auto result = run.choose("note");
    REQUIRE(result.newly_noticed.size() == 2);
    const runtime::Debrief d = run.debrief();
    REQUIRE(d.noticed.size() == 1);
    CHECK(d.noticed[0]->id == "ind.a");
    REQUIRE(d.missed.size() == 1);
    CHECK(d.missed[0]->id == "ind.b");
    REQUIRE(d.confounders.size() == 2);
    CHECK(d.confounders[0]->id == "conf.cash");   // weighed
    CHECK(d.confounders[1]->id == "conf.family"); // present
}
