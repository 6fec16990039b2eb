// RDFC-1.0 on the hand-written datasets: the canonical form does not depend on
// labels, quad order or repetition, the issued map and the relabelled dataset agree
// with the N-Quads, and the work limits refuse poison datasets.
#include "linkeddata/nquads.hpp"
#include "linkeddata/rdfc10.hpp"
#include "rdfc_datasets.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <random>
#include <set>
#include <string>

using namespace sightline::linkeddata;
using sightline::test::kRdfcDatasets;
using sightline::test::load_rdfc_dataset;

namespace {

// `dataset` with every blank node renamed at random, its quads shuffled and some
// repeated: the same RDF dataset, written differently.
Dataset disguise(const Dataset& dataset, std::mt19937& random) {
    std::vector<std::string> labels;
    for (const Quad& quad : dataset) {
        for (const Term* term : {&quad.subject, &quad.object, &quad.graph}) {
            if (term->is_blank() &&
                std::find(labels.begin(), labels.end(), term->value) == labels.end()) {
                labels.push_back(term->value);
            }
        }
    }
    std::vector<std::size_t> numbers(labels.size());
    for (std::size_t i = 0; i < numbers.size(); ++i) {
        numbers[i] = i;
    }
    std::shuffle(numbers.begin(), numbers.end(), random);
    static const std::vector<std::string> kPrefixes = {"n", "b", "c14n", "z", "x.y", "_"};
    std::map<std::string, std::string> renamed;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        renamed[labels[i]] = kPrefixes[random() % kPrefixes.size()] + std::to_string(numbers[i]);
    }
    Dataset out;
    for (Quad quad : dataset) {
        for (Term* term : {&quad.subject, &quad.object, &quad.graph}) {
            if (term->is_blank()) {
                term->value = renamed.at(term->value);
            }
        }
        out.push_back(quad);
        if (random() % 5 == 0) {
            out.push_back(quad);
        }
    }
    std::shuffle(out.begin(), out.end(), random);
    return out;
}

std::size_t line_count(const std::string& text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// Rdfc10Error's message for `dataset`, or "" when it canonicalises.
std::string refusal(const Dataset& dataset, const CanonicalizeOptions& options = {}) {
    try {
        canonicalize(dataset, options);
    } catch (const Rdfc10Error& error) {
        return error.what();
    }
    return "";
}

// Two copies of a chain of `length` blank nodes, node i carrying the value i: every
// node shares its first degree hash with its twin, so Hash N-Degree Quads walks the
// whole chain, one recursion level per node.
Dataset twin_chains(std::size_t length) {
    Dataset dataset;
    for (const std::string twin : {"a", "b"}) {
        for (std::size_t i = 0; i < length; ++i) {
            const Term node = Term::blank(twin + std::to_string(i));
            dataset.push_back({node, Term::iri("https://sightline.example/p/value"),
                               Term::literal(std::to_string(i)), Term::default_graph()});
            if (i + 1 < length) {
                dataset.push_back({node, Term::iri("https://sightline.example/p/next"),
                                   Term::blank(twin + std::to_string(i + 1)),
                                   Term::default_graph()});
            }
        }
    }
    return dataset;
}

// A chain of `length` blank nodes that all carry the same value.
Dataset equal_chain(std::size_t length) {
    Dataset dataset;
    for (std::size_t i = 0; i < length; ++i) {
        const Term node = Term::blank("e" + std::to_string(i));
        dataset.push_back({node, Term::iri("https://sightline.example/p/value"),
                           Term::literal("same"), Term::default_graph()});
        if (i + 1 < length) {
            dataset.push_back({node, Term::iri("https://sightline.example/p/next"),
                               Term::blank("e" + std::to_string(i + 1)), Term::default_graph()});
        }
    }
    return dataset;
}

} // namespace

TEST_CASE("RDFC-1.0: the canonical form is sorted, deduplicated and matches the dataset") {
    for (const std::string& name : kRdfcDatasets) {
        INFO("dataset: " << name);
        const Dataset input = load_rdfc_dataset(name);
        const CanonicalForm form = canonicalize(input);
        CHECK(!form.nquads.empty());
        CHECK(form.nquads.back() == '\n');
        CHECK(to_nquads(form.dataset) == form.nquads);
        // Sorted in code point order, no line twice.
        std::vector<std::string> lines;
        for (const Quad& quad : form.dataset) {
            lines.push_back(to_nquads(quad));
        }
        CHECK(std::is_sorted(lines.begin(), lines.end()));
        CHECK(std::adjacent_find(lines.begin(), lines.end()) == lines.end());
        // As many quads as distinct input quads.
        Dataset distinct = input;
        std::sort(distinct.begin(), distinct.end());
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        CHECK(form.dataset.size() == distinct.size());
        // The issued map covers every input blank node once, c14n0, c14n1, ... in order.
        std::set<std::string> blank_labels;
        for (const Quad& quad : input) {
            for (const Term* term : {&quad.subject, &quad.object, &quad.graph}) {
                if (term->is_blank()) {
                    blank_labels.insert(term->value);
                }
            }
        }
        REQUIRE(form.issued.size() == blank_labels.size());
        for (std::size_t i = 0; i < form.issued.size(); ++i) {
            CHECK(blank_labels.count(form.issued[i].first) == 1);
            CHECK(form.issued[i].second == "c14n" + std::to_string(i));
        }
        // Relabelling the input through the issued map gives the canonical dataset.
        std::map<std::string, std::string> issued(form.issued.begin(), form.issued.end());
        Dataset relabelled;
        for (Quad quad : distinct) {
            for (Term* term : {&quad.subject, &quad.object, &quad.graph}) {
                if (term->is_blank()) {
                    term->value = issued.at(term->value);
                }
            }
            relabelled.push_back(quad);
        }
        std::sort(relabelled.begin(), relabelled.end());
        Dataset canonical = form.dataset;
        std::sort(canonical.begin(), canonical.end());
        CHECK(relabelled == canonical);
    }
}

TEST_CASE("RDFC-1.0: random relabelling, shuffling and repetition give byte-identical output") {
    std::mt19937 random(17);
    for (const std::string& name : kRdfcDatasets) {
        INFO("dataset: " << name);
        const Dataset input = load_rdfc_dataset(name);
        const std::string expected = canonicalize(input).nquads;
        for (int round = 0; round < 25; ++round) {
            INFO("round " << round);
            CHECK(canonicalize(disguise(input, random)).nquads == expected);
        }
    }
}

TEST_CASE("RDFC-1.0: isomorphic datasets written differently give the same output") {
    const CanonicalForm a = canonicalize(load_rdfc_dataset("isomorphic-a"));
    const CanonicalForm b = canonicalize(load_rdfc_dataset("isomorphic-b"));
    CHECK(a.nquads == b.nquads);
    CHECK(line_count(a.nquads) == 8);
    // One more quad and they differ.
    Dataset more = load_rdfc_dataset("isomorphic-b");
    more.push_back(more.front());
    more.back().object = Term::literal("71", more.back().object.datatype);
    CHECK(canonicalize(more).nquads != a.nquads);
}

TEST_CASE("RDFC-1.0: hand-checked results on small datasets") {
    SUBCASE("no blank nodes: the sorted distinct lines, nothing issued") {
        const CanonicalForm form = canonicalize(parse_nquads("<u:b> <u:p> \"2\" .\n"
                                                             "<u:a> <u:p> \"1\" <u:g> .\n"
                                                             "<u:b> <u:p> \"2\" .\n"));
        CHECK(form.nquads == "<u:a> <u:p> \"1\" <u:g> .\n<u:b> <u:p> \"2\" .\n");
        CHECK(form.issued.empty());
    }
    SUBCASE("one blank node becomes c14n0") {
        const CanonicalForm form = canonicalize(load_rdfc_dataset("simple"));
        REQUIRE(form.issued.size() == 1);
        CHECK(form.issued[0] == std::pair<std::string, std::string>("module", "c14n0"));
        CHECK(form.nquads.find("_:c14n0 <https://schema.org/name> \"Module one: first contact\" "
                               ".\n") != std::string::npos);
    }
    SUBCASE("duplicates count once, and \"x\" is \"x\"^^xsd:string") {
        const CanonicalForm form = canonicalize(load_rdfc_dataset("duplicates"));
        CHECK(line_count(form.nquads) == 6);
        CHECK(form.nquads.find("^^") == std::string::npos);
    }
    SUBCASE("a ring's nodes are all issued, one label each") {
        const CanonicalForm form = canonicalize(load_rdfc_dataset("ring-6"));
        CHECK(form.issued.size() == 6);
        CHECK(line_count(form.nquads) == 6);
        // Following the ring from c14n0 visits every label once.
        std::map<std::string, std::string> next;
        for (const Quad& quad : form.dataset) {
            next[quad.subject.value] = quad.object.value;
        }
        std::set<std::string> seen;
        std::string at = "c14n0";
        for (int i = 0; i < 6; ++i) {
            seen.insert(at);
            at = next.at(at);
        }
        CHECK(at == "c14n0");
        CHECK(seen.size() == 6);
    }
}

TEST_CASE("RDFC-1.0: a quad that is not RDF is refused, not written out") {
    const Term p = Term::iri("https://sightline.example/p");
    const Term g = Term::default_graph();
    CHECK(refusal({{Term::literal("s"), p, Term::blank("o"), g}}) ==
          "RDF canonicalization refused: quad 1 is not RDF: its subject is not an IRI or a blank "
          "node");
    CHECK(refusal({{Term::blank("s"), p, Term::literal("o"), g},
                   {Term::blank("s"), Term::blank("p"), Term::blank("o"), g}})
              .find("quad 2 is not RDF: its predicate is not an IRI") != std::string::npos);
    CHECK(refusal({{Term::blank("s"), p, g, g}}).find("it has no object") != std::string::npos);
    CHECK(refusal({{Term::blank("s"), p, Term::blank("o"), Term::literal("g")}})
              .find("its graph name is a literal") != std::string::npos);
}

TEST_CASE("RDFC-1.0: SHA-256 and SHA-384 digests") {
    // FIPS 180-2 example "abc".
    CHECK(hex_digest(HashAlgorithm::Sha256, "abc") ==
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(hex_digest(HashAlgorithm::Sha384, "abc") ==
          "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca"
          "134c825a7");
    // Both hashes canonicalise isomorphic inputs alike.
    CanonicalizeOptions sha384;
    sha384.hash = HashAlgorithm::Sha384;
    CHECK(canonicalize(load_rdfc_dataset("isomorphic-a"), sha384).nquads ==
          canonicalize(load_rdfc_dataset("isomorphic-b"), sha384).nquads);
}

TEST_CASE("RDFC-1.0: the poison dataset (a clique of 10) is refused quickly") {
    const Dataset poison = load_rdfc_dataset("poison-clique-10");
    const auto start = std::chrono::steady_clock::now();
    const std::string message = refusal(poison);
    const auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start);
    CHECK(message.find("RDF canonicalization refused") != std::string::npos);
    CHECK(message.find("poison") != std::string::npos);
    MESSAGE("refused in " << elapsed.count() * 1000 << " ms: " << message);
    CHECK(elapsed.count() < 5.0);
}

TEST_CASE("RDFC-1.0: max_deep_iterations counts Hash N-Degree Quads runs per blank node") {
    CanonicalizeOptions options;
    // No node needs Hash N-Degree Quads here, so no runs are needed at all.
    options.max_deep_iterations = 0;
    CHECK(refusal(load_rdfc_dataset("credential"), options).empty());
    CHECK(refusal(load_rdfc_dataset("ring-6"), options).find("needs more than 0 runs") !=
          std::string::npos);
    // A ring of 6 needs 6 runs for each node, a clique of 4 needs 19.
    options.max_deep_iterations = 6;
    CHECK(refusal(load_rdfc_dataset("ring-6"), options).empty());
    options.max_deep_iterations = 5;
    CHECK(!refusal(load_rdfc_dataset("ring-6"), options).empty());
    options.max_deep_iterations = 19;
    CHECK(refusal(load_rdfc_dataset("clique-4"), options).empty());
    options.max_deep_iterations = 18;
    CHECK(!refusal(load_rdfc_dataset("clique-4"), options).empty());
}

TEST_CASE("RDFC-1.0: max_recursion_depth bounds the stack on long symmetric chains") {
    // Twin chains of n recurse n/2 to n levels deep (depending on where the first shared
    // hash lies): 512 is within the default limit, 2000 is not.
    const CanonicalForm form = canonicalize(twin_chains(512));
    CHECK(form.issued.size() == 1024);
    CHECK(refusal(twin_chains(2000)).find("recursed deeper than 512") != std::string::npos);
    // In a chain of equal nodes the ends are unique; the first middle node's path runs
    // through the other 299 middle nodes, 300 levels.
    CanonicalizeOptions options;
    options.max_recursion_depth = 299;
    CHECK(refusal(equal_chain(302), options).find("recursed deeper than 299") != std::string::npos);
}

TEST_CASE("RDFC-1.0: canonicalising a credential-sized dataset is fast") {
    const Dataset credential = load_rdfc_dataset("credential");
    REQUIRE(credential.size() == 70);
    constexpr int kRuns = 200;
    std::string last;
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < kRuns; ++i) {
        last = canonicalize(credential).nquads;
    }
    const auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start);
    const double per_run_ms = elapsed.count() * 1000 / kRuns;
    MESSAGE("credential (70 quads, 14 blank nodes): " << per_run_ms << " ms per canonicalisation");
    CHECK(line_count(last) == 70);
    // A loose bound that a sanitizer build on a busy machine still meets.
    CHECK(per_run_ms < 50.0);
}
