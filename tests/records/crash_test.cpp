// Kills the real text player with SIGKILL at random moments while it records
// a learner's play, at least 50 times. After every kill the database must be
// intact, hold every answer whose feedback had been printed, and the
// unfinished attempt must resume exactly after its last recorded answer.
#include "bundle/bundle.hpp"
#include "records/store.hpp"
#include "runtime/run.hpp"
#include "support/bundle_file.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <chrono>
#include <fcntl.h>
#include <fstream>
#include <random>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

using namespace sightline;
using sightline::test::TempDir;

namespace {

constexpr int kKillsWanted = 50;
constexpr int kMaxRuns = 600;

// The answers that play `run` from where it stands to an ending, picking
// choices and check options at random (display numbers, as a learner types).
std::string answers_from(runtime::Run run, std::mt19937& random) {
    std::string script;
    while (run.phase() != runtime::Phase::Ended) {
        switch (run.phase()) {
        case runtime::Phase::Choosing: {
            const auto choices = run.choices();
            std::vector<std::size_t> enabled;
            for (std::size_t i = 0; i < choices.size(); ++i) {
                if (choices[i].enabled) {
                    enabled.push_back(i);
                }
            }
            REQUIRE_FALSE(enabled.empty());
            const std::size_t pick = enabled[random() % enabled.size()];
            script += "@" + std::string(choices[pick].id) + "\n"; // by id: the order is shuffled
            run.choose(choices[pick].id);
            break;
        }
        case runtime::Phase::Answering: {
            const auto view = run.view();
            const std::size_t pick = random() % view.check.options.size();
            script += "@" + std::string(view.check.options[pick].id) + "\n";
            run.answer({view.check.options[pick].id});
            break;
        }
        case runtime::Phase::Continuing:
            script += "\n";
            run.advance();
            break;
        case runtime::Phase::Ended:
            break;
        }
    }
    return script;
}

// Replays an attempt's recorded events on a fresh run: where it must resume.
runtime::Run replay(const model::Bundle& bundle, const records::Attempt& attempt,
                    const std::vector<records::Event>& events) {
    runtime::Run run(bundle, attempt.scenario_id, {attempt.seed, false});
    for (const records::Event& e : events) {
        while (run.node().id != e.node_id || run.phase() == runtime::Phase::Continuing) {
            REQUIRE(run.phase() == runtime::Phase::Continuing);
            run.advance();
        }
        if (e.kind == records::EventKind::Choice) {
            run.choose(e.response.at(0));
        } else {
            run.answer(std::vector<std::string_view>(e.response.begin(), e.response.end()));
        }
    }
    return run;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
        ++n;
    }
    return n;
}

std::string integrity(const std::filesystem::path& db) {
    sqlite3* handle = nullptr;
    REQUIRE(sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    REQUIRE(sqlite3_prepare_v2(handle, "PRAGMA integrity_check", -1, &statement, nullptr) ==
            SQLITE_OK);
    std::string result;
    while (sqlite3_step(statement) == SQLITE_ROW) {
        result += reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    }
    sqlite3_finalize(statement);
    sqlite3_close(handle);
    return result;
}

struct Outcome {
    bool killed = false;
    std::string output;
};

// Runs the player, killing it after `delay` unless it ends first (no delay:
// lets it finish).
Outcome run_player(const std::vector<std::string>& args, const std::filesystem::path& out_file,
                   std::optional<std::chrono::microseconds> delay) {
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, out_file.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&files, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    std::vector<char*> argv;
    for (const auto& a : args) {
        argv.push_back(const_cast<char*>(a.c_str()));
    }
    argv.push_back(nullptr);
    pid_t pid = 0;
    REQUIRE(posix_spawn(&pid, argv[0], &files, nullptr, argv.data(), environ) == 0);
    posix_spawn_file_actions_destroy(&files);
    if (delay) {
        std::this_thread::sleep_for(*delay);
        ::kill(pid, SIGKILL);
    }
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    Outcome outcome;
    outcome.killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    std::ifstream in(out_file);
    outcome.output.assign((std::istreambuf_iterator<char>(in)), {});
    return outcome;
}

} // namespace

TEST_CASE("SIGKILL at random moments never loses an answer whose feedback was printed") {
    TempDir data;
    const auto bundle_file = test::format_example_bundle();
    const bundle::LoadedBundle loaded = bundle::read_bundle_file(bundle_file);
    const std::string player = std::string(SIGHTLINE_BINARY_DIR) + "/bin/sightline";
    const auto script_file = data.path() / "script.txt";
    const auto out_file = data.path() / "out.txt";
    const auto db_file = data.path() / "records" / "records.db";
    const std::vector<std::string> args = {
        player,       "--bundle",           bundle_file.string(),
        "--script",   script_file.string(), "--learner",
        "Crash Test", "--data-dir",         (data.path() / "records").string()};
    std::mt19937 random(20261123);

    // How long one whole play takes here, so kills land all through it.
    std::int64_t play_us = 0;
    int kills = 0;
    for (int run = 0; run < kMaxRuns && kills < kKillsWanted; ++run) {
        CAPTURE(run);
        // The script for wherever the learner stands now.
        std::optional<records::Attempt> unfinished;
        std::size_t events_before = 0;
        {
            auto store = records::open_store(data.path() / "records");
            const auto learners = store->learners();
            if (!learners.empty()) {
                unfinished = store->unfinished_attempt(learners[0].id, "hotel.example");
            }
            store->for_each_event([&](const records::Event&) { ++events_before; });
        }
        std::string script = "1\n1\n";
        if (unfinished) {
            script +=
                "1\n" + answers_from(runtime::Run::restore(loaded.model, unfinished->save), random);
        } else {
            script += "\n" + answers_from(runtime::Run(loaded.model, "hotel.example"), random);
        }
        test::write_file(script_file, script);

        std::optional<std::chrono::microseconds> delay;
        if (play_us > 0) {
            delay = std::chrono::microseconds(random() % play_us);
        }
        const auto started = std::chrono::steady_clock::now();
        const Outcome outcome = run_player(args, out_file, delay);
        if (play_us == 0) {
            REQUIRE_FALSE(outcome.killed); // the measuring run finishes by itself
            play_us = std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::steady_clock::now() - started)
                          .count();
        }
        kills += outcome.killed ? 1 : 0;

        REQUIRE(integrity(db_file) == "ok");
        auto store = records::open_store(data.path() / "records");
        std::size_t events_after = 0;
        store->for_each_event([&](const records::Event&) { ++events_after; });
        const std::size_t printed = count(outcome.output, "You chose: ") +
                                    count(outcome.output, "\nCorrect.\n") +
                                    count(outcome.output, "\nPartly correct.\n") +
                                    count(outcome.output, "\nNot correct.\n");
        CHECK(events_after - events_before >= printed);

        const auto learner = store->learners().at(0);
        if (const auto open = store->unfinished_attempt(learner.id, "hotel.example")) {
            const auto events = store->events(open->id);
            const runtime::Run expected = replay(loaded.model, *open, events);
            const runtime::Run resumed = runtime::Run::restore(loaded.model, open->save);
            CHECK(resumed.node().id == expected.node().id);
            CHECK(resumed.phase() == expected.phase());
            CHECK(resumed.state().history.size() == events.size());
        }
    }
    MESSAGE("killed the player " << kills << " times; one play takes about " << play_us << " µs");
    CHECK(kills >= kKillsWanted);
}
