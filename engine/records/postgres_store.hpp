// The organisation's shared records store on a PostgreSQL server (libpq).
// Same interface and semantics as the embedded SQLite store (store.hpp): one
// transaction per write, events in the order they were recorded, time on task,
// revocations that outlive a deleted learner. Its schema version is kept in a
// table `schema_version`; opening runs the missing migration steps.
#pragma once

#include "records/store.hpp"

#include <memory>
#include <string>

namespace sightline::records {

// Connects with a libpq connection string ("postgresql://user@host/db" or
// "host=... dbname=..."), creating or upgrading the schema. Throws
// RecordsError when the server cannot be reached or the schema is newer than
// this build; messages never contain the password. `busy_timeout_ms` becomes
// the session's lock_timeout.
std::unique_ptr<Store> open_postgres_store(const std::string& conninfo,
                                           const StoreOptions& options = {});

// The PostgreSQL schema version this build writes (its own numbering).
int postgres_schema_version();

// Whether `records` names a PostgreSQL server rather than a folder
// ("postgresql://..." or "postgres://...").
bool is_postgres_conninfo(const std::string& records);

// Whether the connection string carries a password. A command line is
// readable by every user of the machine (ps, /proc), so the commands refuse
// one there: the password belongs in ~/.pgpass or a service file. Throws
// RecordsError when the string cannot be parsed.
bool conninfo_has_password(const std::string& conninfo);

} // namespace sightline::records
