// Writes tests/records/old/vN.db for every schema version before the current
// one, each with the rows migration_test.cpp expects. Run it once when a new
// schema step is added, to check in the database of the version just passed:
//   cmake --build build/debug --target write_old_databases
//   build/debug/bin/write_old_databases tests/records/old
// Never rewrite a database that is already checked in.
#include "records/migrations.hpp"
#include "records/sqlite.hpp"
#include "records/store.hpp"

#include <filesystem>
#include <iostream>

using namespace sightline::records;

namespace {

// The rows each version's database holds, written with that version's SQL.
void fill(sql::Database& db, int version) {
    db.exec("INSERT INTO learners (id, display_name, profession, licence_number, licence_state, "
            "created_ms) VALUES ('0b8f6a52-3c1d-4e2f-9a7b-5c6d7e8f9a0b', 'Ana Díaz', "
            "'nurse', 'RN-1234', 'MI', 1700000000000);"
            "INSERT INTO attempts (id, learner_id, course_id, scenario_id, bundle_hash, "
            "bundle_version, mode, language, seed, started_ms, status, active_ms, "
            "last_activity_ms, events, save) VALUES ('5d0c1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f', "
            "'0b8f6a52-3c1d-4e2f-9a7b-5c6d7e8f9a0b', 'hotel-example', 'hotel.example', 'abc', "
            "'0.1.0', 'self-paced', 'en', 7, 1700000001000, 'in-progress', 4000, 1700000005000, 1, "
            "x'0102');"
            "INSERT INTO events (attempt_id, sequence, time_ms, node_id, prompt, kind, response, "
            "offered, tier, correct, score_changes, indicators, time_on_node_ms) "
            "VALUES ('5d0c1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f', 1, 1700000005000, "
            "'desk', 'It is almost midnight.', 'choice', '[\"log-and-tell\"]', "
            "'[{\"id\":\"log-and-tell\",\"text\":\"Log it.\",\"best\":true}]', 'best', 1, "
            "'[{\"dimension\":\"recognition\",\"delta\":2}]', '[\"hotel.fearful-guest\"]', 4000);");
    if (version >= 2) {
        db.exec("INSERT INTO completions VALUES ('0b8f6a52-3c1d-4e2f-9a7b-5c6d7e8f9a0b', "
                "'hotel-example', 1700000009000, 90, 12);"
                "INSERT INTO attestations VALUES ('0b8f6a52-3c1d-4e2f-9a7b-5c6d7e8f9a0b', "
                "'hotel-example', 'I completed this training myself.', 1700000009500);");
    }
    if (version >= 3) {
        db.exec("INSERT INTO certificates VALUES ('7c1e9d20-4b3a-4f5e-9d8c-1a2b3c4d5e6f', "
                "'0b8f6a52-3c1d-4e2f-9a7b-5c6d7e8f9a0b', 'hotel-example', 1700000010000, "
                "'KQ7M-3HXP', '{\"id\":\"urn:uuid:7c1e9d20-4b3a-4f5e-9d8c-1a2b3c4d5e6f\"}');");
    }
    if (version >= 5) {
        db.exec("INSERT INTO votes (attempt_id, sequence, option_id, count) VALUES "
                "('5d0c1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f', 1, 'log-and-tell', 12);"
                "INSERT INTO classroom_sessions VALUES ('5d0c1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f', "
                "'Night shift briefing', 'R. Okafor', 14);");
    }
    if (version >= 6) {
        db.exec("INSERT INTO certificate_status VALUES ('7c1e9d20-4b3a-4f5e-9d8c-1a2b3c4d5e6f', "
                "'https://old.example/status', 3, 1700000020000, 'issued in error');");
    }
    if (version >= 7) {
        db.exec("UPDATE votes SET phone_count = 5 WHERE option_id = 'log-and-tell';");
    }
    if (version >= 8) {
        db.exec("UPDATE learners SET hire_date = '2021-06-15', job_role = 'healthcare', "
                "site = 'Detroit';"
                "INSERT INTO settings VALUES ('iri-base', 'https://old.example/');");
    }
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: write_old_databases DIR\n";
        return 2;
    }
    for (int version = 1; version < schema_version(); ++version) {
        const auto file = std::filesystem::path(argv[1]) / ("v" + std::to_string(version) + ".db");
        if (std::filesystem::exists(file)) {
            continue; // checked in: never rewritten
        }
        sql::Database db(file.string(), 1000);
        migrate(db, version);
        fill(db, version);
        std::cout << "wrote " << file.string() << "\n";
    }
    return 0;
}
