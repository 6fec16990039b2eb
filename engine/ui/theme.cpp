#include "ui/theme.hpp"

#include "i18n/i18n.hpp"

#include <algorithm>
#include <cmath>

namespace sightline::ui {

namespace {

ImVec4 rgb(std::uint32_t hex, float alpha = 1.0f) {
    return {static_cast<float>((hex >> 16) & 0xFF) / 255.0f,
            static_cast<float>((hex >> 8) & 0xFF) / 255.0f, static_cast<float>(hex & 0xFF) / 255.0f,
            alpha};
}

const Palette kLight{
    .background = rgb(0xF6F5F2),
    .panel = rgb(0xFFFFFF),
    .text = rgb(0x1B1B1B),
    .muted = rgb(0x4A4A4A),
    .heading = rgb(0x10304F),
    .speaker = rgb(0x7A3E00),
    .border = rgb(0xB9B5AC),
    .focus = rgb(0xC2410C),
    .button = rgb(0xE3E9F2),
    .button_hovered = rgb(0xD0DCEC),
    .button_active = rgb(0xB9CCE5),
    .primary = rgb(0x1F5FA8),
    .primary_text = rgb(0xFFFFFF),
    .note = rgb(0xFFF4D6),
    .note_text = rgb(0x3D2E00),
    .chip = rgb(0xE4ECF7),
    .chip_text = rgb(0x13365E),
    .bar = rgb(0x1F5FA8),
    .bar_bg = rgb(0xDDD9D0),
    .tiers = {rgb(0x1B6E2A), rgb(0x2D5F9A), rgb(0x8A5A00), rgb(0xB00020)},
    .border_size = 1.0f,
};

const Palette kDark{
    .background = rgb(0x17191C),
    .panel = rgb(0x23272D),
    .text = rgb(0xECECEC),
    .muted = rgb(0xB8B8B8),
    .heading = rgb(0x9CC7FF),
    .speaker = rgb(0xF0B86E),
    .border = rgb(0x4A515B),
    .focus = rgb(0xFFD166),
    .button = rgb(0x2E3540),
    .button_hovered = rgb(0x3A4452),
    .button_active = rgb(0x4A5667),
    .primary = rgb(0x2F6DC0),
    .primary_text = rgb(0xFFFFFF),
    .note = rgb(0x3A3220),
    .note_text = rgb(0xF5E6C0),
    .chip = rgb(0x2C3B52),
    .chip_text = rgb(0xD6E6FF),
    .bar = rgb(0x5B9BEA),
    .bar_bg = rgb(0x363C45),
    .tiers = {rgb(0x6FD08C), rgb(0x8AB8FF), rgb(0xF2C14E), rgb(0xFF7A85)},
    .border_size = 1.0f,
};

const Palette kHighContrast{
    .background = rgb(0x000000),
    .panel = rgb(0x000000),
    .text = rgb(0xFFFFFF),
    .muted = rgb(0xE0E0E0),
    .heading = rgb(0xFFFF00),
    .speaker = rgb(0x00FFFF),
    .border = rgb(0xFFFFFF),
    .focus = rgb(0xFFFF00),
    .button = rgb(0x000000),
    .button_hovered = rgb(0x303030),
    .button_active = rgb(0x505050),
    .primary = rgb(0xFFFF00),
    .primary_text = rgb(0x000000),
    .note = rgb(0x000000),
    .note_text = rgb(0xFFFF00),
    .chip = rgb(0x000000),
    .chip_text = rgb(0xFFFFFF),
    .bar = rgb(0xFFFF00),
    .bar_bg = rgb(0x404040),
    .tiers = {rgb(0x00FF66), rgb(0x66CCFF), rgb(0xFFD700), rgb(0xFF6B6B)},
    .border_size = 2.0f,
};

double linear(float channel) {
    const double c = channel;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

} // namespace

std::string_view theme_name(Theme theme) {
    switch (theme) {
    case Theme::Light:
        return "light";
    case Theme::Dark:
        return "dark";
    case Theme::HighContrast:
        return "high-contrast";
    }
    return "light";
}

std::string_view theme_label(Theme theme) {
    switch (theme) {
    case Theme::Light:
        return i18n::tr("theme", "Light");
    case Theme::Dark:
        return i18n::tr("theme", "Dark");
    case Theme::HighContrast:
        return i18n::tr("theme", "High contrast");
    }
    return i18n::tr("theme", "Light");
}

std::optional<Theme> parse_theme(std::string_view name) {
    for (const Theme theme : kThemes) {
        if (name == theme_name(theme)) {
            return theme;
        }
    }
    return std::nullopt;
}

const Palette& palette(Theme theme) {
    switch (theme) {
    case Theme::Light:
        return kLight;
    case Theme::Dark:
        return kDark;
    case Theme::HighContrast:
        return kHighContrast;
    }
    return kLight;
}

ImGuiStyle make_style(Theme theme, float scale) {
    const Palette& p = palette(theme);
    ImGuiStyle style; // a fresh style: ScaleAllSizes must not compound
    style.WindowPadding = {16, 12};
    style.FramePadding = {10, 6};
    style.ItemSpacing = {10, 8};
    style.ItemInnerSpacing = {8, 6};
    style.IndentSpacing = 22;
    style.ScrollbarSize = 16;
    style.GrabMinSize = 12;
    style.WindowRounding = 0;
    style.ChildRounding = 6;
    style.FrameRounding = 6;
    style.PopupRounding = 6;
    style.ScrollbarRounding = 8;
    style.GrabRounding = 6;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = p.border_size;
    style.FrameBorderSize = p.border_size;
    style.PopupBorderSize = p.border_size;

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = p.text;
    c[ImGuiCol_TextDisabled] = p.muted;
    c[ImGuiCol_WindowBg] = p.background;
    c[ImGuiCol_ChildBg] = {0, 0, 0, 0};
    c[ImGuiCol_PopupBg] = p.panel;
    c[ImGuiCol_Border] = p.border;
    c[ImGuiCol_BorderShadow] = {0, 0, 0, 0};
    c[ImGuiCol_FrameBg] = p.panel;
    c[ImGuiCol_FrameBgHovered] = p.button_hovered;
    c[ImGuiCol_FrameBgActive] = p.button_active;
    c[ImGuiCol_TitleBg] = p.background;
    c[ImGuiCol_TitleBgActive] = p.background;
    c[ImGuiCol_TitleBgCollapsed] = p.background;
    c[ImGuiCol_MenuBarBg] = p.panel;
    c[ImGuiCol_ScrollbarBg] = p.background;
    c[ImGuiCol_ScrollbarGrab] = p.border;
    c[ImGuiCol_ScrollbarGrabHovered] = p.muted;
    c[ImGuiCol_ScrollbarGrabActive] = p.text;
    c[ImGuiCol_CheckMark] = p.text;
    c[ImGuiCol_SliderGrab] = p.primary;
    c[ImGuiCol_SliderGrabActive] = p.primary;
    c[ImGuiCol_Button] = p.button;
    c[ImGuiCol_ButtonHovered] = p.button_hovered;
    c[ImGuiCol_ButtonActive] = p.button_active;
    c[ImGuiCol_Header] = p.button;
    c[ImGuiCol_HeaderHovered] = p.button_hovered;
    c[ImGuiCol_HeaderActive] = p.button_active;
    c[ImGuiCol_Separator] = p.border;
    c[ImGuiCol_SeparatorHovered] = p.border;
    c[ImGuiCol_SeparatorActive] = p.border;
    c[ImGuiCol_ResizeGrip] = {0, 0, 0, 0};
    c[ImGuiCol_ResizeGripHovered] = {0, 0, 0, 0};
    c[ImGuiCol_ResizeGripActive] = {0, 0, 0, 0};
    c[ImGuiCol_Tab] = p.button;
    c[ImGuiCol_TabHovered] = p.button_hovered;
    c[ImGuiCol_TabActive] = p.button_active;
    c[ImGuiCol_TabUnfocused] = p.button;
    c[ImGuiCol_TabUnfocusedActive] = p.button_active;
    c[ImGuiCol_PlotLines] = p.bar;
    c[ImGuiCol_PlotLinesHovered] = p.bar;
    c[ImGuiCol_PlotHistogram] = p.bar;
    c[ImGuiCol_PlotHistogramHovered] = p.bar;
    c[ImGuiCol_TableHeaderBg] = p.panel;
    c[ImGuiCol_TableBorderStrong] = p.border;
    c[ImGuiCol_TableBorderLight] = p.border;
    c[ImGuiCol_TableRowBg] = {0, 0, 0, 0};
    c[ImGuiCol_TableRowBgAlt] = {0, 0, 0, 0};
    c[ImGuiCol_TextSelectedBg] = p.button_active;
    c[ImGuiCol_DragDropTarget] = p.focus;
    c[ImGuiCol_NavHighlight] = p.focus;
    c[ImGuiCol_NavWindowingHighlight] = p.focus;
    c[ImGuiCol_NavWindowingDimBg] = {0, 0, 0, 0.5f};
    c[ImGuiCol_ModalWindowDimBg] = {0, 0, 0, 0.5f};

    style.ScaleAllSizes(scale);
    // Borders stay crisp: at least one pixel, thicker when the text is larger.
    const float border = std::max(1.0f, std::round(p.border_size * scale));
    style.ChildBorderSize = border;
    style.FrameBorderSize = border;
    style.PopupBorderSize = border;
    return style;
}

double relative_luminance(const ImVec4& colour) {
    return 0.2126 * linear(colour.x) + 0.7152 * linear(colour.y) + 0.0722 * linear(colour.z);
}

double contrast_ratio(const ImVec4& a, const ImVec4& b) {
    const double la = relative_luminance(a);
    const double lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

int tier_look(std::uint32_t rank, std::uint32_t tier_count) {
    if (tier_count <= 1 || rank == 0) {
        return 0;
    }
    if (rank >= tier_count - 1) {
        return 3;
    }
    // Spread the middle tiers over "acceptable" and "poor".
    return 1 + static_cast<int>((rank - 1) * 2 / (tier_count - 2));
}

const char* tier_icon(int look) {
    switch (look) {
    case 0:
        return "\u2714"; // heavy check mark
    case 1:
        return "\u2713"; // check mark
    case 2:
        return "\u26A0"; // warning sign
    default:
        return "\u2716"; // heavy multiplication x
    }
}

} // namespace sightline::ui
