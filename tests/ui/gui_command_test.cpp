// `sightline` picks the desktop player or the text player from its arguments,
// and falls back to the text player, with one line of explanation, when no
// display can be opened.
#include "commands.hpp"
#include "gui/options.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <unistd.h>

namespace sightline::test {

namespace {

// Runs sightline with DISPLAY and WAYLAND_DISPLAY unset (restored afterwards).
struct NoDisplay {
    std::optional<std::string> display;
    std::optional<std::string> wayland;
    NoDisplay() {
        if (const char* d = std::getenv("DISPLAY")) {
            display = d;
        }
        if (const char* w = std::getenv("WAYLAND_DISPLAY")) {
            wayland = w;
        }
        ::unsetenv("DISPLAY");
        ::unsetenv("WAYLAND_DISPLAY");
    }
    ~NoDisplay() {
        if (display) {
            ::setenv("DISPLAY", display->c_str(), 1);
        }
        if (wayland) {
            ::setenv("WAYLAND_DISPLAY", wayland->c_str(), 1);
        }
    }
    NoDisplay(const NoDisplay&) = delete;
    NoDisplay& operator=(const NoDisplay&) = delete;
};

struct Run {
    int code = -1;
    std::string out;
    std::string err;
};

Run sightline(const std::vector<std::string>& args) {
    std::istringstream in;
    std::ostringstream out;
    std::ostringstream err;
    const cli::Environment env{
        in, out, err, std::string(SIGHTLINE_BINARY_DIR) + "/bin/sightline", false, 0};
    Run r;
    r.code = cli::run_sightline(args, env, gui::desktop_player);
    r.out = out.str();
    r.err = err.str();
    return r;
}

} // namespace

// Which player the arguments ask for, and the desktop player's options, are
// tested in tests/tools/sightline_command_line_test.cpp.

TEST_CASE("wrong GUI options are a usage error") {
    for (const std::vector<std::string>& args : {std::vector<std::string>{"--size", "big"},
                                                 {"--size", "100x100"},
                                                 {"--theme", "pink"},
                                                 {"--scale", "400"},
                                                 {"--screenshot"}}) {
        const Run r = sightline(args);
        CHECK(r.code == 2);
        CHECK(r.err.starts_with("sightline: "));
    }
}

// The text player's records in a scratch directory (restored afterwards).
struct ScratchRecords {
    std::filesystem::path dir;
    std::optional<std::string> old;
    explicit ScratchRecords(const char* name)
        : dir(std::filesystem::path(SIGHTLINE_BINARY_DIR) / "tests" / "ui" / "work" /
              (std::to_string(::getpid()) + "-" + name)) {
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        if (const char* d = std::getenv("SIGHTLINE_DATA_DIR")) {
            old = d;
        }
        ::setenv("SIGHTLINE_DATA_DIR", dir.c_str(), 1);
    }
    ~ScratchRecords() {
        if (old) {
            ::setenv("SIGHTLINE_DATA_DIR", old->c_str(), 1);
        } else {
            ::unsetenv("SIGHTLINE_DATA_DIR");
        }
    }
    ScratchRecords(const ScratchRecords&) = delete;
    ScratchRecords& operator=(const ScratchRecords&) = delete;
};

TEST_CASE("without a display the player explains in one line and the text player runs") {
    const NoDisplay no_display;
    const ScratchRecords records("fallback");
    const Run r = sightline({});
    CHECK(r.code == 0); // the text player ran, found no answers and stopped
    CHECK(r.err.starts_with("sightline: no display"));
    CHECK(r.err.find("starting the text player instead") != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.out.find("Type a number from 1 to") != std::string::npos); // the course menu
}

TEST_CASE("the desktop player's own options are left out when the text player takes over") {
    const NoDisplay no_display;
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"--theme", "dark"},
          {"--size", "1280x800", "--scale", "150"},
          {"--theme", "high-contrast", "--bundle", SIGHTLINE_COURSES_BUNDLE, "--scale", "200"}}) {
        const ScratchRecords records("fallback-options");
        const Run r = sightline(args);
        CHECK_MESSAGE(r.code == 0, r.err);
        CHECK(r.err.find("unknown option") == std::string::npos);
        CHECK(r.err.find("starting the text player instead") != std::string::npos);
        CHECK(r.err.find("for the desktop player only") != std::string::npos);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK(r.out.find("Type a number from 1 to") != std::string::npos);
    }
}

TEST_CASE("a screenshot without a display exits 77, which ctest counts as skipped") {
    const NoDisplay no_display;
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"--screenshot", "never.png"},
          {"--screenshot", "never.png", "--theme", "dark", "--size", "800x600"}}) {
        const Run r = sightline(args);
        CHECK(r.code == 77);
        CHECK(r.out.empty()); // no text player
    }
}

} // namespace sightline::test
