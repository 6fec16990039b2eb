// IRI and keyword tests shared by context processing, expansion and RDF conversion.
#pragma once

#include <string>
#include <string_view>

namespace sightline::linkeddata::iri {

// One of the JSON-LD 1.1 keywords ("@id", "@type", ...).
bool is_keyword(std::string_view value);

// "@" followed by ASCII letters only: reserved for future keywords, never a term.
bool has_keyword_form(std::string_view value);

// An absolute IRI or a blank node identifier: a scheme (or "_"), ":", and no
// whitespace. The same test as pyld and jsonld.js, so the same values are dropped.
bool is_absolute(std::string_view value);

inline bool is_blank(std::string_view value) {
    return value.starts_with("_:");
}

// RFC 3986 section 5.2: `reference` resolved against the absolute IRI `base`.
std::string resolve(std::string_view base, std::string_view reference);

} // namespace sightline::linkeddata::iri
