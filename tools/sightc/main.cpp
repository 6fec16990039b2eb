// sightc: the content tool. The command line (CLI11) is here; each command
// lives in its own function (commands.hpp).
#include "tools/common/command_line.hpp"
#include "tools/sightc/commands.hpp"

#include <exception>
#include <functional>
#include <iostream>

#ifndef SIGHTLINE_VERSION
#error "SIGHTLINE_VERSION must be defined by the build"
#endif

namespace {

using namespace sightline::sightc;

constexpr const char* kFooter =
    "'sightc COMMAND --help' explains a command.\n"
    "Exit codes: 0 ok, 1 diagnostics with errors, 2 usage or I/O error or a bundle\n"
    "that cannot be read.\n";

struct Command {
    CLI::App* app;
    std::function<int()> run;
};

struct CommandLine {
    CLI::App app{"The Sightline content tool: checks, builds and inspects scenarios.\n", "sightc"};
    bool version = false;
    CheckOptions check, build, lint;
    GraphOptions graph;
    PlaytestOptions playtest;
    AuditOptions audit;
    ExtractOptions extract;
    Args dump, stats;
    std::vector<Command> commands;

    CLI::App* add(const char* name, const char* summary, const char* help,
                  std::function<int()> run) {
        CLI::App* sub = app.add_subcommand(name, summary);
        sub->footer(help);
        commands.push_back({sub, std::move(run)});
        return sub;
    }

    static void max_errors(CLI::App* sub, CheckOptions& o) {
        sub->add_option("--max-errors", o.max_errors, "show at most N problems (default 200)")
            ->type_name("N");
    }

    // Repeatable, unlike the other options: every one given counts.
    static void po_files(CLI::App* sub, CheckOptions& o, const char* what) {
        sub->add_option("--po", o.po, what)
            ->type_name("FILE.po")
            ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    }

    CommandLine() {
        app.formatter(sightline::command_line::formatter());
        app.set_help_flag("-h,--help", "show this help"); // and every subcommand's
        // A repeated option: the last one counts, as it always did.
        app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
        app.footer(kFooter);
        app.require_subcommand(0, 1);
        app.add_flag("--version", version, "show the version");

        CLI::App* c = add("check", "check scenario sources and print diagnostics", kCheckHelp,
                          [this] { return check_command(check); });
        c->add_option("paths", check.paths, "scenario files or folders of *.scn")
            ->type_name("PATH");
        c->add_flag("--lint", check.lint, "also run the quality gates of 'sightc lint'");
        po_files(c, check, "also check a translation (repeatable; its header names the language)");
        max_errors(c, check);

        CLI::App* b = add("build", "compile sources into one verified .slpack bundle", kBuildHelp,
                          [this] { return build_command(build); });
        b->add_option("paths", build.paths, "scenario files or folders of *.scn")
            ->type_name("PATH");
        b->add_option("-o,--output", build.output, "the bundle to write")->type_name("FILE.slpack");
        po_files(b, build, "merge a translation into the bundle (repeatable)");
        max_errors(b, build);

        CLI::App* d = add("dump", "print a bundle's model as readable text", kDumpHelp,
                          [this] { return dump_command(dump); });
        d->add_option("bundle", dump, "the bundle")->type_name("FILE.slpack");

        CLI::App* g = add("graph", "draw a scenario's branching map (SVG, PNG or DOT)", kGraphHelp,
                          [this] { return graph_command(graph); });
        g->add_option("bundle", graph.inputs, "the bundle")->type_name("FILE.slpack");
        g->add_option("--scenario", graph.scenario, "the scenario to draw")->type_name("ID");
        g->add_option("-o,--output", graph.output, "the map to write")
            ->type_name("OUT.svg|OUT.png|OUT.dot");

        CLI::App* s = add("stats", "sizes, coverage, reading grade and play time", kStatsHelp,
                          [this] { return stats_command(stats); });
        s->add_option("paths", stats, "scenario files or folders, or one bundle")
            ->type_name("PATH|FILE.slpack");

        CLI::App* p = add("playtest", "walk random paths and report what is never reached",
                          kPlaytestHelp, [this] { return playtest_command(playtest); });
        p->add_option("inputs", playtest.inputs, "a bundle, or scenario sources")
            ->type_name("FILE.slpack|PATH");
        p->add_option("--runs", playtest.runs, "random walks per scenario (default 1000)")
            ->type_name("N");
        p->add_option("--seed", playtest.seed, "the same seed gives the same report (default 1)")
            ->type_name("S");
        p->add_option("--scenario", playtest.scenario, "only this scenario")->type_name("ID");
        p->add_option("--max-steps", playtest.max_steps,
                      "the step bound of one walk (default: 20 per node plus 100)")
            ->type_name("N");

        CLI::App* l =
            add("lint", "quality gates: reporting resources, coverage, wording, grade, scores",
                kLintHelp, [this] { return lint_command(lint); });
        l->add_option("paths", lint.paths, "scenario files or folders of *.scn")->type_name("PATH");
        po_files(l, lint, "also run the gates on a translation's text (repeatable)");
        max_errors(l, lint);

        CLI::App* a = add("audit", "can a learner who does not read pass? strategies and gates",
                          kAuditHelp, [this] { return audit_command(audit); });
        a->add_option("inputs", audit.inputs, "a bundle, or scenario sources")
            ->type_name("FILE.slpack|PATH");
        a->add_option("--runs", audit.runs, "random runs per course (default 1000)")
            ->type_name("N");
        a->add_option("--seed", audit.seed, "the same seed gives the same report (default 1)")
            ->type_name("S");

        CLI::App* x = add("extract", "write or update a PO file of the course text to translate",
                          kExtractHelp, [this] { return extract_command(extract); });
        x->add_option("paths", extract.paths, "scenario files or folders of *.scn")
            ->type_name("PATH");
        x->add_option("--lang", extract.language, "the language of the translation")
            ->type_name("TAG");
        x->add_option("-o,--output", extract.output, "the PO file to write or update")
            ->type_name("FILE.po");
    }
};

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() == 1 && args[0] == "help") {
        args[0] = "--help";
    }
    CommandLine c;
    if (args.empty()) {
        std::cerr << sightline::command_line::help(c.app);
        return kExitUsage;
    }
    if (const auto code = sightline::command_line::parse(c.app, args, std::cout, std::cerr)) {
        return *code;
    }
    if (c.version) {
        std::cout << "sightc " << SIGHTLINE_VERSION << '\n';
        return kExitOk;
    }
    for (const Command& command : c.commands) {
        if (command.app->parsed()) {
            try {
                return command.run();
            } catch (const std::exception& error) {
                std::cerr << "sightc " << command.app->get_name()
                          << ": internal error: " << error.what() << '\n';
                return kExitUsage;
            }
        }
    }
    std::cerr << sightline::command_line::help(c.app);
    return kExitUsage;
}
