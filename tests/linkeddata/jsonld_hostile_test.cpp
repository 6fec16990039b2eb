// Hostile input: deep nesting, context cycles, huge arrays, shapes that are not
// JSON-LD. Each ends in a JsonLdError (or a result) after bounded work, never a crash.
#include "jsonld_support.hpp"
#include "linkeddata/jsonld.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <random>

using namespace sightline;
using namespace sightline::linkeddata;
using nlohmann::json;

namespace {

const std::string kExtras = "https://contexts.sightline.test/extras.jsonld";

json expand_test(const json& document) {
    return expand(document, test::test_contexts());
}

// Runs `f`, which must throw a JsonLdError containing `part`, within `seconds`: far
// more than it takes (about a second in a release build), far less than a runaway.
template <class F>
void refused_quickly(F&& f, const std::string& part, double seconds = 30.0) {
    const auto start = std::chrono::steady_clock::now();
    std::string message;
    try {
        f();
    } catch (const JsonLdError& e) {
        message = e.what();
    }
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    CHECK_MESSAGE(message.find(part) != std::string::npos, "message: " << message);
    CHECK(took.count() < seconds);
}

} // namespace

TEST_CASE("deep nesting is refused at the depth limit, for objects and for arrays") {
    json deep = "bottom";
    for (int i = 0; i < 100000; ++i) {
        deep = json{{"ex:a", std::move(deep)}};
    }
    deep["@context"] = kExtras;
    refused_quickly([&] { expand_test(deep); }, "the document is nested more than 64 levels deep "
                                                "at ex:a.ex:a.ex:a");

    json arrays = json::array({"bottom"});
    for (int i = 0; i < 100000; ++i) {
        arrays = json::array({std::move(arrays)});
    }
    const json doc = {{"@context", kExtras}, {"ex:list", std::move(arrays)}};
    refused_quickly([&] { expand_test(doc); }, "levels deep at ex:list[0][0][0]");

    // The same for RDF conversion of a deep "expanded" document.
    json expanded = json::array();
    for (int i = 0; i < 100000; ++i) {
        expanded = json::array({{{"https://x.test/p", std::move(expanded)}}});
    }
    refused_quickly([&] { to_rdf(expanded); }, "the expanded document is nested too deeply");
}

TEST_CASE("deeply nested scoped contexts are refused") {
    json context = {{"leaf", "https://x.test/leaf"}};
    for (int i = 0; i < 200; ++i) {
        context = {{"t" + std::to_string(i), {{"@id", "https://x.test/t"}, {"@context", context}}}};
    }
    const json doc = {{"@context", context}, {"t199", "v"}};
    refused_quickly([&] { expand_test(doc); }, "contexts nested more than 32 levels deep");
}

TEST_CASE("context cycles: contexts including each other, terms defined by each other") {
    ContextStore store;
    store.add("https://x.test/a", {{"@context", {"https://x.test/b"}}});
    store.add("https://x.test/b", {{"@context", {"https://x.test/a"}}});
    const json doc = {{"@context", "https://x.test/a"}, {"https://x.test/p", "v"}};
    refused_quickly([&] { expand(doc, store); },
                    "context https://x.test/a includes itself in context https://x.test/b, item 0 "
                    "(from @context)");

    const json terms = {{"@context", {{"a", {{"@id", "b"}}}, {"b", {{"@id", "a"}}}}}, {"a", "v"}};
    refused_quickly([&] { expand_test(terms); }, "cyclic IRI mapping for term");

    const json prefixes = {{"@context", {{"a", "b:x"}, {"b", "a:y"}}}, {"a", "v"}};
    refused_quickly([&] { expand_test(prefixes); }, "cyclic IRI mapping for term");
}

TEST_CASE("a scoped context naming the context it is in is applied, not followed forever") {
    ContextStore store;
    store.add(
        "https://x.test/self",
        {{"@context",
          {{"@vocab", "https://x.test/v#"},
           {"Node", {{"@id", "https://x.test/Node"}, {"@context", "https://x.test/self"}}}}}});
    json doc = {{"@type", "Node"}, {"name", "leaf"}};
    for (int i = 0; i < 40; ++i) {
        doc = {{"@type", "Node"}, {"child", std::move(doc)}};
    }
    doc["@context"] = "https://x.test/self";
    json expanded;
    const auto start = std::chrono::steady_clock::now();
    CHECK_NOTHROW(expanded = expand(doc, store));
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(30));
    CHECK(to_rdf(expanded).size() == 82); // 41 types, 40 children, 1 name
}

TEST_CASE("huge arrays and huge contexts run into the work limit") {
    json values = json::array();
    for (int i = 0; i < 1'050'000; ++i) {
        values.push_back(i);
    }
    const json doc = {{"@context", kExtras}, {"@id", "https://x.test/n"}, {"ex:n", values}};
    refused_quickly([&] { expand_test(doc); },
                    "the document needs more than 1000000 steps to expand, at ex:n[");

    json context = json::object();
    // A term definition counts as four steps.
    for (int i = 0; i < 260'000; ++i) {
        context["t" + std::to_string(i)] = "https://x.test/t";
    }
    const json many_terms = {{"@context", context}, {"t1", "v"}};
    refused_quickly([&] { expand_test(many_terms); }, "steps to expand");

    json repeated = json::array();
    for (int i = 0; i < 100'000; ++i) {
        repeated.push_back("https://contexts.sightline.test/badges.jsonld");
    }
    const json many_contexts = {{"@context", repeated}, {"title", "v"}};
    refused_quickly([&] { expand_test(many_contexts); }, "steps to expand");
}

TEST_CASE("many equal values in one property convert in linear time") {
    json values = json::array();
    for (int i = 0; i < 300'000; ++i) {
        values.push_back({{"@value", "same"}});
    }
    const json expanded =
        json::array({{{"@id", "https://x.test/s"}, {"https://x.test/p", values}}});
    const auto start = std::chrono::steady_clock::now();
    CHECK(to_rdf(expanded).size() == 1);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(30));
}

TEST_CASE("input that is not expanded JSON-LD is refused by to_rdf") {
    for (const char* text :
         {R"([{"@id": 5}])", R"([{"https://x.test/p": "not an array"}])",
          R"([{"@type": "https://x.test/T"}])", R"([42])",
          R"([{"https://x.test/p": [{"@value": {"a": 1}}]}])",
          R"([{"https://x.test/p": [{"@value": "x", "@language": 5}]}])",
          R"([{"https://x.test/p": [{"@value": "x", "@type": 5}]}])", R"([{"@reverse": {}}])"}) {
        CAPTURE(text);
        CHECK_THROWS_AS(to_rdf(json::parse(text)), JsonLdError);
    }
    // A @json literal needs the canonicaliser.
    CHECK_THROWS_WITH_AS(
        to_rdf(json::parse(R"([{"https://x.test/p": [{"@value": {}, "@type": "@json"}]}])")),
        "a @json literal needs a JSON canonicaliser (RFC 8785)", JsonLdError);
}

TEST_CASE("documents of the wrong shape are refused, whatever is put where") {
    const json base = json::parse(test::read_text(test::kJsonLdData / "documents/credential.json"));
    // Every value of the credential, in turn, replaced by each of these.
    const std::vector<json> replacements = {nullptr,
                                            5,
                                            -1.5,
                                            true,
                                            "",
                                            "@id",
                                            "_:b9",
                                            "relative",
                                            json::array(),
                                            json::object(),
                                            json::array({json::object(), 3}),
                                            json{{"@value", json::object()}},
                                            json{{"@list", 7}},
                                            json{{"@context", 5}},
                                            json{{"@id", json::array()}},
                                            json{{"@type", json::object()}},
                                            json{{"@graph", "x"}},
                                            json{{"@set", json::array()}, {"@id", "x"}}};
    std::vector<json::json_pointer> pointers;
    const json flat = base.flatten();
    for (const auto& [pointer, _] : flat.items()) {
        std::string p = pointer;
        while (!p.empty()) {
            pointers.emplace_back(p);
            p = p.substr(0, p.rfind('/'));
        }
    }
    std::mt19937 random(17);
    std::size_t answered = 0, refused = 0;
    for (int run = 0; run < 600; ++run) {
        json doc = base;
        const auto& pointer = pointers[random() % pointers.size()];
        doc[pointer] = replacements[random() % replacements.size()];
        try {
            const json expanded = expand_test(doc);
            (void)to_rdf(expanded, [](const json& v) { return v.dump(); });
            ++answered;
        } catch (const JsonLdError&) {
            ++refused;
        }
    }
    CHECK(answered + refused == 600);
    CHECK(answered > 0);
    CHECK(refused > 0);
}
