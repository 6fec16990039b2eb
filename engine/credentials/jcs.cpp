#include "credentials/jcs.hpp"

#include "i18n/i18n.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>

namespace sightline::credentials {

namespace {

// Decodes one UTF-8 sequence at `i`, advancing it; nullopt for an invalid one
// (overlong, surrogate, beyond U+10FFFF, truncated).
std::optional<char32_t> next_code_point(std::string_view s, std::size_t& i) {
    const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(s[at]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) {
        ++i;
        return lead;
    }
    std::size_t length = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2, cp = lead & 0x1F, min = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, cp = lead & 0x0F, min = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, cp = lead & 0x07, min = 0x10000;
    } else {
        return std::nullopt;
    }
    if (s.size() - i < length) {
        return std::nullopt;
    }
    for (std::size_t k = 1; k < length; ++k) {
        const unsigned char c = byte(i + k);
        if ((c & 0xC0) != 0x80) {
            return std::nullopt;
        }
        cp = (cp << 6) | (c & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return std::nullopt;
    }
    i += length;
    return cp;
}

std::u16string to_utf16(std::string_view s) {
    std::u16string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const std::optional<char32_t> cp = next_code_point(s, i);
        if (!cp) {
            throw JsonError("a string is not valid UTF-8", 0);
        }
        if (*cp >= 0x10000) {
            const char32_t v = *cp - 0x10000;
            out += static_cast<char16_t>(0xD800 + (v >> 10));
            out += static_cast<char16_t>(0xDC00 + (v & 0x3FF));
        } else {
            out += static_cast<char16_t>(*cp);
        }
    }
    return out;
}

void write_string(std::string& out, std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t start = i;
        const std::optional<char32_t> cp = next_code_point(s, i);
        if (!cp) {
            throw JsonError("a string is not valid UTF-8", 0);
        }
        switch (*cp) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (*cp < 0x20) {
                out += "\\u00";
                out += kHex[*cp >> 4];
                out += kHex[*cp & 0xF];
            } else {
                out.append(s.substr(start, i - start));
            }
        }
    }
    out += '"';
}

template <class Json>
void write_value(std::string& out, const Json& value, std::size_t depth) {
    if (depth > kMaxJsonDepth) {
        throw JsonError("JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels", 0);
    }
    using nlohmann::detail::value_t;
    switch (value.type()) {
    case value_t::null:
        out += "null";
        return;
    case value_t::boolean:
        out += value.template get<bool>() ? "true" : "false";
        return;
    case value_t::number_integer:
        out += format_es_number(static_cast<double>(value.template get<std::int64_t>()));
        return;
    case value_t::number_unsigned:
        out += format_es_number(static_cast<double>(value.template get<std::uint64_t>()));
        return;
    case value_t::number_float:
        out += format_es_number(value.template get<double>());
        return;
    case value_t::string:
        write_string(out, value.template get_ref<const std::string&>());
        return;
    case value_t::array: {
        out += '[';
        bool first = true;
        for (const Json& element : value) {
            if (!first) {
                out += ',';
            }
            first = false;
            write_value(out, element, depth + 1);
        }
        out += ']';
        return;
    }
    case value_t::object: {
        struct Member {
            std::u16string key16;
            const std::string* key;
            const Json* value;
        };
        std::vector<Member> members;
        members.reserve(value.size());
        for (auto it = value.begin(); it != value.end(); ++it) {
            members.push_back({to_utf16(it.key()), &it.key(), &it.value()});
        }
        std::sort(members.begin(), members.end(),
                  [](const Member& a, const Member& b) { return a.key16 < b.key16; });
        out += '{';
        bool first = true;
        for (const Member& m : members) {
            if (!first) {
                out += ',';
            }
            first = false;
            write_string(out, *m.key);
            out += ':';
            write_value(out, *m.value, depth + 1);
        }
        out += '}';
        return;
    }
    case value_t::binary:
    case value_t::discarded:
        break;
    }
    throw JsonError("a value has no JSON form", 0);
}

// Builds the document from nlohmann's SAX events, refusing duplicate member
// names and deep nesting, and keeping the first error in words.
class StrictBuilder {
  public:
    using json = nlohmann::json;

    bool null() { return add(nullptr); }
    bool boolean(bool b) { return add(b); }
    bool number_integer(json::number_integer_t v) { return add(v); }
    bool number_unsigned(json::number_unsigned_t v) { return add(v); }
    bool number_float(json::number_float_t v, const json::string_t&) {
        add(v);
        if (!std::isfinite(v)) {
            return fail("number out of range at " + path(stack_.size()));
        }
        return true;
    }
    bool string(json::string_t& s) { return add(std::move(s)); }
    bool binary(json::binary_t&) { return fail("binary values are not JSON"); }
    bool start_object(std::size_t) { return open(json::value_t::object); }
    bool key(json::string_t& k) {
        json& object = *stack_.back().value;
        if (object.contains(k)) {
            return fail("duplicate key \"" + k + "\" in " + path(stack_.size() - 1));
        }
        stack_.back().segment = k;
        pending_ = &object[k];
        return true;
    }
    bool end_object() { return close(); }
    bool start_array(std::size_t) { return open(json::value_t::array); }
    bool end_array() { return close(); }
    bool parse_error(std::size_t position, const std::string&,
                     const nlohmann::detail::exception& ex) {
        if (error_.empty()) {
            std::string reason = ex.what();
            // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..."
            if (const std::size_t colon = reason.find(": "); colon != std::string::npos) {
                reason.erase(0, colon + 2);
            }
            error_ = reason;
            position_ = position;
            syntax_ = true;
        }
        return false;
    }

    json root;
    std::string error_;
    std::size_t position_ = 0;
    bool syntax_ = false;

  private:
    struct Frame {
        json* value;
        std::string segment; // the current member's name or element's index, for paths
    };

    json* place(json value) {
        if (stack_.empty()) {
            root = std::move(value);
            return &root;
        }
        json& parent = *stack_.back().value;
        if (parent.is_array()) {
            stack_.back().segment = std::to_string(parent.size());
            parent.push_back(std::move(value));
            return &parent.back();
        }
        *pending_ = std::move(value);
        return pending_;
    }
    bool add(json value) {
        place(std::move(value));
        return true;
    }
    bool open(json::value_t type) {
        json* value = place(json(type));
        if (stack_.size() >= kMaxJsonDepth) {
            return fail("JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels at " +
                        path(stack_.size()));
        }
        stack_.push_back({value, {}});
        return true;
    }
    bool close() {
        stack_.pop_back();
        return true;
    }
    bool fail(std::string message) {
        if (error_.empty()) {
            error_ = std::move(message);
        }
        return false;
    }
    // The JSON pointer of the value inside the first `frames` open containers.
    std::string path(std::size_t frames) const {
        std::string out;
        for (std::size_t i = 0; i < frames; ++i) {
            out += '/' + stack_[i].segment;
        }
        return out.empty() ? "/" : out;
    }

    std::vector<Frame> stack_;
    json* pending_ = nullptr;
};

// 1-based line and column of byte `position` (clamped to the text).
std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t position) {
    position = std::min(position, text.size());
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < position; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

} // namespace

std::string format_es_number(double value) {
    if (!std::isfinite(value)) {
        throw JsonError("a number is not finite (NaN or infinity has no JSON form)", 0);
    }
    if (value == 0) {
        return "0"; // and -0
    }
    std::string out;
    if (value < 0) {
        out += '-';
        value = -value;
    }
    // Shortest round-trip digits, the closest to the value when several are
    // as short: exactly what ECMAScript asks for its digits and exponent.
    std::array<char, 64> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                         std::chars_format::scientific);
    const std::string_view sci(buffer.data(), static_cast<std::size_t>(end - buffer.data()));
    const std::size_t e = sci.find('e');
    std::string digits;
    for (const char c : sci.substr(0, e)) {
        if (c != '.') {
            digits += c;
        }
    }
    int exponent = 0;
    const std::string_view exp_text = sci.substr(e + 1);
    const char* exp_begin = exp_text.data() + (exp_text.front() == '+' ? 1 : 0);
    std::from_chars(exp_begin, exp_text.data() + exp_text.size(), exponent);
    const int k = static_cast<int>(digits.size());
    const int n = exponent + 1; // value = 0.digits × 10^n
    if (k <= n && n <= 21) {
        out += digits;
        out.append(static_cast<std::size_t>(n - k), '0');
    } else if (0 < n && n <= 21) {
        out += digits.substr(0, static_cast<std::size_t>(n));
        out += '.';
        out += digits.substr(static_cast<std::size_t>(n));
    } else if (-6 < n && n <= 0) {
        out += "0.";
        out.append(static_cast<std::size_t>(-n), '0');
        out += digits;
    } else {
        out += digits[0];
        if (k > 1) {
            out += '.';
            out += digits.substr(1);
        }
        out += 'e';
        out += n - 1 >= 0 ? '+' : '-';
        out += std::to_string(std::abs(n - 1));
    }
    return out;
}

bool utf16_less(std::string_view a, std::string_view b) {
    return to_utf16(a) < to_utf16(b);
}

std::string canonicalize(const nlohmann::json& value) {
    std::string out;
    write_value(out, value, 0);
    return out;
}

std::string canonicalize(const nlohmann::ordered_json& value) {
    std::string out;
    write_value(out, value, 0);
    return out;
}

nlohmann::json parse_strict_json(std::string_view text) {
    StrictBuilder builder;
    const bool ok = nlohmann::json::sax_parse(text.begin(), text.end(), &builder,
                                              nlohmann::json::input_format_t::json, true);
    if (ok && builder.error_.empty()) {
        return std::move(builder.root);
    }
    if (builder.syntax_) {
        // nlohmann counts the bytes it read, the offending one included (and
        // the end of input as one more): the offending byte's 0-based offset.
        const std::size_t offset = builder.position_ > 0 ? builder.position_ - 1 : 0;
        const auto [line, column] = line_column(text, offset);
        // TRANSLATORS: {1} a byte's offset, {2} its line, {3} its column, {4} the JSON
        // parser's own words, in English.
        throw JsonError(i18n::format(i18n::tr("malformed JSON at byte {1} (line {2}, column {3}): "
                                              "{4}"),
                                     {std::to_string(offset), std::to_string(line),
                                      std::to_string(column), builder.error_}),
                        offset);
    }
    throw JsonError(builder.error_.empty() ? "malformed JSON" : builder.error_, 0);
}

} // namespace sightline::credentials
