// The `sightline` subcommands. main.cpp only picks one; each lives in its own
// file and is built into the sightline_cli library so tests can call it.
#pragma once

#include "textplay/app.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sightline::cli {

using textplay::Environment;

// `sightline records list | export | delete-learner` (records_command.cpp).
int records_command(const std::vector<std::string>& args, const Environment& env);

// `sightline provider init | show` and `sightline cert verify | list | reprint`
// (credentials_command.cpp).
int provider_command(const std::vector<std::string>& args, const Environment& env);
int cert_command(const std::vector<std::string>& args, const Environment& env);

// The desktop player (gui_command.cpp). Returns the exit code when the GUI ran
// (or the arguments were GUI-only and wrong); returns nothing when the text
// player should run instead: the arguments ask for it, or no display can be
// opened (after printing a one-line explanation to env.err).
std::optional<int> try_gui(const std::vector<std::string>& args, const Environment& env);

} // namespace sightline::cli
