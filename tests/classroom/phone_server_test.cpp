// The phone server (classroom/phone_server.hpp) on loopback, driven by a real
// HTTP client: the page and its security headers, the fixed file list against
// traversal attempts, joining, the long poll, voting, strict bodies and their
// status codes, the request budget under a flood, stopping, and 300 phones
// that join, hold a long poll, vote and reconnect. No wall-clock timing is
// asserted here (bench_phone_votes measures); a long poll that is never woken
// fails through the client's read timeout instead.
#include "classroom/phone_room.hpp"
#include "classroom/phone_server.hpp"
#include "classroom/phone_text.hpp"
#include "i18n/i18n.hpp"
#include "support/phone_fixtures.hpp"
#include "support/program_catalogues.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <fstream>
#include <future>
#include <httplib.h>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace sightline::classroom;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

const std::string kPageDir = SIGHTLINE_SOURCE_DIR "/assets/phone";

std::string file_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

using sightline::test::FakeMs;
using sightline::test::question;

PhoneServerOptions server_options(std::chrono::milliseconds long_poll) {
    PhoneServerOptions o;
    o.address = "127.0.0.1";
    o.page_dir = kPageDir;
    o.long_poll = long_poll;
    return o;
}

// A room and its running server; the room outlives the server.
struct Served {
    FakeMs clock;
    PhoneRoom room;
    PhoneServer server;
    explicit Served(std::chrono::milliseconds long_poll = 300ms, bool fake_clock = false)
        : room(fake_clock ? clock.options() : PhoneRoomOptions{}),
          server(room, server_options(long_poll)) {
        std::string error;
        REQUIRE_MESSAGE(server.start(&error), error);
        REQUIRE(server.port() > 0);
    }
    httplib::Client client() const {
        httplib::Client c("127.0.0.1", server.port());
        c.set_connection_timeout(10, 0);
        c.set_read_timeout(20, 0);
        return c;
    }
};

httplib::Headers bearer(const std::string& token) {
    return {{"Authorization", "Bearer " + token}};
}

std::string join(httplib::Client& c, PhoneRoom& room) {
    const json body{{"secret", room.secret()}};
    const httplib::Result r = c.Post("/api/join", body.dump(), "application/json");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    return json::parse(r->body).at("token").get<std::string>();
}

int post_vote(httplib::Client& c, const std::string& token, const std::string& key,
              const std::vector<std::size_t>& options) {
    const json body{{"question", key}, {"options", options}};
    const httplib::Result r = c.Post("/api/vote", bearer(token), body.dump(), "application/json");
    REQUIRE(r);
    return r->status;
}

std::string error_of(const httplib::Result& r) {
    REQUIRE(r);
    CHECK(r->get_header_value("Content-Type") == "application/json; charset=utf-8");
    return json::parse(r->body).at("error").get<std::string>();
}

void check_security_headers(const httplib::Response& res) {
    CHECK(res.get_header_value("Cache-Control") == "no-store");
    CHECK(res.get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(res.get_header_value("Referrer-Policy") == "no-referrer");
    CHECK(res.get_header_value("Content-Security-Policy") ==
          "default-src 'self'; style-src 'self'; script-src 'self'; connect-src 'self'; "
          "img-src 'self'; frame-ancestors 'none'");
    CHECK(res.get_header_value("X-Frame-Options") == "DENY");
}

} // namespace

TEST_CASE("phone server: the page, its script and its style are served with their types and "
          "the security headers") {
    Served s;
    httplib::Client c = s.client();
    const std::pair<const char*, const char*> files[] = {
        {"/", "index.html"}, {"/phone.js", "phone.js"}, {"/phone.css", "phone.css"}};
    const char* types[] = {"text/html; charset=utf-8", "text/javascript; charset=utf-8",
                           "text/css; charset=utf-8"};
    for (std::size_t i = 0; i < 3; ++i) {
        const std::string path = files[i].first;
        CAPTURE(path);
        const httplib::Result r = c.Get(path.c_str());
        REQUIRE(r);
        CHECK(r->status == 200);
        CHECK(r->get_header_value("Content-Type") == types[i]);
        if (path == "/") { // index.html with its words filled in: the English of today
            std::string page;
            REQUIRE(render_phone_page(file_text(kPageDir + "/index.html"), phone_text(), page));
            CHECK(r->body == page);
            CHECK(r->body.find("<title>Sightline classroom</title>") != std::string::npos);
            CHECK(r->body.find("{{") == std::string::npos);
        } else {
            CHECK(r->body == file_text(kPageDir + "/" + files[i].second));
        }
        check_security_headers(*r);
    }
    // Refusals carry them too: 404, 405, 400.
    for (const char* path : {"/nothing", "/api/join"}) {
        const httplib::Result r = c.Get(path);
        REQUIRE(r);
        CHECK(r->status >= 400);
        check_security_headers(*r);
    }
    const httplib::Result bad = c.Post("/api/join", "{", "application/json");
    REQUIRE(bad);
    CHECK(bad->status == 400);
    check_security_headers(*bad);
    // The page names only its own files, and the join URL keeps the secret
    // in the fragment.
    const httplib::Result page = c.Get("/");
    REQUIRE(page);
    const std::string& html = page->body;
    CHECK(html.find("http") == std::string::npos);
    CHECK(html.find("<html lang=\"en\">") != std::string::npos);
    CHECK(s.server.base_url() == "http://127.0.0.1:" + std::to_string(s.server.port()));
    CHECK(s.server.join_url() == s.server.base_url() + "/#" + s.room.secret());
}

TEST_CASE("phone server: started in a Spanish session, the page and the refusals are in "
          "Spanish, and the ids stay English") {
    sightline::test::bind_program_catalogues();
    PhoneRoom room;
    std::optional<PhoneServer> server;
    {
        const sightline::i18n::LanguageScope spanish("es"); // the main thread, at start()
        server.emplace(room, server_options(300ms));
        std::string error;
        REQUIRE_MESSAGE(server->start(&error), error);
    }
    // Back in English on the main thread: what the server serves does not follow.
    REQUIRE(sightline::i18n::language() == "en");
    httplib::Client c("127.0.0.1", server->port());
    const httplib::Result page = c.Get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
    check_security_headers(*page);
    CHECK(page->body.find("<html lang=\"es\">") != std::string::npos);
    CHECK(page->body.find("<title>Sightline en el aula</title>") != std::string::npos);
    CHECK(page->body.find(">Enviar voto</button>") != std::string::npos);
    CHECK(page->body.find("Send vote") == std::string::npos);
    CHECK(page->body.find("Sightline classroom") == std::string::npos);

    const std::string code = room.room_code();
    const httplib::Result wrong =
        c.Post("/api/join", json{{"code", code == "000000" ? "111111" : "000000"}}.dump(),
               "application/json");
    REQUIRE(wrong);
    CHECK(wrong->status == 403);
    CHECK(error_of(wrong) == "wrong-code");
    CHECK(json::parse(wrong->body).at("message") == "Ese no es el c\u00F3digo de sala.");
    const httplib::Result joined =
        c.Post("/api/join", json{{"secret", room.secret()}}.dump(), "application/json");
    REQUIRE(joined);
    CHECK(json::parse(joined->body).at("device") == "Phone 1"); // the id; the page names it
    const httplib::Result stale = c.Get("/api/view?since=0", bearer("AAAAAAAAAAAAAAAAAAAAAA"));
    REQUIRE(stale);
    CHECK(stale->status == 403);
    CHECK(json::parse(stale->body).at("message") == "Vuelva a unirse a la sala.");

    // A table given in the options wins over the program's language.
    PhoneRoom other;
    PhoneServerOptions given = server_options(300ms);
    given.text = phone_text(); // English, made here
    given.text->lang = "en-x-test";
    PhoneServer english(other, given);
    {
        const sightline::i18n::LanguageScope spanish("es");
        REQUIRE(english.start());
    }
    httplib::Client e("127.0.0.1", english.port());
    const httplib::Result english_page = e.Get("/");
    REQUIRE(english_page);
    CHECK(english_page->body.find("<html lang=\"en-x-test\">") != std::string::npos);
    CHECK(english_page->body.find(">Send vote</button>") != std::string::npos);
}

TEST_CASE("phone server: unknown paths and traversal attempts are 404 and never return a file") {
    Served s;
    httplib::Client c = s.client();
    c.set_url_encode(false); // send each path exactly as written
    const std::string cmake = file_text(SIGHTLINE_SOURCE_DIR "/CMakeLists.txt");
    const std::string html = file_text(kPageDir + "/index.html");
    for (const char* path :
         {"/../CMakeLists.txt", "/%2e%2e/CMakeLists.txt", "/%2e%2e/", "/assets/",
          "/assets/phone/index.html", "/index.html/..", "/index.html", "/phone/phone.js",
          "//phone.js", "/phone.js/", "/phone.js/..", "/./phone.js", "/%2fphone.js", "/api",
          "/api/", "/api/view/", "/../../../../etc/passwd", "/phone.css%00.js"}) {
        CAPTURE(path);
        const httplib::Result r = c.Get(path);
        REQUIRE(r);
        CHECK(r->status == 404);
        CHECK(error_of(r) == "not-found");
        CHECK(r->body.find("cmake_minimum_required") == std::string::npos);
        CHECK(r->body.find("<html") == std::string::npos);
        CHECK(r->body.find("root:") == std::string::npos);
        CHECK(r->body.size() < 200);
        check_security_headers(*r);
    }
    CHECK_FALSE(cmake.empty());
    CHECK_FALSE(html.empty());
}

TEST_CASE("phone server: phones join by secret or by code, and wrong ones, a locked lobby and a "
          "closed room are refused with their own codes") {
    Served s;
    httplib::Client c = s.client();
    const auto post = [&](const json& body) {
        httplib::Result r = c.Post("/api/join", body.dump(), "application/json");
        REQUIRE(r);
        return r;
    };
    httplib::Result r = post({{"secret", s.room.secret()}});
    CHECK(r->status == 200);
    json joined = json::parse(r->body);
    CHECK(joined.at("device") == "Phone 1");
    CHECK(s.room.rejoin(joined.at("token").get<std::string>()));
    CHECK(joined.size() == 2);
    const std::string code = s.room.room_code();
    r = post({{"code", code.substr(0, 3) + " " + code.substr(3)}});
    CHECK(r->status == 200);
    CHECK(json::parse(r->body).at("device") == "Phone 2");

    r = post({{"secret", s.room.secret() + "x"}});
    CHECK(r->status == 403);
    CHECK(error_of(r) == "wrong-secret");
    CHECK(json::parse(r->body).at("message") == "This link is not for the current session.");
    const std::string wrong = code == "000000" ? "111111" : "000000";
    r = post({{"code", wrong}});
    CHECK(r->status == 403);
    CHECK(error_of(r) == "wrong-code");
    // Bodies parse_join_body refuses.
    for (const char* body : {R"({"secret": "a", "code": "123456"})", R"({})", R"({"token": "x"})",
                             R"({"code": 123456})", R"({"secret": ""})", R"([])", "{",
                             R"({"code": "1", "code": "2"})"}) {
        CAPTURE(body);
        r = c.Post("/api/join", body, "application/json");
        REQUIRE(r);
        CHECK(r->status == 400);
        CHECK(error_of(r) == "bad-body");
    }

    s.room.lock_lobby(true);
    r = post({{"secret", s.room.secret()}});
    CHECK(r->status == 403);
    CHECK(error_of(r) == "lobby-locked");
    r = post({{"code", code}});
    CHECK(r->status == 403);
    CHECK(error_of(r) == "lobby-locked");
    s.room.lock_lobby(false);

    s.room.close();
    r = post({{"secret", s.room.secret()}});
    CHECK(r->status == 410);
    CHECK(error_of(r) == "room-closed");
    CHECK(s.room.devices().empty());
}

TEST_CASE("phone server: too many wrong room codes are 429 with Retry-After") {
    Served s(300ms, /*fake_clock=*/true);
    httplib::Client c = s.client();
    const std::string wrong = s.room.room_code() == "000000" ? "111111" : "000000";
    const json guess{{"code", wrong}};
    for (int i = 0; i < 10; ++i) {
        const httplib::Result r = c.Post("/api/join", guess.dump(), "application/json");
        REQUIRE(r);
        CHECK(r->status == 403);
    }
    const json right{{"code", s.room.room_code()}};
    const httplib::Result r = c.Post("/api/join", right.dump(), "application/json");
    REQUIRE(r);
    CHECK(r->status == 429);
    CHECK(error_of(r) == "rate-limited");
    CHECK(r->get_header_value("Retry-After") == "2");
    s.clock.ms += 2000;
    const httplib::Result later = c.Post("/api/join", right.dump(), "application/json");
    REQUIRE(later);
    CHECK(later->status == 200);
}

TEST_CASE("phone server: the view is served at once for an old version, after the long poll "
          "otherwise, and 403 for a forged token") {
    Served s(300ms);
    httplib::Client c = s.client();
    const std::string token = join(c, s.room);
    s.room.publish(question("q0-0", 3, true));
    const std::uint64_t v = s.room.version();

    httplib::Result r = c.Get("/api/view?since=0", bearer(token));
    REQUIRE(r);
    CHECK(r->status == 200);
    json view = json::parse(r->body);
    CHECK(view.at("version") == v);
    CHECK(view.at("question_key") == "q0-0");
    CHECK(view.at("device") == "Phone 1");
    CHECK(r->body == *s.room.view_json(token));
    r = c.Get("/api/view", bearer(token)); // no since: at once
    REQUIRE(r);
    CHECK(r->status == 200);

    // The current version: the poll times out (300 ms) and answers anyway.
    r = c.Get(("/api/view?since=" + std::to_string(v)).c_str(), bearer(token));
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(json::parse(r->body).at("version") == v);

    for (const char* since : {"abc", "-1", "", "1x", "1.0", "99999999999999999999999", "0x10"}) {
        CAPTURE(since);
        r = c.Get((std::string("/api/view?since=") + since).c_str(), bearer(token));
        REQUIRE(r);
        CHECK(r->status == 400);
        CHECK(error_of(r) == "bad-since");
    }
    for (const std::string& forged :
         {std::string("AAAAAAAAAAAAAAAAAAAAAA"), token + "x", std::string(), token.substr(1)}) {
        CAPTURE(forged);
        r = c.Get("/api/view?since=0", bearer(forged));
        REQUIRE(r);
        CHECK(r->status == 403);
        CHECK(error_of(r) == "unknown-token");
    }
    r = c.Get("/api/view?since=0"); // no Authorization at all
    REQUIRE(r);
    CHECK(r->status == 403);
    r = c.Get("/api/view?since=0", {{"Authorization", "Basic " + token}});
    REQUIRE(r);
    CHECK(r->status == 403);
    s.room.close();
    r = c.Get("/api/view?since=0", bearer(token));
    REQUIRE(r);
    CHECK(r->status == 410);
}

TEST_CASE("phone server: a long poll wakes on publish and on removal of its device") {
    // A minute-long poll against a 20 s client read timeout: only a wake-up
    // answers in time.
    Served s(60s);
    httplib::Client c = s.client();
    const std::string token = join(c, s.room);
    const std::string other = join(c, s.room);
    s.room.publish(question("q0-0", 3, true));
    const std::uint64_t v = s.room.version();
    const std::string path = "/api/view?since=" + std::to_string(v);

    auto poll = std::async(std::launch::async, [&] {
        httplib::Client mine = s.client();
        const httplib::Result r = mine.Get(path.c_str(), bearer(token));
        return r ? std::make_pair(r->status, r->body) : std::make_pair(-1, std::string());
    });
    std::this_thread::sleep_for(100ms); // most likely waiting by now; either way it must wake
    s.room.publish(question("q0-1", 2, true));
    const std::pair<int, std::string> woke = poll.get();
    CHECK(woke.first == 200);
    REQUIRE(woke.first == 200);
    CHECK(json::parse(woke.second).at("version") == s.room.version());
    CHECK(json::parse(woke.second).at("question_key") == "q0-1");

    const std::string path2 = "/api/view?since=" + std::to_string(s.room.version());
    auto removed = std::async(std::launch::async, [&] {
        httplib::Client mine = s.client();
        const httplib::Result r = mine.Get(path2.c_str(), bearer(other));
        return r ? r->status : -1;
    });
    std::this_thread::sleep_for(100ms);
    CHECK(s.room.remove_device("Phone 2"));
    CHECK(removed.get() == 403);
}

TEST_CASE("phone server: votes are counted and changed, and stale questions, closed voting, bad "
          "options and unknown tokens are refused") {
    Served s;
    httplib::Client c = s.client();
    const std::string a = join(c, s.room);
    const std::string b = join(c, s.room);
    s.room.publish(question("q0-0", 3, true));

    CHECK(post_vote(c, a, "q0-0", {1}) == 204);
    CHECK(post_vote(c, b, "q0-0", {1}) == 204);
    CHECK(s.room.phone_counts() == std::vector<std::int64_t>{0, 2, 0});
    CHECK(post_vote(c, b, "q0-0", {2}) == 204); // changes its vote
    CHECK(s.room.phone_counts() == std::vector<std::int64_t>{0, 1, 1});
    httplib::Result r = c.Get("/api/view?since=0", bearer(b));
    REQUIRE(r);
    CHECK(json::parse(r->body).at("your_vote") == json::array({2}));

    const json stale{{"question", "q9-9"}, {"options", {0}}};
    r = c.Post("/api/vote", bearer(a), stale.dump(), "application/json");
    REQUIRE(r);
    CHECK(r->status == 409);
    CHECK(error_of(r) == "stale-question");
    CHECK(post_vote(c, a, "q0-0", {0, 1}) == 400); // several for a single answer
    CHECK(post_vote(c, a, "q0-0", {3}) == 400);    // out of range
    CHECK(post_vote(c, a, "q0-0", {}) == 400);
    CHECK(post_vote(c, "AAAAAAAAAAAAAAAAAAAAAA", "q0-0", {0}) == 403);
    CHECK(s.room.phone_counts() == std::vector<std::int64_t>{0, 1, 1});

    s.room.publish(question("q0-0", 3, false)); // locked
    const json locked{{"question", "q0-0"}, {"options", {0}}};
    r = c.Post("/api/vote", bearer(a), locked.dump(), "application/json");
    REQUIRE(r);
    CHECK(r->status == 409);
    CHECK(error_of(r) == "not-voting");
    CHECK(s.room.phone_counts() == std::vector<std::int64_t>{0, 1, 1});

    s.room.publish(question("q0-1", 4, true, /*multiple=*/true));
    CHECK(post_vote(c, a, "q0-1", {0, 3}) == 204);
    CHECK(s.room.phone_counts() == std::vector<std::int64_t>{1, 0, 0, 1});

    s.room.close();
    CHECK(post_vote(c, a, "q0-1", {0}) == 410);
}

TEST_CASE("phone server: malformed bodies are 400, a wrong Content-Type 415, an oversized body "
          "413, and the server answers afterwards") {
    Served s;
    httplib::Client c = s.client();
    const std::string token = join(c, s.room);
    s.room.publish(question("q0-0", 3, true));
    for (const char* body :
         {"", "{", R"({"question": "q0-0", "options": [1],})",
          R"({"question": "q0-0", "options": [1]} x)", R"({"question": 1, "options": [1]})",
          R"({"question": "q0-0", "options": ["1"]})", R"({"question": "q0-0", "options": [-1]})",
          R"({"question": "q0-0", "options": [1], "token": "x"})",
          R"({"question": "q0-0", "options": [1], "options": [2]})",
          R"({"question": "q0-0", /* c */ "options": [1]})", "null"}) {
        CAPTURE(body);
        const httplib::Result r = c.Post("/api/vote", bearer(token), body, "application/json");
        REQUIRE(r);
        CHECK(r->status == 400);
        CHECK(error_of(r) == "bad-body");
    }
    const std::string valid = R"({"question": "q0-0", "options": [1]})";
    for (const std::string type : {"text/plain", "application/x-www-form-urlencoded",
                                   "multipart/form-data; boundary=x", "application/jsonx"}) {
        CAPTURE(type);
        const httplib::Result r = c.Post("/api/vote", bearer(token), valid, type);
        REQUIRE(r);
        CHECK(r->status == 415);
        CHECK(error_of(r) == "unsupported-media-type");
    }
    CHECK(s.room.voters() == 0);
    // Parameters and case do not matter.
    httplib::Result r =
        c.Post("/api/vote", bearer(token), valid, "Application/JSON; charset=utf-8");
    REQUIRE(r);
    CHECK(r->status == 204);

    const std::string huge =
        R"({"question": ")" + std::string(1 << 20, 'q') + R"(", "options": [0]})";
    r = c.Post("/api/vote", bearer(token), huge, "application/json");
    REQUIRE(r);
    CHECK(r->status == 413);
    CHECK(error_of(r) == "too-large");
    r = c.Post("/api/join", std::string(kMaxBodyBytes + 1, ' '), "application/json");
    REQUIRE(r);
    CHECK(r->status == 413);
    // Still serving, on the same client and a new one.
    r = c.Get("/phone.css");
    REQUIRE(r);
    CHECK(r->status == 200);
    httplib::Client fresh = s.client();
    CHECK(post_vote(fresh, token, "q0-0", {2}) == 204);
    CHECK(s.room.phone_counts() == std::vector<std::int64_t>{0, 0, 1});
}

TEST_CASE("phone server: a known path with another method is 405") {
    Served s;
    httplib::Client c = s.client();
    const std::pair<const char*, const char*> cases[] = {
        {"POST", "/"},          {"PUT", "/api/vote"},  {"DELETE", "/"},
        {"GET", "/api/join"},   {"GET", "/api/vote"},  {"OPTIONS", "/api/view"},
        {"PATCH", "/phone.js"}, {"POST", "/api/view"}, {"DELETE", "/api/join"},
    };
    for (const auto& one : cases) {
        const std::string method = one.first;
        const std::string path = one.second;
        CAPTURE(method);
        CAPTURE(path);
        httplib::Request req;
        req.method = method;
        req.path = path;
        if (method != "GET" && method != "OPTIONS") {
            req.body = "{}";
            req.set_header("Content-Type", "application/json");
        }
        const httplib::Result r = c.send(req);
        REQUIRE(r);
        CHECK(r->status == 405);
        CHECK(error_of(r) == "method-not-allowed");
        CHECK_FALSE(r->get_header_value("Allow").empty());
    }
    const httplib::Result head = c.Head("/");
    REQUIRE(head);
    CHECK(head->status == 200);
    CHECK(head->body.empty());
}

TEST_CASE("phone server: a flood from one token is refused with 429 until the budget refills, "
          "and the session's counts are unharmed") {
    Served s(300ms, /*fake_clock=*/true);
    httplib::Client c = s.client();
    const std::string token = join(c, s.room);
    const std::string other = join(c, s.room);
    s.room.publish(question("q0-0", 3, true));
    CHECK(post_vote(c, token, "q0-0", {0}) == 204); // 1 of the device's burst of 20
    CHECK(post_vote(c, other, "q0-0", {2}) == 204);

    int ok = 0;
    int refused = 0;
    bool retry_after = true;
    for (int i = 0; i < 10'000; ++i) {
        const httplib::Result r = c.Get("/api/view?since=0", bearer(token));
        REQUIRE(r);
        if (r->status == 200) {
            ++ok;
        } else {
            ++refused;
            retry_after =
                retry_after && r->status == 429 && r->get_header_value("Retry-After") == "1";
        }
    }
    CHECK(ok == 19); // the clock stands still: the rest of the burst, no more
    CHECK(refused == 10'000 - 19);
    CHECK(retry_after);
    // A refused vote leaves the connection in step (its body is drained).
    const json vote{{"question", "q0-0"}, {"options", {1}}};
    httplib::Result r = c.Post("/api/vote", bearer(token), vote.dump(), "application/json");
    REQUIRE(r);
    CHECK(r->status == 429);
    // Other phones are not held up by one phone's flood.
    CHECK(post_vote(c, other, "q0-0", {1}) == 204);

    s.clock.ms += 2000; // 20 requests' worth at 10 a second
    r = c.Post("/api/vote", bearer(token), vote.dump(), "application/json");
    REQUIRE(r);
    CHECK(r->status == 204);
    CHECK(s.room.phone_counts() == std::vector<std::int64_t>{0, 2, 0});
    CHECK(s.room.voters() == 2);
    r = c.Get("/api/view?since=0", bearer(token));
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(json::parse(r->body).at("your_vote") == json::array({1}));
}

TEST_CASE("phone server: stop() answers long polls at once, leaves the room open, and is "
          "idempotent, and a taken port is a sentence") {
    PhoneRoom room;
    room.publish(question("q0-0", 2, true));
    const std::uint64_t version = room.version();
    std::string token;
    {
        PhoneServer server(room, server_options(60s));
        std::string error;
        REQUIRE_MESSAGE(server.start(&error), error);
        CHECK_FALSE(server.start(&error)); // already started
        CHECK(error.find("already") != std::string::npos);

        PhoneServerOptions same = server_options(60s);
        same.port = server.port();
        PhoneServer second(room, same);
        CHECK_FALSE(second.start(&error));
        CHECK(error.find("could not listen on 127.0.0.1:" + std::to_string(server.port())) !=
              std::string::npos);
        second.stop(); // never started: nothing to do

        httplib::Client c("127.0.0.1", server.port());
        c.set_read_timeout(20, 0);
        token = join(c, room);
        const std::string path = "/api/view?since=" + std::to_string(version);
        auto poll = std::async(std::launch::async, [&] {
            httplib::Client mine("127.0.0.1", server.port());
            mine.set_read_timeout(20, 0);
            const httplib::Result r = mine.Get(path.c_str(), bearer(token));
            return r ? r->status : -1;
        });
        std::this_thread::sleep_for(300ms);
        server.stop();
        CHECK(poll.get() == 200);
        server.stop(); // again: nothing happens
        CHECK_FALSE(c.Get("/"));
    } // the destructor stops once more
    CHECK_FALSE(room.closed());
    CHECK(room.version() == version);
    CHECK(room.rejoin(token));

    PhoneServerOptions missing = server_options(1s);
    missing.page_dir = SIGHTLINE_SOURCE_DIR "/assets/no-such-folder";
    PhoneServer broken(room, missing);
    std::string error;
    CHECK_FALSE(broken.start(&error));
    CHECK(error.find("index.html could not be read") != std::string::npos);
}

TEST_CASE("first_lan_ipv4: a dotted IPv4 address that is not a loopback, when there is one") {
    const std::optional<std::string> address = first_lan_ipv4();
    if (address) {
        CHECK(address->rfind("127.", 0) != 0);
        int dots = 0;
        for (const char ch : *address) {
            CHECK(((ch >= '0' && ch <= '9') || ch == '.'));
            dots += ch == '.' ? 1 : 0;
        }
        CHECK(dots == 3);
    } else {
        MESSAGE("no network interface with an IPv4 address here");
        CHECK_FALSE(address.has_value());
    }
}

namespace {

long threads_now() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("Threads:", 0) == 0) {
            return std::stol(line.substr(8));
        }
    }
    return -1;
}

// Runs body(i) for i in [0, n) on `workers` threads.
template <class F>
void parallel(std::size_t n, std::size_t workers, F body) {
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> pool;
    for (std::size_t w = 0; w < workers; ++w) {
        pool.emplace_back([&] {
            for (std::size_t i = next++; i < n; i = next++) {
                body(i);
            }
        });
    }
    for (std::thread& t : pool) {
        t.join();
    }
}

} // namespace

TEST_CASE("phone server: 300 phones join, hold long polls, vote and change votes, each counted "
          "exactly once, then reconnect") {
    constexpr std::size_t kPhones = 300;
    constexpr std::size_t kChoices = 4;
    Served s(60s);
    s.room.publish(question("q0-0", kChoices, true));
    const long threads_at_start = threads_now(); // the server's pool is still empty

    std::vector<std::string> tokens(kPhones);
    std::vector<std::string> labels(kPhones);
    std::atomic<int> join_failures{0};
    parallel(kPhones, 16, [&](std::size_t i) {
        httplib::Client c = s.client();
        const json body{{"secret", s.room.secret()}};
        const httplib::Result r = c.Post("/api/join", body.dump(), "application/json");
        if (!r || r->status != 200) {
            ++join_failures;
            return;
        }
        const json joined = json::parse(r->body);
        tokens[i] = joined.at("token").get<std::string>();
        labels[i] = joined.at("device").get<std::string>();
    });
    REQUIRE(join_failures == 0);
    REQUIRE(s.room.devices().size() == kPhones);

    // Every phone holds a long poll on its own connection.
    const std::uint64_t waiting_version = s.room.version();
    const std::string poll_path = "/api/view?since=" + std::to_string(waiting_version);
    std::vector<std::pair<int, std::string>> polled(kPhones, {-1, {}});
    std::atomic<int> answered{0};
    std::vector<std::thread> polls;
    for (std::size_t i = 0; i < kPhones; ++i) {
        polls.emplace_back([&, i] {
            httplib::Client c("127.0.0.1", s.server.port());
            c.set_connection_timeout(20, 0);
            c.set_read_timeout(50, 0);
            const httplib::Result r = c.Get(poll_path.c_str(), bearer(tokens[i]));
            if (r) {
                polled[i] = {r->status, r->body};
            }
            ++answered;
        });
    }
    // The server serves each connection on its own thread, and a waiting poll
    // keeps its thread busy: 300 client threads and 300 server threads more
    // than at the start mean every poll has reached the server.
    const long all_in = threads_at_start + 2 * static_cast<long>(kPhones);
    for (int tries = 0; tries < 3000 && threads_now() < all_in; ++tries) {
        std::this_thread::sleep_for(10ms);
    }
    CHECK(threads_now() >= all_in);

    // Meanwhile every phone votes; every fifth changes its mind.
    std::vector<std::int64_t> expected(kChoices, 0);
    for (std::size_t i = 0; i < kPhones; ++i) {
        ++expected[(i % 5 == 0 ? i + 1 : i) % kChoices];
    }
    std::atomic<int> vote_failures{0};
    parallel(kPhones, 16, [&](std::size_t i) {
        httplib::Client c = s.client();
        const auto send = [&](std::size_t option) {
            const json body{{"question", "q0-0"}, {"options", {option}}};
            const httplib::Result r =
                c.Post("/api/vote", bearer(tokens[i]), body.dump(), "application/json");
            if (!r || r->status != 204) {
                ++vote_failures;
            }
        };
        send(i % kChoices);
        if (i % 5 == 0) {
            send((i + 1) % kChoices);
        }
    });
    CHECK(vote_failures == 0);
    CHECK(s.room.phone_counts() == expected);
    CHECK(s.room.voters() == kPhones);
    CHECK(answered == 0); // still waiting: votes do not wake polls

    // The facilitator locks: every waiting poll wakes with the new version.
    s.room.publish(question("q0-0", kChoices, false));
    for (std::thread& t : polls) {
        t.join();
    }
    std::size_t woken = 0;
    for (const std::pair<int, std::string>& p : polled) {
        if (p.first == 200 && json::parse(p.second).at("version") == s.room.version()) {
            ++woken;
        }
    }
    CHECK(woken == kPhones);
    CHECK(s.room.phone_counts() == expected);

    // Every phone reconnects on a new connection with its kept token.
    std::atomic<int> view_failures{0};
    parallel(kPhones, 16, [&](std::size_t i) {
        httplib::Client c = s.client();
        const httplib::Result r = c.Get("/api/view?since=0", bearer(tokens[i]));
        if (!r || r->status != 200) {
            ++view_failures;
            return;
        }
        const json view = json::parse(r->body);
        const std::size_t mine = (i % 5 == 0 ? i + 1 : i) % kChoices;
        if (view.at("your_vote") != json::array({mine}) || view.at("device") != labels[i] ||
            view.at("voting_open") != false) {
            ++view_failures;
        }
    });
    CHECK(view_failures == 0);
}
