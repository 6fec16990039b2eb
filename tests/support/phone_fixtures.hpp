// Shared pieces of the phone room and phone server tests: a clock the test
// moves by hand, and a question to publish.
#pragma once

#include "classroom/phone_room.hpp"

#include <atomic>
#include <cstdint>
#include <string>

namespace sightline::test {

// A monotonic clock the test moves by hand, safe to read from any thread.
struct FakeMs {
    std::atomic<std::int64_t> ms{5'000'000};
    classroom::PhoneRoomOptions options() {
        classroom::PhoneRoomOptions o;
        o.clock = [this] { return ms.load(); };
        return o;
    }
};

// A question of `n` choices with the key `key`, voting open or locked.
inline classroom::PhoneView question(const std::string& key, std::size_t n, bool open,
                                     bool multiple = false) {
    classroom::PhoneView v;
    v.question_key = key;
    v.stage = open ? "voting" : "locked";
    v.status = open ? "Voting is open" : "Votes are locked";
    v.title = "A test";
    v.paragraphs.push_back({"", "Something happens."});
    v.is_check = multiple;
    v.multiple = multiple;
    for (std::size_t i = 0; i < n; ++i) {
        classroom::PhoneChoice c;
        c.key = std::to_string(i + 1);
        c.text = "Choice " + std::to_string(i + 1);
        v.choices.push_back(std::move(c));
    }
    v.voting_open = open;
    return v;
}

} // namespace sightline::test
