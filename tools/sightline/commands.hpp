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

// The desktop player (gui_command.cpp). Returns the exit code when it handled
// the arguments: the GUI ran, the GUI-only arguments were wrong, or no display
// could be opened and it ran the text player itself (after a one-line
// explanation, without the desktop-only options). Returns nothing when the
// arguments ask for the text player (`--text` and its options).
std::optional<int> try_gui(const std::vector<std::string>& args, const Environment& env);

} // namespace sightline::cli
