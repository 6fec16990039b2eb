#include "records/postgres_roles.hpp"

#include "i18n/i18n.hpp"
#include "records/postgres_connection.hpp"
#include "records/postgres_store.hpp"

#include <algorithm>

namespace sightline::records {

namespace {

using pg::Connection;
using pg::Params;
using pg::Result;

// A name as a quoted SQL identifier ("Player" stays Player, not player).
std::string identifier(Connection& conn, const std::string& name) {
    char* quoted = PQescapeIdentifier(conn.handle(), name.data(), name.size());
    if (quoted == nullptr) {
        // TRANSLATORS: {1} a PostgreSQL role's name.
        throw RecordsError(
            i18n::format(i18n::tr("the role name '{1}' cannot be used in SQL"), {name}));
    }
    std::string out = quoted;
    PQfreemem(quoted);
    return out;
}

bool contains(const std::vector<std::string>& list, const std::string& name) {
    return std::find(list.begin(), list.end(), name) != list.end();
}

// `admin`: the administrators' role, else the players'.
void check_role(Connection& conn, const std::string& role, bool admin) {
    using i18n::tr;
    const Result found = conn.exec(i18n::tr("records database action", "look up a role"),
                                   "SELECT rolsuper, rolname = current_user FROM pg_roles "
                                   "WHERE rolname = $1",
                                   Params().add(role));
    if (found.rows() == 0) {
        // TRANSLATORS: {1} a PostgreSQL role's name, {2} the records database; CREATE ROLE
        // ... LOGIN is SQL, as it is.
        throw RecordsError(i18n::format(tr("there is no role '{1}' on the server of {2}: create "
                                           "it first (CREATE ROLE {1} LOGIN)"),
                                        {role, conn.location()}));
    }
    if (found.row(0).text(1) == "t") {
        // TRANSLATORS: {1} a PostgreSQL role's name.
        throw RecordsError(i18n::format(
            admin ? tr("'{1}' is the role running this command (the database owner); give the "
                       "administrators a role of their own")
                  : tr("'{1}' is the role running this command (the database owner); give the "
                       "players a role of their own"),
            {role}));
    }
    if (found.row(0).text(0) == "t") {
        // TRANSLATORS: {1} a PostgreSQL role's name.
        throw RecordsError(i18n::format(
            admin ? tr("'{1}' is a superuser, which no privilege restricts; give the "
                       "administrators an ordinary role")
                  : tr("'{1}' is a superuser, which no privilege restricts; give the players an "
                       "ordinary role"),
            {role}));
    }
}

} // namespace

const std::vector<std::string>& player_write_tables() {
    static const std::vector<std::string> tables = {
        "learners",           "attempts",    "events",      "votes",
        "classroom_sessions", "completions", "attestations"};
    return tables;
}

const std::vector<std::string>& player_read_tables() {
    // A player shows a learner their certificates, never issues one.
    static const std::vector<std::string> tables = {"settings", "schema_version", "certificates",
                                                    "certificate_status"};
    return tables;
}

GrantReport grant_roles(const std::string& conninfo, const RoleGrant& roles) {
    if (roles.player.empty() && roles.admin.empty()) {
        throw RecordsError(i18n::tr("name the players' role, the administrators' role or both"));
    }
    if (roles.player == roles.admin) {
        // TRANSLATORS: {1} a PostgreSQL role's name.
        throw RecordsError(i18n::format(
            i18n::tr("players and administrators need different roles ('{1}' was given for both)"),
            {roles.player}));
    }
    // Creates or upgrades the tables first, as the owner: the grants cover them all.
    open_postgres_store(conninfo).reset();

    Connection conn(conninfo, {});
    pg::Transaction transaction(conn);
    if (!roles.player.empty()) {
        check_role(conn, roles.player, false);
    }
    if (!roles.admin.empty()) {
        check_role(conn, roles.admin, true);
    }
    GrantReport report;
    {
        const Result where = conn.exec(i18n::tr("records database action", "read the schema"),
                                       "SELECT current_database(), current_schema()");
        report.database = where.row(0).text(0);
        report.schema = where.row(0).text(1);
    }
    const Result tables =
        conn.exec(i18n::tr("records database action", "list the tables"),
                  "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                  "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') "
                  "ORDER BY c.relname COLLATE \"C\"");
    for (int i = 0; i < tables.rows(); ++i) {
        report.tables.push_back(tables.row(i).text(0));
    }
    const std::string schema = identifier(conn, report.schema);
    const std::string database = identifier(conn, report.database);

    std::string sql;
    const auto grant_common = [&](const std::string& role) {
        sql += "REVOKE ALL ON ALL TABLES IN SCHEMA " + schema + " FROM " + role + ";\n";
        sql += "REVOKE ALL ON ALL SEQUENCES IN SCHEMA " + schema + " FROM " + role + ";\n";
        sql += "GRANT CONNECT ON DATABASE " + database + " TO " + role + ";\n";
        sql += "GRANT USAGE ON SCHEMA " + schema + " TO " + role + ";\n";
    };
    if (!roles.player.empty()) {
        const std::string player = identifier(conn, roles.player);
        grant_common(player);
        for (const std::string& table : report.tables) {
            const char* privileges = contains(player_write_tables(), table)
                                         ? "SELECT, INSERT, UPDATE"
                                     : contains(player_read_tables(), table) ? "SELECT"
                                                                             : nullptr;
            if (privileges != nullptr) {
                sql += std::string("GRANT ") + privileges + " ON " + schema + "." +
                       identifier(conn, table) + " TO " + player + ";\n";
                (contains(player_write_tables(), table) ? report.player_writes
                                                        : report.player_reads)
                    .push_back(table);
            }
        }
        // nextval() for the events' and votes' ordinals.
        sql += "GRANT USAGE ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + player + ";\n";
    }
    if (!roles.admin.empty()) {
        const std::string admin = identifier(conn, roles.admin);
        grant_common(admin);
        for (const std::string& table : report.tables) {
            sql += std::string("GRANT ") +
                   (table == "schema_version" ? "SELECT" : "SELECT, INSERT, UPDATE, DELETE") +
                   " ON " + schema + "." + identifier(conn, table) + " TO " + admin + ";\n";
        }
        sql += "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + admin +
               ";\n";
        // Tables a later migration adds (run by this owner) are the administrators' too.
        sql += "ALTER DEFAULT PRIVILEGES IN SCHEMA " + schema +
               " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + admin + ";\n";
        sql += "ALTER DEFAULT PRIVILEGES IN SCHEMA " + schema +
               " GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO " + admin + ";\n";
    }
    conn.exec_script(i18n::tr("records database action", "grant the roles' privileges"),
                     sql.c_str());
    transaction.commit();
    return report;
}

} // namespace sightline::records
