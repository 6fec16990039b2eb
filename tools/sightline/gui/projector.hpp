// The projector window: a classroom's audience view in a second GLFW window,
// for a second monitor, while the main window keeps the presenter view
// (Debian's Dear ImGui 1.86 has no multi-viewport). It has its own OpenGL
// context, ImGui context, font atlas and renderer, and takes no input of its
// own: its keys go to the main window's ImGui context, so a presentation
// remote works whichever of the two windows has the focus.
#pragma once

#include "ui/fonts.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/views.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

struct GLFWwindow;
struct ImGuiContext;

namespace sightline::gui {

class Renderer;

class ProjectorWindow {
  public:
    // Full screen on the second monitor when there is one (the first that is
    // not the primary), else an ordinary window the facilitator can move.
    // `fonts` and `ranges` must outlive the window. Throws std::runtime_error
    // when the window cannot be opened. The main window's GL and ImGui
    // contexts are current again on return, as after every call.
    ProjectorWindow(const ui::FontData& fonts, const std::vector<ImWchar>& ranges, bool hidden);
    ~ProjectorWindow();
    ProjectorWindow(const ProjectorWindow&) = delete;
    ProjectorWindow& operator=(const ProjectorWindow&) = delete;

    // The theme and text size follow the main window's settings.
    void restyle(ui::Theme theme, int text_scale);
    // Draws the audience view of `screen` and, with `present`, shows it.
    void frame(ui::Screen& screen, bool present = true);
    // The facilitator closed it (its close button, or Alt+F4 on it).
    bool close_requested() const;
    bool full_screen() const { return full_screen_; }
    // A key event on this window, through the callback GLFW holds for it, as
    // a presentation remote's key reaches it when it has the focus (scripts).
    void send_key(int key, bool down) const;
    // Writes the last frame's back buffer as a PNG (screenshots, tests).
    bool write_png(const std::filesystem::path& path, std::string& error) const;

  private:
    // Makes this window's GL and ImGui contexts current for its lifetime, and
    // the previous ones current again after.
    class Current;

    void rebuild_fonts();

    const ui::FontData& font_data_;
    const std::vector<ImWchar>& ranges_;
    GLFWwindow* window_ = nullptr;
    ImGuiContext* imgui_ = nullptr;
    std::unique_ptr<Renderer> renderer_;
    ui::ViewContext view_;
    ui::Theme theme_ = ui::Theme::Light;
    int text_scale_ = 100;
    float content_scale_ = 1.0f;
    bool full_screen_ = false;
};

} // namespace sightline::gui
