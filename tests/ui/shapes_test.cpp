// framed_rect and outline_rect: the same pixels as ImGui's rounded
// rectangles, in triangles a software rasteriser finds cheap.
#include "headless.hpp"
#include "ui/shapes.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>
#include <vector>

namespace {

using sightline::ui::framed_rect;
using sightline::ui::outline_rect;

constexpr ImU32 kFill = IM_COL32(10, 20, 30, 255);
constexpr ImU32 kBorder = IM_COL32(200, 100, 50, 255);

struct Triangle {
    ImDrawVert v[3];
};

// Runs `draw` on a fresh draw list inside a headless frame and returns the
// triangles it added whose first vertex has colour `colour` (any alpha).
template <typename Draw>
std::vector<Triangle> triangles(Draw draw, ImU32 colour, bool anti_aliased_fill = true) {
    sightline::test::Headless headless;
    ImGui::NewFrame();
    ImDrawList list(ImGui::GetDrawListSharedData());
    list._ResetForNewFrame();
    list.PushClipRectFullScreen();
    list.PushTextureID(ImGui::GetIO().Fonts->TexID);
    if (!anti_aliased_fill) {
        list.Flags &= ~ImDrawListFlags_AntiAliasedFill;
    }
    draw(list);
    ImGui::EndFrame();
    std::vector<Triangle> out;
    for (int i = 0; i + 2 < list.IdxBuffer.Size; i += 3) {
        Triangle t{};
        for (int k = 0; k < 3; ++k) {
            t.v[k] = list.VtxBuffer[list.IdxBuffer[i + k]];
        }
        if ((t.v[0].col | IM_COL32_A_MASK) == colour) {
            out.push_back(t);
        }
    }
    return out;
}

bool opaque(const Triangle& t) {
    return std::all_of(std::begin(t.v), std::end(t.v),
                       [](const ImDrawVert& v) { return (v.col >> IM_COL32_A_SHIFT) == 0xFF; });
}

float edge(ImVec2 a, ImVec2 b, ImVec2 p) {
    return (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
}

// Pixels whose centre lies in one of the opaque triangles (edges included).
std::set<std::pair<int, int>> coverage(const std::vector<Triangle>& tris) {
    std::set<std::pair<int, int>> pixels;
    for (const Triangle& t : tris) {
        if (!opaque(t)) {
            continue;
        }
        const ImVec2 a = t.v[0].pos;
        const ImVec2 b = t.v[1].pos;
        const ImVec2 c = t.v[2].pos;
        const int x0 = static_cast<int>(std::floor(std::min({a.x, b.x, c.x})));
        const int x1 = static_cast<int>(std::ceil(std::max({a.x, b.x, c.x})));
        const int y0 = static_cast<int>(std::floor(std::min({a.y, b.y, c.y})));
        const int y1 = static_cast<int>(std::ceil(std::max({a.y, b.y, c.y})));
        for (int y = y0; y < y1; ++y) {
            for (int x = x0; x < x1; ++x) {
                const ImVec2 p{static_cast<float>(x) + 0.5f, static_cast<float>(y) + 0.5f};
                const float e0 = edge(a, b, p);
                const float e1 = edge(b, c, p);
                const float e2 = edge(c, a, p);
                if ((e0 >= 0 && e1 >= 0 && e2 >= 0) || (e0 <= 0 && e1 <= 0 && e2 <= 0)) {
                    pixels.emplace(x, y);
                }
            }
        }
    }
    return pixels;
}

ImVec2 low(const Triangle& t) {
    return {std::min({t.v[0].pos.x, t.v[1].pos.x, t.v[2].pos.x}),
            std::min({t.v[0].pos.y, t.v[1].pos.y, t.v[2].pos.y})};
}
ImVec2 high(const Triangle& t) {
    return {std::max({t.v[0].pos.x, t.v[1].pos.x, t.v[2].pos.x}),
            std::max({t.v[0].pos.y, t.v[1].pos.y, t.v[2].pos.y})};
}

// Half of an axis-aligned rectangle: its corners take two x and two y values.
bool rectangle_half(const Triangle& t) {
    std::set<float> xs;
    std::set<float> ys;
    for (const ImDrawVert& v : t.v) {
        xs.insert(v.pos.x);
        ys.insert(v.pos.y);
    }
    return xs.size() == 2 && ys.size() == 2;
}

struct Frame {
    ImVec2 min;
    ImVec2 max;
    float rounding;
};
const Frame kFrames[] = {
    {{100, 50}, {900, 105}, 6},  // a choice button
    {{40, 300}, {260, 328}, 14}, // a chip: a pill, rounding clamped to the height
    {{10, 10}, {60, 40}, 0},     // square corners
};

} // namespace

TEST_CASE("framed_rect fills exactly the pixels of ImGui's rounded rectangle") {
    for (const Frame& f : kFrames) {
        CAPTURE(f.rounding);
        const auto ours = triangles(
            [&](ImDrawList& l) { framed_rect(l, f.min, f.max, kFill, kBorder, f.rounding, 1); },
            kFill);
        const auto imgui = triangles(
            [&](ImDrawList& l) { l.AddRectFilled(f.min, f.max, kFill, f.rounding); }, kFill,
            /*anti_aliased_fill=*/false);
        REQUIRE_FALSE(ours.empty());
        CHECK(coverage(ours) == coverage(imgui));
    }
}

TEST_CASE("framed_rect's fill has no fringe and no sliver across the frame") {
    for (const Frame& f : kFrames) {
        CAPTURE(f.rounding);
        const auto fill = triangles(
            [&](ImDrawList& l) { framed_rect(l, f.min, f.max, kFill, kBorder, f.rounding, 1); },
            kFill);
        for (const Triangle& t : fill) {
            CHECK(opaque(t)); // a fringe fades to alpha 0
            // Rectangles, or fans inside one corner's square.
            const ImVec2 size{high(t).x - low(t).x, high(t).y - low(t).y};
            CHECK((rectangle_half(t) ||
                   (size.x <= f.rounding + 0.01f && size.y <= f.rounding + 0.01f)));
        }
    }
}

TEST_CASE("outline_rect's straight sides are solid whole pixels and only corners are smoothed") {
    const Frame f = kFrames[0];
    const auto border = triangles(
        [&](ImDrawList& l) { outline_rect(l, f.min, f.max, kBorder, f.rounding, 1); }, kBorder);
    const std::set<std::pair<int, int>> solid = coverage(border);
    const int r = static_cast<int>(f.rounding);
    for (int x = static_cast<int>(f.min.x) + r + 1; x < static_cast<int>(f.max.x) - r - 1; ++x) {
        CHECK(solid.count({x, static_cast<int>(f.min.y)}) == 1);     // the top row
        CHECK(solid.count({x, static_cast<int>(f.max.y) - 1}) == 1); // the bottom row
        CHECK(solid.count({x, static_cast<int>(f.min.y) + 1}) == 0); // one pixel thick
    }
    for (const Triangle& t : border) {
        if (!opaque(t)) { // a fringe: only in a corner's square
            const ImVec2 size{high(t).x - low(t).x, high(t).y - low(t).y};
            CHECK(size.x <= f.rounding + 1.5f);
            CHECK(size.y <= f.rounding + 1.5f);
        }
    }
}

TEST_CASE("thicker borders grow inwards from the frame's edge") {
    const Frame f = kFrames[0];
    const auto border = triangles(
        [&](ImDrawList& l) { outline_rect(l, f.min, f.max, kBorder, f.rounding, 3); }, kBorder);
    const std::set<std::pair<int, int>> solid = coverage(border);
    const int x = static_cast<int>((f.min.x + f.max.x) / 2);
    const int top = static_cast<int>(f.min.y);
    CHECK(solid.count({x, top - 1}) == 0);
    CHECK(solid.count({x, top}) == 1);
    CHECK(solid.count({x, top + 2}) == 1);
    CHECK(solid.count({x, top + 3}) == 0);
}

TEST_CASE("frames snap to whole pixels") {
    const auto fill = triangles(
        [](ImDrawList& l) {
            framed_rect(l, {100.4f, 50.6f}, {900.3f, 104.7f}, kFill, kBorder, 0, 1);
        },
        kFill);
    REQUIRE_FALSE(fill.empty());
    for (const Triangle& t : fill) {
        for (const ImDrawVert& v : t.v) {
            CHECK(v.pos.x == std::round(v.pos.x));
            CHECK(v.pos.y == std::round(v.pos.y));
        }
    }
    CHECK(coverage(fill).count({100, 51}) == 1);
    CHECK(coverage(fill).count({100, 50}) == 0);
}

TEST_CASE("a border under 1 px cannot hide the fill's edge: ImGui's anti-aliased shapes") {
    const auto fill = triangles(
        [](ImDrawList& l) {
            framed_rect(l, {100, 50}, {900, 105}, kFill, kBorder, 6, 0.5f);
        },
        kFill);
    CHECK(std::any_of(fill.begin(), fill.end(), [](const Triangle& t) { return !opaque(t); }));
}

TEST_CASE("the border has no gap where its straight sides meet the corners") {
    for (const float thickness : {1.0f, 2.0f, 3.0f}) {
        for (const float rounding : {6.0f, 9.0f}) {
            CAPTURE(thickness);
            CAPTURE(rounding);
            const Frame f{{113, 377}, {797, 441}, rounding};
            const auto border = triangles(
                [&](ImDrawList& l) {
                    outline_rect(l, f.min, f.max, kBorder, f.rounding, thickness);
                },
                kBorder);
            // The straight sides are whole pixels: an edge through pixel
            // centres would leave them to the rasteriser's tie-breaking rule.
            for (const Triangle& t : border) {
                if (opaque(t) && rectangle_half(t)) {
                    for (const ImDrawVert& v : t.v) {
                        CHECK(v.pos.x == std::round(v.pos.x));
                        CHECK(v.pos.y == std::round(v.pos.y));
                    }
                }
            }
            const std::set<std::pair<int, int>> solid = coverage(border);
            // The outer column and row, from where the arc is within a pixel of them.
            const int r = static_cast<int>(rounding);
            for (int y = static_cast<int>(f.min.y) + r / 2 + 1;
                 y < static_cast<int>(f.max.y) - r / 2 - 1; ++y) {
                CHECK(solid.count({static_cast<int>(f.min.x), y}) == 1);
            }
            for (int x = static_cast<int>(f.min.x) + r / 2 + 1;
                 x < static_cast<int>(f.max.x) - r / 2 - 1; ++x) {
                CHECK(solid.count({x, static_cast<int>(f.min.y)}) == 1);
            }
        }
    }
}
