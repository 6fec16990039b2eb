// The program's compiled catalogues (po/sightline-*.po, built by the
// program-translations target) for tests whose output names languages by
// their own names ("Español" comes from the Spanish catalogue). Each doctest
// case runs in its own process under CTest, so binding stays in that case.
#pragma once

#include "i18n/i18n.hpp"

#include <filesystem>

namespace sightline::test {

inline void bind_program_catalogues() {
    i18n::bind(std::filesystem::path(SIGHTLINE_BINARY_DIR) / "share" / "locale");
    i18n::set_language("en");
}

} // namespace sightline::test
