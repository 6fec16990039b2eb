#include "commands.hpp"

namespace sightline::cli {

std::optional<int> try_gui(const std::vector<std::string>&, const Environment&) {
    return std::nullopt; // no desktop player yet: the text player runs
}

} // namespace sightline::cli
