// Both players say when a course is open for renewal (renewal_test.cpp has
// the policy): the desktop course map's credit panel and the text player's
// progress lines.
#include "learning/learning.hpp"
#include "records/store.hpp"
#include "support/scenario_fixtures.hpp"
#include "support/temp_dir.hpp"
#include "textplay/input.hpp"
#include "textplay/printer.hpp"
#include "textplay/recording.hpp"
#include "ui/player.hpp"

#include <doctest/doctest.h>

#include <sstream>

using namespace sightline;
using sightline::test::TempDir;

TEST_CASE("both players say a renewal is due and show the scenarios to play again") {
    model::Bundle bundle = test::format_example();
    model::Rule rule;
    rule.id = "texas-hotels";
    rule.applies_to = {"hotel"};
    rule.recurrence_months = 12;
    bundle.rules = {rule};
    bundle.courses.at(0).meets = {"texas-hotels"};
    const model::Course& course = bundle.courses.at(0);

    // Completed 340 days ago: due again within the next 30 days.
    TempDir dir;
    const std::unique_ptr<records::Store> store = records::open_store(dir.path());
    const records::TimeMs minute = 60'000;
    records::TimeMs then = records::now_ms() - 340LL * 86'400'000;
    learning::Learning past(*store, bundle, {"hash", "0.1.0"}, {dir.path() / "config", {}, {}});
    past.set_clock([&then] { return then; });
    const records::Learner lee = past.add_learner({"Lee", "", "", "", "", "hotel/front-desk", ""});
    REQUIRE(past.select_learner(lee.id));
    learning::Started started = past.start(bundle.scenarios.at(0), &course);
    started.session.choose("log-and-tell", then + 4 * minute);
    started.session.answer({"id", "answers"}, then + 8 * minute);
    started.session.advance(then + 11 * minute);
    REQUIRE(past.finish(started.session, &course, then + 11 * minute).completion.has_value());
    then += 12 * minute;
    past.attest(course);

    learning::Learning today(*store, bundle, {"hash", "0.1.0"}, {dir.path() / "config", {}, {}});
    REQUIRE(today.select_learner(lee.id));
    const std::string line = learning::renewal_line(today.progress(course).renewal);
    REQUIRE(line.starts_with("Renewal due by "));
    CHECK(line.ends_with(": play the required scenarios again."));

    // The text player: the line above the rules, which start over.
    std::ostringstream out;
    std::istringstream keys("");
    textplay::Printer printer(out, 200);
    textplay::Input input(keys, printer, "", false);
    textplay::course_progress_and_certificate(today, course, course.title, printer, input);
    CHECK(out.str().find(line + "\n[not yet] 0 of 1 required scenarios completed.") !=
          std::string::npos);

    // The desktop course map.
    ui::Player player(bundle, {"hash", "0.1.0"}, *store);
    ui::Intent select;
    select.kind = ui::IntentKind::SelectLearner;
    select.id = lee.id;
    player.apply(select);
    ui::Intent open;
    open.kind = ui::IntentKind::OpenCourse;
    open.id = course.id;
    player.apply(open);
    REQUIRE(player.screen().id == ui::ScreenId::CourseMap);
    CHECK(player.screen().credit.renewal == line);
    REQUIRE(player.screen().course.scenarios.size() == 1);
    CHECK(player.screen().course.scenarios[0].progress == ui::Progress::NotStarted);
    CHECK(player.screen().course.required_completed == 0);
}
