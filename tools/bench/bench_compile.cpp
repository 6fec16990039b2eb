// Compile benchmark: generates a synthetic course of N scenes, compiles it in
// process and reports source size, compile time (median of runs), bundle size
// and the process's peak memory. `--write FILE` also saves the source so that
// `sightc build` and the runtime benchmark can use it.
#include "bundle/bundle.hpp"
#include "content/compile.hpp"
#include "tools/bench/synthetic.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <sys/resource.h>
#include <vector>

int main(int argc, char** argv) {
    int scenes = 1000;
    int runs = 5;
    const char* write_to = nullptr;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--scenes") == 0 && i + 1 < argc) {
            scenes = std::atoi(argv[++i]);
        } else if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) {
            runs = std::max(1, std::atoi(argv[++i]));
        } else if (std::strcmp(argv[i], "--write") == 0 && i + 1 < argc) {
            write_to = argv[++i];
        } else {
            std::fprintf(stderr,
                         "usage: bench_compile [--scenes N] [--runs R] [--write FILE.scn]\n");
            return 2;
        }
    }
    const std::string source = sightline::bench::synthetic_course(scenes);
    if (write_to) {
        std::ofstream(write_to, std::ios::binary) << source;
    }
    std::vector<double> seconds;
    std::size_t bundle_bytes = 0;
    for (int r = 0; r < runs; ++r) {
        const auto start = std::chrono::steady_clock::now();
        sightline::content::CompileResult result =
            sightline::content::compile_text("synthetic.scn", source);
        if (!result.bundle) {
            std::fprintf(stderr, "synthetic course did not compile (%zu diagnostics)\n",
                         result.diagnostics.size());
            return 1;
        }
        const auto bytes = sightline::bundle::write_bundle(*result.bundle, 0);
        seconds.push_back(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        bundle_bytes = bytes.size();
    }
    std::sort(seconds.begin(), seconds.end());
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("scenes %d | source %.2f MB | compile+write median %.3f s (min %.3f, %d runs) | "
                "bundle %.2f MB | peak RSS %.0f MB\n",
                scenes, static_cast<double>(source.size()) / 1e6, seconds[seconds.size() / 2],
                seconds.front(), runs, static_cast<double>(bundle_bytes) / 1e6,
                static_cast<double>(usage.ru_maxrss) / 1024.0);
    return 0;
}
