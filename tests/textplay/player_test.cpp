#include "bundle/bundle.hpp"
#include "runtime/random.hpp"
#include "support/bundle_file.hpp"
#include "support/scenario_fixtures.hpp"
#include "textplay/player.hpp"

#include <doctest/doctest.h>

#include <sstream>

namespace {

using namespace sightline;
using textplay::parse_answer;
using textplay::parse_numbers;
using Numbers = std::vector<std::size_t>;

const model::Bundle& example() {
    static const bundle::LoadedBundle loaded =
        bundle::read_bundle_file(test::format_example_bundle());
    return loaded.model;
}

// Scenario `s`: node `hall` ("A hall.") with `choices`, then the ending `end`.
// The variable `open` is false and never changes.
std::string hall(std::string_view choices) {
    return std::string(test::kTaxonomy) + test::scenario_header("s", "S") +
           "var open: bool = false\n== hall\nA hall." + std::string(choices) +
           "== end\nending: done\n";
}

// Plays `scenario` with `keys` typed at the keyboard; returns what was printed.
std::string play(const model::Bundle& bundle, std::string_view scenario, const std::string& keys,
                 bool roundtrip, textplay::PlayEnd* end = nullptr, std::uint64_t seed = 0) {
    std::istringstream in(keys);
    std::ostringstream out;
    textplay::Printer printer(out, 80);
    textplay::Input input(in, printer, "", true);
    textplay::PlayerSettings settings;
    settings.save_roundtrip = roundtrip;
    textplay::Player player(printer, input, settings);
    std::optional<runtime::Run> run(std::in_place, bundle, scenario,
                                    runtime::RunOptions{seed, seed != 0});
    const textplay::PlayEnd result = player.play(run);
    if (end != nullptr) {
        *end = result;
    }
    return out.str();
}

} // namespace

TEST_CASE("answers are numbers in range, separated by spaces or commas") {
    std::string why;
    CHECK(parse_numbers("2", 3, false, why) == Numbers{2});
    CHECK(parse_numbers(" 3 1", 3, true, why) == Numbers{3, 1});
    CHECK(parse_numbers("1,3", 3, true, why) == Numbers{1, 3});
    CHECK(parse_numbers("1, 2", 3, true, why) == Numbers{1, 2});
    CHECK(parse_numbers("4", 3, false, why).empty());
    CHECK(why == "4 is not one of the numbers shown. ");
    CHECK(parse_numbers("0", 3, false, why).empty());
    CHECK(parse_numbers("two", 3, false, why).empty());
    CHECK(why == "\"two\" is not a number. ");
    CHECK(parse_numbers("2x", 3, false, why).empty());
    CHECK(parse_numbers("-1", 3, false, why).empty());
    CHECK(parse_numbers("99999999999999999999999", 3, false, why).empty());
    CHECK(parse_numbers("1 1", 3, true, why).empty());
    CHECK(why == "Each number counts once; 1 is there twice. ");
    CHECK(parse_numbers("1 2", 3, false, why).empty());
    CHECK(why == "Only one answer is wanted here. ");
    CHECK(parse_numbers("", 3, false, why).empty());
    CHECK(why == "No answer was given. ");
}

TEST_CASE("a script may name the answers shown by id, whatever their order") {
    const std::vector<std::string_view> ids{"log", "ask", "ignore"};
    std::string why;
    CHECK(parse_answer("@ignore", ids, false, why) == Numbers{3});
    CHECK(parse_answer("@ask,@log", ids, true, why) == Numbers{2, 1});
    CHECK(parse_answer("1 @ignore", ids, true, why) == Numbers{1, 3}); // numbers still work
    CHECK(parse_answer("@nope", ids, false, why).empty());
    CHECK(why == "\"@nope\" is not one of the answers shown. ");
    CHECK(parse_answer("@log @log", ids, true, why).empty());
    CHECK(why == "Each answer counts once; @log is there twice. ");
    CHECK(parse_answer("@log @ask", ids, false, why).empty());
    CHECK(why == "Only one answer is wanted here. ");
    CHECK(parse_numbers("@log", 3, false, why).empty()); // menus are by number only
}

TEST_CASE("the player shows the story, never the facilitator's notes") {
    const std::string out = play(example(), "hotel.example", "2\n1 2\n\n", false);
    CHECK(out.find("Guest: Just one key. She won't need one.") != std::string::npos);
    CHECK(out.find("Pause here") == std::string::npos);
    CHECK(out.find("Which details would you write down") == std::string::npos);
    CHECK(out.find("The end: Reported safely") != std::string::npos);
    CHECK(out.find('\x1b') == std::string::npos); // no escape codes
}

TEST_CASE("at the keyboard a disabled choice is explained and asked again") {
    const std::filesystem::path path = test::write_bundle_file("disabled.slpack", hall(R"(
* [door] Open the locked door. -> end
    tier: best
    feedback: It opens.
    if: open
    unavailable: disabled
* [walk] Walk on. -> end
    tier: best
    feedback: You walk on.
)"));
    const bundle::LoadedBundle loaded = bundle::read_bundle_file(path);
    textplay::PlayEnd end{};
    const std::string out = play(loaded.model, "s", "1\n2\n", false, &end);
    CHECK(end == textplay::PlayEnd::Finished);
    CHECK(out.find("1. Open the locked door. (not available now)") != std::string::npos);
    CHECK(out.find("Choice 1 is not available now. Type a number from 1 to 2.") !=
          std::string::npos);
    CHECK(out.find("You chose: Walk on.") != std::string::npos);
}

TEST_CASE("content with no way on is reported, not looped on") {
    const std::filesystem::path path = test::write_bundle_file("stuck.slpack", hall(R"(
* [door] Open the door. -> end
    tier: best
    feedback: f
    if: open
)"));
    const bundle::LoadedBundle loaded = bundle::read_bundle_file(path);
    textplay::PlayEnd end{};
    const std::string out = play(loaded.model, "s", "", false, &end);
    CHECK(end == textplay::PlayEnd::Stuck);
    CHECK(out.find("cannot go on from here") != std::string::npos);
}

TEST_CASE("restoring from a save before every question never changes the output") {
    // Random keyboard input, valid or not, played twice: plainly and with a
    // save + restore before each question. Every byte must match.
    const char* const keys[] = {"1", "2", "3", "1 2", "2 3", "1 2 3", "", "x", "9", "q"};
    for (std::uint64_t seed = 1; seed <= 60; ++seed) {
        CAPTURE(seed);
        runtime::Rng rng(seed);
        std::string input;
        for (int i = 0; i < 12; ++i) {
            const auto pick = rng.below(std::size(keys) - (i < 8 ? 1 : 0)); // quit only late
            input += std::string(keys[pick]) + "\n";
        }
        textplay::PlayEnd plain_end{};
        textplay::PlayEnd round_end{};
        const std::string plain = play(example(), "hotel.example", input, false, &plain_end, seed);
        const std::string round = play(example(), "hotel.example", input, true, &round_end, seed);
        CHECK(plain == round);
        CHECK(plain_end == round_end);
    }
}

TEST_CASE(
    "paced play: each answer is read only after the screen's reading time, with a quiet cue") {
    const model::Bundle bundle = test::compile_scn(test::scenario_header("s", "S") + R"(
== hall
A long hall with many doors, a desk, a lamp and a quiet guest waiting by the window.
* [note] Note what you see. -> step
    tier: best
    feedback: f
* [leave] Leave. -> step
    tier: poor
    feedback: f

== step
You walk on.
-> end

== end
ending: done
)");
    const auto run_with = [&](bool paced, std::vector<records::TimeMs>& slept) {
        std::istringstream in("@note\n\n");
        std::ostringstream out;
        textplay::Printer printer(out, 80);
        textplay::Input input(in, printer, "", true);
        records::TimeMs clock = 0;
        textplay::PlayerSettings settings;
        settings.clock = [&] { return clock; };
        settings.sleep = [&](records::TimeMs ms) {
            slept.push_back(ms);
            clock += ms;
        };
        textplay::Player player(printer, input, settings);
        player.set_paced(paced);
        std::optional<runtime::Run> run(std::in_place, bundle, "s");
        CHECK(player.play(run) == textplay::PlayEnd::Finished);
        return out.str();
    };
    std::vector<records::TimeMs> slept;
    const std::string text = run_with(true, slept);
    // One wait per screen: the decision, then the passage's Enter.
    REQUIRE(slept.size() == 2);
    std::optional<runtime::Run> at_hall(std::in_place, bundle, "s");
    CHECK(slept[0] == learning::minimum_reading_ms(learning::screen_words(*at_hall)));
    CHECK(slept[1] == learning::kMinimumPacedMs); // "You walk on." is a short screen
    CHECK(text.find("Take your time to read") != std::string::npos);
    CHECK(text.find("second") == std::string::npos); // a cue, never a countdown

    std::vector<records::TimeMs> none;
    CHECK(run_with(false, none).find("Take your time") == std::string::npos);
    CHECK(none.empty());
}
