#include "linkeddata/rdfc10.hpp"

#include "linkeddata/nquads.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <unordered_map>

namespace sightline::linkeddata {
namespace {

using NodeId = std::size_t;
inline constexpr NodeId kNotBlank = static_cast<NodeId>(-1);

// An identifier issuer for temporary labels (prefix "b"): the nodes in issue order.
// These hold a few nodes each and are copied for every permutation, so a plain
// vector beats a map.
class PathIssuer {
  public:
    std::optional<std::size_t> find(NodeId node) const {
        const auto it = std::find(order_.begin(), order_.end(), node);
        if (it == order_.end()) {
            return std::nullopt;
        }
        return static_cast<std::size_t>(it - order_.begin());
    }
    std::size_t issue(NodeId node) {
        if (const auto existing = find(node)) {
            return *existing;
        }
        order_.push_back(node);
        return order_.size() - 1;
    }
    const std::vector<NodeId>& order() const { return order_; }

  private:
    std::vector<NodeId> order_;
};

// The canonical issuer (prefix "c14n"), indexed by node for the many lookups.
class CanonicalIssuer {
  public:
    explicit CanonicalIssuer(std::size_t nodes) : issued_(nodes, kNotBlank) {}
    bool has(NodeId node) const { return issued_[node] != kNotBlank; }
    std::string label(NodeId node) const { return "c14n" + std::to_string(issued_[node]); }
    void issue(NodeId node) {
        if (!has(node)) {
            issued_[node] = order_.size();
            order_.push_back(node);
        }
    }
    const std::vector<NodeId>& order() const { return order_; }

  private:
    std::vector<std::size_t> issued_;
    std::vector<NodeId> order_;
};

std::string temporary_label(std::size_t index) {
    return "b" + std::to_string(index);
}

struct NDegreeResult {
    std::string hash;
    PathIssuer issuer;
};

// Refuses what RDF does not allow where a blank node could hide: a blank or literal
// predicate would escape relabelling, a literal subject or graph has no N-Quads form.
void check_is_rdf(const Dataset& input) {
    using Kind = Term::Kind;
    for (std::size_t q = 0; q < input.size(); ++q) {
        const Quad& quad = input[q];
        const char* problem = nullptr;
        if (quad.subject.kind != Kind::Iri && quad.subject.kind != Kind::Blank) {
            problem = "its subject is not an IRI or a blank node";
        } else if (quad.predicate.kind != Kind::Iri) {
            problem = "its predicate is not an IRI";
        } else if (quad.object.kind == Kind::DefaultGraph) {
            problem = "it has no object";
        } else if (quad.graph.kind == Kind::Literal) {
            problem = "its graph name is a literal";
        }
        if (problem != nullptr) {
            throw Rdfc10Error("RDF canonicalization refused: quad " + std::to_string(q + 1) +
                              " is not RDF: " + problem);
        }
    }
}

class Canonicalizer {
  public:
    Canonicalizer(const Dataset& input, const CanonicalizeOptions& options)
        : options_(options), quads_(input) {
        check_is_rdf(input);
        // Duplicates would count twice in the first degree hashes.
        std::sort(quads_.begin(), quads_.end());
        quads_.erase(std::unique(quads_.begin(), quads_.end()), quads_.end());
        index_blank_nodes(input);
    }

    CanonicalForm run();

  private:
    const CanonicalizeOptions& options_;
    Dataset quads_;
    std::vector<std::string> labels_;                // node -> input label
    std::vector<std::array<NodeId, 3>> quad_nodes_;  // quad -> s, o, g node or kNotBlank
    std::vector<std::vector<std::size_t>> mentions_; // node -> its quads (each once)
    std::vector<std::string> first_degree_;          // node -> hf(n)
    std::optional<CanonicalIssuer> canonical_;
    std::vector<std::size_t> deep_iterations_; // node -> Hash N-Degree Quads runs

    std::string hash(std::string_view data) const { return hex_digest(options_.hash, data); }
    void index_blank_nodes(const Dataset& input);
    std::string hash_first_degree(NodeId node) const;
    std::string hash_related(NodeId related, const Quad& quad, const PathIssuer& issuer,
                             char position) const;
    std::map<std::string, std::vector<NodeId>> related_nodes(NodeId node,
                                                             const PathIssuer& issuer) const;
    NDegreeResult hash_n_degree(NodeId node, PathIssuer issuer, std::size_t depth);

    // Quad `q` with each blank node's label replaced by label(node).
    template <typename Label>
    Quad relabelled(std::size_t q, const Label& label) const {
        Quad quad = quads_[q];
        const std::array<Term*, 3> terms{&quad.subject, &quad.object, &quad.graph};
        for (std::size_t i = 0; i < 3; ++i) {
            if (quad_nodes_[q][i] != kNotBlank) {
                terms[i]->value = label(quad_nodes_[q][i]);
            }
        }
        return quad;
    }
};

void Canonicalizer::index_blank_nodes(const Dataset& input) {
    // Nodes are numbered in order of first appearance in the input (not the sorted
    // copy), so that ties between isomorphic nodes are broken the way other
    // implementations, iterating the input, break them.
    std::unordered_map<std::string, NodeId> ids;
    const auto id_of = [&](const Term& term) {
        const auto [it, added] = ids.emplace(term.value, labels_.size());
        if (added) {
            labels_.push_back(term.value);
        }
        return it->second;
    };
    for (const Quad& quad : input) {
        for (const Term* term : {&quad.subject, &quad.object, &quad.graph}) {
            if (term->is_blank()) {
                id_of(*term);
            }
        }
    }
    mentions_.resize(labels_.size());
    quad_nodes_.reserve(quads_.size());
    for (std::size_t q = 0; q < quads_.size(); ++q) {
        std::array<NodeId, 3> nodes{kNotBlank, kNotBlank, kNotBlank};
        const Quad& quad = quads_[q];
        const std::array<const Term*, 3> terms{&quad.subject, &quad.object, &quad.graph};
        for (std::size_t i = 0; i < 3; ++i) {
            if (terms[i]->is_blank()) {
                nodes[i] = ids.at(terms[i]->value);
                auto& list = mentions_[nodes[i]];
                if (list.empty() || list.back() != q) {
                    list.push_back(q);
                }
            }
        }
        quad_nodes_.push_back(nodes);
    }
}

// Hash First Degree Quads (4.6): the node's quads with itself as _:a and every other
// blank node as _:z, sorted, concatenated, hashed.
std::string Canonicalizer::hash_first_degree(NodeId node) const {
    std::vector<std::string> lines;
    lines.reserve(mentions_[node].size());
    for (const std::size_t q : mentions_[node]) {
        lines.push_back(to_nquads(
            relabelled(q, [&](NodeId other) { return std::string(other == node ? "a" : "z"); })));
    }
    std::sort(lines.begin(), lines.end());
    std::string data;
    for (const std::string& line : lines) {
        data += line;
    }
    return hash(data);
}

// Hash Related Blank Node (4.7).
std::string Canonicalizer::hash_related(NodeId related, const Quad& quad, const PathIssuer& issuer,
                                        char position) const {
    std::string input(1, position);
    if (position != 'g') {
        input += '<';
        input += quad.predicate.value;
        input += '>';
    }
    if (canonical_->has(related)) {
        input += "_:" + canonical_->label(related);
    } else if (const auto temporary = issuer.find(related)) {
        input += "_:" + temporary_label(*temporary);
    } else {
        input += first_degree_[related];
    }
    return hash(input);
}

// Hn of Hash N-Degree Quads: related hash -> the related blank nodes, in code point
// order of the hashes. Kept out of hash_n_degree, whose frame every recursion level
// pays for.
[[gnu::noinline]] std::map<std::string, std::vector<NodeId>>
Canonicalizer::related_nodes(NodeId node, const PathIssuer& issuer) const {
    std::map<std::string, std::vector<NodeId>> related_nodes;
    static constexpr std::array<char, 3> kPositions{'s', 'o', 'g'};
    for (const std::size_t q : mentions_[node]) {
        for (std::size_t i = 0; i < 3; ++i) {
            const NodeId related = quad_nodes_[q][i];
            if (related != kNotBlank && related != node) {
                related_nodes[hash_related(related, quads_[q], issuer, kPositions[i])].push_back(
                    related);
            }
        }
    }
    return related_nodes;
}

// Hash N-Degree Quads (4.8). `issuer` is taken by value: the caller's copy is replaced
// by the returned one, as the specification's "by reference" replacement does.
NDegreeResult Canonicalizer::hash_n_degree(NodeId node, PathIssuer issuer, std::size_t depth) {
    if (++deep_iterations_[node] > options_.max_deep_iterations) {
        throw Rdfc10Error("RDF canonicalization refused: blank node _:" + labels_[node] +
                          " needs more than " + std::to_string(options_.max_deep_iterations) +
                          " runs of Hash N-Degree Quads (a poison dataset)");
    }
    if (depth > options_.max_recursion_depth) {
        throw Rdfc10Error("RDF canonicalization refused: Hash N-Degree Quads recursed deeper "
                          "than " +
                          std::to_string(options_.max_recursion_depth) +
                          " blank nodes (at _:" + labels_[node] + ")");
    }
    std::string data_to_hash;
    for (auto& [related_hash, nodes] : related_nodes(node, issuer)) {
        data_to_hash += related_hash;
        std::string chosen_path;
        std::optional<PathIssuer> chosen_issuer;
        // Every distinct ordering of the list; repeated nodes give repeated orderings
        // with the same paths, so skipping those changes nothing.
        std::sort(nodes.begin(), nodes.end());
        do {
            PathIssuer issuer_copy = issuer;
            std::string path;
            std::vector<NodeId> recursion_list;
            const auto longer_than_chosen = [&] {
                return !chosen_path.empty() && path.size() >= chosen_path.size() &&
                       path > chosen_path;
            };
            bool skipped = false;
            for (const NodeId related : nodes) {
                if (canonical_->has(related)) {
                    path += "_:" + canonical_->label(related);
                } else {
                    if (!issuer_copy.find(related)) {
                        recursion_list.push_back(related);
                    }
                    path += "_:" + temporary_label(issuer_copy.issue(related));
                }
                if (longer_than_chosen()) {
                    skipped = true;
                    break;
                }
            }
            for (std::size_t i = 0; !skipped && i < recursion_list.size(); ++i) {
                const NodeId related = recursion_list[i];
                NDegreeResult result = hash_n_degree(related, issuer_copy, depth + 1);
                path += "_:" + temporary_label(issuer_copy.issue(related));
                path += '<' + result.hash + '>';
                issuer_copy = std::move(result.issuer);
                skipped = longer_than_chosen();
            }
            if (!skipped && (chosen_path.empty() || path < chosen_path)) {
                chosen_path = std::move(path);
                chosen_issuer = std::move(issuer_copy);
            }
        } while (std::next_permutation(nodes.begin(), nodes.end()));
        data_to_hash += chosen_path;
        issuer = std::move(*chosen_issuer);
    }
    return {hash(data_to_hash), std::move(issuer)};
}

CanonicalForm Canonicalizer::run() {
    const std::size_t node_count = labels_.size();
    canonical_.emplace(node_count);
    deep_iterations_.assign(node_count, 0);

    // Step 3: first degree hashes, and the nodes sharing each.
    std::map<std::string, std::vector<NodeId>> nodes_by_hash;
    first_degree_.resize(node_count);
    for (NodeId node = 0; node < node_count; ++node) {
        first_degree_[node] = hash_first_degree(node);
        nodes_by_hash[first_degree_[node]].push_back(node);
    }
    // Step 4: a unique first degree hash gives a canonical label at once.
    for (auto it = nodes_by_hash.begin(); it != nodes_by_hash.end();) {
        if (it->second.size() == 1) {
            canonical_->issue(it->second.front());
            it = nodes_by_hash.erase(it);
        } else {
            ++it;
        }
    }
    // Step 5: shared hashes, in hash order, are told apart by their N-degree hashes.
    for (const auto& [first_hash, nodes] : nodes_by_hash) {
        std::vector<NDegreeResult> hash_paths;
        for (const NodeId node : nodes) {
            if (canonical_->has(node)) {
                continue;
            }
            PathIssuer temporary;
            temporary.issue(node);
            hash_paths.push_back(hash_n_degree(node, std::move(temporary), 1));
        }
        std::stable_sort(
            hash_paths.begin(), hash_paths.end(),
            [](const NDegreeResult& a, const NDegreeResult& b) { return a.hash < b.hash; });
        for (const NDegreeResult& result : hash_paths) {
            for (const NodeId node : result.issuer.order()) {
                canonical_->issue(node);
            }
        }
    }

    CanonicalForm form;
    for (const NodeId node : canonical_->order()) {
        form.issued.emplace_back(labels_[node], canonical_->label(node));
    }
    std::vector<std::pair<std::string, Quad>> lines;
    lines.reserve(quads_.size());
    for (std::size_t q = 0; q < quads_.size(); ++q) {
        Quad quad = relabelled(q, [&](NodeId node) { return canonical_->label(node); });
        lines.emplace_back(to_nquads(quad), std::move(quad));
    }
    std::sort(lines.begin(), lines.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [line, quad] : lines) {
        form.nquads += line;
        form.dataset.push_back(std::move(quad));
    }
    return form;
}

} // namespace

CanonicalForm canonicalize(const Dataset& input, const CanonicalizeOptions& options) {
    return Canonicalizer(input, options).run();
}

} // namespace sightline::linkeddata
