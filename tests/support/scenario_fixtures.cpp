#include "support/scenario_fixtures.hpp"

#include "content/compile.hpp"
#include "support/files.hpp"

#include <doctest/doctest.h>

#include <stdexcept>

namespace sightline::test {

const char* const kTaxonomy = R"(
role hotel
name: Hotel staff

dimension recognition
name: Recognition

dimension response
name: Response

tier best
name: Best response
rank: 0

tier poor
name: Poor
rank: 1

outcome done
name: Done

outcome bad
name: Bad

indicator ind.a
name: Sign A
category: behaviour
type: both
roles: hotel
description: The first sign.

indicator ind.b
name: Sign B
category: documents/ID
type: both
roles: hotel
description: The second sign.

)";

model::Bundle compile_scn(std::string_view text, bool with_taxonomy) {
    const std::string source =
        (with_taxonomy ? std::string(kTaxonomy) : std::string()) + std::string(text);
    content::CompileResult result = content::compile_text("test.scn", source);
    if (!result.bundle) {
        std::string messages;
        for (const content::Diagnostic& d : result.diagnostics) {
            messages += std::string(d.code.id()) + ": " + d.message + "\n";
        }
        FAIL("test scenario does not compile:\n" << messages);
        throw std::logic_error("unreachable");
    }
    return std::move(*result.bundle);
}

std::string format_example_text() {
    // The example is the last ``` block after the "A complete example" heading.
    const std::string doc = read_source_file("content/FORMAT.md");
    const auto heading = doc.find("## A complete example");
    REQUIRE(heading != std::string::npos);
    const auto open = doc.find("```\n", heading);
    REQUIRE(open != std::string::npos);
    const auto close = doc.find("\n```", open + 4);
    REQUIRE(close != std::string::npos);
    return doc.substr(open + 4, close - open - 3);
}

const model::Bundle& format_example() {
    static const model::Bundle bundle = compile_scn(format_example_text(), false);
    return bundle;
}

std::string scenario_header(std::string_view id, std::string_view title) {
    return "\nscenario " + std::string(id) + "\ntitle: " + std::string(title) + R"(
role: hotel
language: en
minutes: 1
objective: o
content-note: n
indicators: ind.a
response: r
report: p

)";
}

std::string stuck_scenario() {
    return scenario_header("t.stuck", "Stuck") + R"(var open: bool = false

== door
A closed door.
* [go] Go through. -> end
    tier: best
    feedback: f
    if: open

== end
ending: done
)";
}

} // namespace sightline::test
