// TLS to the records server with sslmode=verify-full: the server's
// certificate must chain to the given CA and name the host connected to; the
// password comes from a password file (~/.pgpass or PGPASSFILE), never the
// command line, and no message shows it.
#include "commands.hpp"
#include "records/postgres_connection.hpp"
#include "records/postgres_store.hpp"
#include "support/pg_tls_cluster.hpp"
#include "support/scoped_env.hpp"

#include <doctest/doctest.h>

#include <sstream>

using namespace sightline;

namespace {

bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

std::string refusal(const std::string& conninfo) {
    try {
        records::open_postgres_store(conninfo);
    } catch (const records::RecordsError& e) {
        return e.what();
    }
    return {};
}

} // namespace

TEST_CASE("sslmode=verify-full connects to a server with the CA's certificate for its name") {
    std::string why_not;
    const auto cluster = test::PgTlsCluster::start(why_not);
    if (!cluster) {
        MESSAGE(why_not);
        return;
    }
    const test::ScopedEnv pgpass("PGPASSFILE", cluster->pgpass_file().string());
    const std::string port = std::to_string(cluster->port());
    const std::string verified = "host=localhost port=" + port +
                                 " dbname=postgres user=sightline sslmode=verify-full "
                                 "sslrootcert=" +
                                 cluster->ca_file().string();
    {
        const auto store = records::open_postgres_store(verified);
        store->set_setting("iri-base", "https://care.example.org/");
        records::pg::Connection conn(verified, {});
        const records::pg::Result ssl = conn.exec(
            "check TLS", "SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()");
        REQUIRE(ssl.rows() == 1);
        CHECK(ssl.row(0).text(0) == "t");
        CHECK(ssl.row(0).text(1).starts_with("TLSv1."));
    }

    // The same through --records, as an administrator types it.
    std::istringstream in;
    std::ostringstream out, err;
    const cli::Environment env{in, out, err, "/nonexistent/bin/sightline", false, 0};
    const int code = cli::records_command(
        {"settings", "--records",
         "postgresql://sightline@localhost:" + port +
             "/postgres?sslmode=verify-full&sslrootcert=" + cluster->ca_file().string()},
        env);
    CHECK_MESSAGE(code == 0, err.str());
    CHECK(contains(out.str(), "iri-base  https://care.example.org/"));

    // A CA that did not sign the server's certificate: refused, and said so.
    std::string why = refusal("host=localhost port=" + port +
                              " dbname=postgres user=sightline sslmode=verify-full sslrootcert=" +
                              cluster->other_ca_file().string());
    CHECK(contains(why, "cannot connect to the records database postgresql://sightline@localhost:" +
                            port + "/postgres"));
    CHECK(contains(why, "certificate verify failed"));
    CHECK_FALSE(contains(why, cluster->password()));

    // The right CA, but not the name on the certificate (it is for localhost).
    why = refusal("host=127.0.0.1 port=" + port +
                  " dbname=postgres user=sightline sslmode=verify-full sslrootcert=" +
                  cluster->ca_file().string());
    CHECK(contains(why, "does not match host name \"127.0.0.1\""));

    // No TLS: the server refuses.
    why =
        refusal("host=localhost port=" + port + " dbname=postgres user=sightline sslmode=disable");
    CHECK(contains(why, "no encryption"));

    // Without the password file there is no password to send.
    {
        const test::ScopedEnv none("PGPASSFILE", (cluster->pgpass_file().string() + ".missing"));
        why = refusal(verified);
        CHECK(contains(why, "no password supplied"));
    }
}
