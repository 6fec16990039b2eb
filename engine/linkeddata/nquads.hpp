// N-Quads (RDF 1.1): reading a document into a Dataset, and writing terms and
// quads in the canonical form RDFC-1.0 hashes and outputs (its section
// "A Canonical form of N-Quads").
#pragma once

#include "linkeddata/rdf.hpp"

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace sightline::linkeddata {

// A document that is not N-Quads. what() is "N-Quads line L, column C: <reason>";
// line and column are 1-based, the column counts characters (code points).
class NQuadsError : public std::runtime_error {
  public:
    NQuadsError(const std::string& reason, std::size_t line, std::size_t column);
    std::size_t line() const { return line_; }
    std::size_t column() const { return column_; }

  private:
    std::size_t line_;
    std::size_t column_;
};

// Parses a UTF-8 N-Quads document, one statement per line, comments and blank lines
// allowed. Escapes are decoded: Term values hold the characters themselves. IRIs must
// be absolute (have a scheme). Quads come in document order, duplicates kept.
// Throws NQuadsError.
Dataset parse_nquads(std::string_view document);

// One term in canonical form: <iri>, _:label, "literal" with "@lang" or "^^<datatype>"
// (omitted for xsd:string). Literals escape \b \t \n \f \r \" \\ as ECHAR and the other
// control characters, DEL, U+FFFE and U+FFFF as \uXXXX; everything else is written as
// itself. The default graph is the empty string.
std::string to_nquads(const Term& term);

// One quad as a canonical line: terms separated by one space, the graph left out for
// the default graph, ending in " .\n".
std::string to_nquads(const Quad& quad);

// The quads' lines in the dataset's order (canonicalize() sorts them).
std::string to_nquads(const Dataset& dataset);

} // namespace sightline::linkeddata
