// `sightline records due`, `records learner` and `records purge`: compliance
// rosters, the profile fields they need (hire date, job role, site) and the
// retention purge (compliance_command.cpp; the rules are learning/compliance.hpp).
#pragma once

#include "process.hpp"

#include <functional>
#include <optional>

namespace CLI {
class App;
}

namespace sightline::cli {

// Runs the command the arguments chose; nullopt when none of these was chosen
// (records_command.cpp then runs its own). Same as organisation_command.hpp's.
using SubcommandRun = std::function<std::optional<int>(const Environment& env)>;

// Adds `due`, `learner` and `purge` to the `records` command. They read
// --data-dir and --records given before them (on `records`) as well as after.
SubcommandRun add_compliance_commands(CLI::App& records);

} // namespace sightline::cli
