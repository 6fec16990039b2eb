// The `sightline` command line: the desktop player's options, the text
// player's (--text), and the administrator commands records, cert and
// provider, all in one CLI11 app so that `sightline --help` shows everything.
#include "tools/common/command_line.hpp"

#include "commands.hpp"
#include "i18n/i18n.hpp"
#include "records/records.hpp"
#include "records_location.hpp"
#include "textplay/app.hpp"

#include <arpa/inet.h>

#ifndef SIGHTLINE_VERSION
#error "SIGHTLINE_VERSION must be defined by the build"
#endif

namespace sightline::cli {

namespace {

using command_line::parse_number;
using i18n::tr;

// TRANSLATORS: the start of `sightline --help`; keep each line under 80 columns.
const char* description() {
    return tr("Sightline: practise recognising the possible signs of human trafficking and\n"
              "responding safely. With no arguments it opens the desktop player (or, without\n"
              "a display, the text player); --text plays in the terminal.\n");
}

// TRANSLATORS: the end of `sightline --help`; keep each line under 80 columns. Command and
// option names (records list, --help, @log-and-tell) stay in English.
const char* footer() {
    return tr(R"(In the text player, type the number of an answer and press Enter; type q to
quit at any question. A script may also name answers by id: @log-and-tell.

'sightline COMMAND --help' explains a command and lists its subcommands, each
with its own --help: records list, export, delete-learner, session-report,
settings, grant, due, learner, purge; cert verify, issue, list, reprint,
revoke, status-list, attest; provider init, show.

Exit status: 0 finished or quit, 1 a script answer did not fit or the scenario
cannot go on (the commands: refused or invalid), 2 bad options or an unreadable
bundle, script, save or records.
)");
}

// The language of the program's text until a course is chosen: --lang TAG,
// else the system locale's when there is a catalogue of the program's text in
// it, else English. (The text player then goes by the learner's preference,
// and each course by the language it is played in: learning/language.hpp.)
std::string starting_language(const std::vector<std::string>& args, const Environment& env) {
    std::string tag;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--") {
            break;
        }
        if (args[i] == "--lang" && i + 1 < args.size()) {
            tag = args[i + 1];
        } else if (args[i].starts_with("--lang=")) {
            tag = args[i].substr(7);
        }
    }
    return i18n::catalogue_language(tag, i18n::default_locale_dir(env.executable));
}

// The desktop player's own options; the text player refuses them.
constexpr const char* kDesktopOnly[] = {"--screenshot", "--size", "--theme", "--scale", "--listen"};
// The text player's own options; any of them asks for the text player.
constexpr const char* kTextOnly[] = {
    "--text",  "--list",    "--course",     "--scenario",     "--save",
    "--width", "--learner", "--no-records", "--idle-minutes", "--save-roundtrip"};

struct CommandLine {
    CLI::App app{description(), "sightline"};
    textplay::Options text;
    DesktopOptions desktop;
    std::string seed, width, idle_minutes, size, scale, listen;
    bool text_flag = false;
    bool version = false;
    CommandRun records, provider, cert;

    CommandLine() {
        app.formatter(command_line::formatter());
        app.set_help_flag("-h,--help", tr("show this help")); // and every subcommand's
        // A repeated option: the last one counts, as it always did.
        app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
        app.footer(footer());
        app.require_subcommand(0, 1);
        app.add_flag("--version", version, tr("show the version"));

        // TRANSLATORS: option groups and option descriptions of `sightline --help`.
        const char* both = tr("Both players");
        app.add_option("--seed", seed,
                       tr("the seed of the order choices and a check's options are shown in, to "
                          "reproduce it (default: a new order for every attempt)"))
            ->type_name("N")
            ->group(both);
        app.add_option("--bundle", text.bundle,
                       tr("the course bundle to play (default: the courses installed with "
                          "sightline, ../share/sightline/courses.slpack)"))
            ->type_name("FILE")
            ->group(both);
        app.add_option("--data-dir", text.data_dir,
                       tr("keep learner records in DIR (default: $SIGHTLINE_DATA_DIR, or "
                          "$XDG_DATA_HOME/sightline, or ~/.local/share/sightline)"))
            ->type_name("DIR")
            ->group(both);
        app.add_option("--records", text.records,
                       tr("also send the records to your organisation's PostgreSQL server "
                          "(postgresql://USER@HOST/DATABASE, the password in ~/.pgpass): training "
                          "goes on offline, with the records folder keeping what waits to be "
                          "sent"))
            ->type_name("URI")
            ->group(both);
        app.add_option("--lang", text.language,
                       tr("play the courses in this language, a tag such as es, where a course "
                          "has it (English otherwise); the text player keeps it as the learner's "
                          "language, the desktop player's language switch can change it "
                          "(default: the learner's language, else the system's when a course has "
                          "it, else English)"))
            ->type_name("TAG")
            ->group(both);
        app.add_option("--script", text.script,
                       tr("the text player: read the answers from FILE, one per line (an empty "
                          "line is Enter; lines starting with # are skipped) and print the whole "
                          "transcript; a wrong answer stops with an error. With --screenshot: "
                          "the steps that reach the screen"))
            ->type_name("FILE")
            ->group(both);

        const char* gui = tr("Desktop player");
        // TRANSLATORS: light, dark and high-contrast are the values to type; keep them in English.
        app.add_option("--theme", desktop.theme, tr("light, dark or high-contrast"))
            ->type_name("NAME")
            ->group(gui);
        app.add_option("--scale", scale, tr("text size in percent, 100 to 250"))
            ->type_name("PERCENT")
            ->group(gui);
        app.add_option("--size", size, tr("the window's size, e.g. 1280x800"))
            ->type_name("WxH")
            ->group(gui);
        app.add_option("--listen", listen,
                       tr("classroom phone voting: serve the phone page on this IPv4 address and "
                          "port, e.g. 192.168.1.20:8080 (default: the first network address that "
                          "is not loopback, on any free port)"))
            ->type_name("ADDR[:PORT]")
            ->group(gui);
        app.add_option("--screenshot", desktop.screenshot,
                       tr("render a screen to OUT.png and exit (with --script, --size, --theme); "
                          "with the classroom's projector window open, also OUT-projector.png"))
            ->type_name("OUT.png")
            ->group(gui);

        const char* tp = tr("Text player (sightline --text)");
        app.add_flag("--text", text_flag,
                     tr("play in the terminal (plain text, for screen readers too)"))
            ->group(tp);
        app.add_flag("--list", text.list, tr("list the course and scenario ids, then exit"))
            ->group(tp);
        app.add_option("--course", text.course,
                       tr("play a scenario of this course (asks which one)"))
            ->type_name("ID")
            ->group(tp);
        app.add_option("--scenario", text.scenario, tr("play this scenario"))
            ->type_name("ID")
            ->group(tp);

        app.add_option("--save", text.save,
                       tr("resume from FILE when it exists, keep progress in it, and delete it "
                          "when the scenario ends"))
            ->type_name("FILE")
            ->group(tp);
        app.add_option("--width", width,
                       tr("wrap text at N columns (default: the terminal's width, or 80)"))
            ->type_name("N")
            ->group(tp);
        app.add_option("--learner", text.learner,
                       tr("record as this learner (a name or learner id; a new name creates a "
                          "learner); at a keyboard you are asked otherwise"))
            ->type_name("NAME")
            ->group(tp);
        app.add_option("--idle-minutes", idle_minutes,
                       tr("pauses longer than N minutes do not count as time on task (default "
                          "5)"))
            ->type_name("N")
            ->group(tp);
        app.add_flag("--no-records", text.no_records, tr("record nothing"))->group(tp);
        // For the transcript tests (scenarios/transcripts): not in the help.
        app.add_flag("--save-roundtrip", text.save_roundtrip)->group("");

        records = add_records_command(app);
        cert = add_cert_command(app);
        provider = add_provider_command(app);
    }

    bool given(const char* name) const { return app.get_option(name)->count() > 0; }

    // --records, for either player.
    std::string check_records() const {
        return given("--records") ? check_server_uri(text.records) : std::string();
    }

    // --lang, for either player.
    std::string check_language() const {
        if (given("--lang") && !records::is_language_tag(text.language)) {
            // TRANSLATORS: {1} is what was typed.
            return i18n::format(tr("--lang needs a language tag such as es or es-MX, not '{1}'"),
                                {text.language});
        }
        return {};
    }

    // --seed, for either player.
    std::string check_seed(std::optional<std::uint64_t>& out) {
        if (given("--seed")) {
            std::uint64_t value = 0;
            if (!parse_number(seed, value)) {
                return i18n::format(tr("--seed needs a whole number, not '{1}'"), {seed});
            }
            out = value;
        }
        return {};
    }

    // The text player's values that CLI11 took as text; empty when all are fine.
    std::string check_text() {
        for (const char* name : {"--bundle", "--course", "--scenario", "--script", "--save",
                                 "--data-dir", "--learner"}) {
            if (given(name) && app.get_option(name)->as<std::string>().empty()) {
                // TRANSLATORS: {1} is an option, --bundle.
                return i18n::format(tr("option {1} needs a non-empty value"), {name});
            }
        }
        if (std::string error = check_seed(text.seed); !error.empty()) {
            return error;
        }
        if (std::string error = check_language(); !error.empty()) {
            return error;
        }
        if (std::string error = check_records(); !error.empty()) {
            return error;
        }
        if (given("--idle-minutes")) {
            std::uint32_t minutes = 0;
            if (!parse_number(idle_minutes, minutes) || minutes < 1 || minutes > 24 * 60) {
                return i18n::format(tr("--idle-minutes needs a number from 1 to 1440, not '{1}'"),
                                    {idle_minutes});
            }
            text.idle_minutes = minutes;
        }
        if (given("--width")) {
            std::size_t value = 0;
            if (!parse_number(width, value) || value < 20 || value > 1000) {
                return i18n::format(tr("--width needs a number from 20 to 1000, not '{1}'"),
                                    {width});
            }
            text.width = value;
        }
        return {};
    }

    std::string check_desktop() {
        desktop.bundle = text.bundle;
        desktop.data_dir = text.data_dir;
        desktop.records = text.records;
        desktop.script = text.script;
        desktop.language = text.language;
        for (const char* name : {"--bundle", "--data-dir", "--script", "--screenshot", "--theme",
                                 "--scale", "--size", "--listen"}) {
            if (given(name) && app.get_option(name)->as<std::string>().empty()) {
                return i18n::format(tr("option {1} needs a value"), {name});
            }
        }
        if (std::string error = check_seed(desktop.seed); !error.empty()) {
            return error;
        }
        if (std::string error = check_language(); !error.empty()) {
            return error;
        }
        if (std::string error = check_records(); !error.empty()) {
            return error;
        }
        if (given("--theme") && desktop.theme != "light" && desktop.theme != "dark" &&
            desktop.theme != "high-contrast") {
            return i18n::format(tr("--theme needs light, dark or high-contrast, not '{1}'"),
                                {desktop.theme});
        }
        if (given("--scale")) {
            int value = 0;
            if (!parse_number(scale, value) || value < kMinScale || value > kMaxScale) {
                return i18n::format(tr("--scale needs a percentage from 100 to 250, not '{1}'"),
                                    {scale});
            }
            desktop.scale = value;
        }
        if (given("--size")) {
            const std::size_t x = size.find('x');
            int w = 0;
            int h = 0;
            if (x == std::string::npos || !parse_number(size.substr(0, x), w) ||
                !parse_number(size.substr(x + 1), h) || w < 320 || h < 240 || w > 8192 ||
                h > 8192) {
                return i18n::format(
                    tr("--size needs WIDTHxHEIGHT from 320x240 to 8192x8192, not '{1}'"), {size});
            }
            desktop.width = w;
            desktop.height = h;
        }
        if (given("--listen")) {
            const std::size_t colon = listen.find(':');
            desktop.listen_address = listen.substr(0, colon);
            in_addr parsed{};
            int port = 0;
            if (::inet_pton(AF_INET, desktop.listen_address.c_str(), &parsed) != 1 ||
                (colon != std::string::npos &&
                 (!parse_number(listen.substr(colon + 1), port) || port < 0 || port > 65535))) {
                return i18n::format(tr("--listen needs an IPv4 address and optionally a port, "
                                       "e.g. 192.168.1.20:8080, not '{1}'"),
                                    {listen});
            }
            desktop.listen_port = port;
        }
        return {};
    }

    static constexpr int kMinScale = 100; // ui::kMinScale, ui::kMaxScale
    static constexpr int kMaxScale = 250;
};

} // namespace

int text_player(const textplay::Options& options, const Environment& env) {
    const textplay::Streams streams{env.in,
                                    env.out,
                                    env.err,
                                    default_bundle_path(env.executable),
                                    env.input_is_terminal,
                                    env.terminal_width};
    return textplay::run_text_player(options, streams);
}

int run_sightline(const std::vector<std::string>& args, const Environment& env,
                  const DesktopPlayer& desktop, const TextPlayer& play_text) {
    i18n::set_language(starting_language(args, env));
    CommandLine c;
    if (const auto code = command_line::parse(c.app, args, env.out, env.err)) {
        return *code;
    }
    if (c.version) {
        env.out << "sightline " << SIGHTLINE_VERSION << "\n";
        return kExitOk;
    }
    for (auto [name, run] : {std::pair{"records", &c.records}, std::pair{"cert", &c.cert},
                             std::pair{"provider", &c.provider}}) {
        if (c.app.got_subcommand(name)) {
            return (*run)(env);
        }
    }
    bool text_mode = !desktop || (c.given("--script") && !c.given("--screenshot"));
    for (const char* name : kTextOnly) {
        text_mode |= c.given(name);
    }
    if (!text_mode) {
        if (std::string error = c.check_desktop(); !error.empty()) {
            return command_line::usage_error(c.app, error, env.err);
        }
        return desktop(c.desktop, env, [&] { return play_text(c.text, env); });
    }
    for (const char* name : kDesktopOnly) {
        if (c.given(name)) {
            return command_line::usage_error(
                // TRANSLATORS: {1} is an option, --theme.
                c.app,
                i18n::format(tr("{1} is for the desktop player, not the text player"), {name}),
                env.err);
        }
    }
    if (std::string error = c.check_text(); !error.empty()) {
        return command_line::usage_error(c.app, error, env.err);
    }
    return play_text(c.text, env);
}

namespace {

int run_command(const char* command, const std::vector<std::string>& args, const Environment& env) {
    std::vector<std::string> all{command};
    all.insert(all.end(), args.begin(), args.end());
    return run_sightline(all, env);
}

} // namespace

int records_command(const std::vector<std::string>& args, const Environment& env) {
    return run_command("records", args, env);
}

int provider_command(const std::vector<std::string>& args, const Environment& env) {
    return run_command("provider", args, env);
}

int cert_command(const std::vector<std::string>& args, const Environment& env) {
    return run_command("cert", args, env);
}

} // namespace sightline::cli
