// `sightline`: the learner's player. With no arguments it opens the desktop
// player (or the text player when there is no display); `--text` forces the
// text player; `records`, `provider` and `cert` are administrator commands.
#include "commands.hpp"
#include "textplay/terminal.hpp"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    using namespace sightline;
    const std::vector<std::string> args(argv + 1, argv + argc);
    const textplay::Environment env{std::cin,
                                    std::cout,
                                    std::cerr,
                                    textplay::executable_path(argc > 0 ? argv[0] : nullptr),
                                    textplay::stdin_is_terminal(),
                                    textplay::stdout_is_terminal() ? textplay::terminal_columns()
                                                                   : 0};
    if (!args.empty()) {
        const std::vector<std::string> rest(args.begin() + 1, args.end());
        if (args[0] == "records") {
            return cli::records_command(rest, env);
        }
        if (args[0] == "provider") {
            return cli::provider_command(rest, env);
        }
        if (args[0] == "cert") {
            return cli::cert_command(rest, env);
        }
    }
    if (const auto code = cli::try_gui(args, env)) {
        return *code;
    }
    return textplay::run_app(args, env);
}
