// Reading the rendered frame back and writing it as a PNG (stb_image_write
// from Debian's libstb).
#pragma once

#include <filesystem>
#include <string>

namespace sightline::gui {

// Reads the current context's back buffer (`width` x `height`) and writes it,
// top row first, as an RGB PNG. False with `error` set on failure.
bool write_back_buffer_png(const std::filesystem::path& path, int width, int height,
                           std::string& error);

} // namespace sightline::gui
