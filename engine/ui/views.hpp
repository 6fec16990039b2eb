// The desktop player's screens. draw() lays out one frame of `screen` with
// Dear ImGui and returns what the learner asked for (at most one intent per
// frame). It touches nothing but ImGui and the screen state: form fields and a
// knowledge check's picks are edited in place, everything else is an intent.
#pragma once

#include "ui/fonts.hpp"
#include "ui/keys.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"

#include <imgui.h>
#include <string>
#include <vector>

namespace sightline::ui {

struct ViewContext {
    Fonts fonts;
    Theme theme = Theme::Light;
    KeyCodes keys;
};

// Draws one frame between ImGui::NewFrame() and ImGui::Render().
Intent draw(Screen& screen, const ViewContext& context);

// The projector window's frame (in its own ImGui context): the classroom's
// audience view alone, in large type, with no controls. Its keys reach the
// main window's context, where draw() acts on them.
void draw_projector(Screen& screen, const ViewContext& context);

// Whether draw() enlarges the font atlas's glyphs for this screen (the
// projector's audience view); everywhere else glyphs are drawn pixel for
// pixel, so a renderer may sample the atlas without filtering.
bool scales_glyphs(const Screen& screen);
// Whether the main window shows the classroom's audience view.
bool shows_audience(const Screen& screen);

// For tests: every piece of text the views draw, with its colour and font.
struct DrawnText {
    std::string text;
    ImVec4 colour;
    const ImFont* font = nullptr;
    ImVec2 min; // the item it belongs to, in screen coordinates (clicks go to its middle)
    ImVec2 max;
};
// Starts (or with nullptr stops) collecting drawn text into `sink`.
void capture_text(std::vector<DrawnText>* sink);

} // namespace sightline::ui
