// What the command lines of sightline and sightc share: parsing with CLI11 and
// turning its errors into one line that names the command, the problem and,
// for an unknown option or command, the closest known one.
#pragma once

#include "tools/common/parse_number.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::command_line {

inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 2; // every command: a usage error exits 2

// The number of single-character insertions, deletions and substitutions that
// turn `a` into `b` (Levenshtein).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, when it is close enough to be a likely typo.
std::optional<std::string> closest(std::string_view word,
                                   const std::vector<std::string>& candidates);

// "sightline records export": the names from the root to `app`.
std::string command_path(const CLI::App& app);

// The subcommand the arguments selected deepest below `app` (or `app`).
CLI::App& selected_leaf(CLI::App& app);

// The option names (--long, -s) and subcommand names `app` accepts, with the
// options of its parents that fall through to it.
std::vector<std::string> known_names(const CLI::App& app);

// Prints "<command path>: <message>[; did you mean 'X'?] (see '<command path> --help')"
// and returns kExitUsage.
int usage_error(const CLI::App& app, const std::string& message, std::ostream& err,
                const std::optional<std::string>& suggestion = std::nullopt);

// Parses `args` (the arguments after the program name). Returns nothing when
// the program should go on; otherwise the exit code after printing the help
// (0, on `out`) or a usage error (2, on `err`).
std::optional<int> parse(CLI::App& app, const std::vector<std::string>& args, std::ostream& out,
                         std::ostream& err);

// The help of `app` (a subcommand's with the whole command path).
std::string help(const CLI::App& app);

// A formatter with room for the option names and their values.
std::shared_ptr<CLI::Formatter> formatter();

// This program's file (/proc/self/exe), so what is installed beside it (the
// catalogues, the courses) is found however it was started; `argv0` made
// absolute (or `name` without one) where /proc is not mounted.
std::filesystem::path executable_path(const char* argv0, const char* name);

} // namespace sightline::command_line
