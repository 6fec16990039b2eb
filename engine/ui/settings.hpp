// The player's comfort settings, kept as JSON in the config directory
// (records::default_config_dir()/settings.json). Parsing never fails: a
// missing, unreadable or odd value falls back to its default, so a damaged
// file can never stop the player from starting.
#pragma once

#include "ui/theme.hpp"

#include <string>
#include <string_view>

namespace sightline::ui {

inline constexpr int kMinScale = 100; // text scale, percent
inline constexpr int kMaxScale = 250;
inline constexpr int kScaleStep = 25;

struct Settings {
    int window_width = 1280;
    int window_height = 800;
    Theme theme = Theme::Light;
    int text_scale = 100; // percent, kMinScale..kMaxScale

    friend bool operator==(const Settings&, const Settings&) = default;
};

// The next text scale up or down (clamped to the range).
int scale_up(int percent);
int scale_down(int percent);
int clamp_scale(int percent);

Settings parse_settings(std::string_view json);
std::string settings_json(const Settings& settings);

} // namespace sightline::ui
