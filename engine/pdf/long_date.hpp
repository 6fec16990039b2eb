// A day written out in the program's current language (i18n::language()):
// "14 March 2025", "14 de marzo de 2025". Shared by the certificate and the
// classroom session report; the including library links sightline_i18n.
#pragma once

#include "i18n/i18n.hpp"

#include <cstddef>
#include <string>

namespace sightline::pdf {

// `month` from 1 to 12; the caller checks the ranges.
inline std::string long_date(const std::string& year, int month, int day) {
    using i18n::tr;
    const char* const months[] = {
        tr("month", "January"), tr("month", "February"), tr("month", "March"),
        tr("month", "April"),   tr("month", "May"),      tr("month", "June"),
        tr("month", "July"),    tr("month", "August"),   tr("month", "September"),
        tr("month", "October"), tr("month", "November"), tr("month", "December")};
    // TRANSLATORS: a date written out: {1} the day, {2} the month's name, {3} the year.
    return i18n::format(tr("long date", "{1} {2} {3}"),
                        {std::to_string(day), months[static_cast<std::size_t>(month - 1)], year});
}

} // namespace sightline::pdf
