// The whole `sightline --text` program behind main(): options, loading the
// bundle (and a save), picking a course and scenario, playing, exit codes.
// main.cpp only gathers the process's surroundings into an Environment.
#pragma once

#include <cstddef>
#include <filesystem>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace sightline::textplay {

inline constexpr int kExitOk = 0;     // finished, quit, --help, --list
inline constexpr int kExitFailed = 1; // a script answer did not fit, or the content is stuck
inline constexpr int kExitUsage = 2;  // bad options; unreadable bundle, script or save

struct Environment {
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
    std::filesystem::path executable; // the default bundle is found relative to it
    bool input_is_terminal = false;   // typed answers are echoed by the terminal itself
    std::size_t terminal_width = 0;   // 0: stdout is not a terminal
};

// <exe_dir>/../share/sightline/courses.slpack, where the build and the install put it.
std::filesystem::path default_bundle_path(const std::filesystem::path& executable);

// Runs the program with the arguments after argv[0]; returns the exit code.
int run_app(const std::vector<std::string>& args, const Environment& env);

} // namespace sightline::textplay
