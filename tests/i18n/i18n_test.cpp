#include "i18n/i18n.hpp"
#include "support/scoped_env.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

using namespace sightline;

namespace {

// Binds the test catalogue once; each test sets the language it needs.
void bind_test_catalogue() {
    static const bool bound = [] {
        i18n::bind(SIGHTLINE_TEST_LOCALE_DIR);
        return true;
    }();
    (void)bound;
}

} // namespace

TEST_CASE("program text shows in the language set, and English is the source") {
    bind_test_catalogue();
    i18n::set_language("es");
    CHECK(std::string(i18n::tr("Choose a course")) == "Elija un curso");
    CHECK(i18n::language() == "es");
    i18n::set_language("en");
    CHECK(std::string(i18n::tr("Choose a course")) == "Choose a course");
}

TEST_CASE("a string with no translation stays English") {
    bind_test_catalogue();
    i18n::set_language("es");
    CHECK(std::string(i18n::tr("Not in the catalogue")) == "Not in the catalogue");
    CHECK(std::string(i18n::tr("button", "Open")) == "Open");
    i18n::set_language("fr"); // no French catalogue at all
    CHECK(std::string(i18n::tr("Choose a course")) == "Choose a course");
    i18n::set_language("en");
}

TEST_CASE("a context tells one English word's two translations apart") {
    bind_test_catalogue();
    i18n::set_language("es");
    CHECK(std::string(i18n::tr("button", "Close")) == "Cerrar");
    CHECK(std::string(i18n::tr("distance", "Close")) == "Cerca");
    i18n::set_language("en");
    CHECK(std::string(i18n::tr("button", "Close")) == "Close");
}

TEST_CASE("plural forms follow the language's rule") {
    bind_test_catalogue();
    i18n::set_language("es");
    CHECK(std::string(i18n::tr_n("one scenario", "{1} scenarios", 1)) == "un escenario");
    CHECK(i18n::format(i18n::tr_n("one scenario", "{1} scenarios", 4), {"4"}) == "4 escenarios");
    i18n::set_language("en");
    CHECK(i18n::format(i18n::tr_n("one scenario", "{1} scenarios", 0), {"0"}) == "0 scenarios");
}

TEST_CASE("format puts arguments where the translation wants them") {
    bind_test_catalogue();
    i18n::set_language("es");
    CHECK(i18n::format(i18n::tr("{1} of {2} answered"), {"3", "5"}) == "respondidas: 3 de 5");
    i18n::set_language("en");
    CHECK(i18n::format("{2} after {1}", {"a", "b"}) == "b after a");
    CHECK(i18n::format("{{1}} is {1}", {"x"}) == "{1}} is x");
    CHECK(i18n::format("{3} and {} and {x}", {"a"}) == "{3} and {} and {x}");
}

TEST_CASE("a locale name's language, in lower case") {
    CHECK(i18n::locale_language("es_US.UTF-8") == "es");
    CHECK(i18n::locale_language("ES") == "es");
    CHECK(i18n::locale_language("de_DE@euro") == "de");
    CHECK(i18n::locale_language("C").empty());
    CHECK(i18n::locale_language("C.UTF-8").empty());
    CHECK(i18n::locale_language("POSIX").empty());
    CHECK(i18n::locale_language("").empty());
}

TEST_CASE("the system locale's language is LC_ALL, then LC_MESSAGES, then LANG") {
    test::ScopedEnv all("LC_ALL", "");
    test::ScopedEnv messages("LC_MESSAGES", "");
    test::ScopedEnv lang("LANG", "es_US.UTF-8");
    CHECK(i18n::system_language() == "es");
    {
        test::ScopedEnv messages_fr("LC_MESSAGES", "fr_FR.UTF-8");
        CHECK(i18n::system_language() == "fr");
        test::ScopedEnv all_c("LC_ALL", "C.UTF-8");
        CHECK(i18n::system_language().empty()); // LC_ALL decides, and says none
    }
    test::ScopedEnv lang_c("LANG", "C");
    CHECK(i18n::system_language().empty());
}

TEST_CASE("the program starts in the language asked for when it has a catalogue, else English") {
    const std::filesystem::path dir = SIGHTLINE_TEST_LOCALE_DIR;
    test::ScopedEnv all("LC_ALL", "");
    test::ScopedEnv messages("LC_MESSAGES", "");
    test::ScopedEnv lang("LANG", "C.UTF-8");
    CHECK(i18n::catalogue_language("es", dir) == "es");
    CHECK(i18n::catalogue_language("ES-us", dir) == "es");
    CHECK(i18n::catalogue_language("es_US.UTF-8", dir) == "es");
    CHECK(i18n::catalogue_language("fr", dir) == "en"); // no French catalogue
    CHECK(i18n::catalogue_language("../es", dir) == "en");
    CHECK(i18n::catalogue_language("", dir) == "en"); // the system says none
    test::ScopedEnv lang_es("LANG", "es_MX.UTF-8");
    CHECK(i18n::catalogue_language("", dir) == "es");
    CHECK(i18n::catalogue_language("es", dir / "missing") == "en");
}
