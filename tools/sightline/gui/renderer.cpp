#include "gui/renderer.hpp"

#define GL_GLEXT_PROTOTYPES 1 // libGL exports the 3.0 entry points we call
#include <GL/gl.h>
#include <GL/glext.h>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace sightline::gui {

namespace {

// `noperspective`: screen-space interpolation, no per-pixel division by w.
constexpr const char* kVertexShader = R"(#version 130
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

constexpr const char* kFragmentShader = R"(#version 130
uniform sampler2D atlas;
noperspective in vec2 frag_uv;
noperspective in vec4 frag_color;
out vec4 out_color;
void main() {
    out_color = frag_color * texture(atlas, frag_uv);
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

} // namespace

Renderer::Renderer() {
    const GLuint vertex = compile(GL_VERTEX_SHADER, kVertexShader);
    GLuint fragment = 0;
    try {
        fragment = compile(GL_FRAGMENT_SHADER, kFragmentShader);
    } catch (...) {
        glDeleteShader(vertex);
        throw;
    }
    program_ = glCreateProgram();
    glAttachShader(program_, vertex);
    glAttachShader(program_, fragment);
    glBindAttribLocation(program_, kPosition, "position");
    glBindAttribLocation(program_, kUv, "uv");
    glBindAttribLocation(program_, kColor, "color");
    glBindFragDataLocation(program_, 0, "out_color");
    glLinkProgram(program_);
    glDeleteShader(vertex);
    glDeleteShader(fragment);
    GLint ok = GL_FALSE;
    glGetProgramiv(program_, GL_LINK_STATUS, &ok);
    if (ok != GL_TRUE) {
        char log[1024] = {};
        glGetProgramInfoLog(program_, sizeof log, nullptr, log);
        glDeleteProgram(program_);
        throw std::runtime_error(std::string("the OpenGL driver could not link the shaders: ") +
                                 log);
    }
    GLint major = 0;
    GLint minor = 0;
    glGetIntegerv(GL_MAJOR_VERSION, &major);
    glGetIntegerv(GL_MINOR_VERSION, &minor);
    base_vertex_ = major > 3 || (major == 3 && minor >= 2);
    projection_ = glGetUniformLocation(program_, "projection");
    texture_ = glGetUniformLocation(program_, "atlas");

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
    glDeleteProgram(program_);
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
                         bool& blending) const {
    // Runs of opaque triangles (a solid colour on the atlas's white texel) go
    // without blending: the same pixels, and llvmpipe then writes them
    // without reading the framebuffer back first.
    const ImDrawVert* vertices = list.VtxBuffer.Data + cmd.VtxOffset;
    const ImDrawIdx* indices = list.IdxBuffer.Data;
    const auto opaque = [&](std::size_t t) {
        for (std::size_t k = t; k < t + 3; ++k) {
            const ImDrawVert& v = vertices[indices[k]];
            if ((v.col >> IM_COL32_A_SHIFT) != 0xFF || v.uv.x != white_.x || v.uv.y != white_.y) {
                return false;
            }
        }
        return true;
    };
    const std::size_t end = cmd.IdxOffset + cmd.ElemCount;
    for (std::size_t begin = cmd.IdxOffset; begin + 2 < end;) {
        const bool solid = on_atlas && opaque(begin);
        std::size_t stop = begin + 3;
        while (stop + 2 < end && on_atlas && opaque(stop) == solid) {
            stop += 3;
        }
        if (blending == solid) {
            blending = !solid;
            blending ? glEnable(GL_BLEND) : glDisable(GL_BLEND);
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
    glUseProgram(program_);
    glUniformMatrix4fv(projection_, 1, GL_FALSE, &projection[0][0]);
    glUniform1i(texture_, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(vertex_array_);

    bool blending = true;
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
            draw_runs(list, cmd, texture == font_texture_, blending);
        }
    }
    glBindVertexArray(0);
    glDisable(GL_SCISSOR_TEST);
}

} // namespace sightline::gui
