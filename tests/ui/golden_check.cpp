// ui_golden: renders the desktop player's main screens with
// `sightline --screenshot` and compares them with the reviewed golden images
// in tests/ui/golden/, within a tolerance (Mesa versions differ a little).
//
//   ui_golden --sightline BIN --scripts DIR --golden DIR --work DIR --size WxH
//             [--bundles DIR] [--update] [--skip WHY] SCREEN...
//
// A script's "#!" lines (comments to the player) set up its run:
//   #! bundle FILE      play the courses of DIR/FILE (--bundles) instead of the installed ones
//   #! before ARGS...   first run `sightline ARGS...` with the same home (e.g. provider
//                       init); it must exit 0. "double quotes" keep spaces in an argument.
//
// Runs under xvfb-run (see CMakeLists.txt). Exit codes: 0 all match, 1 a
// screen differs or could not be rendered, 77 no display (ctest: skipped).
// --update rewrites the golden images from the renders instead.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <spawn.h>
#include <stb_image.h>
#include <stb_image_write.h>
#include <string>
#include <sys/wait.h>
#include <vector>

extern char** environ;

namespace {

namespace fs = std::filesystem;

constexpr int kSkip = 77;
constexpr int kChannelTolerance = 48;     // a pixel differs when a channel moves more than this
constexpr double kPixelTolerance = 0.001; // ...and at most this share of pixels may differ

struct Image {
    int width = 0;
    int height = 0;
    std::unique_ptr<unsigned char, void (*)(void*)> pixels{nullptr, stbi_image_free};
};

Image load(const fs::path& path) {
    Image image;
    int channels = 0;
    image.pixels.reset(stbi_load(path.c_str(), &image.width, &image.height, &channels, 3));
    return image;
}

// Runs `argv` with HOME set to `home` (and the XDG and Sightline variables
// unset, so no one's real records or settings are touched) in the C.UTF-8
// locale. Returns the exit code.
int run(const std::vector<std::string>& argv, const fs::path& home) {
    std::vector<std::string> env_strings;
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string entry = *e;
        const std::string name = entry.substr(0, entry.find('='));
        if (name != "HOME" && name != "XDG_DATA_HOME" && name != "XDG_CONFIG_HOME" &&
            name != "SIGHTLINE_DATA_DIR" && name != "SIGHTLINE_CONFIG_DIR" &&
            name != "LIBGL_ALWAYS_SOFTWARE" && name != "ASAN_OPTIONS" && name != "LC_ALL" &&
            name != "LC_MESSAGES" && name != "LANG") {
            env_strings.push_back(entry);
        }
    }
    // Under AddressSanitizer, Mesa's DRI driver is unloaded at exit with
    // allocations it never frees; LSan then reports them against an unloaded
    // module (no name to suppress). The views' own leaks are checked by the
    // headless tests, which run without OpenGL.
    const char* asan = std::getenv("ASAN_OPTIONS");
    env_strings.push_back(std::string("ASAN_OPTIONS=") + (asan != nullptr ? asan : "") +
                          (asan != nullptr && *asan != '\0' ? ":" : "") + "detect_leaks=0");
    env_strings.push_back("HOME=" + home.string());
    env_strings.push_back("LIBGL_ALWAYS_SOFTWARE=1");
    // The screens in English whatever the machine's locale (the courses would
    // otherwise be shown in its language where they have it).
    env_strings.push_back("LC_ALL=C.UTF-8");
    std::vector<char*> envp;
    for (std::string& s : env_strings) {
        envp.push_back(s.data());
    }
    envp.push_back(nullptr);
    std::vector<std::string> args = argv;
    std::vector<char*> args_p;
    for (std::string& a : args) {
        args_p.push_back(a.data());
    }
    args_p.push_back(nullptr);
    pid_t pid = 0;
    if (posix_spawn(&pid, args_p[0], nullptr, nullptr, args_p.data(), envp.data()) != 0) {
        std::cerr << "cannot run " << argv[0] << "\n";
        return 127;
    }
    int status = 0;
    if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status)) {
        return 128;
    }
    return WEXITSTATUS(status);
}

// Writes the differing pixels in red over a faded copy of the render.
void write_diff(const Image& a, const Image& b, const fs::path& path) {
    std::vector<unsigned char> out(static_cast<std::size_t>(a.width) * a.height * 3);
    for (std::size_t i = 0; i < out.size(); i += 3) {
        int d = 0;
        for (std::size_t c = 0; c < 3; ++c) {
            d = std::max(d, std::abs(a.pixels.get()[i + c] - b.pixels.get()[i + c]));
        }
        const bool differs = d > kChannelTolerance;
        for (std::size_t c = 0; c < 3; ++c) {
            const int faded = 255 - (255 - a.pixels.get()[i + c]) / 4;
            out[i + c] = static_cast<unsigned char>(differs ? (c == 0 ? 255 : 0) : faded);
        }
    }
    stbi_write_png(path.c_str(), a.width, a.height, 3, out.data(), a.width * 3);
}

// A script's "#!" lines (see the top of this file).
struct Directives {
    std::string bundle;
    std::vector<std::vector<std::string>> before;
    std::string error;
};

std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    std::string word;
    bool quoted = false;
    bool any = false;
    for (const char c : text + " ") {
        if (c == '"') {
            quoted = !quoted;
            any = true;
        } else if (c == ' ' && !quoted) {
            if (any) {
                out.push_back(word);
            }
            word.clear();
            any = false;
        } else {
            word.push_back(c);
            any = true;
        }
    }
    return out;
}

Directives read_directives(const fs::path& script) {
    Directives d;
    std::ifstream in(script);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.starts_with("#!")) {
            continue;
        }
        std::vector<std::string> w = words(line.substr(2));
        if (w.size() == 2 && w[0] == "bundle") {
            d.bundle = w[1];
        } else if (w.size() >= 2 && w[0] == "before") {
            d.before.emplace_back(w.begin() + 1, w.end());
        } else {
            d.error = script.string() + ": unknown directive: " + line;
        }
    }
    return d;
}

} // namespace

int main(int argc, char** argv) {
    std::string sightline;
    fs::path scripts;
    fs::path golden;
    fs::path work;
    fs::path bundles;
    std::string size = "1024x768";
    bool update = false;
    std::vector<std::string> screens;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::cerr << arg << " needs a value\n";
                std::exit(2);
            }
            return argv[++i];
        };
        if (arg == "--sightline") {
            sightline = value();
        } else if (arg == "--scripts") {
            scripts = value();
        } else if (arg == "--golden") {
            golden = value();
        } else if (arg == "--work") {
            work = value();
        } else if (arg == "--bundles") {
            bundles = value();
        } else if (arg == "--size") {
            size = value();
        } else if (arg == "--update") {
            update = true;
        } else if (arg == "--skip") {
            std::cout << "skipped: " << value() << "\n";
            return kSkip;
        } else {
            screens.push_back(arg);
        }
    }
    if (sightline.empty() || scripts.empty() || golden.empty() || work.empty() || screens.empty()) {
        std::cerr << "usage: ui_golden --sightline BIN --scripts DIR --golden DIR --work DIR "
                     "[--size WxH] [--update] SCREEN...\n";
        return 2;
    }
    const char* display = std::getenv("DISPLAY");
    if (display == nullptr || *display == '\0') {
        std::cout << "skipped: no display (run under xvfb-run)\n";
        return kSkip;
    }
    fs::create_directories(work);
    int failures = 0;
    for (const std::string& screen : screens) {
        const fs::path home = work / ("home-" + screen);
        fs::remove_all(home);
        fs::create_directories(home);
        const fs::path render = work / (screen + ".png");
        fs::remove(render);
        const fs::path script = scripts / (screen + ".txt");
        const Directives directives = read_directives(script);
        if (!directives.error.empty() || (!directives.bundle.empty() && bundles.empty())) {
            std::cout << screen << ": "
                      << (directives.error.empty() ? "'#! bundle' needs --bundles DIR"
                                                   : directives.error)
                      << "\n";
            ++failures;
            continue;
        }
        bool ready = true;
        for (const std::vector<std::string>& before : directives.before) {
            std::vector<std::string> setup = {sightline};
            setup.insert(setup.end(), before.begin(), before.end());
            if (const int before_code = run(setup, home); before_code != 0) {
                std::cout << screen << ": '#! before " << before.front() << " ...' failed (exit "
                          << before_code << ")\n";
                ready = false;
            }
        }
        if (!ready) {
            ++failures;
            continue;
        }
        // One seed, so the shuffled choices and options are in the reviewed order.
        std::vector<std::string> command = {sightline,       "--screenshot", render.string(),
                                            "--size",        size,           "--script",
                                            script.string(), "--seed",       "1"};
        if (!directives.bundle.empty()) {
            command.insert(command.end(), {"--bundle", (bundles / directives.bundle).string()});
        }
        const int code = run(command, home);
        if (code == kSkip) {
            std::cout << "skipped: sightline found no display\n";
            return kSkip;
        }
        if (code != 0 || !fs::exists(render)) {
            std::cout << screen << ": sightline --screenshot failed (exit " << code << ")\n";
            ++failures;
            continue;
        }
        const fs::path expected = golden / (screen + ".png");
        if (update) {
            fs::create_directories(golden);
            fs::copy_file(render, expected, fs::copy_options::overwrite_existing);
            std::cout << screen << ": golden image updated: " << expected.string() << "\n";
            continue;
        }
        const Image got = load(render);
        const Image want = load(expected);
        if (want.pixels == nullptr) {
            std::cout << screen << ": no golden image " << expected.string() << " (review "
                      << render.string() << ", then run with --update)\n";
            ++failures;
            continue;
        }
        if (got.pixels == nullptr || got.width != want.width || got.height != want.height) {
            std::cout << screen << ": the render is " << got.width << "x" << got.height
                      << ", the golden image " << want.width << "x" << want.height << "\n";
            ++failures;
            continue;
        }
        const std::size_t count = static_cast<std::size_t>(got.width) * got.height;
        std::size_t differing = 0;
        int worst = 0;
        for (std::size_t p = 0; p < count; ++p) {
            int d = 0;
            for (std::size_t c = 0; c < 3; ++c) {
                d = std::max(d,
                             std::abs(got.pixels.get()[p * 3 + c] - want.pixels.get()[p * 3 + c]));
            }
            worst = std::max(worst, d);
            differing += d > kChannelTolerance ? 1 : 0;
        }
        const double share = static_cast<double>(differing) / static_cast<double>(count);
        const bool ok = share <= kPixelTolerance;
        std::cout << screen << ": " << differing << " of " << count << " pixels differ ("
                  << share * 100.0 << "%, largest channel difference " << worst << ") "
                  << (ok ? "ok" : "TOO MANY") << "\n";
        if (!ok) {
            const fs::path diff = work / (screen + "-diff.png");
            write_diff(got, want, diff);
            std::cout << "  render: " << render.string() << "\n  diff:   " << diff.string() << "\n";
            ++failures;
        }
    }
    // Dear ImGui's default would leave an imgui.ini in the working directory.
    if (fs::exists(fs::current_path() / "imgui.ini")) {
        std::cout << "an imgui.ini appeared in " << fs::current_path().string() << "\n";
        ++failures;
    }
    return failures == 0 ? 0 : 1;
}
