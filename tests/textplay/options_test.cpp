#include "textplay/options.hpp"

#include <doctest/doctest.h>

using sightline::textplay::parse_options;
using sightline::textplay::usage;

TEST_CASE("every option is parsed") {
    const auto parsed = parse_options(
        {"--text", "--bundle", "b.slpack", "--course", "c", "--scenario", "s", "--script", "a.txt",
         "--seed", "42", "--save", "p.sav", "--width", "60", "--list", "--save-roundtrip"});
    REQUIRE(parsed.error.empty());
    const auto& o = parsed.options;
    CHECK(o.bundle == "b.slpack");
    CHECK(o.course == "c");
    CHECK(o.scenario == "s");
    CHECK(o.script == "a.txt");
    CHECK(o.seed == std::uint64_t{42});
    CHECK(o.save == "p.sav");
    CHECK(o.width == std::size_t{60});
    CHECK(o.list);
    CHECK(o.save_roundtrip);
    CHECK_FALSE(o.help);
    CHECK(parse_options({"--help"}).options.help);
    CHECK(parse_options({"--version"}).options.version);
    CHECK_FALSE(parse_options({}).options.seed.has_value());
}

TEST_CASE("bad options are explained") {
    CHECK(parse_options({"--nope"}).error == "unknown option '--nope'");
    CHECK(parse_options({"--bundle"}).error == "option --bundle needs a value");
    CHECK(parse_options({"--scenario", ""}).error == "option --scenario needs a non-empty value");
    CHECK(parse_options({"--seed", "-1"}).error == "--seed needs a whole number, not '-1'");
    CHECK(parse_options({"--seed", "12x"}).error == "--seed needs a whole number, not '12x'");
    CHECK(parse_options({"--width", "5"}).error ==
          "--width needs a number from 20 to 1000, not '5'");
}

TEST_CASE("the help names every option and the exit codes") {
    const std::string text = usage();
    for (const char* option : {"--bundle", "--list", "--course", "--scenario", "--script", "--seed",
                               "--save", "--width", "--help", "--version"}) {
        CHECK_MESSAGE(text.find(option) != std::string::npos, option);
    }
    CHECK(text.find("Exit status: 0") != std::string::npos);
}
