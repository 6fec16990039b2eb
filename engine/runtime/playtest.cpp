#include "runtime/playtest.hpp"

#include "i18n/i18n.hpp"
#include "model/link.hpp"
#include "runtime/errors.hpp"
#include "runtime/random.hpp"
#include "runtime/run.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <ostream>

namespace sightline::runtime {

namespace {

using i18n::format;
using i18n::tr;

constexpr std::size_t kKeptFailures = 5;
constexpr std::size_t kPathTail = 8;

// Everything gathered over all the walks of one scenario.
class Tally {
  public:
    Tally(const model::Bundle& bundle, const model::Scenario& scenario)
        : bundle_(bundle), scenario_(scenario), node_reached_(scenario.nodes.size(), false),
          ending_counts_(scenario.nodes.size(), 0), score_min_(bundle.dimensions.size(), kMax),
          score_max_(bundle.dimensions.size(), kMin), score_sum_(bundle.dimensions.size(), 0) {
        for (const model::Node& n : scenario.nodes) {
            choice_taken_.emplace_back(n.choices.size(), false);
        }
    }

    void reached(std::uint32_t node) { node_reached_[node] = true; }
    void took(std::uint32_t node, std::size_t choice) { choice_taken_[node][choice] = true; }

    void ended(const Run& run, std::vector<std::string_view>& path) {
        ++ending_counts_[run.state().node];
        ++ended_runs_;
        for (std::size_t d = 0; d < score_sum_.size(); ++d) {
            const std::int64_t s = run.state().scores[d];
            score_min_[d] = std::min(score_min_[d], s);
            score_max_[d] = std::max(score_max_[d], s);
            score_sum_[d] += static_cast<double>(s);
        }
        if (path.size() > longest_.size()) {
            longest_.swap(path);
        }
    }

    void failed(std::uint32_t run, std::string reason, const std::vector<std::string_view>& path,
                ScenarioReport& report) {
        ++report.failed_runs;
        if (report.failures.size() < kKeptFailures) {
            const auto from = path.size() > kPathTail ? path.end() - kPathTail : path.begin();
            report.failures.push_back({run, std::move(reason), {from, path.end()}});
        }
    }

    void fill(ScenarioReport& report) {
        for (std::size_t i = 0; i < scenario_.nodes.size(); ++i) {
            const model::Node& n = scenario_.nodes[i];
            if (!node_reached_[i]) {
                report.unreached_nodes.push_back(n.id);
            }
            for (std::size_t c = 0; c < n.choices.size(); ++c) {
                if (node_reached_[i] && !choice_taken_[i][c]) {
                    report.unreached_choices.push_back({n.id, n.choices[c].id});
                }
            }
            if (n.is_ending()) {
                report.endings.push_back({n.id, n.outcome, ending_counts_[i]});
            }
        }
        if (ended_runs_ > 0) {
            for (std::size_t d = 0; d < score_sum_.size(); ++d) {
                report.scores.push_back({bundle_.dimensions[d].id, score_min_[d],
                                         score_sum_[d] / ended_runs_, score_max_[d]});
            }
        }
        report.longest_path = std::move(longest_);
    }

  private:
    static constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
    static constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

    const model::Bundle& bundle_;
    const model::Scenario& scenario_;
    std::vector<bool> node_reached_;
    std::vector<std::vector<bool>> choice_taken_;
    std::vector<std::uint32_t> ending_counts_;
    std::vector<std::int64_t> score_min_;
    std::vector<std::int64_t> score_max_;
    std::vector<double> score_sum_;
    std::uint32_t ended_runs_ = 0;
    std::vector<std::string_view> longest_;
};

// One random step; returns an error text when the walk cannot go on.
std::string step(Run& run, Rng& rng, Tally& tally) {
    switch (run.phase()) {
    case Phase::Choosing: {
        std::vector<ChoiceView> choices = run.choices();
        std::erase_if(choices, [](const ChoiceView& c) { return !c.enabled; });
        if (choices.empty()) {
            return format(tr("stuck at node '{1}': no choice is available"), {run.node().id});
        }
        const std::string_view id = choices[rng.below(choices.size())].id;
        tally.took(run.state().node, model::index_of(run.node().choices, id));
        run.choose(id);
        return {};
    }
    case Phase::Answering: {
        const auto& options = run.node().check.options;
        std::vector<std::string_view> picks;
        if (run.node().check.kind == model::CheckKind::Single) {
            if (options.empty()) {
                return format(tr("stuck at node '{1}': the question has no options"),
                              {run.node().id});
            }
            picks.push_back(options[rng.below(options.size())].id);
        } else {
            for (const model::CheckOption& o : options) {
                if (rng.below(2) == 1) {
                    picks.push_back(o.id);
                }
            }
        }
        run.answer(picks);
        return {};
    }
    case Phase::Continuing:
        run.advance();
        return {};
    case Phase::Ended:
        break;
    }
    return {};
}

ScenarioReport walk(const model::Bundle& bundle, const model::Scenario& scenario,
                    const PlaytestOptions& options) {
    ScenarioReport report;
    report.scenario = scenario.id;
    report.runs = options.runs;
    report.max_steps =
        options.max_steps != 0
            ? options.max_steps
            : static_cast<std::uint32_t>(std::min<std::size_t>(
                  scenario.nodes.size() * 20 + 100, std::numeric_limits<std::uint32_t>::max()));
    Tally tally(bundle, scenario);

    for (std::uint32_t r = 0; r < options.runs; ++r) {
        Rng rng(mix(mix(options.seed, hash_id(scenario.id)), r));
        std::vector<std::string_view> path;
        std::string error;
        try {
            Run run(bundle, scenario.id, {rng.next(), false});
            path.push_back(run.node().id);
            tally.reached(run.state().node);
            std::uint32_t steps = 0;
            while (run.phase() != Phase::Ended && error.empty()) {
                if (steps++ == report.max_steps) {
                    // TRANSLATORS: why a random walk failed; {1} is its step bound.
                    error =
                        format(tr("no ending after {1} steps"), {std::to_string(report.max_steps)});
                    break;
                }
                const bool answering = run.phase() == Phase::Answering; // stays on the node
                error = step(run, rng, tally);
                if (error.empty() && !answering) {
                    path.push_back(run.node().id);
                    tally.reached(run.state().node);
                }
            }
            if (error.empty()) {
                tally.ended(run, path);
            }
        } catch (const RunError& e) {
            error = e.what();
        }
        if (!error.empty()) {
            tally.failed(r, std::move(error), path, report);
        }
    }
    tally.fill(report);
    return report;
}

std::string percent(std::uint32_t part, std::uint32_t whole) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f%%", whole == 0 ? 0.0 : 100.0 * part / whole);
    return buffer;
}

std::string fixed1(double value) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

void print_path(std::ostream& out, const std::vector<std::string_view>& path) {
    for (std::size_t i = 0; i < path.size(); ++i) {
        out << (i == 0 ? "" : " -> ") << path[i];
    }
}

} // namespace

std::vector<ScenarioReport> playtest(const model::Bundle& bundle, const PlaytestOptions& options) {
    std::vector<ScenarioReport> reports;
    if (!options.scenario.empty()) {
        const model::Scenario* s = model::find_by_id(bundle.scenarios, options.scenario);
        if (s == nullptr) {
            throw RunError(format(tr("the bundle has no scenario '{1}'"), {options.scenario}));
        }
        reports.push_back(walk(bundle, *s, options));
        return reports;
    }
    for (const model::Scenario& s : bundle.scenarios) {
        reports.push_back(walk(bundle, s, options));
    }
    return reports;
}

void print_report(std::ostream& out, const ScenarioReport& r) {
    // TRANSLATORS: the first line of a scenario's playtest report; {1} is the scenario's id,
    // {2} how many random walks, {3} the step bound of each walk.
    out << format(tr("scenario {1}: {2} runs, at most {3} steps each"),
                  {r.scenario, std::to_string(r.runs), std::to_string(r.max_steps)})
        << '\n';
    // TRANSLATORS: a heading: how often each ending came up follows, one a line.
    out << "  " << tr("endings:") << '\n';
    for (const EndingCount& e : r.endings) {
        out << "    " << e.node << " (" << e.outcome << "): " << e.count << " ("
            << percent(e.count, r.runs) << ")\n";
    }
    if (!r.scores.empty()) {
        // TRANSLATORS: a heading: per score dimension, its least, mean and greatest score.
        out << "  " << tr("scores (min / mean / max):") << '\n';
        for (const ScoreStats& s : r.scores) {
            out << "    " << s.dimension << ": " << s.min << " / " << fixed1(s.mean) << " / "
                << s.max << "\n";
        }
    }
    if (!r.longest_path.empty()) {
        // TRANSLATORS: {1} is how many nodes; the node ids follow, joined by ->.
        out << "  "
            << format(tr("longest path ({1} nodes): "), {std::to_string(r.longest_path.size())});
        print_path(out, r.longest_path);
        out << "\n";
    }
    // TRANSLATORS: node ids follow, separated by commas, or "none".
    out << "  " << tr("nodes never reached: ");
    for (std::size_t i = 0; i < r.unreached_nodes.size(); ++i) {
        out << (i == 0 ? "" : ", ") << r.unreached_nodes[i];
    }
    // TRANSLATORS: no node was left unreached (after "nodes never reached: ").
    out << (r.unreached_nodes.empty() ? tr("playtest nodes", "none") : "") << '\n';
    // TRANSLATORS: node/choice ids follow, separated by commas, or "none".
    out << "  " << tr("choices never taken: ");
    for (std::size_t i = 0; i < r.unreached_choices.size(); ++i) {
        out << (i == 0 ? "" : ", ") << r.unreached_choices[i].node << "/"
            << r.unreached_choices[i].choice;
    }
    // TRANSLATORS: no choice was left untaken (after "choices never taken: ").
    out << (r.unreached_choices.empty() ? tr("playtest choices", "none") : "") << '\n';
    if (r.ok()) {
        out << "  " << tr("every run reached an ending") << '\n';
        return;
    }
    out << "  "
        << format(tr("FAILED: {1} of {2} runs did not reach an ending"),
                  {std::to_string(r.failed_runs), std::to_string(r.runs)})
        << '\n';
    for (const FailedRun& f : r.failures) {
        // TRANSLATORS: {1} is the walk's number, {2} why it stopped; the ids of the last
        // nodes it visited follow, joined by ->.
        out << "    "
            << format(tr("run {1}: {2}; last nodes: "), {std::to_string(f.run), f.reason});
        print_path(out, f.path);
        out << "\n";
    }
}

} // namespace sightline::runtime
