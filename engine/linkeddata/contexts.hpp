// Pinned JSON-LD contexts. A context URL is only ever resolved through a
// ContextStore: nothing is fetched, so a signature never depends on what a web
// server answers today, and an unknown URL is an error.
#pragma once

#include "linkeddata/jsonld_error.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace sightline::linkeddata {

// Context files larger than this are refused before they are read.
inline constexpr std::size_t kMaxContextFileBytes = 1 << 20;

class ContextStore {
  public:
    // Adds the context document served at `url` (an absolute IRI): a JSON object
    // with an "@context" entry. Replaces an earlier one for the same URL. Throws
    // JsonLdError for a URL that is not absolute or a document without "@context".
    void add(std::string url, nlohmann::json document);

    // Reads the document from a file. Throws JsonLdError for a file that cannot be
    // read, is larger than kMaxContextFileBytes, or is not such a document
    // ("<path>: malformed JSON at byte N: ...").
    void add_file(std::string url, const std::filesystem::path& path);

    bool contains(std::string_view url) const;

    // The document added for `url`. Throws JsonLdError
    // "unknown context <url>: contexts are never fetched".
    const nlohmann::json& get(std::string_view url) const;

  private:
    std::map<std::string, nlohmann::json, std::less<>> documents_;
};

} // namespace sightline::linkeddata
