// The PostgreSQL store's schema (postgres_store.cpp), private to
// engine/records: its steps, numbered on their own, and the migration run
// when a store opens.
#pragma once

#include "records/postgres_connection.hpp"

namespace sightline::records::pg {

// Brings the database to postgres_schema_version() in one transaction, one
// program at a time; RecordsError when it was written by a newer Sightline.
void migrate(Connection& conn);

} // namespace sightline::records::pg
