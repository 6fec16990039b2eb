#include "bundle/format.hpp"
#include "commands.hpp"
#include "support/bundle_file.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

namespace {

using namespace sightline;
namespace fs = std::filesystem;

struct Result {
    int code = -1;
    std::string out;
    std::string err;
};

struct Call {
    std::vector<std::string> args;
    std::string input;
    bool terminal_input = false;
    std::size_t terminal_width = 0;
    fs::path executable = test::work_dir() / "bin" / "sightline";
};

Result run(const Call& call) {
    std::istringstream in(call.input);
    std::ostringstream out;
    std::ostringstream err;
    const cli::Environment env{
        in, out, err, call.executable, call.terminal_input, call.terminal_width};
    Result r;
    r.code = cli::run_sightline(call.args, env);
    r.out = out.str();
    r.err = err.str();
    return r;
}

Result run(std::vector<std::string> args, std::string input = {}) {
    return run(Call{std::move(args), std::move(input)});
}

std::string example() {
    return test::format_example_bundle().string();
}

bool one_line(const std::string& text) {
    return !text.empty() && text.back() == '\n' && std::count(text.begin(), text.end(), '\n') == 1;
}

std::size_t longest_line(const std::string& text) {
    std::size_t longest = 0;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        longest = std::max(longest, line.size());
    }
    return longest;
}

fs::path script(const std::string& name, const std::string& text) {
    const fs::path path = test::work_dir() / name;
    test::write_file(path, text);
    return path;
}

} // namespace

TEST_CASE("--help, --version and --list need nothing else") {
    const Result help = run({"--help"});
    CHECK(help.code == 0);
    CHECK(help.out.starts_with("Usage: sightline"));
    const Result version = run({"--version"});
    CHECK(version.code == 0);
    CHECK(version.out == "sightline " SIGHTLINE_TEST_VERSION "\n");
    const Result list = run({"--bundle", example(), "--list"});
    CHECK(list.code == 0);
    CHECK(list.out == "hotel-example: Hotel example course\n"
                      "  hotel.example: The late check-in (required)\n");
    CHECK(list.err.empty());
}

TEST_CASE("the default bundle is found next to the executable") {
    const fs::path exe = test::work_dir() / "install" / "bin" / "sightline";
    const fs::path share = test::work_dir() / "install" / "share" / "sightline";
    fs::create_directories(share);
    fs::copy_file(test::format_example_bundle(), share / "courses.slpack",
                  fs::copy_options::overwrite_existing);
    Call call{{"--list"}, ""};
    call.executable = exe;
    const Result r = run(call);
    CHECK(r.code == 0);
    CHECK(r.out.starts_with("hotel-example: "));
    CHECK(cli::default_bundle_path(exe) == (share / "courses.slpack").lexically_normal());

    call.executable = test::work_dir() / "elsewhere" / "bin" / "sightline";
    const Result missing = run(call);
    CHECK(missing.code == 2);
    CHECK(one_line(missing.err));
    CHECK(missing.err.find("courses.slpack") != std::string::npos);
    CHECK(missing.err.find("--bundle") != std::string::npos);
}

TEST_CASE("missing, corrupt and version-mismatched bundles give one line and exit 2") {
    const fs::path dir = test::work_dir();
    std::vector<std::uint8_t> good = test::read_bytes(test::format_example_bundle());
    std::vector<std::uint8_t> newer = good;
    newer[bundle::format::kFormatVersionOffset] = 9;
    std::vector<std::uint8_t> damaged = good;
    damaged.back() ^= 0xFF;
    test::write_file(dir / "newer.slpack", newer);
    test::write_file(dir / "damaged.slpack", damaged);
    test::write_file(dir / "short.slpack",
                     std::vector<std::uint8_t>(good.begin(), good.begin() + 70));
    test::write_file(dir / "text.slpack", std::string_view("hello, world\n"));
    for (const char* name :
         {"absent.slpack", "newer.slpack", "damaged.slpack", "short.slpack", "text.slpack"}) {
        CAPTURE(name);
        const std::string path = (dir / name).string();
        const Result r = run({"--bundle", path, "--scenario", "hotel.example"});
        CHECK(r.code == 2);
        CHECK(one_line(r.err));
        CHECK(r.err.starts_with("sightline: " + path + ": "));
        CHECK(r.out.empty());
    }
}

TEST_CASE("a script plays the scenario and prints a plain, wrapped transcript") {
    const fs::path answers = script("best.txt", "\n@log-and-tell\n@id @answers\n\n");
    const Result r =
        run({"--bundle", example(), "--scenario", "hotel.example", "--script", answers.string()});
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("Content note: A young guest may be controlled") != std::string::npos);
    CHECK(r.out.find("Content note") < r.out.find("It is almost midnight"));
    CHECK(r.out.find("Pause here") == std::string::npos);
    CHECK(r.out.find("> @log-and-tell\n") != std::string::npos); // the script line, echoed
    CHECK(r.out.find("Signs you missed\n- None.") != std::string::npos);
    CHECK(r.out.find("Where to report\nNational Human Trafficking Hotline") != std::string::npos);
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK(longest_line(r.out) <= 80);
}

TEST_CASE("text wraps to the terminal's width when there is one") {
    const fs::path answers = script("narrow.txt", "\n@ignore\n");
    Call call{{"--bundle", example(), "--scenario", "hotel.example", "--script", answers.string()},
              ""};
    call.terminal_width = 44;
    const Result r = run(call);
    CHECK(r.code == 0);
    CHECK(longest_line(r.out) <= 44);
    CHECK(longest_line(r.out) > 35);
}

TEST_CASE("a bad script answer stops with an error naming the script line") {
    const fs::path answers = script("bad.txt", "\n# comment\n@log-and-tell\n1 1\n");
    const Result r =
        run({"--bundle", example(), "--scenario", "hotel.example", "--script", answers.string()});
    CHECK(r.code == 1);
    CHECK(r.err == "sightline: " + answers.string() +
                       " line 4: Each number counts once; 1 is there twice. Type the numbers of "
                       "every answer that applies, separated by spaces.\n");
    const Result missing = run({"--bundle", example(), "--script", "/nonexistent/answers.txt"});
    CHECK(missing.code == 2);
    CHECK(missing.err == "sightline: /nonexistent/answers.txt: cannot open the script\n");
}

TEST_CASE("at the keyboard a bad answer is explained and asked again") {
    Call call{{"--bundle", example(), "--no-records"}, "1\n1\n\n9\nthree\n@ignore\n"};
    call.terminal_input = true;
    const Result r = run(call);
    CHECK(r.code == 0);
    CHECK(r.out.find("9 is not one of the numbers shown. Type a number from 1 to 3.") !=
          std::string::npos);
    CHECK(r.out.find("\"three\" is not a number.") != std::string::npos);
    CHECK(r.out.find("The end: Missed the signs") != std::string::npos);
}

TEST_CASE("q stops, and unknown courses and scenarios are refused") {
    const Result quit = run({"--bundle", example()}, "q\n");
    CHECK(quit.code == 0);
    CHECK(quit.out.ends_with("Stopped.\n"));
    const Result course = run({"--bundle", example(), "--course", "nope"});
    CHECK(course.code == 2);
    CHECK(course.err == "sightline: " + example() + ": there is no course 'nope'\n");
    CHECK(course.out.empty());
    const Result scenario = run({"--bundle", example(), "--scenario", "nope"});
    CHECK(scenario.code == 2);
    CHECK(scenario.err == "sightline: " + example() + ": there is no scenario 'nope'\n");
    const Result bad = run({"--bogus"});
    CHECK(bad.code == 2);
    CHECK(bad.err == "sightline: unknown option '--bogus' (see sightline --help)\n");
}

TEST_CASE("--save keeps progress, resumes it and deletes it at the end") {
    const fs::path save = test::work_dir() / "progress.sav";
    fs::remove(save);
    const std::vector<std::string> args = {"--bundle",      example(), "--scenario",
                                           "hotel.example", "--save",  save.string()};
    const Result first = run(args, "\n@log-and-tell\nq\n");
    CHECK(first.code == 0);
    std::string unwrapped = first.out; // the long path may wrap
    std::replace(unwrapped.begin(), unwrapped.end(), '\n', ' ');
    CHECK(unwrapped.ends_with("Stopped. Your progress is saved in " + save.string() + ". "));
    REQUIRE(fs::exists(save));

    const Result second = run(args, "@id @answers\n\n");
    CHECK(second.code == 0);
    CHECK(second.out.find("Resuming: The late check-in") != std::string::npos);
    CHECK(second.out.find("It is almost midnight") == std::string::npos);
    CHECK(second.out.find("Question: Which of these") != std::string::npos);
    CHECK(second.out.find("- Recognition: 4 on a scale from 0 to 4 (100%).") != std::string::npos);
    CHECK_FALSE(fs::exists(save));
}

TEST_CASE("bad saves give one line naming the file and exit 2") {
    const fs::path dir = test::work_dir();
    test::write_file(dir / "junk.sav", std::string_view("this is not a save at all"));
    const Result junk = run({"--bundle", example(), "--save", (dir / "junk.sav").string()});
    CHECK(junk.code == 2);
    CHECK(junk.err ==
          "sightline: " + (dir / "junk.sav").string() + ": this is not a Sightline save\n");

    // A save made at node 'tense', then the node is renamed in a new bundle.
    const fs::path save = dir / "tense.sav";
    fs::remove(save);
    const std::vector<std::string> args = {"--scenario", "hotel.example", "--save", save.string()};
    std::vector<std::string> with_example = args;
    with_example.insert(with_example.begin(), {"--bundle", example()});
    REQUIRE(run(with_example, "\n@ask-her\nq\n").code == 0);
    REQUIRE(fs::exists(save));
    std::string edited = test::format_example_scn();
    edited.replace(edited.find("-> tense"), 8, "-> calm");
    edited.replace(edited.find("== tense"), 8, "== calm");
    const fs::path changed = test::write_bundle_file("changed.slpack", edited);
    std::vector<std::string> with_changed = args;
    with_changed.insert(with_changed.begin(), {"--bundle", changed.string()});
    const Result r = run(with_changed, "\n");
    CHECK(r.code == 2);
    CHECK(r.err == "sightline: " + save.string() +
                       ": cannot resume: node 'tense' no longer exists in scenario "
                       "'hotel.example'\n");
    CHECK(fs::exists(save)); // a refused save is left alone

    const Result other =
        run({"--bundle", example(), "--scenario", "elsewhere", "--save", save.string()});
    CHECK(other.code == 2);
    CHECK(other.err.find("this save is for scenario 'hotel.example', not 'elsewhere'") !=
          std::string::npos);
}

TEST_CASE("a save path that cannot be read or written gives one line and exit 2") {
    const std::string too_long = (test::work_dir() / std::string(300, 'a') / "x.sav").string();
    const Result unreadable = run({"--bundle", example(), "--save", too_long});
    CHECK(unreadable.code == 2);
    CHECK(unreadable.err.starts_with("sightline: " + too_long + ": cannot read the save: "));
    CHECK(one_line(unreadable.err));

    const std::string no_dir = (test::work_dir() / "absent" / "x.sav").string();
    const Result unwritable =
        run({"--bundle", example(), "--scenario", "hotel.example", "--save", no_dir}, "\n");
    CHECK(unwritable.code == 2);
    CHECK(unwritable.err.starts_with("sightline: " + no_dir + ": cannot write the save ("));
    CHECK(unwritable.err.ends_with(": No such file or directory)\n"));
    CHECK(one_line(unwritable.err));
}
