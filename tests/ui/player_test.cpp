// The controller against the real bundled courses and a real SQLite store in
// a scratch directory: what each screen holds, and that a choice is on disk
// before its feedback is shown.
#include "bundle/bundle.hpp"
#include "records/store.hpp"
#include "ui/player.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <filesystem>
#include <unistd.h>

namespace sightline::test {

namespace {

using ui::IntentKind;

std::filesystem::path scratch_dir(const char* name) {
    const std::filesystem::path dir = std::filesystem::path(SIGHTLINE_BINARY_DIR) / "tests" / "ui" /
                                      "work" / (std::to_string(::getpid()) + "-" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

const bundle::LoadedBundle& courses() {
    static const bundle::LoadedBundle loaded = bundle::read_bundle_file(SIGHTLINE_COURSES_BUNDLE);
    return loaded;
}

records::BundleInfo info() {
    return {courses().content_hash(), "test"};
}

// Another process holding the database's write lock: the player's writes
// then fail after the busy timeout, as they would with a locked or full disk.
class WriteLock {
  public:
    explicit WriteLock(const std::filesystem::path& db) {
        REQUIRE(sqlite3_open(db.c_str(), &db_) == SQLITE_OK);
    }
    ~WriteLock() { sqlite3_close(db_); }
    WriteLock(const WriteLock&) = delete;
    WriteLock& operator=(const WriteLock&) = delete;
    void hold() {
        REQUIRE(sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
    }
    void release() {
        REQUIRE(sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr) == SQLITE_OK);
    }

  private:
    sqlite3* db_ = nullptr;
};

ui::Intent intent(IntentKind kind, std::string id = {}) {
    ui::Intent i;
    i.kind = kind;
    i.id = std::move(id);
    return i;
}

ui::Intent learner(const std::string& name) {
    ui::Intent i;
    i.kind = IntentKind::CreateLearner;
    i.learner.name = name;
    return i;
}

records::StoreOptions quick_timeout() {
    records::StoreOptions options;
    options.busy_timeout_ms = 50;
    return options;
}

struct Fixture {
    std::filesystem::path dir;
    std::unique_ptr<records::Store> owned;
    records::Store& store;
    ui::Player player;
    explicit Fixture(const char* name)
        : dir(scratch_dir(name)), owned(records::open_store(dir, quick_timeout())), store(*owned),
          player(courses().model, info(), store) {}
    ui::Screen& screen() { return player.screen(); }
    void to_scenario(const std::string& course, const std::string& scenario) {
        player.apply(learner("Sam Rivera"));
        player.apply(intent(IntentKind::OpenCourse, course));
        player.apply(intent(IntentKind::StartScenario, scenario));
        player.apply(intent(IntentKind::Begin));
    }
    std::size_t events() {
        const records::Session* s = player.session();
        REQUIRE(s != nullptr);
        return store.events(s->attempt().id).size();
    }
    // Plays on with the first enabled choice / the first option until the ending.
    void play_to_end() {
        for (int guard = 0; guard < 200; ++guard) {
            ui::ScenarioState& s = screen().scenario;
            if (screen().id != ui::ScreenId::Scenario) {
                return;
            }
            if (s.stage != ui::Stage::Node) {
                player.apply(intent(IntentKind::Continue));
            } else if (s.kind == ui::NodeKind::Decision) {
                const auto c = std::find_if(s.choices.begin(), s.choices.end(),
                                            [](const ui::ChoiceItem& i) { return i.enabled; });
                REQUIRE(c != s.choices.end());
                player.apply(intent(IntentKind::Choose, c->id));
            } else if (s.kind == ui::NodeKind::Check) {
                ui::Intent a;
                a.kind = IntentKind::Answer;
                a.ids = {s.options.front().id};
                player.apply(a);
            } else {
                REQUIRE(s.kind != ui::NodeKind::Stuck);
                player.apply(intent(IntentKind::Continue));
            }
        }
        FAIL("the scenario did not end");
    }
};

} // namespace

TEST_CASE("welcome: where records are kept, a learner needs a name") {
    Fixture f("welcome");
    ui::Screen& s = f.screen();
    CHECK(s.id == ui::ScreenId::Welcome);
    CHECK(s.welcome.learners.empty());
    CHECK(s.welcome.records_location.find("records.db") != std::string::npos);
    CHECK(s.welcome.records_location.starts_with("Your records are kept on this computer in "));
    f.player.apply(learner("   "));
    CHECK(s.id == ui::ScreenId::Welcome);
    CHECK(s.welcome.error == "Please type a name first.");
    f.player.apply(learner(" Sam Rivera "));
    CHECK(s.id == ui::ScreenId::Catalogue);
    CHECK(s.learner_name == "Sam Rivera");
    CHECK(f.store.learners().size() == 1);

    f.player.apply(intent(IntentKind::Back));
    CHECK(s.id == ui::ScreenId::Welcome);
    REQUIRE(s.welcome.learners.size() == 1);
    f.player.apply(learner("Sam Rivera")); // a second profile with the same name
    CHECK(s.id == ui::ScreenId::Welcome);
    CHECK(s.welcome.error.starts_with("There is already a profile named Sam Rivera."));
    CHECK(f.store.learners().size() == 1);
    f.player.apply(intent(IntentKind::SelectLearner, s.welcome.learners[0].id));
    CHECK(s.id == ui::ScreenId::Catalogue);
}

TEST_CASE("catalogue: every course of the bundle, grouped by role in the bundle's role order") {
    Fixture f("catalogue");
    f.player.apply(learner("Sam"));
    const ui::CatalogueState& c = f.screen().catalogue;
    std::size_t total = 0;
    std::vector<std::string> roles;
    for (const ui::RoleGroup& g : c.groups) {
        roles.push_back(g.role);
        total += g.courses.size();
        for (const ui::CourseItem& course : g.courses) {
            CHECK(course.progress == ui::Progress::NotStarted);
            CHECK(course.required_completed == 0);
            CHECK(course.required_total > 0);
        }
    }
    CHECK(total == courses().model.courses.size());
    std::vector<std::string> expected;
    for (const model::Role& r : courses().model.roles) {
        for (const model::Course& course : courses().model.courses) {
            if (course.role == r.id) {
                expected.push_back(r.name);
                break;
            }
        }
    }
    CHECK(roles == expected);
}

TEST_CASE("a scenario: content note first, then choices, a choice is on disk before its feedback") {
    Fixture f("play");
    f.player.apply(learner("Sam"));
    f.player.apply(intent(IntentKind::OpenCourse, "hotel"));
    ui::Screen& s = f.screen();
    REQUIRE(s.id == ui::ScreenId::CourseMap);
    REQUIRE(!s.course.scenarios.empty());
    CHECK(s.course.scenarios[0].progress == ui::Progress::NotStarted);
    CHECK(s.course.scenarios[0].minutes > 0);

    f.player.apply(intent(IntentKind::StartScenario, "hotel.room-214"));
    REQUIRE(s.id == ui::ScreenId::Scenario);
    CHECK(s.scenario.stage == ui::Stage::Intro);
    CHECK(s.scenario.content_note.find("Nothing sexual or violent is shown") != std::string::npos);
    CHECK(s.scenario.lines.empty());
    CHECK(s.help.scenario_report.find("1-888-373-7888") != std::string::npos);

    f.player.apply(intent(IntentKind::Choose, "log")); // not before Begin
    CHECK(s.scenario.stage == ui::Stage::Intro);
    f.player.apply(intent(IntentKind::Begin));
    CHECK(s.scenario.stage == ui::Stage::Node);
    CHECK(s.scenario.kind == ui::NodeKind::Decision);
    REQUIRE(s.scenario.choices.size() == 4);
    CHECK(std::any_of(s.scenario.lines.begin(), s.scenario.lines.end(),
                      [](const ui::Line& l) { return l.speaker == "Guest"; }));
    CHECK(f.events() == 0);

    f.player.apply(intent(IntentKind::Choose, "log"));
    CHECK(s.scenario.stage == ui::Stage::ChoiceFeedback);
    REQUIRE(s.scenario.choice_feedback.has_value());
    CHECK(s.scenario.choice_feedback->tier_name == "Best response");
    CHECK(s.scenario.choice_feedback->look == 0);
    CHECK(s.scenario.choice_feedback->noticed.size() == 6);
    CHECK(f.events() == 1);
    f.player.apply(intent(IntentKind::Continue));
    CHECK(s.scenario.stage == ui::Stage::Node);
    CHECK(s.scenario.lines.front().text.find("night audit") != std::string::npos);
}

TEST_CASE("when recording fails the learner is told, nothing moves on, and Try again works") {
    Fixture f("locked");
    f.to_scenario("hotel", "hotel.room-214");
    ui::Screen& s = f.screen();
    WriteLock lock(f.dir / "records.db");
    lock.hold();
    f.player.apply(intent(IntentKind::Choose, "log"));
    CHECK(s.scenario.stage == ui::Stage::Node);
    CHECK_FALSE(s.scenario.error.empty());
    CHECK(s.scenario.error.find("records.db") != std::string::npos);
    CHECK_FALSE(s.scenario.choice_feedback.has_value());
    CHECK(f.events() == 0);
    f.player.apply(intent(IntentKind::Retry)); // still failing
    CHECK(s.scenario.stage == ui::Stage::Node);
    CHECK_FALSE(s.scenario.error.empty());

    lock.release();
    f.player.apply(intent(IntentKind::Retry));
    CHECK(s.scenario.error.empty());
    CHECK(s.scenario.stage == ui::Stage::ChoiceFeedback);
    CHECK(f.events() == 1);
}

TEST_CASE("leaving mid-scenario keeps the attempt, the course map offers to resume it") {
    Fixture f("resume");
    f.to_scenario("hotel", "hotel.room-214");
    f.player.apply(intent(IntentKind::Choose, "log"));
    f.player.apply(intent(IntentKind::Continue));
    const std::vector<ui::Line> where = f.screen().scenario.lines;
    f.player.apply(intent(IntentKind::Back));
    ui::Screen& s = f.screen();
    REQUIRE(s.id == ui::ScreenId::CourseMap);
    CHECK(s.course.scenarios[0].progress == ui::Progress::InProgress);
    CHECK(s.course.scenarios[0].resumable);

    f.player.apply(intent(IntentKind::ResumeScenario, "hotel.room-214"));
    REQUIRE(s.id == ui::ScreenId::Scenario);
    CHECK(s.scenario.stage == ui::Stage::Intro); // the content note again
    CHECK(s.scenario.resuming);
    f.player.apply(intent(IntentKind::Begin));
    CHECK(s.scenario.lines.size() == where.size());
    CHECK(s.scenario.lines.front().text == where.front().text);
}

TEST_CASE("an ending leads to the debrief, the course map then shows the score") {
    Fixture f("debrief");
    f.to_scenario("hotel", "hotel.room-214");
    f.play_to_end();
    ui::Screen& s = f.screen();
    REQUIRE(s.id == ui::ScreenId::Debrief);
    const ui::DebriefState& d = s.debrief;
    CHECK(d.title == "Room 214, third extension");
    CHECK_FALSE(d.outcome.empty());
    CHECK(d.scores.size() == courses().model.dimensions.size());
    CHECK_FALSE(d.decisions.empty());
    CHECK(d.noticed.size() + d.missed.size() > 0);
    CHECK(d.report.find("1-888-373-7888") != std::string::npos);
    CHECK_FALSE(d.response.empty());
    CHECK(d.passing_score == 80);

    f.player.apply(intent(IntentKind::Back));
    REQUIRE(s.id == ui::ScreenId::CourseMap);
    CHECK(s.course.scenarios[0].progress == ui::Progress::Completed);
    CHECK(s.course.scenarios[0].best_percent == d.percent);
    CHECK_FALSE(s.course.scenarios[0].resumable);
}

TEST_CASE("Esc goes back one screen at a time, help closes first") {
    Fixture f("back");
    f.to_scenario("hotel", "hotel.room-214");
    ui::Screen& s = f.screen();
    f.player.apply(intent(IntentKind::ToggleHelp));
    CHECK(s.help.open);
    f.player.apply(intent(IntentKind::Back));
    CHECK_FALSE(s.help.open);
    CHECK(s.id == ui::ScreenId::Scenario);
    f.player.apply(intent(IntentKind::Back));
    CHECK(s.id == ui::ScreenId::CourseMap);
    f.player.apply(intent(IntentKind::Back));
    CHECK(s.id == ui::ScreenId::Catalogue);
    f.player.apply(intent(IntentKind::Back));
    CHECK(s.id == ui::ScreenId::Welcome);
}

TEST_CASE("knowledge checks: an answer is recorded and the feedback says what was right") {
    Fixture f("check");
    f.to_scenario("hotel", "hotel.room-214");
    ui::Screen& s = f.screen();
    for (int guard = 0; guard < 100 && s.scenario.kind != ui::NodeKind::Check; ++guard) {
        REQUIRE(s.id == ui::ScreenId::Scenario);
        if (s.scenario.stage == ui::Stage::Node && s.scenario.kind == ui::NodeKind::Decision) {
            f.player.apply(intent(IntentKind::Choose, s.scenario.choices.front().id));
        } else {
            f.player.apply(intent(IntentKind::Continue));
        }
    }
    REQUIRE(s.scenario.kind == ui::NodeKind::Check);
    CHECK_FALSE(s.scenario.prompt.empty());
    const std::size_t before = f.events();
    ui::Intent a;
    a.kind = IntentKind::Answer;
    a.ids = {s.scenario.options.front().id};
    f.player.apply(a);
    CHECK(s.scenario.stage == ui::Stage::CheckFeedback);
    REQUIRE(s.scenario.check_feedback.has_value());
    CHECK(s.scenario.check_feedback->options.size() == s.scenario.options.size());
    CHECK(s.scenario.check_feedback->options.front().picked);
    CHECK(f.events() == before + 1);
    f.player.apply(intent(IntentKind::Continue));
    CHECK(s.scenario.stage == ui::Stage::Node);
}

} // namespace sightline::test
