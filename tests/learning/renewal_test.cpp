// Renewal cycles: a course that meets a recurring compliance rule opens again
// for the learner kDueWindowDays before their completion falls due; only the
// new cycle's attempts, time and attestation count, a new completion is
// recorded, and one new certificate may be issued for it.
#include "credentials/issue.hpp"
#include "credentials/provider.hpp"
#include "learning/compliance.hpp"
#include "learning/learning.hpp"
#include "records/store.hpp"
#include "support/scenario_fixtures.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace sightline;
using sightline::test::TempDir;

namespace {

constexpr records::TimeMs kMinute = 60'000;
constexpr records::TimeMs kDay = 86'400'000;

// 10:00 UTC on a "YYYY-MM-DD" day.
records::TimeMs at(const char* date) {
    const std::optional<learning::Day> day = learning::parse_day(date);
    REQUIRE(day.has_value());
    return records::TimeMs{day->days} * kDay + 10 * 60 * kMinute;
}

// The example course, meeting a rule for hotels that recurs every
// `recurrence` months (0: once).
model::Bundle bundle_with_rule(std::uint32_t recurrence) {
    model::Bundle bundle = test::format_example();
    model::Rule rule;
    rule.id = "texas-hotels";
    rule.title = "Texas hotel employee training";
    rule.applies_to = {"hotel"};
    rule.recurrence_months = recurrence;
    bundle.rules = {rule};
    bundle.courses.at(0).meets = {"texas-hotels"};
    return bundle;
}

struct Fixture {
    explicit Fixture(std::uint32_t recurrence, const char* job_role = "hotel/front-desk")
        : bundle(bundle_with_rule(recurrence)) {
        credentials::init_provider(
            dir.path() / "config",
            {"Renewal Training", "RT-1", "training@example.org", "A. Signer", "Director"}, false,
            at("2026-01-01"));
        learner = layer().add_learner({"Lee", "", "", "", "", job_role, "Austin"}).id;
    }

    TempDir dir;
    std::unique_ptr<records::Store> store = records::open_store(dir.path());
    model::Bundle bundle;
    std::string learner;
    records::TimeMs today = at("2026-03-01");

    const model::Course& course() const { return bundle.courses.at(0); }

    // A player of one edition of the content (its content hash), at `today`.
    learning::Learning layer(const std::string& edition = "edition-1") {
        learning::Learning l(*store, bundle, {edition, "0.1.0"}, {dir.path() / "config", {}, {}});
        l.set_clock([this] { return today; });
        if (!learner.empty()) {
            REQUIRE(l.select_learner(learner));
        }
        return l;
    }

    // Plays the example's one scenario to its best ending from `today`, with
    // 11 minutes of active time (the course asks for 10), finishing then.
    learning::Finished play(learning::Learning& l) {
        learning::Started started = l.start(bundle.scenarios.at(0), &course());
        started.session.choose("log-and-tell", today + 4 * kMinute);
        started.session.answer({"id", "answers"}, today + 8 * kMinute);
        started.session.advance(today + 11 * kMinute);
        today += 11 * kMinute;
        return l.finish(started.session, &course(), today);
    }

    // Completes the course, attests and issues the first certificate on 2026-03-01.
    records::Certificate first_cycle() {
        learning::Learning l = layer();
        const learning::Finished done = play(l);
        REQUIRE(done.completion.has_value());
        today += kMinute;
        l.attest(course());
        today += kMinute;
        return l.issue(course()).certificate;
    }
};

} // namespace

TEST_CASE("a recurring rule opens the course for renewal: play again, a new completion and "
          "one new certificate") {
    Fixture f(12);
    const records::Certificate first = f.first_cycle();
    const records::TimeMs first_completion = at("2026-03-01") + 11 * kMinute;
    {
        // Completed, and not due yet: everything as before renewals.
        learning::Learning l = f.layer();
        const learning::CourseProgress p = l.progress(f.course());
        CHECK(p.complete());
        CHECK_FALSE(p.renewal.open);
        REQUIRE(p.renewal.due.has_value());
        CHECK(learning::format_day(*p.renewal.due) == "2027-03-01");
        CHECK(learning::renewal_line(p.renewal).empty());
        REQUIRE(l.credit(f.course()).certificate.has_value());
        CHECK(l.credit(f.course()).certificate->id == first.id);

        f.today = at("2027-01-29"); // 31 days before: not yet
        CHECK_FALSE(l.progress(f.course()).renewal.open);
        CHECK(l.progress(f.course()).complete());
        CHECK(l.credit(f.course()).certificate.has_value());
    }

    // 30 days before the anniversary the renewal opens: the course starts over.
    f.today = at("2027-01-30");
    {
        learning::Learning l = f.layer();
        const learning::CourseProgress p = l.progress(f.course());
        CHECK(p.renewal.open);
        CHECK(learning::renewal_line(p.renewal) ==
              "Renewal due by 2027-03-01: play the required scenarios again.");
        REQUIRE(p.scenarios.size() == 1);
        CHECK(p.scenarios[0].state == learning::ScenarioState::NotStarted);
        CHECK_FALSE(p.scenarios[0].best_percent.has_value());
        CHECK(p.required_completed == 0);
        CHECK(p.active_ms == 0);
        CHECK_FALSE(p.attested()); // the first cycle's confirmation does not count
        const learning::Credit credit = l.credit(f.course());
        CHECK_FALSE(credit.certificate.has_value());
        CHECK_FALSE(credit.attestation_offered);
        CHECK_FALSE(credit.issue_offered);
        CHECK(credit.rules[0].text == "0 of 1 required scenarios completed.");
        CHECK_THROWS_AS(l.issue(f.course()), credentials::NotEligible);
    }

    // Played again two days later, from a newer edition of the content: the
    // first cycle's attempts (of edition 1) are not replayed before issuing.
    f.today = at("2027-02-01");
    learning::Learning l = f.layer("edition-2");
    const learning::Finished renewed = f.play(l);
    REQUIRE(renewed.completion.has_value());
    const records::TimeMs second_completion = at("2027-02-01") + 11 * kMinute;
    CHECK(renewed.completion->completed == second_completion);
    const std::vector<records::Completion> completions = f.store->completions(f.learner);
    REQUIRE(completions.size() == 2);
    CHECK(completions[0].completed == first_completion);
    CHECK(completions[1].completed == second_completion);

    // Renewed: not open any more, due a year on; the certificate wants a new
    // confirmation.
    learning::Credit credit = l.credit(f.course());
    CHECK_FALSE(credit.progress.renewal.open);
    CHECK(learning::format_day(*credit.progress.renewal.due) == "2028-02-01");
    CHECK(credit.progress.all_required_completed());
    CHECK(credit.progress.active_ms == 11 * kMinute); // this cycle's time only
    CHECK_FALSE(credit.certificate.has_value());
    CHECK(credit.attestation_offered);
    CHECK_THROWS_AS(l.issue(f.course()), credentials::NotEligible);

    f.today += kMinute;
    l.attest(f.course());
    CHECK(f.store->attestation(f.learner, f.course().id)->time == f.today); // replaced
    credit = l.credit(f.course());
    CHECK(credit.issue_offered);
    f.today += kMinute;
    const records::Certificate second = l.issue(f.course()).certificate;
    CHECK(second.id != first.id);
    CHECK(second.issued == f.today);
    CHECK(f.store->certificates().size() == 2);
    CHECK(f.store->completions(f.learner).size() == 2); // issuing recorded no other
    credit = l.credit(f.course());
    REQUIRE(credit.certificate.has_value());
    CHECK(credit.certificate->id == second.id);
    CHECK_FALSE(credit.issue_offered);

    // A third is refused: this completion has its certificate.
    f.today += kMinute;
    try {
        (void)l.issue(f.course());
        FAIL("a second certificate for one completion was issued");
    } catch (const credentials::AlreadyIssued& e) {
        CHECK(e.existing().id == second.id);
    }
    CHECK(f.store->certificates().size() == 2);

    // Playing again in the same cycle records no other completion.
    CHECK_FALSE(f.play(l).completion.has_value());
    CHECK(f.store->completions(f.learner).size() == 2);

    // `records due` counts the new completion: current, due a year after it.
    learning::ComplianceQuery query;
    query.as_of = *learning::parse_day("2027-02-02");
    const std::vector<learning::ComplianceRow> rows = learning::compliance_rows(
        f.bundle.rules, f.bundle.courses, f.store->learners(), f.store->all_completions(), query);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].status == learning::DueStatus::Current);
    CHECK(learning::format_day(*rows[0].last_completion) == "2027-02-01");
    CHECK(learning::format_day(*rows[0].next_deadline) == "2028-02-01");
}

TEST_CASE("an attempt left unfinished before the renewal opened is not resumed into it") {
    Fixture f(12);
    (void)f.first_cycle();
    f.today = at("2026-06-01");
    {
        learning::Learning l = f.layer();
        learning::Started practice = l.start(f.bundle.scenarios.at(0), &f.course());
        practice.session.choose("log-and-tell", f.today + kMinute);
    }
    f.today = at("2027-02-10");
    learning::Learning l = f.layer();
    const learning::CourseProgress p = l.progress(f.course());
    CHECK(p.renewal.open);
    CHECK_FALSE(p.scenarios.at(0).resume.has_value()); // not this cycle's
    const learning::Started started = l.start(f.bundle.scenarios.at(0), &f.course());
    CHECK_FALSE(started.resumed);
    int open = 0;
    for (const records::Attempt& a : f.store->attempts()) {
        open += a.status == records::Status::InProgress;
    }
    CHECK(open == 1);
}

TEST_CASE("a once-rule, or a rule that does not cover the learner's job role, never renews") {
    struct Case {
        std::uint32_t recurrence;
        const char* role;
    };
    for (const Case c : {Case{0, "hotel/front-desk"}, Case{12, "bus/driver"}, Case{12, ""}}) {
        CAPTURE(c.recurrence);
        CAPTURE(std::string(c.role));
        Fixture f(c.recurrence, c.role);
        const records::Certificate first = f.first_cycle();
        for (const char* later : {"2027-02-10", "2027-03-02", "2031-01-01"}) {
            CAPTURE(std::string(later));
            f.today = at(later);
            learning::Learning l = f.layer();
            const learning::CourseProgress p = l.progress(f.course());
            CHECK_FALSE(p.renewal.open);
            CHECK_FALSE(p.renewal.due.has_value());
            CHECK(p.complete());
            const learning::Credit credit = l.credit(f.course());
            REQUIRE(credit.certificate.has_value());
            CHECK(credit.certificate->id == first.id);
            CHECK_THROWS_AS(l.issue(f.course()), credentials::AlreadyIssued);
            CHECK_FALSE(f.play(l).completion.has_value());
        }
        CHECK(f.store->completions(f.learner).size() == 1);
        CHECK(f.store->certificates().size() == 1);
    }
}

TEST_CASE("the renewal falls due after the shortest recurrence of the rules that apply") {
    model::Bundle bundle = bundle_with_rule(24);
    model::Rule florida;
    florida.id = "florida-hotels";
    florida.applies_to = {"hotel/front-desk"};
    florida.recurrence_months = 12;
    model::Rule michigan; // once, and not a hotel rule
    michigan.id = "michigan-health";
    michigan.applies_to = {"health"};
    bundle.rules.push_back(florida);
    bundle.rules.push_back(michigan);
    model::Course& course = bundle.courses.at(0);
    course.meets = {"texas-hotels", "florida-hotels", "michigan-health"};
    CHECK(learning::renewal_months(bundle.rules, course, "hotel/front-desk") == 12);
    CHECK(learning::renewal_months(bundle.rules, course, "hotel/housekeeping") == 24);
    CHECK_FALSE(learning::renewal_months(bundle.rules, course, "health/nurse").has_value());
    CHECK_FALSE(learning::renewal_months(bundle.rules, course, "").has_value());

    // Completed on 2024-02-29: due 2025-02-28 (clamped), open from 2025-01-29.
    const std::vector<records::Completion> done{{"lee", course.id, at("2024-02-29"), 90, 12},
                                                {"lee", "other-course", at("2025-01-01"), 90, 12}};
    CHECK_FALSE(
        learning::course_renewal(bundle.rules, course, "hotel/front-desk", done, at("2025-01-28"))
            .open);
    const learning::Renewal r =
        learning::course_renewal(bundle.rules, course, "hotel/front-desk", done, at("2025-01-29"));
    CHECK(r.open);
    CHECK(learning::format_day(*r.due) == "2025-02-28");
    CHECK(r.cycle_start == at("2025-01-29") - 10 * 60 * kMinute); // the start of that day (UTC)
    // Long overdue is open too.
    CHECK(learning::course_renewal(bundle.rules, course, "hotel/front-desk", done, at("2026-06-01"))
              .open);

    // A second completion recorded before the window opened (a copy from
    // another machine) renews nothing: every attempt still counts.
    const std::vector<records::Completion> twice{{"lee", course.id, at("2024-02-29"), 90, 12},
                                                 {"lee", course.id, at("2024-03-02"), 90, 12}};
    const learning::Renewal copy =
        learning::course_renewal(bundle.rules, course, "hotel/front-desk", twice, at("2024-06-01"));
    CHECK_FALSE(copy.open);
    CHECK_FALSE(copy.cycle_start.has_value());
    CHECK(learning::format_day(*copy.due) == "2025-03-02");
}
