// `sightline`: the learner's player. With no arguments it will later open the
// GUI; for now every invocation is the text player (`--text`).
#include "textplay/app.hpp"
#include "textplay/terminal.hpp"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    using namespace sightline::textplay;
    const std::vector<std::string> args(argv + 1, argv + argc);
    const Environment env{std::cin,
                          std::cout,
                          std::cerr,
                          executable_path(argc > 0 ? argv[0] : nullptr),
                          stdin_is_terminal(),
                          stdout_is_terminal() ? terminal_columns() : 0};
    return run_app(args, env);
}
