// Plain, wrapped output for the terminal and screen readers: words are never
// split, there are no escape codes or box drawing, and blank lines separate
// blocks (never two in a row).
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::textplay {

// Splits `text` at whitespace into lines of at most `width` columns (a UTF-8
// code point counts as one column). `first` prefixes the first line and
// `indent` spaces start the others; a word longer than a line gets its own line.
std::vector<std::string> wrap(std::string_view text, std::size_t width, std::string_view first = {},
                              std::size_t indent = 0);

class Printer {
  public:
    Printer(std::ostream& out, std::size_t width) : out_(out), width_(width) {}

    // Wrapped text ending with a newline.
    void text(std::string_view text, std::string_view first = {}, std::size_t indent = 0);
    // A blank line, unless the last thing written already was one (or nothing was).
    void blank();
    // Writes without wrapping or a newline (prompts).
    void raw(std::string_view text);
    void flush() { out_.flush(); }
    std::size_t width() const { return width_; }

  private:
    std::ostream& out_;
    std::size_t width_;
    bool wrote_anything_ = false;
    bool last_blank_ = false;
};

} // namespace sightline::textplay
