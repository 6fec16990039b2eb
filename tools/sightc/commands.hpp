// One function per sightc subcommand; main.cpp only dispatches. Each returns
// the process exit code: 0 ok, 1 diagnostics with errors, 2 usage or I/O error.
#pragma once

#include <string>
#include <vector>

namespace sightline::sightc {

inline constexpr int kExitOk = 0;
inline constexpr int kExitErrors = 1;
inline constexpr int kExitUsage = 2;

using Args = std::vector<std::string>; // the arguments after the subcommand name

int check_command(const Args& args);
int build_command(const Args& args);
int dump_command(const Args& args);
int graph_command(const Args& args);
int stats_command(const Args& args);
int playtest_command(const Args& args);
int lint_command(const Args& args);

} // namespace sightline::sightc
