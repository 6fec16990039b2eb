// RFC 8785 JSON Canonicalization Scheme (JCS) over nlohmann::json, and a strict
// JSON reader for untrusted input.
//
// JCS: no whitespace; object members sorted by their names as UTF-16 code unit
// sequences (not nlohmann's byte order); strings with only '"', '\\' and the
// control characters escaped; numbers as IEEE 754 doubles written the way
// ECMAScript's Number.prototype.toString writes them (shortest round-trip
// digits). Integers beyond 2^53 are therefore rounded, as RFC 8785 (I-JSON) says.
#pragma once

#include "credentials/error.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace sightline::credentials {

// Thrown for JSON that cannot be read or canonicalised. `position` is the 0-based byte
// offset where a syntax error was found (0 when it does not apply).
class JsonError : public CredentialError {
  public:
    JsonError(const std::string& what, std::size_t position)
        : CredentialError(what), position_(position) {}
    std::size_t position() const { return position_; }

  private:
    std::size_t position_;
};

// Nesting deeper than this is refused by parse_strict_json (and canonicalize).
inline constexpr std::size_t kMaxJsonDepth = 64;

// Parses `text` as exactly one JSON value. Unlike nlohmann::json::parse it
// refuses duplicate object member names (which would make a signed document
// mean two things) and nesting deeper than kMaxJsonDepth. Throws JsonError:
// "malformed JSON at byte N (line L, column C): <reason>", "duplicate key
// \"name\" in /path", "JSON nested deeper than 64 levels at /path".
nlohmann::json parse_strict_json(std::string_view text);

// The canonical form of `value`, UTF-8. Throws JsonError for a number that is
// not finite, a string that is not valid UTF-8, or nesting deeper than kMaxJsonDepth.
std::string canonicalize(const nlohmann::json& value);
std::string canonicalize(const nlohmann::ordered_json& value);

// ECMAScript's Number::toString(x) for a finite double: "0" for both zeros,
// "1e+21", "0.000001", "1e-7", "333333333.3333333". Throws JsonError for NaN or
// an infinity.
std::string format_es_number(double value);

// True when `a` sorts before `b` comparing UTF-16 code units (JCS member order).
// Both must be valid UTF-8.
bool utf16_less(std::string_view a, std::string_view b);

} // namespace sightline::credentials
