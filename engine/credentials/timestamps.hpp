// Timestamps as credentials write them: XML Schema dateTimeStamp with whole
// seconds, "2025-03-12T14:03:00Z" or with the issuer's local offset
// "2025-03-12T10:03:00-04:00", so the date printed is the local one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sightline::credentials {

// `ms` since the Unix epoch, shown at UTC offset `offset_minutes` ("Z" for 0).
std::string format_timestamp(std::int64_t ms, int offset_minutes = 0);

// This machine's UTC offset (in minutes) at the moment `ms`, from TZ.
int local_offset_minutes(std::int64_t ms);

// "12 March 2025" from a timestamp's date part ("2025-03-12T..."), in the
// program's current language ("12 de marzo de 2025" in Spanish); nullopt when
// it does not start with a valid date.
std::optional<std::string> long_date(std::string_view timestamp);

// True for "YYYY-MM-DDThh:mm:ss[.fff](Z|±hh:mm)".
bool is_timestamp(std::string_view text);

} // namespace sightline::credentials
