// `sightline`: the learner's player. With no arguments it opens the desktop
// player (or the text player when there is no display); `--text` asks for the
// text player; `records`, `provider` and `cert` are administrator commands.
// The command line is in command_line.cpp; `sightline --help` shows it all.
#include "commands.hpp"
#include "gui/options.hpp"
#include "i18n/i18n.hpp"

#include <string>
#include <vector>

int main(int argc, char** argv) {
    using namespace sightline;
    const std::vector<std::string> args(argv + 1, argv + argc);
    const cli::Environment env = cli::process_environment(argc > 0 ? argv[0] : nullptr);
    // The program's text in the learner's language (po/sightline-LANG.po), from
    // <bin>/../share/locale; run_sightline chooses the language.
    i18n::bind(i18n::default_locale_dir(env.executable));
    return cli::run_sightline(args, env, gui::desktop_player);
}
