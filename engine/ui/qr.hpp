// A QR code as plain modules, for the views to draw (the classroom's join URL
// on the projector). Encoded with libqrencode.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace sightline::ui {

struct QrCode {
    int size = 0;                   // modules per side; 0: none
    std::vector<std::uint8_t> dark; // size * size, row by row: 1 dark, 0 light

    bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)] != 0; }
    bool operator==(const QrCode&) const = default;
};

// The text as a QR code with error correction level M (a projector seen from
// the back of a room at an angle); an empty code when it does not fit.
QrCode qr_code(std::string_view text);

} // namespace sightline::ui
