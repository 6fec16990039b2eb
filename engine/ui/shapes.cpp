#include "ui/shapes.hpp"

#include <algorithm>
#include <cmath>

namespace sightline::ui {

namespace {

ImVec2 snapped(ImVec2 p) {
    return {std::round(p.x), std::round(p.y)};
}

// The corner radius ImGui's PathRect would use for a rectangle this size.
float corner_radius(ImVec2 min, ImVec2 max, float rounding) {
    const float r = std::min(
        {rounding, std::fabs(max.x - min.x) * 0.5f - 1.0f, std::fabs(max.y - min.y) * 0.5f - 1.0f});
    return std::max(r, 0.0f);
}

// Turns anti-aliased filling off until the end of the scope, for convex
// shapes whose edges lie under a border.
class NoFringe {
  public:
    explicit NoFringe(ImDrawList& list) : list_(list), flags_(list.Flags) {
        list_.Flags &= ~ImDrawListFlags_AntiAliasedFill;
    }
    ~NoFringe() { list_.Flags = flags_; }
    NoFringe(const NoFringe&) = delete;
    NoFringe& operator=(const NoFringe&) = delete;

  private:
    ImDrawList& list_;
    ImDrawListFlags flags_;
};

// ImGui's PathArcToFast angles, in twelfths of a turn, y pointing down.
struct Corner {
    int from;
    int to;
};
constexpr Corner kTopLeft{6, 9};
constexpr Corner kTopRight{9, 12};
constexpr Corner kBottomRight{0, 3};
constexpr Corner kBottomLeft{3, 6};

} // namespace

void outline_rect(ImDrawList& list, ImVec2 min, ImVec2 max, ImU32 colour, float rounding,
                  float thickness) {
    min = snapped(min);
    max = snapped(max);
    // The arcs' centre line, half the thickness in from the outer edge.
    const float inset = thickness * 0.5f;
    const ImVec2 a{min.x + inset, min.y + inset};
    const ImVec2 b{max.x - inset, max.y - inset};
    const float r = corner_radius(a, b, rounding);
    // The sides reach a little under the arcs, to whole pixels: an edge
    // through pixel centres would leave those pixels to the rasteriser's
    // tie-breaking rule, and the arc's end can miss the outermost one.
    const float x0 = std::floor(a.x + r - std::min(r, 1.0f));
    const float x1 = std::ceil(b.x - r + std::min(r, 1.0f));
    const float y0 = std::floor(a.y + r - std::min(r, 1.0f));
    const float y1 = std::ceil(b.y - r + std::min(r, 1.0f));
    // Unrounded rectangles: ImGui never gives those a fringe.
    list.AddRectFilled({x0, min.y}, {x1, min.y + thickness}, colour);
    list.AddRectFilled({x0, max.y - thickness}, {x1, max.y}, colour);
    list.AddRectFilled({min.x, y0}, {min.x + thickness, y1}, colour);
    list.AddRectFilled({max.x - thickness, y0}, {max.x, y1}, colour);
    if (r <= 0.0f) {
        return;
    }
    const auto arc = [&](ImVec2 centre, Corner corner) {
        list.PathArcToFast(centre, r, corner.from, corner.to);
        list.PathStroke(colour, 0, thickness);
    };
    arc({a.x + r, a.y + r}, kTopLeft);
    arc({b.x - r, a.y + r}, kTopRight);
    arc({b.x - r, b.y - r}, kBottomRight);
    arc({a.x + r, b.y - r}, kBottomLeft);
}

void framed_rect(ImDrawList& list, ImVec2 min, ImVec2 max, ImU32 fill, ImU32 border, float rounding,
                 float thickness) {
    if (thickness < 1.0f) { // too thin to hide the fill's edge: ImGui's own shapes
        list.AddRectFilled(min, max, fill, rounding);
        if (thickness > 0.0f) {
            list.AddRect(min, max, border, rounding, 0, thickness);
        }
        return;
    }
    min = snapped(min);
    max = snapped(max);
    const float r = corner_radius(min, max, rounding);
    if (r <= 0.0f) {
        list.AddRectFilled(min, max, fill);
    } else {
        list.AddRectFilled({min.x, min.y + r}, {max.x, max.y - r}, fill);
        list.AddRectFilled({min.x + r, min.y}, {max.x - r, min.y + r}, fill);
        list.AddRectFilled({min.x + r, max.y - r}, {max.x - r, max.y}, fill);
        const NoFringe under_border(list); // the corner fans' curved edges
        const auto corner = [&](ImVec2 centre, Corner c) {
            list.PathLineTo(centre);
            list.PathArcToFast(centre, r, c.from, c.to);
            list.PathFillConvex(fill);
        };
        corner({min.x + r, min.y + r}, kTopLeft);
        corner({max.x - r, min.y + r}, kTopRight);
        corner({max.x - r, max.y - r}, kBottomRight);
        corner({min.x + r, max.y - r}, kBottomLeft);
    }
    outline_rect(list, min, max, border, rounding, thickness);
}

} // namespace sightline::ui
