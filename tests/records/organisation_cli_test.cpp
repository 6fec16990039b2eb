// `sightline records settings` and `sightline records grant` through the
// command library, on a records folder (SQLite) and on PostgreSQL, and a
// --records connection string that names a service of a pg_service.conf.
#include "commands.hpp"
#include "learning/session.hpp"
#include "records/postgres_store.hpp"
#include "records/store.hpp"
#include "support/pg_cluster.hpp"
#include "support/scenario_fixtures.hpp"
#include "support/scoped_env.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace sightline;
using sightline::test::TempDir;

namespace {

struct Result {
    int code = -1;
    std::string out;
    std::string err;
};

Result call(const std::vector<std::string>& args) {
    std::istringstream in;
    std::ostringstream out;
    std::ostringstream err;
    const cli::Environment env{in, out, err, "/nonexistent/bin/sightline", false, 0};
    Result r;
    r.code = cli::records_command(args, env);
    r.out = out.str();
    r.err = err.str();
    return r;
}

bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

// One learner with one answered choice, so that an export has statements.
void record_one_choice(records::Store& store) {
    const records::Learner ana = store.add_learner({"Ana", "", "", "", "", "", ""});
    learning::SessionStart start;
    start.learner_id = ana.id;
    start.course_id = "hotel-example";
    start.scenario_id = "hotel.example";
    learning::Session session =
        learning::Session::start(store, test::format_example(), {"h", "v"}, start, 1'000);
    session.choose("log-and-tell", 5'000);
}

// The activity id of the first statement's object.
std::string first_activity(const std::string& jsonl) {
    const std::string line = jsonl.substr(0, jsonl.find('\n'));
    return nlohmann::json::parse(line).at("object").at("id").get<std::string>();
}

// The settings and an export that follows them, wherever the records are:
// `where` is {"--data-dir", DIR} or {"--records", URI}.
void check_iri_base_setting(const std::vector<std::string>& where) {
    const auto with = [&](std::vector<std::string> args) {
        args.insert(args.end(), where.begin(), where.end());
        return args;
    };
    Result r = call(with({"settings"}));
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CHECK(contains(r.out, "iri-base  (not set: exports use https://sightline.invalid/)"));
    r = call(with({"export", "--xapi", "-"}));
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CHECK(first_activity(r.out).starts_with("https://sightline.invalid/"));

    for (const char* wrong :
         {"training.example.org/xapi/", "ftp://training.example.org/", "https://", "https:///xapi/",
          "https://training.example.org/xapi", "https://ex.org/?org=1/", "https://ex.org/#a/",
          "https://ex.org/a b/", "https://ana:pw@ex.org/"}) {
        r = call(with({"settings", "--iri-base", wrong}));
        CHECK_MESSAGE(r.code == 2, wrong);
        CHECK(contains(r.err, "sightline records settings: the IRI base must"));
    }
    CHECK(contains(call(with({"settings"})).out, "(not set"));

    r = call(with({"settings", "--iri-base", "https://training.example.org/xapi/"}));
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CHECK(contains(r.out, "iri-base is now https://training.example.org/xapi/"));
    r = call(with({"settings"}));
    CHECK(contains(r.out, "iri-base  https://training.example.org/xapi/\n"));

    // The export follows the setting; --base-iri still wins, and is checked.
    r = call(with({"export", "--xapi", "-"}));
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CHECK(first_activity(r.out) ==
          "https://training.example.org/xapi/scenarios/hotel.example/nodes/desk");
    CHECK_FALSE(contains(r.out, "sightline.invalid"));
    r = call(with({"export", "--xapi", "-", "--base-iri", "http://lrs.example.net/"}));
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CHECK(first_activity(r.out) == "http://lrs.example.net/scenarios/hotel.example/nodes/desk");
    r = call(with({"export", "--xapi", "-", "--base-iri", "lrs.example.net"}));
    CHECK(r.code == 2);
    CHECK(contains(r.err, "--base-iri: the IRI base must be an absolute https://"));
}

} // namespace

TEST_CASE("records settings keeps the organisation's IRI base in a records folder") {
    TempDir data;
    record_one_choice(*records::open_store(data.path()));
    check_iri_base_setting({"--data-dir", data.path().string()});
    // --data-dir before the command, as for the other records commands.
    const Result r = call({"--data-dir", data.path().string(), "settings"});
    CHECK(r.code == 0);
    CHECK(contains(r.out, "Settings of " + data.path().string()));
    // grant is for a server's roles.
    const Result grant = call({"grant", "--player", "p", "--data-dir", data.path().string()});
    CHECK(grant.code == 2);
    CHECK(contains(grant.err, "grant needs --records postgresql://"));
}

TEST_CASE("records settings keeps the organisation's IRI base on PostgreSQL") {
    test::PgCluster* cluster = test::PgCluster::shared();
    if (cluster == nullptr) {
        MESSAGE(test::PgCluster::unavailable_reason());
        return;
    }
    const std::string uri = cluster->create_database();
    record_one_choice(*records::open_postgres_store(uri));
    check_iri_base_setting({"--records", uri});
    // Every administrator's export agrees: the setting is in the database.
    CHECK(records::open_postgres_store(uri)->setting("iri-base") ==
          "https://training.example.org/xapi/");
    const Result before = call({"--records", uri, "settings"});
    CHECK(before.code == 0);
    CHECK(contains(before.out, "Settings of postgresql://sightline@"));
}

TEST_CASE("records grant names what it refuses") {
    test::PgCluster* cluster = test::PgCluster::shared();
    if (cluster == nullptr) {
        MESSAGE(test::PgCluster::unavailable_reason());
        return;
    }
    const std::string uri = cluster->create_database();
    Result r = call({"grant", "--records", uri});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "grant needs --player ROLE, --admin ROLE or both"));
    r = call({"grant", "--records", uri, "--player", "nobody_here"});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "there is no role 'nobody_here'"));
    CHECK(contains(r.err, "CREATE ROLE nobody_here LOGIN"));
    r = call({"grant", "--records", uri, "--player", "sightline"});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "'sightline' is the role running this command"));
    r = call({"grant", "--records", uri, "--player", "x", "--admin", "x"});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "players and administrators need different roles"));
}

TEST_CASE("--records takes a service from a pg_service.conf, so that no password is typed") {
    test::PgCluster* cluster = test::PgCluster::shared();
    if (cluster == nullptr) {
        MESSAGE(test::PgCluster::unavailable_reason());
        return;
    }
    // postgresql://sightline@/caseN?host=SOCKET_DIR&port=PORT
    const std::string uri = cluster->create_database();
    const std::size_t db_at = uri.find("@/") + 2;
    const std::string dbname = uri.substr(db_at, uri.find('?') - db_at);
    const std::size_t host_at = uri.find("host=") + 5;
    const std::string host = uri.substr(host_at, uri.find('&', host_at) - host_at);
    const std::string port = uri.substr(uri.find("port=") + 5);
    TempDir temp;
    const auto service_file = temp.path() / "pg_service.conf";
    {
        std::ofstream out(service_file);
        out << "[sightline-records]\nhost=" << host << "\nport=" << port << "\nuser=sightline\n"
            << "dbname=" << dbname << "\n";
    }
    const test::ScopedEnv env("PGSERVICEFILE", service_file.string());
    Result r = call({"settings", "--records", "postgresql://?service=sightline-records",
                     "--iri-base", "https://care.example.org/"});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CHECK(records::open_postgres_store(uri)->setting("iri-base") == "https://care.example.org/");
    r = call({"settings", "--records", "postgresql://?service=no-such-service"});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "no-such-service"));
}
