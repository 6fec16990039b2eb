// sightc: the content tool. The command line (CLI11) is here; each command
// lives in its own function (commands.hpp).
#include "i18n/i18n.hpp"
#include "tools/common/command_line.hpp"
#include "tools/sightc/commands.hpp"

#include <exception>
#include <filesystem>
#include <functional>
#include <iostream>

#ifndef SIGHTLINE_VERSION
#error "SIGHTLINE_VERSION must be defined by the build"
#endif

namespace {

using namespace sightline::sightc;
using sightline::i18n::tr;

// The language of sightc's own text: --lang TAG, given before the command or
// after any command but extract (whose own --lang names the language of the
// translation it writes), else the system locale's; either only when there is
// a catalogue of the program's text in it (po/sightline-LANG.po), else English.
std::string interface_language(const std::vector<std::string>& args,
                               const std::filesystem::path& executable) {
    std::string tag;
    bool command_seen = false;
    bool extract = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--") {
            break;
        }
        if (arg == "--lang" && i + 1 < args.size()) {
            tag = extract ? tag : args[i + 1];
            ++i;
        } else if (arg.starts_with("--lang=")) {
            tag = extract ? tag : arg.substr(7);
        } else if (!command_seen && !arg.starts_with("-")) {
            command_seen = true;
            extract = arg == "extract";
        }
    }
    return sightline::i18n::catalogue_language(tag,
                                               sightline::i18n::default_locale_dir(executable));
}

const char* footer() {
    return tr("'sightc COMMAND --help' explains a command.\n"
              "Exit codes: 0 ok, 1 diagnostics with errors, 2 usage or I/O error or a bundle\n"
              "that cannot be read.\n");
}

struct Command {
    CLI::App* app;
    std::function<int()> run;
};

struct CommandLine {
    CLI::App app{tr("The Sightline content tool: checks, builds and inspects scenarios.\n"),
                 "sightc"};
    bool version = false;
    std::string language; // --lang: chosen before parsing (interface_language)
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
        // sightc's --lang may follow the command too, except extract's own.
        sub->fallthrough(std::string_view(name) != "extract");
        commands.push_back({sub, std::move(run)});
        return sub;
    }

    static void max_errors(CLI::App* sub, CheckOptions& o) {
        sub->add_option("--max-errors", o.max_errors, tr("show at most N problems (default 200)"))
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
        app.set_help_flag("-h,--help", tr("show this help")); // and every subcommand's
        // A repeated option: the last one counts, as it always did.
        app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
        app.footer(footer());
        app.require_subcommand(0, 1);
        app.add_flag("--version", version, tr("show the version"));
        app.add_option("--lang", language,
                       tr("show sightc's messages in this language, a tag such as es (default: "
                          "the system's language when sightc has it, else English); give it "
                          "before 'extract', whose own --lang is the translation's language"))
            ->type_name("TAG");

        CLI::App* c = add("check", tr("check scenario sources and print diagnostics"), check_help(),
                          [this] { return check_command(check); });
        c->add_option("PATH", check.paths, tr("scenario files or folders of *.scn"))->type_name("");
        c->add_flag("--lint", check.lint, tr("also run the quality gates of 'sightc lint'"));
        po_files(c, check,
                 tr("also check a translation (repeatable; its header names the language)"));
        max_errors(c, check);

        CLI::App* b = add("build", tr("compile sources into one verified .slpack bundle"),
                          build_help(), [this] { return build_command(build); });
        b->add_option("PATH", build.paths, tr("scenario files or folders of *.scn"))->type_name("");
        b->add_option("-o,--output", build.output, tr("the bundle to write"))
            ->type_name("FILE.slpack");
        po_files(b, build, tr("merge a translation into the bundle (repeatable)"));
        max_errors(b, build);

        CLI::App* d = add("dump", tr("print a bundle's model as readable text"), dump_help(),
                          [this] { return dump_command(dump); });
        d->add_option("FILE.slpack", dump, tr("the bundle"))->type_name("");

        CLI::App* g = add("graph", tr("draw a scenario's branching map (SVG, PNG or DOT)"),
                          graph_help(), [this] { return graph_command(graph); });
        g->add_option("FILE.slpack", graph.inputs, tr("the bundle"))->type_name("");
        g->add_option("--scenario", graph.scenario, tr("the scenario to draw"))->type_name("ID");
        g->add_option("-o,--output", graph.output, tr("the map to write"))
            ->type_name("OUT.svg|OUT.png|OUT.dot");

        CLI::App* s = add("stats", tr("sizes, coverage, reading grade and play time"), stats_help(),
                          [this] { return stats_command(stats); });
        s->add_option("PATH|FILE.slpack", stats, tr("scenario files or folders, or one bundle"))
            ->type_name("");

        CLI::App* p = add("playtest", tr("walk random paths and report what is never reached"),
                          playtest_help(), [this] { return playtest_command(playtest); });
        p->add_option("FILE.slpack|PATH", playtest.inputs, tr("a bundle, or scenario sources"))
            ->type_name("");
        p->add_option("--runs", playtest.runs, tr("random walks per scenario (default 1000)"))
            ->type_name("N");
        p->add_option("--seed", playtest.seed,
                      tr("the same seed gives the same report (default 1)"))
            ->type_name("S");
        p->add_option("--scenario", playtest.scenario, tr("only this scenario"))->type_name("ID");
        p->add_option("--max-steps", playtest.max_steps,
                      tr("the step bound of one walk (default: 20 per node plus 100)"))
            ->type_name("N");

        CLI::App* l =
            add("lint", tr("quality gates: reporting resources, coverage, wording, grade, scores"),
                lint_help(), [this] { return lint_command(lint); });
        l->add_option("PATH", lint.paths, tr("scenario files or folders of *.scn"))->type_name("");
        po_files(l, lint, tr("also run the gates on a translation's text (repeatable)"));
        max_errors(l, lint);

        CLI::App* a = add("audit", tr("can a learner who does not read pass? strategies and gates"),
                          audit_help(), [this] { return audit_command(audit); });
        a->add_option("FILE.slpack|PATH", audit.inputs, tr("a bundle, or scenario sources"))
            ->type_name("");
        a->add_option("--runs", audit.runs, tr("random runs per course (default 1000)"))
            ->type_name("N");
        a->add_option("--seed", audit.seed, tr("the same seed gives the same report (default 1)"))
            ->type_name("S");

        CLI::App* x =
            add("extract", tr("write or update a PO file of the course text to translate"),
                extract_help(), [this] { return extract_command(extract); });
        x->add_option("PATH", extract.paths, tr("scenario files or folders of *.scn"))
            ->type_name("");
        x->add_option("--lang", extract.language, tr("the language of the translation"))
            ->type_name("TAG");
        x->add_option("-o,--output", extract.output, tr("the PO file to write or update"))
            ->type_name("FILE.po");
    }
};

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() == 1 && args[0] == "help") {
        args[0] = "--help";
    }
    // sightc's own text and its diagnostics in the user's language
    // (po/sightline-LANG.po), from <bin>/../share/locale.
    const std::filesystem::path executable =
        sightline::command_line::executable_path(argc > 0 ? argv[0] : nullptr, "sightc");
    sightline::i18n::bind(sightline::i18n::default_locale_dir(executable));
    sightline::i18n::set_language(interface_language(args, executable));
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
                // TRANSLATORS: {1} is a sightc command (check, build...), {2} the
                // reason in English (an internal error, reported as it is).
                std::cerr << sightline::i18n::format(tr("sightc {1}: internal error: {2}"),
                                                     {command.app->get_name(), error.what()})
                          << '\n';
                return kExitUsage;
            }
        }
    }
    std::cerr << sightline::command_line::help(c.app);
    return kExitUsage;
}
