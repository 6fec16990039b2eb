// Runtime benchmark: loads a bundle several times (median load = read, verify,
// deserialise, link; freeing the previous load is not timed) and prints where
// the time went, then plays N steps of one scenario, timing each step: take a random
// available choice (or answer, or continue) and build the next node's view,
// which is what a UI does per click. Restarts the scenario at endings (restarts
// are not timed). Also times a save and a restore of the final run, and the copy
// of the bundle in each language it carries (model::in_language, made once per
// language when a learner picks it).
// Prints figures only; nothing is asserted.
#include "bundle/bundle.hpp"
#include "model/translation.hpp"
#include "runtime/random.hpp"
#include "runtime/run.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using namespace sightline;

double micros(Clock::duration d) {
    return std::chrono::duration<double, std::micro>(d).count();
}

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    const auto i = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1));
    return values[i];
}

// One step as a UI takes it: act on the current view, then build the next one.
void step(runtime::Run& run, runtime::NodeView& view, runtime::Rng& rng) {
    switch (run.phase()) {
    case runtime::Phase::Choosing: {
        std::size_t enabled = 0;
        for (const auto& c : view.choices) {
            enabled += c.enabled ? 1 : 0;
        }
        std::size_t pick = rng.below(enabled);
        for (const auto& c : view.choices) {
            if (c.enabled && pick-- == 0) {
                run.choose(c.id);
                break;
            }
        }
        break;
    }
    case runtime::Phase::Answering:
        if (view.check.options.empty()) {
            run.answer({});
        } else {
            run.answer({view.check.options.front().id});
        }
        break;
    case runtime::Phase::Continuing:
        run.advance();
        break;
    case runtime::Phase::Ended:
        break;
    }
    view = run.view();
}

} // namespace

int main(int argc, char** argv) {
    const char* path = nullptr;
    std::string scenario;
    long steps = 100'000;
    int loads = 7;
    std::uint64_t seed = 1;
    for (int i = 1; i < argc; ++i) {
        const bool has_value = i + 1 < argc;
        if (std::strcmp(argv[i], "--scenario") == 0 && has_value) {
            scenario = argv[++i];
        } else if (std::strcmp(argv[i], "--steps") == 0 && has_value) {
            steps = std::max(1L, std::atol(argv[++i]));
        } else if (std::strcmp(argv[i], "--loads") == 0 && has_value) {
            loads = std::max(1, std::atoi(argv[++i]));
        } else if (std::strcmp(argv[i], "--seed") == 0 && has_value) {
            seed = std::strtoull(argv[++i], nullptr, 10);
        } else if (path == nullptr && argv[i][0] != '-') {
            path = argv[i];
        } else {
            path = nullptr;
            break;
        }
    }
    if (path == nullptr) {
        std::fprintf(stderr, "usage: bench_runtime FILE.slpack [--scenario ID] [--steps N] "
                             "[--loads N] [--seed S]\n");
        return 2;
    }

    std::vector<double> load_ms;
    std::vector<double> read_ms, checksum_ms, deserialise_ms, link_ms;
    std::optional<bundle::LoadedBundle> loaded;
    try {
        for (int i = 0; i < loads; ++i) {
            loaded.reset(); // freeing the previous model is not part of a load
            bundle::LoadTimes times;
            const auto start = Clock::now();
            loaded.emplace(bundle::read_bundle_file(path, &times));
            load_ms.push_back(micros(Clock::now() - start) / 1000.0);
            read_ms.push_back(times.read);
            checksum_ms.push_back(times.checksum);
            deserialise_ms.push_back(times.deserialise);
            link_ms.push_back(times.link);
        }
    } catch (const bundle::BundleError& e) {
        std::fprintf(stderr, "bench_runtime: %s\n", e.what());
        return 2;
    }
    const model::Bundle& bundle = loaded->model;
    if (bundle.scenarios.empty()) {
        std::fprintf(stderr, "bench_runtime: %s has no scenarios\n", path);
        return 2;
    }
    if (scenario.empty()) {
        scenario = bundle.scenarios.front().id;
    }

    std::vector<double> step_us;
    step_us.reserve(static_cast<std::size_t>(steps));
    runtime::Rng rng(seed);
    long restarts = 0;
    try {
        std::optional<runtime::Run> run(std::in_place, bundle, scenario);
        runtime::NodeView view = run->view();
        for (long i = 0; i < steps; ++i) {
            if (run->phase() == runtime::Phase::Ended || run->stuck()) {
                run.emplace(bundle, scenario);
                view = run->view();
                ++restarts;
                if (run->stuck()) { // step() would pick among no choices
                    std::fprintf(stderr, "bench_runtime: %s is stuck at its start node\n",
                                 scenario.c_str());
                    return 2;
                }
            }
            const auto start = Clock::now();
            step(*run, view, rng);
            step_us.push_back(micros(Clock::now() - start));
        }

        std::vector<double> save_us;
        std::vector<double> restore_us;
        std::size_t blob_size = 0;
        for (int i = 0; i < 9; ++i) {
            auto start = Clock::now();
            const std::vector<std::uint8_t> blob = run->save();
            save_us.push_back(micros(Clock::now() - start));
            start = Clock::now();
            const runtime::Run restored = runtime::Run::restore(bundle, blob);
            restore_us.push_back(micros(Clock::now() - start));
            blob_size = blob.size();
        }
        std::printf("bundle %s | %zu scenarios | load median %.1f ms (min %.1f, %d loads)\n", path,
                    bundle.scenarios.size(), percentile(load_ms, 0.5),
                    *std::min_element(load_ms.begin(), load_ms.end()), loads);
        std::printf("load split (medians): read %.1f ms | SHA-256 %.1f ms | deserialise %.1f ms | "
                    "link %.1f ms\n",
                    percentile(read_ms, 0.5), percentile(checksum_ms, 0.5),
                    percentile(deserialise_ms, 0.5), percentile(link_ms, 0.5));
        std::printf("scenario %s | %ld steps, %ld restarts | step median %.3f us, p99 %.3f us, "
                    "max %.1f us\n",
                    scenario.c_str(), steps, restarts, percentile(step_us, 0.5),
                    percentile(step_us, 0.99), percentile(step_us, 1.0));
        for (const model::Translation& translation : bundle.translations) {
            std::vector<double> copy_ms;
            for (int i = 0; i < loads; ++i) {
                const auto start = Clock::now();
                const model::Bundle copy = model::in_language(bundle, translation.language);
                copy_ms.push_back(micros(Clock::now() - start) / 1000.0);
            }
            std::printf("translation %s | %zu strings | in_language median %.2f ms (min %.2f)\n",
                        translation.language.c_str(), translation.texts.size(),
                        percentile(copy_ms, 0.5),
                        *std::min_element(copy_ms.begin(), copy_ms.end()));
        }
        std::printf("final run: %zu steps of history | save %.1f us, restore %.1f us (medians), "
                    "%zu-byte blob\n",
                    run->state().history.size(), percentile(save_us, 0.5),
                    percentile(restore_us, 0.5), blob_size);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_runtime: %s\n", e.what());
        return 2;
    }
    return 0;
}
