// Our RDFC-1.0 output, byte for byte, against two independent implementations run
// as subprocesses: Debian's python3-pyld and node-rdf-canonize (both call the
// algorithm by its older name, URDNA2015, which RDFC-1.0 standardised).
//
// Both get the quads as JSON (tests/linkeddata/oracles/): their N-Quads readers
// decode fewer escapes than N-Quads has. They also still write literals the RDF 1.1
// way (a tab as itself, not \t), so the datasets keep to characters every version
// writes alike; RDFC-1.0's own escapes are checked in nquads_test.cpp and by the W3C
// suite.
#include "linkeddata/nquads.hpp"
#include "linkeddata/rdfc10.hpp"
#include "rdfc_datasets.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <sys/wait.h>

using namespace sightline::linkeddata;
using sightline::test::kRdfcDatasets;
using sightline::test::load_rdfc_dataset;

namespace {

const std::string kOracles = std::string(SIGHTLINE_SOURCE_DIR) + "/tests/linkeddata/oracles/";

struct Oracle {
    std::string name;
    std::string probe;        // a command that succeeds when the oracle can run
    std::string install_hint; // what to do when it cannot
    std::string command;      // the datasets' JSON file name is appended
};

const Oracle kPyld{"pyld", "/usr/bin/python3 -c 'import pyld' >/dev/null 2>&1",
                   "install it with: apt-get install python3-pyld (Debian's python3, "
                   "/usr/bin/python3)",
                   "/usr/bin/python3 '" + kOracles + "pyld_urdna2015.py' "};
const Oracle kRdfCanonize{"rdf-canonize",
                          "node -e \"require('/usr/share/nodejs/rdf-canonize')\" >/dev/null 2>&1",
                          "install it with: apt-get install node-rdf-canonize (and nodejs)",
                          "node '" + kOracles + "rdf_canonize_urdna2015.js' "};

nlohmann::json term_json(const Term& term) {
    switch (term.kind) {
    case Term::Kind::Iri:
        return {{"termType", "NamedNode"}, {"value", term.value}};
    case Term::Kind::Blank:
        return {{"termType", "BlankNode"}, {"value", "_:" + term.value}};
    case Term::Kind::Literal:
        return {{"termType", "Literal"},
                {"value", term.value},
                {"datatype", {{"termType", "NamedNode"}, {"value", term.datatype}}},
                {"language", term.language}};
    case Term::Kind::DefaultGraph:
        break;
    }
    return {{"termType", "DefaultGraph"}, {"value", ""}};
}

// A dataset as the oracles read it: a set, so without repeated quads.
nlohmann::json dataset_json(Dataset dataset) {
    std::sort(dataset.begin(), dataset.end());
    dataset.erase(std::unique(dataset.begin(), dataset.end()), dataset.end());
    nlohmann::json quads = nlohmann::json::array();
    for (const Quad& quad : dataset) {
        quads.push_back({{"subject", term_json(quad.subject)},
                         {"predicate", term_json(quad.predicate)},
                         {"object", term_json(quad.object)},
                         {"graph", term_json(quad.graph)}});
    }
    return quads;
}

// What the oracle prints for `datasets` (name -> quads): name -> canonical N-Quads.
// One run for all datasets, as starting Python or Node takes longer than the work.
// Fails the test when the oracle cannot run or fails.
nlohmann::json run(const Oracle& oracle, const nlohmann::json& datasets) {
    const sightline::test::TempDir dir;
    const std::string input = (dir.path() / "datasets.json").string();
    std::ofstream(input, std::ios::binary) << datasets.dump();
    const std::string errors = (dir.path() / "errors.txt").string();
    const std::string command = oracle.command + "'" + input + "' 2>'" + errors + "'";
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string out;
    std::array<char, 4096> buffer{};
    while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) {
        out.append(buffer.data(), n);
    }
    const int status = ::pclose(pipe);
    std::ifstream error_file(errors);
    const std::string error_text((std::istreambuf_iterator<char>(error_file)),
                                 std::istreambuf_iterator<char>());
    INFO(oracle.name << " said: " << error_text);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    return nlohmann::json::parse(out);
}

void compare_with(const Oracle& oracle) {
    if (std::system(oracle.probe.c_str()) != 0) {
        FAIL(oracle.name << " cannot run here; " << oracle.install_hint);
    }
    nlohmann::json datasets = nlohmann::json::object();
    for (const std::string& name : kRdfcDatasets) {
        datasets[name] = dataset_json(load_rdfc_dataset(name));
    }
    const nlohmann::json theirs = run(oracle, datasets);
    for (const std::string& name : kRdfcDatasets) {
        INFO("dataset: " << name << " (tests/linkeddata/data/rdfc/" << name << ".nq)");
        REQUIRE(theirs.contains(name));
        CHECK(canonicalize(load_rdfc_dataset(name)).nquads == theirs[name].get<std::string>());
    }
}

} // namespace

TEST_CASE("RDFC-1.0 agrees byte for byte with pyld on every hand-written dataset") {
    compare_with(kPyld);
}

TEST_CASE("RDFC-1.0 agrees byte for byte with rdf-canonize on every hand-written dataset") {
    compare_with(kRdfCanonize);
}
