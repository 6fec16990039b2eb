#include "commands.hpp"

namespace sightline::cli {

int provider_command(const std::vector<std::string>&, const Environment& env) {
    env.err << "sightline provider: not available in this build\n";
    return 2;
}

int cert_command(const std::vector<std::string>&, const Environment& env) {
    env.err << "sightline cert: not available in this build\n";
    return 2;
}

} // namespace sightline::cli
