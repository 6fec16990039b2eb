#include "linkeddata/nquads.hpp"

namespace sightline::linkeddata {

NQuadsError::NQuadsError(const std::string& reason, std::size_t line, std::size_t column)
    : std::runtime_error("N-Quads line " + std::to_string(line) + ", column " +
                         std::to_string(column) + ": " + reason),
      line_(line), column_(column) {}

namespace {

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

bool is_scalar_value(char32_t c) {
    return c <= 0x10FFFF && (c < 0xD800 || c > 0xDFFF);
}

// Characters IRIREF does not allow as themselves ([^#x00-#x20<>"{}|^`\]).
bool forbidden_in_iri(char32_t c) {
    return c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
           c == '^' || c == '`' || c == '\\';
}

bool in(char32_t c, char32_t low, char32_t high) {
    return c >= low && c <= high;
}

// The N-Triples blank node label productions.
bool pn_chars_base(char32_t c) {
    return in(c, 'A', 'Z') || in(c, 'a', 'z') || in(c, 0xC0, 0xD6) || in(c, 0xD8, 0xF6) ||
           in(c, 0xF8, 0x2FF) || in(c, 0x370, 0x37D) || in(c, 0x37F, 0x1FFF) ||
           in(c, 0x200C, 0x200D) || in(c, 0x2070, 0x218F) || in(c, 0x2C00, 0x2FEF) ||
           in(c, 0x3001, 0xD7FF) || in(c, 0xF900, 0xFDCF) || in(c, 0xFDF0, 0xFFFD) ||
           in(c, 0x10000, 0xEFFFF);
}
bool pn_chars_u(char32_t c) {
    return pn_chars_base(c) || c == '_' || c == ':';
}
bool pn_chars(char32_t c) {
    return pn_chars_u(c) || c == '-' || in(c, '0', '9') || c == 0xB7 || in(c, 0x300, 0x36F) ||
           in(c, 0x203F, 0x2040);
}
bool ascii_alpha(char32_t c) {
    return in(c, 'A', 'Z') || in(c, 'a', 'z');
}
bool ascii_digit(char32_t c) {
    return in(c, '0', '9');
}

std::string describe(char32_t c) {
    if (c > 0x20 && c < 0x7F) {
        return std::string("'") + static_cast<char>(c) + "'";
    }
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string hex;
    for (char32_t v = c; v != 0 || hex.size() < 4; v >>= 4) {
        hex.insert(hex.begin(), kDigits[v & 0xF]);
    }
    return "U+" + hex;
}

class Parser {
  public:
    explicit Parser(std::string_view text) : text_(text) {}

    Dataset parse() {
        Dataset quads;
        while (!at_end()) {
            skip_spaces();
            if (at_end()) {
                break;
            }
            if (at_eol()) {
                consume_eol();
                continue;
            }
            if (peek() == '#') {
                skip_comment();
                continue;
            }
            quads.push_back(statement());
            skip_spaces();
            if (!at_end() && peek() == '#') {
                skip_comment();
            }
            if (!at_end() && !at_eol()) {
                fail("expected the end of the line after '.', found " + describe(current()));
            }
        }
        return quads;
    }

  private:
    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
    std::size_t line_start_ = 0;

    bool at_end() const { return pos_ >= text_.size(); }
    char peek() const { return text_[pos_]; }
    bool at_eol() const { return peek() == '\n' || peek() == '\r'; }

    [[noreturn]] void fail(const std::string& reason) const { fail_at(pos_, reason); }
    [[noreturn]] void fail_at(std::size_t at, const std::string& reason) const {
        std::size_t column = 1;
        for (std::size_t i = line_start_; i < at && i < text_.size(); ++i) {
            if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) {
                ++column;
            }
        }
        throw NQuadsError(reason, line_, column);
    }

    void consume_eol() {
        if (peek() == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') {
            ++pos_;
        }
        ++pos_;
        ++line_;
        line_start_ = pos_;
    }

    void skip_spaces() {
        while (!at_end() && (peek() == ' ' || peek() == '\t')) {
            ++pos_;
        }
    }

    void skip_comment() {
        while (!at_end() && !at_eol()) {
            next_char();
        }
    }

    // The code point at pos_ (0 at the end), without consuming it.
    char32_t current() const {
        std::size_t at = pos_;
        return at_end() ? 0 : decode(at);
    }

    // Consumes and returns one code point; input that is not UTF-8 is an error.
    char32_t next_char() { return decode(pos_); }

    char32_t decode(std::size_t& at) const {
        const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text_[i]); };
        const unsigned char lead = byte(at);
        if (lead < 0x80) {
            ++at;
            return lead;
        }
        std::size_t length = 0;
        char32_t c = 0;
        char32_t minimum = 0;
        if ((lead & 0xE0) == 0xC0) {
            length = 2, c = lead & 0x1Fu, minimum = 0x80;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3, c = lead & 0x0Fu, minimum = 0x800;
        } else if ((lead & 0xF8) == 0xF0) {
            length = 4, c = lead & 0x07u, minimum = 0x10000;
        } else {
            fail_at(at, "invalid UTF-8 byte 0x" + hex_byte(lead));
        }
        if (at + length > text_.size()) {
            fail_at(at, "truncated UTF-8 sequence");
        }
        for (std::size_t i = 1; i < length; ++i) {
            if ((byte(at + i) & 0xC0) != 0x80) {
                fail_at(at, "invalid UTF-8 sequence");
            }
            c = (c << 6) | (byte(at + i) & 0x3Fu);
        }
        if (c < minimum || !is_scalar_value(c)) {
            fail_at(at, "invalid UTF-8 sequence");
        }
        at += length;
        return c;
    }

    static std::string hex_byte(unsigned char b) {
        static constexpr char kDigits[] = "0123456789ABCDEF";
        return {kDigits[b >> 4], kDigits[b & 0xF]};
    }

    Quad statement() {
        Quad quad;
        if (at_end() || (peek() != '<' && peek() != '_')) {
            fail("expected an IRI or a blank node as the subject" + found());
        }
        quad.subject = peek() == '<' ? iri() : blank_node();
        skip_spaces();
        if (at_end() || peek() != '<') {
            fail("expected an IRI as the predicate" + found());
        }
        quad.predicate = iri();
        skip_spaces();
        if (at_end() || (peek() != '<' && peek() != '_' && peek() != '"')) {
            fail("expected an IRI, a blank node or a literal as the object" + found());
        }
        quad.object = peek() == '<' ? iri() : peek() == '_' ? blank_node() : literal();
        skip_spaces();
        if (!at_end() && (peek() == '<' || peek() == '_')) {
            quad.graph = peek() == '<' ? iri() : blank_node();
            skip_spaces();
        }
        if (at_end() || peek() != '.') {
            fail("expected '.' to end the statement" + found());
        }
        ++pos_;
        return quad;
    }

    std::string found() const {
        if (at_end()) {
            return ", found the end of the document";
        }
        if (at_eol()) {
            return ", found the end of the line";
        }
        return ", found " + describe(current());
    }

    Term iri() {
        const std::size_t start = pos_;
        ++pos_; // '<'
        std::string value;
        for (;;) {
            if (at_end() || at_eol()) {
                fail_at(start, "unterminated IRI (no '>' on this line)");
            }
            const std::size_t at = pos_;
            const char32_t c = next_char();
            if (c == '>') {
                break;
            }
            if (c == '\\') {
                if (at_end() || (peek() != 'u' && peek() != 'U')) {
                    fail_at(at, "bad escape in an IRI (only \\uXXXX and \\UXXXXXXXX are allowed)");
                }
                const char32_t decoded = unicode_escape(at);
                if (forbidden_in_iri(decoded)) {
                    fail_at(at, "bad IRI: the escape stands for " + describe(decoded) +
                                    ", which an IRI cannot contain");
                }
                append_utf8(value, decoded);
                continue;
            }
            if (forbidden_in_iri(c)) {
                fail_at(at, "bad IRI: " + describe(c) + " is not allowed in an IRI");
            }
            append_utf8(value, c);
        }
        if (!has_scheme(value)) {
            fail_at(start, "bad IRI: <" + value + "> is relative; N-Quads needs absolute IRIs");
        }
        return Term::iri(std::move(value));
    }

    static bool has_scheme(std::string_view iri) {
        if (iri.empty() || !ascii_alpha(static_cast<unsigned char>(iri[0]))) {
            return false;
        }
        for (std::size_t i = 1; i < iri.size(); ++i) {
            const auto c = static_cast<unsigned char>(iri[i]);
            if (c == ':') {
                return true;
            }
            if (!ascii_alpha(c) && !ascii_digit(c) && c != '+' && c != '-' && c != '.') {
                return false;
            }
        }
        return false;
    }

    // After the backslash (at `escape`): u and 4 or U and 8 hexadecimal digits.
    char32_t unicode_escape(std::size_t escape) {
        const std::size_t digits = peek() == 'u' ? 4 : 8;
        ++pos_;
        char32_t c = 0;
        for (std::size_t i = 0; i < digits; ++i) {
            if (at_end()) {
                fail_at(escape, "bad escape: \\u needs 4 and \\U 8 hexadecimal digits");
            }
            const char h = peek();
            char32_t v = 0;
            if (h >= '0' && h <= '9') {
                v = static_cast<char32_t>(h - '0');
            } else if (h >= 'a' && h <= 'f') {
                v = static_cast<char32_t>(h - 'a' + 10);
            } else if (h >= 'A' && h <= 'F') {
                v = static_cast<char32_t>(h - 'A' + 10);
            } else {
                fail_at(escape, "bad escape: \\u needs 4 and \\U 8 hexadecimal digits");
            }
            c = (c << 4) | v;
            ++pos_;
        }
        if (!is_scalar_value(c)) {
            fail_at(escape, "bad escape: " + describe(c) + " is not a Unicode scalar value");
        }
        return c;
    }

    Term blank_node() {
        const std::size_t start = pos_;
        if (pos_ + 1 >= text_.size() || text_[pos_ + 1] != ':') {
            fail_at(start, "expected '_:' to begin a blank node label");
        }
        pos_ += 2;
        const std::size_t label_start = pos_;
        if (at_end() || at_eol()) {
            fail_at(start, "empty blank node label");
        }
        const char32_t first = next_char();
        if (!pn_chars_u(first) && !ascii_digit(first)) {
            fail_at(label_start, describe(first) + " cannot begin a blank node label");
        }
        // Dots may appear inside a label but not at its end (that one ends the statement).
        std::size_t label_end = pos_;
        while (!at_end()) {
            std::size_t at = pos_;
            const char32_t c = decode(at);
            if (c == '.') {
                pos_ = at;
                continue;
            }
            if (!pn_chars(c)) {
                break;
            }
            pos_ = at;
            label_end = pos_;
        }
        pos_ = label_end;
        return Term::blank(std::string(text_.substr(label_start, label_end - label_start)));
    }

    Term literal() {
        const std::size_t start = pos_;
        ++pos_; // '"'
        std::string value;
        for (;;) {
            if (at_end() || at_eol()) {
                fail_at(start, "unterminated string literal (no closing '\"' on this line)");
            }
            const std::size_t at = pos_;
            const char32_t c = next_char();
            if (c == '"') {
                break;
            }
            if (c != '\\') {
                append_utf8(value, c);
                continue;
            }
            if (at_end()) {
                fail_at(start, "unterminated string literal (no closing '\"' on this line)");
            }
            switch (peek()) {
            case 't':
                value += '\t';
                break;
            case 'b':
                value += '\b';
                break;
            case 'n':
                value += '\n';
                break;
            case 'r':
                value += '\r';
                break;
            case 'f':
                value += '\f';
                break;
            case '"':
                value += '"';
                break;
            case '\'':
                value += '\'';
                break;
            case '\\':
                value += '\\';
                break;
            case 'u':
            case 'U':
                append_utf8(value, unicode_escape(at));
                continue;
            default:
                fail_at(at, "bad escape: a backslash followed by " + describe(current()) +
                                " in a string literal");
            }
            ++pos_;
        }
        if (!at_end() && peek() == '^') {
            if (pos_ + 1 >= text_.size() || text_[pos_ + 1] != '^' || pos_ + 2 >= text_.size() ||
                text_[pos_ + 2] != '<') {
                fail("expected '^^<' and a datatype IRI after the literal");
            }
            pos_ += 2;
            return Term::literal(std::move(value), iri().value);
        }
        if (!at_end() && peek() == '@') {
            return Term::literal(std::move(value), kRdfLangString, language_tag());
        }
        return Term::literal(std::move(value));
    }

    // After '@': [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*
    std::string language_tag() {
        const std::size_t start = pos_;
        ++pos_;
        std::size_t subtag = 0;
        bool first = true;
        while (!at_end()) {
            const auto c = static_cast<unsigned char>(peek());
            if (ascii_alpha(c) || (!first && ascii_digit(c))) {
                ++subtag;
                ++pos_;
            } else if (c == '-' && subtag > 0) {
                subtag = 0;
                first = false;
                ++pos_;
            } else {
                break;
            }
        }
        if (subtag == 0) {
            fail_at(start, "bad language tag (expected letters after '@', and after each '-')");
        }
        return std::string(text_.substr(start + 1, pos_ - start - 1));
    }
};

void append_hex_escape(std::string& out, char32_t c) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) {
        out += kDigits[(c >> shift) & 0xF];
    }
}

void append_iri(std::string& out, std::string_view iri) {
    out += '<';
    for (const char ch : iri) {
        const auto c = static_cast<unsigned char>(ch);
        // Only a Term built in code can hold these; escaping keeps the line N-Quads.
        if (c < 0x80 && forbidden_in_iri(c)) {
            append_hex_escape(out, c);
        } else {
            out += ch;
        }
    }
    out += '>';
}

void append_string(std::string& out, std::string_view value) {
    out += '"';
    for (std::size_t i = 0; i < value.size(); ++i) {
        const auto c = static_cast<unsigned char>(value[i]);
        switch (c) {
        case '\b':
            out += "\\b";
            continue;
        case '\t':
            out += "\\t";
            continue;
        case '\n':
            out += "\\n";
            continue;
        case '\f':
            out += "\\f";
            continue;
        case '\r':
            out += "\\r";
            continue;
        case '"':
            out += "\\\"";
            continue;
        case '\\':
            out += "\\\\";
            continue;
        default:
            break;
        }
        if (c < 0x20 || c == 0x7F) {
            append_hex_escape(out, c);
        } else if (c == 0xEF && i + 2 < value.size() && value[i + 1] == '\xBF' &&
                   (value[i + 2] == '\xBE' || value[i + 2] == '\xBF')) {
            // U+FFFE and U+FFFF are not XML 1.1 Chars, so canonical N-Quads escapes them.
            append_hex_escape(out, value[i + 2] == '\xBE' ? 0xFFFE : 0xFFFF);
            i += 2;
        } else {
            out += static_cast<char>(c);
        }
    }
    out += '"';
}

void append_term(std::string& out, const Term& term) {
    switch (term.kind) {
    case Term::Kind::Iri:
        append_iri(out, term.value);
        break;
    case Term::Kind::Blank:
        out += "_:";
        out += term.value;
        break;
    case Term::Kind::Literal:
        append_string(out, term.value);
        if (!term.language.empty()) {
            out += '@';
            out += term.language;
        } else if (term.datatype != kXsdString) {
            out += "^^";
            append_iri(out, term.datatype);
        }
        break;
    case Term::Kind::DefaultGraph:
        break;
    }
}

void append_quad(std::string& out, const Quad& quad) {
    append_term(out, quad.subject);
    out += ' ';
    append_term(out, quad.predicate);
    out += ' ';
    append_term(out, quad.object);
    out += ' ';
    if (quad.graph.kind != Term::Kind::DefaultGraph) {
        append_term(out, quad.graph);
        out += ' ';
    }
    out += ".\n";
}

} // namespace

Dataset parse_nquads(std::string_view document) {
    return Parser(document).parse();
}

std::string to_nquads(const Term& term) {
    std::string out;
    append_term(out, term);
    return out;
}

std::string to_nquads(const Quad& quad) {
    std::string out;
    append_quad(out, quad);
    return out;
}

std::string to_nquads(const Dataset& dataset) {
    std::string out;
    for (const Quad& quad : dataset) {
        append_quad(out, quad);
    }
    return out;
}

} // namespace sightline::linkeddata
