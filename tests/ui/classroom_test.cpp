// Classroom facilitator mode in the desktop player: the setup form, the
// audience and presenter views drawn from the classroom view-models, the
// keyboard flow, and proof that the audience view never draws presenter-only
// text. Real bundled courses, a real SQLite store, a headless ImGui.
#include "classroom_room.hpp"
#include "model/link.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <set>

namespace sightline::test {

TEST_CASE("classroom: the course map offers Run in classroom, the setup form needs a name") {
    Room r("classroom-setup");
    ui::Intent l;
    l.kind = IntentKind::CreateLearner;
    l.learner.name = "Sam Rivera";
    r.player.apply(l);
    r.player.apply(intent(IntentKind::OpenCourse, "hotel"));
    r.ui.frames(r.screen(), 2);
    REQUIRE(r.ui.shows("Run in classroom"));
    const ui::Intent clicked = r.ui.click(r.screen(), "Run in classroom");
    CHECK(clicked.kind == IntentKind::ClassroomSetup);
    r.player.apply(clicked);
    REQUIRE(r.screen().id == ui::ScreenId::ClassroomSetup);
    r.ui.frames(r.screen(), 2);
    CHECK(r.ui.shows("Session name (required)"));
    CHECK(r.ui.shows("Facilitator (optional)"));
    CHECK(r.ui.shows("People in the room"));

    ui::Intent start;
    start.kind = IntentKind::StartClassroom;
    start.classroom.name = "   ";
    r.player.apply(start);
    CHECK(r.screen().id == ui::ScreenId::ClassroomSetup);
    CHECK(r.screen().classroom_setup.error.find("name") != std::string::npos);
    CHECK(r.player.facilitation() == nullptr);

    start.classroom = {"Morning huddle", "", 8};
    r.player.apply(start);
    REQUIRE(r.screen().id == ui::ScreenId::Classroom);
    CHECK(r.f().recorded()); // a classroom attempt in the records
    CHECK(r.f().setup().head_count == 8);
    CHECK_FALSE(r.f().attempt_id().empty());
    const std::optional<records::Attempt> attempt = r.store->attempt(r.f().attempt_id());
    REQUIRE(attempt.has_value());
    CHECK(attempt->mode == records::Mode::Classroom);
}

TEST_CASE("classroom: open, vote, lock, reveal, pick and go back with the keyboard only") {
    Room r("classroom-keys");
    r.open("hotel", "hotel.room-214");
    using classroom::Stage;
    CHECK(r.f().stage() == Stage::Situation);
    r.key("d");
    CHECK(r.f().stage() == Stage::Discussion);
    r.key("pagedown"); // forward: open voting
    REQUIRE(r.f().stage() == Stage::Voting);
    r.keys({"1", "+", "+", "+", "2", "+", "=", "-", "+"});
    CHECK(r.f().votes()[0] == 3);
    CHECK(r.f().votes()[1] == 2);
    r.key("l");
    CHECK(r.f().stage() == Stage::Locked);
    CHECK(r.audience_text().find("3 votes") == std::string::npos); // hidden until reveal
    r.key("r");
    CHECK(r.f().stage() == Stage::Revealed);
    CHECK(r.audience_text().find("3 votes \u00B7 60%") != std::string::npos);
    r.keys({"2", "enter"}); // the facilitator overrides the majority
    REQUIRE(r.f().stage() == Stage::Feedback);
    REQUIRE(r.f().decided().has_value());
    CHECK(*r.f().decided() == classroom::Decided::Override);
    const std::string chosen = r.f().path().front().chosen.front();
    r.key("right"); // forward: continue
    CHECK(r.f().stage() != Stage::Feedback);
    r.key("pageup"); // back to the decision, a new branch
    CHECK(r.f().stage() == Stage::Revealed);
    CHECK(r.f().branch() == 1);
    r.key("m"); // this time the room's majority
    REQUIRE(r.f().stage() == Stage::Feedback);
    CHECK(*r.f().decided() == classroom::Decided::Majority);
    CHECK(r.f().path().front().chosen.front() != chosen);
    CHECK(r.f().log().size() == 2); // both branches recorded

    // Tab switches the views; a refused step is said in a sentence. Only the
    // audience view enlarges glyphs (so the shell filters the atlas for it).
    CHECK(r.screen().classroom.presenter_view);
    CHECK_FALSE(ui::scales_glyphs(r.screen()));
    r.key("tab");
    CHECK_FALSE(r.screen().classroom.presenter_view);
    CHECK(ui::scales_glyphs(r.screen()));
    r.key("f5");
    CHECK(r.screen().classroom.presenter_view);
    r.key("l");
    CHECK_FALSE(r.screen().classroom.error.empty());
    CHECK(r.presenter_text().find(r.screen().classroom.error) != std::string::npos);

    // Esc asks; Esc again stays; Esc then Enter leaves to the course map.
    r.key("escape");
    CHECK(r.screen().classroom.confirm_leave);
    CHECK(r.presenter_text().find("Leave this classroom session?") != std::string::npos);
    r.key("escape");
    CHECK_FALSE(r.screen().classroom.confirm_leave);
    r.keys({"escape", "enter"});
    CHECK(r.screen().id == ui::ScreenId::CourseMap);
    CHECK(r.player.facilitation() == nullptr);
}

TEST_CASE("classroom: the audience view never draws presenter-only text, at any stage") {
    for (const char* scenario_id : {"hotel.room-214", "hotel.laundry-room"}) {
        CAPTURE(scenario_id);
        Room r("classroom-audience");
        r.open("hotel", scenario_id, 0);
        const model::Scenario* scenario = model::find_by_id(courses().model.scenarios, scenario_id);
        REQUIRE(scenario != nullptr);
        std::set<std::string> secret; // anywhere, at any time
        for (const model::Node& node : scenario->nodes) {
            secret.insert(node.facilitator_notes.begin(), node.facilitator_notes.end());
            secret.insert(node.discussion_prompts.begin(), node.discussion_prompts.end());
        }
        REQUIRE_FALSE(secret.empty());
        std::set<std::string> tiers;
        for (const model::Tier& t : courses().model.tiers) {
            tiers.insert(t.name);
        }
        int notes_seen_by_presenter = 0;
        int stages_checked = 0;
        const auto check_now = [&] {
            const classroom::Facilitation& f = r.f();
            const std::string audience = r.audience_text();
            ++stages_checked;
            CAPTURE(classroom::stage_name(f.stage()));
            CAPTURE(f.shown_run().node().id);
            for (const std::string& s : secret) {
                CHECK_MESSAGE(audience.find(s) == std::string::npos, s);
            }
            const bool picked = f.stage() == classroom::Stage::Feedback;
            if (!picked && f.stage() != classroom::Stage::Ended) {
                for (const std::string& t : tiers) {
                    CHECK_MESSAGE(audience.find(t) == std::string::npos, t);
                }
                const model::Node& node = f.shown_run().node();
                for (const model::Choice& c : node.choices) {
                    if (!c.feedback.empty()) {
                        CHECK_MESSAGE(audience.find(c.feedback) == std::string::npos, c.feedback);
                    }
                }
                for (const model::CheckOption& o : node.check.options) {
                    if (!o.feedback.empty()) {
                        CHECK_MESSAGE(audience.find(o.feedback) == std::string::npos, o.feedback);
                    }
                }
            }
            const std::string presenter = r.presenter_text();
            for (const std::string& s : secret) {
                notes_seen_by_presenter += presenter.find(s) != std::string::npos ? 1 : 0;
            }
        };
        for (int guard = 0; guard < 300 && !r.f().finished(); ++guard) {
            const classroom::Stage stage = r.f().stage();
            check_now();
            using classroom::Stage;
            switch (stage) {
            case Stage::Situation:
                r.player.apply(step(ui::ClassroomStep::Discuss));
                break;
            case Stage::Discussion:
                r.player.apply(step(ui::ClassroomStep::OpenVoting));
                break;
            case Stage::Voting: {
                const classroom::PresenterState& p = r.screen().classroom.presenter;
                for (std::size_t i = 0; i < p.choices.size(); ++i) {
                    if (p.choices[i].enabled) {
                        r.player.apply(step(ui::ClassroomStep::VoteUp, static_cast<int>(i)));
                        break;
                    }
                }
                r.player.apply(step(ui::ClassroomStep::Lock));
                break;
            }
            case Stage::Locked:
                r.player.apply(step(ui::ClassroomStep::Reveal));
                break;
            case Stage::Revealed:
                r.player.apply(step(ui::ClassroomStep::Majority));
                break;
            default:
                r.player.apply(step(ui::ClassroomStep::Forward));
                break;
            }
            REQUIRE_MESSAGE(r.screen().classroom.error.empty(), r.screen().classroom.error);
        }
        CHECK(r.f().finished());
        CHECK(stages_checked > 8);
        CHECK(notes_seen_by_presenter > 0); // the check above can see them
        // The end: the report is saved and its paths shown.
        const ui::ClassroomState& c = r.screen().classroom;
        REQUIRE_FALSE(c.report_csv.empty());
        CHECK(std::filesystem::exists(c.report_csv));
        CHECK(std::filesystem::exists(c.report_pdf));
        CHECK(std::filesystem::path(c.report_csv).parent_path() == r.dir / "classroom-reports");
        CHECK(r.presenter_text().find(c.report_pdf) != std::string::npos);
    }
}

TEST_CASE("classroom: the audience view fits 1280x720 and 1920x1080 after the reveal") {
    for (const ImVec2 size : {ImVec2{1280, 720}, ImVec2{1920, 1080}}) {
        Room r("classroom-fit", size);
        r.open("hotel", "hotel.room-214");
        r.player.apply(step(ui::ClassroomStep::OpenVoting));
        r.player.apply(step(ui::ClassroomStep::VoteUp, 0));
        r.player.apply(step(ui::ClassroomStep::Lock));
        r.player.apply(step(ui::ClassroomStep::Reveal));
        r.screen().classroom.presenter_view = false;
        r.ui.frames(r.screen(), 2);
        REQUIRE_FALSE(r.ui.drawn().empty());
        for (const ui::DrawnText& t : r.ui.drawn()) {
            CAPTURE(t.text);
            CHECK(t.max.x <= size.x + 0.5f);
            CHECK(t.max.y <= size.y + 0.5f);
            CHECK(t.min.x >= 0);
        }
        CHECK_FALSE(r.ui.shows("Get help / report")); // no controls on the projector
    }
}

TEST_CASE("classroom: with the projector window open, this window keeps the presenter view and "
          "the projector window draws the audience view alone") {
    Room r("classroom-projector");
    r.open("hotel", "hotel.room-214");
    r.player.apply(step(ui::ClassroomStep::Discuss));
    r.ui.frames(r.screen(), 2);
    CHECK(r.ui.shows("Projector window (P)"));
    const ui::Intent p = r.ui.press(r.screen(), "p");
    CHECK(p.kind == IntentKind::ToggleProjector); // the shell's to act on
    r.player.apply(p);                            // the controller leaves it alone
    CHECK_FALSE(r.screen().classroom.projector_window);

    r.screen().classroom.projector_window = true; // as the shell sets it
    r.screen().classroom.presenter_view = false;  // Tab pressed before: no matter now
    CHECK_FALSE(ui::scales_glyphs(r.screen()));
    r.ui.frames(r.screen(), 2);
    CHECK(r.ui.shows("Close the projector window (P)"));
    CHECK(r.ui.shows("Facilitator notes")); // the presenter view, whatever Tab said
    const std::string presenter = r.ui.dump();

    r.player.apply(step(ui::ClassroomStep::Leave)); // asked on the laptop, not on the wall
    r.ui.projector_frame(r.screen());
    const std::string projector = r.ui.dump();
    CHECK(projector.find(r.screen().classroom.audience.status) != std::string::npos);
    CHECK(projector.find(r.screen().classroom.audience.paragraphs.front().text) !=
          std::string::npos);
    for (const char* hidden : {"Facilitator notes", "Presenter view", "Leave this classroom",
                               "Projector window", "Discussion prompts"}) {
        CHECK_MESSAGE(projector.find(hidden) == std::string::npos, hidden);
    }
    for (const std::string& note : r.screen().classroom.presenter.notes) {
        CHECK_MESSAGE(projector.find(note) == std::string::npos, note);
    }
    CHECK(presenter.find("Leave this classroom") == std::string::npos);
}

} // namespace sightline::test
