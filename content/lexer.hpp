// Turns a source file into lines the parser can trust: UTF-8 checked, NUL bytes
// and over-long lines reported, a BOM and CR line ends removed. Invalid bytes
// become '?' one for one, so every column still points at the author's text.
#pragma once

#include "content/diagnostics.hpp"
#include "content/source.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace sightline::content {

// Longer lines are reported and skipped; real prose never comes close.
inline constexpr std::size_t kMaxLineBytes = 16 * 1024;

struct Line {
    std::uint32_t number = 0; // 1-based line number in the file
    std::uint32_t indent = 0; // bytes of leading spaces and tabs
    std::string_view text;    // after the indentation, trailing white space removed

    bool blank() const { return text.empty(); }
    // The location of a position inside `text`.
    Location at(std::uint32_t file, std::string_view part) const;
    Location at(std::uint32_t file) const { return {file, number, indent + 1}; }
};

class LexedFile {
  public:
    LexedFile(const SourceFile& source, std::uint32_t file_index, DiagnosticSink& sink);
    LexedFile(const LexedFile&) = delete; // lines point into clean_
    LexedFile& operator=(const LexedFile&) = delete;

    const std::vector<Line>& lines() const { return lines_; }

  private:
    std::string clean_;
    std::vector<Line> lines_;
};

} // namespace sightline::content
