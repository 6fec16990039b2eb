#include "headless.hpp"

#include "ui/theme.hpp"

#include <doctest/doctest.h>

#include <imgui_internal.h>

namespace sightline::test {

Headless::Headless(ImVec2 size, ui::Theme theme, int scale_percent, const std::string& glyph_text)
    : size_(size) {
    IMGUI_CHECKVERSION();
    imgui_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = size;
    io.DeltaTime = 1.0f / 60.0f;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ui::map_named_keys(io, context_.keys);
    const float scale = static_cast<float>(scale_percent) / 100.0f;
    font_data_ = ui::load_font_data(ui::default_font_dirs({}));
    REQUIRE_MESSAGE(font_data_.found(), "DejaVu Sans is missing (fonts-dejavu-core)");
    ranges_ = ui::glyph_ranges(glyph_text);
    context_.fonts = ui::build_fonts(*io.Fonts, font_data_, ranges_, scale);
    context_.theme = theme;
    ImGui::GetStyle() = ui::make_style(theme, scale);
}

Headless::~Headless() {
    ui::capture_text(nullptr);
    ImGui::DestroyContext(imgui_);
}

ui::Intent Headless::frame(ui::Screen& screen) {
    drawn_.clear();
    ui::capture_text(&drawn_);
    ImGui::NewFrame();
    ui::Intent intent = ui::draw(screen, context_);
    ImGui::Render();
    ui::capture_text(nullptr);
    record_windows();
    return intent;
}

void Headless::projector_frame(ui::Screen& screen) {
    drawn_.clear();
    ui::capture_text(&drawn_);
    ImGui::NewFrame();
    ui::draw_projector(screen, context_);
    ImGui::Render();
    ui::capture_text(nullptr);
    record_windows();
}

void Headless::record_windows() {
    windows_.clear();
    for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
        // ImGui's implicit "Debug##Default" window is begun every frame, drawn only when used.
        if (!w->Active || w->Hidden || std::string_view(w->Name) == "Debug##Default") {
            continue;
        }
        int depth = 0;
        for (const ImGuiWindow* p = w->ParentWindow; p != nullptr; p = p->ParentWindow) {
            ++depth;
        }
        windows_.push_back({w->Name, w->InnerClipRect.Min, w->InnerClipRect.Max, depth});
    }
}

ui::Intent Headless::frames(ui::Screen& screen, int n) {
    ui::Intent first;
    for (int i = 0; i < n; ++i) {
        ui::Intent intent = frame(screen);
        if (!first && intent) {
            first = std::move(intent);
        }
    }
    return first;
}

ui::Intent Headless::press(ui::Screen& screen, std::string_view key_name) {
    const auto key = ui::key_for_name(key_name, context_.keys);
    REQUIRE_MESSAGE(key.has_value(), "unknown key " << key_name);
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = key->ctrl;
    io.KeyShift = key->shift;
    io.KeysDown[key->key] = true;
    ui::Intent first = frame(screen);
    io.KeysDown[key->key] = false;
    io.KeyCtrl = false;
    io.KeyShift = false;
    ui::Intent second = frame(screen);
    return first ? first : second;
}

ui::Intent Headless::click(ui::Screen& screen, std::string_view text) {
    const ui::DrawnText* target = find(text);
    REQUIRE_MESSAGE(target != nullptr, "nothing drawn contains \"" << text << "\":\n" << dump());
    const ImVec2 at{(target->min.x + target->max.x) * 0.5f, (target->min.y + target->max.y) * 0.5f};
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = at;
    ui::Intent first = frame(screen);
    io.MouseDown[0] = true;
    ui::Intent second = frame(screen);
    io.MouseDown[0] = false;
    ui::Intent third = frame(screen);
    io.MousePos = {-FLT_MAX, -FLT_MAX};
    return first ? first : second ? second : third;
}

const ui::DrawnText* Headless::find(std::string_view text) const {
    for (const ui::DrawnText& d : drawn_) {
        if (d.text.find(text) != std::string::npos) {
            return &d;
        }
    }
    return nullptr;
}

std::string Headless::dump() const {
    std::string out;
    for (const ui::DrawnText& d : drawn_) {
        out += "  " + d.text + "\n";
    }
    return out;
}

} // namespace sightline::test
