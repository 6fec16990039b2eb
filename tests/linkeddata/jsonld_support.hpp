// Shared by the JSON-LD tests: the hand-written contexts, a minimal N-Quads writer
// and Debian's pyld (python3-pyld) run as the independent oracle.
#pragma once

#include "linkeddata/contexts.hpp"
#include "linkeddata/rdf.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <utility>
#include <vector>

namespace sightline::test {

inline const std::filesystem::path kJsonLdData =
    std::filesystem::path(SIGHTLINE_SOURCE_DIR) / "tests/linkeddata/data/jsonld";

inline std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot read " << path);
    std::ostringstream text;
    text << in.rdbuf();
    return std::move(text).str();
}

// (URL, file) of each hand-written context, from data/jsonld/contexts/index.json.
inline std::vector<std::pair<std::string, std::filesystem::path>> test_context_files() {
    std::vector<std::pair<std::string, std::filesystem::path>> files;
    const auto index = nlohmann::json::parse(read_text(kJsonLdData / "contexts/index.json"));
    for (const auto& [url, file] : index.items()) {
        files.emplace_back(url, kJsonLdData / "contexts" / file.get<std::string>());
    }
    return files;
}

inline linkeddata::ContextStore
store_of(const std::vector<std::pair<std::string, std::filesystem::path>>& files) {
    linkeddata::ContextStore store;
    for (const auto& [url, path] : files) {
        store.add_file(url, path);
    }
    return store;
}

inline linkeddata::ContextStore test_contexts() {
    return store_of(test_context_files());
}

// One N-Quads term, escaped as pyld escapes (\\ \t \n \r \"), which is all the test
// documents need.
inline std::string nquads_term(const linkeddata::Term& term) {
    using Kind = linkeddata::Term::Kind;
    switch (term.kind) {
    case Kind::Iri:
        return "<" + term.value + ">";
    case Kind::Blank:
        return "_:" + term.value;
    case Kind::Literal: {
        std::string out = "\"";
        for (const char c : term.value) {
            switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '"':
                out += "\\\"";
                break;
            default:
                out += c;
            }
        }
        out += "\"";
        if (term.datatype == linkeddata::kRdfLangString) {
            out += "@" + term.language;
        } else if (term.datatype != linkeddata::kXsdString) {
            out += "^^<" + term.datatype + ">";
        }
        return out;
    }
    case Kind::DefaultGraph:
        break;
    }
    return {};
}

// The dataset as N-Quads with its lines sorted, as pyld's to_rdf writes it.
inline std::string sorted_nquads(const linkeddata::Dataset& dataset) {
    std::vector<std::string> lines;
    for (const linkeddata::Quad& q : dataset) {
        std::string line =
            nquads_term(q.subject) + " " + nquads_term(q.predicate) + " " + nquads_term(q.object);
        if (q.graph.kind != linkeddata::Term::Kind::DefaultGraph) {
            line += " " + nquads_term(q.graph);
        }
        lines.push_back(line + " .\n");
    }
    std::sort(lines.begin(), lines.end());
    std::string out;
    for (const std::string& line : lines) {
        out += line;
    }
    return out;
}

struct PyldResult {
    nlohmann::json expanded;
    std::string nquads;         // pyld's, sorted
    std::string canonical;      // URDNA2015 of pyld's dataset
    std::string ours_canonical; // URDNA2015 of the N-Quads we gave it
    std::string error;          // when pyld refused the document
};

// Runs tests/linkeddata/pyld_oracle.py with Debian's python3 on `document`, serving
// only `contexts`; FAILs with the install hint when python3-pyld is missing.
inline PyldResult
run_pyld(const std::filesystem::path& document,
         const std::vector<std::pair<std::string, std::filesystem::path>>& contexts,
         const std::string& our_nquads, const std::string& base = {}) {
    constexpr const char* kPython = "/usr/bin/python3";
    REQUIRE_MESSAGE(std::filesystem::exists(kPython),
                    "the pyld oracle needs Debian's python3: apt-get install -y python3-pyld");
    TempDir temp;
    const std::filesystem::path ours = temp.path() / "ours.nq";
    std::ofstream(ours, std::ios::binary) << our_nquads;
    const auto quote = [](const std::string& s) { return "'" + s + "'"; };
    std::string command =
        std::string(kPython) + " " +
        quote(std::string(SIGHTLINE_SOURCE_DIR) + "/tests/linkeddata/pyld_oracle.py") +
        " --document " + quote(document.string()) + " --ours " + quote(ours.string());
    for (const auto& [url, path] : contexts) {
        command += " --context " + quote(url + "=" + path.string());
    }
    if (!base.empty()) {
        command += " --base " + quote(base);
    }
    command += " 2>&1";
    std::string out;
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 4096> buffer{};
    while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) {
        out.append(buffer.data(), n);
    }
    const int status = ::pclose(pipe);
    REQUIRE_MESSAGE(!(WIFEXITED(status) && WEXITSTATUS(status) == 3),
                    "the oracle needs pyld: apt-get install -y python3-pyld");
    REQUIRE_MESSAGE(status == 0, "the pyld oracle failed: " << out);
    const auto parsed = nlohmann::json::parse(out);
    PyldResult result;
    if (parsed.contains("error")) {
        result.error = parsed["error"].get<std::string>();
        return result;
    }
    result.expanded = parsed["expanded"];
    result.nquads = parsed["nquads"].get<std::string>();
    result.canonical = parsed["canonical"].get<std::string>();
    result.ours_canonical = parsed.value("ours_canonical", std::string());
    return result;
}

} // namespace sightline::test
