// The desktop renderer's triangle kinds: which program and blending each
// triangle of ImGui's draw lists gets (no OpenGL needed to decide).
#include "gui/renderer.hpp"

#include <doctest/doctest.h>

namespace {

using sightline::gui::triangle_kind;
using sightline::gui::TriangleKind;

const ImVec2 kWhite{0.25f, 0.75f}; // the atlas's white texel
constexpr ImDrawIdx kTriangle[3] = {0, 1, 2};

struct Vertices {
    ImDrawVert v[3];
};

Vertices plain(ImU32 a, ImU32 b, ImU32 c) {
    return {{{{0, 0}, kWhite, a}, {{10, 0}, kWhite, b}, {{0, 10}, kWhite, c}}};
}

} // namespace

TEST_CASE("one opaque colour on the white texel is solid") {
    const ImU32 blue = IM_COL32(30, 90, 160, 255);
    const Vertices t = plain(blue, blue, blue);
    CHECK(triangle_kind(t.v, kTriangle, kWhite, true) == TriangleKind::Solid);
}

TEST_CASE("fading alpha or different colours need an interpolated colour") {
    const ImU32 blue = IM_COL32(30, 90, 160, 255);
    const ImU32 clear = IM_COL32(30, 90, 160, 0);
    const Vertices fringe = plain(blue, blue, clear);
    CHECK(triangle_kind(fringe.v, kTriangle, kWhite, true) == TriangleKind::Shaded);
    const Vertices gradient = plain(blue, IM_COL32(255, 0, 0, 255), blue);
    CHECK(triangle_kind(gradient.v, kTriangle, kWhite, true) == TriangleKind::Shaded);
    const ImU32 veil = IM_COL32(0, 0, 0, 128); // one colour, but see-through: blended
    const Vertices dim = plain(veil, veil, veil);
    CHECK(triangle_kind(dim.v, kTriangle, kWhite, true) == TriangleKind::Shaded);
}

TEST_CASE("glyphs and other textures are textured") {
    const ImU32 ink = IM_COL32(20, 20, 20, 255);
    Vertices glyph = plain(ink, ink, ink);
    glyph.v[2].uv = {0.5f, 0.5f}; // any texel but the white one
    CHECK(triangle_kind(glyph.v, kTriangle, kWhite, true) == TriangleKind::Textured);
    const Vertices image = plain(ink, ink, ink); // white texel, but not the atlas
    CHECK(triangle_kind(image.v, kTriangle, kWhite, false) == TriangleKind::Textured);
}
