#include "records/postgres_schema.hpp"

#include "i18n/i18n.hpp"
#include "records/postgres_store.hpp"

#include <array>

namespace sightline::records {

namespace {

// Never edit a step once released; add a new one. The numbering is the
// PostgreSQL schema's own; step 1 is the SQLite schema 7 in PostgreSQL types.
constexpr std::array kSteps = {
    // 1: everything of SQLite schema 7. Events and votes carry `ordinal`, the
    // order they were recorded in (SQLite's rowid).
    R"sql(
CREATE TABLE learners (
    id             text PRIMARY KEY,
    display_name   text NOT NULL,
    profession     text NOT NULL DEFAULT '',
    licence_number text NOT NULL DEFAULT '',
    licence_state  text NOT NULL DEFAULT '',
    created_ms     bigint NOT NULL
);
CREATE TABLE attempts (
    id             text PRIMARY KEY,
    learner_id     text REFERENCES learners(id) ON DELETE CASCADE,
    course_id      text NOT NULL,
    scenario_id    text NOT NULL,
    bundle_hash    text NOT NULL,
    bundle_version text NOT NULL,
    mode           text NOT NULL CHECK (mode IN ('self-paced', 'classroom')),
    language       text NOT NULL,
    seed           bigint NOT NULL,
    started_ms     bigint NOT NULL,
    finished_ms    bigint,
    status         text NOT NULL CHECK (status IN ('in-progress', 'completed', 'abandoned')),
    active_ms      bigint NOT NULL DEFAULT 0,
    last_activity_ms bigint NOT NULL,
    events         bigint NOT NULL DEFAULT 0,
    save           bytea NOT NULL,
    ending_node    text,
    outcome        text,
    score_raw      bigint,
    score_min      bigint,
    score_max      bigint,
    passed         integer,
    scores         text
);
CREATE INDEX attempts_by_learner ON attempts(learner_id, scenario_id, status);
CREATE INDEX attempts_by_start ON attempts(started_ms, id);
CREATE TABLE events (
    ordinal        bigserial PRIMARY KEY,
    attempt_id     text NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
    sequence       bigint NOT NULL,
    time_ms        bigint NOT NULL,
    node_id        text NOT NULL,
    prompt         text NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('choice', 'answer')),
    response       text NOT NULL,
    offered        text NOT NULL,
    tier           text NOT NULL,
    correct        integer NOT NULL,
    score_changes  text NOT NULL,
    indicators     text NOT NULL,
    time_on_node_ms bigint NOT NULL,
    branch         bigint NOT NULL DEFAULT 0,
    UNIQUE (attempt_id, sequence)
);
CREATE TABLE votes (
    ordinal        bigserial,
    attempt_id     text NOT NULL,
    sequence       bigint NOT NULL,
    option_id      text NOT NULL,
    count          bigint NOT NULL CHECK (count >= 0),
    phone_count    bigint NOT NULL DEFAULT 0 CHECK (phone_count >= 0 AND phone_count <= count),
    PRIMARY KEY (attempt_id, sequence, option_id),
    FOREIGN KEY (attempt_id, sequence) REFERENCES events(attempt_id, sequence) ON DELETE CASCADE
);
CREATE TABLE classroom_sessions (
    attempt_id     text PRIMARY KEY REFERENCES attempts(id) ON DELETE CASCADE,
    name           text NOT NULL,
    facilitator    text NOT NULL DEFAULT '',
    head_count     bigint NOT NULL DEFAULT 0 CHECK (head_count >= 0)
);
CREATE TABLE completions (
    learner_id     text NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
    course_id      text NOT NULL,
    completed_ms   bigint NOT NULL,
    score_percent  bigint NOT NULL,
    minutes        bigint NOT NULL,
    PRIMARY KEY (learner_id, course_id, completed_ms)
);
CREATE TABLE attestations (
    learner_id     text NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
    course_id      text NOT NULL,
    statement      text NOT NULL,
    time_ms        bigint NOT NULL,
    PRIMARY KEY (learner_id, course_id)
);
CREATE TABLE certificates (
    id                text PRIMARY KEY,
    learner_id        text NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
    course_id         text NOT NULL,
    issued_ms         bigint NOT NULL,
    verification_code text NOT NULL UNIQUE,
    credential_json   text NOT NULL
);
CREATE TABLE certificate_status (
    certificate_id text PRIMARY KEY,
    status_list    text NOT NULL DEFAULT '',
    status_index   bigint CHECK (status_index >= 0),
    revoked_ms     bigint,
    reason         text NOT NULL DEFAULT '',
    UNIQUE (status_list, status_index)
);
)sql",
    // 2: SQLite schema 8: learners' hire date, job role and site; settings.
    R"sql(
ALTER TABLE learners ADD COLUMN hire_date text NOT NULL DEFAULT '';
ALTER TABLE learners ADD COLUMN job_role text NOT NULL DEFAULT '';
ALTER TABLE learners ADD COLUMN site text NOT NULL DEFAULT '';
CREATE TABLE settings (
    key            text PRIMARY KEY,
    value          text NOT NULL
);
)sql",
    // 3: SQLite schema 9: the language a learner prefers to train in, or empty.
    R"sql(
ALTER TABLE learners ADD COLUMN language text NOT NULL DEFAULT '';
)sql",
};

// A key for pg_advisory_xact_lock: two programs opening a new database at
// once migrate one after the other.
constexpr std::int64_t kMigrationLock = 0x5349474854;

} // namespace

int postgres_schema_version() {
    return static_cast<int>(kSteps.size());
}

namespace pg {

void migrate(Connection& conn) {
    Transaction transaction(conn);
    conn.exec(i18n::tr("records database action", "lock the schema"),
              "SELECT pg_advisory_xact_lock($1)", Params().add(kMigrationLock));
    // Looked up first: a user who may read and write the records but not
    // create tables (PostgreSQL 15's default in the public schema) can open them.
    const Result table = conn.exec(i18n::tr("records database action", "read the schema version"),
                                   "SELECT to_regclass('schema_version') IS NOT NULL");
    int found = 0;
    if (table.row(0).text(0) == "t") {
        const Result row = conn.exec(i18n::tr("records database action", "read the schema version"),
                                     "SELECT coalesce(max(version), 0) FROM schema_version");
        found = static_cast<int>(row.row(0).integer(0));
    } else {
        conn.exec_script(i18n::tr("records database action", "create the schema version table"),
                         "CREATE TABLE schema_version (version integer NOT NULL)");
    }
    if (found > postgres_schema_version()) {
        throw RecordsError(i18n::format(
            i18n::tr("the records database {1} was written by a newer Sightline (schema {2}); this "
                     "version reads schema {3} and older"),
            {conn.location(), std::to_string(found), std::to_string(postgres_schema_version())}));
    }
    if (found == postgres_schema_version()) {
        return; // rolled back: nothing was changed
    }
    for (int version = found + 1; version <= postgres_schema_version(); ++version) {
        conn.exec_script(i18n::tr("records database action", "upgrade the schema"),
                         kSteps[static_cast<std::size_t>(version - 1)]);
    }
    conn.exec_script(i18n::tr("records database action", "record the schema version"),
                     "DELETE FROM schema_version");
    conn.exec(i18n::tr("records database action", "record the schema version"),
              "INSERT INTO schema_version VALUES ($1)",
              Params().add(std::int64_t{postgres_schema_version()}));
    transaction.commit();
}

} // namespace pg

} // namespace sightline::records
