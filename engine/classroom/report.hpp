// The report of a classroom session: every decision and check the room went
// through (every explored branch), with the votes, the pick and how it was
// made, and which indicators the group recognised. Built from a live
// Facilitation or from the records of a past session; saved as CSV (one row
// per decision, RFC 4180) and as a one-page PDF summary (cairo and pango).
#pragma once

#include "classroom/facilitation.hpp"

#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::classroom {

struct ReportOption {
    std::string id;
    std::string text;
    std::int64_t votes = 0;  // all of them
    std::int64_t phones = 0; // of those, from phones (the rest by hand)
    bool best = false;       // a best-tier choice, or a correct option
    bool chosen = false;
};

// One decision or knowledge check as the room went through it.
struct ReportStep {
    std::uint32_t sequence = 0; // 1, 2, 3... in the order they were made
    std::uint32_t branch = 0;   // 0: the first path; each go-back starts a new one
    std::string node_id;
    bool check = false;
    std::string prompt;                // the situation or question, shortened
    std::vector<ReportOption> options; // in the order shown, with their votes
    std::vector<std::string> chosen;   // the choice id, or the picked option ids
    std::int64_t total_votes = 0;
    std::int64_t phone_votes = 0; // of total_votes, from phones
    bool multiple = false;        // a check where each person may vote for several options
    std::int64_t basis = 0;       // what vote shares are of (Tally::basis)
    Decided decided = Decided::Majority;
    std::string tier; // decisions: the chosen choice's tier id and name
    std::string tier_name;
    bool correct = false;                // a best-tier choice, or an exactly right answer
    double seconds = 0;                  // from the question being shown to the pick
    std::vector<std::string> indicators; // indicator ids the pick noticed
};

struct ReportIndicator {
    std::string id;
    std::string name;
    bool confounder = false; // a look-alike
};

struct SessionReport {
    std::string name;
    std::string facilitator;
    std::int64_t head_count = 0;
    std::string attempt_id; // empty for a dry run
    std::string scenario_id;
    std::string scenario_title;
    std::string course_title;
    records::TimeMs started = 0;
    std::string date; // "14 March 2025", in local time; printed as it is
    std::vector<ReportStep> steps;
    std::uint32_t branches = 1; // paths explored
    // How many phones voted: the most on any one question (0 when no phone
    // voted). The records keep votes, not devices, so this is what they can
    // tell: a decision or single-answer check counts its phone votes (one per
    // phone); a multiple-answer check, where a phone may vote for several
    // options, counts its most-chosen option's phone votes, a lower bound.
    std::int64_t phones = 0;
    // Noticed through the room's own picks (majority or tie-break).
    std::vector<ReportIndicator> recognised;
    // Noticed only through the facilitator's overrides.
    std::vector<ReportIndicator> shown;
    // In the story and never noticed.
    std::vector<ReportIndicator> missed;
};

// The report of a live (or dry-run) session.
SessionReport make_report(const Facilitation& facilitation);

// The report of a recorded classroom session. Throws FacilitationError when
// the attempt is unknown or not a classroom session, records::RecordsError.
SessionReport make_report(records::Store& store, std::string_view attempt_id,
                          const model::Bundle& bundle);

// Builds the report from recorded parts. How each pick was made is derived
// from its votes with tally_votes() and the head count.
SessionReport make_report(const records::ClassroomSession& session, const records::Attempt& attempt,
                          const std::vector<records::Event>& events, const model::Bundle& bundle);

// "14 March 2025" for `time` in this machine's time zone (TZ), in the
// program's current language ("14 de marzo de 2025" in Spanish).
std::string local_date(records::TimeMs time);

// One row per step: step, branch, node, kind, prompt, chosen, decided
// (majority, tie-break or override), tier, correct, seconds, total_votes,
// hand_votes, phone_votes, indicators, then choice_N, text_N, votes_N,
// hand_votes_N, phone_votes_N for every choice or option (votes = hand +
// phone).
// RFC 4180: a header row, CRLF line ends, fields quoted where needed.
void write_report_csv(const SessionReport& report, std::ostream& out);
// Writes the CSV to `file` (owner-only). Throws FacilitationError.
void save_report_csv(const SessionReport& report, const std::filesystem::path& file);

// The one-page PDF summary (US Letter, portrait): the session, each decision
// with its vote distribution as horizontal bars, and the indicators. When
// phones voted, the header says how many (`phones`) and each option's votes
// are also given in words by raised hand and by phone ("3 hands, 4 phones").
// The same report gives the same bytes. Throws FacilitationError.
std::string render_report_pdf(const SessionReport& report);
void save_report_pdf(const SessionReport& report, const std::filesystem::path& file);

} // namespace sightline::classroom
