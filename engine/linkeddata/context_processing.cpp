#include "linkeddata/context_processing.hpp"

#include "linkeddata/iri.hpp"
#include "linkeddata/jsonld.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace sightline::linkeddata::detail {

using nlohmann::json;

namespace {

// Context entries that are not term definitions.
constexpr std::array<std::string_view, 8> kContextKeywords = {
    "@base",      "@direction", "@import",  "@language",
    "@propagate", "@protected", "@version", "@vocab"};

constexpr std::size_t kTermDefinitionWork = 4;

bool is_context_keyword(std::string_view key) {
    return std::find(kContextKeywords.begin(), kContextKeywords.end(), key) !=
           kContextKeywords.end();
}

std::string lower_case(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

bool ends_with_gen_delim(std::string_view iri) {
    return !iri.empty() && std::string_view(":/?#[]@").find(iri.back()) != std::string_view::npos;
}

// A term that has the form of an IRI must expand to its own @id (pyld's test:
// a ':' followed by something other than ':', or a '/').
bool has_iri_form(std::string_view term) {
    for (std::size_t i = 0; i < term.size(); ++i) {
        if (term[i] == '/' || (term[i] == ':' && i + 1 < term.size() && term[i + 1] != ':')) {
            return true;
        }
    }
    return false;
}

} // namespace

bool TermDefinition::has_container(std::string_view keyword) const {
    return std::find(container.begin(), container.end(), keyword) != container.end();
}

bool TermDefinition::same_as(const TermDefinition& other) const {
    const bool same_scoped =
        (scoped_context == nullptr) == (other.scoped_context == nullptr) &&
        (scoped_context == nullptr || *scoped_context == *other.scoped_context);
    return iri == other.iri && prefix == other.prefix && type == other.type &&
           container == other.container && same_scoped && has_language == other.has_language &&
           language == other.language;
}

const TermDefinition* ActiveContext::find(std::string_view term) const {
    const auto it = terms.find(term);
    return it == terms.end() ? nullptr : it->second.get();
}

Where Where::item(std::size_t index) const {
    if (is_path) {
        return {text + "[" + std::to_string(index) + "]", true, {}};
    }
    return {text + ", item " + std::to_string(index), false, origin};
}

Where Where::inner(const std::string& phrase) const {
    return {phrase + (is_path ? " at " : " in ") + text, false, origin};
}

Where Where::remote(const std::string& url) const {
    return {"context " + url, false, is_path ? text : origin};
}

std::string Where::describe() const {
    if (is_path) {
        return "at " + text;
    }
    return "in " + text + (origin.empty() ? "" : " (from " + origin + ")");
}

// Creates the term definitions of one local context object (Create Term Definition,
// section 4.2.2), defining the terms a definition depends on first.
class TermDefiner {
  public:
    TermDefiner(ActiveContext& context, const json& local, const Where& where,
                bool protected_default, WorkBudget& budget)
        : context_(context), local_(local), where_(where), protected_default_(protected_default),
          budget_(budget) {}

    void define(const std::string& term, bool override_protected);

    // IRI Expansion while the context is being defined.
    std::optional<std::string> expand(std::string_view value, bool vocab) {
        if (iri::is_keyword(value)) {
            return std::string(value);
        }
        if (iri::has_keyword_form(value)) {
            return std::nullopt;
        }
        define_if_pending(value);
        if (vocab) {
            if (const TermDefinition* term = context_.find(value)) {
                return term->iri;
            }
        }
        if (const std::size_t colon = value.find(':');
            colon != std::string_view::npos && colon > 0) {
            define_if_pending(value.substr(0, colon));
        }
        return expand_iri(context_, value, vocab, false);
    }

  private:
    void define_if_pending(std::string_view term) {
        if (!local_.contains(term)) {
            return;
        }
        const auto it = defined_.find(term);
        if (it == defined_.end() || !it->second) {
            define(std::string(term), false);
        }
    }

    std::string at_term(const std::string& term) const {
        return "for term " + term + " " + where_.describe();
    }

    ActiveContext& context_;
    const json& local_;
    const Where& where_;
    bool protected_default_;
    WorkBudget& budget_;
    std::map<std::string, bool, std::less<>> defined_; // false while being defined
};

void TermDefiner::define(const std::string& term, bool override_protected) {
    if (const auto it = defined_.find(term); it != defined_.end()) {
        if (it->second) {
            return;
        }
        throw JsonLdError("cyclic IRI mapping " + at_term(term));
    }
    // A definition costs several times what expanding one value does.
    budget_.spend(kTermDefinitionWork, [&] { return at_term(term); });
    defined_[term] = false;

    if (iri::is_keyword(term)) {
        throw JsonLdError("keyword " + term + " cannot be redefined " + where_.describe());
    }
    if (iri::has_keyword_form(term)) {
        throw JsonLdError("term " + term + " has the form of a keyword, which is not supported " +
                          where_.describe());
    }
    if (term.empty()) {
        throw JsonLdError("a term cannot be empty " + where_.describe());
    }

    std::shared_ptr<const TermDefinition> previous;
    if (const auto it = context_.terms.find(term); it != context_.terms.end()) {
        previous = it->second;
        context_.terms.erase(it);
    }

    const json& value = local_.at(term);
    const bool simple = value.is_string() || value.is_null(); // "term": "iri" is {"@id": "iri"}
    if (!simple && !value.is_object()) {
        throw JsonLdError("invalid term definition " + at_term(term) +
                          ": it must be a string, null or an object");
    }
    const auto entry = [&](std::string_view key) -> const json* {
        if (simple) {
            return key == "@id" ? &value : nullptr;
        }
        const auto it = value.find(key);
        return it == value.end() ? nullptr : &*it;
    };
    for (auto it = value.begin(); !simple && it != value.end(); ++it) {
        const std::string& key = it.key();
        if (key == "@reverse" || key == "@index" || key == "@nest" || key == "@prefix" ||
            key == "@direction") {
            throw JsonLdError(key + " in a term definition is not supported " + at_term(term));
        }
        if (key != "@id" && key != "@type" && key != "@container" && key != "@context" &&
            key != "@language" && key != "@protected") {
            throw JsonLdError("invalid term definition " + at_term(term) + ": unknown entry " +
                              key);
        }
    }

    TermDefinition def;
    const std::size_t colon = term.find(':');
    const bool term_has_colon = colon != std::string::npos && colon > 0;
    bool has_iri = false;
    if (const json* id = entry("@id")) {
        if (id->is_null()) {
            has_iri = true; // mapped to null
        } else if (!id->is_string()) {
            throw JsonLdError("invalid IRI mapping " + at_term(term) + ": @id must be a string");
        } else if (const std::string& written_id = id->get_ref<const std::string&>();
                   !iri::is_keyword(written_id) && iri::has_keyword_form(written_id)) {
            throw JsonLdError("@id " + written_id +
                              " has the form of a keyword, which is not supported " +
                              at_term(term));
        } else if (written_id != term) {
            const std::optional<std::string> expanded = expand(written_id, true);
            if (!expanded || (!iri::is_absolute(*expanded) && !iri::is_keyword(*expanded))) {
                throw JsonLdError("invalid IRI mapping " + at_term(term) + ": " + written_id +
                                  " is not an absolute IRI, a blank node or a keyword");
            }
            if (has_iri_form(term)) {
                defined_[term] = true; // the term's own form, not its definition
                const std::optional<std::string> own = expand(term, true);
                defined_[term] = false;
                if (own != expanded) {
                    throw JsonLdError("invalid IRI mapping " + at_term(term) +
                                      ": a term in the form of an IRI must expand to its @id");
                }
            }
            def.iri = *expanded;
            def.prefix = simple && !term_has_colon && ends_with_gen_delim(*expanded);
            has_iri = true;
        }
        if (has_iri && def.iri && (*def.iri == "@context" || *def.iri == "@preserve")) {
            throw JsonLdError("invalid keyword alias " + at_term(term) + ": " + *def.iri +
                              " cannot be aliased");
        }
    }
    if (!has_iri) {
        if (term_has_colon) {
            const std::string prefix = term.substr(0, colon);
            define_if_pending(prefix);
            if (const TermDefinition* parent = context_.find(prefix)) {
                if (!parent->iri) {
                    throw JsonLdError("invalid IRI mapping " + at_term(term) + ": prefix " +
                                      prefix + " is mapped to null");
                }
                def.iri = *parent->iri + term.substr(colon + 1);
            } else {
                def.iri = term; // an absolute IRI or a blank node identifier
            }
        } else if (term.find('/') != std::string::npos) {
            throw JsonLdError("term " + term +
                              " looks like a relative IRI, which is not supported " +
                              where_.describe());
        } else if (context_.vocab) {
            def.iri = *context_.vocab + term;
        } else {
            throw JsonLdError("invalid IRI mapping " + at_term(term) +
                              ": it has no @id and there is no @vocab");
        }
    }

    if (const json* p = entry("@protected")) {
        if (!p->is_boolean()) {
            throw JsonLdError("invalid @protected value " + at_term(term) +
                              ": it must be true or false");
        }
        def.is_protected = p->get<bool>();
    } else {
        def.is_protected = protected_default_;
    }

    if (const json* t = entry("@type")) {
        if (!t->is_string()) {
            throw JsonLdError("invalid type mapping " + at_term(term) + ": it must be a string");
        }
        const std::string& type = t->get_ref<const std::string&>();
        if (type == "@id" || type == "@vocab" || type == "@json") {
            def.type = type;
        } else if (type == "@none") {
            throw JsonLdError("@type @none is not supported " + at_term(term));
        } else {
            const std::optional<std::string> expanded = expand(type, true);
            if (!expanded || !iri::is_absolute(*expanded) || iri::is_blank(*expanded)) {
                throw JsonLdError("invalid type mapping " + at_term(term) + ": " + type +
                                  " is not an absolute IRI");
            }
            def.type = *expanded;
        }
    }

    if (const json* c = entry("@container")) {
        const json items = c->is_array() ? *c : json::array({*c});
        for (const json& item : items) {
            if (!item.is_string()) {
                throw JsonLdError("invalid container mapping " + at_term(term));
            }
            const std::string& name = item.get_ref<const std::string&>();
            if (name == "@index" || name == "@language" || name == "@id" || name == "@type") {
                throw JsonLdError("@container " + name + " (a map) is not supported " +
                                  at_term(term));
            }
            if (name != "@set" && name != "@list" && name != "@graph") {
                throw JsonLdError("invalid container mapping " + at_term(term) + ": " + name);
            }
            def.container.push_back(name);
        }
        const bool list = def.has_container("@list");
        const bool set = def.has_container("@set");
        const bool graph = def.has_container("@graph");
        const std::size_t kinds = std::size_t{list} + std::size_t{set} + std::size_t{graph};
        if (kinds != def.container.size() || (list && def.container.size() != 1)) {
            throw JsonLdError("invalid container mapping " + at_term(term) +
                              ": @list stands alone, @graph goes only with @set");
        }
    }

    def.scoped_context = entry("@context");

    if (const json* language = entry("@language"); language && !entry("@type")) {
        if (language->is_null()) {
            def.has_language = true;
        } else if (language->is_string()) {
            def.has_language = true;
            def.language = lower_case(language->get<std::string>());
        } else {
            throw JsonLdError("invalid language mapping " + at_term(term) +
                              ": it must be a string or null");
        }
    }

    if (previous && previous->is_protected && !override_protected) {
        def.is_protected = true;
        if (!def.same_as(*previous)) {
            throw JsonLdError("protected term " + term + " cannot be redefined " +
                              where_.describe());
        }
    }
    context_.terms[term] = std::make_shared<const TermDefinition>(std::move(def));
    defined_[term] = true;
}

std::optional<std::string> expand_iri(const ActiveContext& context, std::string_view value,
                                      bool vocab, bool document_relative) {
    if (iri::is_keyword(value)) {
        return std::string(value);
    }
    if (iri::has_keyword_form(value)) {
        return std::nullopt;
    }
    if (vocab) {
        if (const TermDefinition* term = context.find(value)) {
            return term->iri;
        }
    }
    if (const std::size_t colon = value.find(':'); colon != std::string_view::npos && colon > 0) {
        const std::string_view prefix = value.substr(0, colon);
        const std::string_view suffix = value.substr(colon + 1);
        if (prefix == "_" || suffix.starts_with("//")) {
            return std::string(value);
        }
        if (const TermDefinition* term = context.find(prefix); term && term->prefix && term->iri) {
            return *term->iri + std::string(suffix);
        }
        if (iri::is_absolute(value)) {
            return std::string(value);
        }
    }
    if (vocab && context.vocab) {
        return *context.vocab + std::string(value);
    }
    if (document_relative && context.base) {
        return iri::resolve(*context.base, value);
    }
    return std::string(value);
}

std::shared_ptr<ActiveContext> ContextProcessor::clone(const ActiveContext& context,
                                                       const Where& where) {
    budget_.spend(context.terms.size() + 1, [&] { return where.describe(); });
    return std::make_shared<ActiveContext>(context);
}

ContextPtr ContextProcessor::process(const ContextPtr& active, const json& local,
                                     const Where& where, ProcessFlags flags) {
    const Key key{active.get(), &local, flags.override_protected, flags.propagate};
    if (const auto it = remembered_.find(key); it != remembered_.end()) {
        return it->second.result;
    }
    std::vector<std::string> remote;
    ContextPtr result = process_in(active, local, where, flags, true, remote, 0);
    remembered_.emplace(key, Remembered{active, result});
    return result;
}

ContextPtr ContextProcessor::process_in(const ContextPtr& active, const json& local,
                                        const Where& where, ProcessFlags flags,
                                        bool validate_scoped, std::vector<std::string>& remote,
                                        std::size_t depth) {
    if (depth > kMaxContextDepth) {
        throw JsonLdError("contexts nested more than " + std::to_string(kMaxContextDepth) +
                          " levels deep " + where.describe());
    }
    budget_.spend(1, [&] { return where.describe(); });
    const bool is_array = local.is_array();
    if (is_array && local.empty()) {
        return active;
    }
    const json& first = is_array ? local.front() : local;
    if (first.is_object()) {
        if (const auto it = first.find("@propagate"); it != first.end()) {
            if (!it->is_boolean()) {
                throw JsonLdError("invalid @propagate value " + where.describe() +
                                  ": it must be true or false");
            }
            flags.propagate = it->get<bool>();
        }
    }

    ContextPtr result = active;
    if (!flags.propagate && !result->previous) {
        auto copy = clone(*result, where);
        copy->previous = active;
        result = std::move(copy);
    }
    const std::size_t count = is_array ? local.size() : 1;
    for (std::size_t i = 0; i < count; ++i) {
        const json& item = is_array ? local[i] : local;
        const Where at = is_array ? where.item(i) : where;
        if (item.is_null()) {
            if (!flags.override_protected &&
                std::any_of(result->terms.begin(), result->terms.end(),
                            [](const auto& term) { return term.second->is_protected; })) {
                throw JsonLdError("a null context would undefine protected terms " + at.describe());
            }
            auto fresh = std::make_shared<ActiveContext>();
            if (!flags.propagate) {
                fresh->previous = result->previous ? result->previous : result;
            }
            result = std::move(fresh);
        } else if (item.is_string()) {
            const std::string& url = item.get_ref<const std::string&>();
            if (!iri::is_absolute(url) || iri::is_blank(url)) {
                throw JsonLdError("relative context URL " + url + " " + at.describe() +
                                  " is not supported: contexts are pinned by absolute URL");
            }
            const bool included = std::find(remote.begin(), remote.end(), url) != remote.end();
            if (included && !validate_scoped) {
                continue; // a scoped context naming the context it is in
            }
            if (included) {
                throw JsonLdError("context " + url + " includes itself " + at.describe());
            }
            if (remote.size() >= kMaxRemoteContexts) {
                throw JsonLdError("contexts include each other more than " +
                                  std::to_string(kMaxRemoteContexts) + " levels deep " +
                                  at.describe());
            }
            if (!store_.contains(url)) {
                throw JsonLdError("unknown context " + url + " " + at.describe() +
                                  ": contexts are never fetched");
            }
            const json& document = store_.get(url);
            remote.push_back(url);
            result = process_in(result, document.at("@context"), at.remote(url), flags,
                                validate_scoped, remote, depth + 1);
            remote.pop_back();
        } else if (item.is_object()) {
            result = apply_object(result, item, at, flags, remote, depth);
        } else {
            throw JsonLdError("invalid local context " + at.describe() +
                              ": a context is null, an IRI or an object");
        }
    }
    return result;
}

ContextPtr ContextProcessor::apply_object(const ContextPtr& active, const json& object,
                                          const Where& where, ProcessFlags flags,
                                          std::vector<std::string>& remote, std::size_t depth) {
    std::shared_ptr<ActiveContext> result = clone(*active, where);

    if (const auto version = object.find("@version"); version != object.end()) {
        if (!version->is_number_float() || version->get<double>() != 1.1) {
            throw JsonLdError("invalid @version value " + where.describe() +
                              ": only 1.1 is supported");
        }
    }
    if (object.contains("@import")) {
        throw JsonLdError("@import is not supported " + where.describe());
    }
    if (object.contains("@direction")) {
        throw JsonLdError("@direction is not supported " + where.describe());
    }
    if (const auto base = object.find("@base"); base != object.end()) {
        if (!remote.empty()) {
            throw JsonLdError("@base in a pinned context is not supported " + where.describe());
        }
        if (base->is_null()) {
            result->base.reset();
        } else if (base->is_string() && iri::is_absolute(base->get_ref<const std::string&>()) &&
                   !iri::is_blank(base->get_ref<const std::string&>())) {
            result->base = base->get<std::string>();
        } else {
            throw JsonLdError("@base " + where.describe() +
                              " must be an absolute IRI or null (relative @base is not "
                              "supported)");
        }
    }
    if (const auto vocab = object.find("@vocab"); vocab != object.end()) {
        if (vocab->is_null()) {
            result->vocab.reset();
        } else if (!vocab->is_string()) {
            throw JsonLdError("invalid vocab mapping " + where.describe() +
                              ": @vocab must be a string or null");
        } else {
            const std::optional<std::string> expanded =
                expand_iri(*result, vocab->get_ref<const std::string&>(), true, true);
            if (!expanded || !iri::is_absolute(*expanded) || iri::is_blank(*expanded)) {
                throw JsonLdError("@vocab " + vocab->get<std::string>() + " " + where.describe() +
                                  " is not an absolute IRI (relative @vocab is not supported)");
            }
            result->vocab = *expanded;
        }
    }
    if (const auto language = object.find("@language"); language != object.end()) {
        if (language->is_null()) {
            result->language.reset();
        } else if (language->is_string()) {
            result->language = lower_case(language->get<std::string>());
        } else {
            throw JsonLdError("invalid default language " + where.describe() +
                              ": @language must be a string or null");
        }
    }
    if (const auto propagate = object.find("@propagate");
        propagate != object.end() && !propagate->is_boolean()) {
        throw JsonLdError("invalid @propagate value " + where.describe() +
                          ": it must be true or false");
    }
    bool protected_default = false;
    if (const auto p = object.find("@protected"); p != object.end()) {
        if (!p->is_boolean()) {
            throw JsonLdError("invalid @protected value " + where.describe() +
                              ": it must be true or false");
        }
        protected_default = p->get<bool>();
    }

    TermDefiner definer(*result, object, where, protected_default, budget_);
    for (const auto& [term, value] : object.items()) {
        if (is_context_keyword(term)) {
            continue;
        }
        definer.define(term, flags.override_protected);
        if (value.is_object()) {
            if (const auto scoped = value.find("@context"); scoped != value.end()) {
                // Validate the scoped context now, as the algorithm says, so a broken
                // one is found even when no node uses the term.
                (void)process_in(result, *scoped, where.inner("the scoped context of term " + term),
                                 ProcessFlags{true, true}, false, remote, depth + 1);
            }
        }
    }
    return result;
}

} // namespace sightline::linkeddata::detail
