// The classroom phone server under a room of phones, on loopback:
//   bench_phone_votes [PHONES] [ROUNDS] [MAX_THREADS] [LONG_POLL_S]
// (defaults 300, 5, the server's default pool, 300 s; a small MAX_THREADS
// with a short LONG_POLL_S shows what a fixed pool does: votes wait behind
// the polls until those time out).
// PHONES participants (300) join by secret; each then holds a long poll open
// on its own connection (and thread) for the whole run while 16 voting
// threads send ROUNDS (5) votes for every phone, each to a new option, each
// from the phone's own keep-alive connection. Printed:
//  - joins per second and votes per second (204 responses);
//  - vote latency, p50 and p99: the vote request's round trip, from sending
//    it to its 204, by which time room.phone_counts() already counts it (the
//    room records the vote before the server answers);
//  - the frame loop's share: while the votes arrive, a thread stands in for
//    the desktop player's UI thread and, 60 times a second, does what its
//    tick() does with the room (Player::sync_phones_changed and
//    show_phones: publish the view, announce the lobby, read the counts, the
//    voters, the devices and the version); the longest and the p99 of those
//    frames show whether the phones can stall the player (target: under
//    50 ms, a dropped frame or three);
//  - memory per participant: the process's resident memory (VmRSS of
//    /proc/self/status) after the joins, and after the 300 long polls are
//    held, over the phones; client and server share the process, so this is
//    an upper bound for the server (it includes the client's threads).
// Budgets are relaxed (the test of admit() is in phone_server_tests): this
// measures the server, not the limits.
#include "classroom/phone_room.hpp"
#include "classroom/phone_server.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <httplib.h>
#include <string>
#include <thread>
#include <vector>

using namespace sightline::classroom;
using Steady = std::chrono::steady_clock;
using nlohmann::json;

namespace {

long status_kb(const char* field) {
    std::ifstream in("/proc/self/status");
    std::string line;
    const std::string prefix = std::string(field) + ":";
    while (std::getline(in, line)) {
        if (line.rfind(prefix, 0) == 0) {
            return std::atol(line.c_str() + prefix.size());
        }
    }
    return -1;
}

double seconds_since(Steady::time_point start) {
    return std::chrono::duration<double>(Steady::now() - start).count();
}

template <class F>
void parallel(std::size_t n, std::size_t workers, F body) {
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> pool;
    for (std::size_t w = 0; w < workers; ++w) {
        pool.emplace_back([&, w] {
            for (std::size_t i = next++; i < n; i = next++) {
                body(w, i);
            }
        });
    }
    for (std::thread& t : pool) {
        t.join();
    }
}

} // namespace

int main(int argc, char** argv) {
    const std::size_t phones = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 300;
    const std::size_t rounds = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 5;
    constexpr std::size_t kChoices = 4;
    constexpr std::size_t kWorkers = 16;

    PhoneRoomOptions room_options;
    room_options.limits.per_device = {1e6, 1e6};
    room_options.limits.overall = {1e7, 1e7};
    PhoneRoom room(room_options);
    PhoneView view;
    view.question_key = "q0-0";
    view.stage = "voting";
    view.voting_open = true;
    for (std::size_t i = 0; i < kChoices; ++i) {
        view.choices.push_back({std::to_string(i + 1), "Choice", true, {}, 0, false, {}});
    }
    room.publish(view);

    PhoneServerOptions options;
    options.address = "127.0.0.1";
    options.page_dir = SIGHTLINE_SOURCE_DIR "/assets/phone";
    options.long_poll = std::chrono::seconds(argc > 4 ? std::strtol(argv[4], nullptr, 10) : 300);
    if (argc > 3) {
        options.max_threads = std::strtoul(argv[3], nullptr, 10);
    }
    PhoneServer server(room, options);
    std::string error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "bench_phone_votes: %s\n", error.c_str());
        return 1;
    }
    const int port = server.port();
    const long rss_start = status_kb("VmRSS");

    // Joins, each on a new connection.
    std::vector<std::string> tokens(phones);
    std::atomic<int> failures{0};
    auto t0 = Steady::now();
    parallel(phones, kWorkers, [&](std::size_t, std::size_t i) {
        httplib::Client c("127.0.0.1", port);
        const json body{{"secret", room.secret()}};
        const httplib::Result r = c.Post("/api/join", body.dump(), "application/json");
        if (r && r->status == 200) {
            tokens[i] = json::parse(r->body).at("token").get<std::string>();
        } else {
            ++failures;
        }
    });
    const double join_s = seconds_since(t0);
    const long rss_joined = status_kb("VmRSS");

    // The lobby's new size, announced as the player's first frame after the
    // joins does, so that the polls below wait for the lock, not for this.
    room.announce_lobby();

    // Long polls, held until the end.
    const std::string poll = "/api/view?since=" + std::to_string(room.version());
    std::atomic<int> polls_done{0};
    std::vector<std::thread> polls;
    for (std::size_t i = 0; i < phones; ++i) {
        polls.emplace_back([&, i] {
            httplib::Client c("127.0.0.1", port);
            c.set_read_timeout(600, 0);
            const httplib::Result r =
                c.Get(poll.c_str(), {{"Authorization", "Bearer " + tokens[i]}});
            if (!r || r->status != 200) {
                ++failures;
            }
            ++polls_done;
        });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(500)); // let them all arrive
    const long rss_polling = status_kb("VmRSS");
    const long threads_polling = status_kb("Threads"); // not kB: a count

    // Votes: every phone, `rounds` times, from a connection per phone.
    std::vector<httplib::Client> clients;
    clients.reserve(phones);
    for (std::size_t i = 0; i < phones; ++i) {
        clients.emplace_back("127.0.0.1", port);
    }
    std::vector<std::vector<double>> latencies(kWorkers);
    std::atomic<bool> voting{true};
    std::vector<double> ui_frames;
    std::thread ui([&] {
        while (voting) {
            const auto start = Steady::now();
            room.publish(view);
            room.announce_lobby();
            const std::vector<std::int64_t> tally = room.phone_counts();
            const std::size_t voted = room.voters() + room.devices().size() + room.version();
            ui_frames.push_back(
                std::chrono::duration<double, std::milli>(Steady::now() - start).count());
            if (tally.empty() && voted == 0) {
                break; // never: keeps the reads from being optimised away
            }
            std::this_thread::sleep_until(start + std::chrono::microseconds(16'667));
        }
    });
    t0 = Steady::now();
    parallel(phones * rounds, kWorkers, [&](std::size_t w, std::size_t n) {
        const std::size_t i = n % phones;
        const std::size_t option = (i + n / phones) % kChoices;
        const json body{{"question", "q0-0"}, {"options", {option}}};
        const auto sent = Steady::now();
        const httplib::Result r =
            clients[i].Post("/api/vote", {{"Authorization", "Bearer " + tokens[i]}}, body.dump(),
                            "application/json");
        latencies[w].push_back(
            std::chrono::duration<double, std::milli>(Steady::now() - sent).count());
        if (!r || r->status != 204) {
            ++failures;
        }
    });
    const double vote_s = seconds_since(t0);
    voting = false;
    ui.join();
    std::sort(ui_frames.begin(), ui_frames.end());
    const std::vector<std::int64_t> counts = room.phone_counts();
    std::int64_t counted = 0;
    for (const std::int64_t c : counts) {
        counted += c;
    }
    const int still_polling = static_cast<int>(phones) - polls_done.load();

    room.publish([&] {
        PhoneView locked = view;
        locked.voting_open = false;
        locked.stage = "locked";
        return locked;
    }());
    for (std::thread& t : polls) {
        t.join();
    }
    clients.clear();
    server.stop();

    std::vector<double> all;
    for (const std::vector<double>& l : latencies) {
        all.insert(all.end(), l.begin(), l.end());
    }
    std::sort(all.begin(), all.end());
    const auto pct = [&](double p) {
        return all.empty() ? 0.0 : all[std::min(all.size() - 1, std::size_t(p * all.size()))];
    };
    std::printf("phones %zu, votes %zu (%zu rounds), voting threads %zu\n", phones, all.size(),
                rounds, kWorkers);
    std::printf("joins: %.0f per second\n", static_cast<double>(phones) / join_s);
    std::printf("votes: %.0f per second while %d long polls were held\n",
                static_cast<double>(all.size()) / vote_s, still_polling);
    std::printf("vote round trip (counted in phone_counts() on return): p50 %.2f ms, p99 %.2f ms, "
                "max %.2f ms\n",
                pct(0.50), pct(0.99), all.empty() ? 0.0 : all.back());
    std::printf("frame loop's room work during the votes: %zu frames, p50 %.3f ms, p99 %.3f ms, "
                "max %.3f ms\n",
                ui_frames.size(), ui_frames.empty() ? 0.0 : ui_frames[ui_frames.size() / 2],
                ui_frames.empty() ? 0.0 : ui_frames[ui_frames.size() * 99 / 100],
                ui_frames.empty() ? 0.0 : ui_frames.back());
    std::printf("counted voters %lld of %zu\n", static_cast<long long>(counted), phones);
    std::printf("memory: RSS %ld kB at start, +%.1f kB per phone after joins, +%.1f kB per phone "
                "holding a long poll (client and server; %ld threads)\n",
                rss_start, static_cast<double>(rss_joined - rss_start) / double(phones),
                static_cast<double>(rss_polling - rss_joined) / double(phones), threads_polling);
    std::printf("failures: %d\n", failures.load());
    return failures == 0 && counted == static_cast<std::int64_t>(phones) ? 0 : 1;
}
