// Learner-records benchmarks (see BENCHMARKS.md):
//   bench_records commits DIR [N]        durable single-event commits per second
//   bench_records generate DIR [EVENTS]  fills DIR/records.db with synthetic events
//   bench_records export DIR FILE        streams every event to xAPI JSON lines
// Each mode is its own process, so `export` reports its own peak memory.
#include "records/export.hpp"
#include "records/sqlite.hpp"
#include "records/store.hpp"
#include "records/uuid.hpp"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <sys/resource.h>
#include <vector>

using namespace sightline::records;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

long peak_kb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

Event sample_event(const std::string& attempt, std::uint32_t sequence, TimeMs when) {
    Event e;
    e.attempt_id = attempt;
    e.sequence = sequence;
    e.time = when;
    e.node_id = "node-" + std::to_string(sequence);
    e.prompt = "A guest pays cash for three rooms and refuses housekeeping for the week. What do "
               "you do next?";
    e.response = {"note-and-report"};
    e.offered = {{"ignore", "Nothing unusual; check them in.", false},
                 {"confront", "Ask the guest directly if something is wrong.", false},
                 {"note-and-report", "Note what you saw and tell the manager on duty.", true}};
    e.tier = "best";
    e.correct = true;
    e.score_changes = {{"recognition", 2}, {"response", 2}};
    e.indicators = {"hotel.cash-many-rooms"};
    e.time_on_node_ms = 12'345;
    return e;
}

int commits(const std::string& dir, int n) {
    auto store = open_store(dir);
    const Learner learner = store->add_learner({"Bench", "", "", "", "", "", ""});
    const Attempt attempt =
        store->start_attempt({learner.id, "c", "s", "h", "v", Mode::SelfPaced, "en", 0, {}}, 0);
    const std::vector<std::uint8_t> save(300, 7); // about the size of a real run's save
    const auto start = Clock::now();
    for (int i = 1; i <= n; ++i) {
        store->record_event(sample_event(attempt.id, static_cast<std::uint32_t>(i), i), save);
    }
    const double elapsed = seconds_since(start);
    std::printf("%d durable single-event commits in %.2f s: %.0f commits/s, %.2f ms each\n", n,
                elapsed, n / elapsed, elapsed * 1000.0 / n);
    return 0;
}

// Writes events straight through SQL in large transactions: the store's
// one-transaction-per-event path would take hours for a million.
int generate(const std::string& dir, long events) {
    { auto store = open_store(dir); } // creates and migrates
    sql::Database db(dir + "/records.db", 5000);
    db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
    constexpr int kPerAttempt = 10;
    constexpr int kAttemptsPerLearner = 20;
    const auto start = Clock::now();
    sql::Transaction transaction(db);
    sql::Statement learner(db,
                           "INSERT INTO learners (id, display_name, created_ms) VALUES (?, ?, 0)");
    sql::Statement attempt(db, "INSERT INTO attempts (id, learner_id, course_id, scenario_id, "
                               "bundle_hash, bundle_version, mode, language, seed, started_ms, "
                               "finished_ms, status, active_ms, last_activity_ms, events, save, "
                               "ending_node, outcome, score_raw, score_min, score_max, passed, "
                               "scores) VALUES (?, ?, 'hotel', 'hotel.room-214', 'abc', '0.1.0', "
                               "'self-paced', 'en', 0, ?, ?, 'completed', 600000, ?, 10, x'00', "
                               "'end', 'reported-safely', 18, -6, 20, 1, '[]')");
    sql::Statement event(db, "INSERT INTO events VALUES (?, ?, ?, ?, ?, 'choice', ?, ?, 'best', 1, "
                             "?, ?, 12345, 0)");
    const Event shape = sample_event("", 0, 0);
    const std::string offered =
        R"([{"id":"ignore","text":"Nothing unusual; check them in.","best":false},)"
        R"({"id":"confront","text":"Ask the guest directly if something is wrong.","best":false},)"
        R"({"id":"note-and-report","text":"Note what you saw and tell the manager on duty.","best":true}])";
    std::string learner_id;
    const long attempts = (events + kPerAttempt - 1) / kPerAttempt;
    long written = 0;
    for (long a = 0; a < attempts; ++a) {
        if (a % kAttemptsPerLearner == 0) {
            learner_id = new_uuid();
            learner.reset();
            learner.bind(learner_id)
                .bind("Learner " + std::to_string(a / kAttemptsPerLearner))
                .run();
        }
        const std::string id = new_uuid();
        const TimeMs started = 1'790'000'000'000 + a * 1'000'000;
        attempt.reset();
        attempt.bind(id)
            .bind(learner_id)
            .bind(started)
            .bind(started + 600'000)
            .bind(started + 600'000)
            .run();
        for (int s = 1; s <= kPerAttempt && written < events; ++s, ++written) {
            event.reset();
            event.bind(id)
                .bind(std::int64_t{s})
                .bind(started + s * 60'000)
                .bind("node-" + std::to_string(s))
                .bind(shape.prompt)
                .bind(R"(["note-and-report"])")
                .bind(offered)
                .bind(
                    R"([{"dimension":"recognition","delta":2},{"dimension":"response","delta":2}])")
                .bind(R"(["hotel.cash-many-rooms"])")
                .run();
        }
    }
    transaction.commit();
    std::printf("generated %ld events in %ld attempts in %.1f s\n", written, attempts,
                seconds_since(start));
    return 0;
}

int export_all(const std::string& dir, const std::string& file) {
    auto store = open_store(dir);
    std::vector<char> buffer(1 << 20);
    std::ofstream out;
    out.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    out.open(file, std::ios::binary | std::ios::trunc);
    const auto start = Clock::now();
    const ExportCounts counts = export_xapi(*store, out);
    out.close();
    const double elapsed = seconds_since(start);
    std::printf("exported %zu events as %zu xAPI statements in %.2f s (%.0f statements/s), peak "
                "memory %.1f MB\n",
                counts.events, counts.statements, elapsed, counts.statements / elapsed,
                peak_kb() / 1024.0);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    const std::string mode = argc > 1 ? argv[1] : "";
    try {
        if (mode == "commits" && argc >= 3) {
            return commits(argv[2], argc > 3 ? std::stoi(argv[3]) : 1000);
        }
        if (mode == "generate" && argc >= 3) {
            return generate(argv[2], argc > 3 ? std::stol(argv[3]) : 1'000'000);
        }
        if (mode == "export" && argc == 4) {
            return export_all(argv[2], argv[3]);
        }
    } catch (const std::exception& e) {
        std::cerr << "bench_records: " << e.what() << "\n";
        return 2;
    }
    std::cerr << "usage: bench_records commits DIR [N] | generate DIR [EVENTS] | export DIR FILE\n";
    return 2;
}
