// Hostile sources get diagnostics in bounded time and memory: nothing a file
// contains can drive the compiler into deep recursion or a crash.
#include "content/compile.hpp"
#include "model/link.hpp"

#include <doctest/doctest.h>

#include <random>
#include <set>

using namespace sightline;

namespace {

std::set<content::DiagnosticCode> codes_of(const content::CompileResult& result) {
    std::set<content::DiagnosticCode> codes;
    for (const content::Diagnostic& d : result.diagnostics) {
        codes.insert(d.code);
    }
    return codes;
}

const char* kDeclarations = R"(role hotel
name: Hotel
dimension recognition
name: Recognition
tier best
name: Best
rank: 0
outcome done
name: Done
indicator hotel.cash-nightly
name: Cash
category: payment
type: both
roles: hotel
description: Cash.
scenario chain
title: Chain
role: hotel
language: en
minutes: 1
objective: Walk.
content-note: None.
indicators: hotel.cash-nightly
response: Report.
report: Hotline.
)";

} // namespace

TEST_CASE("binary garbage gives errors, not a crash") {
    std::mt19937 random(7);
    std::string garbage(1 << 20, '\0');
    for (char& c : garbage) {
        c = static_cast<char>(random() & 0xFF);
    }
    const content::CompileResult result = content::compile_text("garbage.bin", garbage);
    CHECK(result.has_errors());
    CHECK(codes_of(result).contains(content::codes::invalid_utf8));
    CHECK_FALSE(result.bundle.has_value());
}

TEST_CASE("NUL bytes are reported with their column") {
    const content::CompileResult result =
        content::compile_text("nul.scn", std::string("role hotel\nname: Ho\0tel\n", 24));
    REQUIRE(codes_of(result) == std::set<content::DiagnosticCode>{content::codes::nul_byte});
    CHECK(result.diagnostics[0].location.line == 2);
    CHECK(result.diagnostics[0].location.column == 9);
}

TEST_CASE("a multi-megabyte line is reported and skipped") {
    std::string text = "role hotel\nname: " + std::string(4 << 20, 'x') + "\n";
    const content::CompileResult result = content::compile_text("long.scn", text);
    CHECK(codes_of(result).contains(content::codes::line_too_long));
}

TEST_CASE("5,000 nested parentheses stop at the nesting limit") {
    std::string text = std::string(kDeclarations) + "\n== a\n{if " + std::string(5000, '(') +
                       "true" + std::string(5000, ')') + "} Text.\n-> b\n== b\nending: done\n";
    const content::CompileResult result = content::compile_text("deep.scn", text);
    CHECK(codes_of(result) ==
          std::set<content::DiagnosticCode>{content::codes::expression_too_deep});
}

TEST_CASE("a long run of 'not' is parsed and checked without recursion") {
    std::string condition;
    for (int i = 0; i < 2000; ++i) {
        condition += "not ";
    }
    std::string text = std::string(kDeclarations) + "\n== a\n{if " + condition +
                       "true} Text.\n-> b\n== b\nending: done\n";
    const content::CompileResult result = content::compile_text("nots.scn", text);
    CHECK(result.diagnostics.empty());
}

TEST_CASE("a 200,000-node chain compiles, and its score bounds are computed iteratively") {
    std::string text = kDeclarations;
    text.reserve(text.size() + 200000 * 60);
    constexpr int kNodes = 200000;
    for (int i = 0; i < kNodes - 1; ++i) {
        text += "== n" + std::to_string(i) + "\n* [go] Go on. -> n" + std::to_string(i + 1) +
                "\n    tier: best\n    score: recognition +1\n    feedback: On.\n";
    }
    text += "== n" + std::to_string(kNodes - 1) + "\nending: done\n";
    const content::CompileResult result = content::compile_text("chain.scn", text);
    CHECK(result.diagnostics.empty());
    REQUIRE(result.bundle.has_value());
    REQUIRE(result.bundle->scenarios[0].score_ranges.size() == 1);
    CHECK(result.bundle->scenarios[0].score_ranges[0].max == kNodes - 1);
}

TEST_CASE("more score dimensions than the cap are refused by the checker and by link()") {
    std::string text = "role hotel\nname: Hotel\n";
    for (std::size_t d = 0; d <= model::kMaxDimensions; ++d) {
        text += "dimension d" + std::to_string(d) + "\nname: D\n";
    }
    const content::CompileResult result = content::compile_text("dims.scn", text);
    CHECK(codes_of(result) == std::set<content::DiagnosticCode>{content::codes::invalid_value});
    REQUIRE_FALSE(result.diagnostics.empty());
    CHECK(result.diagnostics[0].location.line == 3 + 2 * model::kMaxDimensions);

    // A bundle from elsewhere gets the same answer from link(), before any
    // per-scenario work is done for each dimension.
    model::Bundle bundle;
    bundle.dimensions.resize(model::kMaxDimensions + 1);
    for (std::size_t d = 0; d < bundle.dimensions.size(); ++d) {
        bundle.dimensions[d].id = "d" + std::to_string(d);
    }
    const model::LinkResult linked = model::link(bundle);
    CHECK(linked.total == 1);
    REQUIRE(linked.problems.size() == 1);
    CHECK(linked.problems[0].find("at most 64") != std::string::npos);
}
