// Deserialize JSON-LD to RDF (JSON-LD 1.1 API, section 8.1) with Node Map Generation
// (section 7.2), in the order pyld 2.0.3 takes, so blank nodes get the same labels.
#include "linkeddata/iri.hpp"
#include "linkeddata/json_path.hpp"
#include "linkeddata/jsonld.hpp"

#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <unordered_set>

namespace sightline::linkeddata {

namespace {

using nlohmann::json;

constexpr const char* kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr const char* kXsd = "http://www.w3.org/2001/XMLSchema#";
const std::string kRdfType = std::string(kRdf) + "type";
const std::string kRdfFirst = std::string(kRdf) + "first";
const std::string kRdfRest = std::string(kRdf) + "rest";
const std::string kRdfNil = std::string(kRdf) + "nil";
const std::string kRdfJson = std::string(kRdf) + "JSON";
const std::string kXsdBoolean = std::string(kXsd) + "boolean";
const std::string kXsdInteger = std::string(kXsd) + "integer";
const std::string kXsdDouble = std::string(kXsd) + "double";

// Expanded input nests about four JSON levels for each level of the document.
constexpr std::size_t kMaxExpandedDepth = 4 * kMaxJsonLdDepth;

[[noreturn]] void not_expanded(const std::string& what, const JsonPath& path) {
    throw JsonLdError("not expanded JSON-LD: " + what + " at " + path.str());
}

// Blank node labels _:b0, _:b1, ... in the order they are asked for.
class Issuer {
  public:
    std::string get(const std::optional<std::string>& old) {
        if (old) {
            if (const auto it = existing_.find(*old); it != existing_.end()) {
                return it->second;
            }
        }
        std::string id = "_:b" + std::to_string(counter_++);
        if (old) {
            existing_.emplace(*old, id);
        }
        return id;
    }

  private:
    std::map<std::string, std::string> existing_;
    std::size_t counter_ = 0;
};

// What pyld's compare_values treats as the same value: a node reference by its
// @id; a value by @value (1 and 1.0 alike, true and 1 not), @type and @language.
std::string identity(const json& value) {
    if (value.is_string()) {
        return "s" + value.get<std::string>(); // a type IRI
    }
    if (!value.contains("@value")) {
        return "i" + value.value("@id", std::string());
    }
    json literal = value["@value"];
    if (literal.is_number_float()) {
        const double d = literal.get<double>();
        if (std::isfinite(d) && d == std::trunc(d) && std::fabs(d) < 9.2e18) {
            literal = static_cast<std::int64_t>(d);
        }
    }
    return "v" +
           json::array({literal, value.value("@type", json()), value.value("@language", json())})
               .dump(-1, ' ', false, json::error_handler_t::replace);
}

class NodeMapper {
  public:
    explicit NodeMapper(Issuer& issuer) : issuer_(issuer) { graphs_["@default"]; }

    void map(const json& input, const std::string& graph, const std::string* subject,
             const std::string* property, json* list, const JsonPath& path, std::size_t depth);

    const std::map<std::string, std::map<std::string, json>>& graphs() const { return graphs_; }

  private:
    // Adds to node[property] (an array), without duplicates unless `allow_duplicate`.
    void add(json& node, const std::string& property, json value, bool allow_duplicate) {
        json& values = node[property];
        if (values.is_null()) {
            values = json::array();
        }
        if (!allow_duplicate && !seen_[&values].insert(identity(value)).second) {
            return;
        }
        values.push_back(std::move(value));
    }

    json* node(const std::string& graph, const std::string* subject) {
        if (subject == nullptr) {
            return nullptr;
        }
        auto& nodes = graphs_[graph];
        const auto it = nodes.find(*subject);
        return it == nodes.end() ? nullptr : &it->second;
    }

    Issuer& issuer_;
    std::map<std::string, std::map<std::string, json>> graphs_;
    std::map<const json*, std::unordered_set<std::string>> seen_;
};

void NodeMapper::map(const json& input, const std::string& graph, const std::string* subject,
                     const std::string* property, json* list, const JsonPath& path,
                     std::size_t depth) {
    if (depth > kMaxExpandedDepth) {
        throw JsonLdError("the expanded document is nested too deeply at " + path.str());
    }
    if (input.is_array()) {
        for (std::size_t i = 0; i < input.size(); ++i) {
            map(input[i], graph, subject, property, list, path.item(i), depth + 1);
        }
        return;
    }
    if (!input.is_object()) {
        not_expanded("expected a node, value or list object", path);
    }

    if (input.contains("@value")) {
        json value = input;
        if (const auto type = value.find("@type"); type != value.end()) {
            if (!type->is_string()) {
                not_expanded("the @type of a value must be a string", path);
            }
            if (iri::is_blank(type->get_ref<const std::string&>())) {
                *type = issuer_.get(type->get<std::string>());
            }
        }
        if (list) {
            (*list)["@list"].push_back(std::move(value));
        } else if (json* parent = node(graph, subject)) {
            add(*parent, *property, std::move(value), false);
        }
        return;
    }
    if (input.contains("@list")) {
        json inner = {{"@list", json::array()}};
        map(input["@list"], graph, subject, property, &inner, path.member("@list"), depth + 1);
        if (list) {
            (*list)["@list"].push_back(std::move(inner));
        } else if (json* parent = node(graph, subject)) {
            add(*parent, *property, std::move(inner), true);
        }
        return;
    }

    // A node object. Blank node types are labelled before the node itself.
    const json* types = nullptr;
    if (const auto it = input.find("@type"); it != input.end()) {
        if (!it->is_array() ||
            !std::all_of(it->begin(), it->end(), [](const json& t) { return t.is_string(); })) {
            not_expanded("@type must be an array of strings", path.member("@type"));
        }
        types = &*it;
        for (const json& type : *types) {
            if (iri::is_blank(type.get_ref<const std::string&>())) {
                issuer_.get(type.get<std::string>());
            }
        }
    }
    std::string id;
    if (const auto it = input.find("@id"); it != input.end()) {
        if (!it->is_string()) {
            not_expanded("@id must be a string", path.member("@id"));
        }
        id = it->get<std::string>();
        if (iri::is_blank(id)) {
            id = issuer_.get(id);
        }
    } else {
        id = issuer_.get(std::nullopt);
    }
    graphs_[graph].try_emplace(id, json{{"@id", id}});

    if (property) {
        json reference = {{"@id", id}};
        if (list) {
            (*list)["@list"].push_back(std::move(reference));
        } else if (json* parent = node(graph, subject)) {
            add(*parent, *property, std::move(reference), false);
        }
    }

    for (auto it = input.begin(); it != input.end(); ++it) {
        const std::string& key = it.key();
        const json& objects = it.value();
        const JsonPath at = path.member(key);
        if (key == "@id") {
            continue;
        }
        if (key == "@reverse" || key == "@included") {
            throw JsonLdError(key + " is not supported, at " + at.str());
        }
        if (key == "@graph") {
            graphs_[id];
            map(objects, id, nullptr, nullptr, nullptr, at, depth + 1);
            continue;
        }
        json& target = graphs_[graph].at(id);
        if (key == "@type") {
            for (const json& type : *types) {
                const std::string& name = type.get_ref<const std::string&>();
                add(target, "@type", iri::is_blank(name) ? json(issuer_.get(name)) : type, false);
            }
            continue;
        }
        if (iri::is_keyword(key)) {
            target[key] = objects;
            continue;
        }
        if (!objects.is_array()) {
            not_expanded("property values must be arrays", at);
        }
        const std::string name = iri::is_blank(key) ? issuer_.get(key) : key;
        if (objects.empty()) {
            if (!target.contains(name)) {
                target[name] = json::array();
            }
            continue;
        }
        for (std::size_t i = 0; i < objects.size(); ++i) {
            map(objects[i], graph, &id, &name, nullptr, at.item(i), depth + 1);
        }
    }
}

Term node_term(const std::string& id) {
    return iri::is_blank(id) ? Term::blank(id.substr(2)) : Term::iri(id);
}

class Serializer {
  public:
    Serializer(Issuer& issuer, const JsonCanonicalizer& canonical_json, Dataset& out)
        : issuer_(issuer), canonical_json_(canonical_json), out_(out) {}

    void graph(const std::string& name, const std::map<std::string, json>& nodes) {
        graph_ = name == "@default" ? Term::default_graph() : node_term(name);
        for (const auto& [id, node] : nodes) {
            for (auto it = node.begin(); it != node.end(); ++it) {
                std::string predicate = it.key();
                if (predicate == "@type") {
                    predicate = kRdfType;
                } else if (iri::is_keyword(predicate)) {
                    continue;
                }
                for (const json& item : it.value()) {
                    if (!iri::is_absolute(id) || !iri::is_absolute(predicate) ||
                        iri::is_blank(predicate)) {
                        continue;
                    }
                    if (std::optional<Term> object = to_term(item)) {
                        out_.push_back(
                            {node_term(id), Term::iri(predicate), std::move(*object), graph_});
                    }
                }
            }
        }
    }

  private:
    std::optional<Term> to_term(const json& item) {
        if (item.is_object() && item.contains("@value")) {
            return literal(item);
        }
        if (item.is_object() && item.contains("@list")) {
            return list(item["@list"]);
        }
        const std::string id =
            item.is_string() ? item.get<std::string>() : item.value("@id", std::string());
        if (iri::is_blank(id)) {
            return Term::blank(id.substr(2));
        }
        if (!iri::is_absolute(id)) {
            return std::nullopt; // a relative IRI: left out
        }
        return Term::iri(id);
    }

    Term literal(const json& item) {
        const json& value = item["@value"];
        const std::string type = item.value("@type", std::string());
        if (type == "@json") {
            if (!canonical_json_) {
                throw JsonLdError("a @json literal needs a JSON canonicaliser (RFC 8785)");
            }
            return Term::literal(canonical_json_(value), kRdfJson);
        }
        const auto typed = [&](const std::string& fallback) {
            return type.empty() ? fallback : type;
        };
        if (value.is_boolean()) {
            return Term::literal(value.get<bool>() ? "true" : "false", typed(kXsdBoolean));
        }
        // By value, not by how the number was written (JSON-LD 1.1 Object to RDF
        // Conversion, steps 10 and 11; jsonld.js, whose JavaScript numbers cannot tell
        // 1.0 from 1, does the same): 1.0 is "1", 0.5 is "5.0E-1", 1e21 is "1.0E21".
        if (value.is_number_float()) {
            const double d = value.get<double>();
            if (!std::isfinite(d) || d != std::trunc(d) || std::fabs(d) >= 1e21 ||
                type == kXsdDouble) {
                return Term::literal(format_xsd_double(d), typed(kXsdDouble));
            }
            char digits[32];
            std::snprintf(digits, sizeof digits, "%.0f", d == 0 ? 0.0 : d);
            return Term::literal(digits, typed(kXsdInteger));
        }
        if (value.is_number() && type == kXsdDouble) {
            return Term::literal(format_xsd_double(value.get<double>()), typed(kXsdDouble));
        }
        if (value.is_number()) {
            return Term::literal(value.dump(), typed(kXsdInteger));
        }
        if (!value.is_string()) {
            throw JsonLdError("not expanded JSON-LD: a @value that is an object or array "
                              "without @type @json");
        }
        if (const auto language = item.find("@language"); language != item.end()) {
            if (!language->is_string() || !type.empty()) {
                throw JsonLdError("not expanded JSON-LD: a @language must be a string, "
                                  "without @type");
            }
            return Term::literal(value.get<std::string>(), kRdfLangString,
                                 language->get<std::string>());
        }
        return Term::literal(value.get<std::string>(), typed(kXsdString));
    }

    // rdf:first/rdf:rest; the head is labelled first, then each item and its rest.
    Term list(const json& items) {
        if (items.empty()) {
            return Term::iri(kRdfNil);
        }
        const Term head = Term::blank(issuer_.get(std::nullopt).substr(2));
        Term subject = head;
        for (std::size_t i = 0; i < items.size(); ++i) {
            std::optional<Term> object = to_term(items[i]);
            const Term rest = i + 1 < items.size()
                                  ? Term::blank(issuer_.get(std::nullopt).substr(2))
                                  : Term::iri(kRdfNil);
            if (object) {
                out_.push_back({subject, Term::iri(kRdfFirst), std::move(*object), graph_});
            }
            out_.push_back({subject, Term::iri(kRdfRest), rest, graph_});
            subject = rest;
        }
        return head;
    }

    Issuer& issuer_;
    const JsonCanonicalizer& canonical_json_;
    Dataset& out_;
    Term graph_;
};

} // namespace

std::string format_xsd_double(double value) {
    if (!std::isfinite(value)) {
        throw JsonLdError("a number that is not finite has no xsd:double form");
    }
    char text[40];
    std::snprintf(text, sizeof text, "%.15E", value); // d.ddddddddddddddE+XX
    const std::string printed(text);
    const std::size_t e = printed.find('E');
    std::string mantissa = printed.substr(0, e);
    while (mantissa.back() == '0' && mantissa[mantissa.size() - 2] != '.') {
        mantissa.pop_back();
    }
    return mantissa + "E" + std::to_string(std::stoi(printed.substr(e + 1)));
}

Dataset to_rdf(const json& expanded, const JsonCanonicalizer& canonical_json) {
    try {
        Issuer issuer;
        NodeMapper mapper(issuer);
        const JsonPath root;
        mapper.map(expanded, "@default", nullptr, nullptr, nullptr, root, 0);
        Dataset out;
        Serializer serializer(issuer, canonical_json, out);
        for (const auto& [name, nodes] : mapper.graphs()) {
            if (name == "@default" || iri::is_absolute(name)) {
                serializer.graph(name, nodes);
            }
        }
        return out;
    } catch (const json::exception& e) {
        // A shape the checks above let through: still an answer, not a crash.
        throw JsonLdError(std::string("not expanded JSON-LD: ") + e.what());
    }
}

} // namespace sightline::linkeddata
