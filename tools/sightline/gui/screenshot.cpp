#include "gui/screenshot.hpp"

#include <GL/gl.h>
#include <cstdint>
#include <cstring>
#include <stb_image_write.h>
#include <vector>

namespace sightline::gui {

bool write_back_buffer_png(const std::filesystem::path& path, int width, int height,
                           std::string& error) {
    if (width <= 0 || height <= 0) {
        error = "the window has no pixels to capture";
        return false;
    }
    const auto row = static_cast<std::size_t>(width) * 3;
    std::vector<std::uint8_t> pixels(row * static_cast<std::size_t>(height));
    glFinish();
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    if (glGetError() != GL_NO_ERROR) {
        error = "cannot read the rendered frame back from OpenGL";
        return false;
    }
    // OpenGL's first row is the bottom one; PNG's is the top.
    std::vector<std::uint8_t> flipped(pixels.size());
    for (int y = 0; y < height; ++y) {
        std::memcpy(flipped.data() + static_cast<std::size_t>(y) * row,
                    pixels.data() + static_cast<std::size_t>(height - 1 - y) * row, row);
    }
    if (stbi_write_png(path.c_str(), width, height, 3, flipped.data(), static_cast<int>(row)) ==
        0) {
        error = "cannot write " + path.string();
        return false;
    }
    return true;
}

} // namespace sightline::gui
