// The `sightline` process: its exit codes, its standard streams and the few
// facts about its surroundings the commands need. main() gathers them into an
// Environment; everything else takes one, so tests use string streams.
#pragma once

#include "textplay/app.hpp"

#include <cstddef>
#include <filesystem>
#include <istream>
#include <ostream>

namespace sightline::cli {

// The exit codes of every sightline command (each command's --help says what
// they mean for it).
inline constexpr int kExitOk = 0; // done; --help
inline constexpr int kExitFailed =
    1;                               // refused or invalid: a script answer, a credential, a learner
inline constexpr int kExitUsage = 2; // bad options; input that cannot be read or written
static_assert(kExitOk == textplay::kExitOk && kExitFailed == textplay::kExitFailed &&
              kExitUsage == textplay::kExitUsage);

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
// <exe_dir>/../share/sightline/phone: the classroom phone page (assets/phone/).
std::filesystem::path default_phone_page_dir(const std::filesystem::path& executable);

bool stdout_is_terminal();
bool stdin_is_terminal();

// The terminal's width in columns, or 0 when unknown.
std::size_t terminal_columns();

// The process's own Environment: std::cin, std::cout, std::cerr and the terminal.
Environment process_environment(const char* argv0);

} // namespace sightline::cli
