#include "linkeddata/contexts.hpp"

#include "linkeddata/iri.hpp"

#include <fstream>

namespace sightline::linkeddata {

void ContextStore::add(std::string url, nlohmann::json document) {
    if (!iri::is_absolute(url) || iri::is_blank(url)) {
        throw JsonLdError("context URL " + url + " is not an absolute IRI");
    }
    if (!document.is_object() || !document.contains("@context")) {
        throw JsonLdError("context " + url + " is not a JSON object with an @context entry");
    }
    documents_.insert_or_assign(std::move(url), std::move(document));
}

void ContextStore::add_file(std::string url, const std::filesystem::path& path) {
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    if (error) {
        throw JsonLdError(path.string() + ": cannot read the context file (" + error.message() +
                          ")");
    }
    if (size > kMaxContextFileBytes) {
        throw JsonLdError(path.string() + ": a context file of " + std::to_string(size) +
                          " bytes is larger than the limit of " +
                          std::to_string(kMaxContextFileBytes));
    }
    std::ifstream in(path, std::ios::binary);
    std::string text(static_cast<std::size_t>(size), '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (!in || in.gcount() != static_cast<std::streamsize>(text.size())) {
        throw JsonLdError(path.string() + ": cannot read the context file");
    }
    nlohmann::json document;
    try {
        document = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw JsonLdError(path.string() + ": malformed JSON at byte " + std::to_string(e.byte) +
                          " in the context file");
    }
    add(std::move(url), std::move(document));
}

bool ContextStore::contains(std::string_view url) const {
    return documents_.contains(url);
}

const nlohmann::json& ContextStore::get(std::string_view url) const {
    const auto it = documents_.find(url);
    if (it == documents_.end()) {
        throw JsonLdError("unknown context " + std::string(url) + ": contexts are never fetched");
    }
    return it->second;
}

} // namespace sightline::linkeddata
