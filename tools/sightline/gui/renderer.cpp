#include "gui/renderer.hpp"

#define GL_GLEXT_PROTOTYPES 1 // libGL exports the 3.0 entry points we call
#include <GL/gl.h>
#include <GL/glext.h>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>

namespace sightline::gui {

namespace {

// Three programs, one per TriangleKind. `noperspective`: the UI is flat, so
// no per-pixel division by w. Textured triangles sample the atlas; the
// others do not, and solid ones take their one colour from a uniform.
constexpr const char* kTexturedVertex = R"(#version 130
uniform mat4 projection;
in vec2 position;
in vec2 uv;
in vec4 color;
noperspective out vec2 frag_uv;
noperspective out vec4 frag_color;
void main() {
    frag_uv = uv;
    frag_color = color;
    gl_Position = projection * vec4(position, 0.0, 1.0);
}
)";

constexpr const char* kTexturedFragment = R"(#version 130
uniform sampler2D atlas;
noperspective in vec2 frag_uv;
noperspective in vec4 frag_color;
out vec4 out_color;
void main() {
    out_color = frag_color * texture(atlas, frag_uv);
}
)";

constexpr const char* kShadedVertex = R"(#version 130
uniform mat4 projection;
in vec2 position;
in vec4 color;
noperspective out vec4 frag_color;
void main() {
    frag_color = color;
    gl_Position = projection * vec4(position, 0.0, 1.0);
}
)";

constexpr const char* kShadedFragment = R"(#version 130
noperspective in vec4 frag_color;
out vec4 out_color;
void main() {
    out_color = frag_color;
}
)";

constexpr const char* kSolidVertex = R"(#version 130
uniform mat4 projection;
in vec2 position;
void main() {
    gl_Position = projection * vec4(position, 0.0, 1.0);
}
)";

// The colour comes from a uniform, not from the vertices: llvmpipe then
// fills with its fast path for constant colours (about ten times cheaper
// per pixel than the same colour read from a flat varying).
constexpr const char* kSolidFragment = R"(#version 130
uniform vec4 colour;
out vec4 out_color;
void main() {
    out_color = colour;
}
)";

enum Attribute : GLuint { kPosition = 0, kUv = 1, kColor = 2 };

GLuint compile(GLenum kind, const char* source) {
    const GLuint shader = glCreateShader(kind);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok == GL_TRUE) {
        return shader;
    }
    char log[1024] = {};
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    glDeleteShader(shader);
    throw std::runtime_error(std::string("the OpenGL driver rejected the ") +
                             (kind == GL_VERTEX_SHADER ? "vertex" : "fragment") +
                             " shader: " + log);
}

// On the bound texture.
void set_filter(bool smooth) {
    const GLint filter = smooth ? GL_LINEAR : GL_NEAREST;
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
}

// A linked program with its attributes at our fixed locations.
GLuint link(const char* vertex_source, const char* fragment_source) {
    const GLuint vertex = compile(GL_VERTEX_SHADER, vertex_source);
    GLuint fragment = 0;
    try {
        fragment = compile(GL_FRAGMENT_SHADER, fragment_source);
    } catch (...) {
        glDeleteShader(vertex);
        throw;
    }
    const GLuint program = glCreateProgram();
    glAttachShader(program, vertex);
    glAttachShader(program, fragment);
    glBindAttribLocation(program, kPosition, "position");
    glBindAttribLocation(program, kUv, "uv");
    glBindAttribLocation(program, kColor, "color");
    glBindFragDataLocation(program, 0, "out_color");
    glLinkProgram(program);
    glDeleteShader(vertex);
    glDeleteShader(fragment);
    GLint ok = GL_FALSE;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (ok != GL_TRUE) {
        char log[1024] = {};
        glGetProgramInfoLog(program, sizeof log, nullptr, log);
        glDeleteProgram(program);
        throw std::runtime_error(std::string("the OpenGL driver could not link the shaders: ") +
                                 log);
    }
    return program;
}

} // namespace

TriangleKind triangle_kind(const ImDrawVert* vertices, const ImDrawIdx* indices, ImVec2 white,
                           bool on_atlas) {
    const ImDrawVert& first = vertices[indices[0]];
    bool solid = true;
    for (int k = 0; k < 3; ++k) {
        const ImDrawVert& v = vertices[indices[k]];
        if (!on_atlas || v.uv.x != white.x || v.uv.y != white.y) {
            return TriangleKind::Textured;
        }
        solid = solid && v.col == first.col;
    }
    return solid && (first.col >> IM_COL32_A_SHIFT) == 0xFF ? TriangleKind::Solid
                                                            : TriangleKind::Shaded;
}

Renderer::Renderer() {
    const std::pair<const char*, const char*> sources[kKinds] = {
        {kTexturedVertex, kTexturedFragment},
        {kShadedVertex, kShadedFragment},
        {kSolidVertex, kSolidFragment},
    };
    try {
        for (std::size_t k = 0; k < kKinds; ++k) {
            programs_[k].id = link(sources[k].first, sources[k].second);
            programs_[k].projection = glGetUniformLocation(programs_[k].id, "projection");
        }
    } catch (...) {
        for (const Program& program : programs_) {
            glDeleteProgram(program.id); // 0 is ignored
        }
        throw;
    }
    texture_ = glGetUniformLocation(programs_[kind_index(TriangleKind::Textured)].id, "atlas");
    colour_ = glGetUniformLocation(programs_[kind_index(TriangleKind::Solid)].id, "colour");
    GLint major = 0;
    GLint minor = 0;
    glGetIntegerv(GL_MAJOR_VERSION, &major);
    glGetIntegerv(GL_MINOR_VERSION, &minor);
    base_vertex_ = major > 3 || (major == 3 && minor >= 2);

    glGenVertexArrays(1, &vertex_array_);
    glGenBuffers(1, &vertices_);
    glGenBuffers(1, &indices_);
    glBindVertexArray(vertex_array_);
    glBindBuffer(GL_ARRAY_BUFFER, vertices_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indices_);
    glEnableVertexAttribArray(kPosition);
    glEnableVertexAttribArray(kUv);
    glEnableVertexAttribArray(kColor);
    constexpr GLsizei stride = sizeof(ImDrawVert);
    glVertexAttribPointer(kPosition, 2, GL_FLOAT, GL_FALSE, stride,
                          reinterpret_cast<const void*>(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(kUv, 2, GL_FLOAT, GL_FALSE, stride,
                          reinterpret_cast<const void*>(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(kColor, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride,
                          reinterpret_cast<const void*>(offsetof(ImDrawVert, col)));
    glBindVertexArray(0);
}

Renderer::~Renderer() {
    glDeleteTextures(1, &font_texture_);
    glDeleteBuffers(1, &indices_);
    glDeleteBuffers(1, &vertices_);
    glDeleteVertexArrays(1, &vertex_array_);
    for (const Program& program : programs_) {
        glDeleteProgram(program.id);
    }
}

void Renderer::upload_fonts(ImFontAtlas& atlas) {
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    atlas.GetTexDataAsRGBA32(&pixels, &width, &height);
    if (font_texture_ == 0) {
        glGenTextures(1, &font_texture_);
    }
    glBindTexture(GL_TEXTURE_2D, font_texture_);
    set_filter(smooth_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    white_ = atlas.TexUvWhitePixel;
    atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(font_texture_)));
}

void Renderer::smooth_glyphs(bool smooth) {
    if (smooth == smooth_ || font_texture_ == 0) {
        smooth_ = smooth;
        return;
    }
    smooth_ = smooth;
    glBindTexture(GL_TEXTURE_2D, font_texture_);
    set_filter(smooth);
}

void Renderer::draw(std::size_t first, std::size_t count, unsigned vertex_offset) const {
    const GLenum type = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
    const void* offset = reinterpret_cast<const void*>(first * sizeof(ImDrawIdx));
    if (base_vertex_) {
        glDrawElementsBaseVertex(GL_TRIANGLES, static_cast<GLsizei>(count), type, offset,
                                 static_cast<GLint>(vertex_offset));
    } else { // without base vertex, ImGui keeps every VtxOffset at 0
        glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(count), type, offset);
    }
}

void Renderer::draw_runs(const ImDrawList& list, const ImDrawCmd& cmd, bool on_atlas,
                         DrawState& state) const {
    // Each run of one kind goes with its own program; a solid run also has
    // one colour. Solid runs go without blending: the same pixels, and
    // llvmpipe then writes them without reading the framebuffer back first.
    const ImDrawVert* vertices = list.VtxBuffer.Data + cmd.VtxOffset;
    const ImDrawIdx* indices = list.IdxBuffer.Data;
    const auto kind_at = [&](std::size_t t) {
        return triangle_kind(vertices, indices + t, white_, on_atlas);
    };
    const auto colour_at = [&](std::size_t t) { return vertices[indices[t]].col; };
    const std::size_t end = cmd.IdxOffset + cmd.ElemCount;
    for (std::size_t begin = cmd.IdxOffset; begin + 2 < end;) {
        const TriangleKind kind = kind_at(begin);
        const bool solid = kind == TriangleKind::Solid;
        const ImU32 colour = colour_at(begin);
        std::size_t stop = begin + 3;
        while (stop + 2 < end && kind_at(stop) == kind && (!solid || colour_at(stop) == colour)) {
            stop += 3;
        }
        if (state.blending == solid) {
            state.blending = !solid;
            solid ? glDisable(GL_BLEND) : glEnable(GL_BLEND);
        }
        if (state.program != kind_index(kind)) {
            state.program = kind_index(kind);
            glUseProgram(programs_[state.program].id);
        }
        if (solid) {
            const ImVec4 c = ImGui::ColorConvertU32ToFloat4(colour);
            glUniform4f(colour_, c.x, c.y, c.z, c.w);
        }
        draw(begin, stop - begin, cmd.VtxOffset);
        begin = stop;
    }
}

void Renderer::render(const ImDrawData& data, int framebuffer_width, int framebuffer_height) {
    if (framebuffer_width <= 0 || framebuffer_height <= 0 || data.CmdListsCount == 0) {
        return;
    }
    glViewport(0, 0, framebuffer_width, framebuffer_height);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);

    // Orthographic: ImGui's display rectangle onto clip space, y down.
    const float left = data.DisplayPos.x;
    const float right = data.DisplayPos.x + data.DisplaySize.x;
    const float top = data.DisplayPos.y;
    const float bottom = data.DisplayPos.y + data.DisplaySize.y;
    const float projection[4][4] = {
        {2.0f / (right - left), 0.0f, 0.0f, 0.0f},
        {0.0f, 2.0f / (top - bottom), 0.0f, 0.0f},
        {0.0f, 0.0f, -1.0f, 0.0f},
        {(right + left) / (left - right), (top + bottom) / (bottom - top), 0.0f, 1.0f},
    };
    for (const Program& program : programs_) {
        glUseProgram(program.id);
        glUniformMatrix4fv(program.projection, 1, GL_FALSE, &projection[0][0]);
    }
    glUseProgram(programs_[0].id);
    glUniform1i(texture_, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(vertex_array_);

    DrawState state{true, 0};
    const ImVec2 clip_offset = data.DisplayPos;
    const ImVec2 clip_scale = data.FramebufferScale;
    for (int n = 0; n < data.CmdListsCount; ++n) {
        const ImDrawList& list = *data.CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER,
                     static_cast<GLsizeiptr>(list.VtxBuffer.Size) *
                         static_cast<GLsizeiptr>(sizeof(ImDrawVert)),
                     list.VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER,
                     static_cast<GLsizeiptr>(list.IdxBuffer.Size) *
                         static_cast<GLsizeiptr>(sizeof(ImDrawIdx)),
                     list.IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback != nullptr) { // the views set none; honoured for completeness
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) {
                    cmd.UserCallback(&list, &cmd);
                }
                continue;
            }
            const float x0 = (cmd.ClipRect.x - clip_offset.x) * clip_scale.x;
            const float y0 = (cmd.ClipRect.y - clip_offset.y) * clip_scale.y;
            const float x1 = (cmd.ClipRect.z - clip_offset.x) * clip_scale.x;
            const float y1 = (cmd.ClipRect.w - clip_offset.y) * clip_scale.y;
            if (x1 <= x0 || y1 <= y0) {
                continue;
            }
            glScissor(static_cast<GLint>(x0), static_cast<GLint>(framebuffer_height - y1),
                      static_cast<GLsizei>(x1 - x0), static_cast<GLsizei>(y1 - y0));
            const auto texture =
                static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(cmd.GetTexID()));
            glBindTexture(GL_TEXTURE_2D, texture);
            draw_runs(list, cmd, texture == font_texture_, state);
        }
    }
    glBindVertexArray(0);
    glDisable(GL_SCISSOR_TEST);
}

} // namespace sightline::gui
