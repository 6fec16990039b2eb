// Desktop player benchmark (run it under Xvfb with Mesa llvmpipe):
//   xvfb-run -a -s "-screen 0 1920x1080x24" env LIBGL_ALWAYS_SOFTWARE=1
//       bench_gui [--frames N] [BUNDLE]
// 1. Cold start to first frame: from main() to the first frame on screen
//    (bundle load, records, window and GL context, fonts, one frame, glFinish).
// 2. CPU time per frame on a scenario screen (the story and four choices) at
//    1920x1080: process CPU time, so Mesa's rendering threads count too.
// 3. Idle CPU over 10 s in the real event loop (glfwWaitEvents) with nothing
//    happening. Records and settings go to a scratch directory.
// Prints figures only; nothing is asserted. The measured frames run in
// measure_frames(), so callgrind can count their instructions alone, a figure
// that does not move with a virtual machine's noise (see BENCHMARKS.md):
//   valgrind --tool=callgrind --toggle-collect='*measure_frames*' bench_gui --frames 20
#include "gui/app.hpp"
#include "process.hpp"
#include "tools/common/command_line.hpp"
#include "ui/screens.hpp"

#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using namespace sightline;

double cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

double ms(Clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    return values[static_cast<std::size_t>(p * static_cast<double>(values.size() - 1))];
}

ui::Intent intent(ui::IntentKind kind, std::string id = {}) {
    ui::Intent i;
    i.kind = kind;
    i.id = std::move(id);
    return i;
}

struct FrameSamples {
    std::vector<double> cpu;
    std::vector<double> wall;
    std::vector<double> build;
    std::vector<double> render;
    std::vector<double> present;
};

// Each frame drawn, rendered and finished. Not inlined: callgrind's
// --toggle-collect finds it by name.
[[gnu::noinline]] FrameSamples measure_frames(gui::App& app, int frames) {
    FrameSamples s;
    for (int i = 0; i < frames; ++i) {
        const double c0 = cpu_ms();
        const Clock::time_point w0 = Clock::now();
        glfwPollEvents();
        app.frame();
        glFinish();
        s.cpu.push_back(cpu_ms() - c0);
        s.wall.push_back(ms(Clock::now() - w0));
        s.build.push_back(app.frame_times().build);
        s.render.push_back(app.frame_times().render);
        s.present.push_back(app.frame_times().present);
    }
    return s;
}

} // namespace

int main(int argc, char** argv) {
    const Clock::time_point start = Clock::now();
    const double cpu_start = cpu_ms();
    const std::filesystem::path scratch = std::filesystem::temp_directory_path() /
                                          ("sightline-bench-gui-" + std::to_string(::getpid()));
    std::filesystem::remove_all(scratch);
    ::setenv("SIGHTLINE_DATA_DIR", (scratch / "data").c_str(), 1);
    ::setenv("SIGHTLINE_CONFIG_DIR", (scratch / "config").c_str(), 1);

    gui::GuiOptions options;
    options.width = 1920;
    options.height = 1080;
    int frames = 1000;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--frames" && i + 1 < argc) {
            frames = std::max(1, std::atoi(argv[++i]));
        } else {
            options.bundle = arg;
        }
    }
    const cli::Environment env{
        std::cin,  std::cout,
        std::cerr, command_line::executable_path(argc > 0 ? argv[0] : nullptr, "bench_gui"),
        false,     0};
    int code = 0;
    try {
        gui::App app(options, env);
        glfwPollEvents();
        app.frame();
        glFinish();
        const double first_frame = ms(Clock::now() - start);
        const double first_frame_cpu = cpu_ms() - cpu_start;
        const gui::StartTimes& t = app.start_times();
        std::printf("cold start to first frame: %.1f ms wall, %.1f ms CPU\n", first_frame,
                    first_frame_cpu);
        std::printf("  bundle %.1f ms, records %.1f ms, window+GL %.1f ms, fonts %.1f ms\n",
                    t.bundle, t.store, t.window, t.fonts);
        std::printf("  GL renderer: %s\n", reinterpret_cast<const char*>(glGetString(GL_RENDERER)));

        // The scenario screen: the first decision of the hotel course.
        ui::Intent learner;
        learner.kind = ui::IntentKind::CreateLearner;
        learner.learner.name = "Bench";
        app.apply(learner);
        app.apply(intent(ui::IntentKind::OpenCourse, "hotel"));
        app.apply(intent(ui::IntentKind::StartScenario, "hotel.room-214"));
        app.apply(intent(ui::IntentKind::Begin));
        for (int i = 0; i < 10; ++i) { // warm up
            glfwPollEvents();
            app.frame();
        }
        glFinish();
        const FrameSamples s = measure_frames(app, frames);
        int fb_w = 0;
        int fb_h = 0;
        glfwGetFramebufferSize(app.window(), &fb_w, &fb_h);
        std::printf("scenario screen at %dx%d, %d frames (each drawn, rendered and finished):\n",
                    fb_w, fb_h, frames);
        std::printf("  CPU per frame: median %.2f ms, p95 %.2f ms, max %.2f ms\n",
                    percentile(s.cpu, 0.5), percentile(s.cpu, 0.95), percentile(s.cpu, 1.0));
        std::printf("  wall per frame: median %.2f ms, p95 %.2f ms\n", percentile(s.wall, 0.5),
                    percentile(s.wall, 0.95));
        std::printf("  CPU medians: views (ImGui NewFrame..Render) %.2f ms, OpenGL draw %.2f ms, "
                    "swap %.2f ms, the rest (events, glFinish) %.2f ms\n",
                    percentile(s.build, 0.5), percentile(s.render, 0.5), percentile(s.present, 0.5),
                    percentile(s.cpu, 0.5) - percentile(s.build, 0.5) - percentile(s.render, 0.5) -
                        percentile(s.present, 0.5));

        // Idle: the real loop, waiting for events that never come.
        std::atomic<double> idle_cpu{0};
        std::thread watcher([&] {
            std::this_thread::sleep_for(std::chrono::seconds(1)); // let the loop settle
            const double c0 = cpu_ms();
            const Clock::time_point w0 = Clock::now();
            std::this_thread::sleep_for(std::chrono::seconds(10));
            idle_cpu = (cpu_ms() - c0) / ms(Clock::now() - w0) * 100.0;
            glfwSetWindowShouldClose(app.window(), GLFW_TRUE);
            glfwPostEmptyEvent();
        });
        app.run();
        watcher.join();
        std::printf("idle over 10 s in the event loop: %.3f%% of one core\n", idle_cpu.load());
    } catch (const gui::StartError& e) {
        std::fprintf(stderr, "bench_gui: %s\n", e.what());
        code = e.no_display() ? 77 : 2;
    }
    std::error_code ignored;
    std::filesystem::remove_all(scratch, ignored);
    return code;
}
