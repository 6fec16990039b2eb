// The records schema, as the list of steps that built it. Step N takes a
// database from user_version N-1 to N; a new build only ever appends a step,
// so any older database upgrades by running the steps it has not seen.
// tests/records/old/ holds a database written by every earlier version.
#pragma once

namespace sightline::records {

namespace sql {
class Database;
}

// Runs the missing steps (schema_version() in store.hpp is their count) up to
// `target`, all in one transaction. Throws RecordsError for a database newer
// than this build or a failed step.
void migrate(sql::Database& db, int target);

} // namespace sightline::records
