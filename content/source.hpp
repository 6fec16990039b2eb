// Source files as the compiler sees them: the bytes as read, plus a line index
// so any byte offset can be turned into "file:line:column".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::content {

struct Location {
    std::uint32_t file = 0;   // index into the SourceSet
    std::uint32_t line = 0;   // 1-based; 0 means "the whole file"
    std::uint32_t column = 0; // 1-based, in bytes
};

class SourceFile {
  public:
    SourceFile(std::string name, std::string text);

    const std::string& name() const { return name_; }
    const std::string& text() const { return text_; }
    std::size_t line_count() const { return line_starts_.size(); }
    // The line's bytes without its line end (LF or CRLF).
    std::string_view line(std::uint32_t number) const;

  private:
    std::string name_;
    std::string text_;
    std::vector<std::size_t> line_starts_;
};

using SourceSet = std::vector<SourceFile>;

} // namespace sightline::content
