// The player's fonts: DejaVu Sans (regular and bold) from Debian's
// fonts-dejavu-core (a package dependency, not bundled: assets/README.md), with
// glyph ranges built from the text the bundle actually uses, so curly quotes,
// ñ, é, ¿, ¡ and the em dash render instead of '?'.
#pragma once

#include "model/model.hpp"

#include <cstdint>
#include <filesystem>
#include <imgui.h>
#include <string>
#include <vector>

namespace sightline::ui {

// Every string a learner can see in `bundle`, concatenated (for glyph ranges).
std::string bundle_text(const model::Bundle& bundle);

// The characters the views draw themselves (icons, arrows, dashes).
extern const char* const kInterfaceSymbols;

// Latin-1 plus every character of `text` and kInterfaceSymbols, as ImGui
// glyph ranges (pairs, zero-terminated). Characters above U+FFFF are dropped:
// Debian's imgui uses 16-bit ImWchar.
std::vector<ImWchar> glyph_ranges(const std::string& text);

// The TTF files, read once and kept for rebuilding the atlas at other scales.
struct FontData {
    std::filesystem::path regular_path;
    std::vector<std::uint8_t> regular;
    std::vector<std::uint8_t> bold; // may be empty: the regular face is used
    bool found() const { return !regular.empty(); }
};

// Where DejaVu Sans is looked for: <executable>/../share/fonts/truetype/dejavu
// (the program's own prefix), then /usr/share/fonts/truetype/dejavu.
std::vector<std::filesystem::path> default_font_dirs(const std::filesystem::path& executable);
// Searches `dirs` in order for DejaVuSans.ttf (and DejaVuSans-Bold.ttf).
FontData load_font_data(const std::vector<std::filesystem::path>& dirs);

struct Fonts {
    ImFont* body = nullptr;
    ImFont* bold = nullptr;
    ImFont* heading = nullptr;
    ImFont* title = nullptr; // the screen's title, largest
};

inline constexpr float kBodyPixels = 18.0f; // at 100%

// Clears `atlas`, adds the faces at `scale` and builds it. Without font data
// it falls back to ImGui's built-in font (ASCII only). `data` and `ranges`
// must outlive the atlas's use of them (until the next call).
Fonts build_fonts(ImFontAtlas& atlas, const FontData& data, const std::vector<ImWchar>& ranges,
                  float scale);

} // namespace sightline::ui
