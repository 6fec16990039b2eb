#include "ui/settings.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace sightline::ui {

namespace {

constexpr int kMinWindow = 320;
constexpr int kMaxWindow = 16384;

int clamp_window(int size, int fallback) {
    return size >= kMinWindow && size <= kMaxWindow ? size : fallback;
}

} // namespace

int clamp_scale(int percent) {
    return std::clamp(percent, kMinScale, kMaxScale);
}

int scale_up(int percent) {
    return clamp_scale((clamp_scale(percent) / kScaleStep + 1) * kScaleStep);
}

int scale_down(int percent) {
    const int p = clamp_scale(percent);
    return clamp_scale(p % kScaleStep != 0 ? p / kScaleStep * kScaleStep : p - kScaleStep);
}

Settings parse_settings(std::string_view json) {
    Settings out;
    const nlohmann::json doc = nlohmann::json::parse(json, nullptr, false);
    if (!doc.is_object()) {
        return out;
    }
    const auto integer = [&](const nlohmann::json& obj, const char* key, int fallback) {
        const auto it = obj.find(key);
        if (it == obj.end() || !it->is_number_integer()) {
            return fallback;
        }
        const auto value = it->get<std::int64_t>();
        return value < -100000 || value > 100000 ? fallback : static_cast<int>(value);
    };
    if (const auto window = doc.find("window"); window != doc.end() && window->is_object()) {
        out.window_width = clamp_window(integer(*window, "width", out.window_width), 1280);
        out.window_height = clamp_window(integer(*window, "height", out.window_height), 800);
    }
    if (const auto theme = doc.find("theme"); theme != doc.end() && theme->is_string()) {
        out.theme = parse_theme(theme->get<std::string>()).value_or(out.theme);
    }
    out.text_scale = clamp_scale(integer(doc, "text_scale", out.text_scale));
    return out;
}

std::string settings_json(const Settings& settings) {
    const nlohmann::json doc = {
        {"window", {{"width", settings.window_width}, {"height", settings.window_height}}},
        {"theme", std::string(theme_name(settings.theme))},
        {"text_scale", settings.text_scale},
    };
    return doc.dump(2) + "\n";
}

} // namespace sightline::ui
