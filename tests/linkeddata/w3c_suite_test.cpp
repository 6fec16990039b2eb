// The W3C RDFC-1.0 test suite, read at test time from the folder named by
// SIGHTLINE_RDF_CANON_TESTS (the tests/ folder of w3c/rdf-canon; the suite is not
// part of this repository). tools/rdf-canon-suite.sh materialises it from a git
// directory.
#include "linkeddata/nquads.hpp"
#include "linkeddata/rdfc10.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using namespace sightline::linkeddata;

namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot read " << path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return std::move(text).str();
}

struct Outcome {
    bool passed = false;
    std::string detail;
};

Outcome run_entry(const std::filesystem::path& suite, const nlohmann::json& entry) {
    const std::string type = entry.at("type").get<std::string>();
    CanonicalizeOptions options;
    const std::string hash = entry.value("hashAlgorithm", std::string("SHA256"));
    if (hash == "SHA384") {
        options.hash = HashAlgorithm::Sha384;
    } else if (hash != "SHA256") {
        return {false, "unknown hashAlgorithm " + hash};
    }
    const Dataset input = parse_nquads(read_file(suite / entry.at("action").get<std::string>()));
    if (type == "rdfc:RDFC10NegativeEvalTest") {
        try {
            canonicalize(input, options);
        } catch (const Rdfc10Error& error) {
            return {true, error.what()};
        }
        return {false, "canonicalised a dataset that must be refused"};
    }
    const std::filesystem::path result = suite / entry.at("result").get<std::string>();
    const CanonicalForm form = canonicalize(input, options);
    if (type == "rdfc:RDFC10EvalTest") {
        const std::string expected = read_file(result);
        return {form.nquads == expected, "expected:\n" + expected + "got:\n" + form.nquads};
    }
    if (type == "rdfc:RDFC10MapTest") {
        const nlohmann::json expected = nlohmann::json::parse(read_file(result));
        nlohmann::json issued = nlohmann::json::object();
        for (const auto& [input_label, canonical_label] : form.issued) {
            issued[input_label] = canonical_label;
        }
        return {issued == expected, "expected " + expected.dump() + ", got " + issued.dump()};
    }
    return {false, "unknown test type " + type};
}

} // namespace

TEST_CASE("W3C RDFC-1.0 suite: every evaluation, map and negative test "
          "(SIGHTLINE_RDF_CANON_TESTS)") {
    const char* folder = std::getenv("SIGHTLINE_RDF_CANON_TESTS");
    if (folder == nullptr || *folder == '\0') {
        MESSAGE("SIGHTLINE_RDF_CANON_TESTS is not set, so the W3C RDFC-1.0 suite did not run. "
                "Run it with\n  SIGHTLINE_RDF_CANON_TESTS=$(tools/rdf-canon-suite.sh "
                "<git dir of w3c/rdf-canon>) ctest --preset release -R 'W3C RDFC-1.0 suite'");
        // The command above must exist.
        CHECK(std::filesystem::is_regular_file(std::string(SIGHTLINE_SOURCE_DIR) +
                                               "/tools/rdf-canon-suite.sh"));
        return;
    }
    const std::filesystem::path suite(folder);
    const nlohmann::json manifest = nlohmann::json::parse(read_file(suite / "manifest.jsonld"));
    const nlohmann::json& entries = manifest.at("entries");
    REQUIRE(entries.size() > 0);
    std::size_t passed = 0;
    std::string slowest; // the slowest test that canonicalises
    double slowest_ms = 0;
    std::string refusal_time; // the negative test(s)
    for (const nlohmann::json& entry : entries) {
        const std::string id = entry.at("id").get<std::string>();
        const std::string type = entry.at("type").get<std::string>();
        INFO(id << " " << entry.value("name", std::string()) << " (" << type << ")");
        const auto start = std::chrono::steady_clock::now();
        const Outcome outcome = run_entry(suite, entry);
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
        if (type == "rdfc:RDFC10NegativeEvalTest") {
            refusal_time += " " + id + " refused in " + std::to_string(ms) + " ms";
        } else if (ms > slowest_ms) {
            slowest_ms = ms;
            slowest = id;
        }
        INFO(outcome.detail);
        CHECK(outcome.passed);
        passed += outcome.passed ? 1 : 0;
    }
    MESSAGE("W3C RDFC-1.0 suite in " << suite.string() << ": " << passed << " of " << entries.size()
                                     << " passed; slowest " << slowest << " at " << slowest_ms
                                     << " ms;" << refusal_time);
    CHECK(passed == entries.size());
}
