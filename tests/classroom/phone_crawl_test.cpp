// The crawler (issue 18): a phone room kept in step with a real facilitation
// (sync_phones(), lock_with_phones()) behind a PhoneServer on 127.0.0.1, and
// at every stage of two bundled scenarios, walked through every branch
// (support/facilitation_walk.hpp), every endpoint is fetched over HTTP the way
// a phone and a curious prober would: the page and its files, the view at
// once and after a (1 ms) long poll, a vote, joins by secret and by code
// (right and wrong), unknown paths and wrong methods. Every response's body
// and headers are searched for the scenario's presenter-only text
// (support/presenter_only.hpp: notes, prompts, tier names, feedback the room
// has not picked), every JSON value for tier ids, score dimensions and the
// ids that name the best choice, and every JSON member is one a phone may
// get. So that the search means something, the crawl must also see the
// situation and its choices while voting is open, and the picked feedback
// after the pick; and a self-test shows that a deliberately leaking view is
// caught.
#include "classroom/facilitation.hpp"
#include "classroom/phone_room.hpp"
#include "classroom/phone_server.hpp"
#include "classroom/phone_sync.hpp"
#include "classroom/views.hpp"
#include "support/facilitation_walk.hpp"
#include "support/presenter_only.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <functional>
#include <httplib.h>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

using namespace sightline;
using namespace sightline::classroom;
using nlohmann::json;

namespace {

// One request of a crawl and what came back.
struct Fetched {
    std::string request; // "GET /api/view?since=0"
    int expected = 0;    // the status it should get
    int status = 0;      // 0: no response at all
    std::string headers; // every header, "Name: value" lines
    std::string body;
    bool view = false; // a phone's view (GET /api/view with a known token)
};

// A room whose budgets no crawl reaches: the crawler sends a few thousand
// requests a second from one token, and joins a new phone twice per stage.
PhoneRoomOptions unlimited() {
    PhoneRoomOptions o;
    o.limits.per_device = {1e9, 1e9};
    o.limits.overall = {1e9, 1e9};
    o.limits.wrong_codes = {1e9, 1e9};
    o.limits.max_devices = 1'000'000;
    return o;
}

// A running server over a room, and a client that asks it for everything.
class Crawler {
  public:
    explicit Crawler(PhoneRoom& room) : room_(room), server_(room, server_options()) {
        std::string error;
        REQUIRE_MESSAGE(server_.start(&error), error);
        client_ = std::make_unique<httplib::Client>("127.0.0.1", server_.port());
        // One kept-alive connection with TCP_NODELAY, as a browser holds. The
        // server sets TCP_NODELAY too: before it did, every reply on such a
        // connection waited about 40 ms for the client's delayed ACK (Nagle),
        // and this crawl took minutes instead of about 5 s; the timeout on
        // the test cases below turns that back into a failure.
        client_->set_keep_alive(true);
        client_->set_tcp_nodelay(true);
        client_->set_connection_timeout(10, 0);
        client_->set_read_timeout(10, 0);
        const std::string join_body = json{{"secret", room_.secret()}}.dump();
        const httplib::Result r = client_->Post("/api/join", join_body, "application/json");
        REQUIRE(r);
        REQUIRE(r->status == 200);
        token_ = json::parse(r->body).at("token").get<std::string>();
    }

    std::size_t requests = 0;

    // Everything a phone or a prober can ask for, once, in a phone's order:
    // the page, its view (which says what may be voted for), a vote.
    std::vector<Fetched> crawl() {
        std::vector<Fetched> out;
        const auto ask = [&](const std::string& method, const std::string& path, int expected,
                             const std::string& token = {}, const std::string& body = {}) {
            out.push_back(send(method, path, expected, token, body));
            return out.back();
        };
        ask("GET", "/", 200);
        ask("GET", "/phone.js", 200);
        ask("GET", "/phone.css", 200);
        ask("HEAD", "/", 200);

        // The view at once; what it says drives the vote and the long poll.
        const Fetched now = ask("GET", "/api/view?since=0", 200, token_);
        const json view = json::parse(now.body, nullptr, /*allow_exceptions=*/false);
        const bool parsed = view.is_object() && view.contains("version");
        const std::uint64_t version = parsed ? view.at("version").get<std::uint64_t>() : 1;
        ask("GET", "/api/view?since=" + std::to_string(version), 200, token_); // the long poll
        ask("GET", "/api/view", 200, token_);
        ask("HEAD", "/api/view?since=0", 200, token_);

        // A vote as a phone casts it: the first enabled choice, and a second
        // where several may be chosen. Refused (409) unless voting is open.
        bool open = false;
        std::string key;
        std::vector<std::size_t> options;
        if (parsed) {
            open = view.value("voting_open", false);
            key = view.value("question_key", std::string());
            const json choices = view.value("choices", json::array());
            for (std::size_t i = 0; i < choices.size(); ++i) {
                if (choices[i].value("enabled", false) &&
                    (options.empty() || view.value("multiple", false)) && options.size() < 2) {
                    options.push_back(i);
                }
            }
        }
        if (options.empty()) {
            options.push_back(0);
        }
        ask("POST", "/api/vote", open ? 204 : 409, token_,
            json{{"question", key.empty() ? std::string("q0-0") : key}, {"options", options}}
                .dump());

        // New phones, by the QR code's secret and by the typed code; each
        // lands on the current stage.
        for (const json& join :
             {json{{"secret", room_.secret()}}, json{{"code", room_.room_code()}}}) {
            const Fetched joined = ask("POST", "/api/join", 200, {}, join.dump());
            const json j = json::parse(joined.body, nullptr, false);
            const std::string token =
                j.is_object() && j.contains("token") ? j.at("token").get<std::string>() : "";
            ask("GET", "/api/view?since=0", 200, token);
        }
        const std::string wrong_code = room_.room_code() == "000000" ? "111111" : "000000";
        ask("POST", "/api/join", 403, {}, json{{"secret", room_.secret() + "x"}}.dump());
        ask("POST", "/api/join", 403, {}, json{{"code", wrong_code}}.dump());
        ask("POST", "/api/join", 400, {}, "{");
        ask("GET", "/api/view?since=0", 403);                           // no token
        ask("GET", "/api/view?since=0", 403, "AAAAAAAAAAAAAAAAAAAAAA"); // a forged one
        ask("GET", "/api/view?since=x", 400, token_);                   // a bad since
        ask("POST", "/api/vote", 400, token_, R"({"question": 1, "options": [0]})");

        // Unknown paths and wrong methods.
        for (const char* path : {"/nothing", "/index.html", "/api/view/", "/../CMakeLists.txt"}) {
            ask("GET", path, 404, token_);
        }
        const std::pair<const char*, const char*> wrong[] = {
            {"POST", "/"},         {"GET", "/api/join"},    {"GET", "/api/vote"},
            {"PUT", "/api/vote"},  {"DELETE", "/api/view"}, {"OPTIONS", "/api/view"},
            {"POST", "/api/view"}, {"PATCH", "/phone.js"},
        };
        for (const auto& one : wrong) {
            const std::string method = one.first;
            const bool body = method != "GET" && method != "OPTIONS";
            ask(method, one.second, 405, token_, body ? "{}" : "");
        }
        return out;
    }

  private:
    static PhoneServerOptions server_options() {
        PhoneServerOptions o;
        o.address = "127.0.0.1";
        o.page_dir = SIGHTLINE_SOURCE_DIR "/assets/phone";
        o.long_poll = std::chrono::milliseconds(1); // since=current answers at once
        return o;
    }

    Fetched send(const std::string& method, const std::string& path, int expected,
                 const std::string& token, const std::string& body) {
        ++requests;
        Fetched f;
        f.request = method + " " + path;
        f.expected = expected;
        httplib::Request req;
        req.method = method;
        req.path = path;
        if (!token.empty()) {
            req.set_header("Authorization", "Bearer " + token);
        }
        if (!body.empty()) {
            req.body = body;
            req.set_header("Content-Type", "application/json");
        }
        const httplib::Result r = client_->send(req);
        if (!r) {
            return f;
        }
        f.status = r->status;
        f.body = r->body;
        for (const auto& header : r->headers) {
            f.headers += header.first + ": " + header.second + "\n";
        }
        f.view = path.rfind("/api/view", 0) == 0 && method == "GET" && r->status == 200;
        return f;
    }

    PhoneRoom& room_;
    PhoneServer server_;
    std::unique_ptr<httplib::Client> client_;
    std::string token_;
};

// Checks what a crawl fetched against the rules of a scenario at a stage, and
// collects every problem as a sentence (the self-test reads them).
class Inspector {
  public:
    Inspector(const model::Bundle& bundle, const model::Scenario& scenario)
        : presenter_only_(bundle, scenario) {}

    std::vector<std::string> problems;
    std::size_t responses = 0;
    std::size_t voting_views = 0;  // views that had to show the open question, and did
    std::size_t feedback_seen = 0; // picked feedback found in a view

    const test::PresenterOnly& presenter_only() const { return presenter_only_; }

    void inspect(const Facilitation& f, const std::vector<Fetched>& fetched,
                 const std::string& where) {
        const test::PresenterOnly::Rules rules = presenter_only_.rules(f);
        const Fetched* view = nullptr;
        for (const Fetched& r : fetched) {
            ++responses;
            const std::string at = where + ", " + r.request;
            if (r.status != r.expected) {
                problem(at + ": status " + std::to_string(r.status) + ", expected " +
                        std::to_string(r.expected));
            }
            const std::string text = r.headers + "\n\n" + r.body;
            const std::vector<std::string>& found = contained(text);
            for (const std::string& b : rules.banned) {
                if (b.empty()) {
                    continue;
                }
                const bool known = std::binary_search(presenter_only_.everything().begin(),
                                                      presenter_only_.everything().end(), b);
                if (known ? std::binary_search(found.begin(), found.end(), b) : has(text, b)) {
                    problem(at + ": serves '" + b + "'");
                }
            }
            if (!r.body.empty() && r.headers.find("application/json") != std::string::npos) {
                check_json(r, at);
            }
            if (r.view && view == nullptr) {
                view = &r;
            }
        }
        if (view == nullptr) {
            problem(where + ": no view was served");
            return;
        }
        for (const std::string& text : rules.required) {
            if (text.empty()) {
                continue;
            }
            if (view->body.find(test::as_json_text(text)) == std::string::npos) {
                problem(where + ": the picked feedback is not served: " + text);
            } else {
                ++feedback_seen;
            }
        }
        if (f.stage() == Stage::Voting) {
            check_question_served(f, *view, where);
        }
    }

  private:
    void problem(std::string sentence) { problems.push_back(std::move(sentence)); }

    // Which of the scenario's presenter-only strings (everything()) a text
    // contains, raw (the page's files) or JSON-escaped (the API). The page
    // and the refusals are the same at every stage: each distinct text is
    // searched once. (A banned string outside everything() is searched for
    // directly.)
    const std::vector<std::string>& contained(const std::string& text) {
        const auto known = searched_.find(text);
        if (known != searched_.end()) {
            return known->second;
        }
        std::vector<std::string> found;
        for (const std::string& c : presenter_only_.everything()) {
            if (has(text, c)) {
                found.push_back(c);
            }
        }
        return searched_.emplace(text, std::move(found)).first->second; // sorted as everything()
    }

    static bool has(const std::string& text, const std::string& s) {
        return text.find(s) != std::string::npos ||
               text.find(test::as_json_text(s)) != std::string::npos;
    }

    // The members are those a phone may get, and no string value names a
    // tier, a score dimension or a node, choice or option id.
    void check_json(const Fetched& r, const std::string& at) {
        const json j = json::parse(r.body, nullptr, /*allow_exceptions=*/false);
        if (j.is_discarded()) {
            problem(at + ": not JSON");
            return;
        }
        const auto members = [&](const json& object, const std::set<std::string>& allowed,
                                 const std::string& what) {
            if (!object.is_object()) {
                problem(at + ": " + what + " is not an object");
                return;
            }
            for (const auto& member : object.items()) {
                if (!allowed.contains(member.key())) {
                    problem(at + ": " + what + " has the member '" + member.key() + "'");
                }
            }
        };
        if (r.view) {
            members(j, test::kPhoneViewMembers, "the view");
            for (const json& c : j.value("choices", json::array())) {
                members(c, test::kPhoneChoiceMembers, "a choice");
            }
            for (const json& p : j.value("paragraphs", json::array())) {
                members(p, {"speaker", "text"}, "a paragraph");
            }
        } else {
            members(j, {"token", "device", "error", "message"}, "the reply");
        }
        values(j, at);
    }

    void values(const json& j, const std::string& at) {
        if (j.is_string()) {
            const std::string& s = j.get_ref<const std::string&>();
            if (presenter_only_.banned_values().contains(s)) {
                problem(at + ": serves the value '" + s + "'");
            }
        } else if (j.is_structured()) {
            for (const json& item : j) {
                values(item, at);
            }
        }
    }

    // While voting is open the phone shows what the projector shows: the
    // situation, the question and every choice.
    void check_question_served(const Facilitation& f, const Fetched& view,
                               const std::string& where) {
        ++voting_views;
        const AudienceState a = audience_state(f);
        const json j = json::parse(view.body, nullptr, false);
        if (!j.is_object() || !j.value("voting_open", false)) {
            problem(where + ": the view does not say voting is open");
            return;
        }
        std::vector<std::string> served;
        for (const json& p : j.value("paragraphs", json::array())) {
            served.push_back(p.value("text", std::string()));
        }
        const json choices = j.value("choices", json::array());
        for (const json& c : choices) {
            served.push_back(c.value("text", std::string()));
        }
        served.push_back(j.value("question", std::string()));
        const auto has = [&served](const std::string& text) {
            return std::find(served.begin(), served.end(), text) != served.end();
        };
        if (a.choices.empty() || choices.size() != a.choices.size()) {
            problem(where + ": the view has " + std::to_string(choices.size()) +
                    " choices, the question " + std::to_string(a.choices.size()));
        }
        for (const AudienceChoice& c : a.choices) {
            if (!has(c.text)) {
                problem(where + ": the choice is not served: " + c.text);
            }
        }
        for (const Paragraph& p : a.paragraphs) {
            if (!has(p.text)) {
                problem(where + ": the situation is not served: " + p.text);
            }
        }
        if (!a.question.empty() && !has(a.question)) {
            problem(where + ": the question is not served: " + a.question);
        }
    }

    test::PresenterOnly presenter_only_;
    std::unordered_map<std::string, std::vector<std::string>> searched_;
};

const model::Scenario& bundled(const std::string& id) {
    const model::Bundle& bundle = test::bundled_courses();
    const auto found = std::find_if(bundle.scenarios.begin(), bundle.scenarios.end(),
                                    [&id](const model::Scenario& s) { return s.id == id; });
    REQUIRE_MESSAGE(found != bundle.scenarios.end(), id << " is not a bundled scenario");
    return *found;
}

std::string first_problems(const std::vector<std::string>& problems) {
    std::string out = std::to_string(problems.size()) + " problems";
    for (std::size_t i = 0; i < problems.size() && i < 20; ++i) {
        out += "\n  " + problems[i];
    }
    return out;
}

// Walks every branch of the scenario with a room of phones kept in step, and
// crawls the server at every stage.
void crawl_every_stage(const std::string& scenario_id) {
    const auto started = std::chrono::steady_clock::now();
    const model::Bundle& bundle = test::bundled_courses();
    const model::Scenario& scenario = bundled(scenario_id);
    PhoneRoom room(unlimited());
    Crawler crawler(room);
    Inspector inspector(bundle, scenario);
    std::size_t stages = 0, locks = 0, phone_votes_taken = 0;

    test::FacilitationWalk walk;
    walk.before_stage = [&room](Facilitation& f) { sync_phones(f, room); };
    walk.lock = [&room](Facilitation& f) { lock_with_phones(f, room); };
    walk.answer = test::wrong_answer;
    walk.at_stage = [&](const Facilitation& f) {
        ++stages;
        const std::string where = scenario_id + ", branch " + std::to_string(f.branch()) +
                                  ", node " + f.shown_run().node().id + ", stage " +
                                  stage_name(f.stage());
        inspector.inspect(f, crawler.crawl(), where);
        if (f.stage() == Stage::Locked) {
            // The crawler's vote over HTTP reached the tally through the lock.
            ++locks;
            const std::vector<std::int64_t>& phones = f.phone_votes();
            if (room.voters() == 1 && phones == room.phone_counts() &&
                std::find(phones.begin(), phones.end(), 1) != phones.end()) {
                ++phone_votes_taken;
            }
        }
    };
    walk.run(bundle, scenario);

    CHECK_MESSAGE(inspector.problems.empty(), first_problems(inspector.problems));
    for (const model::Node& node : scenario.nodes) {
        CHECK_MESSAGE(walk.visited.contains(node.id), "node " << node.id << " was never reached");
    }
    // The crawl saw what it had to, so that finding no leak means something.
    CHECK(inspector.presenter_only().notes() > 0);
    CHECK(inspector.voting_views == 2 * walk.questions); // two steps of each vote
    CHECK(inspector.feedback_seen >= walk.questions);
    CHECK(locks == walk.questions);
    CHECK(phone_votes_taken == locks);
    CHECK(inspector.responses == crawler.requests);
    CHECK(crawler.requests >= 30 * stages);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    MESSAGE(scenario_id << ": " << walk.questions << " questions, " << stages << " stages, "
                        << crawler.requests << " requests, " << room.devices().size() << " phones, "
                        << seconds << " s");
}

} // namespace

// Two bundled scenarios of different shapes:
//  - foundations.night-desk-doubts: six knowledge checks, three of them
//    multiple-answer, where the phone votes for two options and the room's
//    answer is a set (no scenario has more of either), and a confounder,
//    whose best path ends with no report;
//  - rideshare.hourly-hotel-hops: the largest walk of the bundled courses (67
//    questions, about 830 stages: many branches, and five variables that make
//    a node reached by two paths two states).
// Every stage of both is crawled, nothing sampled: 1,079 stages of 32
// requests each, about 4 s in the release build on one kept-alive connection.
// The timeouts (ten times the ASan build's time) catch the Nagle stall above.
TEST_CASE("phone crawl: no endpoint serves presenter-only text at any stage of "
          "foundations.night-desk-doubts" *
          doctest::timeout(60)) {
    crawl_every_stage("foundations.night-desk-doubts");
}

TEST_CASE("phone crawl: no endpoint serves presenter-only text at any stage of "
          "rideshare.hourly-hotel-hops" *
          doctest::timeout(120)) {
    crawl_every_stage("rideshare.hourly-hotel-hops");
}

TEST_CASE("phone crawl: the crawler catches a view that leaks presenter-only text, and one that "
          "leaves out the question") {
    const model::Bundle& bundle = test::bundled_courses();
    const model::Scenario& scenario = bundled("foundations.night-desk-doubts");
    Setup setup;
    setup.name = "Crawler self-test";
    setup.scenario_id = scenario.id;
    Facilitation f(bundle, setup);
    PhoneRoom room(unlimited());
    Crawler crawler(room);
    f.discuss();
    f.open_voting();
    sync_phones(f, room);
    const model::Node& node = f.shown_run().node();
    REQUIRE(!node.facilitator_notes.empty());
    REQUIRE(!node.discussion_prompts.empty());
    REQUIRE(node.choices.size() >= 2);
    const PhoneView honest = phone_view(audience_state(f), phone_question_key(f));
    REQUIRE(honest.choices.size() >= 2);
    REQUIRE(!honest.paragraphs.empty());

    // The control: the real view passes.
    {
        Inspector inspector(bundle, scenario);
        inspector.inspect(f, crawler.crawl(), "honest");
        CHECK_MESSAGE(inspector.problems.empty(), first_problems(inspector.problems));
        CHECK(inspector.voting_views == 1);
    }

    struct Doctored {
        const char* what;
        std::function<void(PhoneView&)> change;
        std::string expected; // in one of the problems
        bool leak = true;     // found in every view served, not only checked in one
    };
    const std::string note = node.facilitator_notes.front();
    const std::string prompt = node.discussion_prompts.front();
    const std::string tier = bundle.tiers.front().name;
    const std::string tier_id = bundle.tiers.front().id;
    const std::string dimension = bundle.dimensions.front().name;
    const std::string feedback = node.choices.front().feedback;
    const std::string best_id = node.choices.front().id;
    const std::string first_paragraph = honest.paragraphs.front().text;
    const std::vector<Doctored> cases = {
        {"a note in the situation",
         [&note](PhoneView& v) { v.paragraphs.back().text += " " + note; }, note},
        {"a prompt as the banner", [&prompt](PhoneView& v) { v.status = prompt; }, prompt},
        {"a rating after a choice",
         [&tier](PhoneView& v) { v.choices[1].text += " (" + tier + ")"; }, tier},
        {"feedback before the pick",
         [&feedback](PhoneView& v) {
             v.choices[0].chosen = true;
             v.choices[0].feedback = feedback;
         },
         feedback},
        {"a tier id as a value", [&tier_id](PhoneView& v) { v.outcome = tier_id; },
         "the value '" + tier_id + "'"},
        {"a score dimension as a value", [&dimension](PhoneView& v) { v.question = dimension; },
         "the value '" + dimension + "'"},
        {"the best choice's id as a value",
         [&best_id](PhoneView& v) { v.choices[0].key = best_id; }, "the value '" + best_id + "'"},
        {"no choices", [](PhoneView& v) { v.choices.clear(); }, "choices, the question", false},
        {"a choice left out", [](PhoneView& v) { v.choices.pop_back(); }, "choices, the question",
         false},
        {"no situation", [](PhoneView& v) { v.paragraphs.clear(); },
         "the situation is not served: " + first_paragraph, false},
    };
    for (const Doctored& one : cases) {
        CAPTURE(one.what);
        PhoneView leaking = honest;
        one.change(leaking);
        room.publish(leaking);
        Inspector inspector(bundle, scenario);
        inspector.inspect(f, crawler.crawl(), one.what);
        const auto caught = std::find_if(
            inspector.problems.begin(), inspector.problems.end(),
            [&one](const std::string& p) { return p.find(one.expected) != std::string::npos; });
        CHECK_MESSAGE(caught != inspector.problems.end(), first_problems(inspector.problems));
        // A leak is caught in every view served: since=0, the long poll, no
        // since, and the two new phones'.
        if (one.leak) {
            const auto views = std::count_if(
                inspector.problems.begin(), inspector.problems.end(),
                [&one](const std::string& p) { return p.find(one.expected) != std::string::npos; });
            CHECK(views == 5);
        }
    }
}
