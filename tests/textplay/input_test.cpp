#include "textplay/input.hpp"

#include <doctest/doctest.h>

#include <sstream>

using sightline::textplay::Input;
using sightline::textplay::Printer;
using sightline::textplay::ScriptError;

TEST_CASE("a script echoes each answer, skips comments and names lines in errors") {
    std::istringstream script("# a comment\n 2 \n\nq\n");
    std::ostringstream out;
    Printer printer(out, 80);
    Input input(script, printer, "answers.txt", true);
    CHECK(input.scripted());
    CHECK(input.read() == "2");
    CHECK(input.read() == "");
    CHECK_THROWS_WITH_AS(input.invalid("Type 1."), "answers.txt line 3: Type 1.", ScriptError);
    CHECK_FALSE(input.read().has_value()); // q quits
    CHECK_THROWS_WITH_AS(input.read(),
                         "answers.txt: the script ended after line 4, before the scenario did",
                         ScriptError);
    CHECK(out.str() == "> 2\n>\n> q\n>\n");
}

TEST_CASE("at the keyboard a bad answer is explained and input can end") {
    std::istringstream keys("7\r\n");
    std::ostringstream out;
    Printer printer(out, 80);
    Input input(keys, printer, "", false);
    CHECK_FALSE(input.scripted());
    CHECK(input.read() == "7"); // the terminal echoed it; we only print the prompt
    input.invalid("7 is not one of the numbers shown.");
    CHECK_FALSE(input.read().has_value()); // end of input quits
    CHECK(out.str() == "> 7 is not one of the numbers shown.\n> \n");
}
