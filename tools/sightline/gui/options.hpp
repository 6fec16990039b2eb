// Which arguments the desktop player takes, and whether a command line is the
// desktop player's or the text player's.
#pragma once

#include "ui/theme.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sightline::gui {

struct GuiOptions {
    std::string bundle;     // empty: the installed courses
    std::string data_dir;   // empty: records::default_data_dir()
    std::string screenshot; // set: render to this PNG and exit
    std::string script;     // with --screenshot: steps to reach a screen
    std::optional<int> width;
    std::optional<int> height;
    std::optional<ui::Theme> theme;
    std::optional<int> scale; // percent
    bool hidden = false;      // no visible window (always so with --screenshot); for benchmarks
};

struct ParsedGuiArgs {
    bool gui = false; // false: the text player's arguments (or --text)
    GuiOptions options;
    std::string error; // the arguments are the GUI's but wrong
};

// No arguments, or only these, is the desktop player: --screenshot FILE,
// --size WxH, --theme NAME, --scale PERCENT, --data-dir DIR, --bundle FILE and
// (with --screenshot) --script FILE. Anything else goes to the text player.
ParsedGuiArgs parse_gui_args(const std::vector<std::string>& args);

// The arguments without the desktop player's own options (--theme, --scale,
// --size and their values), for the text player when no display can be
// opened; --bundle and --data-dir are both players' and stay.
std::vector<std::string> text_player_args(const std::vector<std::string>& args);

std::string gui_usage();

} // namespace sightline::gui
