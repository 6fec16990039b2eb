// The hand-written datasets under tests/linkeddata/data/rdfc/ that RDFC-1.0 is tested
// on, and small helpers around them.
#pragma once

#include "linkeddata/nquads.hpp"
#include "support/files.hpp"

#include <string>
#include <vector>

namespace sightline::test {

// Every dataset canonicalisation must succeed on (poison-clique-10 must not).
inline const std::vector<std::string> kRdfcDatasets = {
    "simple",
    "no-blank-nodes",
    "literal-escaping",
    "language-tags",
    "named-graphs",
    "blank-graph-names",
    "duplicates",
    "isomorphic-a",
    "isomorphic-b",
    "ring-6",
    "two-rings",
    "clique-4",
    "undirected-ring-5",
    "deep-difference",
    "credential",
};

inline linkeddata::Dataset load_rdfc_dataset(const std::string& name) {
    return linkeddata::parse_nquads(read_source_file("tests/linkeddata/data/rdfc/" + name + ".nq"));
}

} // namespace sightline::test
