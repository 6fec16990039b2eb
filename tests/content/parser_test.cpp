#include "bundle/bundle.hpp"
#include "content/compile.hpp"
#include "content/expression.hpp"
#include "model/dump.hpp"
#include "support/files.hpp"

#include <doctest/doctest.h>

#include <set>
#include <sstream>

using namespace sightline;

namespace {

std::string dump_of(const model::Bundle& bundle) {
    std::ostringstream out;
    model::dump(out, bundle);
    return out.str();
}

std::string ops_of(const model::Expr& expr) {
    std::string out;
    for (const model::Op& op : expr.ops) {
        out += std::to_string(static_cast<int>(op.code));
        out += op.name.empty() ? "" : ":" + op.name;
        out += ' ';
    }
    return out;
}

const std::string kPrelude =
    sightline::test::read_source_file("tests/content/examples/prelude.scn");

const char* kHeader = R"(scenario demo
title: Demo
role: hotel
language: en
minutes: 5
objective: Learn.
content-note: Short.
indicators: hotel.cash-nightly
response: Tell the manager.
report: Hotline 1-888-373-7888.
)";

content::CompileResult compile_with_prelude(const std::string& text) {
    content::SourceSet sources;
    sources.emplace_back("prelude.scn", kPrelude);
    sources.emplace_back("demo.scn", text);
    return content::compile(std::move(sources));
}

} // namespace

TEST_CASE("the FORMAT.md example compiles without any diagnostic") {
    const std::string text = test::read_source_file("tests/content/examples/format-example.scn");
    const content::CompileResult result = content::compile_text("example.scn", text);
    CHECK(result.diagnostics.empty());
    REQUIRE(result.bundle.has_value());
    CHECK(result.bundle->scenarios.size() == 1);
    CHECK(result.bundle->scenarios[0].nodes.size() == 6);
}

TEST_CASE("a byte-order mark and CRLF line ends give the same model as plain LF") {
    const std::string text = test::read_source_file("tests/content/examples/format-example.scn");
    std::string crlf = "\xEF\xBB\xBF";
    for (char c : text) {
        crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    }
    const content::CompileResult plain = content::compile_text("a.scn", text);
    const content::CompileResult windows = content::compile_text("b.scn", crlf);
    REQUIRE(plain.bundle.has_value());
    REQUIRE(windows.bundle.has_value());
    CHECK(dump_of(*plain.bundle) == dump_of(*windows.bundle));
}

TEST_CASE("narration joins into paragraphs and indented lines continue a field") {
    const content::CompileResult result = compile_with_prelude(std::string(kHeader) + R"(
== desk
A guest pays cash
for one night.

@Guest: Just one key.
{if visits(desk) > 1} You have seen this before.
* [tell] Tell the manager. -> done
    tier: best
    feedback: That is the
      right channel.

== done
ending: reported-safely
debrief: First.
debrief: Second.
)");
    INFO(dump_of(result.bundle.value_or(model::Bundle{})));
    REQUIRE(result.bundle.has_value());
    const model::Node& desk = result.bundle->scenarios[0].nodes[0];
    REQUIRE(desk.body.size() == 3);
    CHECK(desk.body[0].text == "A guest pays cash for one night.");
    CHECK(desk.body[1].speaker == "Guest");
    CHECK(desk.body[1].text == "Just one key.");
    CHECK(desk.body[2].condition.source == "visits(desk) > 1");
    CHECK(desk.choices[0].feedback == "That is the right channel.");
    CHECK(result.bundle->scenarios[0].nodes[1].debrief == "First.\n\nSecond.");
}

TEST_CASE("expressions follow the documented precedence") {
    using model::OpCode;
    auto parse = [](const char* text) {
        content::ParsedExpression parsed = content::parse_expression(text);
        REQUIRE_MESSAGE(parsed.ok, parsed.error.message);
        return ops_of(parsed.expr);
    };
    auto code = [](OpCode c) { return std::to_string(static_cast<int>(c)); };
    // a or (b and (not c))
    CHECK(parse("a or b and not c") ==
          code(OpCode::LoadVar) + ":a " + code(OpCode::LoadVar) + ":b " + code(OpCode::LoadVar) +
              ":c " + code(OpCode::Not) + " " + code(OpCode::And) + " " + code(OpCode::Or) + " ");
    // (x + 1) > 2 : arithmetic binds tighter than comparison
    CHECK(parse("x + 1 > 2") == code(OpCode::LoadVar) + ":x " + code(OpCode::PushInt) + " " +
                                    code(OpCode::Add) + " " + code(OpCode::PushInt) + " " +
                                    code(OpCode::Greater) + " ");
    CHECK(parse("1 - -2") == code(OpCode::PushInt) + " " + code(OpCode::PushInt) + " " +
                                 code(OpCode::Negate) + " " + code(OpCode::Subtract) + " ");
    CHECK(parse("visits(front-desk.2) >= 1") == code(OpCode::Visits) + ":front-desk.2 " +
                                                    code(OpCode::PushInt) + " " +
                                                    code(OpCode::GreaterEqual) + " ");
}

TEST_CASE("expression errors say what is wrong and where") {
    content::ParsedExpression parsed = content::parse_expression("told = true");
    CHECK_FALSE(parsed.ok);
    CHECK(parsed.error.code == content::codes::malformed_expression);
    CHECK(parsed.error.offset == 5);
    CHECK(parsed.error.message.find("==") != std::string::npos);
    CHECK_FALSE(content::parse_expression("(a and b").ok);
    CHECK_FALSE(content::parse_expression("a and").ok);
    CHECK_FALSE(content::parse_expression("\"open").ok);
    CHECK_FALSE(content::parse_expression("99999999999999999999").ok);
}

TEST_CASE("one run reports every problem, each with file, line, column and a caret") {
    const content::CompileResult result = compile_with_prelude(std::string(kHeader) + R"(
== desk
A guest pays cash.
* [tell] Tell the manager. -> dnoe
    tier: best
    feedback: Right.
* [shout] Shout. -> done
    tier: loud
    feedback: No.
    notices: hotel.nothing

== done
ending: reported-safely
)");
    std::set<content::DiagnosticCode> codes;
    for (const content::Diagnostic& d : result.diagnostics) {
        codes.insert(d.code);
    }
    CHECK(codes == std::set<content::DiagnosticCode>{content::codes::unknown_node,
                                                     content::codes::unknown_declaration,
                                                     content::codes::unknown_indicator});
    REQUIRE(!result.diagnostics.empty());
    std::ostringstream printed;
    content::print_diagnostic(printed, result.diagnostics.front(), result.sources);
    CHECK(printed.str() ==
          "demo.scn:14:31: error SL0202: no node 'dnoe' in scenario 'demo'; did you mean "
          "'done'?\n"
          " 14 | * [tell] Tell the manager. -> dnoe\n"
          "    |                               ^\n");
}

TEST_CASE("the same sources give a byte-identical bundle that reads back to the same model") {
    const std::string text = test::read_source_file("tests/content/examples/format-example.scn");
    const content::CompileResult first = content::compile_text("a.scn", text);
    const content::CompileResult second = content::compile_text("a.scn", text);
    REQUIRE(first.bundle.has_value());
    const auto bytes = bundle::write_bundle(*first.bundle, 0x000100);
    CHECK(bytes == bundle::write_bundle(*second.bundle, 0x000100));
    const bundle::LoadedBundle loaded = bundle::read_bundle(bytes, "memory");
    CHECK(dump_of(loaded.model) == dump_of(*first.bundle));
}
