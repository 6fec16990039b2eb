// sightc: the content tool. Each subcommand lives in its own function (commands.hpp).
#include "tools/sightc/commands.hpp"

#include <exception>
#include <iostream>
#include <string_view>

namespace {

using namespace sightline::sightc;

struct Command {
    std::string_view name;
    int (*run)(const Args&);
    std::string_view summary;
};

constexpr Command kCommands[] = {
    {"check", check_command, "check scenario sources and print diagnostics"},
    {"build", build_command, "compile sources into one verified .slpack bundle"},
    {"dump", dump_command, "print a bundle's model as readable text"},
    {"graph", graph_command, "draw a scenario's branching map (SVG, PNG or DOT)"},
    {"stats", stats_command, "sizes, indicator coverage and reading grade"},
    {"playtest", playtest_command, "walk random paths and report what is never reached"},
    {"lint", lint_command, "quality gates: reporting resources, coverage, wording, grade, scores"},
};

void usage(std::ostream& out) {
    out << "usage: sightc COMMAND [ARGS...]\n\nCommands:\n";
    for (const Command& c : kCommands) {
        out << "  " << c.name << std::string(10 - c.name.size(), ' ') << c.summary << '\n';
    }
    out << "\n'sightc COMMAND --help' explains a command. Options: --help, --version.\n"
           "Exit codes: 0 ok, 1 diagnostics with errors, 2 usage or I/O error or a bundle\n"
           "that cannot be read.\n";
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        usage(std::cerr);
        return kExitUsage;
    }
    const std::string_view first = argv[1];
    if (first == "--help" || first == "-h" || first == "help") {
        usage(std::cout);
        return kExitOk;
    }
    if (first == "--version") {
        std::cout << "sightc " << SIGHTLINE_VERSION << '\n';
        return kExitOk;
    }
    const Args args(argv + 2, argv + argc);
    for (const Command& c : kCommands) {
        if (c.name == first) {
            try {
                return c.run(args);
            } catch (const std::exception& error) {
                std::cerr << "sightc " << c.name << ": internal error: " << error.what() << '\n';
                return kExitUsage;
            }
        }
    }
    std::cerr << "sightc: unknown command '" << first << "'\n";
    usage(std::cerr);
    return kExitUsage;
}
