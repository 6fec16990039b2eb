// The phone room (classroom/phone_room.hpp): joining by secret and by room
// code, the lobby, voting against the published view, the facilitator's
// controls, the request budgets with a fake clock, waking long polls,
// concurrent phones, the strict vote body, the keyed device hash, and the
// proof that a phone never receives presenter-only content: every scenario of
// the bundled courses is walked through a facilitation
// (support/facilitation_walk.hpp, as audience_test.cpp does), the phones'
// votes taken into the tally with the hand counts, and the JSON a phone receives at every stage is
// searched for notes, prompts, tier names, and feedback the room has not picked.
#include "classroom/facilitation.hpp"
#include "classroom/phone_room.hpp"
#include "classroom/views.hpp"
#include "support/facilitation_walk.hpp"
#include "support/phone_fixtures.hpp"
#include "support/presenter_only.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <future>
#include <set>
#include <thread>

using namespace sightline;
using namespace sightline::classroom;
using nlohmann::json;

namespace {

using sightline::test::FakeMs;
using sightline::test::question;

std::string join(PhoneRoom& room) {
    const JoinResult joined = room.join_with_secret(room.secret());
    REQUIRE(joined.ok());
    return joined.token;
}

json view_of(const PhoneRoom& room, const std::string& token) {
    const std::optional<std::string> text = room.view_json(token);
    REQUIRE(text.has_value());
    return json::parse(*text);
}

std::vector<std::size_t> your_vote(const PhoneRoom& room, const std::string& token) {
    return view_of(room, token).at("your_vote").get<std::vector<std::size_t>>();
}

} // namespace

// --- joining ---

TEST_CASE("phone room: phones join with the session's secret or its room code") {
    PhoneRoom room;
    CHECK(room.secret().size() == 43); // 256 bits, base64url without padding
    CHECK(room.secret().find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                          "0123456789-_") == std::string::npos);
    REQUIRE(room.room_code().size() == 6);
    CHECK(room.room_code().find_first_not_of("0123456789") == std::string::npos);
    PhoneRoom other;
    CHECK(other.secret() != room.secret());

    const JoinResult a = room.join_with_secret(room.secret());
    REQUIRE(a.ok());
    CHECK(a.label == "Phone 1");
    CHECK(a.token.size() >= 22); // at least 128 bits
    const std::string code = room.room_code();
    const JoinResult b = room.join_with_code(code.substr(0, 3) + " " + code.substr(3));
    REQUIRE(b.ok());
    CHECK(b.label == "Phone 2");
    CHECK(a.token != b.token);
    CHECK(room.rejoin(a.token));
    CHECK(room.rejoin(b.token));
    CHECK_FALSE(room.rejoin("not-a-token"));
    CHECK_FALSE(room.rejoin(""));

    std::string near = room.secret();
    near.back() = near.back() == 'A' ? 'B' : 'A';
    CHECK(room.join_with_secret(near).result == RoomResult::WrongSecret);
    CHECK(room.join_with_secret("").result == RoomResult::WrongSecret);
    CHECK(room.join_with_secret(room.secret() + "x").result == RoomResult::WrongSecret);
    CHECK(room.join_with_secret(other.secret()).result == RoomResult::WrongSecret);
    const std::string wrong_code = code == "000000" ? "000001" : "000000";
    const JoinResult refused = room.join_with_code(wrong_code);
    CHECK(refused.result == RoomResult::WrongCode);
    CHECK(refused.token.empty());
    CHECK(room.join_with_code(code + "0").result == RoomResult::WrongCode);
    CHECK(room.devices().size() == 2);
    CHECK(std::string(room_result_name(RoomResult::WrongSecret)) == "wrong-secret");
}

TEST_CASE("phone room: a locked lobby refuses new phones but keeps the ones in it") {
    PhoneRoom room;
    const std::string token = join(room);
    room.publish(question("q0-0", 3, true));
    room.lock_lobby(true);
    CHECK(room.lobby_locked());
    CHECK(room.join_with_secret(room.secret()).result == RoomResult::LobbyLocked);
    CHECK(room.join_with_code(room.room_code()).result == RoomResult::LobbyLocked);
    CHECK(room.rejoin(token));
    CHECK(room.vote(token, "q0-0", {1}) == RoomResult::Ok);
    CHECK(room.view_json(token).has_value());
    room.lock_lobby(false);
    CHECK(room.join_with_code(room.room_code()).ok());
    CHECK(room.devices().size() == 2);
}

TEST_CASE("phone room: the lobby's size reaches the phones at most once a second") {
    FakeMs clock;
    PhoneRoom room(clock.options());
    const std::string first = join(room);
    const std::uint64_t start = room.version();
    room.announce_lobby(); // one phone, never announced: the phones refetch
    CHECK(room.version() == start + 1);
    CHECK(view_of(room, first).at("lobby") == 1);
    room.announce_lobby(); // nothing new
    CHECK(room.version() == start + 1);
    join(room);
    join(room);
    CHECK(room.version() == start + 1); // joins alone wake nobody
    room.announce_lobby();              // within the second: still nobody
    CHECK(room.version() == start + 1);
    clock.ms += 1000;
    room.announce_lobby();
    CHECK(room.version() == start + 2);
    CHECK(view_of(room, first).at("lobby") == 3);
    clock.ms += 5000;
    room.announce_lobby(); // a second later, but the lobby has not changed
    CHECK(room.version() == start + 2);
}

TEST_CASE("phone room: the device cap refuses phones beyond it") {
    PhoneRoomOptions options;
    options.limits.max_devices = 3;
    PhoneRoom room(options);
    std::vector<std::string> tokens;
    for (int i = 0; i < 3; ++i) {
        tokens.push_back(join(room));
    }
    CHECK(room.join_with_secret(room.secret()).result == RoomResult::RoomFull);
    REQUIRE(room.remove_device("Phone 2"));
    const JoinResult again = room.join_with_secret(room.secret());
    REQUIRE(again.ok());
    CHECK(again.label == "Phone 4"); // labels are never reused
}

TEST_CASE("phone room: closing the room kills every token and refuses every later call") {
    PhoneRoom room;
    const std::string token = join(room);
    room.publish(question("q0-0", 2, true));
    REQUIRE(room.vote(token, "q0-0", {0}) == RoomResult::Ok);
    const std::uint64_t before = room.version();
    room.close();
    CHECK(room.closed());
    CHECK(room.version() > before);
    CHECK_FALSE(room.rejoin(token));
    CHECK_FALSE(room.view_json(token).has_value());
    CHECK(room.vote(token, "q0-0", {1}) == RoomResult::RoomClosed);
    CHECK(room.join_with_secret(room.secret()).result == RoomResult::RoomClosed);
    CHECK(room.join_with_code(room.room_code()).result == RoomResult::RoomClosed);
    CHECK(room.devices().empty());
    CHECK(room.voters() == 0);
    CHECK(room.phone_counts() == std::vector<std::int64_t>{0, 0});
    const std::uint64_t closed_at = room.version();
    room.publish(question("q0-1", 2, true));
    CHECK(room.version() == closed_at);
}

// --- voting ---

TEST_CASE("phone room: votes count only while the published view has voting open") {
    PhoneRoom room;
    const std::string token = join(room);
    CHECK(room.vote(token, "q0-0", {0}) == RoomResult::StaleQuestion); // nothing published
    room.publish(question("q0-0", 3, false));
    CHECK(room.vote(token, "q0-0", {0}) == RoomResult::NotVoting);
    room.publish(question("q0-0", 3, true));
    CHECK(room.vote(token, "q0-0", {2}) == RoomResult::Ok);
    CHECK(room.phone_counts() == std::vector<std::int64_t>{0, 0, 1});
    // Locked: the vote stays and cannot change.
    PhoneView locked = question("q0-0", 3, false);
    locked.stage = "locked";
    locked.status = "Voting is closed";
    room.publish(locked);
    CHECK(room.vote(token, "q0-0", {0}) == RoomResult::NotVoting);
    CHECK(room.phone_counts() == std::vector<std::int64_t>{0, 0, 1});
    // Unlocked: the same question, the vote is still there and may change.
    room.publish(question("q0-0", 3, true));
    CHECK(your_vote(room, token) == std::vector<std::size_t>{2});
    CHECK(room.vote(token, "q0-0", {1}) == RoomResult::Ok);
    CHECK(room.phone_counts() == std::vector<std::int64_t>{0, 1, 0});
    // A passage has no question.
    PhoneView passage;
    passage.stage = "passage";
    room.publish(passage);
    CHECK(room.vote(token, "", {0}) == RoomResult::StaleQuestion);
    CHECK(room.vote("forged", "q0-0", {0}) == RoomResult::UnknownToken);
}

TEST_CASE("phone room: a second vote from the same phone replaces its first") {
    PhoneRoom room;
    const std::string a = join(room);
    const std::string b = join(room);
    room.publish(question("q0-0", 4, true));
    REQUIRE(room.vote(a, "q0-0", {0}) == RoomResult::Ok);
    REQUIRE(room.vote(b, "q0-0", {0}) == RoomResult::Ok);
    CHECK(room.phone_counts() == std::vector<std::int64_t>{2, 0, 0, 0});
    REQUIRE(room.vote(a, "q0-0", {3}) == RoomResult::Ok);
    CHECK(room.phone_counts() == std::vector<std::int64_t>{1, 0, 0, 1});
    REQUIRE(room.vote(a, "q0-0", {3}) == RoomResult::Ok);
    CHECK(room.phone_counts() == std::vector<std::int64_t>{1, 0, 0, 1});
    CHECK(room.voters() == 2);
    CHECK(your_vote(room, a) == std::vector<std::size_t>{3});
    CHECK(your_vote(room, b) == std::vector<std::size_t>{0});
}

TEST_CASE("phone room: single and multiple-answer rules, and bad options are refused") {
    PhoneRoom room;
    const std::string token = join(room);
    PhoneView single = question("q0-0", 4, true);
    single.choices[2].enabled = false;
    room.publish(single);
    CHECK(room.vote(token, "q0-0", {}) == RoomResult::BadOptions);
    CHECK(room.vote(token, "q0-0", {4}) == RoomResult::BadOptions);
    CHECK(room.vote(token, "q0-0", {2}) == RoomResult::BadOptions); // disabled
    CHECK(room.vote(token, "q0-0", {0, 1}) == RoomResult::BadOptions);
    CHECK(room.vote(token, "q0-0", {1, 1}) == RoomResult::BadOptions);
    CHECK(room.voters() == 0);
    CHECK(room.vote(token, "q0-0", {3}) == RoomResult::Ok);

    room.publish(question("q0-1", 4, true, /*multiple=*/true));
    CHECK(room.vote(token, "q0-1", {3, 0}) == RoomResult::Ok);
    CHECK(your_vote(room, token) == std::vector<std::size_t>{0, 3}); // kept sorted
    CHECK(room.phone_counts() == std::vector<std::int64_t>{1, 0, 0, 1});
    CHECK(room.vote(token, "q0-1", {1, 2, 1}) == RoomResult::BadOptions);
    CHECK(room.vote(token, "q0-1", {0, 9}) == RoomResult::BadOptions);
    CHECK(room.vote(token, "q0-1", {}) == RoomResult::BadOptions);
    CHECK(room.phone_counts() == std::vector<std::int64_t>{1, 0, 0, 1}); // refusals change nothing
    CHECK(room.vote(token, "q0-1", {0, 1, 2, 3}) == RoomResult::Ok);
    CHECK(room.phone_counts() == std::vector<std::int64_t>{1, 1, 1, 1});
    CHECK(room.voters() == 1);
}

TEST_CASE("phone room: a vote for another question is refused and a new question starts afresh") {
    PhoneRoom room;
    const std::string a = join(room);
    const std::string b = join(room);
    room.publish(question("q0-0", 3, true));
    REQUIRE(room.vote(a, "q0-0", {1}) == RoomResult::Ok);
    REQUIRE(room.vote(b, "q0-0", {2}) == RoomResult::Ok);
    // The same question published again (a new stage) keeps the votes.
    PhoneView revealed = question("q0-0", 3, false);
    revealed.stage = "revealed";
    revealed.tally_shown = true;
    room.publish(revealed);
    CHECK(room.phone_counts() == std::vector<std::int64_t>{0, 1, 1});
    // A new key: fresh votes, and the old key is stale.
    room.publish(question("q0-1", 2, true));
    CHECK(room.phone_counts() == std::vector<std::int64_t>{0, 0});
    CHECK(room.voters() == 0);
    CHECK(your_vote(room, a).empty());
    CHECK(room.vote(a, "q0-0", {1}) == RoomResult::StaleQuestion);
    CHECK(room.vote(a, "q0-1", {1}) == RoomResult::Ok);
    CHECK(room.phone_counts() == std::vector<std::int64_t>{0, 1});
    CHECK(room.devices().at(0).voted);
    CHECK_FALSE(room.devices().at(1).voted);
}

TEST_CASE("phone room: the facilitator resets the phone votes and removes a device") {
    PhoneRoom room;
    const std::string a = join(room);
    const std::string b = join(room);
    const std::string c = join(room);
    room.publish(question("q0-0", 2, true));
    for (const std::string& t : {a, b, c}) {
        REQUIRE(room.vote(t, "q0-0", {0}) == RoomResult::Ok);
    }
    CHECK(room.phone_counts() == std::vector<std::int64_t>{3, 0});
    std::uint64_t v = room.version();
    room.reset_votes();
    CHECK(room.version() > v);
    CHECK(room.phone_counts() == std::vector<std::int64_t>{0, 0});
    CHECK(room.voters() == 0);
    CHECK(room.vote(a, "q0-0", {1}) == RoomResult::Ok); // voting goes on
    CHECK(room.vote(b, "q0-0", {1}) == RoomResult::Ok);
    CHECK(room.phone_counts() == std::vector<std::int64_t>{0, 2});

    const std::vector<DeviceInfo> before = room.devices();
    REQUIRE(before.size() == 3);
    CHECK(before[0].label == "Phone 1");
    CHECK(before[1].label == "Phone 2");
    CHECK(before[2].label == "Phone 3");
    CHECK(before[1].voted);
    CHECK(before[1].options == std::vector<std::size_t>{1});
    CHECK_FALSE(before[2].voted);
    v = room.version();
    REQUIRE(room.remove_device("Phone 2"));
    CHECK(room.version() > v);
    CHECK(room.phone_counts() == std::vector<std::int64_t>{0, 1}); // its vote is withdrawn
    CHECK_FALSE(room.rejoin(b));
    CHECK(room.vote(b, "q0-0", {1}) == RoomResult::UnknownToken);
    CHECK_FALSE(room.view_json(b).has_value());
    CHECK_FALSE(room.remove_device("Phone 2"));
    CHECK_FALSE(room.remove_device("Phone 9"));
    const std::vector<DeviceInfo> after = room.devices();
    REQUIRE(after.size() == 2);
    CHECK(after[0].label == "Phone 1");
    CHECK(after[1].label == "Phone 3");
    CHECK(room.rejoin(a));
    CHECK(room.rejoin(c));
}

TEST_CASE("phone room: showing or hiding the join code changes nothing a phone receives") {
    PhoneRoom room;
    const std::string token = join(room);
    room.publish(question("q0-0", 2, true));
    CHECK(room.join_code_shown());
    const std::string shown = *room.view_json(token);
    room.set_join_code_shown(false);
    CHECK_FALSE(room.join_code_shown());
    CHECK(*room.view_json(token) == shown);
    CHECK(shown.find(room.secret()) == std::string::npos);
    CHECK(room.join_with_code(room.room_code()).ok()); // hiding is not locking
}

TEST_CASE("phone room: joins and votes call on_activity, outside the room's lock") {
    using namespace std::chrono_literals;
    std::atomic<int> calls{0};
    std::atomic<int> blocked{0};
    PhoneRoomOptions options;
    PhoneRoom* self = nullptr;
    options.on_activity = [&] {
        ++calls;
        // Another thread reads the room: it blocks if the lock is held here.
        auto probe = std::async(std::launch::async, [&] { return self->voters(); });
        if (probe.wait_for(2s) != std::future_status::ready) {
            ++blocked;
        }
    };
    PhoneRoom room(options);
    self = &room;
    const std::string token = join(room);
    CHECK(calls == 1);
    room.publish(question("q0-0", 2, true));
    CHECK(calls == 1);
    REQUIRE(room.vote(token, "q0-0", {0}) == RoomResult::Ok);
    CHECK(calls == 2);
    CHECK(room.vote(token, "q0-0", {7}) == RoomResult::BadOptions);
    CHECK(room.join_with_secret("wrong").result == RoomResult::WrongSecret);
    CHECK(calls == 2);
    CHECK(blocked == 0);
}

// --- the view a phone receives ---

TEST_CASE("phone room: the view JSON carries the view, the lobby and the phone's own vote") {
    PhoneRoom room;
    const std::string a = join(room);
    const std::string b = join(room);
    PhoneView v = question("q0-0", 3, true);
    v.choices[1].enabled = false;
    room.publish(v);
    REQUIRE(room.vote(a, "q0-0", {2}) == RoomResult::Ok);
    json j = view_of(room, a);
    CHECK(j.at("version") == room.version());
    CHECK(j.at("lobby") == 2);
    CHECK(j.at("device") == "Phone 1");
    CHECK(j.at("your_vote") == json::array({2}));
    CHECK(j.at("question_key") == "q0-0");
    CHECK(j.at("stage") == "voting");
    CHECK(j.at("voting_open") == true);
    CHECK(j.at("paragraphs").at(0).at("text") == "Something happens.");
    REQUIRE(j.at("choices").size() == 3);
    CHECK(j.at("choices").at(1).at("enabled") == false);
    CHECK_FALSE(j.at("choices").at(0).contains("votes"));
    CHECK_FALSE(j.contains("total_votes"));
    CHECK(view_of(room, b).at("your_vote").empty());
    CHECK(view_of(room, b).at("device") == "Phone 2");

    // After the reveal and the pick: the tally and the chosen feedback.
    v.stage = "feedback";
    v.voting_open = false;
    v.tally_shown = true;
    v.total_votes = 5;
    v.picked = true;
    v.choices[0].votes = 4;
    v.choices[0].percent = 80;
    v.choices[2].votes = 1;
    v.choices[2].percent = 20;
    v.choices[1].votes = 0;
    v.choices[0].chosen = true;
    v.choices[0].feedback = "Good call.";
    room.publish(v);
    j = view_of(room, a);
    CHECK(j.at("total_votes") == 5);
    CHECK(j.at("choices").at(0).at("votes") == 4);
    CHECK(j.at("choices").at(0).at("percent") == 80);
    CHECK(j.at("choices").at(0).at("chosen") == true);
    CHECK(j.at("choices").at(0).at("feedback") == "Good call.");
    CHECK_FALSE(j.at("choices").at(2).contains("feedback"));
    CHECK(j.at("your_vote") == json::array({2})); // same question: still its vote

    const std::string text = *room.view_json(a);
    CHECK(text.find(room.secret()) == std::string::npos);
    CHECK(text.find(room.room_code()) == std::string::npos);
    CHECK(text.find(a) == std::string::npos);
    CHECK(text.find(b) == std::string::npos);
}

TEST_CASE("phone room: publishing an unchanged view does not wake the phones") {
    PhoneRoom room;
    room.publish(question("q0-0", 2, true));
    const std::uint64_t v = room.version();
    room.publish(question("q0-0", 2, true));
    CHECK(room.version() == v);
    room.publish(question("q0-0", 2, false));
    CHECK(room.version() == v + 1);
}

TEST_CASE("phone_view of a facilitation: the pick's feedback only after the pick, never ratings") {
    const model::Bundle& bundle = test::bundled_courses();
    Setup setup;
    setup.name = "Room 214";
    setup.scenario_id = "hotel.room-214";
    Facilitation f(bundle, setup);
    const std::string key = phone_question_key(f);
    CHECK_FALSE(key.empty());
    PhoneView v = phone_view(audience_state(f), key);
    CHECK(v.question_key == key);
    CHECK(v.stage == "situation");
    CHECK(v.title == "Room 214, third extension");
    CHECK(v.paragraphs.at(0).text.find("It is 11 p.m.") == 0);
    REQUIRE(v.choices.size() == 4);
    CHECK_FALSE(v.voting_open);
    f.open_voting();
    f.set_votes(0, 6);
    f.set_votes(1, 2);
    v = phone_view(audience_state(f), phone_question_key(f));
    CHECK(v.question_key == key); // the same question, the same key
    CHECK(v.voting_open);
    CHECK(v.status == "Voting is open");
    CHECK_FALSE(v.choices[0].votes.has_value());
    CHECK(v.total_votes == 0);
    f.lock();
    v = phone_view(audience_state(f), phone_question_key(f));
    CHECK(v.stage == "locked");
    CHECK_FALSE(v.voting_open);
    CHECK_FALSE(v.choices[0].votes.has_value());
    f.reveal();
    v = phone_view(audience_state(f), phone_question_key(f));
    CHECK(v.tally_shown);
    CHECK(v.total_votes == 8);
    CHECK(v.choices[0].votes == 6);
    CHECK(v.choices[0].percent == 75);
    CHECK_FALSE(v.picked);
    f.take_majority();
    const AudienceState a = audience_state(f);
    REQUIRE(a.rating == "Best response"); // the projector shows it...
    v = phone_view(a, phone_question_key(f));
    CHECK(v.picked);
    CHECK(v.choices[0].chosen);
    CHECK(v.choices[0].feedback.find("Good. One moment at the desk") == 0);
    for (const std::string_view s : v.strings()) {
        CHECK(s.find("Best response") == std::string_view::npos); // ...the phone does not
    }
    CHECK_FALSE(v.choices[1].chosen);
    CHECK(v.choices[1].feedback.empty());

    // Going back to explore another branch is a new question for the phones.
    f.go_back(0);
    const std::string again = phone_question_key(f);
    CHECK_FALSE(again.empty());
    CHECK(again != key);
    f.pick(std::string(f.run().choices()[1].id));
    f.advance();
    CHECK(phone_question_key(f) != again);
}

// --- request budgets ---

TEST_CASE("phone room: per-device and overall request budgets refill as time passes") {
    FakeMs clock;
    PhoneRoomOptions options = clock.options();
    options.limits.per_device = {10, 20};
    options.limits.overall = {100, 50};
    PhoneRoom room(options);
    const std::string a = join(room);
    const std::string b = join(room);

    for (int i = 0; i < 20; ++i) {
        REQUIRE(room.admit(a));
    }
    CHECK_FALSE(room.admit(a)); // burst spent
    CHECK(room.admit(b));       // another phone is not affected
    clock.ms += 99;
    CHECK_FALSE(room.admit(a));
    clock.ms += 1; // 100 ms at 10 a second: one more
    CHECK(room.admit(a));
    CHECK_FALSE(room.admit(a));
    clock.ms += 2000;
    for (int i = 0; i < 20; ++i) {
        REQUIRE(room.admit(a)); // refilled up to the burst, not beyond
    }
    CHECK_FALSE(room.admit(a));

    // The overall budget: spent by requests with and without tokens.
    clock.ms += 10'000;
    int admitted = 0;
    for (int i = 0; i < 100; ++i) {
        admitted += room.admit() ? 1 : 0;
    }
    CHECK(admitted == 50);
    CHECK_FALSE(room.admit(b)); // a fresh phone is refused when the room is saturated
    CHECK_FALSE(room.admit("some-unknown-token"));
    clock.ms += 10; // 100 a second: one more
    CHECK(room.admit(b));
    CHECK_FALSE(room.admit());

    // A clock that steps back refills nothing.
    clock.ms -= 60'000;
    CHECK_FALSE(room.admit());
}

TEST_CASE("phone room: wrong room codes are throttled room-wide, the right one too") {
    FakeMs clock;
    PhoneRoom room(clock.options()); // the default: 10 wrong codes, then one every 2 s
    const std::string right = room.room_code();
    const std::string wrong = right == "999999" ? "999998" : "999999";
    for (int i = 0; i < 10; ++i) {
        REQUIRE(room.join_with_code(wrong).result == RoomResult::WrongCode);
    }
    CHECK(room.join_with_code(wrong).result == RoomResult::RateLimited);
    CHECK(room.join_with_code(right).result == RoomResult::RateLimited);
    CHECK(room.join_with_secret(room.secret()).ok()); // the QR code still works
    clock.ms += 1999;
    CHECK(room.join_with_code(right).result == RoomResult::RateLimited);
    clock.ms += 1;
    CHECK(room.join_with_code(wrong).result == RoomResult::WrongCode);
    CHECK(room.join_with_code(right).result == RoomResult::RateLimited);
    clock.ms += 2000;
    CHECK(room.join_with_code(right).ok());
    CHECK(room.join_with_code(right).ok()); // right codes cost nothing

    // How many guesses an hour lets through: the burst and one per 2 s.
    int tried = 0;
    for (int s = 0; s < 3600; ++s) {
        clock.ms += 1000;
        for (int i = 0; i < 100; ++i) {
            if (room.join_with_code(wrong).result != RoomResult::WrongCode) {
                break;
            }
            ++tried;
        }
    }
    CHECK(tried <= 1800 + 10);
    CHECK(tried >= 1790);
}

// --- waking long polls ---

TEST_CASE("phone room: wait_for_change wakes on publish and on close, and times out otherwise") {
    using namespace std::chrono_literals;
    PhoneRoom room;
    const std::uint64_t start = room.version();
    const auto t0 = std::chrono::steady_clock::now();
    CHECK(room.wait_for_change(start, 30ms) == start);
    CHECK(std::chrono::steady_clock::now() - t0 >= 30ms);
    CHECK(room.wait_for_change(start - 1, 10s) == start); // already changed: at once

    std::atomic<std::uint64_t> woke{0};
    std::thread waiter([&] { woke = room.wait_for_change(start, 10s); });
    std::this_thread::sleep_for(20ms);
    const auto t1 = std::chrono::steady_clock::now();
    room.publish(question("q0-0", 2, true));
    waiter.join();
    CHECK(woke == start + 1);
    CHECK(std::chrono::steady_clock::now() - t1 < 5s);

    const std::uint64_t now = room.version();
    std::thread closer([&] { woke = room.wait_for_change(now, 10s); });
    std::this_thread::sleep_for(20ms);
    const auto t2 = std::chrono::steady_clock::now();
    room.close();
    closer.join();
    CHECK(woke > now);
    CHECK(std::chrono::steady_clock::now() - t2 < 5s);
    // Closed: waiting returns at once.
    const auto t3 = std::chrono::steady_clock::now();
    room.wait_for_change(room.version(), 10s);
    CHECK(std::chrono::steady_clock::now() - t3 < 5s);
}

// --- many phones at once ---

TEST_CASE("phone room: 300 phones joining and voting from 8 threads are each counted once") {
    constexpr int kPhones = 300;
    constexpr int kThreads = 8;
    constexpr std::size_t kChoices = 4;
    FakeMs clock; // frozen: the overall burst of 3000 covers every request
    PhoneRoom room(clock.options());
    room.publish(question("q0-0", kChoices, true));

    std::atomic<int> failures{0};
    std::atomic<bool> done{false};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = t; i < kPhones; i += kThreads) {
                if (!room.admit()) {
                    ++failures;
                    continue;
                }
                const JoinResult joined = i % 2 == 0 ? room.join_with_secret(room.secret())
                                                     : room.join_with_code(room.room_code());
                if (!joined.ok()) {
                    ++failures;
                    continue;
                }
                const auto final_choice = static_cast<std::size_t>(i) % kChoices;
                if (i % 3 == 0) { // changes its mind
                    if (!room.admit(joined.token) ||
                        room.vote(joined.token, "q0-0", {(final_choice + 1) % kChoices}) !=
                            RoomResult::Ok) {
                        ++failures;
                    }
                }
                if (!room.admit(joined.token) ||
                    room.vote(joined.token, "q0-0", {final_choice}) != RoomResult::Ok) {
                    ++failures;
                }
            }
        });
    }
    // The UI thread reads the counts meanwhile.
    std::thread ui([&] {
        while (!done) {
            const std::vector<std::int64_t> counts = room.phone_counts();
            std::int64_t sum = 0;
            for (const std::int64_t c : counts) {
                sum += c;
            }
            if (counts.size() != kChoices || sum > kPhones ||
                sum > static_cast<std::int64_t>(room.devices().size())) {
                ++failures;
            }
        }
    });
    for (std::thread& t : threads) {
        t.join();
    }
    done = true;
    ui.join();

    CHECK(failures == 0);
    CHECK(room.voters() == kPhones);
    CHECK(room.phone_counts() == std::vector<std::int64_t>(kChoices, kPhones / kChoices));
    const std::vector<DeviceInfo> devices = room.devices();
    REQUIRE(devices.size() == kPhones);
    std::set<std::string> labels, hashes;
    for (const DeviceInfo& d : devices) {
        labels.insert(d.label);
        hashes.insert(d.hash);
        CHECK(d.options.size() == 1);
    }
    CHECK(labels.size() == kPhones);
    CHECK(hashes.size() == kPhones);
    CHECK(labels.contains("Phone 1"));
    CHECK(labels.contains("Phone 300"));
    CHECK(devices.front().label == "Phone 1");
    CHECK(devices.back().label == "Phone 300");
}

// --- the vote body ---

TEST_CASE("parse_vote_body: accepts exactly a question and its options") {
    ParsedVote p = parse_vote_body(R"({"question": "q0-3", "options": [2]})");
    REQUIRE_MESSAGE(p.vote.has_value(), p.error);
    CHECK(p.vote->question == "q0-3");
    CHECK(p.vote->options == std::vector<std::size_t>{2});
    p = parse_vote_body("\n {\"options\":[0,3,63],\"question\":\"q1-0\"}\n");
    REQUIRE_MESSAGE(p.vote.has_value(), p.error);
    CHECK(p.vote->options == std::vector<std::size_t>{0, 3, 63});
    p = parse_vote_body(R"({"question": "q0-0", "options": []})"); // the room refuses empty
    REQUIRE(p.vote.has_value());
    CHECK(p.vote->options.empty());
}

TEST_CASE("parse_vote_body: an oversized body is refused before it is parsed") {
    const std::string head = R"({"question": ")";
    const std::string tail = R"(", "options": [0]})";
    std::string fits =
        head + std::string(kMaxVoteBodyBytes - head.size() - tail.size(), 'q') + tail;
    REQUIRE(fits.size() == kMaxVoteBodyBytes);
    CHECK(parse_vote_body(fits).vote.has_value());
    const std::string valid_but_big = head + "q" + fits.substr(head.size());
    REQUIRE(valid_but_big.size() == kMaxVoteBodyBytes + 1);
    ParsedVote p = parse_vote_body(valid_but_big);
    CHECK_FALSE(p.vote.has_value());
    CHECK(p.error.find("larger than 1024 bytes") != std::string::npos);
    // Deeply nested brackets would cost the parser; the size check comes first.
    p = parse_vote_body(std::string(1 << 20, '['));
    CHECK_FALSE(p.vote.has_value());
    CHECK(p.error.find("larger than") != std::string::npos);
}

TEST_CASE("parse_vote_body: malformed JSON, comments and trailing garbage are refused") {
    for (const std::string_view body : {
             std::string_view(""),
             std::string_view("{"),
             std::string_view(R"({"question": "q0-0", "options": [1],})"),
             std::string_view(R"({'question': 'q0-0', 'options': [1]})"),
             std::string_view(R"({"question": "q0-0", "options": [1]} x)"),
             std::string_view(R"({"question": "q0-0", "options": [1]}{})"),
             std::string_view(R"({"question": "q0-0", /* c */ "options": [1]})"),
             std::string_view("{\"question\": \"q0-0\", // c\n \"options\": [1]}"),
             std::string_view("{\"question\": \"q0-\xff\", \"options\": [1]}"),
             std::string_view(R"({"question": "q0-0", "options": [01]})"),
             std::string_view(R"({"question": "q0-0", "options": [NaN]})"),
         }) {
        CAPTURE(body);
        const ParsedVote p = parse_vote_body(body);
        CHECK_FALSE(p.vote.has_value());
        CHECK(p.error == "The request body is not valid JSON.");
    }
    std::string nul = R"({"question": "q0-0", "options": [1]})";
    REQUIRE(parse_vote_body(nul).vote.has_value());
    nul.push_back('\0'); // the parser would stop reading here
    CHECK_FALSE(parse_vote_body(nul).vote.has_value());
    CHECK_FALSE(parse_vote_body(nul + R"({"question": "q0-1"})").vote.has_value());
}

TEST_CASE("parse_vote_body: unknown, missing and repeated members are refused") {
    const auto error = [](std::string_view body) {
        const ParsedVote p = parse_vote_body(body);
        CHECK_FALSE(p.vote.has_value());
        return p.error;
    };
    CHECK(error(R"({"question": "q0-0", "options": [1], "token": "x"})").find("Unknown member") !=
          std::string::npos);
    CHECK(error(R"({"question": "q0-0"})").find("needs both") != std::string::npos);
    CHECK(error(R"({"options": [1]})").find("needs both") != std::string::npos);
    CHECK(error(R"({})").find("needs both") != std::string::npos);
    CHECK(error(R"({"question": "q0-0", "question": "q0-1", "options": [1]})").find("repeats") !=
          std::string::npos);
    CHECK(error(R"({"question": "q0-0", "options": [1], "options": [2]})").find("repeats") !=
          std::string::npos);
    CHECK(error(R"([{"question": "q0-0", "options": [1]}])").find("JSON object") !=
          std::string::npos);
    CHECK(error(R"("q0-0")").find("JSON object") != std::string::npos);
}

TEST_CASE("parse_vote_body: wrong types, negative, fractional and huge numbers are refused") {
    for (const std::string_view body : {
             std::string_view(R"({"question": 3, "options": [1]})"),
             std::string_view(R"({"question": "", "options": [1]})"),
             std::string_view(R"({"question": null, "options": [1]})"),
             std::string_view(R"({"question": "q0-0", "options": 1})"),
             std::string_view(R"({"question": "q0-0", "options": "1"})"),
             std::string_view(R"({"question": "q0-0", "options": {"0": 1}})"),
             std::string_view(R"({"question": "q0-0", "options": ["1"]})"),
             std::string_view(R"({"question": "q0-0", "options": [true]})"),
             std::string_view(R"({"question": "q0-0", "options": [null]})"),
             std::string_view(R"({"question": "q0-0", "options": [[1]]})"),
             std::string_view(R"({"question": "q0-0", "options": [-1]})"),
             std::string_view(R"({"question": "q0-0", "options": [-0]})"),
             std::string_view(R"({"question": "q0-0", "options": [1.0]})"),
             std::string_view(R"({"question": "q0-0", "options": [1e1]})"),
             std::string_view(R"({"question": "q0-0", "options": [64]})"),
             std::string_view(R"({"question": "q0-0", "options": [4294967296]})"),
             std::string_view(R"({"question": "q0-0", "options": [18446744073709551615]})"),
             std::string_view(R"({"question": "q0-0", "options": [99999999999999999999999]})"),
         }) {
        CAPTURE(body);
        const ParsedVote p = parse_vote_body(body);
        CHECK_FALSE(p.vote.has_value());
        CHECK_FALSE(p.error.empty());
    }
    std::string many = R"({"question": "q0-0", "options": [0)";
    for (std::size_t i = 1; i < kMaxVoteOptions; ++i) {
        many += ",0";
    }
    CHECK(parse_vote_body(many + "]}").vote.has_value()); // 64: the room refuses repeats
    const ParsedVote p = parse_vote_body(many + ",0]}");
    CHECK_FALSE(p.vote.has_value());
    CHECK(p.error.find("more than 64") != std::string::npos);
}

TEST_CASE("parse_join_body: exactly one of secret or code, a non-empty bounded string") {
    ParsedJoin p = parse_join_body(R"({"secret": "abc_-DEF"})");
    REQUIRE_MESSAGE(p.join.has_value(), p.error);
    CHECK(p.join->secret == "abc_-DEF");
    CHECK(p.join->code.empty());
    p = parse_join_body(" {\"code\": \"123 456\"}\n");
    REQUIRE_MESSAGE(p.join.has_value(), p.error);
    CHECK(p.join->code == "123 456");
    CHECK(p.join->secret.empty());
    for (const std::string_view body : {
             std::string_view(""),
             std::string_view("{"),
             std::string_view("[]"),
             std::string_view("{}"),
             std::string_view(R"({"secret": "a", "code": "123456"})"),
             std::string_view(R"({"code": "1", "code": "2"})"),
             std::string_view(R"({"token": "a"})"),
             std::string_view(R"({"code": 123456})"),
             std::string_view(R"({"secret": ""})"),
             std::string_view(R"({"secret": null})"),
             std::string_view(R"({"secret": ["a"]})"),
             std::string_view(R"({"code": "1"} x)"),
             std::string_view(R"({"code": /* c */ "1"})"),
         }) {
        CAPTURE(body);
        const ParsedJoin refused = parse_join_body(body);
        CHECK_FALSE(refused.join.has_value());
        CHECK_FALSE(refused.error.empty());
    }
    CHECK(parse_join_body(R"({"code": ")" + std::string(kMaxJoinCodeBytes, '1') + R"("})")
              .join.has_value());
    CHECK_FALSE(parse_join_body(R"({"code": ")" + std::string(kMaxJoinCodeBytes + 1, '1') + R"("})")
                    .join.has_value());
    CHECK(parse_join_body(R"({"secret": ")" + std::string(kMaxJoinSecretBytes, 'a') + R"("})")
              .join.has_value());
    p = parse_join_body(R"({"secret": ")" + std::string(kMaxJoinBodyBytes, 'a') + R"("})");
    CHECK_FALSE(p.join.has_value());
    CHECK(p.error.find("larger than 256 bytes") != std::string::npos);
    std::string nul = R"({"code": "123456"})";
    nul.push_back('\0');
    CHECK_FALSE(parse_join_body(nul).join.has_value());
}

TEST_CASE("phone room: an interrupted wait returns at once and changes nothing") {
    PhoneRoom room;
    const std::uint64_t v = room.version();
    std::atomic<bool> interrupted{false};
    auto waiting = std::async(std::launch::async, [&] {
        return room.wait_for_change(v, std::chrono::hours(1), interrupted);
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    interrupted = true;
    room.wake_waiters();
    // An hour-long wait that ignored the flag would not be ready in a minute.
    REQUIRE(waiting.wait_for(std::chrono::minutes(1)) == std::future_status::ready);
    CHECK(waiting.get() == v);
    CHECK(room.version() == v);
    CHECK_FALSE(room.closed());
    // Already interrupted: no wait at all.
    CHECK(room.wait_for_change(v, std::chrono::hours(1), interrupted) == v);
}

// --- records ---

TEST_CASE("phone room: device hashes are stable in a session, differ across sessions, and hide "
          "the token") {
    PhoneRoom room;
    const JoinResult joined = room.join_with_secret(room.secret());
    REQUIRE(joined.ok());
    const std::string hash = room.device_hash(joined.token);
    CHECK(hash.size() == 64);
    CHECK(hash.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(room.device_hash(joined.token) == hash);
    CHECK(room.devices().at(0).hash == hash);
    CHECK(hash.find(joined.token) == std::string::npos);
    const std::string other_token = join(room);
    CHECK(room.device_hash(other_token) != hash);
    PhoneRoom next;
    CHECK(next.device_hash(joined.token) != hash); // another session, another salt
    CHECK(next.device_hash(joined.token) == next.device_hash(joined.token));
}

// --- the proof: no presenter-only content reaches a phone ---

namespace {

using test::as_json_text;
using test::kPhoneChoiceMembers;
using test::kPhoneViewMembers;

class PhoneProof {
  public:
    PhoneProof(const model::Bundle& bundle, const model::Scenario& scenario)
        : scenario_(scenario), presenter_only_(bundle, scenario) {
        const JoinResult me = room_.join_with_secret(room_.secret());
        const JoinResult other = room_.join_with_code(room_.room_code());
        REQUIRE(me.ok());
        REQUIRE(other.ok());
        token_ = me.token;
        other_token_ = other.token;
    }

    std::size_t checks = 0;
    std::size_t votes = 0;
    std::size_t feedback_shown = 0;

    // The facilitator takes the phones' counts with the hand counts.
    void enter_votes(Facilitation& f, const std::vector<std::size_t>& enabled) {
        for (const std::size_t i : enabled) {
            f.set_votes(i, static_cast<std::int64_t>(i + 1));
        }
        f.set_phone_votes(room_.phone_counts());
        CHECK(f.phone_votes() == room_.phone_counts());
    }

    void check(const Facilitation& f) {
        ++checks;
        const model::Node& node = f.shown_run().node();
        const PhoneView view = phone_view(audience_state(f), phone_question_key(f));
        room_.publish(view);
        if (view.voting_open) {
            // The phone votes like a participant: the first enabled choice,
            // and a second option where several may be chosen.
            std::vector<std::size_t> options;
            for (std::size_t i = 0; i < view.choices.size(); ++i) {
                if (view.choices[i].enabled && (options.empty() || view.multiple) &&
                    options.size() < 2) {
                    options.push_back(i);
                }
            }
            const RoomResult r = room_.vote(token_, view.question_key, options);
            CHECK_MESSAGE(r == RoomResult::Ok,
                          scenario_.id << ", node " << node.id << ": " << room_result_name(r));
            ++votes;
        }
        const std::optional<std::string> text = room_.view_json(token_);
        REQUIRE(text.has_value());
        const json j = json::parse(*text);
        const std::string where =
            scenario_.id + ", node " + node.id + ", stage " + stage_name(f.stage());

        for (const auto& member : j.items()) {
            const std::string name = member.key();
            CHECK_MESSAGE(kPhoneViewMembers.contains(name), where << ": member " << name);
        }
        for (const json& c : j.at("choices")) {
            for (const auto& member : c.items()) {
                const std::string name = member.key();
                CHECK_MESSAGE(kPhoneChoiceMembers.contains(name),
                              where << ": choice member " << name);
            }
            const bool revealed = f.stage() == Stage::Revealed || f.stage() == Stage::Feedback;
            CHECK(c.contains("votes") == revealed);
            if (f.stage() != Stage::Feedback) {
                CHECK_FALSE(c.contains("feedback"));
                CHECK_FALSE(c.contains("chosen"));
            }
        }
        // The key names no node: "q<branch>-<point>".
        CHECK(j.at("question_key").get<std::string>().find_first_not_of("q0123456789-") ==
              std::string::npos);

        const test::PresenterOnly::Rules rules = presenter_only_.rules(f);
        for (const std::string& b : rules.banned) {
            if (!b.empty() && text->find(as_json_text(b)) != std::string::npos) {
                FAIL_CHECK(where << ": a phone receives '" << b << "'");
            }
        }
        for (const std::string& r : rules.required) {
            if (!r.empty()) {
                CHECK_MESSAGE(text->find(as_json_text(r)) != std::string::npos,
                              where << ": the chosen feedback is missing: " << r);
                ++feedback_shown;
            }
        }
        for (const std::string& secret : {room_.secret(), token_, other_token_}) {
            CHECK_MESSAGE(text->find(secret) == std::string::npos, where);
        }
        // Six digits may occur in the content (a phone number); never from the room.
        if (text->find(room_.room_code()) != std::string::npos) {
            bool in_content = false;
            for (const std::string_view s : view.strings()) {
                in_content = in_content || s.find(room_.room_code()) != std::string_view::npos;
            }
            CHECK_MESSAGE(in_content, where << ": the room code is in the view");
        }
    }

  private:
    const model::Scenario& scenario_;
    test::PresenterOnly presenter_only_;
    PhoneRoom room_;
    std::string token_;
    std::string other_token_;
};

} // namespace

TEST_CASE("phone room: no phone ever receives presenter-only content, at any stage of the bundled "
          "courses") {
    const model::Bundle& bundle = test::bundled_courses();
    REQUIRE(bundle.scenarios.size() >= 10);
    std::size_t checks = 0, votes = 0, feedback = 0, notes = 0;
    for (const model::Scenario& scenario : bundle.scenarios) {
        CAPTURE(scenario.id);
        PhoneProof proof(bundle, scenario);
        test::FacilitationWalk walk;
        walk.at_stage = [&proof](const Facilitation& f) { proof.check(f); };
        walk.enter_votes = [&proof](Facilitation& f, const std::vector<std::size_t>& enabled) {
            proof.enter_votes(f, enabled);
        };
        walk.answer = test::wrong_answer;
        walk.run(bundle, scenario);
        checks += proof.checks;
        votes += proof.votes;
        feedback += proof.feedback_shown;
        for (const model::Node& node : scenario.nodes) {
            notes += node.facilitator_notes.size() + node.discussion_prompts.size();
            CHECK_MESSAGE(walk.visited.contains(node.id),
                          "node " << node.id << " of " << scenario.id << " was never reached");
        }
    }
    MESSAGE(bundle.scenarios.size()
            << " scenarios, " << checks << " phone views checked, " << votes << " phone votes");
    // The content does carry what must not leak, and the walk did vote and
    // see feedback, so the proof means something.
    CHECK(notes > 0);
    CHECK(votes > 100);
    CHECK(feedback > 100);
}
