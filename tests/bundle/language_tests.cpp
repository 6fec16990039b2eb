// Why a bundle is refused, in the reader's language: the reasons go through
// the program's catalogues (po/sightline-es.po, compiled into
// <build>/share/locale) and English stays byte for byte what it was. Each
// doctest case runs in its own process under CTest, so the binding stays here.
#include "bundle/bundle.hpp"
#include "i18n/i18n.hpp"
#include "sample_bundle.hpp"
#include "support.hpp"
#include "support/program_catalogues.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

using namespace sightline;

namespace {

bool spanish_catalogue() {
    return std::filesystem::exists(std::filesystem::path(SIGHTLINE_BINARY_DIR) / "share" /
                                   "locale" / "es" / "LC_MESSAGES" / "sightline.mo");
}

} // namespace

TEST_CASE("a damaged or truncated bundle is explained in Spanish, and in English as before") {
    REQUIRE_MESSAGE(spanish_catalogue(), "build the program-translations target first");
    test::bind_program_catalogues();
    std::vector<std::uint8_t> damaged =
        bundle::write_bundle(testing::sample_bundle(), testing::kTestCompilerVersion);
    damaged.back() ^= 1;
    const std::vector<std::uint8_t> truncated(damaged.begin(), damaged.begin() + 10);
    const std::vector<std::uint8_t> foreign(bundle::format::kHeaderSize, 0);
    {
        const i18n::LanguageScope spanish("es");
        CHECK(testing::load_error(damaged) ==
              "la suma de comprobaci\u00F3n no coincide: el archivo est\u00E1 da\u00F1ado");
        CHECK(testing::load_error(truncated) ==
              "encabezado incompleto: el archivo tiene 10 bytes y solo el encabezado de un "
              "paquete ocupa 64");
        CHECK(testing::load_error(foreign) ==
              "no es un paquete de Sightline (sus primeros bytes no son la firma de .slpack)");
        try {
            bundle::read_bundle(truncated, "curso.slpack");
            FAIL("a truncated bundle loaded");
        } catch (const bundle::BundleError& error) {
            // The file's name stays first, as the English has it.
            CHECK(std::string(error.what()).starts_with("curso.slpack: encabezado incompleto"));
        }
    }
    CHECK(testing::load_error(damaged) == "checksum mismatch: the file is damaged");
    CHECK(testing::load_error(truncated) ==
          "truncated header: the file has 10 bytes and a bundle header alone takes 64");
    CHECK(testing::load_error(foreign) ==
          "not a Sightline bundle (its first bytes are not the .slpack magic)");
}
