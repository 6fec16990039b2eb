#include "content/lint.hpp"

#include "content/lexer.hpp"
#include "content/lint_terms.hpp"
#include "content/lint_text.hpp"
#include "content/parser.hpp"
#include "content/stats.hpp"
#include "content/text_util.hpp"
#include "i18n/i18n.hpp"
#include "model/analysis.hpp"
#include "model/link.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <optional>
#include <set>
#include <stdexcept>

namespace sightline::content {

namespace {

using namespace lint_text;
using i18n::format;
using i18n::tr;
using lint_terms::kBannedTerms;

// The estimate the gates hold credit minutes and rules' minimums against:
// estimate_play, rounded down to whole minutes.
std::uint32_t whole_minutes(const PlayEstimate& estimate) {
    return static_cast<std::uint32_t>(std::floor(estimate.minutes));
}

// --- the linter ----------------------------------------------------------------------

// A piece of content text and where to look for it in the source: from
// `from` (a line, or 0 for the start of its block) to the end of its block.
struct Text {
    std::string_view text;
    std::uint32_t from = 0;
};

// Lines [first, end) of one file: a declaration, a scenario header or a node.
struct Range {
    std::uint32_t file = 0, first = 0, end = 0;
};

class Linter {
  public:
    Linter(const CompileResult& compiled, const LintOptions& options)
        : sources_(compiled.sources), b_(*compiled.bundle), options_(options) {
        DiagnosticSink ignored; // the sources compiled, so there is nothing new to say
        for (std::size_t i = 0; i < sources_.size(); ++i) {
            const auto index = static_cast<std::uint32_t>(i);
            LexedFile lexed(sources_[i], index, ignored);
            parse_file(lexed, index, unit_, ignored);
        }
        index_blocks();
    }

    LintReport run() {
        report_.scenarios = b_.scenarios.size();
        report_.courses = b_.courses.size();
        if (unit_.scenarios.size() != b_.scenarios.size() ||
            unit_.courses.size() != b_.courses.size()) {
            throw std::logic_error("lint: the sources do not parse into the compiled bundle");
        }
        for (std::size_t i = 0; i < b_.scenarios.size(); ++i) {
            reporting_resources(b_.scenarios[i], unit_.scenarios[i]);
            reading_grade_gate(b_.scenarios[i], unit_.scenarios[i]);
            best_tier_gate(b_.scenarios[i], unit_.scenarios[i]);
            listed_notices_gate(b_.scenarios[i], unit_.scenarios[i]);
        }
        for (std::size_t i = 0; i < b_.courses.size() && i < unit_.courses.size(); ++i) {
            coverage_gate(b_.courses[i], unit_.courses[i]);
            credit_gate(b_.courses[i], unit_.courses[i]);
            case_mix_gate(b_.courses[i], unit_.courses[i]);
            closing_note_gate(b_.courses[i], unit_.courses[i]);
            rule_claims_gate(b_.courses[i], unit_.courses[i]);
        }
        scan_texts();
        sort_diagnostics(report_.diagnostics);
        return std::move(report_);
    }

  private:
    void report(DiagnosticCode code, Location where, std::string message) {
        report_.diagnostics.push_back(Diagnostic{code, code.severity(), where, std::move(message)});
    }

    // Where every block starts, per file, so a block's lines end where the next begins.
    void index_blocks() {
        block_starts_.resize(sources_.size());
        auto add = [&](const Location& at) {
            if (at.file < block_starts_.size()) {
                block_starts_[at.file].push_back(at.line);
            }
        };
        for (const auto* list : {&unit_.roles, &unit_.dimensions, &unit_.tiers, &unit_.outcomes,
                                 &unit_.indicators, &unit_.courses, &unit_.rules}) {
            for (const DeclarationSource& d : *list) {
                add(d.at);
            }
        }
        for (const ScenarioSource& s : unit_.scenarios) {
            add(s.at);
        }
        for (std::vector<std::uint32_t>& lines : block_starts_) {
            std::sort(lines.begin(), lines.end());
        }
    }

    std::uint32_t block_end(Location at) const {
        const std::vector<std::uint32_t>& lines = block_starts_[at.file];
        const auto next = std::upper_bound(lines.begin(), lines.end(), at.line);
        return next == lines.end() ? static_cast<std::uint32_t>(sources_[at.file].line_count() + 1)
                                   : *next;
    }

    Range declaration_range(const DeclarationSource& d) const {
        return {d.at.file, d.at.line, block_end(d.at)};
    }

    Range header_range(const ScenarioSource& s) const {
        const std::uint32_t end = s.nodes.empty() ? block_end(s.at) : s.nodes.front().at.line;
        return {s.at.file, s.at.line, end};
    }

    Range node_range(const ScenarioSource& s, std::size_t n) const {
        const std::uint32_t end = n + 1 < s.nodes.size() ? s.nodes[n + 1].at.line : block_end(s.at);
        return {s.at.file, s.nodes[n].at.line, end};
    }

    // The first line of `range` (from `text.from`) where `find` succeeds, as a
    // location; comment lines are skipped. Falls back to the text's start.
    template <class Find>
    Location locate(const Range& range, const Text& text, Find find) const {
        const SourceFile& file = sources_[range.file];
        const std::uint32_t first = std::max(range.first, text.from);
        for (std::uint32_t line = first; line < range.end && line <= file.line_count(); ++line) {
            const std::string_view content = file.line(line);
            if (trim(content).starts_with("//")) {
                continue;
            }
            if (const std::optional<std::size_t> column = find(content)) {
                return {range.file, line, static_cast<std::uint32_t>(*column + 1)};
            }
        }
        return {range.file, first, 1};
    }

    static std::uint32_t line_of(const FieldLocations& fields, std::string_view key) {
        const auto it = fields.find(key);
        return it == fields.end() ? 0 : it->second.line;
    }

    // --- SL0501 -----------------------------------------------------------------------

    void reporting_resources(const model::Scenario& s, const ScenarioSource& source) {
        if (!names_reporting_resource(s.report)) {
            const auto it = source.fields.find("report");
            report(codes::no_reporting_resource, it == source.fields.end() ? source.at : it->second,
                   format(tr("the 'report:' of scenario '{1}' names no reporting resource; give "
                             "the National Human Trafficking Hotline (call 1-888-373-7888 or "
                             "text 233733) and 911 for danger"),
                          {s.id}));
        }
        for (std::size_t n = 0; n < s.nodes.size() && n < source.nodes.size(); ++n) {
            const model::Node& node = s.nodes[n];
            if (!node.is_ending()) {
                continue;
            }
            ++report_.endings;
            if (names_reporting_resource(node.debrief)) {
                continue;
            }
            const auto it = source.nodes[n].fields.find("debrief");
            report(codes::no_reporting_resource,
                   it == source.nodes[n].fields.end() ? source.nodes[n].at : it->second,
                   format(tr("the debrief of ending '{1}' names no reporting resource; add a "
                             "debrief line with the hotline (call 1-888-373-7888 or text "
                             "233733) or 911 for danger"),
                          {node.id}));
        }
    }

    // --- SL0502 -----------------------------------------------------------------------

    void coverage_gate(const model::Course& course, const DeclarationSource& source) {
        const Coverage coverage = role_coverage(b_, course.role, course_scenarios(b_, course));
        CourseCoverageFigure figure{course.id, course.role, coverage.covered.size(),
                                    coverage.indicators,
                                    std::min(options_.min_course_indicators, coverage.indicators)};
        report_.coverage.push_back(figure);
        if (figure.covered >= figure.required) {
            return;
        }
        std::vector<std::string_view> missing;
        for (const model::Indicator& indicator : b_.indicators) {
            const bool for_role = std::find(indicator.roles.begin(), indicator.roles.end(),
                                            course.role) != indicator.roles.end();
            if (for_role && !indicator.confounder &&
                std::find(coverage.covered.begin(), coverage.covered.end(), indicator.id) ==
                    coverage.covered.end()) {
                missing.push_back(indicator.id);
            }
        }
        report(codes::too_few_indicators, source.at,
               // TRANSLATORS: {5} lists indicator ids.
               format(tr("course '{1}' covers {2} of the {3} indicators of role '{4}'; at least "
                         "{6} are needed. Not yet used by its scenarios: {5}"),
                      {course.id, std::to_string(figure.covered), std::to_string(figure.indicators),
                       course.role, join(missing), std::to_string(figure.required)}));
    }

    // --- SL0511 -----------------------------------------------------------------------

    void listed_notices_gate(const model::Scenario& s, const ScenarioSource& source) {
        for (std::size_t n = 0; n < s.nodes.size() && n < source.nodes.size(); ++n) {
            const model::Node& node = s.nodes[n];
            for (std::size_t c = 0; c < node.choices.size(); ++c) {
                const model::Choice& choice = node.choices[c];
                const ChoiceSource& at = source.nodes[n].choices.at(c);
                for (std::size_t i = 0; i < choice.notices.size() && i < at.notices.size(); ++i) {
                    const std::string& id = choice.notices[i];
                    if (std::find(s.indicators.begin(), s.indicators.end(), id) ==
                        s.indicators.end()) {
                        report(codes::notice_not_listed, at.notices[i],
                               // TRANSLATORS: {3} is an indicator id, {4} a scenario id.
                               format(tr("choice '{1}' in node '{2}' notices '{3}', which "
                                         "scenario '{4}' does not list in 'indicators:'; the "
                                         "debrief would name a sign the story never showed. Add "
                                         "it there or remove it here"),
                                      {choice.id, node.id, id, s.id}));
                    }
                }
            }
        }
    }

    // --- SL0512 -----------------------------------------------------------------------

    // A role course (its role has indicators) must cover each kind of case.
    void case_mix_gate(const model::Course& course, const DeclarationSource& source) {
        if (role_coverage(b_, course.role, {}).indicators == 0) {
            return; // a course for every role (foundations) is not held to one role's mix
        }
        std::vector<std::string_view> missing;
        const auto scenarios = course_scenarios(b_, course);
        for (const std::string_view term : model::kCoverageTerms) {
            const bool covered = std::any_of(scenarios.begin(), scenarios.end(), [&](auto* s) {
                return std::find(s->covers.begin(), s->covers.end(), term) != s->covers.end();
            });
            if (!covered) {
                missing.push_back(term);
            }
        }
        if (!missing.empty()) {
            report(codes::course_case_mix, source.at,
                   // TRANSLATORS: {2} lists 'covers:' terms (keywords: adult, minor, sex,
                   // labour, confounder).
                   format(tr("course '{1}' has no scenario that covers: {2}. A role course needs "
                             "sex and labour trafficking, an adult and a minor, and at least one "
                             "confounder; declare each scenario's with 'covers:'"),
                          {course.id, join(missing)}));
        }
    }

    // --- SL0513 -----------------------------------------------------------------------

    void closing_note_gate(const model::Course& course, const DeclarationSource& source) {
        if (course.closing.empty()) {
            report(codes::no_closing_note, source.at,
                   format(tr("course '{1}' has no 'closing:' note; end every course with a short "
                             "note on the worker's own wellbeing (a supervisor or an employee "
                             "assistance programme; the hotline also supports people who are "
                             "unsure)"),
                          {course.id}));
        }
    }

    // --- SL0507 -----------------------------------------------------------------------

    void credit_gate(const model::Course& course, const DeclarationSource& source) {
        if (course.credit_minutes == 0) {
            return; // not credit-bearing
        }
        const PlayEstimate estimate = estimate_play(b_, course);
        const std::uint32_t whole = whole_minutes(estimate);
        report_.credit.push_back({course.id, course.credit_minutes, whole});
        if (course.credit_minutes <= whole) {
            return;
        }
        char minutes[16];
        std::snprintf(minutes, sizeof minutes, "%.1f", estimate.minutes);
        const auto it = source.fields.find("credit-minutes");
        report(codes::credit_exceeds_play_time, it == source.fields.end() ? source.at : it->second,
               // TRANSLATORS: {3} is minutes with one decimal; {4} words at {5} a minute, {6}
               // decisions at {7} seconds, {8} knowledge checks at {9} seconds each.
               format(tr("course '{1}' grants {2} credit minutes, but its required scenarios "
                         "play in about {3} minutes (their best paths: {4} words at {5} a minute, "
                         "{6} decisions at {7} s, {8} checks at {9} s); lower credit-minutes to at "
                         "most {10}, or add content"),
                      {course.id, std::to_string(course.credit_minutes), minutes,
                       std::to_string(estimate.words),
                       std::to_string(static_cast<int>(kReadingWordsPerMinute)),
                       std::to_string(estimate.decisions),
                       std::to_string(static_cast<int>(kSecondsPerDecision)),
                       std::to_string(estimate.checks),
                       std::to_string(static_cast<int>(kSecondsPerCheck)), std::to_string(whole)}));
    }

    // --- SL0514 to SL0518: the compliance rules a course claims to meet -----------------

    void rule_claims_gate(const model::Course& course, const DeclarationSource& source) {
        std::vector<const model::Scenario*> required;
        for (const model::CourseEntry& entry : course.entries) {
            const model::Scenario* s = model::find_by_id(b_.scenarios, entry.scenario);
            if (entry.required && s != nullptr) {
                required.push_back(s);
            }
        }
        std::optional<PlayEstimate> estimate; // computed once, if a claim needs it
        for (std::size_t m = 0; m < course.meets.size(); ++m) {
            const model::Rule* rule = model::find_by_id(b_.rules, course.meets[m]);
            if (rule == nullptr) {
                continue; // the checker reports it (SL0207)
            }
            ++report_.rule_claims;
            const Location at = m < source.refs.size() ? source.refs[m] : source.at;
            if (!rule_applies_to_role(*rule, course.role)) {
                report(codes::rule_other_roles, at,
                       // TRANSLATORS: {1} is a course id, {2} a rule id, {3} lists roles.
                       format(tr("course '{1}' meets rule '{2}', which applies to {3}, not to the "
                                 "course's role '{4}'; claim it from a course for those roles, or "
                                 "add the role to the rule's 'applies-to:' if the rule names it"),
                              {course.id, rule->id, join(rule->applies_to), course.role}));
                continue; // the rest of the claim is moot
            }
            if (rule->minimum_minutes > 0) {
                if (!estimate) {
                    estimate = estimate_play(b_, course);
                }
                const std::uint32_t whole = whole_minutes(*estimate);
                if (whole < rule->minimum_minutes) {
                    report(codes::rule_minutes_short, at,
                           format(tr("course '{1}' meets rule '{2}', which asks for at least "
                                     "{3} minutes, but the course's required scenarios play in "
                                     "about {4} (sightc stats shows the estimate); add content, "
                                     "or do not claim the rule"),
                                  {course.id, rule->id, std::to_string(rule->minimum_minutes),
                                   std::to_string(whole)}));
                } else if (course.credit_minutes < rule->minimum_minutes) {
                    report(codes::rule_minutes_short, at,
                           format(tr("course '{1}' meets rule '{2}', which asks for at least "
                                     "{3} minutes, but a learner needs only {4} minutes of active "
                                     "time for the certificate; set 'credit-minutes:' to at "
                                     "least {3}"),
                                  {course.id, rule->id, std::to_string(rule->minimum_minutes),
                                   std::to_string(course.credit_minutes)}));
                }
            }
            if (rule->paced && !course.paced) {
                report(codes::rule_needs_pacing, at,
                       format(tr("course '{1}' meets rule '{2}', which needs paced online play, "
                                 "but the course is not paced; add 'pacing: on' to the course"),
                              {course.id, rule->id}));
            }
            if (rule->interactive) {
                std::vector<std::string_view> passive;
                for (const model::Scenario* s : required) {
                    const bool asks = std::any_of(s->nodes.begin(), s->nodes.end(), [](auto& n) {
                        return !n.choices.empty() || n.has_check();
                    });
                    if (!asks) {
                        passive.push_back(s->id);
                    }
                }
                if (!passive.empty() || required.empty()) {
                    report(codes::rule_needs_interaction, at,
                           required.empty()
                               ? format(tr("course '{1}' meets rule '{2}', which must be "
                                           "interactive, but the course has no required "
                                           "scenario"),
                                        {course.id, rule->id})
                               // TRANSLATORS: {3} lists scenario ids.
                               : format(tr("course '{1}' meets rule '{2}', which must be "
                                           "interactive, but these required scenarios ask the "
                                           "learner nothing (no decision, no knowledge check): "
                                           "{3}"),
                                        {course.id, rule->id, join(passive)}));
                }
            }
            for (const model::RuleTopic& topic : rule->topics) {
                const bool taught = std::any_of(required.begin(), required.end(), [&](auto* s) {
                    return std::find(s->teaches.begin(), s->teaches.end(), topic.id) !=
                           s->teaches.end();
                });
                if (!taught) {
                    report(codes::rule_topic_not_taught, at,
                           // TRANSLATORS: {3} is a topic id, {4} the topic's English text.
                           format(tr("course '{1}' meets rule '{2}', which requires the topic "
                                     "'{3}' ({4}), but no required scenario of the course teaches "
                                     "it; add 'teaches: {3}' to a scenario that truly covers it"),
                                  {course.id, rule->id, topic.id, topic.text}));
                }
            }
        }
    }

    // Whether a rule's `applies-to:` names the course's role, or a narrower job
    // role within it ("hotel/front-desk" is within "hotel").
    static bool rule_applies_to_role(const model::Rule& rule, std::string_view role) {
        return std::any_of(
            rule.applies_to.begin(), rule.applies_to.end(), [&](const std::string& job) {
                return job == role || (job.size() > role.size() && job.starts_with(role) &&
                                       job[role.size()] == '/');
            });
    }

    // --- SL0504 -----------------------------------------------------------------------

    void reading_grade_gate(const model::Scenario& s, const ScenarioSource& source) {
        const double grade = reading_grade(learner_text(s));
        if (report_.highest_grade_scenario.empty() || grade > report_.highest_grade) {
            report_.highest_grade = grade;
            report_.highest_grade_scenario = s.id;
        }
        if (grade <= options_.max_reading_grade) {
            return;
        }
        std::string hardest;
        double hardest_grade = 0;
        for (const model::Node& n : s.nodes) {
            const std::string text = learner_text(n);
            const double g = reading_grade(text);
            if (word_count(text) >= 10 && (hardest.empty() || g > hardest_grade)) {
                hardest = n.id;
                hardest_grade = g;
            }
        }
        std::string message =
            format(tr("the learner-facing text of scenario '{1}' reads at US grade {2} "
                      "(Flesch-Kincaid); the limit is grade {3}. Use shorter sentences and "
                      "plainer words"),
                   {s.id, grade_text(grade), grade_text(options_.max_reading_grade)});
        if (!hardest.empty()) {
            message += format(tr("; the hardest node is '{1}' (grade {2})"),
                              {hardest, grade_text(hardest_grade)});
        }
        report(codes::reading_grade_too_high, source.at, std::move(message));
    }

    // --- SL0505 -----------------------------------------------------------------------

    void best_tier_gate(const model::Scenario& s, const ScenarioSource& source) {
        const std::size_t dimensions = b_.dimensions.size();
        if (s.score_ranges.size() != dimensions) {
            return; // not linked
        }
        const model::PathBounds best =
            model::path_bounds(s, dimensions, [&](const model::Node& n, const model::Choice& c) {
                return model::is_best_tier_choice(n, c, b_.tiers);
            });
        if (!best.reaches_ending) {
            report(codes::best_tier_below_maximum, source.at,
                   format(tr("in scenario '{1}', taking only best-tier choices never reaches an "
                             "ending"),
                          {s.id}));
            return;
        }
        std::int64_t maximum = 0;
        std::vector<std::string> parts, short_of;
        for (std::size_t d = 0; d < dimensions; ++d) {
            maximum += s.score_ranges[d].max;
            parts.push_back(b_.dimensions[d].id + " " + std::to_string(s.score_ranges[d].max));
            if (best.per_dimension[d].max < s.score_ranges[d].max) {
                // TRANSLATORS: {1} is a score dimension's id.
                short_of.push_back(
                    format(tr("{1} reaches only {2} of {3}"),
                           {b_.dimensions[d].id, std::to_string(best.per_dimension[d].max),
                            std::to_string(s.score_ranges[d].max)}));
            }
        }
        if (best.max_total >= maximum) {
            return;
        }
        // TRANSLATORS: {4} lists each score dimension's id and maximum.
        std::string message =
            format(tr("in scenario '{1}', the best-tier path scores at most {2}, but the "
                      "scenario's maximum is {3} ({4}), so a learner who always picks the best "
                      "response cannot score 100%"),
                   {s.id, std::to_string(best.max_total), std::to_string(maximum), join(parts)});
        if (!short_of.empty()) {
            message += format(tr("; on best-tier paths {1}"), {join(short_of, "; ")});
        }
        report(codes::best_tier_below_maximum, source.at, std::move(message));
    }

    // --- SL0503 and SL0506: every text, with the block it belongs to ----------------------

    void scan_texts() {
        for (std::size_t i = 0; i < b_.scenarios.size(); ++i) {
            const model::Scenario& s = b_.scenarios[i];
            const ScenarioSource& source = unit_.scenarios[i];
            const Range header = header_range(source);
            const FieldLocations& f = source.fields;
            scan(header, {}, {s.title, line_of(f, "title")});
            for (const std::string& objective : s.objectives) {
                scan(header, {}, {objective, line_of(f, "objective")});
            }
            scan(header, {}, {s.content_note, line_of(f, "content-note")});
            scan(header, {}, {s.response, line_of(f, "response")});
            scan(header, {}, {s.report, line_of(f, "report")});
            for (std::size_t n = 0; n < s.nodes.size() && n < source.nodes.size(); ++n) {
                scan_node(s.nodes[n], source.nodes[n], node_range(source, n));
            }
        }
        for (std::size_t i = 0; i < b_.indicators.size() && i < unit_.indicators.size(); ++i) {
            const model::Indicator& d = b_.indicators[i];
            const DeclarationSource& source = unit_.indicators[i];
            const Range range = declaration_range(source);
            scan(range, {}, {d.name, line_of(source.fields, "name")});
            scan(range, {}, {d.description, line_of(source.fields, "description")});
        }
        for (std::size_t i = 0; i < b_.courses.size() && i < unit_.courses.size(); ++i) {
            const model::Course& c = b_.courses[i];
            const DeclarationSource& source = unit_.courses[i];
            const Range range = declaration_range(source);
            scan(range, {}, {c.title, line_of(source.fields, "title")});
            scan(range, {}, {c.description, line_of(source.fields, "description")});
            for (const std::string& topic : c.topics) {
                scan(range, {}, {topic, line_of(source.fields, "topic")});
            }
            scan(range, {}, {c.approval, line_of(source.fields, "approval")});
        }
        auto names = [&](const auto& items, const std::vector<DeclarationSource>& sources) {
            for (std::size_t i = 0; i < items.size() && i < sources.size(); ++i) {
                scan(declaration_range(sources[i]), {},
                     {items[i].name, line_of(sources[i].fields, "name")});
            }
        };
        names(b_.roles, unit_.roles);
        names(b_.dimensions, unit_.dimensions);
        names(b_.tiers, unit_.tiers);
        names(b_.outcomes, unit_.outcomes);
    }

    void scan_node(const model::Node& node, const NodeSource& source, const Range& range) {
        const std::set<std::size_t> taught = taught_terms(source.teaches);
        report_.teaching_nodes += source.teaches.empty() ? 0 : 1;
        for (std::size_t p = 0; p < node.body.size(); ++p) {
            const std::uint32_t from = p < source.paragraphs.size() ? source.paragraphs[p].line : 0;
            scan(range, taught, {node.body[p].speaker, from});
            scan(range, taught, {node.body[p].text, from});
        }
        for (std::size_t c = 0; c < node.choices.size(); ++c) {
            const std::uint32_t from = c < source.choices.size() ? source.choices[c].at.line : 0;
            scan(range, taught, {node.choices[c].text, from});
            scan(range, taught, {node.choices[c].feedback, from});
        }
        scan(range, taught, {node.check.prompt, line_of(source.fields, "check")});
        for (std::size_t o = 0; o < node.check.options.size(); ++o) {
            const std::uint32_t from = o < source.options.size() ? source.options[o].line : 0;
            scan(range, taught, {node.check.options[o].text, from});
            scan(range, taught, {node.check.options[o].feedback, from});
        }
        // Debrief paragraphs are joined with blank lines; look for each on its own.
        for (std::string_view paragraph : runtime_paragraphs(node.debrief)) {
            scan(range, taught, {paragraph, line_of(source.fields, "debrief")});
        }
        for (const std::string& note : node.facilitator_notes) {
            scan(range, taught, {note, 0});
        }
        for (const std::string& prompt : node.discussion_prompts) {
            scan(range, taught, {prompt, 0});
        }
    }

    static std::vector<std::string_view> runtime_paragraphs(std::string_view text) {
        std::vector<std::string_view> out;
        for (std::size_t at = 0; at <= text.size();) {
            std::size_t end = text.find("\n\n", at);
            end = end == std::string_view::npos ? text.size() : end;
            if (end > at) {
                out.push_back(text.substr(at, end - at));
            }
            at = end + 2;
        }
        return out;
    }

    void scan(const Range& range, const std::set<std::size_t>& taught, const Text& text) {
        if (text.text.empty()) {
            return;
        }
        for (const TermMatch& m : banned_in(text.text)) {
            if (taught.contains(m.term)) {
                continue;
            }
            const Location at =
                locate(range, text, [&](std::string_view line) { return find_term(line, m.term); });
            const lint_terms::BannedTerm& term = kBannedTerms[m.term];
            if (!reported_.insert({codes::banned_term, at.file, at.line, at.column}).second) {
                continue;
            }
            report(codes::banned_term, at,
                   // TRANSLATORS: {1} is the English word found, {2} the English word to
                   // write instead, {3} the banned term (all course text, not translated).
                   format(tr("'{1}' is on the banned list; write '{2}' instead, or mark a node "
                             "that teaches about the word with 'teaches: {3}'"),
                          {text.text.substr(m.begin, m.end - m.begin), term.instead, term.term}));
        }
        for (const auto& found_number : phone_numbers(text.text)) {
            // A named copy: clang 14 cannot capture a structured binding in a lambda.
            const auto number = found_number.second;
            if (known_number(number)) {
                continue;
            }
            const Location at = locate(range, text, [&](std::string_view line) {
                const std::size_t found = line.find(number);
                return found == std::string_view::npos ? std::nullopt
                                                       : std::optional<std::size_t>(found);
            });
            if (!reported_.insert({codes::unknown_phone_number, at.file, at.line, at.column})
                     .second) {
                continue;
            }
            report(codes::unknown_phone_number, at,
                   format(tr("'{1}' is not a known reporting number; the National Human "
                             "Trafficking Hotline is 1-888-373-7888 (text 233733). Known numbers "
                             "are listed in content/lint_terms.hpp"),
                          {number}));
        }
    }

    struct Reported {
        DiagnosticCode code;
        std::uint32_t file, line, column;
        auto operator<=>(const Reported&) const = default;
    };

    const SourceSet& sources_;
    const model::Bundle& b_;
    const LintOptions& options_;
    ParsedUnit unit_;
    std::vector<std::vector<std::uint32_t>> block_starts_;
    std::set<Reported> reported_;
    LintReport report_;
};

} // namespace

bool is_lint_code(DiagnosticCode code) {
    return code.id().starts_with("SL05") && !is_audit_code(code);
}

bool names_reporting_resource(std::string_view text) {
    for (std::string_view number : lint_terms::kReportingNumbers) {
        if (contains_number(text, number)) {
            return true;
        }
    }
    for (std::string_view channel : lint_terms::kReportingChannels) {
        if (contains_ignoring_case(text, channel)) {
            return true;
        }
    }
    return false;
}

LintReport lint(const CompileResult& compiled, const LintOptions& options) {
    if (!compiled.bundle) {
        return {};
    }
    return Linter(compiled, options).run();
}

void print_lint_summary(std::ostream& out, const LintReport& r, const LintOptions& options) {
    const auto n = [](auto number) { return std::to_string(number); };
    // TRANSLATORS: the summary of `sightc lint`; the counts may be 1.
    out << format(r.passed() ? tr("ok: {1} scenarios and {2} courses; {3} gate failures")
                             : tr("failed: {1} scenarios and {2} courses; {3} gate failures"),
                  {n(r.scenarios), n(r.courses), n(r.diagnostics.size())})
        << '\n';
    out << format(tr("  reporting resource: checked the report of {1} scenarios and the debrief "
                     "of {2} endings"),
                  {n(r.scenarios), n(r.endings)})
        << '\n';
    // TRANSLATORS: followed by each course's id and covered/total indicators.
    out << format(tr("  course coverage (at least {1} role indicators):"),
                  {n(options.min_course_indicators)});
    for (const CourseCoverageFigure& c : r.coverage) {
        out << ' ' << c.course << ' ' << c.covered << '/' << c.indicators;
    }
    out << '\n';
    out << format(tr("  banned terms: {1} on the list, {2} teaching nodes"),
                  {n(lint_terms::kBannedTerms.size()), n(r.teaching_nodes)})
        << '\n';
    // TRANSLATORS: followed by the scenario's id in parentheses, when there is one.
    out << format(tr("  reading grade (at most {1}): highest {2}"),
                  {grade_text(options.max_reading_grade), grade_text(r.highest_grade)});
    if (!r.highest_grade_scenario.empty()) {
        out << " (" << r.highest_grade_scenario << ')';
    }
    out << '\n';
    out << format(tr("  best-tier path reaches the maximum score: checked {1} scenarios"),
                  {n(r.scenarios)})
        << '\n';
    // TRANSLATORS: followed by each course's id and credit/estimated minutes.
    out << tr("  credit minutes at most the estimated play time:");
    for (const CourseCreditFigure& c : r.credit) {
        out << ' ' << c.course << ' ' << c.credit_minutes << '/' << c.estimated_minutes;
    }
    out << '\n';
    out << format(tr("  signs noticed are listed in the scenario: checked {1} scenarios"),
                  {n(r.scenarios)})
        << '\n';
    out << format(tr("  each role course covers adult, minor, sex, labour and a confounder; every "
                     "course has a closing note: checked {1} courses"),
                  {n(r.courses)})
        << '\n';
    out << format(tr("  rules a course meets (roles, minutes, pacing, interaction, topics): "
                     "checked {1} claims"),
                  {n(r.rule_claims)})
        << '\n';
    if (r.spanish_texts > 0) {
        // TRANSLATORS: followed by the language and scenario in parentheses ("es: hotel.x").
        out << format(tr("  Spanish translations: {1} strings checked for {2} banned terms; "
                         "reading ease (Fernández Huerta, at least {3}): lowest {4}"),
                      {n(r.spanish_texts), n(lint_terms::kSpanishBannedTerms.size()),
                       grade_text(options.min_spanish_reading_ease),
                       grade_text(r.lowest_spanish_ease)});
        if (!r.lowest_spanish_ease_scenario.empty()) {
            out << " (" << r.lowest_spanish_ease_scenario << ')';
        }
        out << '\n';
    }
}

} // namespace sightline::content
