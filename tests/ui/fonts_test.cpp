#include "headless.hpp"
#include "ui/fonts.hpp"

#include <doctest/doctest.h>

#include <imgui_internal.h>

namespace sightline::test {

namespace {

// "“¿Qué haría?” — Señor ¡Hola! ’…"
const char* const kSpanish = "\u201C\u00BFQu\u00E9 har\u00EDa?\u201D \u2014 Se\u00F1or "
                             "\u00A1Hola! \u2019\u2026";

std::vector<unsigned> codepoints(const char* utf8) {
    std::vector<unsigned> out;
    const char* p = utf8;
    while (*p != '\0') {
        unsigned c = 0;
        p += ImTextCharFromUtf8(&c, p, nullptr);
        out.push_back(c);
    }
    return out;
}

} // namespace

TEST_CASE("the bundle's text is gathered from everything a learner can read") {
    model::Bundle bundle;
    model::Scenario s;
    s.title = "T\u00EDtulo";
    model::Node n;
    n.body.push_back({"Se\u00F1ora", "\u00BFD\u00F3nde?", {}});
    model::Choice c;
    c.text = "\u201CYes\u201D";
    c.feedback = "Good \u2014 well done";
    n.choices.push_back(c);
    s.nodes.push_back(n);
    bundle.scenarios.push_back(s);
    model::Indicator i;
    i.description = "\u00A1Ojo!";
    bundle.indicators.push_back(i);
    const std::string text = ui::bundle_text(bundle);
    for (const char* piece : {"T\u00EDtulo", "Se\u00F1ora", "\u00BFD\u00F3nde?", "\u201CYes\u201D",
                              "\u2014 well", "\u00A1Ojo!"}) {
        CHECK(text.find(piece) != std::string::npos);
    }
}

TEST_CASE("glyph ranges built from the text cover curly quotes, accents, ¿ ¡ and the em dash") {
    const std::vector<ImWchar> ranges = ui::glyph_ranges(kSpanish);
    REQUIRE(ranges.size() % 2 == 1);
    CHECK(ranges.back() == 0);
    const auto covered = [&](unsigned c) {
        for (std::size_t i = 0; i + 1 < ranges.size(); i += 2) {
            if (c >= ranges[i] && c <= ranges[i + 1]) {
                return true;
            }
        }
        return false;
    };
    for (const unsigned c : codepoints(kSpanish)) {
        CAPTURE(c);
        CHECK(covered(c));
    }
    CHECK(covered(0x2714)); // the tier icons
    CHECK(covered(0x26A0));
    CHECK_FALSE(covered(0x4E2D)); // nothing asked for CJK
}

TEST_CASE("DejaVu Sans has a real glyph for every character the bundle and the views use") {
    std::string text = kSpanish;
    text += ui::kInterfaceSymbols;
    Headless ui({800, 600}, ui::Theme::Light, 100, text);
    for (ImFont* font : {ui.context().fonts.body, ui.context().fonts.bold,
                         ui.context().fonts.heading, ui.context().fonts.title}) {
        for (const unsigned c : codepoints(text.c_str())) {
            CAPTURE(c);
            CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
        }
    }
}

TEST_CASE("fonts are rebuilt at the text scale") {
    Headless small({800, 600}, ui::Theme::Light, 100);
    const float body = small.context().fonts.body->FontSize;
    CHECK(body == doctest::Approx(ui::kBodyPixels));
    Headless large({800, 600}, ui::Theme::Light, 250);
    CHECK(large.context().fonts.body->FontSize == doctest::Approx(ui::kBodyPixels * 2.5f));
    CHECK(large.context().fonts.title->FontSize > large.context().fonts.body->FontSize);
}

TEST_CASE("without the font files the built-in font is used rather than failing") {
    ImGuiContext* context = ImGui::CreateContext();
    const ui::Fonts fonts =
        ui::build_fonts(*ImGui::GetIO().Fonts, ui::FontData{}, ui::glyph_ranges(""), 1.5f);
    CHECK(fonts.body != nullptr);
    CHECK(fonts.body == fonts.heading);
    CHECK(ImGui::GetIO().Fonts->IsBuilt());
    ImGui::DestroyContext(context);
}

TEST_CASE("DejaVu is looked for in the program's prefix, then where fonts-dejavu-core puts it") {
    using Dirs = std::vector<std::filesystem::path>;
    const std::filesystem::path debian = "/usr/share/fonts/truetype/dejavu";
    CHECK(ui::default_font_dirs("/opt/sightline/bin/sightline") ==
          Dirs{"/opt/sightline/share/fonts/truetype/dejavu", debian});
    CHECK(ui::default_font_dirs("/usr/bin/sightline") == Dirs{debian}); // not twice
    CHECK(ui::default_font_dirs({}) == Dirs{debian});
    // Nothing points into the source tree: an installed player behaves the same anywhere.
    for (const std::filesystem::path& dir : ui::default_font_dirs("/opt/s/bin/sightline")) {
        CHECK(dir.string().find(SIGHTLINE_SOURCE_DIR) == std::string::npos);
    }
}

} // namespace sightline::test
