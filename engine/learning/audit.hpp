// The gaming audit: can a learner who does not read pass a course? Every
// course of a bundle is played, with the options shown in a seeded shuffled
// order (runtime::RunOptions::shuffle) and a different seed per run, by
// strategies that never look at what the options say: always the first shown
// option, always the last, always the longest text, always the shortest, and
// uniformly random. A run plays each required scenario of the course to its
// ending and scores the course exactly as credit does (score.hpp, which
// CourseProgress::passing uses too). Three gates turn the figures into diagnostics
// (content/diagnostics.md):
//
//   SL0508 a strategy passes a course in more than 5% of its runs;
//   SL0509 in a scenario with four or more questions (decisions with two or
//          more choices, and knowledge checks), the best-tier choice or a
//          correct option is the uniquely longest in more than 40% of them;
//   SL0510 a course's passing score is within reach with every knowledge
//          check answered wrongly (from the scenarios' path bounds).
//
// UI-free and deterministic: the same bundle and options give the same report.
#pragma once

#include "content/diagnostic_codes.hpp"
#include "model/model.hpp"

#include <array>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::learning {

enum class Strategy : std::uint8_t { First, Last, Longest, Shortest, Random };

inline constexpr std::array kStrategies = {Strategy::First, Strategy::Last, Strategy::Longest,
                                           Strategy::Shortest, Strategy::Random};

// "first", "last", "longest", "shortest", "random".
std::string_view strategy_name(Strategy strategy);

struct AuditOptions {
    std::uint32_t runs = 1000;              // seeded runs per course of the random strategy
    std::uint32_t deterministic_runs = 200; // of each other strategy (at most `runs`)
    std::uint64_t seed = 1;
    double max_pass_rate = 0.05;     // SL0508: a strategy may pass at most this share of runs
    double max_longest_share = 0.40; // SL0509
    std::uint32_t min_questions = 4; // SL0509 looks only at scenarios with this many questions
};

struct StrategyFigures {
    Strategy strategy = Strategy::First;
    std::uint32_t runs = 0;
    std::uint32_t passed = 0;
    double mean_score = 0; // the course score (0-100), averaged over the runs
    double pass_rate() const { return runs == 0 ? 0.0 : static_cast<double>(passed) / runs; }
};

struct CourseAudit {
    const model::Course* course = nullptr;
    std::vector<StrategyFigures> strategies; // in kStrategies order
    // SL0510: the highest course score reachable with every check answered wrongly.
    int best_without_right_answer = 0;
};

// One failed gate. The model has no source positions, so a finding names
// the course, scenario and node it is about (empty when not applicable).
struct AuditFinding {
    content::DiagnosticCode code;
    std::string course;
    std::string scenario;
    std::string message;
};

struct AuditReport {
    AuditOptions options;
    std::vector<CourseAudit> courses; // in bundle order
    std::vector<AuditFinding> findings;
    bool passed() const { return findings.empty(); }
};

// Audits every course of a linked bundle (scenarios outside any course are
// checked by SL0509 too).
AuditReport audit(const model::Bundle& bundle, const AuditOptions& options = {});

// The highest score (0-100) a learner can reach in `scenario` without
// answering any knowledge check correctly: the path bounds with each check's
// score cut to the most a wrong answer earns (nothing for a single-answer
// check; for a multi-answer check with c correct options, (c - 1) / c of it).
int best_percent_without_right_answer(const model::Bundle& bundle, const model::Scenario& scenario);

// Per course, one table row per strategy (runs, pass rate, mean score) and
// the best score with every check wrong.
void print_audit_figures(std::ostream& out, const AuditReport& report);
// "error SL0508: course 'x': ...".
void print_finding(std::ostream& out, const AuditFinding& finding);
// "ok: ..." or "failed: N gate failures, ...".
void print_audit_summary(std::ostream& out, const AuditReport& report);
// All three, the findings between the figures and the summary.
void print_audit(std::ostream& out, const AuditReport& report);

} // namespace sightline::learning
