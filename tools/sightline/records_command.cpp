#include "commands.hpp"

namespace sightline::cli {

int records_command(const std::vector<std::string>&, const Environment& env) {
    env.err << "sightline records: not available yet\n";
    return 2;
}

} // namespace sightline::cli
