// The organisation store: offline-first players whose writes reach the
// organisation's PostgreSQL server exactly once, whatever happens to the
// players (SIGKILL mid-write) or to the server (a restart, or absent from the
// start). Players are separate processes (organisation_player.cpp) playing
// one attempt each into their own local folder; the server is read back with
// open_postgres_store(), as an administrator's tools read it.
#include "records/organisation_store.hpp"
#include "records/postgres_connection.hpp"
#include "records/postgres_store.hpp"
#include "support/pg_cluster.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <random>
#include <signal.h>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char** environ;

using namespace sightline;
using namespace sightline::records;
using sightline::test::PgCluster;
using sightline::test::TempDir;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

// Fewer events under AddressSanitizer, whose players run several times slower.
constexpr std::uint32_t kEvents = kSanitized ? 250 : 1000;

PgCluster& cluster() {
    PgCluster* c = PgCluster::shared();
    if (c == nullptr) {
        FAIL(PgCluster::unavailable_reason());
    }
    return *c;
}

// Starts the server again when a test that stopped it fails half-way.
struct ServerBack {
    ~ServerBack() {
        if (stopped) {
            cluster().start_server();
        }
    }
    bool stopped = false;
};

OrganisationOptions quick_options() {
    OrganisationOptions o;
    o.retry_min = 10ms;
    o.retry_max = 200ms;
    o.drain_on_close = 0ms;
    return o;
}

// One organisation_player process, its stdout read line by line.
class Player {
  public:
    Player(const std::string& conninfo, const fs::path& dir, std::uint32_t events,
           long pace_us = 0) {
        int ends[2];
        REQUIRE(::pipe(ends) == 0);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, ends[1], 1);
        posix_spawn_file_actions_addclose(&actions, ends[0]);
        posix_spawn_file_actions_addclose(&actions, ends[1]);
        const std::vector<std::string> args = {
            ORGANISATION_PLAYER,     conninfo, dir.string(), std::to_string(events),
            std::to_string(pace_us), "60000"};
        std::vector<char*> argv;
        for (const auto& a : args) {
            argv.push_back(const_cast<char*>(a.c_str()));
        }
        argv.push_back(nullptr);
        const int spawned =
            ::posix_spawn(&pid_, ORGANISATION_PLAYER, &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(ends[1]);
        REQUIRE(spawned == 0);
        reader_ = std::thread([this, fd = ends[0]] { read(fd); });
    }
    ~Player() {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            wait();
        }
        if (reader_.joinable()) {
            reader_.join();
        }
    }
    Player(const Player&) = delete;
    Player& operator=(const Player&) = delete;

    // The exit status (-signal when killed).
    int wait() {
        int status = 0;
        while (::waitpid(pid_, &status, 0) < 0) {
        }
        pid_ = -1;
        if (reader_.joinable()) {
            reader_.join();
        }
        return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
    }
    void kill() {
        ::kill(pid_, SIGKILL);
        wait();
    }

    // The highest sequence the player said was recorded.
    std::uint32_t acknowledged() {
        const std::lock_guard lock(mutex_);
        return acknowledged_;
    }
    bool said(const std::string& prefix) {
        const std::lock_guard lock(mutex_);
        return std::any_of(lines_.begin(), lines_.end(),
                           [&](const std::string& l) { return l.starts_with(prefix); });
    }
    // Waits until the player acknowledged `sequence` (or ended); false on timeout.
    bool wait_for(std::uint32_t sequence, std::chrono::milliseconds timeout) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, timeout, [&] {
            return acknowledged_ >= sequence || ended_;
        }) && acknowledged_ >= sequence;
    }
    bool wait_said(const std::string& prefix, std::chrono::milliseconds timeout) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, timeout, [&] {
            return ended_ || std::any_of(lines_.begin(), lines_.end(), [&](const std::string& l) {
                       return l.starts_with(prefix);
                   });
        }) && std::any_of(lines_.begin(), lines_.end(), [&](const std::string& l) {
                   return l.starts_with(prefix);
               });
    }
    bool in_order() {
        const std::lock_guard lock(mutex_);
        return in_order_;
    }
    std::string output() {
        const std::lock_guard lock(mutex_);
        std::string out;
        for (const auto& l : lines_) {
            out += l + "\n";
        }
        return out;
    }

  private:
    void read(int fd) {
        std::string pending;
        char buffer[4096];
        for (;;) {
            const ssize_t got = ::read(fd, buffer, sizeof buffer);
            if (got < 0 && errno == EINTR) {
                continue;
            }
            if (got <= 0) {
                break;
            }
            pending.append(buffer, static_cast<std::size_t>(got));
            std::size_t end = 0;
            while ((end = pending.find('\n')) != std::string::npos) {
                std::string line = pending.substr(0, end);
                pending.erase(0, end + 1);
                const std::lock_guard lock(mutex_);
                if (!line.empty() && std::all_of(line.begin(), line.end(),
                                                 [](char c) { return c >= '0' && c <= '9'; })) {
                    const auto sequence = static_cast<std::uint32_t>(std::stoul(line));
                    // Acknowledged in order, each once: the player's own promise
                    // (checked by in_order(), on the test's thread).
                    in_order_ = in_order_ && (acknowledged_ == 0 || sequence == acknowledged_ + 1);
                    acknowledged_ = sequence;
                }
                lines_.push_back(std::move(line));
                changed_.notify_all();
            }
        }
        ::close(fd);
        const std::lock_guard lock(mutex_);
        ended_ = true;
        changed_.notify_all();
    }

    pid_t pid_ = -1;
    std::thread reader_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<std::string> lines_;
    std::uint32_t acknowledged_ = 0;
    bool in_order_ = true;
    bool ended_ = false;
};

// A resumed player starts counting again where its attempt stands; the
// acknowledgements of every run of one folder, together.
struct Folder {
    fs::path dir;
    std::uint32_t acknowledged = 0; // by the runs so far
};

// Compares the server with the local stores of `folders`: each attempt, its
// events and completions must be on the server exactly as the player has them.
// Returns the number of events on the server.
std::int64_t check_server(const std::string& conninfo, const std::vector<Folder>& folders,
                          std::uint32_t events_each) {
    auto server = open_postgres_store(conninfo);
    for (const Folder& f : folders) {
        auto local = open_store(f.dir);
        const auto attempts = local->attempts();
        REQUIRE(attempts.size() == 1);
        const Attempt& mine = attempts.front();
        INFO("folder " << f.dir.string());
        CHECK(mine.events == events_each);
        CHECK(f.acknowledged <= mine.events);
        const auto there = server->attempt(mine.id);
        REQUIRE(there.has_value());
        CHECK(there->events == mine.events);
        CHECK(there->active_ms == mine.active_ms);
        CHECK(there->last_activity == mine.last_activity);
        CHECK(there->status == mine.status);
        CHECK(there->save == mine.save);
        CHECK(there->finished == mine.finished);
        const auto server_events = server->events(mine.id);
        const auto local_events = local->events(mine.id);
        REQUIRE(server_events.size() == local_events.size());
        for (std::size_t i = 0; i < server_events.size(); ++i) {
            CHECK(server_events[i].sequence == i + 1);
            CHECK(server_events[i].time == local_events[i].time);
            CHECK(server_events[i].node_id == local_events[i].node_id);
            CHECK(server_events[i].response == local_events[i].response);
            CHECK(server_events[i].votes.size() == local_events[i].votes.size());
        }
        const auto learner = server->learner(mine.learner_id);
        REQUIRE(learner.has_value());
        CHECK(learner->site == "Austin");
        CHECK(server->completions(mine.learner_id).size() == 1);
    }
    // No duplicate, no stray event, and the server's recording order is each
    // attempt's sequence order.
    pg::Connection conn(conninfo, {});
    const pg::Result counts = conn.exec(
        "count the events", "SELECT count(*), count(DISTINCT (attempt_id, sequence)) FROM events");
    CHECK(counts.row(0).integer(0) == counts.row(0).integer(1));
    const pg::Result disorder = conn.exec(
        "check the order",
        "SELECT count(*) FROM (SELECT sequence, row_number() OVER (PARTITION BY attempt_id ORDER "
        "BY ordinal) AS position FROM events) AS e WHERE sequence <> position");
    CHECK(disorder.row(0).integer(0) == 0);
    const pg::Result attempts = conn.exec("count the attempts", "SELECT count(*) FROM attempts");
    CHECK(attempts.row(0).integer(0) == static_cast<std::int64_t>(folders.size()));
    return counts.row(0).integer(0);
}

std::vector<Folder> folders_in(const TempDir& tmp, int count) {
    std::vector<Folder> out;
    for (int i = 0; i < count; ++i) {
        out.push_back({tmp.path() / ("player" + std::to_string(i)), 0});
    }
    return out;
}

Event sample_event(const std::string& attempt_id, std::uint32_t sequence) {
    Event e;
    e.attempt_id = attempt_id;
    e.sequence = sequence;
    e.time = 1'000'000 + sequence * 1000;
    e.node_id = "n" + std::to_string(sequence);
    e.prompt = "Prompt " + std::to_string(sequence);
    e.kind = sequence == 2 ? EventKind::Answer : EventKind::Choice;
    e.response = {"a", "b"};
    e.offered = {{"a", "A", true}, {"b", "B", false}};
    e.tier = "best";
    e.correct = true;
    e.score_changes = {{"care", 2}};
    e.indicators = {"i1"};
    e.time_on_node_ms = 900;
    e.branch = sequence > 2 ? 1 : 0;
    e.votes = {{"a", 4, 1}, {"b", 2, 2}};
    return e;
}

AttemptStart sample_start(const std::string& learner_id) {
    AttemptStart s;
    s.learner_id = learner_id;
    s.course_id = "course";
    s.scenario_id = "lobby";
    s.bundle_hash = "hash";
    s.bundle_version = "2.0";
    s.mode = learner_id.empty() ? Mode::Classroom : Mode::SelfPaced;
    s.seed = 9;
    s.save = {7, 7};
    return s;
}

void check_same_events(Store& server, Store& local, const std::string& attempt_id) {
    const auto a = server.events(attempt_id);
    const auto b = local.events(attempt_id);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].sequence == b[i].sequence);
        CHECK(a[i].time == b[i].time);
        CHECK(a[i].node_id == b[i].node_id);
        CHECK(a[i].prompt == b[i].prompt);
        CHECK(a[i].kind == b[i].kind);
        CHECK(a[i].response == b[i].response);
        CHECK(a[i].offered.size() == b[i].offered.size());
        CHECK(a[i].tier == b[i].tier);
        CHECK(a[i].correct == b[i].correct);
        CHECK(a[i].score_changes.size() == b[i].score_changes.size());
        CHECK(a[i].indicators == b[i].indicators);
        CHECK(a[i].time_on_node_ms == b[i].time_on_node_ms);
        CHECK(a[i].branch == b[i].branch);
        REQUIRE(a[i].votes.size() == b[i].votes.size());
        for (std::size_t v = 0; v < a[i].votes.size(); ++v) {
            CHECK(a[i].votes[v].id == b[i].votes[v].id);
            CHECK(a[i].votes[v].count == b[i].votes[v].count);
            CHECK(a[i].votes[v].phones == b[i].votes[v].phones);
        }
    }
}

void check_same_attempt(Store& server, Store& local, const std::string& id) {
    const auto a = server.attempt(id);
    const auto b = local.attempt(id);
    REQUIRE(a.has_value());
    REQUIRE(b.has_value());
    CHECK(a->learner_id == b->learner_id);
    CHECK(a->mode == b->mode);
    CHECK(a->seed == b->seed);
    CHECK(a->started == b->started);
    CHECK(a->finished == b->finished);
    CHECK(a->status == b->status);
    CHECK(a->active_ms == b->active_ms);
    CHECK(a->last_activity == b->last_activity);
    CHECK(a->events == b->events);
    CHECK(a->save == b->save);
    REQUIRE(a->result.has_value() == b->result.has_value());
    if (a->result) {
        CHECK(a->result->outcome == b->result->outcome);
        CHECK(a->result->raw == b->result->raw);
        CHECK(a->result->passed == b->result->passed);
        CHECK(a->result->scores.size() == b->result->scores.size());
    }
    check_same_events(server, local, id);
}

} // namespace

TEST_CASE("organisation store: every write reaches the server as the player recorded it") {
    const std::string conninfo = cluster().create_database();
    TempDir tmp;
    const fs::path dir = tmp.path() / "player";
    auto store = open_organisation_store(conninfo, dir, quick_options());
    CHECK(store->delivery().shared);

    const Learner learner = store->add_learner(
        {"Ana Ruiz", "nurse", "RN-77", "TX", "2023-05-01", "hotel/front-desk", "Austin downtown"});
    const Attempt attempt = store->start_attempt(sample_start(learner.id), 1'000'000);
    for (std::uint32_t s = 1; s <= 3; ++s) {
        store->record_event(sample_event(attempt.id, s), {static_cast<std::uint8_t>(s), 9});
    }
    store->touch(attempt.id, 1'004'500);
    AttemptResult result;
    result.ending_node = "end";
    result.outcome = "safe";
    result.scores = {{"care", 6, 0, 8}};
    result.raw = 6;
    result.max = 8;
    result.passed = true;
    store->finish_attempt(attempt.id, result, 1'005'000);
    store->record_completion({learner.id, "course", 1'005'000, 75, 9});
    store->record_attestation({learner.id, "course", "I read the policy", 1'005'100});
    const auto updated =
        store->update_learner(learner.id, {"Ana Ruiz-Lopez", "nurse", "RN-77", "TX", "2023-05-01",
                                           "hotel/night", "Austin", "es"});
    REQUIRE(updated.has_value());

    const Attempt classroom = store->start_attempt(sample_start(""), 2'000'000);
    store->record_classroom_session({classroom.id, "Tuesday", "Sam", 14});
    store->record_event(sample_event(classroom.id, 1), {1});
    store->abandon_attempt(classroom.id, 2'010'000);

    REQUIRE(store->drain(20s));
    const auto d = store->delivery();
    CHECK(d.online);
    CHECK(d.queued == 0);
    CHECK(d.problem.empty());

    auto server = open_postgres_store(conninfo);
    const auto there = server->learner(learner.id);
    REQUIRE(there.has_value());
    CHECK(there->display_name == "Ana Ruiz-Lopez");
    CHECK(there->licence_number == "RN-77");
    CHECK(there->hire_date == "2023-05-01");
    CHECK(there->job_role == "hotel/night");
    CHECK(there->site == "Austin");
    CHECK(there->language == "es"); // the preferred language travels with the profile
    CHECK(there->created == learner.created);
    check_same_attempt(*server, *store, attempt.id);
    check_same_attempt(*server, *store, classroom.id);
    CHECK(server->events(attempt.id).at(0).votes.size() == 2);
    const auto completions = server->completions(learner.id);
    REQUIRE(completions.size() == 1);
    CHECK(completions[0].score_percent == 75);
    CHECK(completions[0].minutes == 9);
    const auto attestation = server->attestation(learner.id, "course");
    REQUIRE(attestation.has_value());
    CHECK(attestation->statement == "I read the policy");
    const auto session = server->classroom_session(classroom.id);
    REQUIRE(session.has_value());
    CHECK(session->head_count == 14);
    CHECK(session->facilitator == "Sam");

    // Settings are the organisation's, on the server.
    store->set_setting("iri-base", "https://training.example.org/");
    CHECK(server->setting("iri-base") == "https://training.example.org/");
    server->set_setting("iri-base", "https://lms.example.org/");
    CHECK(store->setting("iri-base") == "https://lms.example.org/");
    server->set_setting("site-jurisdiction:Austin", "Texas");
    CHECK(store->settings() ==
          std::map<std::string, std::string>{{"iri-base", "https://lms.example.org/"},
                                             {"site-jurisdiction:Austin", "Texas"}});

    // Players neither issue nor delete.
    Certificate c;
    c.id = "cert-1";
    c.learner_id = learner.id;
    CHECK_THROWS_AS(store->add_certificate(c), RecordsError);
    CHECK_THROWS_AS(store->revoke_certificate("cert-1", 1, "no"), RecordsError);
    CHECK_THROWS_AS(store->delete_learner(learner.id), RecordsError);
    CHECK(server->learner(learner.id).has_value());

    // One player per folder.
    CHECK_THROWS_AS(open_organisation_store(conninfo, dir, quick_options()), RecordsError);
}

TEST_CASE("organisation store: writes committed locally but never queued are found and sent "
          "once on the next open") {
    // A kill between the local commit and the outbox commit leaves exactly
    // this: the local store has writes the outbox never heard of. Writing
    // with the plain local store gives that state at every kind of write.
    const std::string conninfo = cluster().create_database();
    TempDir tmp;
    const fs::path dir = tmp.path() / "player";
    std::string learner_id;
    std::string attempt_id;
    {
        auto local = open_store(dir);
        learner_id = local->add_learner({"Bo", "", "", "", "", "", "Lyon"}).id;
        attempt_id = local->start_attempt(sample_start(learner_id), 1'000'000).id;
        local->record_event(sample_event(attempt_id, 1), {1});
        local->record_attestation({learner_id, "course", "agreed", 5});
    }
    {
        // The attestation's intent, as record_attestation notes it first.
        auto store = open_organisation_store(conninfo, dir, quick_options());
        REQUIRE(store->drain(20s));
        store->record_event(sample_event(attempt_id, 2), {2});
        REQUIRE(store->drain(20s));
    }
    {
        auto local = open_store(dir);
        local->record_event(sample_event(attempt_id, 3), {3}); // killed before queueing
        local->touch(attempt_id, 1'009'000);
        local->record_completion({learner_id, "course", 1'010'000, 90, 3});
        local->update_learner(learner_id, {"Bo", "", "", "", "", "cook", "Lyon"});
    }
    {
        auto store = open_organisation_store(conninfo, dir, quick_options());
        CHECK(store->delivery().queued > 0);
        REQUIRE(store->drain(20s));
        auto server = open_postgres_store(conninfo);
        check_same_attempt(*server, *store, attempt_id);
        CHECK(server->completions(learner_id).size() == 1);
        CHECK(server->learner(learner_id)->job_role == "cook");
    }
    // Losing the whole outbox re-sends everything; the server keeps it once.
    fs::remove(dir / "outbox.db");
    fs::remove(dir / "outbox.db-wal");
    fs::remove(dir / "outbox.db-shm");
    {
        auto store = open_organisation_store(conninfo, dir, quick_options());
        CHECK(store->delivery().queued > 0);
        REQUIRE(store->drain(20s));
        auto server = open_postgres_store(conninfo);
        check_same_attempt(*server, *store, attempt_id);
        CHECK(server->attempts().size() == 1);
        CHECK(server->learners().size() == 1);
        CHECK(server->completions(learner_id).size() == 1);
    }
}

TEST_CASE("organisation store: 20 concurrent players writing 1,000 events each lose nothing "
          "and duplicate nothing") {
    const std::string conninfo = cluster().create_database();
    TempDir tmp;
    auto folders = folders_in(tmp, 20);
    std::vector<std::unique_ptr<Player>> players;
    for (const Folder& f : folders) {
        players.push_back(std::make_unique<Player>(conninfo, f.dir, kEvents));
    }
    for (std::size_t i = 0; i < players.size(); ++i) {
        INFO(players[i]->output());
        CHECK(players[i]->wait() == 0);
        CHECK(players[i]->said("drained"));
        CHECK(players[i]->in_order());
        folders[i].acknowledged = players[i]->acknowledged();
        CHECK(folders[i].acknowledged == kEvents);
    }
    CHECK(check_server(conninfo, folders, kEvents) == 20 * std::int64_t{kEvents});
}

TEST_CASE("organisation store: players killed mid-write and restarted leave every "
          "acknowledged event on the server exactly once") {
    const std::string conninfo = cluster().create_database();
    TempDir tmp;
    auto folders = folders_in(tmp, 6);
    std::mt19937 random(20261206);
    int kills = 0;
    // Each player is killed twice at a random point, then runs to the end.
    for (int round = 0; round < 3; ++round) {
        std::vector<std::unique_ptr<Player>> players;
        for (const Folder& f : folders) {
            players.push_back(std::make_unique<Player>(conninfo, f.dir, kEvents, 200));
        }
        for (std::size_t i = 0; i < players.size(); ++i) {
            if (round < 2) {
                const std::uint32_t from = folders[i].acknowledged;
                const std::uint32_t at =
                    std::min<std::uint32_t>(kEvents - 1, from + 1 + random() % (kEvents / 3));
                players[i]->wait_for(at, 30s);
                // A few microseconds more: mid-commit, mid-queue or mid-send.
                std::this_thread::sleep_for(std::chrono::microseconds(random() % 3000));
                players[i]->kill();
                ++kills;
            } else {
                INFO(players[i]->output());
                CHECK(players[i]->wait() == 0);
                CHECK(players[i]->said("drained"));
            }
            CHECK(players[i]->in_order());
            // A resumed run goes on right after what the killed one acknowledged.
            CHECK(players[i]->acknowledged() >= folders[i].acknowledged);
            folders[i].acknowledged = std::max(folders[i].acknowledged, players[i]->acknowledged());
        }
    }
    CHECK(kills == 12);
    for (const Folder& f : folders) {
        CHECK(f.acknowledged == kEvents);
    }
    CHECK(check_server(conninfo, folders, kEvents) == 6 * std::int64_t{kEvents});
}

TEST_CASE("organisation store: a server restart mid-session loses nothing, and players record "
          "offline meanwhile") {
    const std::string conninfo = cluster().create_database();
    TempDir tmp;
    auto folders = folders_in(tmp, 4);
    std::vector<std::unique_ptr<Player>> players;
    for (const Folder& f : folders) {
        players.push_back(std::make_unique<Player>(conninfo, f.dir, kEvents, 1000));
    }
    for (auto& p : players) {
        REQUIRE(p->wait_for(kEvents / 5, 30s));
    }
    ServerBack back;
    cluster().stop_server();
    back.stopped = true;
    std::vector<std::uint32_t> at_stop;
    for (auto& p : players) {
        at_stop.push_back(p->acknowledged());
    }
    for (std::size_t i = 0; i < players.size(); ++i) {
        INFO(players[i]->output());
        // Still acknowledging, and telling the learner it is offline.
        CHECK(players[i]->wait_said("offline", 30s));
        CHECK(players[i]->wait_for(at_stop[i] + 50, 30s));
    }
    cluster().start_server();
    back.stopped = false;
    for (std::size_t i = 0; i < players.size(); ++i) {
        INFO(players[i]->output());
        CHECK(players[i]->wait() == 0);
        CHECK(players[i]->said("drained"));
        folders[i].acknowledged = players[i]->acknowledged();
    }
    CHECK(check_server(conninfo, folders, kEvents) == 4 * std::int64_t{kEvents});
}

TEST_CASE("organisation store: a player that never reached the server queues offline and the "
          "queue drains once the server is there") {
    const std::string conninfo = cluster().create_database(); // empty: no schema yet
    TempDir tmp;
    ServerBack back;
    cluster().stop_server();
    back.stopped = true;
    auto store = open_organisation_store(conninfo, tmp.path() / "player", quick_options());
    const Learner learner = store->add_learner({"Cy", "", "", "", "2022-02-02", "", "Nice"});
    const Attempt attempt = store->start_attempt(sample_start(learner.id), 1'000'000);
    for (std::uint32_t s = 1; s <= 50; ++s) {
        store->record_event(sample_event(attempt.id, s), {static_cast<std::uint8_t>(s)});
    }
    CHECK_FALSE(store->drain(300ms));
    const auto offline = store->delivery();
    CHECK_FALSE(offline.online);
    CHECK(offline.queued > 0);
    CHECK_FALSE(offline.problem.empty());
    // Reads still answer, from this machine.
    CHECK(store->events(attempt.id).size() == 50);
    CHECK(store->unfinished_attempt(learner.id, "lobby").has_value());
    CHECK_THROWS_AS(store->set_setting("iri-base", "x"), RecordsError);

    cluster().start_server();
    back.stopped = false;
    REQUIRE(store->drain(30s));
    const auto online = store->delivery();
    CHECK(online.online);
    CHECK(online.queued == 0);
    auto server = open_postgres_store(conninfo);
    CHECK(server->learner(learner.id).has_value());
    check_same_attempt(*server, *store, attempt.id);
}
