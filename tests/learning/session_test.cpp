#include "learning/progress.hpp"
#include "learning/session.hpp"
#include "runtime/errors.hpp"
#include "support/scenario_fixtures.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

using namespace sightline;
using namespace sightline::records;
using namespace sightline::learning;
using sightline::test::TempDir;

namespace {

const model::Course& example_course() {
    return test::format_example().courses.at(0);
}

SessionStart example_start(const std::string& learner) {
    SessionStart start;
    start.learner_id = learner;
    start.course_id = example_course().id;
    start.scenario_id = "hotel.example";
    start.options.seed = 7;
    return start;
}

const BundleInfo kInfo{"hash", "0.1.0"};

} // namespace

TEST_CASE("a choice is on disk, with what the learner was offered, before its feedback returns") {
    TempDir temp;
    auto store = open_store(temp.path());
    const Learner ana = store->add_learner({"Ana", "", "", "", "", "", ""});
    Session session =
        Session::start(*store, test::format_example(), kInfo, example_start(ana.id), 1000);
    const auto result = session.choose("log-and-tell", 4000);
    CHECK(result.tier == "best");

    // A second connection sees the event: it was committed, not just cached.
    auto other = open_store(temp.path());
    const auto events = other->events(session.attempt().id);
    REQUIRE(events.size() == 1);
    CHECK(events[0].node_id == "desk");
    CHECK(events[0].response == std::vector<std::string>{"log-and-tell"});
    CHECK(events[0].correct);
    CHECK(events[0].tier == "best");
    CHECK(events[0].time_on_node_ms == 3000);
    CHECK(events[0].prompt.find("It is almost midnight.") == 0);
    REQUIRE(events[0].offered.size() == 3);
    CHECK_FALSE(events[0].offered[0].best); // ask-her: harmful
    CHECK(events[0].offered[1].best);
    CHECK(events[0].indicators ==
          std::vector<std::string>{"hotel.id-held-by-other", "hotel.fearful-guest"});
    // The stored save resumes right after the choice.
    const auto resumed =
        Session::resume(*other, test::format_example(), *other->attempt(session.attempt().id));
    CHECK(resumed.run().node().id == "check-signs");
}

TEST_CASE("when recording fails the run does not move and nothing half-written is kept") {
    TempDir temp;
    StoreOptions options;
    options.busy_timeout_ms = 20;
    auto store = open_store(temp.path(), options);
    const Learner ana = store->add_learner({"Ana", "", "", "", "", "", ""});
    Session session =
        Session::start(*store, test::format_example(), kInfo, example_start(ana.id), 1000);

    sqlite3* other = nullptr;
    REQUIRE(sqlite3_open((temp.path() / "records.db").c_str(), &other) == SQLITE_OK);
    REQUIRE(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK);
    CHECK_THROWS_AS(session.choose("log-and-tell", 2000), RecordsError);
    CHECK(session.run().node().id == "desk");
    sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(other);

    CHECK(store->events(session.attempt().id).empty());
    session.choose("log-and-tell", 3000); // retrying works and numbers the event 1
    CHECK(store->events(session.attempt().id).at(0).sequence == 1);
}

TEST_CASE("a finished attempt counts towards the course's completion rules") {
    TempDir temp;
    auto store = open_store(temp.path());
    const Learner ana = store->add_learner({"Ana", "", "", "", "", "", ""});
    const model::Course& course = example_course();
    REQUIRE(course.credit_minutes == 10);
    REQUIRE(course.passing_score == 70);

    auto progress = course_progress(*store, test::format_example(), course, ana.id);
    REQUIRE(progress.scenarios.size() == 1);
    CHECK(progress.scenarios[0].state == ScenarioState::NotStarted);
    CHECK_FALSE(progress.complete());

    const TimeMs minute = 60'000;
    Session session =
        Session::start(*store, test::format_example(), kInfo, example_start(ana.id), 0);
    session.choose("log-and-tell", 4 * minute);
    session.answer({"id", "answers"}, 8 * minute);
    progress = course_progress(*store, test::format_example(), course, ana.id);
    CHECK(progress.scenarios[0].state == ScenarioState::InProgress);
    CHECK(progress.scenarios[0].resume == session.attempt().id);

    session.advance(11 * minute);
    REQUIRE(session.run().phase() == runtime::Phase::Ended);
    const AttemptResult result = session.finish(course.passing_score, 11 * minute);
    CHECK(result.outcome == "reported-safely");
    CHECK(result.passed);
    CHECK(result.raw == result.max);

    progress = course_progress(*store, test::format_example(), course, ana.id);
    CHECK(progress.scenarios[0].state == ScenarioState::Completed);
    CHECK(progress.scenarios[0].best_percent == 100);
    CHECK(progress.all_required_completed());
    CHECK(progress.passing());
    CHECK(progress.active_ms == 11 * minute);
    CHECK(progress.enough_time());
    CHECK_FALSE(progress.attested());
    CHECK_FALSE(progress.complete());
    store->record_attestation(
        {ana.id, course.id, "I completed this training myself.", 12 * minute});
    CHECK(course_progress(*store, test::format_example(), course, ana.id).complete());
}

TEST_CASE("time away longer than the idle limit does not count towards credit") {
    TempDir temp;
    auto store = open_store(temp.path()); // default idle limit: 5 minutes
    const Learner ana = store->add_learner({"Ana", "", "", "", "", "", ""});
    const TimeMs minute = 60'000;
    Session session =
        Session::start(*store, test::format_example(), kInfo, example_start(ana.id), 0);
    session.choose("log-and-tell", 2 * minute);
    session.answer({"id"}, 60 * minute); // left for lunch
    session.advance(61 * minute);
    session.finish(70, 61 * minute);
    const auto progress = course_progress(*store, test::format_example(), example_course(), ana.id);
    CHECK(progress.active_ms == 3 * minute);
    CHECK_FALSE(progress.enough_time());
}

TEST_CASE("a finished attempt cannot be resumed") {
    TempDir temp;
    auto store = open_store(temp.path());
    const Learner ana = store->add_learner({"Ana", "", "", "", "", "", ""});
    Session session =
        Session::start(*store, test::format_example(), kInfo, example_start(ana.id), 0);
    session.choose("ignore", 1000); // straight to the 'missed' ending
    session.finish(70, 2000);
    CHECK_THROWS_WITH_AS(
        Session::resume(*store, test::format_example(), *store->attempt(session.attempt().id)),
        doctest::Contains("is completed and cannot be continued"), RecordsError);
}
