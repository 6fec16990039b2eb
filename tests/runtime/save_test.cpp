#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/random.hpp"
#include "runtime/run.hpp"
#include "runtime/save.hpp"
#include "support/scenario_fixtures.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

namespace {

using namespace sightline;
using runtime::Phase;
using runtime::Run;
using runtime::SaveError;

std::string replace(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "fixture text lacks: " << from);
    return text.replace(at, from.size(), to);
}

// A run's complete observable state, for comparing two runs.
std::string describe(const Run& run) {
    std::string out = std::string(run.view().id) + "|" + std::to_string(int(run.phase())) + "|";
    for (const auto& p : run.view().paragraphs) {
        out += std::string(p.speaker) + ":" + std::string(p.text) + "|";
    }
    for (const auto& c : run.choices()) {
        out += std::string(c.id) + (c.enabled ? "+" : "-") + "|";
    }
    for (const auto& v : run.state().variables) {
        out += std::to_string(v.integer) + std::to_string(v.boolean) + v.text + "|";
    }
    for (const auto v : run.state().visits) {
        out += std::to_string(v) + ",";
    }
    for (const auto s : run.state().scores) {
        out += std::to_string(s) + ",";
    }
    for (const auto n : run.state().noticed) {
        out += std::to_string(n) + ",";
    }
    out += std::to_string(run.state().history.size()) + "|" + std::to_string(run.state().answered);
    return out;
}

// One random step, for walking many paths.
void random_step(Run& run, runtime::Rng& rng) {
    switch (run.phase()) {
    case Phase::Choosing: {
        const auto choices = run.choices();
        run.choose(choices[rng.below(choices.size())].id);
        return;
    }
    case Phase::Answering: {
        std::vector<std::string_view> picks;
        for (const auto& o : run.view().check.options) {
            if (rng.below(2) == 1) {
                picks.push_back(o.id);
            }
        }
        run.answer(picks);
        return;
    }
    case Phase::Continuing:
        run.advance();
        return;
    case Phase::Ended:
        return;
    }
}

Run example_at(std::initializer_list<const char*> choices) {
    Run run(test::format_example(), "hotel.example", {5, true});
    for (const char* c : choices) {
        run.choose(c);
    }
    return run;
}

} // namespace

TEST_CASE("a run restored from its save at every step plays on identically") {
    for (std::uint64_t seed = 0; seed < 40; ++seed) {
        CAPTURE(seed);
        Run original(test::format_example(), "hotel.example", {seed, seed % 2 == 0});
        runtime::Rng rng_a(seed);
        runtime::Rng rng_b(seed);
        std::optional<Run> resumed = original;
        while (original.phase() != Phase::Ended) {
            const std::vector<std::uint8_t> blob = resumed->save();
            resumed.reset(); // throw the run away; only the blob survives
            resumed.emplace(Run::restore(test::format_example(), blob));
            CHECK(describe(*resumed) == describe(original));
            CHECK(resumed->save() == blob);
            random_step(original, rng_a);
            random_step(*resumed, rng_b);
        }
        CHECK(describe(*resumed) == describe(original));
        CHECK(resumed->options() == original.options());
        CHECK(resumed->debrief().decisions.size() == original.debrief().decisions.size());
        CHECK(resumed->debrief().scores[0].score == original.debrief().scores[0].score);
    }
}

TEST_CASE("the save is keyed by ids and carries the seed") {
    Run run = example_at({"log-and-tell"});
    run.answer({"id", "cash"});
    const runtime::SaveData d = runtime::decode_save(run.save());
    CHECK(d.scenario == "hotel.example");
    CHECK(d.node == "check-signs");
    CHECK(d.answered);
    CHECK(d.seed == 5);
    CHECK(d.shuffle);
    REQUIRE(d.variables.size() == 1);
    CHECK(d.variables[0].first == "told_manager");
    CHECK(d.variables[0].second == model::Value::of(true));
    CHECK(d.visits ==
          std::vector<std::pair<std::string, std::uint32_t>>{{"desk", 1}, {"check-signs", 1}});
    CHECK(d.scores ==
          std::vector<std::pair<std::string, std::int64_t>>{{"recognition", 2}, {"response", 2}});
    CHECK(d.noticed == std::vector<std::string>{"hotel.id-held-by-other", "hotel.fearful-guest"});
    REQUIRE(d.history.size() == 2);
    CHECK(d.history[0].node == "desk");
    CHECK(d.history[0].choice == "log-and-tell");
    CHECK(d.history[1].is_check);
    CHECK(d.history[1].options == std::vector<std::string>{"id", "cash"});
    CHECK(runtime::encode_save(d) == run.save());
}

TEST_CASE("every truncation and every flipped bit of a save is refused cleanly") {
    Run run = example_at({"log-and-tell"});
    run.answer({"id"});
    const std::vector<std::uint8_t> blob = run.save();
    for (std::size_t n = 0; n < blob.size(); ++n) {
        const std::vector<std::uint8_t> cut(blob.begin(), blob.begin() + n);
        CHECK_THROWS_AS(Run::restore(test::format_example(), cut), SaveError);
    }
    for (std::size_t i = 0; i < blob.size(); ++i) {
        for (int bit = 0; bit < 8; ++bit) {
            std::vector<std::uint8_t> bad = blob;
            bad[i] ^= static_cast<std::uint8_t>(1u << bit);
            CHECK_THROWS_AS(Run::restore(test::format_example(), bad), SaveError);
        }
    }
}

TEST_CASE("damaged saves say what is wrong") {
    const Run run = example_at({});
    std::vector<std::uint8_t> blob = run.save();
    const auto restore = [](const std::vector<std::uint8_t>& b) {
        return Run::restore(test::format_example(), b);
    };
    CHECK_THROWS_WITH_AS(restore({}), "the save is empty", SaveError);
    CHECK_THROWS_WITH_AS(
        restore({'h', 'e', 'l', 'l', 'o', ' ', 'w', 'o', 'r', 'l', 'd', ' ', 'a', 'b', 'c', 'd'}),
        "this is not a Sightline save", SaveError);
    std::vector<std::uint8_t> future = blob;
    future[4] = 2;
    CHECK_THROWS_WITH_AS(restore(future),
                         "the save has format version 2; this program reads version 1", SaveError);
    std::vector<std::uint8_t> longer = blob;
    longer.push_back(0);
    CHECK_THROWS_WITH_AS(restore(longer), doctest::Contains("extra bytes"), SaveError);
    std::vector<std::uint8_t> damaged = blob;
    damaged.back() ^= 0x40;
    CHECK_THROWS_WITH_AS(restore(damaged), doctest::Contains("checksum mismatch"), SaveError);
    blob.pop_back();
    CHECK_THROWS_WITH_AS(restore(blob), doctest::Contains("truncated"), SaveError);
}

TEST_CASE("the payload parser rejects forged counts, bad ids, repeats and unknown types") {
    const auto payload = [](auto&& fill) {
        runtime::ByteWriter w;
        w.str("hotel.example");
        w.u64(0);
        w.u8(0);
        w.str("desk");
        w.u8(0);
        fill(w);
        return w.data();
    };
    const auto decode = [](const std::vector<std::uint8_t>& p) {
        return runtime::decode_save_payload(p);
    };
    // A count of four billion variables in a few bytes must not allocate anything.
    CHECK_THROWS_WITH_AS(decode(payload([](auto& w) { w.u32(0xFFFFFFFFu); })),
                         doctest::Contains("too short"), SaveError);
    CHECK_THROWS_WITH_AS(decode(payload([](auto& w) {
                             w.u32(1);
                             w.u32(0x7FFFFFFFu); // a string longer than the blob
                         })),
                         doctest::Contains("truncated"), SaveError);
    CHECK_THROWS_WITH_AS(decode(payload([](auto& w) {
                             w.u32(1);
                             w.str("Bad Id\x1b[2J");
                             w.u8(0);
                             w.u8(1);
                         })),
                         doctest::Contains("not a valid id"), SaveError);
    CHECK_THROWS_WITH_AS(decode(payload([](auto& w) {
                             w.u32(2);
                             for (int i = 0; i < 2; ++i) {
                                 w.str("x");
                                 w.u8(0);
                                 w.u8(1);
                             }
                         })),
                         doctest::Contains("variable 'x' appears twice"), SaveError);
    CHECK_THROWS_WITH_AS(decode(payload([](auto& w) {
                             w.u32(1);
                             w.str("x");
                             w.u8(7);
                         })),
                         doctest::Contains("unknown type"), SaveError);
    CHECK_THROWS_WITH_AS(decode(payload([](auto& w) {
                             w.u32(1);
                             w.str("x");
                             w.u8(0);
                             w.u8(2); // a bool that is neither 0 nor 1
                         })),
                         doctest::Contains("yes/no"), SaveError);
}

TEST_CASE("a save resumes in an edited bundle when the ids it uses still exist") {
    const Run run = example_at({"log-and-tell"});
    std::string text = test::format_example_text();
    text = replace(text, "var told_manager: bool = false",
                   "var told_manager: bool = false\nvar extra: int = 41");
    text = replace(text, "== tense\n", "== new-node\nNew.\n-> tense\n\n== tense\n");
    text = replace(text, "He kept her ID card.", "He kept her ID card in his wallet.");
    const model::Bundle edited = test::compile_scn(text, false);
    const Run resumed = Run::restore(edited, run.save());
    CHECK(resumed.view().id == "check-signs");
    CHECK(resumed.phase() == Phase::Answering);
    CHECK(resumed.view().check.options[0].text == "He kept her ID card in his wallet.");
    CHECK(*resumed.variable("told_manager") == model::Value::of(true));
    CHECK(*resumed.variable("extra") == model::Value::of(std::int64_t{41}));
    CHECK(resumed.score("response") == 2);
    CHECK(resumed.state().noticed.size() == 2);
}

TEST_CASE("a save refuses to resume when content it relies on has changed") {
    const Run at_tense = example_at({"ask-her"});
    const Run at_check = example_at({"log-and-tell"});
    const std::string text = test::format_example_text();
    const auto restore_into = [](const std::string& edited_text, const Run& run) {
        const model::Bundle edited = test::compile_scn(edited_text, false);
        return Run::restore(edited, run.save());
    };

    std::string no_tense = replace(text, "-> tense", "-> unsafe-end");
    no_tense = replace(no_tense, "== tense\n", "== calm\n");
    CHECK_THROWS_WITH_AS(restore_into(no_tense, at_tense),
                         "cannot resume: node 'tense' no longer exists in scenario 'hotel.example'",
                         SaveError);

    std::string renamed_choice = replace(text, "[log-and-tell]", "[log-it]");
    CHECK_THROWS_WITH_AS(restore_into(renamed_choice, at_check),
                         "cannot resume: choice 'log-and-tell' no longer exists at node 'desk' "
                         "in scenario 'hotel.example'",
                         SaveError);

    std::string int_var =
        replace(text, "var told_manager: bool = false", "var told_manager: int = 0");
    int_var = replace(int_var, "set: told_manager = true", "set: told_manager = 1");
    int_var = replace(int_var, "{if told_manager}", "{if told_manager > 0}");
    CHECK_THROWS_WITH_AS(restore_into(int_var, at_check),
                         "cannot resume: variable 'told_manager' changed type from bool to int "
                         "in scenario 'hotel.example'",
                         SaveError);

    std::string no_var = replace(text, "var told_manager: bool = false\n", "");
    no_var = replace(no_var, "    set: told_manager = true\n", "");
    no_var = replace(no_var, "{if told_manager} ", "");
    CHECK_THROWS_WITH_AS(restore_into(no_var, at_check),
                         doctest::Contains("variable 'told_manager' no longer exists"), SaveError);

    const std::string other_scenario =
        replace(text, "scenario hotel.example", "scenario hotel.other");
    CHECK_THROWS_WITH_AS(
        restore_into(replace(other_scenario, "scenario: hotel.example", "scenario: hotel.other"),
                     at_check),
        "cannot resume: scenario 'hotel.example' no longer exists in the bundle", SaveError);

    std::string no_indicator = replace(text, "notices: hotel.id-held-by-other, hotel.fearful-guest",
                                       "notices: hotel.fearful-guest");
    no_indicator =
        replace(no_indicator, "indicator hotel.id-held-by-other", "indicator hotel.id-x");
    no_indicator =
        replace(no_indicator, "indicators: hotel.id-held-by-other,", "indicators: hotel.id-x,");
    CHECK_THROWS_WITH_AS(restore_into(no_indicator, at_check),
                         doctest::Contains("indicator 'hotel.id-held-by-other' no longer exists"),
                         SaveError);

    Run answered = example_at({"log-and-tell"});
    answered.answer({"id"});
    std::string option_gone = replace(text, "+ [id] He kept", "+ [card] He kept");
    CHECK_THROWS_WITH_AS(restore_into(option_gone, answered),
                         doctest::Contains("option 'id' no longer exists at node 'check-signs'"),
                         SaveError);
}

TEST_CASE("a save whose current node was never entered is refused") {
    runtime::SaveData d = runtime::decode_save(example_at({}).save());
    d.node = "reported"; // a forged jump straight to the ending
    CHECK_THROWS_WITH_AS(Run::restore(test::format_example(), runtime::encode_save(d)),
                         doctest::Contains("never entered"), SaveError);
    d.node = "desk";
    d.answered = true;
    CHECK_THROWS_WITH_AS(Run::restore(test::format_example(), runtime::encode_save(d)),
                         doctest::Contains("no longer a knowledge check"), SaveError);
}
