#include "ui/script.hpp"

#include <doctest/doctest.h>

namespace sightline::test {

TEST_CASE("a screenshot script reads as intents and keys") {
    const ui::Script script = ui::parse_script("# to the feedback card\n"
                                               "learner Sam Rivera\n"
                                               "\n"
                                               "course hotel\n"
                                               "start hotel.room-214\n"
                                               "begin\n"
                                               "choose log\n"
                                               "answer a c\n"
                                               "theme high-contrast\n"
                                               "scale 150\n"
                                               "key 2\n"
                                               "key ctrl+=\n"
                                               "help\n");
    REQUIRE(script.error.empty());
    REQUIRE(script.steps.size() == 11);
    CHECK(script.steps[0].intent.kind == ui::IntentKind::CreateLearner);
    CHECK(script.steps[0].intent.learner.name == "Sam Rivera");
    CHECK(script.steps[1].line == 4);
    std::vector<std::string> described;
    for (const ui::ScriptStep& step : script.steps) {
        described.push_back(step.key.empty() ? ui::describe(step.intent) : "key " + step.key);
    }
    CHECK(described == std::vector<std::string>{"learner Sam Rivera", "course hotel",
                                                "start hotel.room-214", "begin", "choose log",
                                                "answer a c", "theme high-contrast", "scale 150",
                                                "key 2", "key ctrl+=", "help"});
}

TEST_CASE("script errors name the line") {
    CHECK(ui::parse_script("begin\nfly away\n").error == "line 2: unknown step 'fly'");
    CHECK(ui::parse_script("choose\n").error == "line 1: 'choose' needs one id");
    CHECK(ui::parse_script("theme purple").error.starts_with("line 1: 'theme' needs"));
    CHECK(ui::parse_script("scale 300").error.starts_with("line 1: 'scale' needs"));
    CHECK(ui::parse_script("key hyper").error.starts_with("line 1: 'key' needs"));
    CHECK(ui::parse_script("begin now").error.starts_with("line 1: 'begin' takes"));
    CHECK(ui::parse_script("learner   ").error == "line 1: 'learner' needs a name");
    CHECK(ui::parse_script("begin\nclassroom fly")
              .error.starts_with(
                  "line 2: 'classroom' has no step 'fly'; the steps are forward, back, discuss,"));
    CHECK(ui::parse_script("classroom").error.starts_with("line 1: 'classroom' needs a step"));
    CHECK(ui::parse_script("classroom pick -1").error.starts_with("line 1: 'classroom' needs"));
}

TEST_CASE("classroom steps are typed and read back as the words they were written as") {
    for (const ui::ClassroomStep step : ui::classroom_steps()) {
        const std::string word(ui::classroom_step_word(step));
        CAPTURE(word);
        CHECK(ui::parse_classroom_step(word) == step);
        const ui::Script script =
            ui::parse_script("classroom " + word + "\nclassroom " + word + " 2\n");
        REQUIRE(script.error.empty());
        REQUIRE(script.steps.size() == 2);
        CHECK(script.steps[0].intent.kind == ui::IntentKind::Classroom);
        CHECK(script.steps[0].intent.step == step);
        CHECK(script.steps[0].intent.index == -1);
        CHECK(script.steps[1].intent.index == 2);
        CHECK(ui::describe(script.steps[0].intent) == "classroom " + word);
        CHECK(ui::describe(script.steps[1].intent) == "classroom " + word + " 2");
    }
    CHECK(ui::classroom_steps().size() == 24);
    CHECK_FALSE(ui::parse_classroom_step("Forward").has_value());
    CHECK(ui::classroom_step_word(ui::ClassroomStep::OpenVoting) == "open-voting");
    CHECK(ui::classroom_step_word(ui::ClassroomStep::RemovePhone) == "remove-phone");
    std::size_t phone_steps = 0;
    for (const ui::ClassroomStep step : ui::classroom_steps()) {
        phone_steps += ui::is_phone_step(step) ? 1 : 0;
    }
    CHECK(phone_steps == 6);
    CHECK_FALSE(ui::is_phone_step(ui::ClassroomStep::Lock));
}

TEST_CASE("a script opens the projector window and presses keys in it") {
    const ui::Script script = ui::parse_script("projector\nprojector-key pagedown\nkey l\n");
    REQUIRE(script.error.empty());
    REQUIRE(script.steps.size() == 3);
    CHECK(script.steps[0].intent.kind == ui::IntentKind::ToggleProjector);
    CHECK(ui::describe(script.steps[0].intent) == "projector");
    CHECK(script.steps[1].key == "pagedown");
    CHECK(script.steps[1].on_projector);
    CHECK_FALSE(script.steps[2].on_projector);
    CHECK(ui::parse_script("projector-key hyper")
              .error.starts_with("line 1: 'projector-key' needs a key name"));
}

TEST_CASE("a script starts a classroom session with or without phone voting") {
    const ui::Script script = ui::parse_script(
        "classroom-start 12 Night shift\nclassroom-start-with-phones 0 Morning huddle\n");
    REQUIRE(script.error.empty());
    REQUIRE(script.steps.size() == 2);
    CHECK_FALSE(script.steps[0].intent.classroom.phones);
    CHECK(script.steps[0].intent.classroom.head_count == 12);
    CHECK(script.steps[1].intent.classroom.phones);
    CHECK(script.steps[1].intent.classroom.name == "Morning huddle");
    CHECK(ui::describe(script.steps[0].intent) == "classroom-start 12 Night shift");
    CHECK(ui::describe(script.steps[1].intent) == "classroom-start-with-phones 0 Morning huddle");
    CHECK(ui::parse_script("classroom-start-with-phones many Room")
              .error.starts_with("line 1: 'classroom-start-with-phones' needs a head count"));
}

} // namespace sightline::test
