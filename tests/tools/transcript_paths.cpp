// transcript-paths: writes the script half of two transcripts per scenario
// (scenarios/transcripts/README.md): the best path (always the best-tier choice
// shown, every knowledge check answered correctly) and the worst path (always
// the lowest-tier choice shown, every check answered wrongly), in English and
// again in each language of kLanguages (the same script with --lang, in
// <stem>.<lang>.txt). The expected output is then filled in from the real
// player by the update-transcripts target.
//
//   transcript-paths SOURCES TRANSCRIPT_DIR          write what changed
//   transcript-paths SOURCES TRANSCRIPT_DIR --check  exit 1 if anything would change
//
// Both modes fail when the best path does not end with every dimension at its
// maximum, which is what `sightc lint` (SL0505) promises learners. The paths
// themselves are runtime::pick_choice and pick_options (runtime/paths.hpp).
#include "content/compile.hpp"
#include "runtime/paths.hpp"
#include "runtime/run.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

using namespace sightline;

namespace {

constexpr std::string_view kOutputMarker = "=== output\n";
constexpr std::size_t kMaxSteps = 1000;
// The seed of the order the generated transcripts are played in (--seed).
constexpr std::uint64_t kSeed = 1;
constexpr std::string_view kWrittenBy = "written by tests/tools/transcript_paths.cpp";
// The languages the bundled courses are translated into (po/scenarios-LANG.po):
// each path is also played in each of them, program text and course text.
constexpr std::array<std::pair<std::string_view, std::string_view>, 1> kLanguages = {{
    {"es", "Spanish"},
}};

using Path = runtime::PathKind;

const model::Choice& model_choice(const runtime::Run& run, std::string_view id) {
    for (const model::Choice& c : run.node().choices) {
        if (c.id == id) {
            return c;
        }
    }
    throw std::runtime_error("no choice " + std::string(id));
}

// "hotel-room-214-best.txt", or "hotel-room-214-best.es.txt" in Spanish.
std::string file_name(const std::string& scenario_id, Path path, std::string_view language) {
    std::string stem = scenario_id;
    std::replace(stem.begin(), stem.end(), '.', '-');
    return stem + (path == Path::Best ? "-best" : "-worst") +
           (language.empty() ? std::string() : "." + std::string(language)) + ".txt";
}

// Everything before the output marker: header, then the annotated script.
// `language`: a tag and its English name, or empty for English.
std::string script_half(const model::Bundle& b, const model::Scenario& s, Path path,
                        std::pair<std::string_view, std::string_view> language) {
    // Players always shuffle; the transcripts pin one order with --seed, and
    // their scripts answer by id, so they read the same whatever the order.
    runtime::Run run(b, s.id, runtime::RunOptions{kSeed, true});
    std::ostringstream script;
    script << "# begin\n\n";
    for (std::size_t step = 0; run.phase() != runtime::Phase::Ended; ++step) {
        if (step == kMaxSteps) {
            throw std::runtime_error(s.id + ": the path has not ended after " +
                                     std::to_string(kMaxSteps) + " steps");
        }
        switch (run.phase()) {
        case runtime::Phase::Choosing: {
            const std::size_t n = runtime::pick_choice(run, path);
            const std::string id(run.choices()[n - 1].id);
            const model::Choice& c = model_choice(run, id);
            script << "# " << run.node().id << " (" << c.tier << ")\n@" << id << '\n';
            run.choose(id);
            break;
        }
        case runtime::Phase::Answering: {
            const std::vector<std::size_t> numbers = runtime::pick_options(run, path);
            std::vector<std::string_view> ids;
            script << "# " << run.node().id << '\n';
            for (const std::size_t n : numbers) {
                ids.push_back(run.view().check.options[n - 1].id);
                script << (ids.size() > 1 ? " @" : "@") << ids.back();
            }
            script << '\n';
            run.answer(ids);
            break;
        }
        case runtime::Phase::Continuing:
            script << '\n';
            run.advance();
            break;
        case runtime::Phase::Ended:
            break;
        }
    }

    std::string course;
    for (const model::Course& c : b.courses) {
        for (const model::CourseEntry& e : c.entries) {
            course = course.empty() && e.scenario == s.id ? c.id : course;
        }
    }
    std::ostringstream scores;
    bool all_max = true;
    for (std::size_t d = 0; d < b.dimensions.size(); ++d) {
        const std::int64_t score = run.score(b.dimensions[d].id);
        scores << (d ? ", " : "") << b.dimensions[d].id << ' ' << score << " (of "
               << s.score_ranges[d].min << " to " << s.score_ranges[d].max << ')';
        all_max = all_max && score == s.score_ranges[d].max;
    }
    if (path == Path::Best && !all_max) {
        throw std::runtime_error(s.id + ": the best path ends with " + scores.str() +
                                 ", not the maximum on every dimension");
    }
    const model::Node& end = run.node();
    std::ostringstream out;
    out << "# The " << (path == Path::Best ? "best" : "worst") << " path of " << s.id
        << (language.first.empty() ? std::string()
                                   : " in " + std::string(language.second) + " (--lang " +
                                         std::string(language.first) + ")")
        << ", " << kWrittenBy << ":\n"
        << (path == Path::Best ? "# always the best-tier choice, every knowledge check right.\n"
                               : "# always the lowest-tier choice, every knowledge check wrong.\n")
        << "# Ends at '" << end.id << "' (" << end.outcome << "): " << scores.str() << ".\n"
        << "args:" << (course.empty() ? "" : " --course " + course) << " --scenario " << s.id
        << " --seed " << kSeed
        << (language.first.empty() ? std::string() : " --lang " + std::string(language.first))
        << "\n=== script\n"
        << script.str();
    return out.str();
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3 || argc > 4 || (argc == 4 && std::string_view(argv[3]) != "--check")) {
        std::cerr << "usage: transcript-paths SOURCES TRANSCRIPT_DIR [--check]\n";
        return 2;
    }
    const bool check = argc == 4;
    const std::filesystem::path dir = argv[2];
    const content::CompileResult compiled = content::compile_paths({argv[1]});
    if (!compiled.bundle) {
        std::cerr << "transcript-paths: " << argv[1] << " does not compile\n";
        return 2;
    }
    const model::Bundle& b = *compiled.bundle;
    std::size_t differ = 0, written = 0;
    std::set<std::string> expected;
    try {
        for (const model::Scenario& s : b.scenarios) {
            for (const Path path : {Path::Best, Path::Worst}) {
                std::vector<std::pair<std::string_view, std::string_view>> languages{{"", ""}};
                languages.insert(languages.end(), kLanguages.begin(), kLanguages.end());
                for (const auto& language : languages) {
                    const std::string name = file_name(s.id, path, language.first);
                    expected.insert(name);
                    const std::string half = script_half(b, s, path, language);
                    const std::filesystem::path file = dir / name;
                    const std::string existing =
                        std::filesystem::exists(file) ? read_file(file) : std::string();
                    const std::size_t marker =
                        existing.find(std::string("\n") + std::string(kOutputMarker));
                    if (marker != std::string::npos && existing.substr(0, marker + 1) == half) {
                        continue;
                    }
                    ++differ;
                    if (check) {
                        std::cerr << "transcript-paths: " << file.string()
                                  << (existing.empty() ? " is missing\n"
                                                       : " does not follow the current path\n");
                        continue;
                    }
                    std::ofstream(file, std::ios::binary) << half << kOutputMarker;
                    std::cout << "wrote " << file.string() << '\n';
                    ++written;
                }
            }
        }
    } catch (const std::exception& error) {
        std::cerr << "transcript-paths: " << error.what() << '\n';
        return 1;
    }
    // A transcript this tool wrote for a scenario that no longer exists is stale.
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (name.ends_with(".txt") && !expected.contains(name) &&
            read_file(entry.path()).find(kWrittenBy) != std::string::npos) {
            ++differ;
            std::cerr << "transcript-paths: " << name << " belongs to no scenario; delete it\n";
        }
    }
    if (check) {
        if (differ == 0) {
            std::cout << "ok: " << expected.size()
                      << " transcripts follow the best and worst paths of " << b.scenarios.size()
                      << " scenarios, in English and " << kLanguages.size()
                      << " more language(s)\n";
        }
        return differ == 0 ? 0 : 1;
    }
    if (written > 0) {
        std::cout
            << "now fill in their output: cmake --build BUILD_DIR --target update-transcripts\n";
    }
    return 0;
}
