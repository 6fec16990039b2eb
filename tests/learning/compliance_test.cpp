// Compliance status and the retention purge's choices (learning/compliance.hpp),
// against expectations computed by hand for each shape of rule in Part 5.3 of
// the reference: Texas-like (annual, 90-day new-hire grace, hotels),
// California-like (every 24 months, hotels), Florida-like (annual, 60 days,
// front desk and housekeeping only) and Michigan-like (once, health care).
#include "learning/compliance.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>

using namespace sightline;
using learning::Day;
using learning::DueStatus;

namespace {

constexpr records::TimeMs kDayMs = 86'400'000;

Day day(const char* text) {
    const std::optional<Day> d = learning::parse_day(text);
    REQUIRE(d.has_value());
    return *d;
}

// Noon UTC on that date.
records::TimeMs noon(const char* text) {
    return static_cast<records::TimeMs>(day(text).days) * kDayMs + kDayMs / 2;
}

model::Rule rule(std::string id, std::vector<std::string> roles, std::uint32_t recurrence,
                 std::uint32_t grace, std::uint32_t retention) {
    model::Rule r;
    r.id = id;
    r.title = id + " training";
    r.jurisdiction = id;
    r.citation = "§ " + id;
    r.applies_to = std::move(roles);
    r.recurrence_months = recurrence;
    r.new_hire_days = grace;
    r.retention_months = retention;
    return r;
}

struct Fixture {
    std::vector<model::Rule> rules = {
        rule("texas", {"hotel"}, 12, 90, 24),
        rule("california", {"hotel"}, 24, 0, 0),
        rule("florida", {"hotel/front-desk", "hotel/housekeeping"}, 12, 60, 0),
        rule("michigan", {"healthcare"}, 0, 0, 0),
    };
    std::vector<model::Course> courses;
    std::vector<records::Learner> learners;
    std::vector<records::Completion> completions;

    Fixture() {
        model::Course hotel;
        hotel.id = "hotel-course";
        hotel.meets = {"texas", "california", "florida"};
        model::Course health;
        health.id = "health-course";
        health.meets = {"michigan"};
        model::Course other;
        other.id = "other-course"; // meets nothing
        courses = {hotel, health, other};

        add("ana", "Ana", "hotel/front-desk", "Austin", "2026-05-01");
        add("ben", "Ben", "hotel/housekeeping", "Austin", "2020-01-01");
        add("cara", "Cara", "hotel/front-desk", "Dallas", "2019-01-01");
        add("dan", "Dan", "hotel/maintenance", "Dallas", "2018-01-01");
        add("eve", "Eve", "healthcare/nurse", "Detroit", "");
        add("fay", "Fay", "healthcare", "Detroit", "");
        add("gus", "Gus", "", "Austin", "2020-01-01");
        add("hal", "Hal", "hotel", "Austin", "");
        add("ivy", "Ivy", "hotel/front-desk", "Austin", "2026-06-10");
        add("jo", "Jo", "hotelier", "Austin", "2020-01-01"); // not "hotel/..."

        complete("ben", "hotel-course", "2024-05-01");
        complete("ben", "hotel-course", "2025-06-01"); // the last one counts
        complete("cara", "hotel-course", "2026-01-31");
        complete("dan", "hotel-course", "2025-07-10");
        complete("dan", "other-course", "2026-06-01"); // meets no rule
        complete("eve", "health-course", "2019-03-01");
        complete("ivy", "hotel-course", "2026-07-01"); // after the as-of date
        complete("gus", "hotel-course", "2026-01-01");
    }

    void add(std::string id, std::string name, std::string role, std::string site,
             std::string hired) {
        records::Learner l;
        l.id = std::move(id);
        l.display_name = std::move(name);
        l.job_role = std::move(role);
        l.site = std::move(site);
        l.hire_date = std::move(hired);
        learners.push_back(std::move(l));
    }

    void complete(std::string learner, std::string course, const char* date) {
        completions.push_back({std::move(learner), std::move(course), noon(date), 90, 30});
    }

    std::vector<learning::ComplianceRow> rows(const char* as_of, std::string site = {},
                                              std::string only_rule = {}) const {
        learning::ComplianceQuery q;
        q.as_of = day(as_of);
        q.site = std::move(site);
        q.rule = std::move(only_rule);
        return learning::compliance_rows(rules, courses, learners, completions, q);
    }
};

struct Expected {
    const char* rule;
    const char* learner;
    DueStatus status;
    const char* last;     // "" for never
    const char* deadline; // "" for none
};

std::string describe(const learning::ComplianceRow& r) {
    return r.rule_id + " " + r.learner_name + " " + learning::due_status_name(r.status) + " " +
           (r.last_completion ? learning::format_day(*r.last_completion) : "never") + " " +
           (r.next_deadline ? learning::format_day(*r.next_deadline) : "none");
}

std::string describe(const Expected& e) {
    return std::string(e.rule) + " " + e.learner + " " + learning::due_status_name(e.status) + " " +
           (*e.last ? e.last : "never") + " " + (*e.deadline ? e.deadline : "none");
}

void check_rows(const std::vector<learning::ComplianceRow>& rows,
                const std::vector<Expected>& expected) {
    std::vector<std::string> got, want;
    for (const auto& r : rows) {
        got.push_back(describe(r));
    }
    for (const auto& e : expected) {
        want.push_back(describe(e));
    }
    CHECK(got == want);
}

} // namespace

TEST_CASE("dates: parsing, calendar months clamped to the month's end, days") {
    CHECK(learning::format_day(day("2026-01-31")) == "2026-01-31");
    CHECK_FALSE(learning::parse_day("2026-02-30").has_value());
    CHECK_FALSE(learning::parse_day("26-1-1").has_value());
    CHECK(learning::format_day(learning::add_months(day("2026-01-31"), 12)) == "2027-01-31");
    CHECK(learning::format_day(learning::add_months(day("2025-01-31"), 1)) == "2025-02-28");
    CHECK(learning::format_day(learning::add_months(day("2024-01-31"), 1)) == "2024-02-29");
    CHECK(learning::format_day(learning::add_months(day("2024-02-29"), 12)) == "2025-02-28");
    CHECK(learning::format_day(learning::add_months(day("2025-03-31"), -1)) == "2025-02-28");
    CHECK(learning::format_day(learning::add_days(day("2026-06-10"), 90)) == "2026-09-08");
    // A completion late in the evening west of UTC is on the local date.
    CHECK(learning::format_day(learning::day_of(noon("2026-03-01") + 13 * 3'600'000, -6 * 60)) ==
          "2026-03-01");
    CHECK(learning::format_day(learning::day_of(noon("2026-03-01") + 13 * 3'600'000)) ==
          "2026-03-02");
    CHECK(learning::format_day(learning::day_of(-1)) == "1969-12-31");
}

TEST_CASE("a rule covers its job roles and those under them, not look-alikes") {
    const model::Rule r = rule("florida", {"hotel/front-desk", "hotel"}, 12, 60, 0);
    CHECK(learning::rule_applies(r, "hotel"));
    CHECK(learning::rule_applies(r, "hotel/maintenance"));
    CHECK(learning::rule_applies(r, "hotel/front-desk/night"));
    CHECK_FALSE(learning::rule_applies(r, "hotelier"));
    CHECK_FALSE(learning::rule_applies(r, ""));
    CHECK_FALSE(learning::rule_applies(rule("x", {"hotel/front-desk"}, 0, 0, 0), "hotel"));
}

TEST_CASE("records due: every rule shape against hand-computed statuses and deadlines") {
    const Fixture f;
    // As of 2026-06-15. Sorted by rule, then site, then name.
    // Texas (12 months, 90-day grace): Ana hired 2026-05-01, never trained: due until
    // 2026-07-30. Ben last trained 2025-06-01: deadline 2026-06-01, passed. Hal (role
    // "hotel" itself) has no hire date and no training: overdue with no deadline. Ivy's
    // completion on 2026-07-01 is after the as-of date, so she is a new hire (hired
    // 2026-06-10, +90 days = 2026-09-08). Cara trained on Jan 31: the deadline is the
    // next Jan 31. Dan's deadline 2026-07-10 is 25 days away: due. Gus has no job role;
    // Jo's "hotelier" is not a hotel role.
    // California (24 months, no grace): Ana never trained and the rule gives no grace:
    // her deadline was her hire date.
    // Florida (12 months, 60 days, front desk and housekeeping): Dan (maintenance) is
    // not listed.
    // Michigan (once): Eve's 2019 completion stands for good; Fay has no hire date.
    check_rows(f.rows("2026-06-15"),
               {
                   {"texas", "Ana", DueStatus::Due, "", "2026-07-30"},
                   {"texas", "Ben", DueStatus::Overdue, "2025-06-01", "2026-06-01"},
                   {"texas", "Hal", DueStatus::Overdue, "", ""},
                   {"texas", "Ivy", DueStatus::Due, "", "2026-09-08"},
                   {"texas", "Cara", DueStatus::Current, "2026-01-31", "2027-01-31"},
                   {"texas", "Dan", DueStatus::Due, "2025-07-10", "2026-07-10"},
                   {"california", "Ana", DueStatus::Overdue, "", "2026-05-01"},
                   {"california", "Ben", DueStatus::Current, "2025-06-01", "2027-06-01"},
                   {"california", "Hal", DueStatus::Overdue, "", ""},
                   {"california", "Ivy", DueStatus::Overdue, "", "2026-06-10"},
                   {"california", "Cara", DueStatus::Current, "2026-01-31", "2028-01-31"},
                   {"california", "Dan", DueStatus::Current, "2025-07-10", "2027-07-10"},
                   {"florida", "Ana", DueStatus::Due, "", "2026-06-30"},
                   {"florida", "Ben", DueStatus::Overdue, "2025-06-01", "2026-06-01"},
                   {"florida", "Ivy", DueStatus::Due, "", "2026-08-09"},
                   {"florida", "Cara", DueStatus::Current, "2026-01-31", "2027-01-31"},
                   {"michigan", "Eve", DueStatus::Current, "2019-03-01", ""},
                   {"michigan", "Fay", DueStatus::Overdue, "", ""},
               });
    // On her hire date itself Ivy is due for California (its deadline is that day).
    for (const auto& r : f.rows("2026-06-10", "Austin", "california")) {
        if (r.learner_name == "Ivy") {
            CHECK(r.status == DueStatus::Due);
        }
    }
}

TEST_CASE("records due: the due window's edges and a new hire's last day") {
    Fixture f;
    // Cara's Texas deadline is 2027-01-31.
    const auto texas_cara = [&](const char* as_of) {
        for (const auto& r : f.rows(as_of, "Dallas", "texas")) {
            if (r.learner_name == "Cara") {
                return r.status;
            }
        }
        FAIL("Cara is not listed");
        return DueStatus::Overdue;
    };
    CHECK(texas_cara("2026-12-31") == DueStatus::Current); // 31 days before
    CHECK(texas_cara("2027-01-01") == DueStatus::Due);     // 30 days before
    CHECK(texas_cara("2027-01-31") == DueStatus::Due);     // the deadline itself
    CHECK(texas_cara("2027-02-01") == DueStatus::Overdue);
    // Ana, hired 2026-05-01: due through 2026-07-30 (90 days), overdue the day after.
    const auto texas_ana = [&](const char* as_of) {
        return f.rows(as_of, "Austin", "texas").at(0);
    };
    REQUIRE(texas_ana("2026-07-30").learner_name == "Ana");
    CHECK(texas_ana("2026-07-30").status == DueStatus::Due);
    CHECK(texas_ana("2026-07-31").status == DueStatus::Overdue);
}

TEST_CASE("records due: --site and --rule filter the rows") {
    const Fixture f;
    check_rows(f.rows("2026-06-15", "Dallas"),
               {
                   {"texas", "Cara", DueStatus::Current, "2026-01-31", "2027-01-31"},
                   {"texas", "Dan", DueStatus::Due, "2025-07-10", "2026-07-10"},
                   {"california", "Cara", DueStatus::Current, "2026-01-31", "2028-01-31"},
                   {"california", "Dan", DueStatus::Current, "2025-07-10", "2027-07-10"},
                   {"florida", "Cara", DueStatus::Current, "2026-01-31", "2027-01-31"},
               });
    check_rows(f.rows("2026-06-15", "Detroit", "michigan"),
               {
                   {"michigan", "Eve", DueStatus::Current, "2019-03-01", ""},
                   {"michigan", "Fay", DueStatus::Overdue, "", ""},
               });
    CHECK(f.rows("2026-06-15", "Nowhere").empty());
    CHECK(f.rows("2026-06-15", "", "no-such-rule").empty());

    const auto counts = learning::count_by_rule(f.rows("2026-06-15"));
    REQUIRE(counts.size() == 4);
    CHECK(counts[0].first == "texas");
    CHECK(counts[0].second.overdue == 2);
    CHECK(counts[0].second.due == 3);
    CHECK(counts[0].second.current == 1);
    CHECK(counts[3].first == "michigan");
    CHECK(counts[3].second.current == 1);
}

TEST_CASE("records due: a learner is listed for the rules of their site's jurisdiction") {
    Fixture f;
    f.rules[0].jurisdiction = "Texas";
    f.rules[1].jurisdiction = "California";
    f.rules[2].jurisdiction = "Florida";
    f.rules[3].jurisdiction = "Michigan";
    f.learners.clear();
    f.completions.clear();
    f.add("al", "Al", "hotel/front-desk", "Austin", "2026-05-01");
    f.add("sam", "Sam", "hotel/front-desk", "San Diego", "2026-05-01");
    f.add("rex", "Rex", "hotel/front-desk", "Reno", "2019-01-01"); // no jurisdiction set
    f.complete("rex", "hotel-course", "2026-01-31");
    const auto rows = [&](std::map<std::string, std::string, std::less<>> sites) {
        learning::ComplianceQuery q;
        q.as_of = day("2026-06-15");
        q.site_jurisdictions = std::move(sites);
        return learning::compliance_rows(f.rules, f.courses, f.learners, f.completions, q);
    };
    // Al (Austin, Texas): Texas only, due until hire + 90 days. Sam (San Diego,
    // California): California only, which gives no grace, so overdue since the
    // hire date. Rex (Reno, unmapped): every hotel rule, trained 2026-01-31.
    const std::vector<Expected> by_state = {
        {"texas", "Al", DueStatus::Due, "", "2026-07-30"},
        {"texas", "Rex", DueStatus::Current, "2026-01-31", "2027-01-31"},
        {"california", "Rex", DueStatus::Current, "2026-01-31", "2028-01-31"},
        {"california", "Sam", DueStatus::Overdue, "", "2026-05-01"},
        {"florida", "Rex", DueStatus::Current, "2026-01-31", "2027-01-31"},
    };
    check_rows(rows({{"Austin", "Texas"}, {"San Diego", "California"}}), by_state);
    // Compared ignoring case.
    check_rows(rows({{"Austin", "texas"}, {"San Diego", "CALIFORNIA"}}), by_state);
    // No mapping at all: today's roster, every hotel rule for everyone.
    CHECK(rows({}).size() == 9);
    // A site mapped to a state with none of these rules is listed for none.
    check_rows(rows({{"Austin", "Texas"}, {"San Diego", "California"}, {"Reno", "Nevada"}}),
               {
                   {"texas", "Al", DueStatus::Due, "", "2026-07-30"},
                   {"california", "Sam", DueStatus::Overdue, "", "2026-05-01"},
               });
    // A rule that names no jurisdiction applies at every site.
    f.rules[2].jurisdiction.clear();
    check_rows(rows({{"Austin", "Texas"}, {"San Diego", "California"}}),
               {
                   {"texas", "Al", DueStatus::Due, "", "2026-07-30"},
                   {"texas", "Rex", DueStatus::Current, "2026-01-31", "2027-01-31"},
                   {"california", "Rex", DueStatus::Current, "2026-01-31", "2028-01-31"},
                   {"california", "Sam", DueStatus::Overdue, "", "2026-05-01"},
                   {"florida", "Al", DueStatus::Due, "", "2026-06-30"},
                   {"florida", "Rex", DueStatus::Current, "2026-01-31", "2027-01-31"},
                   {"florida", "Sam", DueStatus::Due, "", "2026-06-30"},
               });

    CHECK(learning::jurisdiction_covers(f.rules[0], "TeXaS"));
    CHECK(learning::jurisdiction_covers(f.rules[0], ""));
    CHECK_FALSE(learning::jurisdiction_covers(f.rules[0], "Texas2"));
    CHECK_FALSE(learning::jurisdiction_covers(f.rules[0], "Florida"));
}

TEST_CASE("records due: the CSV has a header and one quoted-where-needed line per row") {
    Fixture f;
    f.learners[0].display_name = "Ana \"Annie\", Jr";
    const std::string csv = learning::compliance_csv(f.rows("2026-06-15", "Austin", "texas"));
    CHECK(csv.starts_with("learner_id,learner,job_role,site,hire_date,rule,status,"
                          "last_completion,last_course,next_deadline\r\n"));
    CHECK(csv.find("ana,\"Ana \"\"Annie\"\", Jr\",hotel/front-desk,Austin,2026-05-01,texas,due,,"
                   ",2026-07-30\r\n") != std::string::npos);
    CHECK(csv.find("ben,Ben,hotel/housekeeping,Austin,2020-01-01,texas,overdue,2025-06-01,"
                   "hotel-course,2026-06-01\r\n") != std::string::npos);
}

TEST_CASE("records due lists 100,000 learners (tools/bench/bench_compliance times it)") {
    Fixture f;
    f.learners.clear();
    f.completions.clear();
    for (int i = 0; i < 100'000; ++i) {
        const std::string id = "learner-" + std::to_string(i);
        f.add(id, "Name " + std::to_string(i),
              i % 3 == 0 ? "hotel/front-desk" : "hotel/maintenance",
              "Site " + std::to_string(i % 40), "2020-01-01");
        f.complete(id, "hotel-course", "2025-06-01");
        f.complete(id, "hotel-course", "2026-01-31");
    }
    const auto rows = f.rows("2026-06-15");
    // Texas and California for everyone, Florida for a third.
    CHECK(rows.size() == 100'000 * 2 + 33'334);
}

TEST_CASE("purge keeps what rules require and each learner's proof, and removes the rest") {
    Fixture f;
    const records::TimeMs now = noon("2026-06-15");
    learning::RetentionInput in;
    in.learners = f.learners;
    in.completions = {
        {"ben", "hotel-course", noon("2023-05-01"), 90, 30},  // old, beyond Texas's 24 months
        {"ben", "hotel-course", noon("2024-09-01"), 90, 30},  // kept: within 24 months
        {"ben", "hotel-course", noon("2025-06-01"), 90, 30},  // old, but his proof
        {"eve", "health-course", noon("2019-03-01"), 90, 30}, // Michigan proof: kept
        {"gus", "hotel-course", noon("2019-03-01"), 90, 30},  // no job role: goes
        {"dan", "other-course", noon("2020-03-01"), 90, 30},  // meets no rule: goes
        {"fay", "health-course", noon("2018-03-01"), 90, 30}, // proof, also kept
        {"fay", "health-course", noon("2017-03-01"), 90, 30}, // an older one: goes
    };
    records::Attempt old_attempt;
    old_attempt.id = "a-old";
    old_attempt.learner_id = "ben";
    old_attempt.course_id = "hotel-course";
    old_attempt.started = old_attempt.last_activity = noon("2023-04-30");
    records::Attempt kept_attempt = old_attempt;
    kept_attempt.id = "a-kept";
    kept_attempt.started = kept_attempt.last_activity = noon("2024-08-31");
    records::Attempt classroom = old_attempt;
    classroom.id = "a-classroom";
    classroom.learner_id.clear();
    classroom.mode = records::Mode::Classroom;
    records::Attempt eve_attempt = old_attempt;
    eve_attempt.id = "a-eve"; // Michigan keeps no attempt beyond its retention (none)
    eve_attempt.learner_id = "eve";
    eve_attempt.course_id = "health-course";
    eve_attempt.started = eve_attempt.last_activity = noon("2019-02-28");
    in.attempts = {old_attempt, kept_attempt, classroom, eve_attempt};
    in.attestations = {{"eve", "health-course", "I did it", noon("2019-03-01")},
                       {"gus", "hotel-course", "I did it", noon("2019-03-01")}};
    records::Certificate eve_first, eve_second, gus_cert;
    eve_first.id = "c-eve-1";
    eve_first.learner_id = "eve";
    eve_first.course_id = "health-course";
    eve_first.issued = noon("2018-01-01");
    eve_second = eve_first;
    eve_second.id = "c-eve-2";
    eve_second.issued = noon("2019-03-02");
    gus_cert = eve_first;
    gus_cert.id = "c-gus";
    gus_cert.learner_id = "gus";
    gus_cert.course_id = "hotel-course";
    in.certificates = {eve_first, eve_second, gus_cert};

    const learning::PurgeDecision d =
        learning::plan_purge(f.rules, f.courses, in, /*older_than_months=*/12, now);
    CHECK(learning::format_day(learning::day_of(d.cutoff)) == "2025-06-15");
    const records::PurgeSelection& s = d.selection;
    CHECK(s.attempts == std::vector<std::string>{"a-old", "a-classroom", "a-eve"});
    std::vector<std::string> completions;
    for (const auto& c : s.completions) {
        completions.push_back(c.learner_id + " " +
                              learning::format_day(learning::day_of(c.completed)));
    }
    CHECK(completions == std::vector<std::string>{"ben 2023-05-01", "gus 2019-03-01",
                                                  "dan 2020-03-01", "fay 2017-03-01"});
    REQUIRE(s.attestations.size() == 1);
    CHECK(s.attestations[0].learner_id == "gus");
    CHECK(s.certificates == std::vector<std::string>{"c-eve-1", "c-gus"});
    // Kept though old: Ben's 2024 attempt and completion (Texas keeps 24 months) and
    // his latest completion (2025-06-01, his proof), Eve's and Fay's latest Michigan
    // completions, Eve's attestation and her latest certificate.
    CHECK(d.kept_by_rule == 7);

    // Records younger than the age given are never chosen.
    const learning::PurgeDecision none =
        learning::plan_purge(f.rules, f.courses, in, /*older_than_months=*/120, now);
    CHECK(none.selection.attempts.empty());
    CHECK(none.selection.completions.empty());
    CHECK(none.selection.certificates.empty());
    CHECK_THROWS_AS(learning::plan_purge(f.rules, f.courses, in, -1, now), std::invalid_argument);
}
