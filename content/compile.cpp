#include "content/compile.hpp"

#include "content/checker.hpp"
#include "content/lexer.hpp"
#include "content/parser.hpp"
#include "i18n/i18n.hpp"
#include "model/link.hpp"

#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace sightline::content {

namespace {

// A source larger than this is refused rather than read into memory.
constexpr std::uintmax_t kMaxSourceBytes = 64ull * 1024 * 1024;

void add_file(const std::filesystem::path& path, SourceSet& sources,
              std::vector<std::pair<std::string, std::string>>& failures) {
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    if (error) {
        failures.emplace_back(path.string(),
                              i18n::format(i18n::tr("cannot read: {1}"), {error.message()}));
        return;
    }
    if (size > kMaxSourceBytes) {
        failures.emplace_back(
            path.string(),
            i18n::format(i18n::tr("file is {1} bytes; scenario sources are limited to {2}"),
                         {std::to_string(size), std::to_string(kMaxSourceBytes)}));
        return;
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) {
        failures.emplace_back(path.string(), i18n::tr("cannot read"));
        return;
    }
    sources.emplace_back(path.string(), std::move(text).str());
}

} // namespace

bool CompileResult::has_errors() const {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

CompileResult compile(SourceSet sources) {
    CompileResult result;
    DiagnosticSink sink;
    ParsedUnit unit;
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const auto index = static_cast<std::uint32_t>(i);
        LexedFile lexed(sources[i], index, sink);
        parse_file(lexed, index, unit, sink);
    }
    check_unit(unit, sources, sink);
    if (sink.error_count() == 0) {
        const model::LinkResult linked = model::link(unit.bundle);
        if (!linked.ok()) {
            // The checker should have caught all of these; reaching here is a compiler bug.
            throw std::logic_error("compiled model failed validation: " + linked.problems.front());
        }
        check_tier_scores(unit, sink);
        check_pinned_places(unit, sink);
    }
    result.diagnostics = sink.take();
    sort_diagnostics(result.diagnostics);
    result.sources = std::move(sources);
    if (!result.has_errors()) {
        result.bundle = std::move(unit.bundle);
    }
    return result;
}

CompileResult compile_text(std::string_view file_name, std::string_view text) {
    SourceSet sources;
    sources.emplace_back(std::string(file_name), std::string(text));
    return compile(std::move(sources));
}

CompileResult compile_paths(const std::vector<std::filesystem::path>& paths) {
    SourceSet sources;
    std::vector<std::pair<std::string, std::string>> failures;
    for (const std::filesystem::path& path : paths) {
        std::error_code error;
        if (std::filesystem::is_directory(path, error)) {
            std::vector<std::filesystem::path> files;
            for (auto it = std::filesystem::recursive_directory_iterator(path, error);
                 !error && it != std::filesystem::recursive_directory_iterator();
                 it.increment(error)) {
                if (it->is_regular_file() && it->path().extension() == ".scn") {
                    files.push_back(it->path());
                }
            }
            if (error) {
                failures.emplace_back(
                    path.string(), i18n::format(i18n::tr("cannot list: {1}"), {error.message()}));
            }
            std::sort(files.begin(), files.end());
            for (const auto& file : files) {
                add_file(file, sources, failures);
            }
        } else {
            add_file(path, sources, failures);
        }
    }
    CompileResult result = compile(std::move(sources));
    // Unreadable files are reported against a placeholder source named after them.
    for (auto& [name, reason] : failures) {
        result.sources.emplace_back(name, std::string());
        const auto index = static_cast<std::uint32_t>(result.sources.size() - 1);
        result.diagnostics.push_back(Diagnostic{
            codes::source_unreadable, Severity::Error, {index, 0, 0}, std::move(reason)});
    }
    if (!failures.empty()) {
        result.bundle.reset();
    }
    return result;
}

} // namespace sightline::content
