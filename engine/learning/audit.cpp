#include "learning/audit.hpp"

#include "i18n/i18n.hpp"
#include "learning/score.hpp"
#include "model/analysis.hpp"
#include "runtime/errors.hpp"
#include "runtime/random.hpp"
#include "runtime/run.hpp"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <limits>
#include <optional>
#include <ostream>

namespace sightline::learning {

namespace {

using i18n::format;
using i18n::tr;

// Text length in characters (UTF-8 code points), as a reader sees it.
std::size_t length_of(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

// The position among `texts` (as shown) that the strategy takes; never reads
// anything but the lengths. `texts` is not empty.
std::size_t pick(Strategy strategy, const std::vector<std::string_view>& texts, runtime::Rng& rng) {
    switch (strategy) {
    case Strategy::First:
        return 0;
    case Strategy::Last:
        return texts.size() - 1;
    case Strategy::Longest:
    case Strategy::Shortest: {
        std::size_t chosen = 0; // the first shown of the longest (shortest)
        for (std::size_t i = 1; i < texts.size(); ++i) {
            const std::size_t here = length_of(texts[i]);
            const std::size_t best = length_of(texts[chosen]);
            if (strategy == Strategy::Longest ? here > best : here < best) {
                chosen = i;
            }
        }
        return chosen;
    }
    case Strategy::Random:
        break;
    }
    return static_cast<std::size_t>(rng.below(texts.size()));
}

// One step of a run by the strategy; false when the run cannot go on.
bool step(runtime::Run& run, Strategy strategy, runtime::Rng& rng) {
    switch (run.phase()) {
    case runtime::Phase::Choosing: {
        std::vector<runtime::ChoiceView> choices = run.choices();
        std::erase_if(choices, [](const runtime::ChoiceView& c) { return !c.enabled; });
        if (choices.empty()) {
            return false;
        }
        std::vector<std::string_view> texts;
        for (const runtime::ChoiceView& c : choices) {
            texts.push_back(c.text);
        }
        run.choose(choices[pick(strategy, texts, rng)].id);
        return true;
    }
    case runtime::Phase::Answering: {
        const runtime::CheckView check = run.view().check;
        if (check.options.empty()) {
            return false;
        }
        std::vector<std::string_view> picks;
        if (check.kind == model::CheckKind::Multi && strategy == Strategy::Random) {
            for (const runtime::OptionView& o : check.options) { // a random non-empty subset
                if (rng.below(2) == 1) {
                    picks.push_back(o.id);
                }
            }
            if (picks.empty()) {
                picks.push_back(check.options[rng.below(check.options.size())].id);
            }
        } else {
            std::vector<std::string_view> texts;
            for (const runtime::OptionView& o : check.options) {
                texts.push_back(o.text);
            }
            picks.push_back(check.options[pick(strategy, texts, rng)].id);
        }
        run.answer(picks);
        return true;
    }
    case runtime::Phase::Continuing:
        run.advance();
        return true;
    case runtime::Phase::Ended:
        break;
    }
    return false;
}

// Plays one scenario to its ending, shuffled with `seed`; the scenario's
// percentage as credit counts it, or nullopt when the run found no ending.
std::optional<int> play(const model::Bundle& bundle, const model::Scenario& scenario,
                        std::uint32_t passing_score, Strategy strategy, std::uint64_t seed) {
    runtime::Rng rng(runtime::mix(seed, 0x5eed));
    try {
        runtime::Run run(bundle, scenario.id, {seed, true});
        const std::size_t max_steps = scenario.nodes.size() * 20 + 100; // as playtest's bound
        for (std::size_t steps = 0; run.phase() != runtime::Phase::Ended; ++steps) {
            if (steps == max_steps || !step(run, strategy, rng)) {
                return std::nullopt;
            }
        }
        return scenario_percent(finished_result(run, passing_score));
    } catch (const runtime::RunError&) {
        return std::nullopt;
    }
}

std::vector<const model::Scenario*> required_scenarios(const model::Bundle& bundle,
                                                       const model::Course& course) {
    std::vector<const model::Scenario*> scenarios;
    for (const model::CourseEntry& entry : course.entries) {
        if (entry.required && entry.scenario_index < bundle.scenarios.size()) {
            scenarios.push_back(&bundle.scenarios[entry.scenario_index]);
        }
    }
    return scenarios;
}

StrategyFigures play_course(const model::Bundle& bundle, const model::Course& course,
                            const std::vector<const model::Scenario*>& scenarios, Strategy strategy,
                            std::uint32_t runs, std::uint64_t seed) {
    StrategyFigures figures;
    figures.strategy = strategy;
    figures.runs = runs;
    double total = 0;
    const std::uint64_t base = runtime::mix(runtime::mix(seed, runtime::hash_id(course.id)),
                                            static_cast<std::uint64_t>(strategy) + 1);
    std::vector<int> percents;
    for (std::uint32_t r = 0; r < runs; ++r) {
        const std::uint64_t run_seed = runtime::mix(base, r);
        percents.clear();
        for (const model::Scenario* s : scenarios) {
            const std::optional<int> percent =
                play(bundle, *s, course.passing_score, strategy,
                     runtime::mix(run_seed, runtime::hash_id(s->id)));
            percents.push_back(percent.value_or(0)); // a run that does not end earns nothing
        }
        const std::optional<int> score = course_percent(percents);
        total += score.value_or(0);
        figures.passed += reaches_passing_score(course, score) ? 1 : 0;
    }
    figures.mean_score = runs == 0 ? 0.0 : total / runs;
    return figures;
}

std::string percent_text(double share) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f%%", share * 100.0);
    return buffer;
}

std::string fixed1(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

// The position of the uniquely longest text, or nullopt on a tie for longest.
template <class Items, class Text>
std::optional<std::size_t> uniquely_longest(const Items& items, Text text) {
    std::optional<std::size_t> longest;
    std::size_t length = 0;
    bool tie = false;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::size_t here = length_of(text(items[i]));
        if (!longest || here > length) {
            longest = i;
            length = here;
            tie = false;
        } else if (here == length) {
            tie = true;
        }
    }
    return tie ? std::nullopt : longest;
}

// What a strategy does, in the reader's language, as SL0508 names it.
const char* strategy_phrase(Strategy strategy) {
    switch (strategy) {
    case Strategy::First:
        return tr("always taking the first option shown");
    case Strategy::Last:
        return tr("always taking the last option shown");
    case Strategy::Longest:
        return tr("always taking the longest option shown");
    case Strategy::Shortest:
        return tr("always taking the shortest option shown");
    case Strategy::Random:
        break;
    }
    return tr("taking a random option");
}

// A strategy's name in the figures' table, in the reader's language.
const char* strategy_label(Strategy strategy) {
    switch (strategy) {
    case Strategy::First:
        // TRANSLATORS: a strategy in the gaming audit's table: always this option shown.
        return tr("audit strategy", "first");
    case Strategy::Last:
        // TRANSLATORS: a strategy in the gaming audit's table: always this option shown.
        return tr("audit strategy", "last");
    case Strategy::Longest:
        // TRANSLATORS: a strategy in the gaming audit's table: always this option shown.
        return tr("audit strategy", "longest");
    case Strategy::Shortest:
        // TRANSLATORS: a strategy in the gaming audit's table: always this option shown.
        return tr("audit strategy", "shortest");
    case Strategy::Random:
        break;
    }
    // TRANSLATORS: a strategy in the gaming audit's table: a random option each time.
    return tr("audit strategy", "random");
}

// `text` and spaces to `width` characters, on the left (`left`) or on the right.
std::string pad(std::string_view text, std::size_t width, bool left) {
    const std::size_t length = length_of(text);
    const std::string spaces(length < width ? width - length : 0, ' ');
    return left ? std::string(text) + spaces : spaces + std::string(text);
}

// SL0509 for one scenario.
void check_longest(const model::Bundle& bundle, const model::Scenario& scenario,
                   const AuditOptions& options, std::vector<AuditFinding>& findings) {
    std::uint32_t decisions = 0, best_longest = 0, checks = 0, correct_longest = 0;
    for (const model::Node& node : scenario.nodes) {
        if (node.choices.size() >= 2) {
            const bool contrast =
                std::any_of(node.choices.begin(), node.choices.end(), [&](const model::Choice& c) {
                    return !model::is_best_tier_choice(node, c, bundle.tiers);
                });
            if (contrast) { // a decision with a best tier and a poorer one
                ++decisions;
                const auto longest =
                    uniquely_longest(node.choices, [](const model::Choice& c) -> std::string_view {
                        return c.text;
                    });
                if (longest &&
                    model::is_best_tier_choice(node, node.choices[*longest], bundle.tiers)) {
                    ++best_longest;
                }
            }
        }
        if (node.has_check()) {
            const auto& o = node.check.options;
            const bool contrast =
                std::any_of(o.begin(), o.end(), [](const auto& x) { return x.correct; }) &&
                std::any_of(o.begin(), o.end(), [](const auto& x) { return !x.correct; });
            if (contrast) {
                ++checks;
                const auto longest = uniquely_longest(
                    o, [](const model::CheckOption& x) -> std::string_view { return x.text; });
                if (longest && o[*longest].correct) {
                    ++correct_longest;
                }
            }
        }
    }
    const std::uint32_t questions = decisions + checks;
    const std::uint32_t hits = best_longest + correct_longest;
    if (questions < options.min_questions ||
        static_cast<double>(hits) <= options.max_longest_share * questions) {
        return;
    }
    findings.push_back(
        {content::codes::best_option_longest,
         {},
         scenario.id,
         // TRANSLATORS: SL0509. {1} is the scenario's id; {2} of {3} questions had the right
         // option longest; {4} that share and {5} the allowed share, as percentages (12.5%);
         // {6} of {7} decisions and {8} of {9} knowledge checks.
         format(tr("scenario '{1}': the right option is the longest in {2} of {3} questions "
                   "({4}, more than {5}): the best choice in {6} of {7} decisions, a correct "
                   "option in {8} of {9} knowledge checks; write the other options as fully as "
                   "the right one"),
                {scenario.id, std::to_string(hits), std::to_string(questions),
                 percent_text(static_cast<double>(hits) / questions),
                 percent_text(options.max_longest_share), std::to_string(best_longest),
                 std::to_string(decisions), std::to_string(correct_longest),
                 std::to_string(checks)})});
}

} // namespace

std::string_view strategy_name(Strategy strategy) {
    switch (strategy) {
    case Strategy::First:
        return "first";
    case Strategy::Last:
        return "last";
    case Strategy::Longest:
        return "longest";
    case Strategy::Shortest:
        return "shortest";
    case Strategy::Random:
        break;
    }
    return "random";
}

int best_percent_without_right_answer(const model::Bundle& bundle,
                                      const model::Scenario& scenario) {
    model::Scenario wrong = scenario;
    for (model::Node& node : wrong.nodes) {
        if (!node.has_check()) {
            continue;
        }
        // A wrong answer earns (right - wrong) / c of the score at most with
        // right = c - 1 (c correct options): nothing for a single answer.
        const auto c = static_cast<std::int64_t>(
            std::count_if(node.check.options.begin(), node.check.options.end(),
                          [](const model::CheckOption& o) { return o.correct; }));
        for (model::ScoreChange& s : node.check.scores) {
            if (s.delta > 0) {
                s.delta = static_cast<std::int32_t>(c <= 1 ? 0 : s.delta * (c - 1) / c);
            }
        }
    }
    const model::PathBounds bounds = model::path_bounds(wrong, bundle.dimensions.size());
    if (!bounds.reaches_ending) {
        return 0;
    }
    records::AttemptResult result; // against the real ranges, as finished_result() does
    for (const model::ScoreRange& range : scenario.score_ranges) {
        result.min += range.min;
        result.max += range.max;
    }
    result.raw = std::clamp(bounds.max_total, result.min, std::max(result.min, result.max));
    return scenario_percent(result);
}

AuditReport audit(const model::Bundle& bundle, const AuditOptions& options) {
    AuditReport report;
    report.options = options;
    for (const model::Course& course : bundle.courses) {
        CourseAudit figures;
        figures.course = &course;
        const auto scenarios = required_scenarios(bundle, course);
        for (const Strategy strategy : kStrategies) {
            const std::uint32_t runs = strategy == Strategy::Random
                                           ? options.runs
                                           : std::min(options.runs, options.deterministic_runs);
            figures.strategies.push_back(
                play_course(bundle, course, scenarios, strategy, runs, options.seed));
        }
        std::vector<int> wrong;
        for (const model::Scenario* s : scenarios) {
            wrong.push_back(best_percent_without_right_answer(bundle, *s));
        }
        const std::optional<int> best_wrong = course_percent(wrong);
        figures.best_without_right_answer = best_wrong.value_or(0);

        for (const StrategyFigures& f : figures.strategies) {
            if (f.runs > 0 && f.pass_rate() > options.max_pass_rate) {
                report.findings.push_back(
                    {content::codes::non_reader_passes,
                     course.id,
                     {},
                     // TRANSLATORS: SL0508. {1} is the course's id; {2} a strategy ("always
                     // taking the first option shown"); it passes {3} of {4} runs; {5} that
                     // share and {6} the allowed share (12.5%); {7} the mean score (45.0) and
                     // {8} the passing score, in percent.
                     format(tr("course '{1}': {2} passes {3} of {4} runs ({5}, more than {6}; "
                               "mean score {7}%, passing score {8}%)"),
                            {course.id, strategy_phrase(f.strategy), std::to_string(f.passed),
                             std::to_string(f.runs), percent_text(f.pass_rate()),
                             percent_text(options.max_pass_rate), fixed1(f.mean_score),
                             std::to_string(course.passing_score)})});
            }
        }
        if (reaches_passing_score(course, best_wrong)) {
            report.findings.push_back(
                {content::codes::pass_without_right_answer,
                 course.id,
                 {},
                 // TRANSLATORS: SL0510. {1} is the course's id; {2} the best score and {3}
                 // the passing score, in percent.
                 format(tr("course '{1}': a learner who answers every knowledge check wrongly "
                           "can still score {2}%, at or above the passing score of {3}%; give "
                           "the checks more of the score or raise the passing score"),
                        {course.id, std::to_string(figures.best_without_right_answer),
                         std::to_string(course.passing_score)})});
        }
        report.courses.push_back(std::move(figures));
    }
    for (const model::Scenario& scenario : bundle.scenarios) {
        check_longest(bundle, scenario, options, report.findings);
    }
    return report;
}

void print_finding(std::ostream& out, const AuditFinding& finding) {
    out << (finding.code.severity() == content::Severity::Error
                ? tr("diagnostic severity", "error")
                : tr("diagnostic severity", "warning"))
        << ' ' << finding.code.id() << ": " << finding.message << '\n';
}

void print_audit_figures(std::ostream& out, const AuditReport& report) {
    // The columns of the gaming audit's table; a column widens to its title.
    const std::string_view titles[] = {
        // TRANSLATORS: a column title of the gaming audit's table: a strategy that does not read.
        tr("audit column", "strategy"),
        // TRANSLATORS: a column title: how many runs a strategy played.
        tr("audit column", "runs"),
        // TRANSLATORS: a column title: the share of a strategy's runs that passed.
        tr("audit column", "pass rate"),
        // TRANSLATORS: a column title: the mean score of a strategy's runs.
        tr("audit column", "mean score"),
    };
    std::size_t widths[] = {9, 6, 9, 10}; // each at least its title's width
    for (std::size_t i = 0; i < std::size(widths); ++i) {
        widths[i] = std::max(widths[i], length_of(titles[i]));
    }
    for (const Strategy strategy : kStrategies) {
        widths[0] = std::max(widths[0], length_of(strategy_label(strategy)));
    }
    for (const CourseAudit& c : report.courses) {
        // TRANSLATORS: {1} is the course's id, {2} its passing score.
        out << format(tr("course {1} (passing score {2}%)"),
                      {c.course->id, std::to_string(c.course->passing_score)})
            << '\n';
        out << "  " << pad(titles[0], widths[0], true) << ' ' << pad(titles[1], widths[1], false)
            << "  " << pad(titles[2], widths[2], false) << "  " << pad(titles[3], widths[3], false)
            << '\n';
        for (const StrategyFigures& f : c.strategies) {
            out << "  " << pad(strategy_label(f.strategy), widths[0], true) << ' '
                << pad(std::to_string(f.runs), widths[1], false) << ' '
                << pad(percent_text(f.pass_rate()), widths[2], false) << ' '
                << pad(fixed1(f.mean_score), widths[3], false) << "%\n";
        }
        // TRANSLATORS: {1} is a score in percent.
        out << "  "
            << format(tr("best score with every knowledge check wrong: {1}%"),
                      {std::to_string(c.best_without_right_answer)})
            << '\n';
    }
}

void print_audit_summary(std::ostream& out, const AuditReport& report) {
    if (report.passed()) {
        // TRANSLATORS: {1} is how many courses were audited.
        out << format(tr("ok: {1} courses audited, every gate passes"),
                      {std::to_string(report.courses.size())})
            << '\n';
    } else {
        // TRANSLATORS: {1} is how many gates failed, {2} how many courses were audited.
        out << format(
                   tr("failed: {1} gate failures, {2} courses audited"),
                   {std::to_string(report.findings.size()), std::to_string(report.courses.size())})
            << '\n';
    }
}

void print_audit(std::ostream& out, const AuditReport& report) {
    print_audit_figures(out, report);
    for (const AuditFinding& f : report.findings) {
        print_finding(out, f);
    }
    print_audit_summary(out, report);
}

} // namespace sightline::learning
