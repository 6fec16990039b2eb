// The HTTP server phones in a classroom talk to (issue 18): a thin shell over
// one PhoneRoom (phone_room.hpp), on its own threads, with cpp-httplib. Every
// decision about who may join, vote or see what is the room's; the server
// only maps requests to room calls and room results to status codes.
//
// Routes (everything else 404; a known path with another method 405):
//   GET  /, /phone.js, /phone.css  the phone page, read from page_dir once at
//                                  start() (a fixed list: no path is ever
//                                  built from a request); index.html with
//                                  its words filled in, in the session's
//                                  language (phone_text.hpp)
//   POST /api/join   {"secret": ...} or {"code": ...}  200 {"token", "device"};
//                    403 wrong secret or code, locked lobby or full room;
//                    429 too many wrong codes lately; 410 closed
//   GET  /api/view?since=N  (Authorization: Bearer <token>)  200 the view at
//                    once when the room's version is not N, else after a long
//                    poll (at most long_poll); 403 unknown token; 410 closed
//   POST /api/vote   {"question": ..., "options": [...]}  204; 400 a bad
//                    body or options; 409 stale question or voting not open;
//                    403 unknown token; 410 closed
// Before any other work every request passes room.admit() (429, Retry-After:
// 1). A refusal's "message" is a sentence for the phone's user, in the
// session's language; its "error" an id. JSON requests need Content-Type application/json (415) and
// a Content-Length (411); bodies above kMaxBodyBytes are refused (413) and drained, never buffered.
// Every response carries no-store, nosniff, no-referrer, a same-origin Content-Security-Policy and
// X-Frame-Options DENY. Nothing is logged: the server keeps no address, user agent or name.
//
// Threads. cpp-httplib serves one connection per thread for the connection's
// whole life, and a long poll holds its thread while it waits. Its default
// pool has a fixed number of threads (8 on this machine), so 300 waiting
// phones would starve every vote behind them. The server's pool grows
// instead: a new connection gets a new thread when none is idle, up to
// max_threads, and idle threads are kept for later connections (they end
// with stop()). A phone holds one or two connections (its long poll, and a
// vote while the poll waits), so 300 phones need about 600 threads, each a
// few tens of kilobytes of memory (bench_phone_votes: about 46 kB per phone
// holding a poll, client threads included). Measured on loopback with 300
// phones holding polls: this pool answers votes in 1-3 ms at p50 and under
// 10 ms at p99; a fixed pool of 64 threads made the p99 5 s (votes queue
// behind polls until these time out). Beyond max_threads, new connections
// wait in a queue until a thread frees up.
#pragma once

#include "classroom/phone_room.hpp"
#include "classroom/phone_text.hpp"

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace sightline::classroom {

inline constexpr std::size_t kMaxBodyBytes = 4096; // any request body

struct PhoneServerOptions {
    // The address to listen on; empty: first_lan_ipv4(), or 127.0.0.1 when
    // the machine has no network.
    std::string address;
    int port = 0; // 0: any free port
    // Holds index.html, phone.js and phone.css (assets/phone/).
    std::filesystem::path page_dir;
    // How long a GET /api/view waits for a change before it answers anyway.
    std::chrono::milliseconds long_poll{20000};
    // The most threads serving connections at once (see "Threads" above).
    std::size_t max_threads = 1024;
    // The page's words and the refusals' sentences. Empty: phone_text() in
    // the program's current language, made by start().
    std::optional<PhoneText> text;
};

class PhoneServer {
  public:
    // The room must outlive the server.
    PhoneServer(PhoneRoom& room, PhoneServerOptions options);
    ~PhoneServer(); // stop()
    PhoneServer(const PhoneServer&) = delete;
    PhoneServer& operator=(const PhoneServer&) = delete;

    // Reads the page, binds and serves on its own threads. False, with a
    // sentence in *error, when a page file cannot be read or the address
    // cannot be bound; false also when already started. Call it on the main
    // thread: it translates (the page's text, unless options.text has it, and
    // *error).
    bool start(std::string* error = nullptr);
    // Wakes the server's long polls (the room itself is left as it is: not
    // closed, its version unchanged), stops accepting, and joins every thread.
    // Idle keep-alive connections end within a couple of seconds. Idempotent.
    void stop();

    int port() const;             // the bound port once started, else 0
    std::string base_url() const; // "http://192.168.1.20:40123"
    // base_url() + "/#" + the room's secret: the secret travels in the URL's
    // fragment, which a browser never sends, so it appears in no request
    // line, log or Referer. The phone page reads it and clears it.
    std::string join_url() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The first IPv4 address of an interface that is up and not a loopback
// (getifaddrs), as dotted text; empty when there is none.
std::optional<std::string> first_lan_ipv4();

} // namespace sightline::classroom
