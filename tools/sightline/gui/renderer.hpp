// Draws Dear ImGui's draw lists with OpenGL 3.0. It replaces the stock
// imgui_impl_opengl3 backend because, under Mesa's software rasteriser
// (llvmpipe, the usual driver where there is no GPU), every pixel costs CPU:
// this one samples the font atlas without filtering wherever glyphs are drawn
// pixel for pixel, draws solid shapes without blending, and interpolates
// without perspective division (the UI is flat). The picture is the same;
// llvmpipe's work per pixel is much smaller. It sets its GL state
// once per frame and does not restore it: the window's context is ours alone.
#pragma once

#include <cstddef>
#include <imgui.h>

namespace sightline::gui {

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
    // One command's triangles, in runs that are solid (drawn without
    // blending) or not; `blending` is the GL state, kept across calls.
    void draw_runs(const ImDrawList& list, const ImDrawCmd& cmd, bool on_atlas,
                   bool& blending) const;
    void draw(std::size_t first, std::size_t count, unsigned vertex_offset) const;

    unsigned program_ = 0;
    int projection_ = -1; // uniform locations
    int texture_ = -1;
    unsigned vertex_array_ = 0;
    unsigned vertices_ = 0;
    unsigned indices_ = 0;
    unsigned font_texture_ = 0;
    bool base_vertex_ = false;
    bool smooth_ = false;
    ImVec2 white_; // the atlas's white texel: solid shapes sample it
};

} // namespace sightline::gui
