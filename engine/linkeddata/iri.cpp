#include "linkeddata/iri.hpp"

#include <algorithm>
#include <array>
#include <optional>

namespace sightline::linkeddata::iri {

namespace {

// The keywords pyld and jsonld.js know, framing ones included, so that a key
// such as "@default" is never mistaken for a term.
constexpr std::array<std::string_view, 29> kKeywords = {
    "@base",        "@container", "@context",   "@default",  "@direction",  "@embed",
    "@explicit",    "@first",     "@graph",     "@id",       "@import",     "@included",
    "@index",       "@json",      "@language",  "@list",     "@nest",       "@none",
    "@omitDefault", "@propagate", "@protected", "@preserve", "@requireAll", "@reverse",
    "@set",         "@type",      "@value",     "@version",  "@vocab"};

bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Whether the UTF-8 code point starting at `text[i]` is whitespace as Python's
// str.isspace() says (what \s matches in pyld's regular expression).
bool whitespace_at(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) {
        return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u;
    };
    const unsigned b0 = byte(i);
    if ((b0 >= 0x09 && b0 <= 0x0D) || (b0 >= 0x1C && b0 <= 0x20)) {
        return true;
    }
    const unsigned b1 = byte(i + 1), b2 = byte(i + 2);
    if (b0 == 0xC2) {
        return b1 == 0x85 || b1 == 0xA0;
    }
    if (b0 == 0xE1) {
        return b1 == 0x9A && b2 == 0x80; // U+1680
    }
    if (b0 == 0xE2 && b1 == 0x80) {
        return (b2 >= 0x80 && b2 <= 0x8A) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF;
    }
    if (b0 == 0xE2 && b1 == 0x81) {
        return b2 == 0x9F; // U+205F
    }
    return b0 == 0xE3 && b1 == 0x80 && b2 == 0x80; // U+3000
}

struct Parts {
    std::optional<std::string_view> scheme, authority, query, fragment;
    std::string_view path;
};

// The regular expression of RFC 3986 appendix B, by hand.
Parts split(std::string_view s) {
    Parts p;
    const std::size_t colon = s.find_first_of(":/?#");
    if (colon != std::string_view::npos && colon > 0 && s[colon] == ':') {
        p.scheme = s.substr(0, colon);
        s.remove_prefix(colon + 1);
    }
    if (s.starts_with("//")) {
        s.remove_prefix(2);
        const std::size_t end = std::min(s.find_first_of("/?#"), s.size());
        p.authority = s.substr(0, end);
        s.remove_prefix(end);
    }
    if (const std::size_t hash = s.find('#'); hash != std::string_view::npos) {
        p.fragment = s.substr(hash + 1);
        s = s.substr(0, hash);
    }
    if (const std::size_t question = s.find('?'); question != std::string_view::npos) {
        p.query = s.substr(question + 1);
        s = s.substr(0, question);
    }
    p.path = s;
    return p;
}

// RFC 3986 section 5.2.4.
std::string remove_dot_segments(std::string_view in) {
    std::string out;
    while (!in.empty()) {
        if (in.starts_with("../")) {
            in.remove_prefix(3);
        } else if (in.starts_with("./")) {
            in.remove_prefix(2);
        } else if (in.starts_with("/./")) {
            in.remove_prefix(2);
        } else if (in == "/.") {
            in = "/";
        } else if (in.starts_with("/../") || in == "/..") {
            in = in.size() == 3 ? std::string_view("/") : in.substr(3);
            const std::size_t last = out.rfind('/');
            out.erase(last == std::string::npos ? 0 : last);
        } else if (in == "." || in == "..") {
            in = {};
        } else {
            const std::size_t next = in.find('/', 1);
            const std::size_t n = next == std::string_view::npos ? in.size() : next;
            out.append(in.substr(0, n));
            in.remove_prefix(n);
        }
    }
    return out;
}

} // namespace

bool is_keyword(std::string_view value) {
    return value.starts_with('@') &&
           std::find(kKeywords.begin(), kKeywords.end(), value) != kKeywords.end();
}

bool has_keyword_form(std::string_view value) {
    return value.size() > 1 && value[0] == '@' &&
           std::all_of(value.begin() + 1, value.end(), is_ascii_letter);
}

bool is_absolute(std::string_view value) {
    const std::size_t colon = value.find(':');
    if (colon == std::string_view::npos || colon == 0) {
        return false;
    }
    const std::string_view scheme = value.substr(0, colon);
    // [A-Za-z][A-Za-z0-9+-.]* as pyld and jsonld.js write it: "+-." is a range, so ","
    // is allowed too.
    const bool scheme_ok =
        scheme == "_" ||
        (is_ascii_letter(scheme[0]) && std::all_of(scheme.begin() + 1, scheme.end(), [](char c) {
             return is_ascii_letter(c) || is_digit(c) || c == '+' || c == ',' || c == '-' ||
                    c == '.';
         }));
    if (!scheme_ok) {
        return false;
    }
    for (std::size_t i = colon + 1; i < value.size(); ++i) {
        if (whitespace_at(value, i)) {
            return false;
        }
    }
    return true;
}

std::string resolve(std::string_view base, std::string_view reference) {
    const Parts b = split(base);
    const Parts r = split(reference);
    Parts t;
    std::string path;
    if (r.scheme) {
        t = r;
        path = remove_dot_segments(r.path);
    } else {
        if (r.authority) {
            t.authority = r.authority;
            path = remove_dot_segments(r.path);
            t.query = r.query;
        } else {
            if (r.path.empty()) {
                path = std::string(b.path);
                t.query = r.query ? r.query : b.query;
            } else {
                if (r.path.starts_with('/')) {
                    path = remove_dot_segments(r.path);
                } else {
                    std::string merged;
                    if (b.authority && b.path.empty()) {
                        merged = "/";
                    } else if (const std::size_t slash = b.path.rfind('/');
                               slash != std::string_view::npos) {
                        merged = std::string(b.path.substr(0, slash + 1));
                    }
                    merged.append(r.path);
                    path = remove_dot_segments(merged);
                }
                t.query = r.query;
            }
            t.authority = b.authority;
        }
        t.scheme = b.scheme;
    }
    t.fragment = r.fragment;

    std::string out;
    if (t.scheme) {
        out.append(*t.scheme).push_back(':');
    }
    if (t.authority) {
        out.append("//").append(*t.authority);
    }
    out.append(path);
    if (t.query) {
        out.append("?").append(*t.query);
    }
    if (t.fragment) {
        out.append("#").append(*t.fragment);
    }
    return out;
}

} // namespace sightline::linkeddata::iri
