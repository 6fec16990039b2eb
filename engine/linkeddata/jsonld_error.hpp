// The one error type of JSON-LD processing (contexts.hpp, jsonld.hpp). what() is a
// complete sentence naming where in the document the problem is, e.g.
// "undefined term foo at credentialSubject.achievement.foo".
#pragma once

#include <stdexcept>
#include <string>

namespace sightline::linkeddata {

class JsonLdError : public std::runtime_error {
  public:
    explicit JsonLdError(const std::string& what) : std::runtime_error(what) {}
};

} // namespace sightline::linkeddata
