// A classroom session in the desktop player for the tests: real bundled
// courses, a real SQLite store in a scratch folder, a headless ImGui.
#pragma once

#include "bundle/bundle.hpp"
#include "classroom/facilitation.hpp"
#include "courses.hpp"
#include "headless.hpp"
#include "records/store.hpp"
#include "ui/player.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>

namespace sightline::test {

using ui::IntentKind;

inline ui::Intent intent(IntentKind kind, std::string id = {}, int index = -1) {
    ui::Intent i;
    i.kind = kind;
    i.id = std::move(id);
    i.index = index;
    return i;
}

inline ui::Intent step(ui::ClassroomStep which, int index = -1) {
    ui::Intent i = intent(IntentKind::Classroom, {}, index);
    i.step = which;
    return i;
}

struct Room {
    std::filesystem::path dir;
    std::unique_ptr<records::Store> store;
    ui::Player player;
    Headless ui;
    explicit Room(const char* name, ImVec2 size = {1280, 800})
        : Room(
              name, [](const std::filesystem::path&) { return ui::PlayerOptions{}; }, size) {}
    // `options` gets the scratch folder; the reports folder and the seed are set here.
    template <class Options>
    Room(const char* name, Options options, ImVec2 size = {1280, 800})
        : dir(scratch_dir(name)), store(records::open_store(dir)),
          player(courses().model, {courses().content_hash(), "test"}, *store,
                 with_defaults(options(dir), dir)),
          ui(size) {}
    static ui::PlayerOptions with_defaults(ui::PlayerOptions o, const std::filesystem::path& dir) {
        o.classroom_reports_dir = dir / "classroom-reports";
        o.seed = 1;
        return o;
    }
    ui::Screen& screen() { return player.screen(); }
    const classroom::Facilitation& f() {
        REQUIRE(player.facilitation() != nullptr);
        return *player.facilitation();
    }
    // A learner, the course, and the "Run in classroom" form of the scenario.
    void open_setup(const std::string& course, const std::string& scenario) {
        ui::Intent l;
        l.kind = IntentKind::CreateLearner;
        l.learner.name = "Sam Rivera";
        player.apply(l);
        player.apply(intent(IntentKind::OpenCourse, course));
        player.apply(intent(IntentKind::ClassroomSetup, scenario));
        REQUIRE(screen().id == ui::ScreenId::ClassroomSetup);
    }
    // The session started from that form.
    void open(const std::string& course, const std::string& scenario, int head_count = 12,
              bool phones = false) {
        open_setup(course, scenario);
        ui::Intent start;
        start.kind = IntentKind::StartClassroom;
        start.classroom = {"Night shift in-service", "Dana Cole", head_count, phones};
        player.apply(start);
        REQUIRE(screen().id == ui::ScreenId::Classroom);
    }
    // A key through the views, the intent applied as the shell would.
    void key(std::string_view name) {
        ui.frame(screen());
        const ui::Intent i = ui.press(screen(), name);
        if (i) {
            player.apply(i);
        }
    }
    void keys(std::initializer_list<std::string_view> names) {
        for (const std::string_view n : names) {
            key(n);
        }
    }
    // Every text the audience view draws now.
    std::string audience_text() {
        const bool was = screen().classroom.presenter_view;
        screen().classroom.presenter_view = false;
        ui.frames(screen(), 2);
        screen().classroom.presenter_view = was;
        return ui.dump();
    }
    std::string presenter_text() {
        const bool was = screen().classroom.presenter_view;
        screen().classroom.presenter_view = true;
        ui.frames(screen(), 2);
        screen().classroom.presenter_view = was;
        return ui.dump();
    }
};

} // namespace sightline::test
