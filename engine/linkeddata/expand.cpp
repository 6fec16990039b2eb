// The Expansion Algorithm (JSON-LD 1.1 API, section 5.1), step by step as pyld 2.0.3
// does it, so that the two give the same expanded form, with safe mode on top.
#include "linkeddata/context_processing.hpp"
#include "linkeddata/iri.hpp"
#include "linkeddata/json_path.hpp"
#include "linkeddata/jsonld.hpp"

#include <algorithm>
#include <cctype>

namespace sightline::linkeddata {

namespace {

using detail::ContextPtr;
using detail::expand_iri;
using detail::TermDefinition;
using detail::Where;
using nlohmann::json;

json arrayify(json value) {
    return value.is_array() ? value : json::array({std::move(value)});
}

bool is_list_object(const json& value) {
    return value.is_object() && value.contains("@list");
}

const std::optional<std::string> kNoType;

// The keyword a key stands for (itself, or through an alias), or "": what IRI
// expansion with vocab gives when the answer is a keyword, without copying.
std::string_view keyword_of(const detail::ActiveContext& active, const std::string& key) {
    if (iri::is_keyword(key)) {
        return key;
    }
    const TermDefinition* term = active.find(key);
    if (term && term->iri && iri::is_keyword(*term->iri)) {
        return *term->iri;
    }
    return {};
}

// Adds `value` (each item of it, for an array) to subject[property]; with
// `property_is_array` the entry is always an array.
void add_value(json& subject, const std::string& property, json value, bool property_is_array) {
    if (value.is_array()) {
        if (value.empty() && property_is_array && !subject.contains(property)) {
            subject[property] = json::array();
        }
        for (json& item : value) {
            add_value(subject, property, std::move(item), property_is_array);
        }
        return;
    }
    if (const auto it = subject.find(property); it != subject.end()) {
        if (!it->is_array()) {
            *it = json::array({std::move(*it)});
        }
        it->push_back(std::move(value));
    } else if (property_is_array) {
        subject[property] = json::array({std::move(value)});
    } else {
        subject[property] = std::move(value);
    }
}

std::string lower_case(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

class Expander {
  public:
    Expander(const ContextStore& store, const ExpandOptions& options)
        : budget_(kMaxExpansionWork), processor_(store, budget_), options_(options) {}

    json run(const json& document) {
        const JsonPath root;
        json result = element(std::make_shared<detail::ActiveContext>(), nullptr, document, root,
                              false, nullptr, 0);
        if (result.is_object() && result.size() == 1 && result.contains("@graph")) {
            result = std::move(result["@graph"]);
        } else if (result.is_null()) {
            result = json::array();
        }
        return arrayify(std::move(result));
    }

  private:
    json element(const ContextPtr& active, const std::string* active_property, const json& value,
                 const JsonPath& path, bool inside_list, const ContextPtr& type_scoped,
                 std::size_t depth);
    json object(ContextPtr active, const std::string* active_property, const json& value,
                const JsonPath& path, bool inside_list, ContextPtr type_scoped, std::size_t depth);
    void members(const ContextPtr& active, const std::string* active_property,
                 const std::optional<std::string>& expanded_active_property, const json& value,
                 json& result, const JsonPath& path, const std::string* type_key,
                 const ContextPtr& type_context, std::size_t depth);
    json scalar(const detail::ActiveContext& active, const std::string* active_property,
                const json& value, const JsonPath& path);
    std::string require_iri(const std::optional<std::string>& expanded, const std::string& written,
                            const JsonPath& path) const;
    void dropped(const std::string& what, const JsonPath& path) const {
        if (options_.safe_mode) {
            throw JsonLdError(what + " at " + path.str() + " would be dropped by expansion");
        }
    }

    detail::WorkBudget budget_;
    detail::ContextProcessor processor_;
    ExpandOptions options_;
};

// An IRI in @id or @type position: refused when it stays relative (safe mode).
std::string Expander::require_iri(const std::optional<std::string>& expanded,
                                  const std::string& written, const JsonPath& path) const {
    if (!expanded) {
        throw JsonLdError("invalid IRI " + written + " at " + path.str() +
                          ": it has the form of a keyword");
    }
    if (options_.safe_mode && !iri::is_absolute(*expanded) && !iri::is_keyword(*expanded)) {
        throw JsonLdError("undefined term " + written + " at " + path.str() +
                          " (a relative IRI that no @vocab or @base makes absolute)");
    }
    return *expanded;
}

json Expander::element(const ContextPtr& active, const std::string* active_property,
                       const json& value, const JsonPath& path, bool inside_list,
                       const ContextPtr& type_scoped, std::size_t depth) {
    if (depth > kMaxJsonLdDepth) {
        throw JsonLdError("the document is nested more than " + std::to_string(kMaxJsonLdDepth) +
                          " levels deep at " + path.str());
    }
    budget_.spend(1, [&] { return "at " + path.str(); });
    if (value.is_null()) {
        return nullptr;
    }
    if (value.is_array()) {
        const TermDefinition* term = active_property ? active->find(*active_property) : nullptr;
        inside_list = inside_list || (term && term->has_container("@list"));
        json out = json::array();
        for (std::size_t i = 0; i < value.size(); ++i) {
            json item = element(active, active_property, value[i], path.item(i), inside_list,
                                type_scoped, depth + 1);
            if (inside_list && item.is_array()) {
                item = json{{"@list", std::move(item)}};
            }
            if (item.is_array()) {
                for (json& x : item) {
                    out.push_back(std::move(x));
                }
            } else if (!item.is_null()) {
                out.push_back(std::move(item));
            }
        }
        return out;
    }
    if (!value.is_object()) {
        if (!inside_list &&
            (active_property == nullptr || keyword_of(*active, *active_property) == "@graph")) {
            dropped("a value without a property", path);
            return nullptr;
        }
        return scalar(*active, active_property, value, path);
    }
    return object(active, active_property, value, path, inside_list, type_scoped, depth);
}

json Expander::object(ContextPtr active, const std::string* active_property, const json& value,
                      const JsonPath& path, bool inside_list, ContextPtr type_scoped,
                      std::size_t depth) {
    std::optional<std::string> expanded_active_property;
    const json* property_scoped = nullptr;
    if (active_property) {
        expanded_active_property = expand_iri(*active, *active_property, true, false);
        if (const TermDefinition* term = active->find(*active_property)) {
            property_scoped = term->scoped_context;
        }
    }

    // A type-scoped context does not reach into nested nodes; it stays for values
    // and for node references.
    if (!type_scoped && active->previous) {
        type_scoped = active;
    }
    bool must_revert = true;
    if (type_scoped && value.size() <= 2 && !value.contains("@context")) {
        for (auto it = value.begin(); it != value.end(); ++it) {
            const std::optional<std::string> key = expand_iri(*type_scoped, it.key(), true, false);
            if (key == "@value") {
                must_revert = false;
                active = type_scoped;
                break;
            }
            if (key == "@id" && value.size() == 1) {
                must_revert = false;
                break;
            }
        }
    }
    if (must_revert && active->previous) {
        active = active->previous;
    }
    if (property_scoped) {
        active = processor_.process(
            active, *property_scoped,
            Where::path(path.str()).inner("the scoped context of property " + *active_property),
            {true, true});
    }
    if (const auto context = value.find("@context"); context != value.end()) {
        active = processor_.process(active, *context, Where::path(path.member("@context").str()));
    }

    // @type values are expanded with the context as it is before type-scoped contexts.
    const ContextPtr type_context = active;
    const std::string* type_key = nullptr;
    for (auto it = value.begin(); it != value.end(); ++it) {
        if (expand_iri(*active, it.key(), true, false) != "@type") {
            continue;
        }
        if (type_key == nullptr) {
            type_key = &it.key();
        }
        std::vector<std::string> types;
        for (const json& type : arrayify(it.value())) {
            if (type.is_string()) {
                types.push_back(type.get<std::string>());
            }
        }
        std::sort(types.begin(), types.end());
        for (const std::string& type : types) {
            const TermDefinition* term = type_context->find(type);
            if (term && term->scoped_context) {
                active = processor_.process(
                    active, *term->scoped_context,
                    Where::path(path.str()).inner("the scoped context of type " + type),
                    {false, false});
            }
        }
    }

    json result = json::object();
    members(active, active_property, expanded_active_property, value, result, path, type_key,
            type_context, depth);

    std::size_t count = result.size();
    if (result.contains("@value")) {
        const bool has_type = result.contains("@type");
        const bool has_language = result.contains("@language");
        if (has_type && has_language) {
            throw JsonLdError("invalid value object at " + path.str() +
                              ": it has both @type and @language");
        }
        if (count != 1 + std::size_t{has_type} + std::size_t{has_language}) {
            throw JsonLdError("invalid value object at " + path.str() +
                              ": next to @value only @type and @language are allowed");
        }
        const json& literal = result["@value"];
        if (has_type && !result["@type"].is_string()) {
            throw JsonLdError("invalid typed value at " + path.str() + ": a value has one @type");
        }
        const std::string type = has_type ? result["@type"].get<std::string>() : std::string();
        if (type == "@json") {
            // any JSON is the value
        } else if (literal.is_null()) {
            result = nullptr;
        } else if (has_language && !literal.is_string()) {
            throw JsonLdError("invalid language-tagged value at " + path.str() +
                              ": only strings have a language");
        } else if (has_type && (!iri::is_absolute(type) || iri::is_blank(type))) {
            throw JsonLdError("invalid typed value at " + path.str() + ": @type " + type +
                              " is not an absolute IRI");
        }
    } else if (result.contains("@type") && !result["@type"].is_array()) {
        result["@type"] = json::array({std::move(result["@type"])});
    } else if (result.contains("@set") || result.contains("@list")) {
        if (count > 1) {
            throw JsonLdError("invalid set or list object at " + path.str() +
                              ": @set and @list stand alone");
        }
        if (result.contains("@set")) {
            result = json(std::move(result["@set"]));
            count = result.size();
        }
    } else if (count == 1 && result.contains("@language")) {
        dropped("a @language without a @value", path);
        result = nullptr;
    }

    if (result.is_object() && !inside_list &&
        (active_property == nullptr || expanded_active_property == "@graph")) {
        if (count == 0) {
            dropped("an object that says nothing", path);
            result = nullptr;
        } else if (result.contains("@value") || result.contains("@list")) {
            dropped("a value without a property", path);
            result = nullptr;
        } else if (count == 1 && result.contains("@id")) {
            dropped("a node with nothing but an @id", path);
            result = nullptr;
        }
    }
    return result;
}

void Expander::members(const ContextPtr& active, const std::string* active_property,
                       const std::optional<std::string>& expanded_active_property,
                       const json& value, json& result, const JsonPath& path,
                       const std::string* type_key, const ContextPtr& type_context,
                       std::size_t depth) {
    bool is_json_type = false;
    if (type_key != nullptr) {
        const json& types = value.at(*type_key);
        const json* first = types.is_array() ? (types.empty() ? nullptr : &types[0]) : &types;
        is_json_type =
            first && first->is_string() &&
            expand_iri(*active, first->get_ref<const std::string&>(), true, false) == "@json";
    }

    for (auto it = value.begin(); it != value.end(); ++it) {
        const std::string& key = it.key();
        const json& entry = it.value();
        if (key == "@context") {
            continue;
        }
        const JsonPath at = path.member(key);
        const std::optional<std::string> expanded = expand_iri(*active, key, true, false);
        if (!expanded || (!iri::is_absolute(*expanded) && !iri::is_keyword(*expanded))) {
            if (options_.safe_mode) {
                throw JsonLdError("undefined term " + key + " at " + at.str());
            }
            continue;
        }
        const std::string& property = *expanded;
        const bool keyword = iri::is_keyword(property);
        if (keyword && property != "@type" && result.contains(property)) {
            throw JsonLdError("colliding keywords at " + at.str() + ": two entries expand to " +
                              property);
        }

        if (property == "@id") {
            if (!entry.is_string()) {
                throw JsonLdError("invalid @id value at " + at.str() + ": it must be a string");
            }
            const std::string& id = entry.get_ref<const std::string&>();
            result["@id"] = require_iri(expand_iri(*active, id, false, true), id, at);
            continue;
        }
        if (property == "@type") {
            const json types = arrayify(entry);
            for (std::size_t i = 0; i < types.size(); ++i) {
                const JsonPath type_at = entry.is_array() ? at.item(i) : at;
                if (!types[i].is_string()) {
                    throw JsonLdError("invalid type value at " + type_at.str() +
                                      ": @type values are strings");
                }
                const std::string& type = types[i].get_ref<const std::string&>();
                add_value(result, "@type",
                          require_iri(expand_iri(*type_context, type, true, true), type, type_at),
                          false);
            }
            continue;
        }
        if (property == "@value") {
            if (!is_json_type && (entry.is_object() || entry.is_array())) {
                throw JsonLdError("invalid value object value at " + at.str() +
                                  ": @value is a string, number, boolean or null");
            }
            result["@value"] = entry;
            continue;
        }
        if (property == "@language") {
            if (entry.is_null()) {
                continue;
            }
            if (!entry.is_string()) {
                throw JsonLdError("invalid language-tagged string at " + at.str() +
                                  ": @language must be a string");
            }
            result["@language"] = lower_case(entry.get<std::string>());
            continue;
        }
        if (property == "@graph" && !entry.is_object() && !entry.is_array()) {
            throw JsonLdError("invalid @graph value at " + at.str() +
                              ": it must be an object or an array");
        }
        if (property == "@reverse" || property == "@index" || property == "@nest" ||
            property == "@included" || property == "@direction") {
            throw JsonLdError(property + " is not supported, at " + at.str());
        }
        if (keyword && property != "@graph" && property != "@list" && property != "@set") {
            throw JsonLdError("keyword " + property + " is not allowed in a node or value, at " +
                              at.str());
        }

        const TermDefinition* term = active->find(key);
        ContextPtr term_context = active;
        if (term && term->scoped_context) {
            term_context = processor_.process(
                active, *term->scoped_context,
                Where::path(at.str()).inner("the scoped context of property " + key), {true, true});
        }
        json expanded_value;
        if (property == "@list" || property == "@set") {
            const std::string* next = active_property;
            if (property == "@list" && expanded_active_property == "@graph") {
                next = nullptr;
            }
            expanded_value =
                element(term_context, next, entry, at, property == "@list", nullptr, depth + 1);
        } else if (term && term->type == "@json") {
            expanded_value = json{{"@type", "@json"}, {"@value", entry}};
        } else {
            expanded_value = element(term_context, &key, entry, at, false, nullptr, depth + 1);
        }
        if (expanded_value.is_null()) {
            continue;
        }
        if (property != "@list" && !is_list_object(expanded_value) && term &&
            term->has_container("@list")) {
            expanded_value = json{{"@list", arrayify(std::move(expanded_value))}};
        }
        if (term && term->has_container("@graph")) {
            json graphs = json::array();
            for (json& item : arrayify(std::move(expanded_value))) {
                graphs.push_back(json{{"@graph", json::array({std::move(item)})}});
            }
            expanded_value = std::move(graphs);
        }
        add_value(result, property, std::move(expanded_value), true);
    }
}

// Value Expansion (section 5.3.2).
json Expander::scalar(const detail::ActiveContext& active, const std::string* active_property,
                      const json& value, const JsonPath& path) {
    const std::string_view property =
        active_property ? keyword_of(active, *active_property) : std::string_view();
    const TermDefinition* term = active_property ? active.find(*active_property) : nullptr;
    if ((property == "@id" || property == "@type") && value.is_string()) {
        const std::string& written = value.get_ref<const std::string&>();
        return require_iri(expand_iri(active, written, property == "@type", true), written, path);
    }
    const std::optional<std::string>& type = term ? term->type : kNoType;
    if ((type == "@id" || property == "@graph") && value.is_string()) {
        const std::string& written = value.get_ref<const std::string&>();
        return json{{"@id", require_iri(expand_iri(active, written, false, true), written, path)}};
    }
    if (type == "@vocab" && value.is_string()) {
        const std::string& written = value.get_ref<const std::string&>();
        return json{{"@id", require_iri(expand_iri(active, written, true, true), written, path)}};
    }
    if (!property.empty()) {
        return value;
    }
    json out = json::object();
    if (type && *type != "@id" && *type != "@vocab") {
        out["@type"] = *type;
    } else if (value.is_string()) {
        std::optional<std::string> language = active.language;
        if (term && term->has_language) {
            language = term->language;
        }
        if (language) {
            out["@language"] = *language;
        }
    }
    out["@value"] = value;
    return out;
}

} // namespace

json expand(const json& document, const ContextStore& contexts, const ExpandOptions& options) {
    try {
        return Expander(contexts, options).run(document);
    } catch (const json::exception& e) {
        // A shape the checks above let through: still an answer, not a crash.
        throw JsonLdError(std::string("cannot expand the document: ") + e.what());
    }
}

} // namespace sightline::linkeddata
