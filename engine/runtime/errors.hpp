// The two ways the runtime refuses a request. Both carry a complete sentence
// naming the scenario, node or id involved, so a UI can show it as it is.
#pragma once

#include <stdexcept>
#include <string>

namespace sightline::runtime {

// A request that does not fit the run's state: an unknown or unavailable
// choice, answering a node that is not a knowledge check, advancing past an
// ending, or content that cannot be played.
class RunError : public std::runtime_error {
  public:
    explicit RunError(const std::string& what) : std::runtime_error(what) {}
};

// A save blob that is corrupt, truncated, from another format version, or that
// refers to content which no longer exists in the bundle.
class SaveError : public std::runtime_error {
  public:
    explicit SaveError(const std::string& what) : std::runtime_error(what) {}
};

} // namespace sightline::runtime
