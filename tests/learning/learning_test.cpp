// The learning layer's policy, without any player: learners, the course
// shelf, start or resume, finishing and completion, credit.
#include "learning/learning.hpp"
#include "records/store.hpp"
#include "support/scenario_fixtures.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>

using namespace sightline;
using sightline::test::TempDir;

namespace {

const learning::BundleInfo kInfo{"hash", "0.1.0"};

const model::Course& example_course() {
    return test::format_example().courses.at(0);
}

const model::Scenario& example_scenario() {
    return test::format_example().scenarios.at(0);
}

struct Fixture {
    TempDir dir;
    std::unique_ptr<records::Store> store = records::open_store(dir.path());
    learning::Learning learning{
        *store, test::format_example(), kInfo, {dir.path() / "config", {}, {}}};

    // Plays the example to its best ending.
    learning::Finished play_best(learning::Session& session) {
        session.choose("log-and-tell");
        session.answer({"id", "answers"});
        session.advance();
        return learning.finish(session, &example_course());
    }
};

} // namespace

TEST_CASE("a profile's hire date is checked, and the job roles offered are the rules' roles") {
    Fixture f;
    const records::Learner lee = f.learning.add_learner(
        {"Lee", "", "", "", " 2026-03-01 ", " hotel/front-desk ", " Austin downtown "});
    CHECK(lee.hire_date == "2026-03-01");
    CHECK(lee.job_role == "hotel/front-desk");
    CHECK(lee.site == "Austin downtown");
    for (const char* bad : {"03/01/2026", "2026-02-29", "next week"}) {
        CAPTURE(bad);
        CHECK_THROWS_WITH_AS(f.learning.add_learner({"Kim", "", "", "", bad, "", ""}),
                             doctest::Contains("Please write the hire date as year-month-day"),
                             learning::LearnerError);
    }
    CHECK(f.store->learners().size() == 1); // nothing kept of a refused profile
    CHECK(f.learning.job_roles().empty());  // the example declares no rules

    model::Bundle with_rules = test::format_example();
    model::Rule texas;
    texas.id = "texas-hotels";
    texas.applies_to = {"hotel"};
    model::Rule florida;
    florida.id = "florida-hotels";
    florida.applies_to = {"hotel/housekeeping", "hotel/front-desk", "hotel"};
    with_rules.rules = {texas, florida};
    learning::Learning layer{*f.store, with_rules, kInfo, {f.dir.path() / "config", {}, {}}};
    CHECK(layer.job_roles() ==
          std::vector<std::string>{"hotel", "hotel/front-desk", "hotel/housekeeping"});
}

TEST_CASE("a learner needs a name of their own, and --learner finds one by id or name") {
    Fixture f;
    CHECK_THROWS_WITH_AS(f.learning.add_learner({"  \t", "", "", "", "", "", ""}),
                         "Please type a name first.", learning::LearnerError);
    const records::Learner sam =
        f.learning.add_learner({" Sam Rivera ", " Nurse ", "", "", "", "", ""});
    CHECK(sam.display_name == "Sam Rivera");
    CHECK(sam.profession == "Nurse");
    CHECK_THROWS_WITH_AS(f.learning.add_learner({"Sam Rivera", "", "", "", "", "", ""}),
                         doctest::Contains("There is already a profile named Sam Rivera."),
                         learning::LearnerError);
    CHECK(f.learning.learner_named("Sam Rivera").id == sam.id);
    CHECK(f.learning.learner_named(sam.id).id == sam.id);
    const records::Learner ana = f.learning.learner_named("Ana Díaz"); // added
    CHECK(ana.id != sam.id);
    CHECK(f.store->learners().size() == 2);
    CHECK_FALSE(f.learning.learner().has_value());
    CHECK(f.learning.select_learner(ana.id));
    CHECK(f.learning.learner()->display_name == "Ana Díaz");
    CHECK_FALSE(f.learning.select_learner("no-such-id"));
    CHECK(f.learning.learner()->display_name == "Ana Díaz"); // unchanged
}

TEST_CASE("the shelf groups courses by role in taxonomy order, undeclared roles last") {
    model::Bundle bundle;
    bundle.roles = {
        {"general", "Foundations (every role)"}, {"hotel", "Hotel staff"}, {"bus", "Bus drivers"}};
    for (const auto& [id, role] :
         std::vector<std::pair<std::string, std::string>>{{"bus-course", "bus"},
                                                          {"foundations", "general"},
                                                          {"airline", "airline"},
                                                          {"hotel-course", "hotel"},
                                                          {"bus-advanced", "bus"}}) {
        model::Course course;
        course.id = id;
        course.role = role;
        bundle.courses.push_back(course);
    }
    const std::vector<learning::ShelfGroup> shelf = learning::course_shelf(bundle);
    REQUIRE(shelf.size() == 4);
    CHECK(shelf[0].role_name == "Foundations (every role)");
    CHECK(shelf[1].role_id == "hotel");
    CHECK(shelf[2].role_id == "bus");
    REQUIRE(shelf[2].courses.size() == 2);
    CHECK(shelf[2].courses[0]->id == "bus-course"); // bundle order within a role
    CHECK(shelf[2].courses[1]->id == "bus-advanced");
    CHECK(shelf[3].role_name == "Other courses");
    CHECK(shelf[3].courses.at(0)->id == "airline");
    std::vector<std::string> order;
    for (const model::Course* c : learning::courses_in_shelf_order(bundle)) {
        order.push_back(c->id);
    }
    CHECK(order == std::vector<std::string>{"foundations", "hotel-course", "bus-course",
                                            "bus-advanced", "airline"});
}

TEST_CASE("start or resume: an unfinished attempt is resumed, or closed when starting again") {
    Fixture f;
    REQUIRE(f.learning.select_learner(f.learning.add_learner({"Ana", "", "", "", "", "", ""}).id));
    learning::Started first = f.learning.start(example_scenario(), &example_course());
    CHECK_FALSE(first.resumed);
    first.session.choose("log-and-tell");
    REQUIRE(f.learning.unfinished(example_scenario().id).has_value());

    learning::Started again = f.learning.start(example_scenario(), &example_course());
    CHECK(again.resumed);
    CHECK(again.session.attempt().id == first.session.attempt().id);
    CHECK(again.session.run().node().id == "check-signs");

    learning::Started fresh =
        f.learning.start(example_scenario(), &example_course(), {learning::Unfinished::StartAgain});
    CHECK_FALSE(fresh.resumed);
    CHECK(fresh.session.attempt().id != first.session.attempt().id);
    CHECK(f.store->attempt(first.session.attempt().id)->status == records::Status::Abandoned);
    // Never two open attempts at one scenario.
    int open = 0;
    for (const records::Attempt& a : f.store->attempts()) {
        open += a.status == records::Status::InProgress;
    }
    CHECK(open == 1);
}

TEST_CASE("every attempt shows its options in a seeded order, recorded and kept on resume") {
    Fixture f;
    REQUIRE(f.learning.select_learner(f.learning.add_learner({"Ana", "", "", "", "", "", ""}).id));
    std::set<std::uint64_t> seeds;
    for (int i = 0; i < 8; ++i) {
        learning::Started started = f.learning.start(example_scenario(), &example_course(),
                                                     {learning::Unfinished::StartAgain});
        CHECK(started.session.run().options().shuffle);
        CHECK(started.session.attempt().seed == started.session.run().options().seed);
        CHECK(f.store->attempt(started.session.attempt().id)->seed ==
              started.session.run().options().seed);
        seeds.insert(started.session.attempt().seed);
    }
    CHECK(seeds.size() == 8); // a fresh seed for each attempt

    // Resumed, the attempt keeps its seed, so the learner sees the same order.
    learning::Started first =
        f.learning.start(example_scenario(), &example_course(), {learning::Unfinished::StartAgain});
    const std::vector<runtime::ChoiceView> shown = first.session.run().choices();
    learning::Started again = f.learning.start(example_scenario(), &example_course());
    REQUIRE(again.resumed);
    CHECK(again.session.run().options() == first.session.run().options());
    const std::vector<runtime::ChoiceView> shown_again = again.session.run().choices();
    REQUIRE(shown_again.size() == shown.size());
    for (std::size_t i = 0; i < shown.size(); ++i) {
        CHECK(shown_again[i].id == shown[i].id);
    }

    // --seed: every attempt started here uses it.
    learning::Learning seeded(*f.store, test::format_example(), kInfo, {{}, {}, 42});
    REQUIRE(seeded.select_learner(f.learning.learner()->id));
    learning::Started with_seed =
        seeded.start(example_scenario(), &example_course(), {learning::Unfinished::StartAgain});
    CHECK(with_seed.session.attempt().seed == 42);
    CHECK(with_seed.session.run().options() == runtime::RunOptions{42, true});
}

TEST_CASE("a resume the content no longer has starts afresh, with a notice") {
    Fixture f;
    REQUIRE(f.learning.select_learner(f.learning.add_learner({"Ana", "", "", "", "", "", ""}).id));
    learning::Started first = f.learning.start(example_scenario(), &example_course());
    first.session.choose("log-and-tell"); // now at 'check-signs'

    // The author renamed the node where the learner stopped.
    std::string text = test::format_example_text();
    for (std::size_t at = text.find("check-signs"); at != std::string::npos;
         at = text.find("check-signs", at + 1)) {
        text.replace(at, 11, "signs-check");
    }
    const model::Bundle edited = test::compile_scn(text, false);
    learning::Learning later(*f.store, edited, kInfo);
    REQUIRE(later.select_learner(f.learning.learner()->id));
    learning::Started started = later.start(edited.scenarios.at(0), &edited.courses.at(0));
    CHECK_FALSE(started.resumed);
    CHECK(started.notice.find("The course has changed since you stopped") != std::string::npos);
    CHECK(started.session.run().node().id == "desk");
    CHECK(f.store->attempt(first.session.attempt().id)->status == records::Status::Abandoned);
}

TEST_CASE("finishing records the result, and the course's completion once, when it passes") {
    Fixture f;
    REQUIRE(f.learning.select_learner(f.learning.add_learner({"Ana", "", "", "", "", "", ""}).id));
    const std::string ana = f.learning.learner()->id;

    learning::Started failing = f.learning.start(example_scenario(), &example_course());
    failing.session.choose("ignore");
    const learning::Finished failed = f.learning.finish(failing.session, &example_course());
    CHECK_FALSE(failed.result.passed);
    CHECK_FALSE(failed.completion.has_value());
    CHECK(f.store->completions(ana).empty());

    learning::Started passing = f.learning.start(example_scenario(), &example_course());
    const learning::Finished passed = f.play_best(passing.session);
    CHECK(passed.result.passed);
    REQUIRE(passed.completion.has_value());
    CHECK(passed.completion->course_id == example_course().id);
    CHECK(passed.completion->score_percent == 100);
    CHECK(f.store->completions(ana).size() == 1);

    learning::Started once_more = f.learning.start(example_scenario(), &example_course());
    CHECK_FALSE(f.play_best(once_more.session).completion.has_value());
    CHECK(f.store->completions(ana).size() == 1);

    // Outside a course nothing is completed.
    learning::Started loose = f.learning.start(example_scenario(), nullptr);
    CHECK_FALSE(f.play_best(loose.session).completion.has_value());
}

TEST_CASE("credit: the rules in words, the attestation once the rest is met, then issuing") {
    Fixture f;
    REQUIRE(f.learning.select_learner(f.learning.add_learner({"Ana", "", "", "", "", "", ""}).id));
    learning::Credit credit = f.learning.credit(example_course());
    REQUIRE(credit.rules.size() == 4);
    CHECK(credit.rules[0].text == "0 of 1 required scenarios completed.");
    CHECK(credit.rules[2].text == "Time on task 0 of 10 minutes.");
    CHECK_FALSE(credit.attestation_offered);

    learning::Started started = f.learning.start(example_scenario(), &example_course());
    f.play_best(started.session);
    credit = f.learning.credit(example_course());
    CHECK(credit.rules[0].met);
    CHECK(credit.rules[1].met);
    CHECK_FALSE(credit.rules[2].met); // ten minutes of active time are not there
    CHECK_FALSE(credit.attestation_offered);
    CHECK(learning::unmet_rules(credit.progress).size() == 2);
    CHECK_THROWS_AS(f.learning.issue(example_course()), credentials::CredentialError);
}
