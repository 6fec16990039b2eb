// A Dear ImGui context without a renderer, for testing the views: the display
// size is set, the font atlas is built (DejaVu Sans, as the player uses), and
// frames run with synthetic keys and clicks through imgui 1.86's input API.
#pragma once

#include "ui/fonts.hpp"
#include "ui/keys.hpp"
#include "ui/screens.hpp"
#include "ui/views.hpp"

#include <imgui.h>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::test {

// A window's visible rect (ImGui's InnerClipRect) after a frame.
struct VisibleWindow {
    std::string name;
    ImVec2 min;
    ImVec2 max;
    int depth = 0; // 0 for a top-level window, 1 for its child or popup, ...
};

class Headless {
  public:
    explicit Headless(ImVec2 size = {1280, 800}, ui::Theme theme = ui::Theme::Light,
                      int scale_percent = 100, const std::string& glyph_text = {});
    ~Headless();
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;

    // One frame of `screen`; returns its intent. Text drawn in the frame is in drawn().
    ui::Intent frame(ui::Screen& screen);
    // One frame of the projector window (ui::draw_projector) of `screen`.
    void projector_frame(ui::Screen& screen);
    // Runs `n` frames; returns the first intent any of them gave.
    ui::Intent frames(ui::Screen& screen, int n);
    // A key pressed for one frame and released the next; returns the first intent.
    ui::Intent press(ui::Screen& screen, std::string_view key_name);
    // A click in the middle of the first drawn text containing `text` (run a
    // frame first so it has been drawn); returns the first intent.
    ui::Intent click(ui::Screen& screen, std::string_view text);

    const std::vector<ui::DrawnText>& drawn() const { return drawn_; }
    // The windows the last frame drew, with what of each is visible.
    const std::vector<VisibleWindow>& windows() const { return windows_; }
    const ui::DrawnText* find(std::string_view text) const; // first containing `text`
    bool shows(std::string_view text) const { return find(text) != nullptr; }
    // Every drawn text, one per line (for failure messages).
    std::string dump() const;

    const ui::ViewContext& context() const { return context_; }
    ImVec2 size() const { return size_; }

  private:
    ImGuiContext* imgui_ = nullptr;
    ImVec2 size_;
    ui::FontData font_data_;
    std::vector<ImWchar> ranges_;
    ui::ViewContext context_;
    std::vector<ui::DrawnText> drawn_;
    std::vector<VisibleWindow> windows_;
    void record_windows();
};

} // namespace sightline::test
