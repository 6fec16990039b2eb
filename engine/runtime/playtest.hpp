// Automated play-testing: many seeded random walks through each scenario,
// reporting what was never reached, how often each ending came up, the score
// spread, the longest path, and any walk that failed to end.
#pragma once

#include "model/model.hpp"

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::runtime {

struct PlaytestOptions {
    std::uint32_t runs = 1000;
    std::uint64_t seed = 1;
    std::string scenario;        // empty: every scenario in the bundle
    std::uint32_t max_steps = 0; // 0: 20 steps per node plus 100
};

struct EndingCount {
    std::string_view node;
    std::string_view outcome;
    std::uint32_t count = 0;
};

struct ScoreStats {
    std::string_view dimension;
    std::int64_t min = 0;
    double mean = 0;
    std::int64_t max = 0;
};

struct UnreachedChoice {
    std::string_view node;
    std::string_view choice;
};

struct FailedRun {
    std::uint32_t run = 0;              // 0-based index of the walk
    std::string reason;                 // "no ending after 300 steps", "stuck at node 'x': ..."
    std::vector<std::string_view> path; // the last nodes entered, oldest first
};

struct ScenarioReport {
    std::string_view scenario;
    std::uint32_t runs = 0;
    std::uint32_t max_steps = 0;
    std::vector<std::string_view> unreached_nodes;
    std::vector<UnreachedChoice> unreached_choices;
    std::vector<EndingCount> endings;           // every ending node, in scenario order
    std::vector<ScoreStats> scores;             // per dimension, over the walks that ended
    std::vector<std::string_view> longest_path; // the longest walk that ended, node by node
    std::vector<FailedRun> failures;
    std::uint32_t failed_runs = 0; // failures keeps only the first few
    bool ok() const { return failed_runs == 0; }
};

// Walks every selected scenario. Throws RunError for an unknown scenario id.
// Deterministic: the same bundle and options give the same reports.
std::vector<ScenarioReport> playtest(const model::Bundle& bundle, const PlaytestOptions& options);

// The report as plain text, one scenario after another.
void print_report(std::ostream& out, const ScenarioReport& report);

} // namespace sightline::runtime
