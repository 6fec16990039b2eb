// The one error type of the credentials library. what() is a complete sentence
// (or "<file>: <reason>") that a command can print as it is.
#pragma once

#include <stdexcept>
#include <string>

namespace sightline::credentials {

class CredentialError : public std::runtime_error {
  public:
    explicit CredentialError(const std::string& what) : std::runtime_error(what) {}
};

} // namespace sightline::credentials
