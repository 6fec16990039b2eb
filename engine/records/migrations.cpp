#include "records/migrations.hpp"

#include "i18n/i18n.hpp"
#include "records/records.hpp"
#include "records/sqlite.hpp"
#include "records/store.hpp"

#include <array>
#include <string>

namespace sightline::records {

namespace {

// Never edit a step once released; add a new one.
constexpr std::array kSteps = {
    // 1: learners, attempts and their events.
    R"sql(
CREATE TABLE learners (
    id             TEXT PRIMARY KEY,
    display_name   TEXT NOT NULL,
    profession     TEXT NOT NULL DEFAULT '',
    licence_number TEXT NOT NULL DEFAULT '',
    licence_state  TEXT NOT NULL DEFAULT '',
    created_ms     INTEGER NOT NULL
);
CREATE TABLE attempts (
    id             TEXT PRIMARY KEY,
    learner_id     TEXT REFERENCES learners(id) ON DELETE CASCADE,
    course_id      TEXT NOT NULL,
    scenario_id    TEXT NOT NULL,
    bundle_hash    TEXT NOT NULL,
    bundle_version TEXT NOT NULL,
    mode           TEXT NOT NULL CHECK (mode IN ('self-paced', 'classroom')),
    language       TEXT NOT NULL,
    seed           INTEGER NOT NULL,
    started_ms     INTEGER NOT NULL,
    finished_ms    INTEGER,
    status         TEXT NOT NULL CHECK (status IN ('in-progress', 'completed', 'abandoned')),
    active_ms      INTEGER NOT NULL DEFAULT 0,
    last_activity_ms INTEGER NOT NULL,
    events         INTEGER NOT NULL DEFAULT 0,
    save           BLOB NOT NULL,
    ending_node    TEXT,
    outcome        TEXT,
    score_raw      INTEGER,
    score_min      INTEGER,
    score_max      INTEGER,
    passed         INTEGER,
    scores         TEXT
);
CREATE INDEX attempts_by_learner ON attempts(learner_id, scenario_id, status);
CREATE INDEX attempts_by_start ON attempts(started_ms, id);
CREATE TABLE events (
    attempt_id     TEXT NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
    sequence       INTEGER NOT NULL,
    time_ms        INTEGER NOT NULL,
    node_id        TEXT NOT NULL,
    prompt         TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('choice', 'answer')),
    response       TEXT NOT NULL,
    offered        TEXT NOT NULL,
    tier           TEXT NOT NULL,
    correct        INTEGER NOT NULL,
    score_changes  TEXT NOT NULL,
    indicators     TEXT NOT NULL,
    time_on_node_ms INTEGER NOT NULL,
    PRIMARY KEY (attempt_id, sequence)
) WITHOUT ROWID;
)sql",
    // 2: course completions and the learner's attestation for credit.
    R"sql(
CREATE TABLE completions (
    learner_id     TEXT NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
    course_id      TEXT NOT NULL,
    completed_ms   INTEGER NOT NULL,
    score_percent  INTEGER NOT NULL,
    minutes        INTEGER NOT NULL,
    PRIMARY KEY (learner_id, course_id, completed_ms)
);
CREATE TABLE attestations (
    learner_id     TEXT NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
    course_id      TEXT NOT NULL,
    statement      TEXT NOT NULL,
    time_ms        INTEGER NOT NULL,
    PRIMARY KEY (learner_id, course_id)
);
)sql",
    // 3: issued certificates.
    R"sql(
CREATE TABLE certificates (
    id                TEXT PRIMARY KEY,
    learner_id        TEXT NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
    course_id         TEXT NOT NULL,
    issued_ms         INTEGER NOT NULL,
    verification_code TEXT NOT NULL UNIQUE,
    credential_json   TEXT NOT NULL
);
)sql",
    // 4: events become a rowid table kept in the order they were recorded,
    // so exports read the file front to back instead of hopping by attempt.
    R"sql(
CREATE TABLE events_v4 (
    attempt_id     TEXT NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
    sequence       INTEGER NOT NULL,
    time_ms        INTEGER NOT NULL,
    node_id        TEXT NOT NULL,
    prompt         TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('choice', 'answer')),
    response       TEXT NOT NULL,
    offered        TEXT NOT NULL,
    tier           TEXT NOT NULL,
    correct        INTEGER NOT NULL,
    score_changes  TEXT NOT NULL,
    indicators     TEXT NOT NULL,
    time_on_node_ms INTEGER NOT NULL,
    UNIQUE (attempt_id, sequence)
);
INSERT INTO events_v4 SELECT * FROM events ORDER BY time_ms, attempt_id, sequence;
DROP TABLE events;
ALTER TABLE events_v4 RENAME TO events;
)sql",
    // 5: classroom sessions: their name, facilitator and head count, the
    // room's votes on each step, and which explored branch a step belongs to.
    R"sql(
ALTER TABLE events ADD COLUMN branch INTEGER NOT NULL DEFAULT 0;
CREATE TABLE votes (
    attempt_id     TEXT NOT NULL,
    sequence       INTEGER NOT NULL,
    option_id      TEXT NOT NULL,
    count          INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (attempt_id, sequence, option_id),
    FOREIGN KEY (attempt_id, sequence) REFERENCES events(attempt_id, sequence) ON DELETE CASCADE
);
CREATE TABLE classroom_sessions (
    attempt_id     TEXT PRIMARY KEY REFERENCES attempts(id) ON DELETE CASCADE,
    name           TEXT NOT NULL,
    facilitator    TEXT NOT NULL DEFAULT '',
    head_count     INTEGER NOT NULL DEFAULT 0 CHECK (head_count >= 0)
);
)sql",
    // 6: revocation. Each certificate issued with a status list entry keeps
    // its index here, and a revocation its time and reason. No foreign key:
    // the entry outlives a deleted learner, so a revoked certificate stays
    // revoked and its index is never given to another certificate.
    R"sql(
CREATE TABLE certificate_status (
    certificate_id TEXT PRIMARY KEY,
    status_list    TEXT NOT NULL DEFAULT '',
    status_index   INTEGER CHECK (status_index >= 0),
    revoked_ms     INTEGER,
    reason         TEXT NOT NULL DEFAULT '',
    UNIQUE (status_list, status_index)
);
)sql",
    // 7: phone voting in classrooms. Of each option's count, how many votes
    // came from phones (the rest were counted by hand); 0 for earlier sessions,
    // which had only hand counts.
    R"sql(
ALTER TABLE votes ADD COLUMN phone_count INTEGER NOT NULL DEFAULT 0
    CHECK (phone_count >= 0 AND phone_count <= count);
)sql",
    // 8: compliance rosters and organisation settings. A learner's hire date
    // (YYYY-MM-DD or empty), job role and site; settings such as the
    // organisation's IRI base for xAPI.
    R"sql(
ALTER TABLE learners ADD COLUMN hire_date TEXT NOT NULL DEFAULT '';
ALTER TABLE learners ADD COLUMN job_role TEXT NOT NULL DEFAULT '';
ALTER TABLE learners ADD COLUMN site TEXT NOT NULL DEFAULT '';
CREATE TABLE settings (
    key            TEXT PRIMARY KEY,
    value          TEXT NOT NULL
);
)sql",
    // 9: the language a learner prefers to train in (a BCP 47 tag such as
    // "es"), or empty for none: set in a player's language switch or with
    // `sightline records learner ID --language TAG`.
    R"sql(
ALTER TABLE learners ADD COLUMN language TEXT NOT NULL DEFAULT '';
)sql",
};

} // namespace

int schema_version() {
    return static_cast<int>(kSteps.size());
}

void migrate(sql::Database& db, int target) {
    const int found = db.user_version();
    if (found > schema_version()) {
        // TRANSLATORS: {1} the records database, {2} its schema version, {3} the newest this
        // version reads.
        throw RecordsError(
            i18n::format(i18n::tr("the records database {1} was written by a newer "
                                  "Sightline (schema {2}); this version reads "
                                  "schema {3} and older"),
                         {db.path(), std::to_string(found), std::to_string(schema_version())}));
    }
    if (found >= target) {
        return;
    }
    // All missing steps in one transaction: an upgrade happens whole or not at
    // all, and a new database costs one sync instead of one per step.
    sql::Transaction transaction(db);
    for (int version = found + 1; version <= target; ++version) {
        db.exec(kSteps[static_cast<std::size_t>(version - 1)]);
    }
    db.exec("PRAGMA user_version = " + std::to_string(target));
    transaction.commit();
}

} // namespace sightline::records
