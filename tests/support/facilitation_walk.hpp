// Walks a scenario through a facilitation as a facilitator exploring every
// branch would, for the proofs that the projector (audience_test.cpp) and the
// phones (phone_room_test.cpp; over HTTP, phone_crawl_test.cpp) never show
// presenter-only content.
#pragma once

#include "classroom/facilitation.hpp"
#include "model/model.hpp"

#include <cstddef>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::test {

// The bundled courses (scenarios/), compiled once per test process.
const model::Bundle& bundled_courses();

// At every question: discuss, open voting, enter votes, lock, reveal, then
// pick every enabled choice in turn (going back to the question for each) or
// answer a knowledge check once, and follow each pick into the rest of the
// story. A question reached again with the same variables and noticed
// indicators is not explored again; at most kMaxStates questions are.
struct FacilitationWalk {
    static constexpr std::size_t kMaxStates = 20000;

    // Called at every stage the walk reaches, after each step.
    std::function<void(const classroom::Facilitation&)> at_stage;
    // Called just before at_stage, with the facilitation itself: keeps
    // something in step with it (a room of phones: sync_phones()).
    std::function<void(classroom::Facilitation&)> before_stage;
    // Closes voting. Default: Facilitation::lock() (a room of phones:
    // lock_with_phones()).
    std::function<void(classroom::Facilitation&)> lock;
    // Enters the room's votes while voting is open; `enabled` holds the
    // indices that may take votes. Default: i + 1 hand votes for index i.
    std::function<void(classroom::Facilitation&, const std::vector<std::size_t>& enabled)>
        enter_votes;
    // The options a knowledge check is answered with. Default: the right ones.
    std::function<std::vector<std::string_view>(const model::Node&)> answer;

    // Walks `scenario` from its start in a dry-run facilitation.
    void run(const model::Bundle& bundle, const model::Scenario& scenario);

    std::set<std::string> visited; // node ids reached
    std::size_t questions = 0;     // questions explored

  private:
    void explore(classroom::Facilitation& f);
    void step(classroom::Facilitation& f) const;
    std::set<std::string> seen_;
};

} // namespace sightline::test
