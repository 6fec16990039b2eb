// JSON-LD 1.1 expansion and deserialisation to RDF (https://www.w3.org/TR/json-ld11-api/),
// for what eddsa-rdfc-2022 Data Integrity proofs on Verifiable Credentials 2.0 and
// Open Badges 3.0 need. Contexts come only from a ContextStore, never from the network.
//
// Supported: @context as IRIs (pinned), objects and arrays; @version 1.1; @protected
// (and the error when a protected term is redefined); type-scoped contexts (not
// propagated into nested nodes) and property-scoped contexts; @propagate; @vocab;
// @base (absolute IRIs); @language (context, term and value); keyword aliases;
// compact IRIs; @id, @vocab, @json and datatype coercion; @container @set, @list,
// @graph and [@graph, @set]; @list, @set, @graph, @value, @language in documents.
//
// Refused with a JsonLdError naming the feature and the JSON path: @reverse, @index,
// @nest, @included, @import, @direction, @prefix, @type @none, language/index/id/type
// maps, relative context URLs and relative @base or @vocab, @base in a remote context,
// terms shaped like keywords. Neither the VC 2.0 nor the OB 3.0.3 context uses these.
//
// Numbers become literals by their value, as the specification says and jsonld.js
// (the DCC verifier's engine) does: a number with a fractional part, or of 1e21 or
// more, is an xsd:double in the form "5.0E-1"; an integral one is an xsd:integer
// form ("1", also for a JSON 1.0). pyld 2.0.3 goes by the Python type instead (1.0
// gives "1.0E0") and writes negative exponents as "5.000000000000000E-01"; the
// tests that compare with it pass integral numbers as integers and patch the latter.
#pragma once

#include "linkeddata/contexts.hpp"
#include "linkeddata/jsonld_error.hpp"
#include "linkeddata/rdf.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <functional>
#include <string>

namespace sightline::linkeddata {

// Limits that keep hostile input to bounded work; each is reported as a JsonLdError.
inline constexpr std::size_t kMaxJsonLdDepth = 64;          // nesting of the document
inline constexpr std::size_t kMaxContextDepth = 32;         // contexts within contexts
inline constexpr std::size_t kMaxRemoteContexts = 16;       // pinned contexts including others
inline constexpr std::size_t kMaxExpansionWork = 1'000'000; // values, terms and term copies

struct ExpandOptions {
    // Refuse what expansion would silently drop: a term or property that is not
    // defined (and no @vocab), an @id or @type value that stays a relative IRI, a
    // free-floating value. "undefined term <name> at <path>". Verifiers such as
    // 1EdTech's require this; turn it off only to compare with a processor that drops.
    bool safe_mode = true;
};

// The expanded form of `document` (always an array), as the Expansion Algorithm
// gives it. Throws JsonLdError.
nlohmann::json expand(const nlohmann::json& document, const ContextStore& contexts,
                      const ExpandOptions& options = {});

// Writes a JSON value in RFC 8785 canonical form, for rdf:JSON literals. Pass
// credentials::canonicalize (credentials/jcs.hpp).
using JsonCanonicalizer = std::function<std::string(const nlohmann::json&)>;

// The RDF dataset of an expanded document (Deserialize JSON-LD to RDF Algorithm):
// blank nodes labelled _:b0, _:b1, ... in the order the algorithm issues them (as
// pyld does), named graphs for @graph, rdf:type for @type, rdf:first/rest lists.
// Quads with a relative IRI are left out, as the algorithm says. A @json literal
// needs `canonical_json`; without it it is refused. Throws JsonLdError for input
// that is not expanded JSON-LD.
Dataset to_rdf(const nlohmann::json& expanded, const JsonCanonicalizer& canonical_json = {});

// The canonical xsd:double form the specification gives: "5.0E-1", "1.0E21", "-0.0E0".
std::string format_xsd_double(double value);

} // namespace sightline::linkeddata
