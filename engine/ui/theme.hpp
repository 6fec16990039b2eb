// The desktop player's looks: three themes (light, dark, high contrast) as
// palettes of named colours, and the ImGui style built from a palette at a text
// scale. Meaning never rests on colour alone: every coloured thing also has a
// word or an icon (see views.cpp).
#pragma once

#include <array>
#include <cstdint>
#include <imgui.h>
#include <optional>
#include <string_view>

namespace sightline::ui {

enum class Theme : std::uint8_t { Light, Dark, HighContrast };
inline constexpr std::array<Theme, 3> kThemes{Theme::Light, Theme::Dark, Theme::HighContrast};

std::string_view theme_name(Theme theme);  // "light", "dark", "high-contrast"
std::string_view theme_label(Theme theme); // "Light", "Dark", "High contrast"
std::optional<Theme> parse_theme(std::string_view name);

// Every colour the views use. Text colours are chosen against `background`
// and `panel`; tests check their contrast.
struct Palette {
    ImVec4 background; // the window
    ImVec4 panel;      // cards: feedback, content note, course entries
    ImVec4 text;       // body text
    ImVec4 muted;      // secondary text (still readable: >= 4.5:1, 7:1 in high contrast)
    ImVec4 heading;
    ImVec4 speaker; // a speaker's name in the story
    ImVec4 border;
    ImVec4 focus; // keyboard focus ring
    ImVec4 button;
    ImVec4 button_hovered;
    ImVec4 button_active;
    ImVec4 primary;      // the main action's button ("Continue")
    ImVec4 primary_text; // text on `primary`
    ImVec4 note;         // content-note card background
    ImVec4 note_text;
    ImVec4 chip;
    ImVec4 chip_text;
    ImVec4 bar;    // score bar fill
    ImVec4 bar_bg; // score bar track
    // Response tiers from the best to the worst; on `panel`.
    std::array<ImVec4, 4> tiers;
    float border_size = 1.0f; // unscaled
};

const Palette& palette(Theme theme);

// A fresh style for `theme` with every size scaled by `scale` (1.0 = 100%).
ImGuiStyle make_style(Theme theme, float scale);

// WCAG 2 relative luminance of an sRGB colour and the contrast ratio of two
// colours (1 to 21).
double relative_luminance(const ImVec4& colour);
double contrast_ratio(const ImVec4& a, const ImVec4& b);

// How a response tier is shown: its place among the tiers (0 best ... 3
// worst) picks the colour and the icon. Tiers are data, so a bundle with more
// or fewer than four tiers is spread over the four looks.
int tier_look(std::uint32_t rank, std::uint32_t tier_count);
const char* tier_icon(int look); // UTF-8: ✔ ✓ ⚠ ✖

} // namespace sightline::ui
