// The whole text player behind `sightline --text`, after its options are
// parsed (tools/sightline/command_line.cpp): loading the bundle (and a save),
// picking a course and scenario, playing, and the result as an exit code. It
// reads and writes only the streams it is given, so tests use string streams.
#pragma once

#include "textplay/options.hpp"

#include <cstddef>
#include <filesystem>
#include <istream>
#include <ostream>

namespace sightline::textplay {

inline constexpr int kExitOk = 0;     // finished, quit, --list
inline constexpr int kExitFailed = 1; // a script answer did not fit, or the content is stuck
inline constexpr int kExitUsage =
    2; // an unknown course or scenario; unreadable bundle, script or save

// Where the text player reads and writes, and what it knows of the terminal.
struct Streams {
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
    std::filesystem::path default_bundle; // played when the options name none
    bool input_is_terminal = false;       // typed answers are echoed by the terminal itself
    std::size_t terminal_width = 0;       // 0: the output is not a terminal
};

// Plays with the parsed options; returns the exit code.
int run_text_player(const Options& options, const Streams& env);

} // namespace sightline::textplay
