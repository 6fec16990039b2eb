#include "records/records.hpp"

#include "i18n/i18n.hpp"
#include "records/uuid.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <string>

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

bool is_calendar_date(std::string_view d) {
    const auto digits = [&](std::size_t from, std::size_t count) {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (d[i] < '0' || d[i] > '9') {
                return -1;
            }
            value = value * 10 + (d[i] - '0');
        }
        return value;
    };
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') {
        return false;
    }
    const int year = digits(0, 4);
    const int month = digits(5, 2);
    const int day = digits(8, 2);
    if (year < 1900 || month < 1 || day < 1) {
        return false;
    }
    return std::chrono::year_month_day(std::chrono::year(year),
                                       std::chrono::month(static_cast<unsigned>(month)),
                                       std::chrono::day(static_cast<unsigned>(day)))
        .ok();
}

bool is_language_tag(std::string_view text) {
    const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    std::size_t start = 0;
    bool primary = true;
    while (true) {
        const std::size_t end = std::min(text.find('-', start), text.size());
        const std::string_view part = text.substr(start, end - start);
        if (part.empty() || part.size() > 8 || (primary && part.size() < 2)) {
            return false;
        }
        for (const char c : part) {
            if (!letter(c) && (primary || !digit(c))) {
                return false;
            }
        }
        if (end == text.size()) {
            return true;
        }
        start = end + 1;
        primary = false;
    }
}

void check_learner_input(const LearnerInput& input) {
    if (input.display_name.empty()) {
        throw RecordsError(i18n::tr("a learner needs a name"));
    }
    if (!input.hire_date.empty() && !is_calendar_date(input.hire_date)) {
        // TRANSLATORS: {1} what was given; YYYY-MM-DD stays as it is.
        throw RecordsError(i18n::format(i18n::tr("the hire date \"{1}\" is not a date written "
                                                 "YYYY-MM-DD"),
                                        {input.hire_date}));
    }
    if (!input.language.empty() && !is_language_tag(input.language)) {
        // TRANSLATORS: {1} what was given; es and es-MX are language tags, as they are.
        throw RecordsError(i18n::format(i18n::tr("the language \"{1}\" is not a language tag "
                                                 "such as es or es-MX"),
                                        {input.language}));
    }
}

Learner make_learner(std::string id, const LearnerInput& input, TimeMs created) {
    Learner learner;
    learner.id = std::move(id);
    learner.display_name = input.display_name;
    learner.profession = input.profession;
    learner.licence_number = input.licence_number;
    learner.licence_state = input.licence_state;
    learner.created = created;
    learner.hire_date = input.hire_date;
    learner.job_role = input.job_role;
    learner.site = input.site;
    learner.language = input.language;
    return learner;
}

LearnerInput input_of(const Learner& learner) {
    LearnerInput input;
    input.display_name = learner.display_name;
    input.profession = learner.profession;
    input.licence_number = learner.licence_number;
    input.licence_state = learner.licence_state;
    input.hire_date = learner.hire_date;
    input.job_role = learner.job_role;
    input.site = learner.site;
    input.language = learner.language;
    return input;
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
