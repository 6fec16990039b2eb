// Test helpers for PDFs: render a page with poppler's pdftoppm and compare a
// render with a reviewed golden image (commands.hpp runs the tools).
// Header-only; the including test links cairo and doctest and defines
// SIGHTLINE_BINARY_DIR.
#pragma once

#include "support/commands.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cairo.h>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace sightline::test {

// Renders page 1 at `dpi` to <the PDF's folder>/<stem>.png.
inline std::filesystem::path to_png(const std::filesystem::path& pdf, int dpi,
                                    const std::string& stem) {
    const std::filesystem::path out = pdf.parent_path() / stem;
    const std::string command = "pdftoppm -png -singlefile -r " + std::to_string(dpi) + " '" +
                                pdf.string() + "' '" + out.string() + "'";
    REQUIRE(std::system(command.c_str()) == 0);
    return std::filesystem::path(out).concat(".png");
}

// The PDF's text (pdftotext) on one line: runs of white space, line breaks
// included, as one space, so a check does not depend on where a line wraps.
inline std::string pdf_text_on_one_line(const std::filesystem::path& pdf) {
    const std::string raw = capture("pdftotext '" + pdf.string() + "' - 2>/dev/null");
    std::string text;
    for (const char c : raw) {
        const bool space = c == ' ' || c == '\n' || c == '\f' || c == '\t';
        if (!space) {
            text += c;
        } else if (!text.empty() && text.back() != ' ') {
            text += ' ';
        }
    }
    return text;
}

struct PngImage {
    int width = 0, height = 0, stride = 0;
    std::vector<unsigned char> data; // cairo ARGB32 / RGB24 rows
};

inline PngImage load_png(const std::filesystem::path& path) {
    cairo_surface_t* surface = cairo_image_surface_create_from_png(path.c_str());
    PngImage image;
    if (cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS) {
        cairo_surface_flush(surface);
        image.width = cairo_image_surface_get_width(surface);
        image.height = cairo_image_surface_get_height(surface);
        image.stride = cairo_image_surface_get_stride(surface);
        const unsigned char* data = cairo_image_surface_get_data(surface);
        image.data.assign(data, data + static_cast<std::size_t>(image.stride * image.height));
    }
    cairo_surface_destroy(surface);
    return image;
}

// Checks `png` against `golden` within a tolerance. With SIGHTLINE_UPDATE_GOLDEN
// set, rewrites the golden image first. On a mismatch the render is kept as
// <binary dir>/<keep_as> for a look.
inline void check_matches_golden(const std::filesystem::path& png,
                                 const std::filesystem::path& golden, const std::string& keep_as) {
    namespace fs = std::filesystem;
    if (std::getenv("SIGHTLINE_UPDATE_GOLDEN") != nullptr) {
        fs::copy_file(png, golden, fs::copy_options::overwrite_existing);
        MESSAGE("wrote " << golden.string());
    }
    const PngImage actual = load_png(png);
    const PngImage expected = load_png(golden);
    REQUIRE_MESSAGE(expected.width > 0, "cannot read " << golden.string());
    REQUIRE(actual.width == expected.width);
    REQUIRE(actual.height == expected.height);
    // Antialiasing may differ a little between poppler or freetype versions:
    // allow small differences, and a few pixels that differ more.
    std::size_t different = 0;
    for (int y = 0; y < actual.height; ++y) {
        for (int x = 0; x < actual.width; ++x) {
            const std::size_t at = static_cast<std::size_t>(y * actual.stride + x * 4);
            int worst = 0;
            for (std::size_t c = 0; c < 3; ++c) {
                worst = std::max(worst, std::abs(actual.data[at + c] - expected.data[at + c]));
            }
            different += worst > 48 ? 1 : 0;
        }
    }
    const double share = static_cast<double>(different) / (actual.width * actual.height);
    CHECK_MESSAGE(share < 0.004, different << " pixels differ from " << golden.string()
                                           << "; the render is " << png.string());
    if (share >= 0.004) {
        fs::copy_file(png, fs::path(SIGHTLINE_BINARY_DIR) / keep_as,
                      fs::copy_options::overwrite_existing);
    }
}

} // namespace sightline::test
