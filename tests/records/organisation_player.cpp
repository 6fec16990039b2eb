// A stand-in player for the organisation store's tests and benchmark: plays
// EVENTS events of one attempt through open_organisation_store() into its own
// local folder, printing each acknowledged sequence on stdout (one line,
// flushed, once record_event has returned), so that a test that kills it
// knows exactly what the learner was told was recorded.
//
//   organisation_player CONNINFO DIR EVENTS [PACE_US] [DRAIN_MS]
//
// Started again on the same DIR it resumes the unfinished attempt after its
// last recorded event. Other lines: "attempt ID", "offline QUEUED" when
// delivery() first reports the server unreachable (and "online" when it is
// back), "finished", then "drained" or "queued N" after waiting up to
// DRAIN_MS (default 30000) for the queue to reach the server.
#include "records/organisation_store.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <thread>

using namespace sightline::records;

namespace {

Event make_event(const std::string& attempt_id, std::uint32_t sequence) {
    Event e;
    e.attempt_id = attempt_id;
    e.sequence = sequence;
    e.time = now_ms();
    e.node_id = "node-" + std::to_string(sequence % 17);
    e.prompt = "What do you do at step " + std::to_string(sequence) + "?";
    e.kind = sequence % 4 == 0 ? EventKind::Answer : EventKind::Choice;
    e.response = {"c" + std::to_string(sequence % 3)};
    e.offered = {{"c0", "Ask", true}, {"c1", "Wait", false}, {"c2", "Leave", false}};
    e.tier = e.kind == EventKind::Choice ? "good" : "";
    e.correct = sequence % 3 == 0;
    e.score_changes = {{"safety", static_cast<std::int64_t>(sequence % 3)}};
    e.indicators = {"ind-" + std::to_string(sequence % 5)};
    e.time_on_node_ms = 1000 + sequence;
    if (sequence % 10 == 0) {
        e.votes = {{"c0", 5, 2}, {"c1", 3, 0}};
    }
    return e;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr,
                     "usage: organisation_player CONNINFO DIR EVENTS [PACE_US] [DRAIN_MS]\n");
        return 2;
    }
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const std::string conninfo = argv[1];
    const std::string dir = argv[2];
    const auto events = static_cast<std::uint32_t>(std::strtoul(argv[3], nullptr, 10));
    const long pace_us = argc > 4 ? std::strtol(argv[4], nullptr, 10) : 0;
    const long drain_ms = argc > 5 ? std::strtol(argv[5], nullptr, 10) : 30000;
    try {
        OrganisationOptions options;
        options.retry_min = std::chrono::milliseconds(20);
        options.retry_max = std::chrono::milliseconds(250);
        options.drain_on_close = std::chrono::milliseconds(0);
        auto store = open_organisation_store(conninfo, dir, options);
        const auto learners = store->learners();
        const Learner learner =
            learners.empty() ? store->add_learner({"Player " + dir, "nurse", "RN-1", "TX",
                                                   "2024-01-15", "hotel/front-desk", "Austin"})
                             : learners.front();
        // The one attempt of this folder, however far an earlier run got.
        const auto earlier = store->attempts(learner.id);
        std::optional<Attempt> attempt;
        if (!earlier.empty()) {
            attempt = earlier.back();
        } else {
            AttemptStart start;
            start.learner_id = learner.id;
            start.course_id = "course";
            start.scenario_id = "lobby";
            start.bundle_hash = "abc123";
            start.bundle_version = "1.0";
            start.seed = 42;
            start.save = {1, 2, 3};
            attempt = store->start_attempt(start, now_ms());
        }
        std::printf("attempt %s\n", attempt->id.c_str());
        bool offline = false;
        for (std::uint32_t sequence = attempt->events + 1; sequence <= events; ++sequence) {
            const std::vector<std::uint8_t> save = {static_cast<std::uint8_t>(sequence & 0xff),
                                                    static_cast<std::uint8_t>(sequence >> 8)};
            store->record_event(make_event(attempt->id, sequence), save);
            std::printf("%u\n", sequence);
            const auto d = store->delivery();
            if (!d.online && !offline) {
                std::printf("offline %llu\n", static_cast<unsigned long long>(d.queued));
            } else if (d.online && offline) {
                std::printf("online\n");
            }
            offline = !d.online;
            if (pace_us > 0) {
                std::this_thread::sleep_for(std::chrono::microseconds(pace_us));
            }
        }
        if (attempt->status == Status::InProgress) {
            AttemptResult result;
            result.ending_node = "end";
            result.outcome = "safe";
            result.scores = {{"safety", 7, 0, 10}};
            result.raw = 7;
            result.max = 10;
            result.passed = true;
            const TimeMs finished = now_ms();
            store->finish_attempt(attempt->id, result, finished);
        }
        if (store->completions(learner.id).empty()) {
            store->record_completion({learner.id, "course", now_ms(), 70, 12});
        }
        std::printf("finished\n");
        if (store->drain(std::chrono::milliseconds(drain_ms))) {
            std::printf("drained\n");
        } else {
            std::printf("queued %llu\n", static_cast<unsigned long long>(store->delivery().queued));
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "organisation_player: %s\n", e.what());
        return 1;
    }
    return 0;
}
