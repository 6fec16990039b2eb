// The proof that the projector never shows presenter-only content: every
// scenario of the bundled courses is walked through the facilitation
// (support/facilitation_walk.hpp), taking every enabled choice at every
// decision (going back to explore each branch, as a facilitator would), and at every
// stage the AudienceState's strings are searched for the scenario's
// facilitator notes and discussion prompts, and, before the pick, for every
// choice's tier name and feedback. After a pick only the picked choice's
// rating and feedback may appear.
#include "classroom/facilitation.hpp"
#include "classroom/views.hpp"
#include "support/facilitation_walk.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace sightline;
using namespace sightline::classroom;

namespace {

// What the projector must not show, checked at every stage of a walk.
class AudienceProof {
  public:
    AudienceProof(const model::Bundle& bundle, const model::Scenario& scenario)
        : bundle_(bundle), scenario_(scenario) {
        for (const model::Node& node : scenario.nodes) {
            always_.insert(always_.end(), node.facilitator_notes.begin(),
                           node.facilitator_notes.end());
            always_.insert(always_.end(), node.discussion_prompts.begin(),
                           node.discussion_prompts.end());
        }
    }

    std::size_t checks = 0;
    std::size_t presenter_notes = 0;

    void check(const Facilitation& f) {
        ++checks;
        const model::Node& node = f.shown_run().node();
        const AudienceState a = audience_state(f);
        const std::vector<std::string> banned = forbidden(f);
        for (const std::string_view s : a.strings()) {
            for (const std::string& b : banned) {
                if (!b.empty() && s.find(b) != std::string_view::npos) {
                    FAIL_CHECK("scenario " << scenario_.id << ", node " << node.id << ", stage "
                                           << stage_name(f.stage()) << ": the audience shows '" << b
                                           << "' in '" << s << "'");
                }
            }
        }
        const bool revealed = f.stage() == Stage::Revealed || f.stage() == Stage::Feedback;
        const bool picked = f.stage() == Stage::Feedback;
        for (const AudienceChoice& c : a.choices) {
            CHECK(c.votes.has_value() == revealed);
            if (!picked) {
                CHECK_FALSE(c.chosen);
                CHECK_FALSE(c.correct.has_value());
                CHECK(c.feedback.empty());
            }
        }
        if (!picked) {
            CHECK(a.feedback.empty());
            CHECK(a.rating.empty());
            CHECK(a.noticed.empty());
        }
        // The control: the presenter does get the notes and prompts.
        const PresenterState p = presenter_state(f);
        CHECK(p.notes == node.facilitator_notes);
        CHECK(p.prompts == node.discussion_prompts);
        presenter_notes += p.notes.size();
    }

  private:
    // The strings that must not appear on the projector right now.
    std::vector<std::string> forbidden(const Facilitation& f) const {
        std::vector<std::string> out = always_;
        if (!f.at_question()) {
            return out;
        }
        const model::Node& node = f.shown_run().node();
        const runtime::ChoiceResult* picked = f.choice_result();
        for (const model::Choice& c : node.choices) {
            const std::string& tier_name = bundle_.tiers.at(c.tier_index).name;
            if (picked == nullptr) {
                out.push_back(c.feedback);
                out.push_back(tier_name);
            } else if (c.id != picked->choice_id) {
                if (c.feedback != picked->feedback) {
                    out.push_back(c.feedback);
                }
                if (tier_name != picked->tier_name) {
                    out.push_back(tier_name);
                }
            }
        }
        if (node.has_check() && f.check_result() == nullptr) {
            for (const model::CheckOption& o : node.check.options) {
                out.push_back(o.feedback);
            }
        }
        return out;
    }

    const model::Bundle& bundle_;
    const model::Scenario& scenario_;
    std::vector<std::string> always_;
};

} // namespace

TEST_CASE("the audience never shows presenter-only content, at any node of the bundled courses") {
    const model::Bundle& bundle = test::bundled_courses();
    REQUIRE(bundle.scenarios.size() >= 10);
    std::size_t notes = 0, checks = 0;
    for (const model::Scenario& scenario : bundle.scenarios) {
        CAPTURE(scenario.id);
        AudienceProof proof(bundle, scenario);
        test::FacilitationWalk walk;
        walk.at_stage = [&proof](const Facilitation& f) { proof.check(f); };
        walk.run(bundle, scenario);
        checks += proof.checks;
        notes += proof.presenter_notes;
        for (const model::Node& node : scenario.nodes) {
            CHECK_MESSAGE(walk.visited.contains(node.id),
                          "node " << node.id << " of " << scenario.id << " was never reached");
        }
    }
    MESSAGE(bundle.scenarios.size() << " scenarios, " << checks << " audience states checked");
    CHECK(notes > 0); // the bundled content does carry notes, so the proof means something
}

TEST_CASE("the audience sees votes only after the reveal and feedback only after the pick") {
    const model::Bundle& bundle = test::bundled_courses();
    Setup setup;
    setup.name = "Room 214";
    setup.scenario_id = "hotel.room-214";
    Facilitation f(bundle, setup);
    AudienceState a = audience_state(f);
    CHECK(a.session_name == "Room 214");
    CHECK(a.scenario_title == "Room 214, third extension");
    CHECK(a.paragraphs.at(0).text.find("It is 11 p.m.") == 0);
    REQUIRE(a.choices.size() == 4);
    CHECK(a.choices[0].key == "1");
    f.discuss();
    CHECK(audience_state(f).status == "Talk it over");
    f.open_voting();
    f.set_votes(0, 6);
    f.set_votes(1, 2);
    a = audience_state(f);
    CHECK(a.voting_open);
    CHECK_FALSE(a.tally_shown);
    CHECK(a.total_votes == 0);
    CHECK_FALSE(a.choices[0].votes.has_value());
    f.lock();
    a = audience_state(f);
    CHECK(a.status == "Voting is closed");
    CHECK_FALSE(a.choices[0].votes.has_value());
    f.reveal();
    a = audience_state(f);
    CHECK(a.tally_shown);
    CHECK(a.total_votes == 8);
    CHECK(a.choices[0].votes == 6);
    CHECK(a.choices[0].percent == 75);
    CHECK(a.feedback.empty());
    f.take_majority();
    a = audience_state(f);
    CHECK(a.picked);
    CHECK(a.room_choice);
    CHECK(a.choices[0].chosen);
    CHECK(a.rating == "Best response");
    CHECK(a.feedback.find("Good. One moment at the desk") == 0);
    CHECK(a.noticed.size() == 6);
}
