// The facilitation flow on a dry run (no store): stages, votes, the majority,
// overrides, ties, going back, knowledge checks, timings and the presenter's
// view of it all.
#include "classroom/facilitation.hpp"
#include "classroom/views.hpp"
#include "runtime/errors.hpp"
#include "support/classroom_helpers.hpp"
#include "support/scenario_fixtures.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace sightline;
using namespace sightline::classroom;
using sightline::test::FakeClock;
using sightline::test::refuses;

namespace {

bool has(const std::vector<Control>& controls, Control c) {
    return std::find(controls.begin(), controls.end(), c) != controls.end();
}

// A decision with a disabled choice, then a single-answer check.
const model::Bundle& small_bundle() {
    static const model::Bundle bundle =
        test::compile_scn(test::scenario_header("t.room", "The room") + R"(var open: bool = false

== start
A guest arrives at the desk.
note: Presenter-only note.
discuss: Presenter-only prompt?
* [watch] Watch and write it down. -> quiz
    tier: best
    feedback: Watching keeps everyone safe.
* [leave] Walk away. -> quiz
    tier: poor
    feedback: Walking away loses the chance to report.
* [open] Open the door. -> quiz
    tier: poor
    feedback: Nothing to open.
    if: open
    unavailable: disabled

== quiz
check single: Which one is right?
+ [right] The right one.
    feedback: Yes.
- [wrong] The wrong one.
    feedback: No.
score: recognition 1
-> end

== end
ending: done
debrief: Done.
)");
    return bundle;
}

Setup small_setup(std::int64_t head_count = 0) {
    Setup setup;
    setup.name = "Small room";
    setup.scenario_id = "t.room";
    setup.head_count = head_count;
    return setup;
}

} // namespace

TEST_CASE("the majority: most votes for decisions, half the room for multiple answers") {
    Tally t = tally_votes({2, 7, 1}, model::CheckKind::None, 12);
    CHECK(t.total == 10);
    CHECK(t.basis == 10);
    CHECK(t.leaders == std::vector<std::size_t>{1});
    CHECK_FALSE(t.tie);
    CHECK(t.has_answer());
    CHECK(decided_by(t, model::CheckKind::None, {1}) == Decided::Majority);
    CHECK(decided_by(t, model::CheckKind::None, {0}) == Decided::Override);

    t = tally_votes({4, 4, 1}, model::CheckKind::Single, 9);
    CHECK(t.tie);
    CHECK_FALSE(t.has_answer());
    CHECK(t.leaders == std::vector<std::size_t>{0, 1});
    CHECK(decided_by(t, model::CheckKind::Single, {1}) == Decided::TieBreak);
    CHECK(decided_by(t, model::CheckKind::Single, {2}) == Decided::Override);

    t = tally_votes({0, 0, 0}, model::CheckKind::None, 9);
    CHECK_FALSE(t.has_answer());
    CHECK(t.leaders.empty());
    CHECK(decided_by(t, model::CheckKind::None, {0}) == Decided::Override);

    // Multi with a head count of 10: at least 5 votes.
    t = tally_votes({8, 5, 4}, model::CheckKind::Multi, 10);
    CHECK(t.threshold == 5);
    CHECK(t.basis == 10); // shares of the room, not of the 17 votes
    CHECK(t.leaders == std::vector<std::size_t>{0, 1});
    CHECK(decided_by(t, model::CheckKind::Multi, {1, 0}) == Decided::Majority);
    CHECK(decided_by(t, model::CheckKind::Multi, {0}) == Decided::Override);
    // An odd head count rounds the half up: 4 of 7 is at least half, 3 is not.
    t = tally_votes({4, 3}, model::CheckKind::Multi, 7);
    CHECK(t.leaders == std::vector<std::size_t>{0});
    // Nobody reaches half: the room's answer is empty, and that is an answer.
    t = tally_votes({2, 1, 1}, model::CheckKind::Multi, 10);
    CHECK(t.leaders.empty());
    CHECK(t.has_answer());
    // Head count unknown: the most-voted option (6) stands in for the room.
    t = tally_votes({6, 3, 2}, model::CheckKind::Multi, 0);
    CHECK(t.threshold == 3);
    CHECK(t.basis == 6);
    CHECK(t.leaders == std::vector<std::size_t>{0, 1});
}

TEST_CASE("a decision goes from the situation through the vote to the majority's feedback") {
    FakeClock clock;
    Facilitation f(test::format_example(), test::example_setup(), nullptr, {}, clock.clock());
    CHECK_FALSE(f.recorded());
    CHECK(f.attempt_id().empty());
    CHECK(f.stage() == Stage::Situation);
    CHECK(f.run().node().id == "desk");
    CHECK(f.option_count() == 3);
    CHECK(f.forward_control() == Control::Discuss); // the desk has a discussion prompt

    f.discuss();
    CHECK(f.stage() == Stage::Discussion);
    f.open_voting();
    CHECK(f.stage() == Stage::Voting);
    for (int i = 0; i < 7; ++i) {
        f.vote_up(1);
    }
    f.vote_up(0);
    f.vote_up(0);
    f.set_votes(2, 3);
    CHECK(f.vote_down(2) == 2);
    CHECK(f.votes() == std::vector<std::int64_t>{2, 7, 2});
    f.lock();
    CHECK(f.stage() == Stage::Locked);
    f.reveal();
    CHECK(f.stage() == Stage::Revealed);
    CHECK(f.tally().leaders == std::vector<std::size_t>{1});
    CHECK(has(f.controls(), Control::TakeMajority));

    f.take_majority();
    CHECK(f.stage() == Stage::Feedback);
    REQUIRE(f.choice_result() != nullptr);
    CHECK(f.choice_result()->choice_id == "log-and-tell");
    CHECK(f.choice_result()->tier == "best");
    CHECK(f.decided() == Decided::Majority);
    // The room still sees the desk; the run has moved on.
    CHECK(f.shown_run().node().id == "desk");
    CHECK(f.run().node().id == "check-signs");
    REQUIRE(f.path().size() == 1);
    CHECK(f.path()[0].picked);
    CHECK(f.path()[0].chosen == std::vector<std::string>{"log-and-tell"});
    REQUIRE(f.log().size() == 1);
    CHECK(f.log()[0].votes.size() == 3);
    CHECK(f.log()[0].votes[1].id == "log-and-tell");
    CHECK(f.log()[0].votes[1].count == 7);
    CHECK(f.log()[0].branch == 0);

    f.advance();
    CHECK(f.stage() == Stage::Situation);
    CHECK(f.at_check());
    CHECK(f.shown_run().node().id == "check-signs");
    CHECK(f.option_count() == 3);
    CHECK(f.votes() == std::vector<std::int64_t>{0, 0, 0});
}

TEST_CASE("calls out of their stage are refused with a sentence") {
    Facilitation f(test::format_example(), test::example_setup());
    refuses([&] { f.vote_up(0); }, "voting is not open; open voting before entering votes.");
    refuses([&] { f.lock(); }, "cannot lock voting now: voting has not been opened yet.");
    refuses([&] { f.reveal(); }, "cannot reveal the tally now");
    refuses([&] { f.take_majority(); }, "cannot take the majority now");
    refuses([&] { f.pick("ignore"); }, "cannot pick a choice now");
    refuses([&] { f.advance(); }, "cannot continue now: voting has not been opened yet.");
    refuses([&] { f.finish(); }, "cannot finish the session now");
    refuses([&] { f.back(); }, "there is no earlier decision to go back to.");
    refuses([&] { f.go_back(0); }, "decision 1 is the current one");
    refuses([&] { f.go_back(3); }, "there is no decision 4 on this path; it has 1.");
    f.open_voting();
    refuses([&] { f.reveal(); }, "voting is still open; lock it first.");
    refuses([&] { f.discuss(); }, "cannot start the discussion now");
    refuses([&] { f.vote_up(3); }, "there is no choice 4 here; there are 3.");
    refuses([&] { f.set_votes(0, -1); }, "a vote count cannot be negative (-1).");
    f.lock();
    refuses([&] { f.vote_up(0); }, "voting is locked; unlock it to change the votes.");
    refuses([&] { f.clear_votes(); }, "cannot clear the votes now");
    f.reveal();
    refuses([&] { f.pick("nope"); }, "there is no choice 'nope' at this decision.");
    refuses([&] { f.pick_options({"id"}); }, "this is a decision; pick a choice instead");
    f.pick("ignore");
    refuses([&] { f.pick("ignore"); }, "the pick has been made; continue, or go back");
    f.advance();
    CHECK(f.stage() == Stage::Ended);
    refuses([&] { f.open_voting(); }, "the scenario has ended; go back to explore another branch");
    refuses([&] { f.forward(); }, "the scenario has ended");
}

TEST_CASE("vote counts never go below zero and can be corrected while voting is open") {
    Facilitation f(test::format_example(), test::example_setup());
    f.open_voting();
    CHECK(f.vote_down(0) == 0);
    CHECK(f.vote_up(0) == 1);
    CHECK(f.vote_down(0) == 0);
    CHECK(f.vote_down(0) == 0);
    f.set_votes(1, 12);
    f.clear_votes();
    CHECK(f.votes() == std::vector<std::int64_t>{0, 0, 0});
    f.set_votes(1, 5);
    f.lock();
    f.unlock(); // reopened: the counts are kept
    CHECK(f.stage() == Stage::Voting);
    CHECK(f.votes()[1] == 5);
    f.vote_up(1);
    f.lock();
    f.reveal();
    f.unlock(); // after the reveal too
    CHECK(f.stage() == Stage::Voting);
    CHECK(f.votes()[1] == 6);
}

TEST_CASE("votes for and picks of a choice that is not available are refused") {
    Facilitation f(small_bundle(), small_setup());
    REQUIRE(f.option_count() == 3);
    CHECK_FALSE(f.run().choices()[2].enabled);
    f.open_voting();
    refuses([&] { f.vote_up(2); }, "choice 3 is not available here and cannot take votes.");
    f.set_votes(0, 1);
    f.lock();
    f.reveal();
    refuses([&] { f.pick("open"); }, "choice 'open' is not available here.");
}

TEST_CASE("the facilitator can override the majority with any enabled choice") {
    Facilitation f(test::format_example(), test::example_setup());
    test::vote(f, {1, 9, 2});
    CHECK(has(f.controls(), Control::Pick));
    f.pick("ignore");
    CHECK(f.decided() == Decided::Override);
    REQUIRE(f.choice_result() != nullptr);
    CHECK(f.choice_result()->tier == "poor");
    CHECK(f.path()[0].decided == Decided::Override);
    // Picking the majority explicitly counts as the majority.
    Facilitation g(test::format_example(), test::example_setup());
    test::vote(g, {1, 9, 2});
    g.pick("log-and-tell");
    CHECK(g.decided() == Decided::Majority);
}

TEST_CASE("a tie refuses the majority and needs an explicit pick") {
    Facilitation f(test::format_example(), test::example_setup());
    test::vote(f, {5, 5, 2});
    CHECK(f.tally().tie);
    CHECK_FALSE(has(f.controls(), Control::TakeMajority));
    CHECK_FALSE(f.forward_control().has_value());
    refuses([&] { f.take_majority(); },
            "the vote is tied between 1 (ask-her) and 2 (log-and-tell) with 5 votes each; pick "
            "one of them, or any other choice.");
    refuses([&] { f.forward(); }, "the vote is tied");
    const PresenterState p = presenter_state(f);
    CHECK(p.tie);
    CHECK(p.tally_summary == "Tied: 1 (ask-her), 2 (log-and-tell) with 5 votes each. Pick one.");
    CHECK(p.choices[0].leading);
    CHECK(p.choices[1].leading);
    CHECK_FALSE(p.choices[2].leading);
    f.pick("log-and-tell");
    CHECK(f.decided() == Decided::TieBreak);
}

TEST_CASE("with no votes the majority is refused and any pick is the facilitator's") {
    Facilitation f(test::format_example(), test::example_setup());
    test::vote(f, {0, 0, 0});
    refuses([&] { f.take_majority(); }, "no votes have been entered");
    f.pick("log-and-tell");
    CHECK(f.decided() == Decided::Override);
}

TEST_CASE("going back restores the decision with its votes and starts a new branch") {
    FakeClock clock;
    Facilitation f(test::format_example(), test::example_setup(), nullptr, {}, clock.clock());
    test::play_example_session(f, clock);
    CHECK(f.stage() == Stage::Ended);
    CHECK(f.run().node().id == "unsafe-end");
    CHECK(f.branch() == 1);
    REQUIRE(f.path().size() == 1);
    CHECK(f.path()[0].chosen == std::vector<std::string>{"ask-her"});
    CHECK(f.path()[0].decided == Decided::Override);
    REQUIRE(f.log().size() == 3);
    CHECK(f.log()[0].branch == 0);
    CHECK(f.log()[1].branch == 0);
    CHECK(f.log()[2].branch == 1);
    CHECK(f.log()[2].node_id == "desk");
    CHECK(f.log()[2].response == std::vector<std::string>{"ask-her"});
    CHECK(f.log()[2].votes[1].count == 7); // the room's votes, kept when going back

    // Back again, to the same decision: a third branch, at the revealed tally.
    f.back();
    CHECK(f.branch() == 2);
    CHECK(f.stage() == Stage::Revealed);
    CHECK(f.shown_run().node().id == "desk");
    CHECK(f.votes() == std::vector<std::int64_t>{3, 7, 2});
    CHECK_FALSE(f.path()[0].picked);
    // The revisited run is the one from before the pick: nothing noticed yet.
    CHECK(f.run().state().noticed.empty());
    f.take_majority();
    f.advance();
    CHECK(f.shown_run().node().id == "check-signs");
    CHECK(f.path().size() == 2);

    // Going back from an open question skips to the decision before it.
    f.back();
    CHECK(f.branch() == 3);
    CHECK(f.path().size() == 1);
    CHECK(f.shown_run().node().id == "desk");
}

TEST_CASE("multiple-answer checks: every option voted for by at least half the head count") {
    Facilitation f(test::format_example(), test::example_setup(10));
    test::vote(f, {0, 10, 0});
    f.take_majority();
    f.advance();
    REQUIRE(f.at_check());
    f.open_voting();
    f.set_votes(0, 8); // id
    f.set_votes(1, 5); // answers
    f.set_votes(2, 4); // cash
    f.lock();
    f.reveal();
    CHECK(f.tally().threshold == 5);
    CHECK(presenter_state(f).choices[0].percent == 80); // 8 of the 10 people
    f.take_majority();
    REQUIRE(f.check_result() != nullptr);
    CHECK(f.check_result()->correct);
    CHECK(f.path()[1].chosen == std::vector<std::string>{"id", "answers"});
    CHECK(f.decided() == Decided::Majority);
    CHECK(f.log().back().kind == records::EventKind::Answer);
    CHECK(f.log().back().response == std::vector<std::string>{"id", "answers"});
    CHECK(f.log().back().correct);
    f.advance();
    CHECK(f.stage() == Stage::Ended);
    CHECK(f.run().node().id == "reported");
}

TEST_CASE("multiple-answer checks without a head count, and overriding the room's answer") {
    Facilitation f(test::format_example(), test::example_setup(0));
    test::vote(f, {0, 3, 0});
    f.take_majority();
    f.advance();
    test::vote(f, {6, 2, 3}); // the room is at least 6: 3 votes are half of it
    CHECK(f.tally().leaders == std::vector<std::size_t>{0, 2});
    refuses([&] { f.pick("id"); }, "this is a knowledge check; pick options instead");
    refuses([&] { f.pick_options({"id", "id"}); }, "option 'id' is picked twice.");
    refuses([&] { f.pick_options({"nope"}); }, "there is no option 'nope' in this question.");
    f.pick_options({"answers", "id"});
    CHECK(f.decided() == Decided::Override);
    REQUIRE(f.check_result() != nullptr);
    CHECK(f.check_result()->correct);
}

TEST_CASE("single-answer checks take the most-voted option, and a tie needs a pick") {
    Facilitation f(small_bundle(), small_setup());
    test::vote(f, {2, 1, 0});
    f.take_majority();
    f.advance();
    REQUIRE(f.at_check());
    CHECK(f.shown_run().node().check.kind == model::CheckKind::Single);
    test::vote(f, {3, 3});
    refuses([&] { f.take_majority(); }, "the vote is tied between 1 (right) and 2 (wrong)");
    refuses(
        [&] {
            f.pick_options({"right", "wrong"});
        },
        "this question takes exactly one answer, not 2.");
    f.pick_options({"wrong"});
    CHECK(f.decided() == Decided::TieBreak);
    REQUIRE(f.check_result() != nullptr);
    CHECK_FALSE(f.check_result()->correct);
    f.go_back(1);
    f.unlock();
    f.set_votes(0, 4);
    f.lock();
    f.reveal();
    f.take_majority();
    CHECK(f.check_result()->correct);
    CHECK(f.log().back().branch == 1);
}

TEST_CASE("forward walks the natural flow and back returns to the last decision") {
    FakeClock clock;
    Facilitation f(test::format_example(), test::example_setup(), nullptr, {}, clock.clock());
    f.forward(); // discuss
    CHECK(f.stage() == Stage::Discussion);
    f.forward(); // open voting
    CHECK(f.stage() == Stage::Voting);
    f.set_votes(1, 4);
    f.forward(); // lock
    f.forward(); // reveal
    CHECK(f.stage() == Stage::Revealed);
    f.forward(); // the majority
    CHECK(f.stage() == Stage::Feedback);
    f.forward(); // continue to the check, which has no discussion prompt
    CHECK(f.forward_control() == Control::OpenVoting);
    f.forward();
    CHECK(f.stage() == Stage::Voting);
    f.back(); // the desk, picked: revisit it
    CHECK(f.shown_run().node().id == "desk");
    CHECK(f.stage() == Stage::Revealed);
}

TEST_CASE("every pick records how long the room took from the question being shown") {
    FakeClock clock;
    Facilitation f(test::format_example(), test::example_setup(), nullptr, {}, clock.clock());
    test::play_example_session(f, clock);
    REQUIRE(f.log().size() == 3);
    CHECK(f.log()[0].time_on_node_ms == 125000); // 20 + 95 + 10 seconds
    CHECK(f.log()[1].time_on_node_ms == 50000);  // 45 + 5
    CHECK(f.log()[2].time_on_node_ms == 40000);  // from going back to the pick
    CHECK(f.log()[0].time == test::kSessionStart + 125000);
}

TEST_CASE("a session needs a name and a head count that is not negative") {
    Setup setup = test::example_setup();
    setup.name = "  ";
    refuses([&] { Facilitation f(test::format_example(), setup); },
            "a classroom session needs a name");
    setup = test::example_setup(-3);
    refuses([&] { Facilitation f(test::format_example(), setup); },
            "the head count cannot be negative (-3)");
    setup = test::example_setup();
    setup.scenario_id = "nope";
    CHECK_THROWS_AS(Facilitation(test::format_example(), setup), runtime::RunError);
    Facilitation f(test::format_example(), test::example_setup());
    refuses([&] { f.set_head_count(-1); }, "the head count cannot be negative (-1)");
    f.set_head_count(20);
    CHECK(f.setup().head_count == 20);
}

TEST_CASE("finishing a dry run at an ending closes it") {
    Facilitation f(test::format_example(), test::example_setup());
    test::vote(f, {0, 0, 4});
    f.take_majority();
    f.advance();
    CHECK(f.stage() == Stage::Ended);
    CHECK(f.controls() == std::vector<Control>{Control::Finish, Control::GoBack});
    f.finish();
    CHECK(f.finished());
    CHECK(f.controls().empty());
    refuses([&] { f.go_back(0); }, "the session has finished");
}

TEST_CASE("the presenter sees notes, prompts, the best choice and why, and the tally") {
    FakeClock clock;
    Facilitation f(test::format_example(), test::example_setup(), nullptr, {}, clock.clock());
    clock.seconds(30);
    PresenterState p = presenter_state(f);
    CHECK(p.session_name == "Night shift in-service");
    CHECK(p.facilitator == "Dana Okafor");
    CHECK(p.head_count == 12);
    CHECK(p.node_id == "desk");
    CHECK(p.notes ==
          std::vector<std::string>{"Pause here. Ask the room what they noticed before anyone "
                                   "chooses."});
    CHECK(p.prompts == std::vector<std::string>{
                           "Which details would you write down, and which would you leave out?"});
    CHECK(p.best == std::vector<std::string>{"log-and-tell"});
    CHECK(p.best_why == "You kept everyone safe and passed it on through the right channel.");
    REQUIRE(p.choices.size() == 3);
    CHECK(p.choices[0].tier_name == "Harmful");
    CHECK(p.choices[1].best);
    CHECK(p.tally_summary == "No votes yet.");
    CHECK(p.seconds_on_node == doctest::Approx(30));
    CHECK(p.forward == Control::Discuss);
    CHECK(p.controls ==
          std::vector<Control>{Control::Discuss, Control::OpenVoting, Control::Abandon});

    f.open_voting();
    f.set_votes(1, 9);
    f.set_votes(0, 4);
    p = presenter_state(f);
    CHECK(p.choices[1].votes == 9); // while voting, unlike the audience
    CHECK(p.choices[1].percent == 69);
    CHECK(p.tally_summary == "Majority: 2 (log-and-tell), 9 of 13 votes.");
    CHECK(p.warning == "13 votes, but the head count is 12.");
    f.set_votes(0, 3);
    f.lock();
    f.reveal();
    f.take_majority();
    p = presenter_state(f);
    CHECK(p.decided == Decided::Majority);
    CHECK(p.tier_name == "Best response");
    CHECK(p.choices[1].chosen);
    REQUIRE(p.score_changes.size() == 2);
    CHECK(p.score_changes[0].dimension == "Recognition");
    CHECK(p.score_changes[0].score == 2);
    CHECK(p.noticed.size() == 2);
    REQUIRE(p.path.size() == 1);
    CHECK(p.path[0].decided == "majority");
    CHECK(p.path[0].label.find("It is almost midnight.") == 0);
    CHECK(p.controls == std::vector<Control>{Control::Continue, Control::GoBack, Control::Abandon});
    f.advance();
    test::vote(f, {10, 10, 1});
    f.take_majority();
    f.advance();
    p = presenter_state(f);
    CHECK(p.stage == Stage::Ended);
    CHECK(p.outcome == "Reported safely");
    REQUIRE(p.scores.size() == 2);
    CHECK(p.scores[0].dimension == "Recognition");
    CHECK(p.scores[0].score == 4);
}
