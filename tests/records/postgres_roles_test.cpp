// `sightline records grant` on the real test cluster: a player's role may add
// attempts and events but deletes nothing and issues nothing; an
// administrator's may do both; neither may change the schema.
#include "commands.hpp"
#include "learning/session.hpp"
#include "records/postgres_connection.hpp"
#include "records/postgres_roles.hpp"
#include "records/postgres_store.hpp"
#include "support/pg_cluster.hpp"
#include "support/scenario_fixtures.hpp"

#include <doctest/doctest.h>

#include <sstream>

using namespace sightline;

namespace {

bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

// The test cluster's URI for the same database as another user (the
// cluster trusts its Unix socket, so no password is needed).
std::string as_user(const std::string& uri, const std::string& user) {
    const std::string owner = "postgresql://sightline@";
    REQUIRE(uri.starts_with(owner));
    return "postgresql://" + user + "@" + uri.substr(owner.size());
}

// The reason `write` was refused; empty if it was not.
template <typename Write>
std::string refusal(Write write) {
    try {
        write();
    } catch (const records::RecordsError& e) {
        return e.what();
    }
    return {};
}

records::Certificate certificate_for(const std::string& learner_id, const std::string& id) {
    records::Certificate c;
    c.id = id;
    c.learner_id = learner_id;
    c.course_id = "hotel-example";
    c.issued = 1'000;
    c.verification_code = "CODE-" + id;
    c.credential_json = "{}";
    return c;
}

} // namespace

TEST_CASE("players may add attempts but not delete or issue, and administrators may do both") {
    test::PgCluster* cluster = test::PgCluster::shared();
    if (cluster == nullptr) {
        MESSAGE(test::PgCluster::unavailable_reason());
        return;
    }
    const std::string uri = cluster->create_database();
    {
        records::pg::Connection owner(uri, {});
        owner.exec_script("create the roles", "CREATE ROLE sl_player LOGIN; "
                                              "CREATE ROLE sl_admin LOGIN");
    }
    std::istringstream in;
    std::ostringstream out, err;
    const cli::Environment env{in, out, err, "/nonexistent/bin/sightline", false, 0};
    const int code = cli::records_command(
        {"grant", "--records", uri, "--player", "sl_player", "--admin", "sl_admin"}, env);
    REQUIRE_MESSAGE(code == 0, err.str());
    CHECK(contains(out.str(), "players (sl_player): read, add and update attempts, attestations, "
                              "classroom_sessions, completions, events, learners, votes; read "
                              "certificate_status, certificates, schema_version, settings; "));
    CHECK(contains(out.str(), "never delete, never issue a certificate"));

    // A player records a learner's choice.
    const auto player = records::open_postgres_store(as_user(uri, "sl_player"));
    const records::Learner ana = player->add_learner({"Ana", "", "", "", "", "", ""});
    learning::SessionStart start;
    start.learner_id = ana.id;
    start.course_id = "hotel-example";
    start.scenario_id = "hotel.example";
    learning::Session session =
        learning::Session::start(*player, test::format_example(), {"h", "v"}, start, 1'000);
    session.choose("log-and-tell", 5'000);
    CHECK(player->events(session.attempt().id).size() == 1);
    player->record_classroom_session({session.attempt().id, "In-service", "", 4});
    CHECK(player->setting("iri-base") == std::nullopt);

    // ... but erases nothing, issues nothing, changes no setting.
    std::string why = refusal([&] { player->delete_learner(ana.id); });
    CHECK(contains(why, "permission denied for table learners"));
    why = refusal([&] { player->add_certificate(certificate_for(ana.id, "c1")); });
    CHECK(contains(why, "permission denied for table certificates"));
    why = refusal([&] { player->set_setting("iri-base", "https://evil.example/"); });
    CHECK(contains(why, "permission denied for table settings"));
    {
        records::pg::Connection raw(as_user(uri, "sl_player"), {});
        for (const char* name :
             {"learners", "attempts", "events", "votes", "classroom_sessions", "completions",
              "attestations", "certificates", "certificate_status", "settings", "schema_version"}) {
            const std::string table = name;
            why = refusal(
                [&] { raw.exec("delete", ("DELETE FROM " + table + " WHERE false").c_str()); });
            CHECK_MESSAGE(contains(why, "permission denied for table " + table), table);
        }
        why = refusal([&] {
            raw.exec("issue", "INSERT INTO certificate_status (certificate_id) VALUES ('x')");
        });
        CHECK(contains(why, "permission denied for table certificate_status"));
        why = refusal([&] { raw.exec("create", "CREATE TABLE mine (a integer)"); });
        CHECK(contains(why, "permission denied for schema public"));
    }

    // An administrator issues and erases.
    const auto admin = records::open_postgres_store(as_user(uri, "sl_admin"));
    admin->add_certificate(certificate_for(ana.id, "c2"));
    CHECK(admin->certificate("c2").has_value());
    CHECK(player->certificate("c2").has_value()); // a player may show it to the learner
    admin->set_setting("iri-base", "https://care.example.org/");
    CHECK(player->setting("iri-base") == "https://care.example.org/");
    CHECK(admin->delete_learner(ana.id));
    CHECK(player->learners().empty());
    {
        records::pg::Connection raw(as_user(uri, "sl_admin"), {});
        why = refusal([&] { raw.exec("create", "CREATE TABLE mine (a integer)"); });
        CHECK(contains(why, "permission denied for schema public"));
        why = refusal([&] { raw.exec("drop", "DROP TABLE events"); });
        CHECK(contains(why, "must be owner of table events"));
        why = refusal([&] { raw.exec("version", "DELETE FROM schema_version"); });
        CHECK(contains(why, "permission denied for table schema_version"));
    }

    // A table a later migration adds (as the owner) is the administrators' at
    // once (ALTER DEFAULT PRIVILEGES), the players' only after grant again.
    {
        records::pg::Connection owner(uri, {});
        owner.exec_script("migrate", "CREATE TABLE later (a integer)");
    }
    records::pg::Connection admin_raw(as_user(uri, "sl_admin"), {});
    admin_raw.exec("insert", "INSERT INTO later VALUES (1)");
    records::pg::Connection player_raw(as_user(uri, "sl_player"), {});
    why = refusal([&] { player_raw.exec("read", "SELECT * FROM later"); });
    CHECK(contains(why, "permission denied for table later"));
}

TEST_CASE("grant_roles reports what each role may do and can be run again") {
    test::PgCluster* cluster = test::PgCluster::shared();
    if (cluster == nullptr) {
        MESSAGE(test::PgCluster::unavailable_reason());
        return;
    }
    const std::string uri = cluster->create_database();
    {
        records::pg::Connection owner(uri, {});
        owner.exec_script("create the roles", "CREATE ROLE \"Front Desk\" LOGIN; "
                                              "CREATE ROLE super_player LOGIN SUPERUSER");
    }
    const records::GrantReport first = records::grant_roles(uri, {"Front Desk", ""});
    CHECK(first.schema == "public");
    CHECK(first.player_writes == std::vector<std::string>{"attempts", "attestations",
                                                          "classroom_sessions", "completions",
                                                          "events", "learners", "votes"});
    CHECK(first.player_reads == std::vector<std::string>{"certificate_status", "certificates",
                                                         "schema_version", "settings"});
    // Again, after someone gave the players too much: exactly the same privileges.
    {
        records::pg::Connection owner(uri, {});
        owner.exec_script("over-grant", "GRANT DELETE ON learners TO \"Front Desk\"");
    }
    records::grant_roles(uri, {"Front Desk", ""});
    records::pg::Connection front_desk(as_user(uri, "Front%20Desk"), {});
    const std::string why = refusal([&] { front_desk.exec("delete", "DELETE FROM learners"); });
    CHECK(contains(why, "permission denied for table learners"));

    try {
        records::grant_roles(uri, {"super_player", ""});
        FAIL("a superuser was granted");
    } catch (const records::RecordsError& e) {
        CHECK(contains(e.what(), "'super_player' is a superuser"));
    }
}
