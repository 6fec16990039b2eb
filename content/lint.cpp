#include "content/lint.hpp"

#include "content/lexer.hpp"
#include "content/lint_terms.hpp"
#include "content/lint_text.hpp"
#include "content/parser.hpp"
#include "content/stats.hpp"
#include "content/text_util.hpp"
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
                   "the 'report:' of scenario '" + s.id +
                       "' names no reporting resource; give the National Human Trafficking "
                       "Hotline (call 1-888-373-7888 or text 233733) and 911 for danger");
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
                   "the debrief of ending '" + node.id +
                       "' names no reporting resource; add a debrief line with the hotline "
                       "(call 1-888-373-7888 or text 233733) or 911 for danger");
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
               "course '" + course.id + "' covers " + std::to_string(figure.covered) + " of the " +
                   std::to_string(figure.indicators) + " indicators of role '" + course.role +
                   "'; at least " + std::to_string(figure.required) +
                   " are needed. Not yet used by its scenarios: " + join(missing));
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
                               "choice '" + choice.id + "' in node '" + node.id + "' notices '" +
                                   id + "', which scenario '" + s.id +
                                   "' does not list in 'indicators:'; the debrief would name a "
                                   "sign the story never showed. Add it there or remove it here");
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
                   "course '" + course.id + "' has no scenario that covers: " + join(missing) +
                       ". A role course needs sex and labour trafficking, an adult and a minor, "
                       "and at least one confounder; declare each scenario's with 'covers:'");
        }
    }

    // --- SL0513 -----------------------------------------------------------------------

    void closing_note_gate(const model::Course& course, const DeclarationSource& source) {
        if (course.closing.empty()) {
            report(codes::no_closing_note, source.at,
                   "course '" + course.id +
                       "' has no 'closing:' note; end every course with a short note on the "
                       "worker's own wellbeing (a supervisor or an employee assistance programme; "
                       "the hotline also supports people who are unsure)");
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
               "course '" + course.id + "' grants " + std::to_string(course.credit_minutes) +
                   " credit minutes, but its required scenarios play in about " + minutes +
                   " minutes (their best paths: " + std::to_string(estimate.words) + " words at " +
                   std::to_string(static_cast<int>(kReadingWordsPerMinute)) + " a minute, " +
                   std::to_string(estimate.decisions) + " decisions at " +
                   std::to_string(static_cast<int>(kSecondsPerDecision)) + " s, " +
                   std::to_string(estimate.checks) + " checks at " +
                   std::to_string(static_cast<int>(kSecondsPerCheck)) +
                   " s); lower credit-minutes to at most " + std::to_string(whole) +
                   ", or add content");
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
            const std::string claim = "course '" + course.id + "' meets rule '" + rule->id + "'";
            if (!rule_applies_to_role(*rule, course.role)) {
                report(codes::rule_other_roles, at,
                       claim + ", which applies to " + join(rule->applies_to) +
                           ", not to the course's role '" + course.role +
                           "'; claim it from a course for those roles, or add the role to the "
                           "rule's 'applies-to:' if the rule names it");
                continue; // the rest of the claim is moot
            }
            if (rule->minimum_minutes > 0) {
                if (!estimate) {
                    estimate = estimate_play(b_, course);
                }
                const std::uint32_t whole = whole_minutes(*estimate);
                if (whole < rule->minimum_minutes) {
                    report(codes::rule_minutes_short, at,
                           claim + ", which asks for at least " +
                               std::to_string(rule->minimum_minutes) +
                               " minutes, but the course's required scenarios play in about " +
                               std::to_string(whole) +
                               " (sightc stats shows the estimate); add content, or do not "
                               "claim the rule");
                } else if (course.credit_minutes < rule->minimum_minutes) {
                    report(codes::rule_minutes_short, at,
                           claim + ", which asks for at least " +
                               std::to_string(rule->minimum_minutes) +
                               " minutes, but a learner needs only " +
                               std::to_string(course.credit_minutes) +
                               " minutes of active time for the certificate; set "
                               "'credit-minutes:' to at least " +
                               std::to_string(rule->minimum_minutes));
                }
            }
            if (rule->paced && !course.paced) {
                report(codes::rule_needs_pacing, at,
                       claim + ", which needs paced online play, but the course is not paced; "
                               "add 'pacing: on' to the course");
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
                           claim + ", which must be interactive, but " +
                               (required.empty()
                                    ? std::string("the course has no required scenario")
                                    : "these required scenarios ask the learner "
                                      "nothing (no decision, no knowledge check): " +
                                          join(passive)));
                }
            }
            for (const model::RuleTopic& topic : rule->topics) {
                const bool taught = std::any_of(required.begin(), required.end(), [&](auto* s) {
                    return std::find(s->teaches.begin(), s->teaches.end(), topic.id) !=
                           s->teaches.end();
                });
                if (!taught) {
                    report(codes::rule_topic_not_taught, at,
                           claim + ", which requires the topic '" + topic.id + "' (" + topic.text +
                               "), but no required scenario of the course teaches it; add "
                               "'teaches: " +
                               topic.id + "' to a scenario that truly covers it");
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
            "the learner-facing text of scenario '" + s.id + "' reads at US grade " +
            grade_text(grade) + " (Flesch-Kincaid); the limit is grade " +
            grade_text(options_.max_reading_grade) + ". Use shorter sentences and plainer words";
        if (!hardest.empty()) {
            message +=
                "; the hardest node is '" + hardest + "' (grade " + grade_text(hardest_grade) + ")";
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
                   "in scenario '" + s.id +
                       "', taking only best-tier choices never reaches an ending");
            return;
        }
        std::int64_t maximum = 0;
        std::vector<std::string> parts, short_of;
        for (std::size_t d = 0; d < dimensions; ++d) {
            maximum += s.score_ranges[d].max;
            parts.push_back(b_.dimensions[d].id + " " + std::to_string(s.score_ranges[d].max));
            if (best.per_dimension[d].max < s.score_ranges[d].max) {
                short_of.push_back(b_.dimensions[d].id + " reaches only " +
                                   std::to_string(best.per_dimension[d].max) + " of " +
                                   std::to_string(s.score_ranges[d].max));
            }
        }
        if (best.max_total >= maximum) {
            return;
        }
        std::string message = "in scenario '" + s.id + "', the best-tier path scores at most " +
                              std::to_string(best.max_total) + ", but the scenario's maximum is " +
                              std::to_string(maximum) + " (" + join(parts) +
                              "), so a learner who always picks the best response cannot score "
                              "100%";
        if (!short_of.empty()) {
            message += "; on best-tier paths " + join(short_of, "; ");
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
                   "'" + std::string(text.text.substr(m.begin, m.end - m.begin)) +
                       "' is on the banned list; write '" + std::string(term.instead) +
                       "' instead, or mark a node that teaches about the word with 'teaches: " +
                       std::string(term.term) + "'");
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
                   "'" + std::string(number) +
                       "' is not a known reporting number; the National Human Trafficking "
                       "Hotline is 1-888-373-7888 (text 233733). Known numbers are listed in "
                       "content/lint_terms.hpp");
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
    out << (r.passed() ? "ok: " : "failed: ") << r.scenarios << " scenarios and " << r.courses
        << " courses; " << r.diagnostics.size() << " gate failures\n";
    out << "  reporting resource: checked the report of " << r.scenarios
        << " scenarios and the debrief of " << r.endings << " endings\n";
    out << "  course coverage (at least " << options.min_course_indicators << " role indicators):";
    for (const CourseCoverageFigure& c : r.coverage) {
        out << ' ' << c.course << ' ' << c.covered << '/' << c.indicators;
    }
    out << '\n';
    out << "  banned terms: " << lint_terms::kBannedTerms.size() << " on the list, "
        << r.teaching_nodes << " teaching nodes\n";
    out << "  reading grade (at most " << grade_text(options.max_reading_grade) << "): highest "
        << grade_text(r.highest_grade);
    if (!r.highest_grade_scenario.empty()) {
        out << " (" << r.highest_grade_scenario << ')';
    }
    out << '\n';
    out << "  best-tier path reaches the maximum score: checked " << r.scenarios << " scenarios\n";
    out << "  credit minutes at most the estimated play time:";
    for (const CourseCreditFigure& c : r.credit) {
        out << ' ' << c.course << ' ' << c.credit_minutes << '/' << c.estimated_minutes;
    }
    out << '\n';
    out << "  signs noticed are listed in the scenario: checked " << r.scenarios << " scenarios\n";
    out << "  each role course covers adult, minor, sex, labour and a confounder; every course "
           "has a closing note: checked "
        << r.courses << " courses\n";
    out << "  rules a course meets (roles, minutes, pacing, interaction, topics): checked "
        << r.rule_claims << " claims\n";
    if (r.spanish_texts > 0) {
        out << "  Spanish translations: " << r.spanish_texts << " strings checked for "
            << lint_terms::kSpanishBannedTerms.size()
            << " banned terms; reading ease (Fernández Huerta, at least "
            << grade_text(options.min_spanish_reading_ease) << "): lowest "
            << grade_text(r.lowest_spanish_ease);
        if (!r.lowest_spanish_ease_scenario.empty()) {
            out << " (" << r.lowest_spanish_ease_scenario << ')';
        }
        out << '\n';
    }
}

} // namespace sightline::content
