// The text player on the FORMAT.md example with its Spanish translation
// (support/spanish_example.hpp), run in-process as `sightline` would run: the
// two language suites (language_test.cpp, program_language_test.cpp) share it.
#pragma once

#include "bundle/bundle.hpp"
#include "commands.hpp"
#include "support/bundle_file.hpp"
#include "support/spanish_example.hpp"

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace sightline::test {

struct PlayResult {
    int code = -1;
    std::string out;
    std::string err;
};

// The whole best path: course 1, scenario 1, begin, the two answers, the end.
inline constexpr const char* kSpanishBestPath = "1\n1\n\n@log-and-tell\n@id @answers\n\n";

// The example with its Spanish translation, as a bundle file written once.
inline const std::filesystem::path& spanish_bundle() {
    static const std::filesystem::path path = [] {
        const std::filesystem::path file = work_dir() / "spanish-example.slpack";
        write_file(file,
                   bundle::write_bundle(spanish_example(), bundle::compiler_version_number()));
        return file;
    }();
    return path;
}

// Runs the command line with that bundle and `script_text` as the script;
// `executable` is where the program believes it runs (its catalogues are
// looked up beside it).
inline PlayResult play_spanish_example(std::vector<std::string> args,
                                       const std::string& script_text,
                                       const std::filesystem::path& executable) {
    static int n = 0;
    const std::filesystem::path script =
        work_dir() / ("spanish-play-" + std::to_string(++n) + ".script");
    write_file(script, script_text);
    args.insert(args.begin(), {"--bundle", spanish_bundle().string(), "--script", script.string()});
    std::istringstream in;
    std::ostringstream out;
    std::ostringstream err;
    const cli::Environment env{in, out, err, executable, false, 0};
    PlayResult r;
    r.code = cli::run_sightline(args, env);
    r.out = out.str();
    r.err = err.str();
    return r;
}

} // namespace sightline::test
