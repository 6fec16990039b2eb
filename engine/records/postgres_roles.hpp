// Database roles for an organisation's shared records on PostgreSQL. The
// database owner runs grant_roles() (sightline records grant): players may
// read and add records but never delete them nor issue certificates;
// administrators may do everything to the data but change no table.
//
// One database per organisation: roles are granted on one database's tables,
// and nothing is shared between organisations.
#pragma once

#include <string>
#include <vector>

namespace sightline::records {

struct RoleGrant {
    std::string player; // the players' role; empty: leave players alone
    std::string admin;  // the administrators' role; empty: leave them alone
};

struct GrantReport {
    std::string database;
    std::string schema;
    std::vector<std::string> tables;        // every table of the records
    std::vector<std::string> player_writes; // SELECT, INSERT, UPDATE for players
    std::vector<std::string> player_reads;  // SELECT only for players
};

// The tables players may read, add to and update (no DELETE): what a player
// writes while a learner trains.
const std::vector<std::string>& player_write_tables();
// The tables players may only read.
const std::vector<std::string>& player_read_tables();

// Connects as the database owner, creates or upgrades the schema, and sets
// exactly these privileges on every table (and sequence) of the current
// schema, revoking any others the roles had there:
//   players:        SELECT, INSERT, UPDATE on player_write_tables(), SELECT on
//                   player_read_tables(), USAGE on the sequences; nothing on a
//                   table this build does not know (grant again after an upgrade);
//   administrators: SELECT, INSERT, UPDATE, DELETE on every table but
//                   schema_version (SELECT), USAGE, SELECT, UPDATE on the
//                   sequences, also on the tables and sequences the owner
//                   creates later (ALTER DEFAULT PRIVILEGES).
// Both get CONNECT on the database and USAGE on the schema, never CREATE.
// Refuses (RecordsError) a role that does not exist, a superuser (privileges
// do not bind one), the connecting user itself, and the same role for both.
GrantReport grant_roles(const std::string& conninfo, const RoleGrant& roles);

} // namespace sightline::records
