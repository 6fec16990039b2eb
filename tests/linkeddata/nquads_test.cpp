// The N-Quads reader (escapes, layout, errors with line and column, hostile input)
// and the canonical N-Quads writer RDFC-1.0 hashes with.
#include "linkeddata/nquads.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>

using namespace sightline::linkeddata;

namespace {

const std::string kXsdInteger = "http://www.w3.org/2001/XMLSchema#integer";

// The error parse_nquads throws for `text`; fails the test when there is none.
NQuadsError parse_error(const std::string& text) {
    try {
        parse_nquads(text);
    } catch (const NQuadsError& error) {
        return error;
    }
    FAIL("no error for: " << text);
    return NQuadsError("", 0, 0);
}

void check_error(const std::string& text, std::size_t line, std::size_t column,
                 const std::string& reason) {
    const NQuadsError error = parse_error(text);
    INFO("input: " << text);
    INFO("error: " << std::string(error.what()));
    CHECK(error.line() == line);
    CHECK(error.column() == column);
    CHECK(std::string(error.what()).find(reason) != std::string::npos);
    CHECK(std::string(error.what())
              .rfind("N-Quads line " + std::to_string(line) + ", column " + std::to_string(column) +
                         ": ",
                     0) == 0);
}

} // namespace

TEST_CASE("N-Quads: every kind of term, in every position") {
    const Dataset quads = parse_nquads("<http://e.org/s> <http://e.org/p> <http://e.org/o> .\n"
                                       "_:b0 <http://e.org/p> \"plain\" <http://e.org/g> .\n"
                                       "_:b0 <http://e.org/p> \"7\"^^<" +
                                       kXsdInteger +
                                       "> _:g1 .\n"
                                       "<http://e.org/s> <http://e.org/p> \"chat\"@fr-CA .\n");
    REQUIRE(quads.size() == 4);
    CHECK(quads[0] == Quad{Term::iri("http://e.org/s"), Term::iri("http://e.org/p"),
                           Term::iri("http://e.org/o"), Term::default_graph()});
    CHECK(quads[1] == Quad{Term::blank("b0"), Term::iri("http://e.org/p"), Term::literal("plain"),
                           Term::iri("http://e.org/g")});
    CHECK(quads[2].object == Term::literal("7", kXsdInteger));
    CHECK(quads[2].graph == Term::blank("g1"));
    CHECK(quads[3].object == Term::literal("chat", kRdfLangString, "fr-CA"));
}

TEST_CASE("N-Quads: escapes in literals and IRIs are decoded") {
    const Dataset quads = parse_nquads(
        R"(<http://e.org/caf\u00E9> <http://e.org/p> "\t\b\n\r\f\"\'\\ \u00e9\U0001F6A8\u0000" .)");
    REQUIRE(quads.size() == 1);
    CHECK(quads[0].subject.value == "http://e.org/caf\xC3\xA9");
    CHECK(quads[0].object.value == std::string("\t\b\n\r\f\"'\\ \xC3\xA9\xF0\x9F\x9A\xA8\0", 16));
}

TEST_CASE("N-Quads: comments, blank lines, CR LF, tabs, optional spaces, no final newline") {
    const Dataset quads = parse_nquads("# heading\r\n"
                                       "\r\n"
                                       "  <http://e.org/s>\t<http://e.org/p><http://e.org/o>.\r"
                                       "_:a.b <http://e.org/p> _:c. # a dot ends c, not the label\n"
                                       "\t# indented comment\n"
                                       "_:d <http://e.org/p> \"x\"@en .");
    REQUIRE(quads.size() == 3);
    CHECK(quads[0].object == Term::iri("http://e.org/o"));
    CHECK(quads[1].subject == Term::blank("a.b"));
    CHECK(quads[1].object == Term::blank("c"));
    CHECK(quads[2].object.language == "en");
}

TEST_CASE("N-Quads: canonical form of terms and quads") {
    CHECK(to_nquads(Term::iri("http://e.org/caf\xC3\xA9")) == "<http://e.org/caf\xC3\xA9>");
    CHECK(to_nquads(Term::blank("c14n0")) == "_:c14n0");
    CHECK(to_nquads(Term::literal("x")) == "\"x\"");
    CHECK(to_nquads(Term::literal("x", kRdfLangString, "en-GB")) == "\"x\"@en-GB");
    CHECK(to_nquads(Term::literal("7", kXsdInteger)) == "\"7\"^^<" + kXsdInteger + ">");
    CHECK(to_nquads(Term::default_graph()).empty());
    CHECK(to_nquads(Quad{Term::blank("a"), Term::iri("p:q"), Term::literal("v"),
                         Term::default_graph()}) == "_:a <p:q> \"v\" .\n");
    CHECK(to_nquads(Quad{Term::blank("a"), Term::iri("p:q"), Term::literal("v"),
                         Term::blank("g")}) == "_:a <p:q> \"v\" _:g .\n");
    // An IRI built in code with characters IRIREF forbids stays one N-Quads term.
    CHECK(to_nquads(Term::iri("p:a b>")) == "<p:a\\u0020b\\u003E>");
}

TEST_CASE("N-Quads: literals are escaped as RDFC-1.0's canonical N-Quads says") {
    // ECHAR for BS HT LF FF CR " and \, \u with upper-case hex for the other C0
    // controls, DEL, U+FFFE and U+FFFF; everything else as itself.
    std::string value;
    for (char c = 0; c < 0x20; ++c) {
        value += c;
    }
    value += "\x7F\"\\ \xC3\xA9\xEF\xBF\xBD\xEF\xBF\xBE\xEF\xBF\xBF\xF0\x9F\x9A\xA8";
    const std::string expected =
        "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007"
        "\\b\\t\\n\\u000B\\f\\r\\u000E\\u000F"
        "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017"
        "\\u0018\\u0019\\u001A\\u001B\\u001C\\u001D\\u001E\\u001F"
        "\\u007F\\\"\\\\ \xC3\xA9\xEF\xBF\xBD\\uFFFE\\uFFFF\xF0\x9F\x9A\xA8\"";
    CHECK(to_nquads(Term::literal(value)) == expected);
    // And it reads back as the same value.
    const Dataset back = parse_nquads("<s:s> <p:p> " + expected + " .\n");
    REQUIRE(back.size() == 1);
    CHECK(back[0].object.value == value);
}

TEST_CASE("N-Quads: what is written reads back as the same dataset") {
    const Dataset dataset{
        {Term::iri("http://e.org/s"), Term::iri("http://e.org/p"),
         Term::literal("multi\nline \"quoted\" \\ tab\t", kRdfLangString, "en"), Term::blank("g")},
        {Term::blank("x.y"), Term::iri("http://e.org/p"), Term::literal("1", kXsdInteger),
         Term::default_graph()},
        {Term::blank("x.y"), Term::iri("http://e.org/p"), Term::blank("_under"),
         Term::iri("http://e.org/g")},
    };
    CHECK(parse_nquads(to_nquads(dataset)) == dataset);
}

TEST_CASE("N-Quads errors: a truncated line") {
    check_error("<http://e.org/s> <http://e.org/p>\n", 1, 34,
                "expected an IRI, a blank node or a literal as the object, found the end of the "
                "line");
    check_error("<http://e.org/s> <http://e.org/p> <http://e.org/o>", 1, 51,
                "expected '.' to end the statement, found the end of the document");
    check_error("# one\n\n<http://e.org/s>\n", 3, 17,
                "expected an IRI as the predicate, found the end of the line");
    check_error("<http://e.org/s> <http://e.org/p> _:\n", 1, 35, "empty blank node label");
}

TEST_CASE("N-Quads errors: a bad IRI") {
    check_error("<http://e.org/s> <http://e.org/p> <http://e.org/a b> .\n", 1, 50,
                "bad IRI: U+0020 is not allowed in an IRI");
    check_error("<http://e.org/s> <relative> <http://e.org/o> .\n", 1, 18,
                "bad IRI: <relative> is relative; N-Quads needs absolute IRIs");
    check_error("<http://e.org/s> <http://e.org/p> <http://e.org/\\u0020> .\n", 1, 49,
                "the escape stands for U+0020, which an IRI cannot contain");
    check_error("<http://e.org/s> <http://e.org/p> <http://e.org/\\n> .\n", 1, 49,
                "bad escape in an IRI");
    check_error("<http://e.org/s> <http://e.org/p> <http://e.org/o\n<a:s> <a:p> <a:o> .\n", 1, 35,
                "unterminated IRI");
    check_error("<http://e.org/s> <http://e.org/p> \"x\"^^<http://e.org/{t}> .\n", 1, 54,
                "bad IRI: '{' is not allowed");
}

TEST_CASE("N-Quads errors: a bad escape") {
    check_error("<http://e.org/s> <http://e.org/p> \"a\\qb\" .\n", 1, 37,
                "bad escape: a backslash followed by 'q'");
    check_error("<http://e.org/s> <http://e.org/p> \"\\u12G4\" .\n", 1, 36,
                "\\u needs 4 and \\U 8 hexadecimal digits");
    check_error("<http://e.org/s> <http://e.org/p> \"\\uD800\" .\n", 1, 36,
                "U+D800 is not a Unicode scalar value");
    check_error("<http://e.org/s> <http://e.org/p> \"\\U00110000\" .\n", 1, 36,
                "U+110000 is not a Unicode scalar value");
}

TEST_CASE("N-Quads errors: an unterminated literal") {
    // The column is the opening quote's.
    check_error("<http://e.org/s> <http://e.org/p> \"open\n<a:b> <a:c> <a:d> .\n", 1, 35,
                "unterminated string literal");
    check_error("<a:b> <a:c> <a:d> .\n<http://e.org/s> <http://e.org/p> \"open \\\"", 2, 35,
                "unterminated string literal");
}

TEST_CASE("N-Quads errors: everything else a line can get wrong") {
    check_error("\"literal\" <a:p> <a:o> .\n", 1, 1,
                "expected an IRI or a blank node as the subject, found '\"'");
    check_error("<a:s> <a:p> <a:o> \"graph\" .\n", 1, 19, "expected '.' to end the statement");
    check_error("<a:s> <a:p> <a:o> . <a:s> <a:p> <a:o> .\n", 1, 21,
                "expected the end of the line after '.', found '<'");
    check_error("<a:s> <a:p> \"x\"@ .\n", 1, 16, "bad language tag");
    check_error("<a:s> <a:p> \"x\"@en- .\n", 1, 16, "bad language tag");
    check_error("<a:s> <a:p> \"x\"^<a:t> .\n", 1, 16, "expected '^^<'");
    check_error("_:-a <a:p> <a:o> .\n", 1, 3, "'-' cannot begin a blank node label");
    check_error("_a <a:p> <a:o> .\n", 1, 1, "expected '_:'");
    // Columns count characters, not bytes: é is one column.
    check_error("<a:s> <a:p> \"\xC3\xA9\xC3\xA9\" <a:g> x\n", 1, 24, "expected '.'");
    check_error("<a:s> <a:p> \"\xC3\x28\" .\n", 1, 14, "invalid UTF-8 sequence");
    check_error("<a:s> <a:p> \"\xFF\" .\n", 1, 14, "invalid UTF-8 byte 0xFF");
    check_error("<a:s> <a:p> \"\xE2\x82\" .\n", 1, 14, "invalid UTF-8 sequence");
    check_error("<a:s> <a:p> \"\xED\xA0\x80\" .\n", 1, 14, "invalid UTF-8 sequence"); // surrogate
    check_error("<a:s> <a:p> \"\xC0\xAF\" .\n", 1, 14, "invalid UTF-8 sequence");     // overlong
    // Lines are counted across CR, LF and CR LF alike.
    check_error("<a:s> <a:p> <a:o> .\r<a:s> <a:p> <a:o> .\r\n<a:s> <a:p> <a:o> .\n<a:s>", 4, 6,
                "expected an IRI as the predicate");
}

TEST_CASE("N-Quads: hostile input ends in a result or an NQuadsError, never a crash") {
    const std::string megabyte(1 << 20, 'x');
    SUBCASE("a one-megabyte literal") {
        const Dataset quads = parse_nquads("<a:s> <a:p> \"" + megabyte + "\" .\n");
        REQUIRE(quads.size() == 1);
        CHECK(quads[0].object.value.size() == megabyte.size());
    }
    SUBCASE("a one-megabyte line that never closes its IRI") {
        check_error("<a:" + megabyte, 1, 1, "unterminated IRI");
    }
    SUBCASE("a megabyte of '<'") {
        check_error(std::string(1 << 20, '<'), 1, 2, "bad IRI: '<' is not allowed");
    }
    SUBCASE("a megabyte of nothing: spaces, then newlines, then comment markers") {
        CHECK(parse_nquads(std::string(1 << 20, ' ')).empty());
        CHECK(parse_nquads(std::string(1 << 20, '\n')).empty());
        CHECK(parse_nquads(std::string(1 << 20, '#')).empty());
    }
    SUBCASE("a long run of escapes and of dots in a label") {
        std::string escapes;
        for (int i = 0; i < 100000; ++i) {
            escapes += "\\u0041";
        }
        CHECK(parse_nquads("<a:s> <a:p> \"" + escapes + "\" .").at(0).object.value ==
              std::string(100000, 'A'));
        CHECK(parse_nquads("_:a" + std::string(100000, '.') + "b <a:p> <a:o> .").size() == 1);
        check_error("_:a" + std::string(100000, '.') + " <a:p> <a:o> .", 1, 4,
                    "expected an IRI as the predicate, found '.'");
    }
    SUBCASE("NUL bytes") {
        check_error(std::string(16, '\0'), 1, 1, "found U+0000");
    }
    SUBCASE("random documents from N-Quads' own characters") {
        // Whatever parses must write out and read back as itself.
        const std::string alphabet = "<>_:\"\\.@^# \t\n\rabu0Fe-\xC3\xA9";
        std::mt19937 random(20250301);
        std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
        std::uniform_int_distribution<std::size_t> length(0, 60);
        std::size_t parsed = 0;
        for (int round = 0; round < 20000; ++round) {
            std::string text = round % 2 == 0 ? "<a:s> <a:p> " : "";
            for (std::size_t n = length(random); n > 0; --n) {
                text += alphabet[pick(random)];
            }
            try {
                const Dataset quads = parse_nquads(text);
                ++parsed;
                CHECK(parse_nquads(to_nquads(quads)) == quads);
            } catch (const NQuadsError& error) {
                CHECK(error.line() >= 1);
                CHECK(error.column() >= 1);
            }
        }
        MESSAGE(parsed << " of 20000 random documents parsed");
        CHECK(parsed > 0);
    }
}
