#include "ui/settings.hpp"

#include <doctest/doctest.h>

namespace sightline::test {

TEST_CASE("settings round-trip through JSON") {
    ui::Settings s;
    s.window_width = 1600;
    s.window_height = 900;
    s.theme = ui::Theme::HighContrast;
    s.text_scale = 175;
    const std::string json = ui::settings_json(s);
    CHECK(json.find("\"high-contrast\"") != std::string::npos);
    CHECK(ui::parse_settings(json) == s);
}

TEST_CASE("damaged or odd settings fall back to defaults, value by value") {
    const ui::Settings defaults;
    CHECK(ui::parse_settings("") == defaults);
    CHECK(ui::parse_settings("{not json") == defaults);
    CHECK(ui::parse_settings("[1, 2]") == defaults);
    CHECK(ui::parse_settings(R"({"theme": 3, "text_scale": "big"})") == defaults);
    const ui::Settings odd = ui::parse_settings(
        R"({"theme": "dark", "text_scale": 900, "window": {"width": -5, "height": 700}})");
    CHECK(odd.theme == ui::Theme::Dark);
    CHECK(odd.text_scale == ui::kMaxScale);
    CHECK(odd.window_width == defaults.window_width);
    CHECK(odd.window_height == 700);
    CHECK(ui::parse_settings(R"({"text_scale": 12})").text_scale == ui::kMinScale);
    CHECK(ui::parse_settings(R"({"text_scale": 1e300})").text_scale == defaults.text_scale);
}

TEST_CASE("text scale steps by 25% between 100% and 250%") {
    CHECK(ui::scale_up(100) == 125);
    CHECK(ui::scale_up(240) == 250);
    CHECK(ui::scale_up(250) == 250);
    CHECK(ui::scale_down(125) == 100);
    CHECK(ui::scale_down(130) == 125);
    CHECK(ui::scale_down(100) == 100);
    int s = 100;
    for (int i = 0; i < 10; ++i) {
        s = ui::scale_up(s);
    }
    CHECK(s == 250);
}

} // namespace sightline::test
