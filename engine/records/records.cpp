#include "records/records.hpp"

#include "records/uuid.hpp"

#include <sodium.h>

#include <array>
#include <chrono>

namespace sightline::records {

TimeMs now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

const char* mode_name(Mode mode) {
    return mode == Mode::Classroom ? "classroom" : "self-paced";
}

const char* status_name(Status status) {
    switch (status) {
    case Status::Completed:
        return "completed";
    case Status::Abandoned:
        return "abandoned";
    case Status::InProgress:
        break;
    }
    return "in-progress";
}

double AttemptResult::scaled() const {
    if (max <= min) {
        return 1.0;
    }
    const double value = static_cast<double>(raw - min) / static_cast<double>(max - min);
    return value < 0 ? 0.0 : (value > 1 ? 1.0 : value);
}

std::string new_uuid() {
    [[maybe_unused]] static const int initialised = sodium_init();
    std::array<unsigned char, 16> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) {
            out += '-';
        }
        out += kHex[bytes[i] >> 4];
        out += kHex[bytes[i] & 0x0f];
    }
    return out;
}

bool is_uuid(std::string_view text) {
    if (text.size() != 36) {
        return false;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-') {
                return false;
            }
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return text[14] >= '1' && text[14] <= '5' &&
           std::string_view("89ab").find(text[19]) != std::string_view::npos;
}

} // namespace sightline::records
