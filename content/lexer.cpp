#include "content/lexer.hpp"

#include "i18n/i18n.hpp"

namespace sightline::content {

namespace {

// Length of the valid UTF-8 sequence starting at text[i], or 0 when invalid.
std::size_t utf8_sequence(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    std::size_t length = 0;
    std::uint32_t min = 0;
    std::uint32_t code = 0;
    if (lead < 0x80) {
        return 1;
    } else if ((lead & 0xE0) == 0xC0) {
        length = 2, min = 0x80, code = lead & 0x1Fu;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, min = 0x800, code = lead & 0x0Fu;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, min = 0x10000, code = lead & 0x07u;
    } else {
        return 0;
    }
    if (i + length > text.size()) {
        return 0;
    }
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            return 0;
        }
        code = (code << 6) | (byte(i + k) & 0x3Fu);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
        return 0;
    }
    return length;
}

bool is_space(char c) {
    return c == ' ' || c == '\t';
}

} // namespace

Location Line::at(std::uint32_t file, std::string_view part) const {
    const auto offset = static_cast<std::uint32_t>(part.data() - text.data());
    return {file, number, indent + offset + 1};
}

LexedFile::LexedFile(const SourceFile& source, std::uint32_t file_index, DiagnosticSink& sink) {
    std::string_view text = source.text();
    std::size_t position = 0;
    if (text.starts_with("\xEF\xBB\xBF")) {
        position = 3;
    }
    clean_.reserve(text.size());
    struct Span {
        std::size_t begin, end;
        std::uint32_t number;
    };
    std::vector<Span> spans;
    std::uint32_t number = 0;
    while (position <= text.size()) {
        ++number;
        std::size_t end = text.find('\n', position);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        std::string_view raw = text.substr(position, end - position);
        if (!raw.empty() && raw.back() == '\r') {
            raw.remove_suffix(1);
        }
        const std::size_t begin = clean_.size();
        if (raw.size() > kMaxLineBytes) {
            sink.report(codes::line_too_long, {file_index, number, 1},
                        i18n::format(i18n::tr("line is {1} bytes long; the limit is {2} (it is "
                                              "skipped)"),
                                     {std::to_string(raw.size()), std::to_string(kMaxLineBytes)}));
        } else {
            bool reported_utf8 = false;
            bool reported_nul = false;
            for (std::size_t i = 0; i < raw.size();) {
                if (raw[i] == '\0') {
                    if (!reported_nul) {
                        sink.report(codes::nul_byte,
                                    {file_index, number, static_cast<std::uint32_t>(i + 1)},
                                    i18n::tr("NUL byte in text; is this a binary file?"));
                        reported_nul = true;
                    }
                    clean_.push_back('?');
                    ++i;
                    continue;
                }
                const std::size_t length = utf8_sequence(raw, i);
                if (length == 0) {
                    if (!reported_utf8) {
                        sink.report(codes::invalid_utf8,
                                    {file_index, number, static_cast<std::uint32_t>(i + 1)},
                                    i18n::tr("invalid UTF-8 byte; save the file as UTF-8"));
                        reported_utf8 = true;
                    }
                    clean_.push_back('?');
                    ++i;
                    continue;
                }
                clean_.append(raw.substr(i, length));
                i += length;
            }
        }
        spans.push_back({begin, clean_.size(), number});
        if (end == text.size()) {
            break;
        }
        position = end + 1;
    }
    // Views are taken only now, once clean_ no longer grows.
    std::string_view all = clean_;
    lines_.reserve(spans.size());
    for (const Span& span : spans) {
        std::string_view line = all.substr(span.begin, span.end - span.begin);
        std::uint32_t indent = 0;
        while (indent < line.size() && is_space(line[indent])) {
            ++indent;
        }
        line.remove_prefix(indent);
        while (!line.empty() && is_space(line.back())) {
            line.remove_suffix(1);
        }
        lines_.push_back(Line{span.number, indent, line});
    }
}

} // namespace sightline::content
