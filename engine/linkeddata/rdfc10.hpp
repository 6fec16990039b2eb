// RDF Dataset Canonicalization, RDFC-1.0 (W3C Recommendation, 21 May 2024): gives every
// blank node of a dataset a canonical label (c14n0, c14n1, ...) so that isomorphic
// datasets serialise to the same canonical N-Quads, whatever their input labels and
// quad order.
#pragma once

#include "linkeddata/digest.hpp"
#include "linkeddata/rdf.hpp"

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace sightline::linkeddata {

// The dataset cannot be canonicalised: it needs more work than the options allow (the
// specification's "dataset poisoning", canonicalisation stopped early), or a quad is
// not RDF (say, a literal subject). what() begins "RDF canonicalization refused: ".
class Rdfc10Error : public std::runtime_error {
  public:
    explicit Rdfc10Error(const std::string& what) : std::runtime_error(what) {}
};

// The work limits are the specification's defence against poison datasets (its
// section "Dataset Poisoning"); the defaults pass every dataset of the W3C suite
// except its 10-node clique, which must be refused.
struct CanonicalizeOptions {
    HashAlgorithm hash = HashAlgorithm::Sha256;
    // How many times Hash N-Degree Quads may run for one blank node, recursive runs
    // included. A ring of n blank nodes needs n; a complete graph of 4 needs 19, of 5
    // 97, of 7 4321 (of 10, extrapolating, millions); the W3C suite's "evil" graphs 43.
    // Every permutation tried makes such a run, so this bounds the permutations too.
    std::size_t max_deep_iterations = 128;
    // How deeply Hash N-Degree Quads may recurse: one level per blank node along a
    // path of not yet labelled nodes (two copies of a 512-item list reach 512). Bounds
    // the stack: a level takes about 1 KB (6 KB with AddressSanitizer).
    std::size_t max_recursion_depth = 512;
};

struct CanonicalForm {
    // The serialized canonical form: canonical N-Quads lines in code point order,
    // each ending in "\n".
    std::string nquads;
    // Each input blank node label and its canonical label (without "_:"), in the order
    // the canonical labels were issued (c14n0 first).
    std::vector<std::pair<std::string, std::string>> issued;
    // The input without duplicates, relabelled, in the order of `nquads`.
    Dataset dataset;
};

// Canonicalises `input` (repeated quads count once). Throws Rdfc10Error.
CanonicalForm canonicalize(const Dataset& input, const CanonicalizeOptions& options = {});

} // namespace sightline::linkeddata
