// `sightline`: the learner's player. With no arguments it opens the desktop
// player (or the text player when there is no display); `--text` asks for the
// text player; `records`, `provider` and `cert` are administrator commands.
// The command line is in command_line.cpp; `sightline --help` shows it all.
#include "commands.hpp"
#include "gui/options.hpp"

#include <string>
#include <vector>

int main(int argc, char** argv) {
    using namespace sightline;
    const std::vector<std::string> args(argv + 1, argv + argc);
    return cli::run_sightline(args, cli::process_environment(argc > 0 ? argv[0] : nullptr),
                              gui::desktop_player);
}
