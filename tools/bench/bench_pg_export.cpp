// The xAPI export of an organisation's records from PostgreSQL (see
// BENCHMARKS.md):
//   bench_pg_export [EVENTS] [FILE]
// starts a throwaway PostgreSQL cluster (tests/support/pg_cluster.hpp: a
// private Unix socket, fsync off), fills a database with EVENTS synthetic
// events (default 1,000,000: 10 per attempt, 20 attempts per learner, the
// shape of bench_records generate) in three server-side INSERT ... SELECT
// statements, then runs `sightline records export --xapi FILE --records URI`
// (default FILE /dev/null) through the command library and reports its time
// and this process's peak memory (the server's is not counted).
#include "commands.hpp"
#include "records/postgres_connection.hpp"
#include "records/postgres_store.hpp"
#include "support/pg_cluster.hpp"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <sys/resource.h>

using namespace sightline;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double peak_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

void generate(const std::string& uri, long events) {
    records::open_postgres_store(uri).reset(); // creates the schema
    records::pg::Connection conn(uri, {});
    constexpr long kPerAttempt = 10;
    constexpr long kAttemptsPerLearner = 20;
    const long attempts = (events + kPerAttempt - 1) / kPerAttempt;
    const long learners = (attempts + kAttemptsPerLearner - 1) / kAttemptsPerLearner;
    const auto start = Clock::now();
    records::pg::Transaction transaction(conn);
    conn.exec("add learners",
              "INSERT INTO learners (id, display_name, created_ms) "
              "SELECT md5('learner' || l)::uuid::text, 'Learner ' || l, 0 "
              "FROM generate_series(0, $1::bigint - 1) l",
              records::pg::Params().add(std::int64_t{learners}));
    conn.exec(
        "add attempts",
        "INSERT INTO attempts (id, learner_id, course_id, scenario_id, bundle_hash, "
        "bundle_version, mode, language, seed, started_ms, finished_ms, status, active_ms, "
        "last_activity_ms, events, save, ending_node, outcome, score_raw, score_min, "
        "score_max, passed, scores) "
        "SELECT md5('attempt' || a)::uuid::text, md5('learner' || (a / $2::bigint))::uuid::text, "
        "'hotel', 'hotel.room-214', 'abc', '0.1.0', 'self-paced', 'en', 0, "
        "1790000000000 + a * 1000000, 1790000000000 + a * 1000000 + 600000, 'completed', "
        "600000, 1790000000000 + a * 1000000 + 600000, "
        "least($3::bigint, $1::bigint - a * $3::bigint), '\\x00'::bytea, 'end', "
        "'reported-safely', 18, -6, 20, 1, '[]' "
        "FROM generate_series(0, ($1::bigint + $3::bigint - 1) / $3::bigint - 1) a",
        records::pg::Params()
            .add(std::int64_t{events})
            .add(std::int64_t{kAttemptsPerLearner})
            .add(std::int64_t{kPerAttempt}));
    conn.exec(
        "add events",
        "INSERT INTO events (attempt_id, sequence, time_ms, node_id, prompt, kind, response, "
        "offered, tier, correct, score_changes, indicators, time_on_node_ms, branch) "
        "SELECT md5('attempt' || (e / $2::bigint))::uuid::text, e % $2::bigint + 1, "
        "1790000000000 + (e / $2::bigint) * 1000000 + (e % $2::bigint + 1) * 60000, "
        "'node-' || (e % $2::bigint + 1), $3, 'choice', '[\"note-and-report\"]', $4, 'best', 1, "
        "$5, '[\"hotel.cash-many-rooms\"]', 12345, 0 "
        "FROM generate_series(0, $1::bigint - 1) e ORDER BY e",
        records::pg::Params()
            .add(std::int64_t{events})
            .add(std::int64_t{kPerAttempt})
            .add("A guest pays cash for three rooms and refuses housekeeping for the week. What "
                 "do you do next?")
            .add(
                R"([{"id":"ignore","text":"Nothing unusual; check them in.","best":false},)"
                R"({"id":"confront","text":"Ask the guest directly if something is wrong.","best":false},)"
                R"({"id":"note-and-report","text":"Note what you saw and tell the manager on duty.","best":true}])")
            .add(R"([{"dimension":"recognition","delta":2},{"dimension":"response","delta":2}])"));
    transaction.commit();
    const double loaded = seconds_since(start);
    conn.exec_script("vacuum", "VACUUM (ANALYZE)");
    std::printf("generated %ld events in %ld attempts of %ld learners in %.1f s (+%.1f s VACUUM "
                "ANALYZE)\n",
                events, attempts, learners, loaded, seconds_since(start) - loaded);
}

} // namespace

int main(int argc, char** argv) {
    try {
        const long events = argc > 1 ? std::stol(argv[1]) : 1'000'000;
        const std::string file = argc > 2 ? argv[2] : "/dev/null";
        test::PgCluster* cluster = test::PgCluster::shared();
        if (cluster == nullptr) {
            std::cerr << "bench_pg_export: " << test::PgCluster::unavailable_reason() << "\n";
            return 2;
        }
        const std::string uri = cluster->create_database();
        generate(uri, events);
        const double before = peak_mb();

        std::istringstream in;
        std::ostringstream out, err;
        const cli::Environment env{in, out, err, "bench_pg_export", false, 0};
        const auto start = Clock::now();
        const int code = cli::records_command({"export", "--xapi", file, "--records", uri}, env);
        const double elapsed = seconds_since(start);
        if (code != 0) {
            std::cerr << "bench_pg_export: " << err.str();
            return 2;
        }
        std::string said = err.str();
        while (!said.empty() && said.back() == '\n') {
            said.pop_back();
        }
        std::printf(
            "records export --xapi %s --records (PostgreSQL): %s in %.2f s (%.0f events/s), "
            "peak memory %.1f MB (%.1f MB before the export)\n",
            file.c_str(), said.c_str(), elapsed, static_cast<double>(events) / elapsed, peak_mb(),
            before);
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "bench_pg_export: " << e.what() << "\n";
        return 2;
    }
}
