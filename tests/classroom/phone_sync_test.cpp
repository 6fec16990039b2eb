// Phone votes reaching the facilitation (classroom/phone_sync.hpp): the room
// follows the facilitation's stages, the phones' counts join the hand counts
// while voting is open, a lock never drops a vote a phone was told was
// counted, and a new question or branch starts the phones afresh.
#include "classroom/phone_sync.hpp"
#include "support/classroom_helpers.hpp"
#include "support/scenario_fixtures.hpp"

#include <doctest/doctest.h>

using namespace sightline;
using namespace sightline::classroom;

TEST_CASE("phone votes join the hand counts while voting is open, and the lock keeps them") {
    Facilitation f(test::format_example(), test::example_setup(12));
    PhoneRoom room;
    const std::string a = room.join_with_secret(room.secret()).token;
    const std::string b = room.join_with_code(room.room_code()).token;
    const std::string c = room.join_with_code(room.room_code()).token;

    sync_phones(f, room); // desk, at its situation: nothing to vote on yet
    const std::string key = phone_question_key(f);
    REQUIRE_FALSE(key.empty());
    CHECK(room.vote(a, key, {1}) == RoomResult::NotVoting);

    f.open_voting();
    sync_phones(f, room);
    REQUIRE(room.vote(a, key, {1}) == RoomResult::Ok);
    REQUIRE(room.vote(b, key, {1}) == RoomResult::Ok);
    f.set_votes(0, 2); // hands
    sync_phones(f, room);
    CHECK(f.phone_votes() == std::vector<std::int64_t>{0, 2, 0});
    CHECK(f.votes() == std::vector<std::int64_t>{2, 2, 0});
    CHECK(f.tally().tie);

    // A vote after the last sync is still counted by the lock...
    REQUIRE(room.vote(c, key, {1}) == RoomResult::Ok);
    lock_with_phones(f, room);
    CHECK(f.stage() == Stage::Locked);
    CHECK(f.phone_votes() == std::vector<std::int64_t>{0, 3, 0});
    // ...and none is accepted after it.
    CHECK(room.vote(a, key, {0}) == RoomResult::NotVoting);
    CHECK(room.phone_counts() == std::vector<std::int64_t>{0, 3, 0});
    const std::string locked = *room.view_json(a);
    CHECK(locked.find("\"stage\":\"locked\"") != std::string::npos);
    CHECK(locked.find("\"voting_open\":false") != std::string::npos);
    // Locking again is refused as Facilitation::lock() refuses it.
    CHECK_THROWS_AS(lock_with_phones(f, room), FacilitationError);

    // Unlocking lets the phones change their votes; the counts follow.
    f.unlock();
    sync_phones(f, room);
    REQUIRE(room.vote(c, key, {2}) == RoomResult::Ok);
    f.set_votes(0, 1);
    sync_phones(f, room);
    CHECK(f.phone_votes() == std::vector<std::int64_t>{0, 2, 1});
    lock_with_phones(f, room);
    f.reveal();
    sync_phones(f, room);
    CHECK(room.view_json(a)->find("\"tally_shown\":true") != std::string::npos);
    f.take_majority(); // log-and-tell: 2 phones against 1 hand and 1 phone
    CHECK(f.path().front().chosen == std::vector<std::string>{"log-and-tell"});
    f.advance();

    // The next question starts with no phone votes, in the room and here.
    sync_phones(f, room);
    const std::string next = phone_question_key(f);
    CHECK(next != key);
    CHECK(room.phone_counts() == std::vector<std::int64_t>{0, 0, 0});
    CHECK(f.phone_votes() == std::vector<std::int64_t>{0, 0, 0});
    f.open_voting();
    sync_phones(f, room);
    CHECK(room.vote(a, key, {0}) == RoomResult::StaleQuestion);
    REQUIRE(room.vote(a, next, {0, 1}) == RoomResult::Ok); // a multiple-answer check
    sync_phones(f, room);
    CHECK(f.phone_votes() == std::vector<std::int64_t>{1, 1, 0});
}

TEST_CASE("going back to a decision gives the phones a new question to vote on") {
    Facilitation f(test::format_example(), test::example_setup(12));
    PhoneRoom room;
    const std::string a = room.join_with_secret(room.secret()).token;
    f.open_voting();
    sync_phones(f, room);
    const std::string first = phone_question_key(f);
    REQUIRE(room.vote(a, first, {2}) == RoomResult::Ok);
    lock_with_phones(f, room);
    f.reveal();
    f.take_majority(); // ignore: the phone's vote decided it
    f.advance();
    sync_phones(f, room);

    f.go_back(0); // the desk again, its votes as they were, revealed
    sync_phones(f, room);
    CHECK(f.phone_votes() == std::vector<std::int64_t>{0, 0, 1});
    const std::string again = phone_question_key(f);
    CHECK(again != first);
    CHECK(room.phone_counts() == std::vector<std::int64_t>{0, 0, 0});
    CHECK(room.vote(a, first, {1}) == RoomResult::StaleQuestion);
}
