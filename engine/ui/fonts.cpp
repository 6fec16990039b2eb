#include "ui/fonts.hpp"

#include <cmath>
#include <fstream>
#include <iterator>

namespace sightline::ui {

namespace {

void add(std::string& out, const std::string& s) {
    out += s;
    out += '\n';
}

void add_expr_free_text(std::string& out, const model::Node& node) {
    for (const model::Paragraph& p : node.body) {
        add(out, p.speaker);
        add(out, p.text);
    }
    for (const model::Choice& c : node.choices) {
        add(out, c.text);
        add(out, c.feedback);
    }
    add(out, node.check.prompt);
    for (const model::CheckOption& o : node.check.options) {
        add(out, o.text);
        add(out, o.feedback);
    }
    add(out, node.debrief);
}

std::vector<std::uint8_t> read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return {};
    }
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

ImFont* add_face(ImFontAtlas& atlas, const std::vector<std::uint8_t>& ttf, float pixels,
                 const std::vector<ImWchar>& ranges) {
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false; // FontData keeps the bytes for the next rebuild
    config.OversampleH = 2;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    // ImGui takes a non-const pointer but never writes through it when it does not own the data.
    void* bytes = const_cast<std::uint8_t*>(ttf.data());
    return atlas.AddFontFromMemoryTTF(bytes, static_cast<int>(ttf.size()), pixels, &config,
                                      ranges.data());
}

} // namespace

const char* const kInterfaceSymbols =
    "\u2714\u2713\u26A0\u2716" // tier icons
    "\u2190\u2192\u2022\u00B7\u2026\u2014\u2013\u2212\u25CF\u25CB\u25D0\u25C7\u2610\u2611\u260E"
    "\u201C\u201D\u2018\u2019"
    "\u2605\u25B6"; // classroom: the best choice, the selected one

std::string bundle_text(const model::Bundle& bundle) {
    std::string out;
    for (const model::Role& r : bundle.roles) {
        add(out, r.name);
    }
    for (const model::Dimension& d : bundle.dimensions) {
        add(out, d.name);
    }
    for (const model::Tier& t : bundle.tiers) {
        add(out, t.name);
    }
    for (const model::Outcome& o : bundle.outcomes) {
        add(out, o.name);
    }
    for (const model::Indicator& i : bundle.indicators) {
        add(out, i.name);
        add(out, i.category);
        add(out, i.description);
    }
    for (const model::Course& c : bundle.courses) {
        add(out, c.title);
        add(out, c.description);
        add(out, c.approval);
        for (const std::string& t : c.topics) {
            add(out, t);
        }
    }
    for (const model::Scenario& s : bundle.scenarios) {
        add(out, s.title);
        add(out, s.content_note);
        add(out, s.response);
        add(out, s.report);
        for (const std::string& o : s.objectives) {
            add(out, o);
        }
        for (const model::Node& n : s.nodes) {
            add_expr_free_text(out, n);
        }
    }
    return out;
}

std::vector<ImWchar> glyph_ranges(const std::string& text) {
    ImFontGlyphRangesBuilder builder;
    static const ImWchar latin1[] = {0x0020, 0x00FF, 0}; // ImFontAtlas::GetGlyphRangesDefault()
    builder.AddRanges(latin1);
    builder.AddText(kInterfaceSymbols);
    builder.AddText(text.data(), text.data() + text.size());
    ImVector<ImWchar> built;
    builder.BuildRanges(&built);
    return {built.begin(), built.end()};
}

std::vector<std::filesystem::path> default_font_dirs(const std::filesystem::path& executable) {
    // The fonts are not bundled (assets/README.md): the package depends on
    // Debian's fonts-dejavu-core. First the program's own prefix, in the same
    // layout (<prefix>/bin/sightline, <prefix>/share/fonts/truetype/dejavu),
    // then the system's.
    const std::filesystem::path dejavu = std::filesystem::path("fonts") / "truetype" / "dejavu";
    std::vector<std::filesystem::path> dirs;
    if (!executable.empty()) {
        dirs.push_back((executable.parent_path() / ".." / "share" / dejavu).lexically_normal());
    }
    const std::filesystem::path system = std::filesystem::path("/usr/share") / dejavu;
    if (dirs.empty() || dirs.front() != system) {
        dirs.push_back(system);
    }
    return dirs;
}

FontData load_font_data(const std::vector<std::filesystem::path>& dirs) {
    FontData data;
    for (const std::filesystem::path& dir : dirs) {
        std::vector<std::uint8_t> regular = read_file(dir / "DejaVuSans.ttf");
        if (regular.empty()) {
            continue;
        }
        data.regular_path = dir / "DejaVuSans.ttf";
        data.regular = std::move(regular);
        data.bold = read_file(dir / "DejaVuSans-Bold.ttf");
        break;
    }
    return data;
}

Fonts build_fonts(ImFontAtlas& atlas, const FontData& data, const std::vector<ImWchar>& ranges,
                  float scale) {
    atlas.Clear();
    Fonts fonts;
    const float body = std::round(kBodyPixels * scale);
    const float heading = std::round(24.0f * scale);
    const float title = std::round(30.0f * scale);
    if (data.found() && !ranges.empty()) {
        const std::vector<std::uint8_t>& bold = data.bold.empty() ? data.regular : data.bold;
        fonts.body = add_face(atlas, data.regular, body, ranges);
        fonts.bold = add_face(atlas, bold, body, ranges);
        fonts.heading = add_face(atlas, bold, heading, ranges);
        fonts.title = add_face(atlas, bold, title, ranges);
    }
    if (fonts.body == nullptr || fonts.bold == nullptr || fonts.heading == nullptr ||
        fonts.title == nullptr) {
        atlas.Clear();
        ImFontConfig config;
        config.SizePixels = body;
        fonts.body = atlas.AddFontDefault(&config);
        fonts.bold = fonts.body;
        fonts.heading = fonts.body;
        fonts.title = fonts.body;
    }
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    atlas.GetTexDataAsRGBA32(&pixels, &width, &height); // builds the atlas
    return fonts;
}

} // namespace sightline::ui
