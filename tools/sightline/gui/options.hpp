// The desktop player's options (parsed and checked by the sightline command
// line, tools/sightline/command_line.cpp) and its entry point.
#pragma once

#include "commands.hpp"
#include "ui/theme.hpp"

#include <functional>
#include <optional>
#include <string>

namespace sightline::gui {

struct GuiOptions {
    std::string bundle;     // empty: the installed courses
    std::string data_dir;   // empty: records::default_data_dir()
    std::string records;    // the organisation's server (postgresql://), or empty
    std::string screenshot; // set: render to this PNG and exit
    std::string script;     // with --screenshot: steps to reach a screen
    std::optional<int> width;
    std::optional<int> height;
    std::optional<ui::Theme> theme;
    std::optional<int> scale;          // percent
    std::optional<std::uint64_t> seed; // every attempt's order; unset: a fresh one
    std::string listen_address;        // classroom phone voting (--listen); empty: the LAN's
    int listen_port = 0;
    std::string language = {}; // --lang: the courses' language for this session; empty: none chosen
    bool hidden = false;       // no visible window (always so with --screenshot); for benchmarks
};

GuiOptions gui_options(const cli::DesktopOptions& options);

// The desktop player (gui_command.cpp), a cli::DesktopPlayer: runs the GUI, or
// when no display can be opened says so in one line and runs `text_player`.
int desktop_player(const cli::DesktopOptions& options, const cli::Environment& env,
                   const std::function<int()>& text_player);

} // namespace sightline::gui
