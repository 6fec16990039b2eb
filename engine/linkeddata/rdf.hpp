// RDF 1.1 datasets as plain values: what JSON-LD expansion produces
// (jsonld.hpp) and what RDFC-1.0 canonicalises (rdfc10.hpp).
#pragma once

#include <string>
#include <vector>

namespace sightline::linkeddata {

inline constexpr const char* kXsdString = "http://www.w3.org/2001/XMLSchema#string";
inline constexpr const char* kRdfLangString =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

// One node or value. A blank node's value is its label without "_:".
// A literal always has a datatype (xsd:string when none was written, rdf:langString
// with a language tag). The default graph is a Term of kind DefaultGraph.
struct Term {
    enum class Kind { Iri, Blank, Literal, DefaultGraph };
    Kind kind = Kind::DefaultGraph;
    std::string value;
    std::string datatype; // literals only
    std::string language; // rdf:langString literals only

    static Term iri(std::string value) { return {Kind::Iri, std::move(value), {}, {}}; }
    static Term blank(std::string label) { return {Kind::Blank, std::move(label), {}, {}}; }
    static Term literal(std::string value, std::string datatype = kXsdString,
                        std::string language = {}) {
        return {Kind::Literal, std::move(value), std::move(datatype), std::move(language)};
    }
    static Term default_graph() { return {}; }

    bool is_blank() const { return kind == Kind::Blank; }
    friend bool operator==(const Term&, const Term&) = default;
    friend auto operator<=>(const Term&, const Term&) = default;
};

struct Quad {
    Term subject;
    Term predicate;
    Term object;
    Term graph; // Kind::DefaultGraph for the default graph

    friend bool operator==(const Quad&, const Quad&) = default;
    friend auto operator<=>(const Quad&, const Quad&) = default;
};

// A dataset as a list; duplicates are allowed on input and removed by canonicalisation.
using Dataset = std::vector<Quad>;

} // namespace sightline::linkeddata
