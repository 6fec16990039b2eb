// libFuzzer target for what a phone sends the classroom phone server, without
// the network. The first byte picks a mode (its value modulo 3):
//   0: the rest is a vote request's body (parse_vote_body);
//   1: the rest is a join request's body (parse_join_body), then a join with
//      whatever secret or code it holds;
//   2: the rest drives PhoneRoom::vote: the next byte picks the question key
//      (the current one, a stale one, or the following bytes as text), the
//      bytes after it are options, for a single- or multiple-answer question.
// Parsers must never throw, and must refuse with a sentence or accept within
// their limits; a vote the room accepts must be counted exactly once.
#include "classroom/phone_room.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace sightline::classroom;

void check(bool ok) {
    if (!ok) {
        std::abort();
    }
}

PhoneRoom& room_for(bool multiple) {
    static PhoneRoom* rooms[2] = {nullptr, nullptr};
    PhoneRoom*& room = rooms[multiple ? 1 : 0];
    if (room == nullptr) {
        room = new PhoneRoom;
        PhoneView v;
        v.question_key = "q0-0";
        v.stage = "voting";
        v.voting_open = true;
        v.multiple = multiple;
        v.is_check = multiple;
        for (int i = 0; i < 5; ++i) {
            PhoneChoice c;
            c.key = std::to_string(i + 1);
            c.text = "Choice";
            c.enabled = i != 3;
            v.choices.push_back(c);
        }
        room->publish(v);
    }
    return *room;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
    switch (data[0] % 3) {
    case 0: {
        const ParsedVote p = parse_vote_body(rest);
        check(p.vote.has_value() == p.error.empty());
        if (p.vote) {
            check(rest.size() <= kMaxVoteBodyBytes && !p.vote->question.empty() &&
                  p.vote->options.size() <= kMaxVoteOptions);
            for (const std::size_t o : p.vote->options) {
                check(o < kMaxVoteOptions);
            }
        }
        break;
    }
    case 1: {
        const ParsedJoin p = parse_join_body(rest);
        check(p.join.has_value() == p.error.empty());
        if (p.join) {
            check(rest.size() <= kMaxJoinBodyBytes);
            check(p.join->secret.empty() != p.join->code.empty());
            PhoneRoom& room = room_for(false);
            const JoinResult joined = p.join->secret.empty()
                                          ? room.join_with_code(p.join->code)
                                          : room.join_with_secret(p.join->secret);
            // Random bytes are not the session's secret or code (a 1 in a
            // million code guess could be; then the token must work).
            check(!joined.ok() || room.rejoin(joined.token));
        }
        break;
    }
    default: {
        if (rest.empty()) {
            break;
        }
        const bool multiple = (rest[0] & 1) != 0;
        PhoneRoom& room = room_for(multiple);
        static std::string token;
        static std::string multiple_token;
        std::string& mine = multiple ? multiple_token : token;
        if (mine.empty()) {
            mine = room.join_with_secret(room.secret()).token;
        }
        std::string key;
        std::size_t at = 1;
        switch ((static_cast<unsigned char>(rest[0]) >> 1) % 3) {
        case 0:
            key = "q0-0";
            break;
        case 1:
            key = "q0-1";
            break;
        default: {
            const std::size_t n = rest.size() > 1 ? static_cast<unsigned char>(rest[1]) % 16 : 0;
            key = std::string(rest.substr(std::min<std::size_t>(2, rest.size()), n));
            at = 2 + n;
            break;
        }
        }
        std::vector<std::size_t> options;
        for (std::size_t i = at; i < rest.size(); ++i) {
            options.push_back(static_cast<unsigned char>(rest[i]));
        }
        const RoomResult result = room.vote(mine, key, options);
        std::int64_t total = 0;
        for (const std::int64_t c : room.phone_counts()) {
            total += c;
        }
        if (result == RoomResult::Ok) {
            check(key == "q0-0");
            check(total == static_cast<std::int64_t>(options.size()));
        }
        check(room.voters() <= 1);
        break;
    }
    }
    return 0;
}
