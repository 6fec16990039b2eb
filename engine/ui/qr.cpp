#include "ui/qr.hpp"

#include <memory>
#include <qrencode.h>
#include <string>

namespace sightline::ui {

QrCode qr_code(std::string_view text) {
    const std::string copy(text); // libqrencode reads a NUL-terminated string
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString8bit(copy.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
    QrCode out;
    if (!code || code->width <= 0) {
        return out;
    }
    out.size = code->width;
    const auto n = static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width);
    out.dark.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        out.dark[i] = static_cast<std::uint8_t>(code->data[i] & 1U); // bit 0: dark module
    }
    return out;
}

} // namespace sightline::ui
