// The `sightline` command line (command_line.cpp, with CLI11) and its
// commands. The administrator commands and the text player are in the
// sightline_cli library, which needs no window system; the desktop player
// (sightline_gui: gui_command.cpp, gui/) is handed in by main() as a
// DesktopPlayer.
#pragma once

#include "process.hpp"
#include "textplay/options.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace sightline::cli {

// The desktop player's options, checked (--theme is one of light, dark,
// high-contrast; --size and --scale are in range).
struct DesktopOptions {
    std::string bundle;     // empty: the installed courses
    std::string data_dir;   // empty: records::default_data_dir()
    std::string records;    // the organisation's server (postgresql://), or empty
    std::string screenshot; // set: render to this PNG and exit
    std::string script;     // with --screenshot: steps to reach a screen
    std::optional<int> width;
    std::optional<int> height;
    std::string theme;                 // empty: the saved setting
    std::optional<int> scale;          // percent
    std::optional<std::uint64_t> seed; // the order options are shown in; unset: fresh each attempt
    std::string listen_address;        // classroom phone voting; empty: the first LAN address
    int listen_port = 0;               // 0: any free port
    // --lang TAG: courses are played in this language where they have it
    // (the language switch can change it); empty: the learner's preference,
    // the system locale's language, or English.
    std::string language = {};
};

// Runs the desktop player and returns the exit code. `text_player` runs the
// text player with the same --bundle and --data-dir, for when no display can
// be opened.
using DesktopPlayer = std::function<int(const DesktopOptions& options, const Environment& env,
                                        const std::function<int()>& text_player)>;

// Plays in the terminal with the parsed options; returns the exit code.
using TextPlayer = std::function<int(const textplay::Options& options, const Environment& env)>;

// The text player of engine/textplay, with the process's streams.
int text_player(const textplay::Options& options, const Environment& env);

// The whole `sightline` command line: the arguments after argv[0]. With no
// arguments, or only the desktop player's options, it runs `desktop` (the text
// player when there is none); --text and the text player's options run
// `text`; records, cert and provider are the administrator commands.
int run_sightline(const std::vector<std::string>& args, const Environment& env,
                  const DesktopPlayer& desktop = {}, const TextPlayer& text = text_player);

// The administrator commands: the arguments after `sightline records` (or
// cert, provider), as run_sightline runs them.
int records_command(const std::vector<std::string>& args, const Environment& env);
int provider_command(const std::vector<std::string>& args, const Environment& env);
int cert_command(const std::vector<std::string>& args, const Environment& env);

// What an administrator command does once the command line is parsed.
using CommandRun = std::function<int(const Environment& env)>;

// Add `records` (records_command.cpp), `provider` (provider_command.cpp) and
// `cert` (cert_command.cpp) to the command line; each returns what to run when
// its command was chosen.
CommandRun add_records_command(CLI::App& sightline);
CommandRun add_provider_command(CLI::App& sightline);
CommandRun add_cert_command(CLI::App& sightline);

} // namespace sightline::cli
