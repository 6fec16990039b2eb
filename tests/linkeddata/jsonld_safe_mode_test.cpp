// Safe mode and refusals: what expansion would silently drop, a protected term
// redefined, a context that is not pinned, a feature we do not support. Each is a
// JsonLdError that names the JSON path.
#include "jsonld_support.hpp"
#include "linkeddata/jsonld.hpp"

#include <doctest/doctest.h>

using namespace sightline;
using namespace sightline::linkeddata;
using nlohmann::json;

namespace {

const std::string kCredentials = "https://contexts.sightline.test/credentials.jsonld";
const std::string kBadges = "https://contexts.sightline.test/badges.jsonld";
const std::string kTerms = "https://contexts.sightline.test/terms.jsonld";

// A small credential in the hand-written contexts (no @vocab), with `extra` merged in.
json credential(const json& extra = json::object()) {
    json doc = {{"@context", {kCredentials, kBadges}},
                {"id", "urn:uuid:7b0f"},
                {"type", {"Credential"}},
                {"title", "Night driving"},
                {"about", {{"type", {"Learner"}}, {"earned", 1.5}}}};
    doc.merge_patch(extra);
    return doc;
}

json expand_test(const json& document, bool safe = true) {
    return expand(document, test::test_contexts(), ExpandOptions{safe});
}

} // namespace

TEST_CASE("safe mode: an undefined term is refused with its path, and dropped without safe mode") {
    const json doc = credential({{"about", {{"nickname", "Jay"}}}});
    CHECK_THROWS_WITH_AS(expand_test(doc), "undefined term nickname at about.nickname",
                         JsonLdError);
    const json expanded = expand_test(doc, false);
    CHECK(expanded.dump().find("nickname") == std::string::npos);
    CHECK(expanded.dump().find("https://vocab.sightline.test/badge#earned") != std::string::npos);
}

TEST_CASE("safe mode: a type-scoped term does not reach a nested node") {
    // issuedBy belongs to the Credential type's context, not to the node inside it.
    const json doc = credential({{"about", {{"issuedBy", "did:example:1"}}}});
    CHECK_THROWS_WITH_AS(expand_test(doc), "undefined term issuedBy at about.issuedBy",
                         JsonLdError);
    CHECK_NOTHROW(expand_test(credential({{"issuedBy", "did:example:1"}})));
}

TEST_CASE("safe mode: a term of an array item is named with its index") {
    const json doc = credential(
        {{"about", {{"ids", {{{"type", "Identity"}, {"hash", "a"}, {"colour", "red"}}}}}}});
    CHECK_THROWS_WITH_AS(expand_test(doc), "undefined term colour at about.ids[0].colour",
                         JsonLdError);
}

TEST_CASE("safe mode: @id and @type values that stay relative IRIs are refused") {
    CHECK_THROWS_WITH_AS(
        expand_test(credential({{"id", "certificate-17"}})),
        "undefined term certificate-17 at id (a relative IRI that no @vocab or @base makes "
        "absolute)",
        JsonLdError);
    CHECK_THROWS_WITH_AS(expand_test(credential({{"type", {"Credential", "Mystery"}}})),
                         "undefined term Mystery at type[1] (a relative IRI that no @vocab or "
                         "@base makes absolute)",
                         JsonLdError);
    // Coerced to @id by the context.
    CHECK_THROWS_WITH_AS(expand_test(credential({{"issuedBy", "school"}})),
                         "undefined term school at issuedBy (a relative IRI that no @vocab or "
                         "@base makes absolute)",
                         JsonLdError);
    // Coerced to @vocab: a purpose the scoped context does not define.
    const json attached = {{"attached", {{"type", "Attachment"}, {"purpose", "borrowing"}}}};
    CHECK_THROWS_WITH_AS(expand_test(credential(attached)),
                         "undefined term borrowing at attached.purpose (a relative IRI that no "
                         "@vocab or @base makes absolute)",
                         JsonLdError);
    // With @vocab the same words are IRIs, and nothing is refused.
    json with_vocab = credential({{"type", {"Credential", "Mystery"}}});
    with_vocab["@context"].push_back(kTerms);
    CHECK(expand_test(with_vocab).dump().find("https://vocab.sightline.test/open#Mystery") !=
          std::string::npos);
}

TEST_CASE("safe mode: values that expansion would drop are refused") {
    const json free_floating = {{"@context", kCredentials}, {"@graph", {"just a string"}}};
    CHECK_THROWS_WITH_AS(expand_test(free_floating),
                         "a value without a property at @graph[0] would be dropped by expansion",
                         JsonLdError);
    const json only_id = {{"@context", kCredentials}, {"id", "urn:uuid:1"}};
    CHECK_THROWS_WITH_AS(
        expand_test(only_id),
        "a node with nothing but an @id at the top of the document would be dropped by expansion",
        JsonLdError);
    const json nothing = {{"@context", kCredentials}};
    CHECK_THROWS_WITH_AS(
        expand_test(nothing),
        "an object that says nothing at the top of the document would be dropped by expansion",
        JsonLdError);
    CHECK(expand_test(nothing, false) == json::array());
}

TEST_CASE("a protected term cannot be redefined, by the document or by another context") {
    json doc = credential();
    doc["@context"].push_back({{"title", "https://evil.sightline.test/title"}});
    CHECK_THROWS_WITH_AS(expand_test(doc),
                         "protected term title cannot be redefined at @context[2]", JsonLdError);

    json nested = credential({{"about", {{"@context", {{"Learner", "https://evil.test/L"}}}}}});
    CHECK_THROWS_WITH_AS(expand_test(nested),
                         "protected term Learner cannot be redefined at about.@context",
                         JsonLdError);

    ContextStore store = test::test_contexts();
    store.add("https://contexts.sightline.test/evil.jsonld",
              {{"@context", {{"Credential", "https://evil.sightline.test/Credential"}}}});
    json by_context = credential();
    by_context["@context"].push_back("https://contexts.sightline.test/evil.jsonld");
    CHECK_THROWS_WITH_AS(expand(by_context, store),
                         "protected term Credential cannot be redefined in context "
                         "https://contexts.sightline.test/evil.jsonld (from @context[2])",
                         JsonLdError);

    // The same definition again is no redefinition (badges.jsonld repeats "title").
    CHECK_NOTHROW(expand_test(credential()));
    // A null context would undefine protected terms.
    json nulled = credential();
    nulled["@context"].push_back(nullptr);
    CHECK_THROWS_WITH_AS(expand_test(nulled),
                         "a null context would undefine protected terms at @context[2]",
                         JsonLdError);
}

TEST_CASE("a context that is not pinned is never fetched") {
    json doc = credential();
    doc["@context"].push_back("https://contexts.sightline.test/missing.jsonld");
    CHECK_THROWS_WITH_AS(expand_test(doc),
                         "unknown context https://contexts.sightline.test/missing.jsonld at "
                         "@context[2]: contexts are never fetched",
                         JsonLdError);
    CHECK_THROWS_WITH_AS((void)test::test_contexts().get("https://www.w3.org/ns/credentials/v2"),
                         "unknown context https://www.w3.org/ns/credentials/v2: contexts are "
                         "never fetched",
                         JsonLdError);
    const json relative = {{"@context", "contexts/credentials.jsonld"}, {"title", "x"}};
    CHECK_THROWS_WITH_AS(expand_test(relative),
                         "relative context URL contexts/credentials.jsonld at @context is not "
                         "supported: contexts are pinned by absolute URL",
                         JsonLdError);
}

TEST_CASE("features the credential contexts do not use are refused with their path") {
    const auto refused = [](const json& extra_context, const std::string& message) {
        json doc = credential();
        doc["@context"].push_back(extra_context);
        CHECK_THROWS_WITH_AS(expand_test(doc), message.c_str(), JsonLdError);
    };
    refused({{"@import", kTerms}}, "@import is not supported at @context[2]");
    refused({{"@direction", "ltr"}}, "@direction is not supported at @context[2]");
    refused({{"labels", {{"@id", "https://x.test/l"}, {"@container", "@language"}}}},
            "@container @language (a map) is not supported for term labels at @context[2]");
    refused({{"parent", {{"@reverse", "https://x.test/child"}}}},
            "@reverse in a term definition is not supported for term parent at @context[2]");
    refused({{"@base", "docs/"}},
            "@base at @context[2] must be an absolute IRI or null (relative @base is not "
            "supported)");
    refused({{"@version", 1.0}}, "invalid @version value at @context[2]: only 1.1 is supported");
    refused({{"@vocab", "terms/"}},
            "@vocab terms/ at @context[2] is not an absolute IRI (relative @vocab is not "
            "supported)");

    CHECK_THROWS_WITH_AS(expand_test(credential({{"about", {{"@reverse", json::object()}}}})),
                         "@reverse is not supported, at about.@reverse", JsonLdError);
    CHECK_THROWS_WITH_AS(expand_test(credential({{"@index", "i"}})),
                         "@index is not supported, at @index", JsonLdError);
}

TEST_CASE("the context store refuses what it cannot serve") {
    ContextStore store;
    CHECK_THROWS_WITH_AS(store.add("contexts/a.jsonld", {{"@context", json::object()}}),
                         "context URL contexts/a.jsonld is not an absolute IRI", JsonLdError);
    CHECK_THROWS_WITH_AS(store.add("https://x.test/a", {{"title", "x"}}),
                         "context https://x.test/a is not a JSON object with an @context entry",
                         JsonLdError);
    test::TempDir temp;
    const auto broken = temp.path() / "broken.jsonld";
    std::ofstream(broken) << "{\"@context\": {\"a\": ";
    CHECK_THROWS_WITH_AS(
        store.add_file("https://x.test/b", broken),
        (broken.string() + ": malformed JSON at byte 20 in the context file").c_str(), JsonLdError);
    const auto big = temp.path() / "big.jsonld";
    std::ofstream(big) << std::string(kMaxContextFileBytes + 1, ' ');
    CHECK_THROWS_AS(store.add_file("https://x.test/c", big), JsonLdError);
    CHECK_THROWS_AS(store.add_file("https://x.test/d", temp.path() / "missing.jsonld"),
                    JsonLdError);
    CHECK_FALSE(store.contains("https://x.test/b"));
}
