// Golden test: source -> bundle bytes -> reader -> dump must equal the reviewed
// text in tests/content/golden/. To accept an intended change, run the test with
// SIGHTLINE_UPDATE_GOLDEN=1 and review the diff like code.
#include "bundle/bundle.hpp"
#include "content/compile.hpp"
#include "model/dump.hpp"
#include "support/files.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace sightline;

TEST_CASE("golden: the FORMAT.md example dumps exactly as reviewed") {
    const std::string source = test::read_source_file("tests/content/examples/format-example.scn");
    const content::CompileResult result = content::compile_text("format-example.scn", source);
    REQUIRE(result.bundle.has_value());
    const auto bytes = bundle::write_bundle(*result.bundle, bundle::compiler_version_number());
    const bundle::LoadedBundle loaded = bundle::read_bundle(bytes, "format-example.slpack");
    std::ostringstream dumped;
    model::dump(dumped, loaded.model);

    const std::string golden_path = "tests/content/golden/format-example.dump";
    if (std::getenv("SIGHTLINE_UPDATE_GOLDEN")) {
        std::ofstream(std::string(SIGHTLINE_SOURCE_DIR) + "/" + golden_path) << dumped.str();
    }
    CHECK(dumped.str() == test::read_source_file(golden_path));
}
