// Compliance as data: who is current, due or overdue for each rule that
// applies to their job role (`sightline records due`), and which old records
// a retention purge may remove (`sightline records purge`). Pure functions:
// plain values in, plain values out; the store is read by the caller.
//
// Status of a learner for a rule, as of a date D (a calendar date; times are
// turned into dates at the query's UTC offset):
//   - The rule applies when the learner's job role equals one of its
//     `applies_to` roles or starts with one and a '/' ("hotel" covers
//     "hotel/front-desk"). A learner with no job role is never listed.
//   - ... and when the learner's site is in the rule's jurisdiction: the
//     organisation maps sites to jurisdictions (setting
//     "site-jurisdiction:SITE"). A rule with no jurisdiction applies at every
//     site; a rule with one applies at sites mapped to it, compared ignoring
//     ASCII case ("texas" is "Texas"), and at sites with no mapping: an
//     unmapped site is listed for every rule, so a missing setting never
//     hides a duty.
//   - A qualifying completion is a completion, on or before D, of a course
//     whose `meets` lists the rule; the last one counts.
//   - Trained, once-rule (recurrence 0): current; no next deadline.
//   - Trained, recurring rule: next deadline = the completion date plus
//     recurrence months, calendar months, clamped to the month's last day
//     (2025-01-31 + 12 months = 2026-01-31; 2024-02-29 + 12 = 2025-02-28;
//     2025-01-31 + 1 = 2025-02-28). Overdue when D is after it; due when it is
//     at most 30 days away (D = deadline is due, the last day to train);
//     current otherwise.
//   - Never trained, with a hire date: next deadline = hire date + the rule's
//     new_hire_days (the hire date itself when the rule gives no grace).
//     Due until then (a new hire within the grace period), overdue after.
//   - Never trained, no hire date: overdue, no next deadline (nothing shows
//     they are within a grace period).
#pragma once

#include "model/model.hpp"
#include "records/records.hpp"
#include "records/store.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::learning {

// A calendar date as days since 1970-01-01.
struct Day {
    std::int32_t days = 0;
    friend auto operator<=>(const Day&, const Day&) = default;
};

// "YYYY-MM-DD" (a real date from 1900 on) to a Day; nullopt otherwise.
std::optional<Day> parse_day(std::string_view text);
std::string format_day(Day day);
// The calendar date of `time` at `utc_offset_minutes` east of UTC.
Day day_of(records::TimeMs time, int utc_offset_minutes = 0);
// `day` plus `months` calendar months, clamped to the last day of the month.
Day add_months(Day day, int months);
Day add_days(Day day, int days);

// Whether a rule covers a job role ("hotel" covers "hotel" and "hotel/...").
bool rule_applies(const model::Rule& rule, std::string_view job_role);

// Whether a rule's jurisdiction covers a site mapped to `site_jurisdiction`
// (empty: the site has no mapping). See the status rules above.
bool jurisdiction_covers(const model::Rule& rule, std::string_view site_jurisdiction);

enum class DueStatus : std::uint8_t { Overdue, Due, Current };
const char* due_status_name(DueStatus status); // "overdue", "due", "current"

// How many days before a deadline a trained learner counts as due.
inline constexpr int kDueWindowDays = 30;

// The first day a trained learner counts as due for a deadline: kDueWindowDays
// before it. From that day on, a course that meets the rule is open for
// renewal (progress.hpp).
Day due_window_opens(Day deadline);

// The shortest recurrence, in months, of the recurring rules (recurrence > 0)
// that `course` meets (`meets`) and that cover `job_role`; nullopt when none
// does (no such rule, only once-rules, or no job role).
std::optional<int> renewal_months(const std::vector<model::Rule>& rules,
                                  const model::Course& course, std::string_view job_role);

struct ComplianceQuery {
    Day as_of;
    std::string site; // only learners at this site; empty: every site
    std::string rule; // only this rule (its id); empty: every rule
    int utc_offset_minutes = 0;
    // Site -> jurisdiction; sites not in it are listed for every rule.
    std::map<std::string, std::string, std::less<>> site_jurisdictions;
};

struct ComplianceRow {
    std::string learner_id;
    std::string learner_name;
    std::string job_role;
    std::string site;
    std::string hire_date; // as recorded; may be empty
    std::string rule_id;
    DueStatus status = DueStatus::Overdue;
    std::optional<Day> last_completion;
    std::string last_course; // the course of the last qualifying completion
    std::optional<Day> next_deadline;
};

// One row per learner and rule that applies to them, sorted by the rules'
// order in `rules`, then site, name and learner id. `completions` may be in
// any order and hold other learners' and courses' completions.
std::vector<ComplianceRow> compliance_rows(const std::vector<model::Rule>& rules,
                                           const std::vector<model::Course>& courses,
                                           const std::vector<records::Learner>& learners,
                                           const std::vector<records::Completion>& completions,
                                           const ComplianceQuery& query);

struct StatusCounts {
    std::size_t overdue = 0;
    std::size_t due = 0;
    std::size_t current = 0;
};
// Counts per rule id, in the order the rules appear in the rows.
std::vector<std::pair<std::string, StatusCounts>>
count_by_rule(const std::vector<ComplianceRow>& rows);

// The roster as CSV (RFC 4180): learner_id, learner, job_role, site,
// hire_date, rule, status, last_completion, last_course, next_deadline.
std::string compliance_csv(const std::vector<ComplianceRow>& rows);

// What the printed roster says above its table.
struct RosterHeading {
    std::string organisation;     // may be empty
    std::string records_location; // the records file or server
    Day as_of;
    std::string site; // the --site filter, or empty
};

// The roster as a PDF (US Letter portrait, compliance_pdf.cpp): the title,
// organisation and records location, the as-of date, each rule listed (title,
// jurisdiction, citation, recurrence, grace, retention) with its counts per
// status, then the table (learner, job role, site, rule, status, last
// completion, next deadline). Everything fits one page up to about 45 rows;
// a longer roster continues on numbered pages that repeat the table's
// heading, and the first page says how many pages follow, so the summary
// (rules and counts) is always on page 1. The same input gives the same bytes.
// Throws std::runtime_error when cairo fails.
std::string render_compliance_pdf(const std::vector<model::Rule>& rules,
                                  const std::vector<ComplianceRow>& rows,
                                  const RosterHeading& heading);

// ---------------------------------------------------------------- retention
//
// `purge --older-than MONTHS` removes attempts (by last activity, with their
// events, votes and classroom session), completions (by completion time),
// attestations (by time) and certificates (by issue time) dated before
// now - MONTHS calendar months, except:
//   1. what a rule requires to be kept: a record of a learner for a course
//      that meets a rule applying to the learner's job role is kept while it
//      is younger than the rule's retention_months (the longest of such rules);
//   2. the proof of a learner's standing: for every rule applying to them,
//      their latest qualifying completion, the attestation for that course
//      and the latest certificate of that course are kept whatever their age
//      (a once-rule such as Michigan's is met by that proof for good).
// Rules apply here by job role alone, whatever the site's jurisdiction: a
// purge that is unsure keeps more rather than less.
// Classroom sessions are anonymous, so no rule keeps them. Certificate status
// entries (a certificate's index in the status list, its revocation) are never
// removed, so an index is not given out twice and a revoked certificate stays
// revoked.

struct RetentionInput {
    std::vector<records::Learner> learners;
    std::vector<records::Attempt> attempts; // without saves is enough
    std::vector<records::Completion> completions;
    std::vector<records::Attestation> attestations;
    std::vector<records::Certificate> certificates;
};

struct PurgeDecision {
    records::PurgeSelection selection;
    records::TimeMs cutoff = 0;   // older than this goes
    std::size_t kept_by_rule = 0; // old records kept because of rule 1 or 2
};

// Throws std::invalid_argument for a negative `older_than_months`.
PurgeDecision plan_purge(const std::vector<model::Rule>& rules,
                         const std::vector<model::Course>& courses, const RetentionInput& input,
                         int older_than_months, records::TimeMs now);

} // namespace sightline::learning
