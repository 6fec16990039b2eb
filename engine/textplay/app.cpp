#include "textplay/app.hpp"

#include "bundle/bundle.hpp"
#include "runtime/catalogue.hpp"
#include "runtime/errors.hpp"
#include "runtime/run.hpp"
#include "textplay/input.hpp"
#include "textplay/options.hpp"
#include "textplay/player.hpp"
#include "textplay/printer.hpp"

#include <algorithm>
#include <exception>
#include <fstream>
#include <iterator>
#include <optional>

#ifndef SIGHTLINE_VERSION
#error "SIGHTLINE_VERSION must be defined by the build"
#endif

namespace sightline::textplay {

namespace {

constexpr std::size_t kDefaultWidth = 80;
constexpr std::size_t kMaxWidth = 100; // longer lines are hard to read
constexpr std::uintmax_t kMaxSaveFile = 64u << 20;

// A problem that ends the program with one line on stderr.
struct Fatal {
    int code;
    std::string message;
};

std::vector<std::uint8_t> read_save_file(const std::filesystem::path& path) {
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    if (error) {
        throw Fatal{kExitUsage, path.string() + ": cannot read the save: " + error.message()};
    }
    if (size > kMaxSaveFile) {
        throw Fatal{kExitUsage, path.string() + ": this is not a Sightline save (too large)"};
    }
    std::ifstream in(path, std::ios::binary);
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                    std::istreambuf_iterator<char>());
    if (!in && !in.eof()) {
        throw Fatal{kExitUsage, path.string() + ": cannot read the save"};
    }
    return bytes;
}

// Writes beside the target and renames, so a crash never leaves half a save.
void write_save_file(const std::filesystem::path& path, const std::vector<std::uint8_t>& blob) {
    const std::filesystem::path temp = path.string() + ".tmp";
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(blob.data()),
              static_cast<std::streamsize>(blob.size()));
    out.close(); // a small blob sits in the buffer until here: only now are write errors known
    std::error_code error;
    if (out.fail()) {
        std::filesystem::remove(temp, error);
        throw Fatal{kExitUsage, path.string() + ": cannot write the save"};
    }
    std::filesystem::rename(temp, path, error);
    if (error) {
        throw Fatal{kExitUsage, path.string() + ": cannot write the save: " + error.message()};
    }
}

void list_bundle(const model::Bundle& bundle, std::ostream& out) {
    const runtime::Catalogue catalogue(bundle);
    for (const model::Course* course : catalogue.courses()) {
        out << course->id << ": " << course->title << "\n";
        for (const runtime::CourseScenario& entry : catalogue.scenarios(course->id)) {
            out << "  " << entry.scenario->id << ": " << entry.scenario->title
                << (entry.required ? " (required)" : " (optional)") << "\n";
        }
    }
    const auto loose = catalogue.scenarios_without_course();
    if (!loose.empty()) {
        out << "(in no course)\n";
        for (const model::Scenario* s : loose) {
            out << "  " << s->id << ": " << s->title << "\n";
        }
    }
}

// Asks for one of `labels` by number; nullopt when the learner quits.
std::optional<std::size_t> pick(Printer& printer, Input& input, const std::string& heading,
                                const std::vector<std::string>& labels) {
    printer.blank();
    printer.text(heading);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const std::string n = std::to_string(i + 1) + ". ";
        printer.text(labels[i], n, n.size());
    }
    const std::string hint = labels.size() == 1
                                 ? "Type 1."
                                 : "Type a number from 1 to " + std::to_string(labels.size()) + ".";
    printer.text(hint);
    while (true) {
        const std::optional<std::string> answer = input.read();
        if (!answer) {
            return std::nullopt;
        }
        std::string why;
        const std::vector<std::size_t> n = parse_numbers(*answer, labels.size(), false, why);
        if (!n.empty()) {
            return n[0] - 1;
        }
        input.invalid(why + hint);
    }
}

// The course and scenario the options name, checked before anything is shown.
struct Selection {
    const model::Course* course = nullptr;
    const model::Scenario* scenario = nullptr;
};

Selection select(const runtime::Catalogue& catalogue, const Options& o,
                 const std::string& bundle_name) {
    Selection selected;
    std::vector<runtime::CourseScenario> entries; // the named course's
    if (!o.course.empty()) {
        selected.course = catalogue.course(o.course);
        if (selected.course == nullptr) {
            throw Fatal{kExitUsage, bundle_name + ": there is no course '" + o.course + "'"};
        }
        entries = catalogue.scenarios(o.course);
        if (entries.empty()) {
            throw Fatal{kExitUsage, bundle_name + ": course '" + o.course + "' has no scenarios"};
        }
    }
    if (!o.scenario.empty()) {
        selected.scenario = catalogue.scenario(o.scenario);
        if (selected.scenario == nullptr) {
            throw Fatal{kExitUsage, bundle_name + ": there is no scenario '" + o.scenario + "'"};
        }
        if (selected.course != nullptr &&
            std::none_of(entries.begin(), entries.end(),
                         [&](auto& e) { return e.scenario == selected.scenario; })) {
            throw Fatal{kExitUsage, bundle_name + ": course '" + o.course +
                                        "' does not include scenario '" + o.scenario + "'"};
        }
    }
    if (selected.course == nullptr && selected.scenario == nullptr && catalogue.courses().empty()) {
        throw Fatal{kExitUsage, bundle_name + ": the bundle has no courses (use --scenario ID)"};
    }
    return selected;
}

// Asks for whatever the options left open; nullptr when the learner quits.
const model::Scenario* ask_scenario(const runtime::Catalogue& catalogue, Selection selected,
                                    Printer& printer, Input& input) {
    if (selected.scenario != nullptr) {
        return selected.scenario;
    }
    if (selected.course == nullptr) {
        const auto courses = catalogue.courses();
        std::vector<std::string> labels;
        for (const model::Course* c : courses) {
            labels.push_back(c->title);
        }
        const auto i = pick(printer, input, "Courses", labels);
        if (!i) {
            return nullptr;
        }
        selected.course = courses[*i];
    }
    const auto entries = catalogue.scenarios(selected.course->id);
    if (entries.empty()) {
        throw Fatal{kExitUsage, "course '" + selected.course->id + "' has no scenarios"};
    }
    printer.blank();
    printer.text(selected.course->title);
    printer.text(selected.course->description);
    std::vector<std::string> labels;
    for (const runtime::CourseScenario& e : entries) {
        labels.push_back(e.scenario->title + (e.required ? " (required)" : " (optional)"));
    }
    const auto i = pick(printer, input, "Scenarios", labels);
    return i ? entries[*i].scenario : nullptr;
}

int play(const Options& o, const Environment& env) {
    const std::filesystem::path bundle_path =
        o.bundle.empty() ? default_bundle_path(env.executable) : std::filesystem::path(o.bundle);
    bundle::LoadedBundle loaded;
    try {
        loaded = bundle::read_bundle_file(bundle_path);
    } catch (const bundle::BundleError& e) {
        throw Fatal{kExitUsage, std::string(e.what()) +
                                    (o.bundle.empty() ? " (use --bundle FILE to pick one)" : "")};
    }
    const model::Bundle& bundle = loaded.model;
    if (o.list) {
        list_bundle(bundle, env.out);
        return kExitOk;
    }

    std::ifstream script;
    if (!o.script.empty()) {
        script.open(o.script);
        if (!script) {
            throw Fatal{kExitUsage, o.script + ": cannot open the script"};
        }
    }
    const std::size_t width = o.width ? *o.width
                              : env.terminal_width > 0
                                  ? std::clamp<std::size_t>(env.terminal_width, 20, kMaxWidth)
                                  : kDefaultWidth;
    Printer printer(env.out, width);
    Input input(o.script.empty() ? env.in : script, printer, o.script,
                !o.script.empty() || !env.input_is_terminal);

    const runtime::Catalogue catalogue(bundle);
    std::optional<runtime::Run> run;
    // exists() without an error_code throws (and ends the program) when, say, a
    // folder on the path may not be searched; with one, read_save_file reports it.
    std::error_code save_error;
    if (!o.save.empty() && (std::filesystem::exists(o.save, save_error) || save_error)) {
        try {
            run.emplace(runtime::Run::restore(bundle, read_save_file(o.save)));
        } catch (const runtime::SaveError& e) {
            throw Fatal{kExitUsage, o.save + ": " + e.what()};
        }
        if (!o.scenario.empty() && run->scenario().id != o.scenario) {
            throw Fatal{kExitUsage, o.save + ": this save is for scenario '" + run->scenario().id +
                                        "', not '" + o.scenario + "'"};
        }
    }

    const Selection selected = run ? Selection{} : select(catalogue, o, bundle_path.string());
    printer.text("Sightline. Type q at any question to quit.");
    PlayerSettings settings;
    settings.save_roundtrip = o.save_roundtrip;
    if (!o.save.empty()) {
        settings.on_save = [&](const std::vector<std::uint8_t>& blob) {
            write_save_file(o.save, blob);
        };
    }
    Player player(printer, input, settings);

    if (run) {
        printer.blank();
        printer.text(run->scenario().title, "Resuming: ");
        printer.text(run->scenario().content_note, "Content note: ");
    } else {
        const model::Scenario* s = ask_scenario(catalogue, selected, printer, input);
        if (s == nullptr || !player.introduce(*s)) {
            printer.blank();
            printer.text("Stopped.");
            return kExitOk;
        }
        run.emplace(bundle, s->id, runtime::RunOptions{o.seed.value_or(0), o.seed.has_value()});
    }

    switch (player.play(run)) {
    case PlayEnd::Finished:
        if (!o.save.empty()) {
            std::error_code ignored;
            std::filesystem::remove(o.save, ignored);
        }
        return kExitOk;
    case PlayEnd::Quit:
        printer.blank();
        printer.text(o.save.empty() ? "Stopped."
                                    : "Stopped. Your progress is saved in " + o.save + ".");
        return kExitOk;
    case PlayEnd::Stuck:
        return kExitFailed;
    }
    return kExitFailed;
}

} // namespace

std::filesystem::path default_bundle_path(const std::filesystem::path& executable) {
    return (executable.parent_path() / ".." / "share" / "sightline" / "courses.slpack")
        .lexically_normal();
}

int run_app(const std::vector<std::string>& args, const Environment& env) {
    const ParsedOptions parsed = parse_options(args);
    if (!parsed.error.empty()) {
        env.err << "sightline: " << parsed.error << " (see sightline --help)\n";
        return kExitUsage;
    }
    const Options& o = parsed.options;
    if (o.help) {
        env.out << usage();
        return kExitOk;
    }
    if (o.version) {
        env.out << "sightline " << SIGHTLINE_VERSION << "\n";
        return kExitOk;
    }
    try {
        return play(o, env);
    } catch (const Fatal& f) {
        env.out.flush();
        env.err << "sightline: " << f.message << "\n";
        return f.code;
    } catch (const std::exception& e) {
        // ScriptError and RunError; anything else unforeseen also ends with
        // one line rather than an abort.
        env.out.flush();
        env.err << "sightline: " << e.what() << "\n";
        return kExitFailed;
    }
}

} // namespace sightline::textplay
