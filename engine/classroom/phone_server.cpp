#include "classroom/phone_server.hpp"

#include "i18n/i18n.hpp"

#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <atomic>
#include <charconv>
#include <condition_variable>
#include <deque>
#include <fstream>
#include <functional>
#include <httplib.h>
#include <ifaddrs.h>
#include <mutex>
#include <net/if.h>
#include <netinet/in.h>
#include <sstream>
#include <sys/socket.h>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

namespace sightline::classroom {

namespace {

using httplib::Request;
using httplib::Response;
using HandlerResponse = httplib::Server::HandlerResponse;

// A thread pool that grows: a job gets a new thread when no thread is idle,
// up to `max` threads; idle threads wait for the next job. cpp-httplib gives
// each connection one job for its whole life (see phone_server.hpp).
class GrowingPool final : public httplib::TaskQueue {
  public:
    explicit GrowingPool(std::size_t max) : max_(max == 0 ? 1 : max) {}
    GrowingPool(const GrowingPool&) = delete;
    GrowingPool& operator=(const GrowingPool&) = delete;
    ~GrowingPool() override { shutdown(); }

    void enqueue(std::function<void()> job) override {
        {
            const std::lock_guard lock(mutex_);
            jobs_.push_back(std::move(job));
            if (idle_ < jobs_.size() && threads_.size() < max_) {
                try {
                    threads_.emplace_back([this] { run(); });
                    ++idle_; // counted as idle until it takes a job
                } catch (const std::system_error&) {
                    // No thread to be had now: the job waits for a busy one.
                }
            }
        }
        ready_.notify_one();
    }

    void shutdown() override {
        {
            const std::lock_guard lock(mutex_);
            if (stopping_) {
                return;
            }
            stopping_ = true;
        }
        ready_.notify_all();
        for (std::thread& t : threads_) { // no thread is added once stopping_
            t.join();
        }
    }

  private:
    void run() {
        std::unique_lock lock(mutex_);
        for (;;) {
            ready_.wait(lock, [this] { return !jobs_.empty() || stopping_; });
            --idle_;
            if (jobs_.empty()) {
                return; // stopping, and every job done
            }
            std::function<void()> job = std::move(jobs_.front());
            jobs_.pop_front();
            lock.unlock();
            job();
            job = nullptr;
            lock.lock();
            ++idle_;
        }
    }

    const std::size_t max_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::function<void()>> jobs_;
    std::vector<std::thread> threads_;
    std::size_t idle_ = 0;
    bool stopping_ = false;
};

// cpp-httplib listens with a backlog of 5 (compiled into Debian's library):
// 300 phones arriving together would see dropped connection attempts and
// retry a second later. Linux lets a listening socket's backlog be raised by
// calling listen() again.
class Listener final : public httplib::Server {
  public:
    void widen_backlog(int backlog) {
        const int sock = svr_sock_;
        if (sock >= 0) {
            ::listen(sock, backlog);
        }
    }
};

bool read_file(const std::filesystem::path& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return false;
    }
    std::ostringstream text;
    text << in.rdbuf();
    out = std::move(text).str();
    return static_cast<bool>(in) || in.eof();
}

void send_json(Response& res, int status, const nlohmann::json& body) {
    res.status = status;
    res.set_content(body.dump(), "application/json; charset=utf-8");
}

void send_error(Response& res, int status, std::string_view error, std::string_view message) {
    send_json(res, status, {{"error", error}, {"message", message}});
}

// Every refusal of the room, its status code and the sentence a phone shows
// (the session's, from phone_text()): the one place room results become HTTP.
void send_refusal(Response& res, RoomResult result, const PhoneText& text) {
    const int status = [result] {
        switch (result) {
        case RoomResult::WrongSecret:
        case RoomResult::WrongCode:
        case RoomResult::LobbyLocked:
        case RoomResult::RoomFull:
        case RoomResult::UnknownToken:
            return 403;
        case RoomResult::RateLimited:
            return 429;
        case RoomResult::RoomClosed:
            return 410;
        case RoomResult::BadOptions:
            return 400;
        case RoomResult::StaleQuestion:
        case RoomResult::NotVoting:
            return 409;
        case RoomResult::Ok:
            break;
        }
        return 500;
    }();
    if (result == RoomResult::RateLimited) {
        res.set_header("Retry-After", "2");
    }
    const std::string name = room_result_name(result);
    send_error(res, status, name, text.text(status == 500 ? "error.internal" : "error." + name));
}

// A token the room does not know (never issued, removed, or the room closed).
void send_unknown_token(Response& res, const PhoneRoom& room, const PhoneText& text) {
    send_refusal(res, room.closed() ? RoomResult::RoomClosed : RoomResult::UnknownToken, text);
}

// The token of "Authorization: Bearer <token>"; empty when there is none or
// it is too long to be one (tokens are 22 characters).
std::string bearer_token(const Request& req) {
    const std::string& value = req.get_header_value("Authorization");
    constexpr std::string_view prefix = "Bearer ";
    if (value.size() <= prefix.size() || value.size() > prefix.size() + 64 ||
        value.compare(0, prefix.size(), prefix) != 0) {
        return {};
    }
    return value.substr(prefix.size());
}

bool is_json(const Request& req) {
    const std::string& type = req.get_header_value("Content-Type");
    const std::string_view media = std::string_view(type).substr(0, type.find(';'));
    std::string lower;
    for (const char c : media) {
        if (c != ' ' && c != '\t') {
            lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
    }
    return lower == "application/json";
}

struct Route {
    std::string_view path;
    std::string_view method; // GET also answers HEAD
    bool json_body;
};
constexpr Route kRoutes[] = {
    {"/", "GET", false},         {"/phone.js", "GET", false}, {"/phone.css", "GET", false},
    {"/api/view", "GET", false}, {"/api/join", "POST", true}, {"/api/vote", "POST", true},
};

} // namespace

struct PhoneServer::Impl {
    PhoneRoom& room;
    PhoneServerOptions options;
    Listener server;
    std::thread listener;
    std::atomic<bool> stopping{false};
    std::atomic<bool> listen_returned{false};
    std::mutex lifecycle; // start() and stop()
    bool started = false;
    bool stopped = false;
    int port = 0;
    std::string address;
    std::string index_html, phone_js, phone_css;
    PhoneText words; // made on the main thread by start(), then only read

    Impl(PhoneRoom& r, PhoneServerOptions o) : room(r), options(std::move(o)) {}

    void configure();
    HandlerResponse pre_route(const Request& req, Response& res);
    void view(const Request& req, Response& res);
    void join(const Request& req, Response& res);
    void vote(const Request& req, Response& res);
    void stop();
};

void PhoneServer::Impl::configure() {
    const std::size_t max_threads = options.max_threads;
    server.new_task_queue = [max_threads] { return new GrowingPool(max_threads); };
    // SO_REUSEADDR only: the library's default also sets SO_REUSEPORT, which
    // would let another program bind the same port and take part of the
    // phones' connections.
    server.set_socket_options([](socket_t sock) {
        const int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    // A reply's headers and body are written separately; without TCP_NODELAY
    // Nagle's algorithm holds the body of every reply on a reused connection
    // until the phone's delayed ACK, about 40 ms on loopback (found by the
    // endpoint crawler, tests/classroom/phone_crawl_test.cpp).
    server.set_tcp_nodelay(true);
    server.set_payload_max_length(kMaxBodyBytes);
    server.set_read_timeout(5, 0);
    server.set_write_timeout(5, 0);
    // An idle keep-alive connection holds its thread, which polls it every
    // 10 ms, and stop() waits for it: 2 s is enough for a phone's next request.
    server.set_keep_alive_timeout(2);
    server.set_keep_alive_max_count(100);
    server.set_default_headers({
        {"Cache-Control", "no-store"},
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
        {"Content-Security-Policy",
         "default-src 'self'; style-src 'self'; script-src 'self'; connect-src 'self'; "
         "img-src 'self'; frame-ancestors 'none'"},
        {"X-Frame-Options", "DENY"},
    });
    // No logger: nothing about a request (its address above all) is kept.
    const httplib::Server::HandlerWithResponse pre = [this](const Request& req, Response& res) {
        return pre_route(req, res);
    };
    server.set_pre_routing_handler(pre);
    const auto page = [](const std::string& body, const char* type) {
        return [&body, type](const Request&, Response& res) {
            if (res.status == -1) {
                res.set_content(body, type);
            }
        };
    };
    server.Get("/", page(index_html, "text/html; charset=utf-8"));
    server.Get(R"(/phone\.js)", page(phone_js, "text/javascript; charset=utf-8"));
    server.Get(R"(/phone\.css)", page(phone_css, "text/css; charset=utf-8"));
    server.Get("/api/view", [this](const Request& req, Response& res) { view(req, res); });
    server.Post("/api/join", [this](const Request& req, Response& res) { join(req, res); });
    server.Post("/api/vote", [this](const Request& req, Response& res) { vote(req, res); });
    // Every status from 400 on, the library's own (400, 413, 414, 416) too.
    // Handled, so that the library sets the Content-Length of every body.
    const httplib::Server::HandlerWithResponse on_error = [](const Request&, Response& res) {
        if (res.body.empty()) {
            switch (res.status) {
            case 404:
                send_error(res, 404, "not-found", "There is nothing here.");
                break;
            case 413:
                send_error(res, 413, "too-large",
                           "The request body is larger than " + std::to_string(kMaxBodyBytes) +
                               " bytes.");
                break;
            default:
                send_error(res, res.status, "bad-request", "The request could not be read.");
                break;
            }
        }
        return HandlerResponse::Handled;
    };
    server.set_error_handler(on_error);
    server.set_exception_handler([this](const Request&, Response& res, std::exception_ptr) {
        send_error(res, 500, "internal", words.text("error.internal"));
    });
}

// Runs before the body is read. A refusal sets the response and, when the
// request has a body, leaves the request to the library, which reads and
// drains the body (at most kMaxBodyBytes; more is 413) so that the
// connection stays in step; the handlers see the status set and do nothing.
HandlerResponse PhoneServer::Impl::pre_route(const Request& req, Response& res) {
    // (The library would parse a multipart body and answer 400 over the
    // refusal; a phone never sends one, so such a connection is left as is.)
    const bool has_body = req.has_header("Content-Length") &&
                          req.get_header_value("Content-Length") != "0" &&
                          !req.has_header("Transfer-Encoding") && !req.is_multipart_form_data();
    const auto refused = [&] {
        return has_body ? HandlerResponse::Unhandled : HandlerResponse::Handled;
    };
    if (!room.admit(bearer_token(req))) {
        res.set_header("Retry-After", "1");
        send_error(res, 429, "busy", words.text("error.busy"));
        return refused();
    }
    const Route* route = nullptr;
    for (const Route& r : kRoutes) {
        if (req.path == r.path) {
            route = &r;
        }
    }
    if (route == nullptr) {
        send_error(res, 404, "not-found", "There is nothing here.");
        return refused();
    }
    const bool head = req.method == "HEAD" && route->method == "GET";
    if (req.method != route->method && !head) {
        res.set_header("Allow", route->method == "GET" ? "GET, HEAD" : std::string(route->method));
        send_error(res, 405, "method-not-allowed", "This method is not allowed here.");
        return refused();
    }
    if (route->json_body) {
        if (!is_json(req)) {
            send_error(res, 415, "unsupported-media-type", "The body must be application/json.");
            return refused();
        }
        // Chunked bodies are never read (the library would not bound them).
        if (!req.has_header("Content-Length") || req.has_header("Transfer-Encoding")) {
            send_error(res, 411, "length-required", "The body needs a Content-Length.");
            return HandlerResponse::Handled;
        }
    }
    return HandlerResponse::Unhandled;
}

void PhoneServer::Impl::view(const Request& req, Response& res) {
    if (res.status != -1) {
        return;
    }
    const std::string token = bearer_token(req);
    std::optional<std::uint64_t> since;
    if (req.has_param("since")) {
        const std::string text = req.get_param_value("since");
        std::uint64_t value = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
            send_error(res, 400, "bad-since", "since must be a version number.");
            return;
        }
        since = value;
    }
    if (!room.rejoin(token)) {
        send_unknown_token(res, room, words);
        return;
    }
    if (since && *since == room.version() && !stopping) {
        room.wait_for_change(*since, options.long_poll, stopping);
    }
    std::optional<std::string> json = room.view_json(token);
    if (!json) { // removed or closed while waiting
        send_unknown_token(res, room, words);
        return;
    }
    res.status = 200;
    res.set_content(std::move(*json), "application/json; charset=utf-8");
}

void PhoneServer::Impl::join(const Request& req, Response& res) {
    if (res.status != -1) {
        return;
    }
    const ParsedJoin parsed = parse_join_body(req.body);
    if (!parsed.join) {
        send_error(res, 400, "bad-body", parsed.error);
        return;
    }
    const JoinResult joined = parsed.join->secret.empty()
                                  ? room.join_with_code(parsed.join->code)
                                  : room.join_with_secret(parsed.join->secret);
    if (joined.ok()) {
        send_json(res, 200, {{"token", joined.token}, {"device", joined.label}});
    } else {
        send_refusal(res, joined.result, words);
    }
}

void PhoneServer::Impl::vote(const Request& req, Response& res) {
    if (res.status != -1) {
        return;
    }
    const std::string token = bearer_token(req);
    if (!room.rejoin(token)) {
        send_unknown_token(res, room, words);
        return;
    }
    ParsedVote parsed = parse_vote_body(req.body);
    if (!parsed.vote) {
        send_error(res, 400, "bad-body", parsed.error);
        return;
    }
    const RoomResult result =
        room.vote(token, parsed.vote->question, std::move(parsed.vote->options));
    if (result == RoomResult::Ok) {
        res.status = 204;
    } else {
        send_refusal(res, result, words);
    }
}

void PhoneServer::Impl::stop() {
    const std::lock_guard lock(lifecycle);
    if (!started || stopped) {
        return;
    }
    stopped = true;
    stopping = true;
    room.wake_waiters(); // long polls see `stopping` and answer now
    // Server::stop() does nothing until the listening loop has started.
    while (!server.is_running() && !listen_returned) {
        std::this_thread::yield();
    }
    server.stop();
    listener.join(); // the pool's threads are joined before listen returns
}

PhoneServer::PhoneServer(PhoneRoom& room, PhoneServerOptions options)
    : impl_(std::make_unique<Impl>(room, std::move(options))) {}

PhoneServer::~PhoneServer() {
    stop();
}

bool PhoneServer::start(std::string* error) {
    Impl& s = *impl_;
    const auto fail = [&](std::string why) {
        if (error != nullptr) {
            *error = std::move(why);
        }
        return false;
    };
    const std::lock_guard lock(s.lifecycle);
    if (s.started) {
        return fail(i18n::tr("The phone server has already been started."));
    }
    std::string html;
    const std::pair<const char*, std::string*> files[] = {
        {"index.html", &html}, {"phone.js", &s.phone_js}, {"phone.css", &s.phone_css}};
    for (const auto& file : files) {
        const std::filesystem::path path = s.options.page_dir / file.first;
        if (!read_file(path, *file.second)) {
            // TRANSLATORS: {1} is a file's path.
            return fail(i18n::format(i18n::tr("The phone page file {1} could not be read."),
                                     {path.string()}));
        }
    }
    s.words = s.options.text ? *s.options.text : phone_text();
    if (std::string why; !render_phone_page(html, s.words, s.index_html, &why)) {
        // TRANSLATORS: {1} is a file's path, {2} what is wrong in it (in English).
        return fail(i18n::format(i18n::tr("The phone page file {1} cannot be shown: {2}."),
                                 {(s.options.page_dir / "index.html").string(), why}));
    }
    s.address =
        s.options.address.empty() ? first_lan_ipv4().value_or("127.0.0.1") : s.options.address;
    s.configure();
    if (s.options.port == 0) {
        s.port = s.server.bind_to_any_port(s.address);
    } else {
        s.port = s.server.bind_to_port(s.address, s.options.port) ? s.options.port : -1;
    }
    if (s.port <= 0) {
        s.port = 0;
        // TRANSLATORS: {1} is an address, and maybe a port: 192.168.1.20:8080.
        return fail(i18n::format(
            i18n::tr("The phone server could not listen on {1} (the port may be in use, or the "
                     "address not this machine's)."),
            {s.address +
             (s.options.port == 0 ? std::string() : ":" + std::to_string(s.options.port))}));
    }
    s.server.widen_backlog(SOMAXCONN);
    s.started = true;
    s.listener = std::thread([&s] {
        s.server.listen_after_bind();
        s.listen_returned = true;
    });
    return true;
}

void PhoneServer::stop() {
    impl_->stop();
}

int PhoneServer::port() const {
    return impl_->port;
}

std::string PhoneServer::base_url() const {
    return "http://" + impl_->address + ":" + std::to_string(impl_->port);
}

std::string PhoneServer::join_url() const {
    return base_url() + "/#" + impl_->room.secret();
}

std::optional<std::string> first_lan_ipv4() {
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) {
        return std::nullopt;
    }
    std::optional<std::string> found;
    for (const ifaddrs* a = list; a != nullptr && !found; a = a->ifa_next) {
        if (a->ifa_addr == nullptr || a->ifa_addr->sa_family != AF_INET ||
            (a->ifa_flags & IFF_UP) == 0 || (a->ifa_flags & IFF_LOOPBACK) != 0) {
            continue;
        }
        char text[INET_ADDRSTRLEN] = {};
        const auto* in = reinterpret_cast<const sockaddr_in*>(a->ifa_addr);
        if (inet_ntop(AF_INET, &in->sin_addr, text, sizeof text) != nullptr) {
            found = text;
        }
    }
    freeifaddrs(list);
    return found;
}

} // namespace sightline::classroom
