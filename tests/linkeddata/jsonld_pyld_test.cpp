// Our expansion and RDF against Debian's pyld on hand-written contexts and documents
// (data/jsonld/) in the shapes VC 2.0 and OB 3.0 credentials take. For each document:
// the expanded form is the same JSON, the N-Quads are the same lines (blank nodes
// labelled in the same order), and both datasets canonicalise (URDNA2015) the same.
#include "credentials/jcs.hpp"
#include "jsonld_support.hpp"
#include "linkeddata/jsonld.hpp"

#include <doctest/doctest.h>

using namespace sightline;
using namespace sightline::linkeddata;
using nlohmann::json;

namespace {

std::string jcs(const json& value) {
    return credentials::canonicalize(value);
}

struct Ours {
    json expanded;
    std::string nquads;
};

Ours ours(const std::string& name) {
    const json document = json::parse(test::read_text(test::kJsonLdData / "documents" / name));
    Ours out;
    out.expanded = expand(document, test::test_contexts());
    out.nquads = test::sorted_nquads(to_rdf(out.expanded, jcs));
    return out;
}

void check_against_pyld(const std::string& name, const std::string& base = {}) {
    const Ours mine = ours(name);
    const test::PyldResult pyld = test::run_pyld(test::kJsonLdData / "documents" / name,
                                                 test::test_context_files(), mine.nquads, base);
    REQUIRE_MESSAGE(pyld.error.empty(), "pyld refused " << name << ": " << pyld.error);
    CHECK_MESSAGE(mine.expanded == pyld.expanded, "ours:\n"
                                                      << mine.expanded.dump(1) << "\npyld:\n"
                                                      << pyld.expanded.dump(1));
    CHECK(mine.nquads == pyld.nquads);
    CHECK(pyld.ours_canonical == pyld.canonical);
    CHECK(std::count(mine.nquads.begin(), mine.nquads.end(), '\n') > 5);
}

bool has_line(const std::string& nquads, const std::string& line) {
    return nquads.find(line + "\n") != std::string::npos;
}

} // namespace

TEST_CASE("pyld agrees on a credential: protected, type-scoped and property-scoped contexts, "
          "@vocab, a @graph proof, @json") {
    check_against_pyld("credential.json");
}

TEST_CASE("pyld agrees on a presentation: [@graph, @set] with a null scoped context, named "
          "graphs") {
    check_against_pyld("graphs.json");
}

TEST_CASE("pyld agrees on numbers, booleans, datatypes and duplicate values") {
    check_against_pyld("numbers.json");
}

TEST_CASE("pyld agrees on languages: default, per term, per value, scoped") {
    check_against_pyld("language.json");
}

TEST_CASE("pyld agrees on lists: @list containers, explicit lists, lists of lists, @set") {
    check_against_pyld("lists.json");
}

TEST_CASE("pyld agrees on scoping: @propagate, keyword aliases, compact IRIs, blank nodes") {
    check_against_pyld("scoping.json");
}

TEST_CASE("pyld agrees on @base: relative IRIs resolved as RFC 3986 says") {
    // pyld applies a context's @base only when the document has a base of its own;
    // any absolute one works, as @base overrides it.
    check_against_pyld("base.json", "https://unused.sightline.test/doc");
}

TEST_CASE("the credential's quads say what the contexts mean") {
    const std::string nquads = ours("credential.json").nquads;
    const std::string id = "<urn:uuid:0d4c7a2e-5f61-4b7e-9a0c-2f1e8d3b6c55>";
    const std::string badge = "<urn:sightline:course:night-driving>";
    // A term whose @id is another term of the same context.
    CHECK(has_line(nquads, id + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                                "<https://vocab.sightline.test/badge#BadgeCredential> ."));
    CHECK(has_line(nquads,
                   id + " <https://vocab.sightline.test/cred#startsAt> "
                        "\"2025-03-14T16:20:00Z\"^^<http://www.w3.org/2001/XMLSchema#dateTime> ."));
    // "xsd:dateTime" with no xsd prefix defined is an IRI with the scheme "xsd".
    CHECK(has_line(nquads, id + " <https://vocab.sightline.test/badge#granted> "
                                "\"2025-03-14T16:20:00Z\"^^<xsd:dateTime> ."));
    CHECK(has_line(nquads, badge + " <https://vocab.sightline.test/badge#credits> "
                                   "\"5.0E-1\"^^<https://www.w3.org/2001/XMLSchema#float> ."));
    // The Credential type's issuedBy does not reach the nested badge: @vocab takes it.
    CHECK(nquads.find(badge + " <https://vocab.sightline.test/open#issuedBy> ") !=
          std::string::npos);
    CHECK(has_line(nquads, id + " <https://vocab.sightline.test/cred#summary> "
                                "\"Attestation de fin de formation\"@fr-ca ."));
    CHECK(has_line(
        nquads, id +
                    " <https://vocab.sightline.test/cred#schema> "
                    "\"{\\\"a\\\":{\\\"y\\\":null,\\\"z\\\":true},\\\"b\\\":[1,2.5,\\\"\u00e9\\\"]}"
                    "\"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON> ."));
    // The proof-like attachment lives in its own graph, named by a blank node.
    CHECK(nquads.find("<https://vocab.sightline.test/sec#purpose> "
                      "<https://vocab.sightline.test/sec#vouching> _:b") != std::string::npos);
}

TEST_CASE("xsd:double literals take the canonical form") {
    CHECK(format_xsd_double(0.5) == "5.0E-1");
    CHECK(format_xsd_double(2.0) == "2.0E0");
    CHECK(format_xsd_double(-0.001) == "-1.0E-3");
    CHECK(format_xsd_double(1e21) == "1.0E21");
    CHECK(format_xsd_double(123456.789) == "1.23456789E5");
    CHECK(format_xsd_double(0.1 + 0.2) == "3.0E-1"); // 16 significant digits, as pyld
    CHECK(format_xsd_double(-0.0) == "-0.0E0");
    CHECK(format_xsd_double(5e-324) == "4.940656458412465E-324");
}
