// The `sightline` command line (tools/sightline/command_line.cpp): the text
// player's options, the help of every command, unknown options with a
// suggestion, and the exit codes.
#include "commands.hpp"

#include <doctest/doctest.h>

#include <sstream>

namespace sightline::test {

namespace {

struct Result {
    int code = -1;
    std::string out;
    std::string err;
    std::optional<textplay::Options> text; // what the text player was given
    std::optional<cli::DesktopOptions> desktop;
};

Result run(const std::vector<std::string>& args, bool with_desktop = false) {
    std::istringstream in;
    std::ostringstream out;
    std::ostringstream err;
    const cli::Environment env{in, out, err, "/nonexistent/bin/sightline", false, 0};
    Result r;
    cli::DesktopPlayer desktop;
    if (with_desktop) {
        desktop = [&](const cli::DesktopOptions& o, const cli::Environment&,
                      const std::function<int()>&) {
            r.desktop = o;
            return 0;
        };
    }
    r.code = cli::run_sightline(args, env, desktop,
                                [&](const textplay::Options& o, const cli::Environment&) {
                                    r.text = o;
                                    return 0;
                                });
    r.out = out.str();
    r.err = err.str();
    return r;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("every option of the text player is parsed") {
    const Result r = run({"--text",
                          "--bundle",
                          "b.slpack",
                          "--course",
                          "c",
                          "--scenario",
                          "s",
                          "--script",
                          "a.txt",
                          "--seed",
                          "42",
                          "--save",
                          "p.sav",
                          "--width",
                          "60",
                          "--list",
                          "--save-roundtrip",
                          "--learner",
                          "Ana",
                          "--data-dir",
                          "d",
                          "--idle-minutes",
                          "7",
                          "--no-records"});
    REQUIRE(r.code == 0);
    REQUIRE(r.text.has_value());
    const textplay::Options& o = *r.text;
    CHECK(o.bundle == "b.slpack");
    CHECK(o.course == "c");
    CHECK(o.scenario == "s");
    CHECK(o.script == "a.txt");
    CHECK(o.seed == std::uint64_t{42});
    CHECK(o.save == "p.sav");
    CHECK(o.width == std::size_t{60});
    CHECK(o.list);
    CHECK(o.save_roundtrip);
    CHECK(o.learner == "Ana");
    CHECK(o.data_dir == "d");
    CHECK(o.idle_minutes == std::uint32_t{7});
    CHECK(o.no_records);
    CHECK_FALSE(run({}).text->seed.has_value());
    CHECK(run({"--seed", "1", "--seed", "2"}).text->seed == std::uint64_t{2}); // the last counts
}

TEST_CASE("bad options are explained in one line and exit 2") {
    const auto error = [](const std::vector<std::string>& args) {
        const Result r = run(args);
        CHECK(r.code == 2);
        CHECK_FALSE(r.text.has_value());
        return r.err;
    };
    CHECK(error({"--nope"}) == "sightline: unknown option '--nope' (see sightline --help)\n");
    CHECK(error({"--bundle"}) ==
          "sightline: option --bundle needs a value (see sightline --help)\n");
    CHECK(contains(error({"--scenario", ""}), "option --scenario needs a non-empty value"));
    CHECK(contains(error({"--seed", "-1"}), "--seed needs a whole number, not '-1'"));
    CHECK(contains(error({"--seed", "12x"}), "--seed needs a whole number, not '12x'"));
    CHECK(contains(error({"--width", "5"}), "--width needs a number from 20 to 1000, not '5'"));
    CHECK(contains(error({"--idle-minutes", "0"}), "--idle-minutes needs a number from 1 to 1440"));
    CHECK(contains(error({"--text", "--theme", "dark"}),
                   "--theme is for the desktop player, not the text player"));
}

TEST_CASE("an unknown option or command names the closest known one") {
    CHECK(run({"--scenaro", "x"}).err ==
          "sightline: unknown option '--scenaro'; did you mean '--scenario'? (see sightline "
          "--help)\n");
    CHECK(run({"recrods"}).err ==
          "sightline: unknown command 'recrods'; did you mean 'records'? (see sightline --help)\n");
    const Result r = run({"records", "export", "--identfy"});
    CHECK(r.code == 2);
    CHECK(r.err == "sightline records export: unknown option '--identfy'; did you mean "
                   "'--identify'? (see sightline records export --help)\n");
    CHECK(contains(run({"cert", "verfy"}).err, "did you mean 'verify'?"));
    CHECK(contains(run({"provider", "init", "--organization", "X"}).err,
                   "did you mean '--organisation'?"));
    CHECK(run({"records", "list", "--data-dir"}).code == 2);
}

TEST_CASE("sightline --help lists every mode and command") {
    const Result r = run({"--help"});
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(r.out.starts_with("Usage: sightline"));
    for (const char* part :
         {"Desktop player", "--theme",    "--scale",        "--size",        "--screenshot",
          "--text",         "--listen",   "--bundle",       "--list",        "--course",
          "--scenario",     "--script",   "--seed",         "--save",        "--width",
          "--learner",      "--data-dir", "--idle-minutes", "--no-records",  "--version",
          "records",        "cert",       "provider",       "Exit status: 0"}) {
        CHECK_MESSAGE(contains(r.out, part), part);
    }
    CHECK_FALSE(contains(r.out, "--save-roundtrip")); // for the transcript tests only
}

TEST_CASE("each command and subcommand has its own --help") {
    const std::vector<std::pair<std::vector<std::string>, std::string>> helps = {
        {{"records", "--help"}, "Usage: sightline records"},
        {{"records", "list", "--help"}, "Usage: sightline records list"},
        {{"records", "export", "--help"}, "--xapi"},
        {{"records", "delete-learner", "-h"}, "--yes"},
        {{"records", "session-report", "--help"}, "--out"},
        {{"cert", "--help"}, "attest"},
        {{"cert", "verify", "--help"}, "--key"},
        {{"cert", "issue", "--help"}, "--learner"},
        {{"cert", "list", "--help"}, "--data-dir"},
        {{"cert", "reprint", "--help"}, "--out"},
        {{"cert", "attest", "--help"}, "--course"},
        {{"provider", "--help"}, "fingerprint"},
        {{"provider", "init", "--help"}, "--organisation"},
        {{"provider", "show", "--help"}, "--config-dir"},
    };
    for (const auto& help : helps) {
        const std::vector<std::string>& args = help.first;
        const std::string& part = help.second;
        const Result r = run(args);
        CHECK_MESSAGE(r.code == 0, args[0]);
        CHECK_MESSAGE(contains(r.out, part), part);
        CHECK(r.err.empty());
    }
}

TEST_CASE("a command without its subcommand is a usage error") {
    for (const char* command : {"records", "cert", "provider"}) {
        const Result r = run({command});
        CHECK(r.code == 2);
        CHECK(contains(r.err, std::string("sightline ") + command + ": which command?"));
    }
}

TEST_CASE("--version") {
    const Result r = run({"--version"});
    CHECK(r.code == 0);
    CHECK(r.out.starts_with("sightline "));
}

TEST_CASE("the desktop player's options, and which player runs") {
    const Result d = run({"--theme", "high-contrast", "--size", "800x600", "--scale", "150",
                          "--bundle", "b.slpack", "--data-dir", "/tmp/x"},
                         true);
    REQUIRE(d.desktop.has_value());
    CHECK(d.desktop->theme == "high-contrast");
    CHECK(d.desktop->width == 800);
    CHECK(d.desktop->height == 600);
    CHECK(d.desktop->scale == 150);
    CHECK(d.desktop->bundle == "b.slpack");
    CHECK(d.desktop->data_dir == "/tmp/x");
    CHECK(run({}, true).desktop.has_value());
    const Result shot = run({"--screenshot", "a.png", "--script", "s.txt"}, true);
    REQUIRE(shot.desktop.has_value());
    CHECK(shot.desktop->script == "s.txt");
    for (const std::vector<std::string>& args : {std::vector<std::string>{"--text"},
                                                 {"--list"},
                                                 {"--scenario", "x"},
                                                 {"--script", "answers.txt"},
                                                 {"--bundle", "b.slpack", "--list"}}) {
        const Result r = run(args, true);
        CHECK(r.text.has_value());
        CHECK_FALSE(r.desktop.has_value());
    }
    for (const std::vector<std::string>& args : {std::vector<std::string>{"--size", "big"},
                                                 {"--size", "100x100"},
                                                 {"--theme", "pink"},
                                                 {"--scale", "400"},
                                                 {"--screenshot"},
                                                 {"--listen", "my-laptop:8080"},
                                                 {"--listen", "192.168.1.20:70000"},
                                                 {"--listen", "192.168.1.20:"},
                                                 {"--listen", "::1"}}) {
        const Result r = run(args, true);
        CHECK(r.code == 2);
        CHECK(r.err.starts_with("sightline: "));
        CHECK_FALSE(r.desktop.has_value());
    }
}

TEST_CASE("--listen chooses where classroom phones connect") {
    const Result both = run({"--listen", "192.168.1.20:8080"}, true);
    REQUIRE(both.desktop.has_value());
    CHECK(both.desktop->listen_address == "192.168.1.20");
    CHECK(both.desktop->listen_port == 8080);
    const Result address = run({"--listen", "10.0.0.5"}, true);
    REQUIRE(address.desktop.has_value());
    CHECK(address.desktop->listen_address == "10.0.0.5");
    CHECK(address.desktop->listen_port == 0); // any free port
    const Result unset = run({}, true);
    REQUIRE(unset.desktop.has_value());
    CHECK(unset.desktop->listen_address.empty()); // the first LAN address, at session start
    const Result bad = run({"--listen", "192.168.1.20:http"}, true);
    CHECK(bad.err.find("--listen needs an IPv4 address") != std::string::npos);
}

} // namespace sightline::test
