// The session report: what it says about each decision and the indicators,
// and its CSV read back with a strict RFC 4180 parser.
#include "classroom/report.hpp"
#include "support/classroom_helpers.hpp"
#include "support/scenario_fixtures.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <sys/stat.h>

using namespace sightline;
using namespace sightline::classroom;
using sightline::test::FakeClock;

namespace {

SessionReport example_report() {
    FakeClock clock;
    Facilitation f(test::format_example(), test::example_setup(12), nullptr, {}, clock.clock());
    test::play_example_session(f, clock);
    return make_report(f);
}

std::vector<std::string> names(const std::vector<ReportIndicator>& indicators) {
    std::vector<std::string> out;
    for (const ReportIndicator& i : indicators) {
        out.push_back(i.id);
    }
    return out;
}

} // namespace

TEST_CASE("the report has every decision of every branch with its votes and how it was made") {
    const SessionReport r = example_report();
    CHECK(r.name == "Night shift in-service");
    CHECK(r.facilitator == "Dana Okafor");
    CHECK(r.head_count == 12);
    CHECK(r.scenario_title == "The late check-in");
    CHECK(r.course_title == "Hotel example course");
    CHECK(r.started == test::kSessionStart);
    CHECK(r.branches == 2);
    REQUIRE(r.steps.size() == 3);

    const ReportStep& desk = r.steps[0];
    CHECK(desk.sequence == 1);
    CHECK(desk.branch == 0);
    CHECK_FALSE(desk.check);
    CHECK(desk.decided == Decided::Majority);
    CHECK(desk.total_votes == 12);
    CHECK(desk.tier == "best");
    CHECK(desk.tier_name == "Best response");
    CHECK(desk.correct);
    CHECK(desk.seconds == doctest::Approx(125));
    REQUIRE(desk.options.size() == 3);
    CHECK(desk.options[1].id == "log-and-tell");
    CHECK(desk.options[1].votes == 7);
    CHECK(desk.options[1].best);
    CHECK(desk.options[1].chosen);
    CHECK_FALSE(desk.options[0].chosen);

    const ReportStep& check = r.steps[1];
    CHECK(check.check);
    CHECK(check.prompt == "Which of these are possible signs of control?");
    CHECK(check.decided == Decided::Majority); // 11 and 8 of 12 reach half; 3 does not
    CHECK(check.chosen == std::vector<std::string>{"id", "answers"});
    CHECK(check.correct);

    const ReportStep& back = r.steps[2];
    CHECK(back.branch == 1);
    CHECK(back.decided == Decided::Override);
    CHECK(back.tier == "harmful");
    CHECK_FALSE(back.correct);

    // The room's own pick at the desk noticed both signs of the story.
    CHECK(names(r.recognised) ==
          std::vector<std::string>{"hotel.id-held-by-other", "hotel.fearful-guest"});
    CHECK(r.shown.empty());
    CHECK(r.missed.empty());
}

TEST_CASE(
    "indicators noticed only through an override are the facilitator's, the rest are missed") {
    Facilitation f(test::format_example(), test::example_setup(12));
    test::vote(f, {2, 1, 9}); // the room would ignore it
    f.pick("log-and-tell");   // the facilitator shows the safe path
    const SessionReport r = make_report(f);
    CHECK(r.recognised.empty());
    CHECK(names(r.shown) ==
          std::vector<std::string>{"hotel.id-held-by-other", "hotel.fearful-guest"});
    Facilitation g(test::format_example(), test::example_setup(12));
    test::vote(g, {2, 1, 9});
    g.take_majority();
    const SessionReport missed = make_report(g);
    CHECK(names(missed.missed) ==
          std::vector<std::string>{"hotel.id-held-by-other", "hotel.fearful-guest"});
}

TEST_CASE("the CSV has one row per decision and reads back with a strict RFC 4180 parser") {
    SessionReport r = example_report();
    // Text that needs quoting: commas, quotes and a line break.
    r.steps[0].prompt = "He said \"one key\", then left.\nShe stayed.";
    std::ostringstream out;
    write_report_csv(r, out);
    const std::string text = out.str();
    CHECK(text.find("\r\n") != std::string::npos);
    const auto rows = test::parse_csv(text);
    REQUIRE(rows.size() == 4);
    const std::vector<std::string> expected_header{
        "step",          "branch",     "node",     "kind",         "prompt",       "chosen",
        "decided",       "tier",       "correct",  "seconds",      "total_votes",  "hand_votes",
        "phone_votes",   "indicators", "choice_1", "text_1",       "votes_1",      "hand_votes_1",
        "phone_votes_1", "choice_2",   "text_2",   "votes_2",      "hand_votes_2", "phone_votes_2",
        "choice_3",      "text_3",     "votes_3",  "hand_votes_3", "phone_votes_3"};
    CHECK(rows[0] == expected_header);
    const auto desk = test::as_record(rows[0], rows[1]);
    CHECK(desk.at("step") == "1");
    CHECK(desk.at("branch") == "0");
    CHECK(desk.at("node") == "desk");
    CHECK(desk.at("kind") == "decision");
    CHECK(desk.at("prompt") == "He said \"one key\", then left.\nShe stayed.");
    CHECK(desk.at("chosen") == "log-and-tell");
    CHECK(desk.at("decided") == "majority");
    CHECK(desk.at("tier") == "best");
    CHECK(desk.at("correct") == "yes");
    CHECK(desk.at("seconds") == "125.0");
    CHECK(desk.at("total_votes") == "12");
    CHECK(desk.at("hand_votes") == "12"); // this room had no phones
    CHECK(desk.at("phone_votes") == "0");
    CHECK(desk.at("indicators") == "hotel.id-held-by-other;hotel.fearful-guest");
    CHECK(desk.at("choice_1") == "ask-her");
    CHECK(desk.at("text_1") == "Ask the young woman directly if she is all right.");
    CHECK(desk.at("votes_1") == "3");
    CHECK(desk.at("votes_2") == "7");
    CHECK(desk.at("votes_3") == "2");

    const auto check = test::as_record(rows[0], rows[2]);
    CHECK(check.at("kind") == "check");
    CHECK(check.at("chosen") == "id;answers");
    CHECK(check.at("tier").empty());
    CHECK(check.at("seconds") == "50.0");
    CHECK(check.at("votes_1") == "11");

    const auto back = test::as_record(rows[0], rows[3]);
    CHECK(back.at("branch") == "1");
    CHECK(back.at("chosen") == "ask-her");
    CHECK(back.at("decided") == "override");
    CHECK(back.at("tier") == "harmful");
    CHECK(back.at("correct") == "no");
    CHECK(back.at("seconds") == "40.0");
}

TEST_CASE("the report counts the phones that voted: the most on one question") {
    CHECK(example_report().phones == 0); // counted by hand only

    Facilitation f(test::format_example(), test::example_setup(20));
    // desk: hands 2 / 1 / 0, phones 1 / 4 / 0: five phones, one vote each.
    f.open_voting();
    f.set_votes(0, 2);
    f.set_votes(1, 1);
    f.set_phone_votes({1, 4, 0});
    f.lock();
    f.reveal();
    f.take_majority(); // log-and-tell
    f.advance();
    CHECK(make_report(f).phones == 5);
    // The multi check: a phone may vote for several options, so 6 + 6 + 2
    // phone votes are at least 6 phones, not 14.
    f.open_voting();
    f.set_votes(0, 3);
    f.set_phone_votes({6, 6, 2});
    f.lock();
    f.reveal();
    f.take_majority();
    const SessionReport r = make_report(f);
    REQUIRE(r.steps.size() == 2);
    CHECK(r.steps[1].multiple);
    CHECK(r.steps[1].phone_votes == 14);
    CHECK(r.steps[1].total_votes == 17);
    CHECK(r.steps[1].options[0].votes == 9);
    CHECK(r.steps[1].options[0].phones == 6);
    CHECK(r.phones == 6);
}

TEST_CASE("rows with fewer choices than the widest leave the extra columns empty") {
    SessionReport r = example_report();
    r.steps[1].options.pop_back();
    std::ostringstream out;
    write_report_csv(r, out);
    const auto rows = test::parse_csv(out.str());
    const auto check = test::as_record(rows[0], rows[2]);
    CHECK(check.at("choice_3").empty());
    CHECK(check.at("votes_3").empty());
}

TEST_CASE("a tie broken by the facilitator is reported as a tie-break") {
    Facilitation f(test::format_example(), test::example_setup(10));
    test::vote(f, {5, 5, 0});
    f.pick("log-and-tell");
    std::ostringstream out;
    write_report_csv(make_report(f), out);
    const auto rows = test::parse_csv(out.str());
    CHECK(test::as_record(rows[0], rows[1]).at("decided") == "tie-break");
}

TEST_CASE("the saved CSV and PDF are owner-only files") {
    test::TempDir temp;
    const SessionReport r = example_report();
    save_report_csv(r, temp.path() / "session.csv");
    save_report_pdf(r, temp.path() / "session.pdf");
    for (const char* name : {"session.csv", "session.pdf"}) {
        struct stat info {};
        REQUIRE(::stat((temp.path() / name).c_str(), &info) == 0);
        CHECK((info.st_mode & 0777) == 0600);
    }
    std::ifstream in(temp.path() / "session.csv", std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), {});
    CHECK(test::parse_csv(bytes).size() == 4);
    test::refuses([&] { save_report_csv(r, temp.path() / "missing" / "x.csv"); }, "cannot write");
}

TEST_CASE("the session date is the local date of its start") {
    const char* old = std::getenv("TZ");
    const std::string saved = old != nullptr ? old : "";
    ::setenv("TZ", "UTC", 1);
    ::tzset();
    CHECK(local_date(test::kSessionStart) == "14 March 2025");
    // 01:00 UTC on the 14th is still the 13th in California.
    if (std::filesystem::exists("/usr/share/zoneinfo/America/Los_Angeles")) {
        ::setenv("TZ", "America/Los_Angeles", 1);
        ::tzset();
        CHECK(local_date(test::kSessionStart - 8 * 3600 * 1000) == "13 March 2025");
    }
    if (old != nullptr) {
        ::setenv("TZ", saved.c_str(), 1);
    } else {
        ::unsetenv("TZ");
    }
    ::tzset();
}
