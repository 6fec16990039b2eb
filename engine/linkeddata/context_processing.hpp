// Context processing (JSON-LD 1.1 API, sections 4.1 and 4.2) and IRI expansion
// (section 5.2): active contexts as immutable values shared by pointer. Internal
// to the library; expansion (expand.cpp) is its only user.
#pragma once

#include "linkeddata/contexts.hpp"
#include "linkeddata/jsonld_error.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace sightline::linkeddata::detail {

struct TermDefinition {
    std::optional<std::string> iri; // nullopt: mapped to null, undefined on purpose
    bool prefix = false;            // usable as the prefix of a compact IRI
    bool is_protected = false;
    std::optional<std::string> type;                // "@id", "@vocab", "@json" or a datatype IRI
    std::vector<std::string> container;             // "@set", "@list", "@graph", as written
    const nlohmann::json* scoped_context = nullptr; // into the document or a pinned context
    bool has_language = false;
    std::optional<std::string> language; // with has_language: none, or a lower-case tag

    bool has_container(std::string_view keyword) const;
    // Equal in everything but is_protected: a protected term may be "redefined" so.
    bool same_as(const TermDefinition& other) const;
};

struct ActiveContext {
    std::map<std::string, std::shared_ptr<const TermDefinition>, std::less<>> terms;
    std::optional<std::string> vocab;
    std::optional<std::string> base;
    std::optional<std::string> language;
    // The context before a type-scoped one, restored for nested nodes.
    std::shared_ptr<const ActiveContext> previous;

    const TermDefinition* find(std::string_view term) const;
};
using ContextPtr = std::shared_ptr<const ActiveContext>;

// The work one expansion may do; past the limit the document is refused.
class WorkBudget {
  public:
    explicit WorkBudget(std::size_t limit) : left_(limit), limit_(limit) {}
    template <class Where>
    void spend(std::size_t units, Where&& where) {
        if (units > left_) {
            throw JsonLdError("the document needs more than " + std::to_string(limit_) +
                              " steps to expand, " + where());
        }
        left_ -= units;
    }

  private:
    std::size_t left_;
    std::size_t limit_;
};

// Where a context is, for messages: a JSON path ("credentialSubject.@context") or a
// phrase ("context https://...", "the scoped context of type Achievement at
// credentialSubject.achievement") with the document path it came from.
struct Where {
    std::string text;
    bool is_path = true;
    std::string origin; // for a phrase: where in the document it was reached from

    static Where path(std::string path) { return {std::move(path), true, {}}; }
    Where item(std::size_t index) const;
    // A phrase about something inside this place: "<phrase> in <this>".
    Where inner(const std::string& phrase) const;
    // A context loaded from `url` referenced here.
    Where remote(const std::string& url) const;
    // "at a.b", "in context https://... (from @context[1])".
    std::string describe() const;
};

// IRI Expansion against a finished active context. nullopt for a term mapped to null
// and for a value shaped like a keyword that is none.
std::optional<std::string> expand_iri(const ActiveContext& context, std::string_view value,
                                      bool vocab, bool document_relative);

struct ProcessFlags {
    bool override_protected = false;
    bool propagate = true;
};

class ContextProcessor {
  public:
    ContextProcessor(const ContextStore& store, WorkBudget& budget)
        : store_(store), budget_(budget) {}

    // The Context Processing Algorithm: `local` (null, an IRI, an object or an array
    // of them) applied to `active`. Results are remembered for the same inputs.
    ContextPtr process(const ContextPtr& active, const nlohmann::json& local, const Where& where,
                       ProcessFlags flags = {});

  private:
    friend class TermDefiner;

    ContextPtr process_in(const ContextPtr& active, const nlohmann::json& local, const Where& where,
                          ProcessFlags flags, bool validate_scoped,
                          std::vector<std::string>& remote, std::size_t depth);
    ContextPtr apply_object(const ContextPtr& active, const nlohmann::json& object,
                            const Where& where, ProcessFlags flags,
                            std::vector<std::string>& remote, std::size_t depth);
    std::shared_ptr<ActiveContext> clone(const ActiveContext& context, const Where& where);

    const ContextStore& store_;
    WorkBudget& budget_;
    using Key = std::tuple<const ActiveContext*, const nlohmann::json*, bool, bool>;
    struct Remembered {
        ContextPtr active; // keeps the key's address from being reused
        ContextPtr result;
    };
    std::map<Key, Remembered> remembered_;
};

} // namespace sightline::linkeddata::detail
