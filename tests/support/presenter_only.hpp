// What a phone must never receive from a scenario, and what it must, at each
// stage of its facilitation: the rules shared by the phone room's proof
// (classroom/phone_room_test.cpp, the JSON of every scenario's every stage)
// and the crawler (classroom/phone_crawl_test.cpp, every endpoint over HTTP).
#pragma once

#include "classroom/facilitation.hpp"
#include "model/model.hpp"

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::test {

class PresenterOnly {
  public:
    PresenterOnly(const model::Bundle& bundle, const model::Scenario& scenario);

    struct Rules {
        // Text that must not reach a phone now: every facilitator note and
        // discussion prompt of the scenario, every tier name, and the feedback
        // of every choice and check option, except, once the room has picked,
        // the feedback of what it picked.
        std::vector<std::string> banned;
        // Text that must reach a phone now: the picked feedback.
        std::vector<std::string> required;
    };
    Rules rules(const classroom::Facilitation& f) const;
    // Every string rules() may ban at some stage, each once, sorted.
    const std::vector<std::string>& everything() const { return everything_; }

    // Values no JSON string a phone receives may equal: the tier ids and the
    // score dimensions' ids and names (a rating or a score), and the ids of
    // the scenario's nodes, choices and check options (the presenter names
    // the best choice by its id). Whole values only: a tier id such as "poor"
    // is also an ordinary word of the story.
    const std::set<std::string>& banned_values() const { return values_; }

    // How many notes and prompts the scenario has.
    std::size_t notes() const { return notes_; }

  private:
    std::vector<std::string> always_;
    std::vector<std::string> everything_;
    std::set<std::string> values_;
    std::size_t notes_ = 0;
};

// A knowledge check's answer for FacilitationWalk::answer: a wrong option
// where there is one, so that the feedback of the options not picked (often
// the right ones) must stay off the phone.
std::vector<std::string_view> wrong_answer(const model::Node& node);

// A string as it appears inside a JSON string (quotes and backslashes
// escaped), to search JSON text for it.
std::string as_json_text(std::string_view s);

// The members a phone's view (PhoneRoom::view_json()) may have, and each of
// its choices: a new member must be added here on purpose.
extern const std::set<std::string> kPhoneViewMembers;
extern const std::set<std::string> kPhoneChoiceMembers;

} // namespace sightline::test
