#include "support/classroom_helpers.hpp"

#include <doctest/doctest.h>

namespace sightline::test {

classroom::Setup example_setup(std::int64_t head_count) {
    classroom::Setup setup;
    setup.name = "Night shift in-service";
    setup.facilitator = "Dana Okafor";
    setup.head_count = head_count;
    setup.course_id = "hotel-example";
    setup.scenario_id = "hotel.example";
    return setup;
}

void vote(classroom::Facilitation& f, const std::vector<std::int64_t>& counts) {
    if (f.stage() != classroom::Stage::Voting) {
        f.open_voting();
    }
    REQUIRE(counts.size() == f.option_count());
    for (std::size_t i = 0; i < counts.size(); ++i) {
        if (counts[i] != f.votes()[i]) { // a choice that is not available takes no votes
            f.set_votes(i, counts[i]);
        }
    }
    f.lock();
    f.reveal();
}

void play_example_session(classroom::Facilitation& f, FakeClock& clock) {
    // desk: ask-her, log-and-tell, ignore
    clock.seconds(20);
    f.discuss();
    clock.seconds(95);
    vote(f, {3, 7, 2});
    clock.seconds(10);
    f.take_majority(); // log-and-tell
    clock.seconds(30);
    f.advance();
    // check-signs (multi): id, answers, cash
    clock.seconds(45);
    vote(f, {11, 8, 3});
    clock.seconds(5);
    f.take_majority(); // id and answers: at least 6 of 12
    clock.seconds(20);
    f.advance(); // reported: the safe ending
    clock.seconds(60);
    f.go_back(0); // the desk again, votes as they were
    clock.seconds(40);
    f.pick("ask-her");
    clock.seconds(15);
    f.advance(); // tense: a passage
    clock.seconds(10);
    f.advance(); // unsafe-end
}

} // namespace sightline::test
