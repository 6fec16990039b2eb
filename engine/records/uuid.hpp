// Random (version 4) UUIDs for learners, attempts and certificates.
#pragma once

#include <string>
#include <string_view>

namespace sightline::records {

// "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx" from libsodium's CSPRNG.
std::string new_uuid();

// True for a lowercase RFC 4122 UUID in the 8-4-4-4-12 form.
bool is_uuid(std::string_view text);

} // namespace sightline::records
