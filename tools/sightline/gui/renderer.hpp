// Draws Dear ImGui's draw lists with OpenGL 3.0. It replaces the stock
// imgui_impl_opengl3 backend because, under Mesa's software rasteriser
// (llvmpipe, the usual driver where there is no GPU), every pixel costs CPU:
// this one samples the font atlas without filtering wherever glyphs are drawn
// pixel for pixel, fills solid shapes with a constant colour and no blending,
// samples the atlas only for triangles that need it, and interpolates
// without perspective division (the UI is flat). The picture is the same;
// llvmpipe's work per pixel is much smaller. It sets its GL state
// once per frame and does not restore it: the window's context is ours alone.
#pragma once

#include <cstddef>
#include <imgui.h>

namespace sightline::gui {

// What a triangle needs, cheapest last: the atlas or another texture
// (glyphs, images); an interpolated colour on the atlas's white texel
// (anti-aliased fringes, gradients); one opaque colour (solid shapes).
enum class TriangleKind { Textured, Shaded, Solid };
constexpr std::size_t kKinds = 3;
constexpr std::size_t kind_index(TriangleKind kind) {
    return static_cast<std::size_t>(kind);
}

// The kind of the triangle at `indices[0..2]`; `on_atlas` when the command
// draws with the font atlas, whose white texel is at `white`.
TriangleKind triangle_kind(const ImDrawVert* vertices, const ImDrawIdx* indices, ImVec2 white,
                           bool on_atlas);

class Renderer {
  public:
    // Needs a current OpenGL 3.0 context. Throws std::runtime_error when the
    // shaders do not compile (the message carries the driver's log).
    Renderer();
    ~Renderer();
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;

    // Uploads the atlas's RGBA pixels and sets its texture id; call after
    // every rebuild of the fonts.
    void upload_fonts(ImFontAtlas& atlas);
    // Linear filtering for glyphs drawn larger than the atlas holds them
    // (ui::scales_glyphs); nearest otherwise. Cheap to call every frame.
    void smooth_glyphs(bool smooth);
    // Whether draw commands may carry a vertex offset (OpenGL 3.2's base
    // vertex), so ImGui can go past 65,536 vertices per list with 16-bit indices.
    bool has_vertex_offset() const { return base_vertex_; }
    // Draws into the current framebuffer (already cleared) at its size.
    void render(const ImDrawData& data, int framebuffer_width, int framebuffer_height);

  private:
    struct Program {
        unsigned id = 0;
        int projection = -1; // uniform location
    };
    // The GL state draw_runs changes, kept across calls within a frame.
    struct DrawState {
        bool blending;
        std::size_t program; // kind_index
    };
    // One command's triangles, in runs of one TriangleKind each.
    void draw_runs(const ImDrawList& list, const ImDrawCmd& cmd, bool on_atlas,
                   DrawState& state) const;
    void draw(std::size_t first, std::size_t count, unsigned vertex_offset) const;

    Program programs_[kKinds]; // by kind_index
    int texture_ = -1;         // the textured program's sampler uniform
    int colour_ = -1;          // the solid program's colour uniform
    unsigned vertex_array_ = 0;
    unsigned vertices_ = 0;
    unsigned indices_ = 0;
    unsigned font_texture_ = 0;
    bool base_vertex_ = false;
    bool smooth_ = false;
    ImVec2 white_; // the atlas's white texel: untextured shapes point at it
};

} // namespace sightline::gui
