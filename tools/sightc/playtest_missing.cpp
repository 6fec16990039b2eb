// Placeholder until the runtime library exists; reports clearly instead of linking errors.
#include "tools/sightc/commands.hpp"

#include <iostream>

namespace sightline::sightc {

int playtest_command(const Args&) {
    std::cerr << "sightc playtest: not available in this build\n";
    return kExitUsage;
}

} // namespace sightline::sightc
