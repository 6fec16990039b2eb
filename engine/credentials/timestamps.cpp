#include "credentials/timestamps.hpp"

#include "pdf/long_date.hpp"

#include <array>
#include <cctype>
#include <cstdio>
#include <ctime>

namespace sightline::credentials {

namespace {

bool digits(std::string_view text, std::size_t at, std::size_t count) {
    if (text.size() < at + count) {
        return false;
    }
    for (std::size_t i = at; i < at + count; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
            return false;
        }
    }
    return true;
}

int number(std::string_view text, std::size_t at, std::size_t count) {
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

} // namespace

std::string format_timestamp(std::int64_t ms, int offset_minutes) {
    const std::int64_t seconds = floor_div(ms, 1000) + std::int64_t{offset_minutes} * 60;
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::array<char, 40> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%04d-%02d-%02dT%02d:%02d:%02d", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    std::string out = buffer.data();
    if (offset_minutes == 0) {
        return out + "Z";
    }
    const int magnitude = offset_minutes < 0 ? -offset_minutes : offset_minutes;
    std::snprintf(buffer.data(), buffer.size(), "%c%02d:%02d", offset_minutes < 0 ? '-' : '+',
                  magnitude / 60, magnitude % 60);
    return out + buffer.data();
}

int local_offset_minutes(std::int64_t ms) {
    const std::time_t t = static_cast<std::time_t>(floor_div(ms, 1000));
    std::tm tm{};
    localtime_r(&t, &tm);
    return static_cast<int>(tm.tm_gmtoff / 60);
}

std::optional<std::string> long_date(std::string_view timestamp) {
    if (!digits(timestamp, 0, 4) || timestamp.size() < 10 || timestamp[4] != '-' ||
        !digits(timestamp, 5, 2) || timestamp[7] != '-' || !digits(timestamp, 8, 2)) {
        return std::nullopt;
    }
    const int month = number(timestamp, 5, 2);
    const int day = number(timestamp, 8, 2);
    if (month < 1 || month > 12 || day < 1 || day > 31) {
        return std::nullopt;
    }
    return pdf::long_date(std::string(timestamp.substr(0, 4)), month, day);
}

bool is_timestamp(std::string_view t) {
    if (!long_date(t) || t.size() < 20 || t[10] != 'T' || !digits(t, 11, 2) || t[13] != ':' ||
        !digits(t, 14, 2) || t[16] != ':' || !digits(t, 17, 2)) {
        return false;
    }
    std::size_t i = 19;
    if (i < t.size() && t[i] == '.') {
        ++i;
        const std::size_t start = i;
        while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) {
            ++i;
        }
        if (i == start) {
            return false;
        }
    }
    if (i < t.size() && t[i] == 'Z') {
        return i + 1 == t.size();
    }
    return t.size() == i + 6 && (t[i] == '+' || t[i] == '-') && digits(t, i + 1, 2) &&
           t[i + 3] == ':' && digits(t, i + 4, 2);
}

} // namespace sightline::credentials
