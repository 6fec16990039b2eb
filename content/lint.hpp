// Quality gates over content that compiles (`sightc lint`, `sightc check --lint`).
// A compile error means the content cannot be played; a gate failure means it
// plays but is not fit to teach with. Each gate has its own code
// (content/diagnostics.md):
//   SL0501  every ending's debrief and every scenario's `report:` name a
//           reporting resource (a hotline number or channel, lint_terms.hpp)
//   SL0502  every course covers at least 12 of its role's indicators
//   SL0503  no banned term (lint_terms.hpp) outside a node marked `teaches:` it
//   SL0504  each scenario's learner-facing text reads at or below US grade 8
//   SL0505  each scenario's best-tier path can reach the maximum score
//   SL0506  every phone number in the content is a known reporting number
//   SL0507  no course grants more credit minutes than its estimated play time
//           (estimate_play in stats.hpp, rounded down to whole minutes)
//   SL0511  every indicator a choice `notices:` is in its scenario's `indicators:`
//   SL0512  each role course covers sex and labour trafficking, an adult and a
//           minor, and a confounder (the scenarios' `covers:`)
//   SL0513  every course has a `closing:` note on the worker's own wellbeing
//   SL0514-SL0518  each rule a course `meets:` is one it can meet: the rule
//           applies to the course's role (SL0518), its minimum minutes are
//           within the estimated play time and the credit minutes (SL0514),
//           the course is paced if the rule needs pacing (SL0515), every
//           required scenario asks the learner to act if the rule must be
//           interactive (SL0516), and each of the rule's topics is taught by a
//           required scenario that says so with `teaches:` (SL0517)
// and, on the text of translations into Spanish ("es", "es-*") given with --po:
//   SL0503  no Spanish banned term (lint_terms.hpp) outside a node whose
//           `teaches:` names it or the English term it stands for
//   SL0519  each scenario's translated learner-facing text scores at least 60
//           on the Fernández Huerta scale (spanish_reading_ease in stats.hpp)
#pragma once

#include "content/compile.hpp"
#include "content/translation.hpp"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::content {

struct LintOptions {
    double max_reading_grade = 8.0; // Flesch-Kincaid, per scenario
    // Fernández Huerta, per scenario of a Spanish translation: 60 is the foot of
    // the band its scale gives for US grade 7 to 8, so the floor asks of Spanish
    // what max_reading_grade asks of English.
    double min_spanish_reading_ease = 60.0;
    std::size_t min_course_indicators = 12; // or all of the role's, if it has fewer
};

struct CourseCoverageFigure {
    std::string course, role;
    std::size_t covered = 0;    // role indicators the course's scenarios use
    std::size_t indicators = 0; // role indicators in the catalogue
    std::size_t required = 0;   // what the gate asks for (0: the role has none)
};

struct CourseCreditFigure {
    std::string course;
    std::uint32_t credit_minutes = 0;    // what the course grants (credit-bearing courses only)
    std::uint32_t estimated_minutes = 0; // estimate_play, rounded down
};

struct LintReport {
    std::vector<Diagnostic> diagnostics; // gate failures, sorted by location

    // What the gates measured, for the summary.
    std::size_t scenarios = 0, courses = 0, endings = 0, teaching_nodes = 0;
    std::size_t rule_claims = 0; // `meets:` lines naming a declared rule
    double highest_grade = 0;
    std::string highest_grade_scenario;
    std::vector<CourseCoverageFigure> coverage;
    std::vector<CourseCreditFigure> credit;
    // The gates on Spanish translations, when there were any.
    std::size_t spanish_texts = 0; // translated strings checked
    double lowest_spanish_ease = 0;
    std::string lowest_spanish_ease_scenario; // "es: hotel.room-214"

    bool passed() const { return diagnostics.empty(); }
};

// True for the codes only lint reports (SL05xx, but not the gaming audit's; is_audit_code).
bool is_lint_code(DiagnosticCode code);

// Runs every gate. `compiled` must have compiled without errors (it has a
// bundle); the diagnostics point into compiled.sources.
LintReport lint(const CompileResult& compiled, const LintOptions& options = {});

// The same, and then the gates on the text of the translations read for it
// (read_translations; those without errors). Their diagnostics point into the
// PO files, as TranslationResult's do.
LintReport lint(const CompileResult& compiled, const TranslationResult& translations,
                const LintOptions& options = {});

// "ok: ..." and one line per gate with the figures it measured.
void print_lint_summary(std::ostream& out, const LintReport& report, const LintOptions& options);

// Whether `text` names a reporting resource from lint_terms.hpp.
bool names_reporting_resource(std::string_view text);

} // namespace sightline::content
