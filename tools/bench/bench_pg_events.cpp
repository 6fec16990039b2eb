// Events per second into PostgreSQL from concurrent offline-first players
// (see BENCHMARKS.md):
//
//   bench_pg_events [PLAYERS] [EVENTS] [--fast-server]
//
// Starts a private PostgreSQL cluster (tests/support/pg_cluster.hpp: initdb
// into a temporary folder, a Unix socket only), then PLAYERS processes
// (default 20), each recording EVENTS events (default 1,000) of one attempt
// through open_organisation_store() into its own local folder as fast as it
// can. Durable both sides: every event is acknowledged after its local
// SQLite commit (synchronous=FULL) and the server commits with fsync and
// synchronous_commit on (the test cluster runs without them; --fast-server
// keeps it so). Prints the acknowledged rate, the rate at which events reach
// the server, and how long the queues take to drain after the last event.
#include "records/organisation_store.hpp"
#include "records/postgres_connection.hpp"
#include "records/postgres_store.hpp"
#include "support/pg_cluster.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace sightline::records;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

std::int64_t now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch())
        .count();
}

Event sample_event(const std::string& attempt, std::uint32_t sequence) {
    Event e;
    e.attempt_id = attempt;
    e.sequence = sequence;
    e.time = now_ms();
    e.node_id = "node-" + std::to_string(sequence % 40);
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

void say(int fd, const std::string& line) {
    const std::string text = line + "\n"; // short: one atomic pipe write
    if (::write(fd, text.data(), text.size()) < 0) {
        ::_exit(3);
    }
}

// One player process: ready, wait for the start, play, report. With
// `offline` the server is down: it records everything into its queue first,
// says "queued", and the queue drains when the server is back.
[[noreturn]] void player(const std::string& conninfo, const fs::path& dir, std::uint32_t events,
                         bool offline, int start_fd, int report_fd) {
    try {
        OrganisationOptions options;
        options.retry_min = std::chrono::milliseconds(10);
        options.retry_max = std::chrono::milliseconds(200);
        options.drain_on_close = std::chrono::milliseconds(0);
        auto store = open_organisation_store(conninfo, dir, options);
        const Learner learner =
            store->add_learner({"Bench " + dir.filename().string(), "", "", "", "", "", "Site"});
        const Attempt attempt = store->start_attempt(
            {learner.id, "c", "s", "h", "v", Mode::SelfPaced, "en", 0, {}}, now_ms());
        const std::vector<std::uint8_t> save(300, 7); // about a real run's save
        if (offline) {
            for (std::uint32_t s = 1; s <= events; ++s) {
                store->record_event(sample_event(attempt.id, s), save);
            }
            say(report_fd, "queued");
            if (!store->drain(std::chrono::seconds(300))) {
                say(report_fd, "error the queue did not drain");
                ::_exit(1);
            }
            say(report_fd, "drained " + std::to_string(now_ns()));
            store.reset();
            ::_exit(0);
        }
        if (!store->drain(std::chrono::seconds(30))) {
            say(report_fd, "error the server did not answer");
            ::_exit(1);
        }
        say(report_fd, "ready");
        char byte = 0;
        while (::read(start_fd, &byte, 1) > 0) {
        }
        for (std::uint32_t s = 1; s <= events; ++s) {
            store->record_event(sample_event(attempt.id, s), save);
        }
        say(report_fd, "acked " + std::to_string(now_ns()));
        if (!store->drain(std::chrono::seconds(300))) {
            say(report_fd, "error the queue did not drain");
            ::_exit(1);
        }
        say(report_fd, "drained " + std::to_string(now_ns()));
        store.reset();
    } catch (const std::exception& e) {
        say(report_fd, std::string("error ") + e.what());
        ::_exit(1);
    }
    ::_exit(0); // never the parent's static destructors (its cluster)
}

// The players' processes and what they report.
class Players {
  public:
    Players(const std::string& conninfo, const fs::path& folder, int count, std::uint32_t events,
            bool offline) {
        if (::pipe(start_) != 0 || ::pipe(report_) != 0) {
            std::perror("pipe");
            std::exit(1);
        }
        for (int i = 0; i < count; ++i) {
            const pid_t child = ::fork();
            if (child == 0) {
                ::close(start_[1]);
                ::close(report_[0]);
                player(conninfo, folder / ("player" + std::to_string(i)), events, offline,
                       start_[0], report_[1]);
            }
            children_.push_back(child);
        }
        ::close(start_[0]);
        ::close(report_[1]);
        reports_ = ::fdopen(report_[0], "r");
    }
    ~Players() {
        for (const pid_t child : children_) {
            int status = 0;
            ::waitpid(child, &status, 0);
        }
        std::fclose(reports_);
    }
    Players(const Players&) = delete;
    Players& operator=(const Players&) = delete;

    void go() { ::close(start_[1]); }

    // The next report; exits on a player's error or an early end.
    std::string next() {
        char line[512];
        if (std::fgets(line, sizeof line, reports_) == nullptr) {
            std::fprintf(stderr, "a player ended early\n");
            std::exit(1);
        }
        std::string text = line;
        if (text.starts_with("error")) {
            std::fprintf(stderr, "a player failed: %s", text.c_str());
            std::exit(1);
        }
        return text;
    }

    // The latest time among the next `count` reports "WORD NS".
    std::int64_t latest(std::size_t count) {
        std::int64_t out = 0;
        for (std::size_t i = 0; i < count; ++i) {
            const std::string text = next();
            out = std::max<std::int64_t>(out, std::atoll(text.c_str() + text.find(' ') + 1));
        }
        return out;
    }

  private:
    int start_[2] = {-1, -1};
    int report_[2] = {-1, -1};
    FILE* reports_ = nullptr;
    std::vector<pid_t> children_;
};

// Watches the server's event count until it reaches `total`; the time then.
std::int64_t when_all_there(const std::string& conninfo, std::int64_t total) {
    pg::Connection conn(conninfo, {});
    for (;;) {
        const pg::Result count = conn.exec("count the events", "SELECT count(*) FROM events");
        if (count.row(0).integer(0) >= total) {
            return now_ns();
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

std::string new_database(sightline::test::PgCluster& cluster, bool fast_server) {
    const std::string conninfo = cluster.create_database();
    pg::Connection admin(conninfo, {});
    if (!fast_server) {
        // ALTER SYSTEM outlives a restart of the server.
        admin.exec_script("make the server durable", "ALTER SYSTEM SET fsync = on");
        admin.exec_script("make the server durable", "ALTER SYSTEM SET full_page_writes = on");
        admin.exec_script("make the server durable", "ALTER SYSTEM SET synchronous_commit = on");
        admin.exec_script("make the server durable", "SELECT pg_reload_conf()");
    }
    open_postgres_store(conninfo); // the schema, before the players
    return conninfo;
}

double seconds(std::int64_t from, std::int64_t to) {
    return static_cast<double>(to - from) / 1e9;
}

} // namespace

int main(int argc, char** argv) {
    int players = 20;
    std::uint32_t events = 1000;
    bool fast_server = false;
    std::vector<std::string> numbers;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--fast-server") {
            fast_server = true;
        } else {
            numbers.push_back(arg);
        }
    }
    if (!numbers.empty()) {
        players = std::atoi(numbers[0].c_str());
    }
    if (numbers.size() > 1) {
        events = static_cast<std::uint32_t>(std::atoi(numbers[1].c_str()));
    }
    auto* cluster = sightline::test::PgCluster::shared();
    if (cluster == nullptr) {
        std::fprintf(stderr, "%s\n", sightline::test::PgCluster::unavailable_reason().c_str());
        return 2;
    }
    std::string folder = (fs::temp_directory_path() / "sightline-bench-XXXXXX").string();
    if (::mkdtemp(folder.data()) == nullptr) {
        std::perror("mkdtemp");
        return 1;
    }
    const std::int64_t total = std::int64_t{players} * events;
    std::printf("players %d x %u events = %lld events; server %s\n", players, events,
                static_cast<long long>(total),
                fast_server ? "fsync off (the test cluster's setting)"
                            : "fsync on, synchronous_commit on");

    // 1. Online: every player records as fast as it can while its sender delivers.
    {
        const std::string conninfo = new_database(*cluster, fast_server);
        Players live(conninfo, fs::path(folder) / "live", players, events, false);
        for (int ready = 0; ready < players; ++ready) {
            live.next();
        }
        const std::int64_t t0 = now_ns();
        live.go();
        std::int64_t there = 0;
        std::thread watch([&] { there = when_all_there(conninfo, total); });
        const std::int64_t acked = live.latest(static_cast<std::size_t>(players));
        const std::int64_t drained = live.latest(static_cast<std::size_t>(players));
        watch.join();
        std::printf("online: acknowledged (local durable commit) in %.2f s, %.0f events/s\n",
                    seconds(t0, acked), static_cast<double>(total) / seconds(t0, acked));
        std::printf("online: on the server (local and server commit) in %.2f s, %.0f events/s\n",
                    seconds(t0, there), static_cast<double>(total) / seconds(t0, there));
        std::printf("online: queues drained %.3f s after the last acknowledged event\n",
                    std::max(0.0, seconds(acked, drained)));
    }

    // 2. A backlog: every player recorded offline; the server comes back.
    {
        const std::string conninfo = new_database(*cluster, fast_server);
        cluster->stop_server();
        Players offline(conninfo, fs::path(folder) / "offline", players, events, true);
        for (int queued = 0; queued < players; ++queued) {
            offline.next();
        }
        const std::int64_t t0 = now_ns();
        cluster->start_server();
        const std::int64_t started = now_ns();
        offline.go();
        const std::int64_t there = when_all_there(conninfo, total);
        const std::int64_t drained = offline.latest(static_cast<std::size_t>(players));
        std::printf("backlog: %lld events queued offline; server back (pg_ctl start %.2f s): "
                    "all on the server %.2f s after it started, %.0f events/s; every queue "
                    "empty after %.2f s\n",
                    static_cast<long long>(total), seconds(t0, started), seconds(started, there),
                    static_cast<double>(total) / seconds(started, there),
                    seconds(started, std::max(drained, there)));
    }
    fs::remove_all(folder);
    return 0;
}
