#include "ui/theme.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace sightline::test {

namespace {

struct Pair {
    const char* what;
    ImVec4 fg;
    ImVec4 bg;
};

std::vector<Pair> text_pairs(const ui::Palette& p) {
    std::vector<Pair> pairs = {
        {"body text on the window", p.text, p.background},
        {"body text on a card", p.text, p.panel},
        {"body text on a button", p.text, p.button},
        {"body text on a hovered button", p.text, p.button_hovered},
        {"secondary text on the window", p.muted, p.background},
        {"secondary text on a card", p.muted, p.panel},
        {"headings", p.heading, p.background},
        {"speaker names", p.speaker, p.background},
        {"content note", p.note_text, p.note},
        {"indicator chips", p.chip_text, p.chip},
        {"primary button", p.primary_text, p.primary},
    };
    for (std::size_t i = 0; i < p.tiers.size(); ++i) {
        pairs.push_back({"tier colour on a card", p.tiers[i], p.panel});
    }
    return pairs;
}

} // namespace

TEST_CASE("contrast ratio follows WCAG 2") {
    CHECK(ui::contrast_ratio({0, 0, 0, 1}, {1, 1, 1, 1}) == doctest::Approx(21.0));
    CHECK(ui::contrast_ratio({1, 1, 1, 1}, {1, 1, 1, 1}) == doctest::Approx(1.0));
    // #767676 on white is the well-known 4.54:1.
    const float g = 0x76 / 255.0f;
    CHECK(ui::contrast_ratio({g, g, g, 1}, {1, 1, 1, 1}) == doctest::Approx(4.54).epsilon(0.01));
}

TEST_CASE("high contrast: every text colour reaches 7:1 on what it is drawn on") {
    const ui::Palette& p = ui::palette(ui::Theme::HighContrast);
    for (const Pair& pair : text_pairs(p)) {
        CAPTURE(pair.what);
        CHECK(ui::contrast_ratio(pair.fg, pair.bg) >= 7.0);
    }
    CHECK(ui::contrast_ratio(p.text, p.background) >= 20.0); // white on black
}

TEST_CASE("light and dark: every text colour reaches 4.5:1, body text 7:1") {
    for (const ui::Theme theme : {ui::Theme::Light, ui::Theme::Dark}) {
        CAPTURE(ui::theme_name(theme));
        const ui::Palette& p = ui::palette(theme);
        for (const Pair& pair : text_pairs(p)) {
            CAPTURE(pair.what);
            CHECK(ui::contrast_ratio(pair.fg, pair.bg) >= 4.5);
        }
        CHECK(ui::contrast_ratio(p.text, p.background) >= 7.0);
        CHECK(ui::contrast_ratio(p.text, p.panel) >= 7.0);
    }
}

TEST_CASE("the focus ring stands out from the window in every theme") {
    for (const ui::Theme theme : ui::kThemes) {
        const ui::Palette& p = ui::palette(theme);
        CHECK(ui::contrast_ratio(p.focus, p.background) >= 3.0);
    }
}

TEST_CASE("theme names round-trip, unknown names are refused") {
    for (const ui::Theme theme : ui::kThemes) {
        CHECK(ui::parse_theme(ui::theme_name(theme)) == theme);
    }
    CHECK_FALSE(ui::parse_theme("solarized").has_value());
    CHECK_FALSE(ui::parse_theme("").has_value());
}

TEST_CASE("styles scale every size but keep the colours") {
    const ImGuiStyle normal = ui::make_style(ui::Theme::Dark, 1.0f);
    const ImGuiStyle large = ui::make_style(ui::Theme::Dark, 2.5f);
    CHECK(large.FramePadding.x == doctest::Approx(normal.FramePadding.x * 2.5f));
    CHECK(large.ScrollbarSize == doctest::Approx(normal.ScrollbarSize * 2.5f));
    CHECK(large.Colors[ImGuiCol_Text].x == normal.Colors[ImGuiCol_Text].x);
    CHECK(ui::make_style(ui::Theme::HighContrast, 1.0f).FrameBorderSize >= 2.0f);
}

TEST_CASE("tiers map to four looks, best and worst at the ends, each with its own icon") {
    CHECK(ui::tier_look(0, 4) == 0);
    CHECK(ui::tier_look(1, 4) == 1);
    CHECK(ui::tier_look(2, 4) == 2);
    CHECK(ui::tier_look(3, 4) == 3);
    CHECK(ui::tier_look(1, 2) == 3);
    CHECK(ui::tier_look(0, 1) == 0);
    CHECK(ui::tier_look(2, 3) == 3);
    CHECK(ui::tier_look(1, 3) == 1);
    CHECK(ui::tier_look(9, 4) == 3);
    const std::string icons[] = {ui::tier_icon(0), ui::tier_icon(1), ui::tier_icon(2),
                                 ui::tier_icon(3)};
    for (int a = 0; a < 4; ++a) {
        for (int b = a + 1; b < 4; ++b) {
            CHECK(icons[a] != icons[b]);
        }
    }
}

} // namespace sightline::test
