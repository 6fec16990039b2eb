// RFC 8785 (JCS): the RFC's own examples and its Appendix B number vectors,
// plus the strict reader's refusals.
#include "credentials/jcs.hpp"

#include <doctest/doctest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

using namespace sightline::credentials;

namespace {

double from_bits(std::uint64_t bits) {
    return std::bit_cast<double>(bits);
}

std::string jcs(std::string_view text) {
    return canonicalize(parse_strict_json(text));
}

std::string error_of(std::string_view text) {
    try {
        (void)parse_strict_json(text);
    } catch (const JsonError& e) {
        return e.what();
    }
    return "(parsed)";
}

} // namespace

TEST_CASE("RFC 8785 appendix B: IEEE 754 doubles written as ECMAScript writes them") {
    const struct {
        std::uint64_t bits;
        const char* text;
    } vectors[] = {
        {0x0000000000000000, "0"},
        {0x8000000000000000, "0"}, // minus zero
        {0x0000000000000001, "5e-324"},
        {0x8000000000000001, "-5e-324"},
        {0x7fefffffffffffff, "1.7976931348623157e+308"},
        {0xffefffffffffffff, "-1.7976931348623157e+308"},
        {0x4340000000000000, "9007199254740992"},
        {0xc340000000000000, "-9007199254740992"},
        {0x4430000000000000, "295147905179352830000"},
        {0x44b52d02c7e14af5, "9.999999999999997e+22"},
        {0x44b52d02c7e14af6, "1e+23"},
        {0x44b52d02c7e14af7, "1.0000000000000001e+23"},
        {0x444b1ae4d6e2ef4e, "999999999999999700000"},
        {0x444b1ae4d6e2ef4f, "999999999999999900000"},
        {0x444b1ae4d6e2ef50, "1e+21"},
        {0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7"},
        {0x3eb0c6f7a0b5ed8d, "0.000001"},
        {0x41b3de4355555553, "333333333.3333332"},
        {0x41b3de4355555554, "333333333.33333325"},
        {0x41b3de4355555555, "333333333.3333333"},
        {0x41b3de4355555556, "333333333.3333334"},
        {0x41b3de4355555557, "333333333.33333343"},
        {0xbecbf647612f3696, "-0.0000033333333333333333"},
        {0x43143ff3c1cb0959, "1424953923781206.2"},
    };
    for (const auto& v : vectors) {
        CAPTURE(v.text);
        CHECK(format_es_number(from_bits(v.bits)) == v.text);
        // Reading the text back gives the same double, so the form round-trips.
        CHECK(jcs(v.text) == (std::string_view(v.text) == "0" ? "0" : v.text));
    }
}

TEST_CASE("NaN and the infinities have no canonical form") {
    CHECK_THROWS_AS(format_es_number(from_bits(0x7fffffffffffffff)), JsonError);
    CHECK_THROWS_AS(format_es_number(from_bits(0x7ff0000000000000)), JsonError);
    CHECK_THROWS_AS(format_es_number(-std::numeric_limits<double>::infinity()), JsonError);
    nlohmann::json value = {{"x", std::numeric_limits<double>::quiet_NaN()}};
    CHECK_THROWS_AS(canonicalize(value), JsonError);
}

TEST_CASE("numbers in the ECMAScript forms: integers, fractions and both exponent ranges") {
    CHECK(format_es_number(1e30) == "1e+30");
    CHECK(format_es_number(4.5) == "4.5");
    CHECK(format_es_number(0.002) == "0.002");
    CHECK(format_es_number(1e-7) == "1e-7");
    CHECK(format_es_number(1e-27) == "1e-27");
    CHECK(format_es_number(123456789012345680000.0) == "123456789012345680000");
    CHECK(format_es_number(1.5e300) == "1.5e+300");
    CHECK(format_es_number(-1.25e-10) == "-1.25e-10");
    CHECK(format_es_number(100) == "100");
    CHECK(format_es_number(0.1) == "0.1");
    CHECK(format_es_number(0.000001) == "0.000001");
    // Integers from the parser are doubles too: 2^53 + 1 rounds, as I-JSON says.
    CHECK(jcs("[9007199254740993, -0, 1.0, 1E2, 10000000000000000000000]") ==
          "[9007199254740992,0,1,100,1e+22]");
    CHECK(jcs("18446744073709551615") == "18446744073709552000");
}

TEST_CASE("RFC 8785 section 3.2.2: the sample input canonicalises to the sample output") {
    const std::string input = R"({
  "numbers": [333333333.33333329, 1E30, 4.50,
              2e-3, 0.000000000000000000000000001],
  "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
  "literals": [null, true, false]
})";
    const std::string expected =
        "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
        "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
    CHECK(jcs(input) == expected);
}

TEST_CASE("RFC 8785 section 3.2.3: members are sorted by UTF-16 code units, not bytes") {
    const std::string input = R"({
  "\u20ac": "Euro Sign",
  "\r": "Carriage Return",
  "\ufb33": "Hebrew Letter Dalet With Dagesh",
  "1": "One",
  "\ud83d\ude00": "Emoji: Grinning Face",
  "\u0080": "Control",
  "\u00f6": "Latin Small Letter O With Diaeresis"
})";
    const std::string expected =
        "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
        "\"\u00f6\":\"Latin Small Letter O With Diaeresis\","
        "\"\u20ac\":\"Euro Sign\",\"\U0001F600\":\"Emoji: Grinning Face\","
        "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}";
    CHECK(jcs(input) == expected);
    // Byte order would put U+FB33 (EF AC B3) before U+1F600 (F0 9F 98 80).
    CHECK(utf16_less("\U0001F600", "\ufb33"));
    CHECK_FALSE(utf16_less("\ufb33", "\U0001F600"));
}

TEST_CASE("the RFC's UTF-8 bytes of the sample output") {
    const std::string out = jcs(R"({"numbers":[1E30,4.50,6,2e-3,0.000000000000000000000000001],)"
                                R"("escaping":"\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",)"
                                R"("other":[null,true,false]})");
    const unsigned char expected[] = {
        0x7b, 0x22, 0x65, 0x73, 0x63, 0x61, 0x70, 0x69, 0x6e, 0x67, 0x22, 0x3a, 0x22, 0xe2, 0x82,
        0xac, 0x24, 0x5c, 0x75, 0x30, 0x30, 0x30, 0x66, 0x5c, 0x6e, 0x41, 0x27, 0x42, 0x5c, 0x22,
        0x5c, 0x5c, 0x5c, 0x5c, 0x5c, 0x22, 0x2f, 0x22, 0x2c, 0x22, 0x6e, 0x75, 0x6d, 0x62, 0x65,
        0x72, 0x73, 0x22, 0x3a, 0x5b, 0x31, 0x65, 0x2b, 0x33, 0x30, 0x2c, 0x34, 0x2e, 0x35, 0x2c,
        0x36, 0x2c, 0x30, 0x2e, 0x30, 0x30, 0x32, 0x2c, 0x31, 0x65, 0x2d, 0x32, 0x37, 0x5d, 0x2c,
        0x22, 0x6f, 0x74, 0x68, 0x65, 0x72, 0x22, 0x3a, 0x5b, 0x6e, 0x75, 0x6c, 0x6c, 0x2c, 0x74,
        0x72, 0x75, 0x65, 0x2c, 0x66, 0x61, 0x6c, 0x73, 0x65, 0x5d, 0x7d};
    CHECK(out == std::string(reinterpret_cast<const char*>(expected), sizeof expected));
}

TEST_CASE("strings: only quote, backslash and control characters are escaped") {
    CHECK(jcs(R"("\u0000\u001f\u007f\b\f\n\r\t/\u00e9")") ==
          "\"\\u0000\\u001f\x7f\\b\\f\\n\\r\\t/\u00e9\"");
    CHECK(jcs(R"({"b":[],"a":{},"c":[{}]})") == R"({"a":{},"b":[],"c":[{}]})");
    nlohmann::json bad = std::string("\xff");
    CHECK_THROWS_AS(canonicalize(bad), JsonError);
}

TEST_CASE("ordered_json and json canonicalise alike") {
    nlohmann::ordered_json ordered;
    ordered["z"] = 1;
    ordered["a"] = {{"y", true}, {"b", nullptr}};
    CHECK(canonicalize(ordered) == R"({"a":{"b":null,"y":true},"z":1})");
    CHECK(canonicalize(nlohmann::json::parse(ordered.dump())) == canonicalize(ordered));
}

TEST_CASE("duplicate member names are refused, with where they are") {
    CHECK(error_of(R"({"a":1,"a":2})") == "duplicate key \"a\" in /");
    CHECK(error_of(R"({"x":[1,{"k":{"b":1,"c":2,"b":3}}]})") == "duplicate key \"b\" in /x/1/k");
    CHECK_NOTHROW(parse_strict_json(R"([{"a":1},{"a":2}])"));
}

TEST_CASE("malformed JSON is refused with the byte, line and column") {
    CHECK(
        error_of("{\"a\":\n  tru}").starts_with("malformed JSON at byte 11 (line 2, column 6): "));
    CHECK(error_of("").starts_with("malformed JSON at byte 0"));
    CHECK(error_of("{} {}").starts_with("malformed JSON at byte 3 (line 1, column 4)"));
    CHECK(error_of("[1,]").find("malformed JSON") == 0);
    CHECK(error_of("\"\xff\"").find("malformed JSON") == 0);    // not UTF-8
    CHECK(error_of(R"("\ud800")").find("malformed JSON") == 0); // lone surrogate
    CHECK(error_of("[1e400]").find("malformed JSON") == 0);     // beyond a double
    CHECK(error_of("{\"a\":1} // comment").find("malformed JSON") == 0);
}

TEST_CASE("nesting is capped, so hostile input cannot exhaust the stack") {
    std::string deep(kMaxJsonDepth, '[');
    deep += std::string(kMaxJsonDepth, ']');
    CHECK_NOTHROW(parse_strict_json(deep));
    const std::string deeper = std::string(100000, '[') + std::string(100000, ']');
    CHECK(error_of(deeper).starts_with("JSON nested deeper than 64 levels at /0/0/0"));
    nlohmann::json value = nlohmann::json::array();
    nlohmann::json* at = &value;
    for (std::size_t i = 0; i < kMaxJsonDepth + 2; ++i) {
        at->push_back(nlohmann::json::array());
        at = &(*at)[0];
    }
    CHECK_THROWS_AS(canonicalize(value), JsonError);
}
