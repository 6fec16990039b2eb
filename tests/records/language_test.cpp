// The records' messages that reach a learner or an administrator, in the
// reader's language, through the program's catalogues (po/sightline-es.po,
// compiled into <build>/share/locale): SQLite's failures as whole sentences
// with the reason translated, and a learner's details refused. English stays
// byte for byte what it was. Each doctest case runs in its own process under
// CTest, so the binding stays here.
#include "i18n/i18n.hpp"
#include "records/organisation_store.hpp"
#include "records/postgres_store.hpp"
#include "records/records.hpp"
#include "records/store.hpp"
#include "support/program_catalogues.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

using namespace sightline;

namespace {

// A server that is not there (no socket at this path).
const std::string kNoServer = "host=/nonexistent-sightline-test dbname=records";

records::OrganisationOptions quick() {
    records::OrganisationOptions o;
    o.drain_on_close = std::chrono::milliseconds(0);
    return o;
}

bool spanish_catalogue() {
    return std::filesystem::exists(std::filesystem::path(SIGHTLINE_BINARY_DIR) / "share" /
                                   "locale" / "es" / "LC_MESSAGES" / "sightline.mo");
}

// Opening records whose records.db is not a database.
std::string open_error(const std::filesystem::path& dir) {
    try {
        (void)records::open_store(dir);
    } catch (const records::RecordsError& e) {
        return e.what();
    }
    return "(opened)";
}

std::string learner_error(const records::LearnerInput& input) {
    try {
        records::check_learner_input(input);
    } catch (const records::RecordsError& e) {
        return e.what();
    }
    return "(accepted)";
}

// A second player on the same folder, while `first` holds it. No server is
// needed: a player records offline until it reaches one.
std::string second_player_error(const std::filesystem::path& dir) {
    try {
        (void)records::open_organisation_store(kNoServer, dir, quick());
    } catch (const records::RecordsError& e) {
        return e.what();
    }
    return "(opened)";
}

} // namespace

TEST_CASE("another player on the same records is explained in Spanish, and in English as before") {
    REQUIRE_MESSAGE(spanish_catalogue(), "build the program-translations target first");
    test::bind_program_catalogues();
    const test::TempDir dir;
    const auto first = records::open_organisation_store(kNoServer, dir.path(), quick());
    std::string spanish;
    {
        const i18n::LanguageScope scope("es");
        spanish = second_player_error(dir.path());
    }
    CHECK(spanish == "otro programa de Sightline est\u00E1 usando los registros en " +
                         dir.path().string() + "; ci\u00E9rrelo primero");
    CHECK(second_player_error(dir.path()) ==
          "another player is using the records in " + dir.path().string() + "; close it first");
}

TEST_CASE("records that cannot be read are explained in Spanish, and in English as before") {
    REQUIRE_MESSAGE(spanish_catalogue(), "build the program-translations target first");
    test::bind_program_catalogues();
    const test::TempDir dir;
    const std::string db = (dir.path() / "records.db").string();
    std::ofstream(db) << "These are not the records you are looking for.\n"
                         "This text is long enough that SQLite reads its header and refuses it.\n";
    std::string spanish;
    {
        const i18n::LanguageScope scope("es");
        spanish = open_error(dir.path());
        records::LearnerInput nameless;
        CHECK(learner_error(nameless) == "un participante necesita un nombre");
    }
    const std::string english = open_error(dir.path());
    CHECK(spanish.starts_with("no se puede "));
    CHECK(spanish.find(" en la base de datos de registros " + db + ": ") != std::string::npos);
    CHECK(spanish.ends_with(": el archivo est\u00E1 da\u00F1ado o no es una base de datos de "
                            "registros de Sightline"));
    CHECK(english.starts_with("cannot "));
    CHECK(english.find(" in the records database " + db + ": ") != std::string::npos);
    CHECK(english.ends_with(": the file is corrupt or is not a Sightline records database"));
    CHECK(learner_error(records::LearnerInput{}) == "a learner needs a name");
}

TEST_CASE("a PostgreSQL server that cannot be reached is explained in Spanish, and in English as "
          "before") {
    REQUIRE_MESSAGE(spanish_catalogue(), "build the program-translations target first");
    test::bind_program_catalogues();
    const test::TempDir temp; // no server listens here
    const std::string conninfo = "postgresql://ana:s3cret-pw@/records?host=" + temp.path().string();
    const std::string location = "postgresql://ana@" + temp.path().string() + "/records: ";
    const auto message = [&] {
        try {
            records::open_postgres_store(conninfo);
        } catch (const records::RecordsError& error) {
            return std::string(error.what());
        }
        return std::string("(opened)");
    };
    {
        const i18n::LanguageScope spanish("es");
        const std::string why = message();
        CHECK(
            why.starts_with("no se puede conectar con la base de datos de registros " + location));
        CHECK(why.find("s3cret-pw") == std::string::npos);
    }
    CHECK(message().starts_with("cannot connect to the records database " + location));
}
