// Shapes the views draw often, built so that a software rasteriser (Mesa's
// llvmpipe, where there is no GPU) does little work for them. llvmpipe pays
// per 4x4 block a triangle touches, so long thin triangles, such as the
// anti-aliased fringe along a straight edge or the slivers of a fan across
// a wide button, cost far more than the pixels they change. Border colours
// are meant to be opaque: where a straight side meets a corner's arc, a
// pixel or two is drawn twice.
#pragma once

#include <imgui.h>

namespace sightline::ui {

// A rounded border, as ImGui's AddRect draws it but snapped to whole pixels
// and growing inwards from the outer edge: the straight sides are solid
// runs of whole pixels; only the corners are anti-aliased arcs.
void outline_rect(ImDrawList& list, ImVec2 min, ImVec2 max, ImU32 colour, float rounding,
                  float thickness);

// A rounded rectangle with a border (outline_rect) over its edge, so the fill
// needs no anti-aliased fringe; it is cut into three bands and four corner
// fans instead of one fan of slivers. Borders under 1 px cannot hide the
// fill's edge: those frames are ImGui's AddRectFilled and AddRect.
void framed_rect(ImDrawList& list, ImVec2 min, ImVec2 max, ImU32 fill, ImU32 border, float rounding,
                 float thickness);

} // namespace sightline::ui
