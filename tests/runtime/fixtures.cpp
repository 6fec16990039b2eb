#include "fixtures.hpp"

#include "content/compile.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
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
            messages += d.code + ": " + d.message + "\n";
        }
        FAIL("test scenario does not compile:\n" << messages);
        throw std::logic_error("unreachable");
    }
    return std::move(*result.bundle);
}

std::string format_example_text() {
    // The example is the last ``` block after the "A complete example" heading.
    std::ifstream in(SIGHTLINE_SOURCE_DIR "/content/FORMAT.md");
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string doc = buffer.str();
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

} // namespace sightline::test
