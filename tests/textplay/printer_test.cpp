#include "textplay/printer.hpp"

#include <doctest/doctest.h>

#include <sstream>

using sightline::textplay::Printer;
using sightline::textplay::wrap;
using Lines = std::vector<std::string>;

TEST_CASE("wrapping breaks between words and never inside one") {
    CHECK(wrap("one two three four", 9) == Lines{"one two", "three", "four"});
    CHECK(wrap("one two three four", 100) == Lines{"one two three four"});
    CHECK(wrap("a extraordinarily b", 6) == Lines{"a", "extraordinarily", "b"});
    CHECK(wrap("  spaced \n out\t words  ", 80) == Lines{"spaced out words"});
    CHECK(wrap("", 80) == Lines{""});
}

TEST_CASE("wrapping fills lines up to the width exactly") {
    CHECK(wrap("aaaa bbbb", 9) == Lines{"aaaa bbbb"});
    CHECK(wrap("aaaa bbbb", 8) == Lines{"aaaa", "bbbb"});
}

TEST_CASE("a first-line prefix and a hanging indent line up list items") {
    CHECK(wrap("one two three", 9, "1. ", 3) == Lines{"1. one", "   two", "   three"});
    CHECK(wrap("one two", 80, "Guest: ") == Lines{"Guest: one two"});
}

TEST_CASE("UTF-8 text is measured in characters, not bytes") {
    // "café" is 5 bytes but 4 columns, so "café café" fits in 9 columns.
    CHECK(wrap("caf\xc3\xa9 caf\xc3\xa9", 9) == Lines{"caf\xc3\xa9 caf\xc3\xa9"});
    CHECK(wrap("caf\xc3\xa9 caf\xc3\xa9", 8).size() == 2);
}

TEST_CASE("the printer never writes two blank lines in a row or one at the start") {
    std::ostringstream out;
    Printer printer(out, 20);
    printer.blank();
    printer.text("first");
    printer.blank();
    printer.blank();
    printer.text("second paragraph that wraps", "", 2);
    printer.raw("> ");
    CHECK(out.str() == "first\n\nsecond paragraph\n  that wraps\n> ");
}
