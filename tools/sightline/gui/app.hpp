// The desktop player's shell: a GLFW window with an OpenGL context, Dear
// ImGui's GLFW backend with our own OpenGL renderer, and the loop that feeds the views'
// intents to the controller (engine/ui). It waits for events (no timers, no
// busy loop), rebuilds the fonts when the text scale changes, keeps the
// settings file, and can render itself to a PNG.
#pragma once

#include "bundle/bundle.hpp"
#include "gui/options.hpp"
#include "gui/projector.hpp"
#include "process.hpp"
#include "records/store.hpp"
#include "ui/fonts.hpp"
#include "ui/player.hpp"
#include "ui/script.hpp"
#include "ui/settings.hpp"
#include "ui/views.hpp"

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

struct GLFWwindow;

namespace sightline::gui {

class Renderer;

inline constexpr int kExitNoDisplay = 77; // --screenshot without a display (ctest: skipped)

// Why the player could not start. `no_display`: no window could be opened
// (the caller falls back to the text player); otherwise a usage or I/O error.
class StartError : public std::runtime_error {
  public:
    StartError(bool no_display, const std::string& what)
        : std::runtime_error(what), no_display_(no_display) {}
    bool no_display() const { return no_display_; }

  private:
    bool no_display_;
};

// Where the last frame's time went, in milliseconds of process CPU time
// (Mesa's rendering threads included); for the benchmark.
struct FrameTimes {
    double build = 0;   // the views: NewFrame() to Render()
    double render = 0;  // the clear and the renderer's draw calls
    double present = 0; // glfwSwapBuffers
};

// Milliseconds spent in each start-up stage (for the benchmark).
struct StartTimes {
    double bundle = 0;
    double store = 0;
    double window = 0; // glfwInit, the window, the GL context and the backends
    double fonts = 0;
};

class App {
  public:
    // Loads the bundle, opens the records and the window. Throws StartError.
    App(const GuiOptions& options, const cli::Environment& env);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    // The interactive loop, until the window closes. Returns the exit code.
    int run();
    // Plays the script, renders a few frames and writes the PNG. Returns the exit code.
    int screenshot();

    // One frame: events already polled; draws, acts on the intent, presents.
    void frame(bool present = true);
    // Acts on an intent: display intents here, the rest in the controller.
    void apply(const ui::Intent& intent);
    // Presses a key for the next frame (released the frame after).
    void press(const ui::KeyPress& key);

    ui::Player& player() { return *player_; }
    GLFWwindow* window() { return window_; }
    const StartTimes& start_times() const { return times_; }
    const FrameTimes& frame_times() const { return frame_times_; }
    // Writes the back buffer of the last frame as a PNG; false with `error` on failure.
    bool write_png(const std::filesystem::path& path, std::string& error) const;

  private:
    void rebuild_fonts();
    void save_settings();
    // Opens or closes the projector window (a classroom session only).
    void toggle_projector();
    // Closes it when the session has ended or its window was closed, else draws it.
    void projector_frame(bool present);

    GuiOptions options_;
    const cli::Environment& env_;
    bool headless_ = false; // --screenshot: hidden window, fixed time step, no settings file
    bundle::LoadedBundle bundle_;
    std::unique_ptr<records::Store> store_;
    std::unique_ptr<ui::Player> player_;
    ui::Settings settings_;
    std::filesystem::path settings_path_;
    ui::FontData font_data_;
    std::vector<ImWchar> ranges_;
    ui::ViewContext view_;
    GLFWwindow* window_ = nullptr;
    std::unique_ptr<Renderer> renderer_;
    std::unique_ptr<ProjectorWindow> projector_; // the audience view on a second screen
    bool glfw_ready_ = false;
    bool imgui_ready_ = false;
    float content_scale_ = 1.0f;
    bool fonts_dirty_ = false;
    std::optional<ui::KeyPress> key_down_;
    std::optional<ui::KeyPress> key_up_;
    int dirty_frames_ = 0; // frames still to draw before waiting for events
    StartTimes times_;
    FrameTimes frame_times_;
};

} // namespace sightline::gui
