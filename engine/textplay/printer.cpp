#include "textplay/printer.hpp"

namespace sightline::textplay {

namespace {

std::size_t columns(std::string_view s) {
    std::size_t n = 0;
    for (const char c : s) {
        n += (static_cast<unsigned char>(c) & 0xC0u) != 0x80u ? 1 : 0; // skip continuation bytes
    }
    return n;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

} // namespace

std::vector<std::string> wrap(std::string_view text, std::size_t width, std::string_view first,
                              std::size_t indent) {
    std::vector<std::string> lines;
    std::string line(first);
    std::size_t used = columns(first);
    bool line_has_word = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
        while (pos < text.size() && is_space(text[pos])) {
            ++pos;
        }
        std::size_t end = pos;
        while (end < text.size() && !is_space(text[end])) {
            ++end;
        }
        if (end == pos) {
            break;
        }
        const std::string_view word = text.substr(pos, end - pos);
        const std::size_t word_columns = columns(word);
        if (line_has_word && used + 1 + word_columns > width) {
            lines.push_back(std::move(line));
            line.assign(indent, ' ');
            used = indent;
            line_has_word = false;
        }
        if (line_has_word) {
            line += ' ';
            ++used;
        }
        line += word;
        used += word_columns;
        line_has_word = true;
        pos = end;
    }
    lines.push_back(std::move(line));
    return lines;
}

void Printer::text(std::string_view text, std::string_view first, std::size_t indent) {
    for (const std::string& line : wrap(text, width_, first, indent)) {
        out_ << line << '\n';
    }
    wrote_anything_ = true;
    last_blank_ = false;
}

void Printer::blank() {
    if (wrote_anything_ && !last_blank_) {
        out_ << '\n';
        last_blank_ = true;
    }
}

void Printer::raw(std::string_view text) {
    out_ << text;
    wrote_anything_ = true;
    last_blank_ = false;
}

} // namespace sightline::textplay
