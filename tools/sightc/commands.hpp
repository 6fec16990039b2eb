// One function per sightc subcommand, called with its parsed options;
// main.cpp holds the command line (CLI11). Each returns the process exit
// code: 0 ok, 1 diagnostics with errors, 2 usage or I/O error.
#pragma once

#include "runtime/playtest.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace sightline::sightc {

inline constexpr int kExitOk = 0;
inline constexpr int kExitErrors = 1;
inline constexpr int kExitUsage = 2;

using Args = std::vector<std::string>;

struct CheckOptions {
    Args paths;
    std::string output;     // build: -o FILE.slpack
    std::string max_errors; // as given; checked by the command
    bool lint = false;      // check: also the quality gates
    Args po;                // --po FILE.po, repeatable: translations to merge and check
};

struct GraphOptions {
    Args inputs;
    std::string scenario;
    std::string output;
};

struct PlaytestOptions {
    Args inputs;
    std::string runs, seed, max_steps; // as given; checked by the command
    std::string scenario;
};

struct AuditOptions {
    Args inputs;
    std::string runs, seed; // as given; checked by the command
};

struct ExtractOptions {
    Args paths;
    std::string language; // --lang
    std::string output;   // -o FILE.po
};

int check_command(const CheckOptions& options);
int build_command(const CheckOptions& options);
int dump_command(const Args& inputs);
int graph_command(const GraphOptions& options);
int stats_command(const Args& inputs);
int playtest_command(const PlaytestOptions& options);
int lint_command(const CheckOptions& options);
int audit_command(const AuditOptions& options);
int extract_command(const ExtractOptions& options);

// The footers of each command's --help: what it does and its exit codes, in
// the language of sightc's text (i18n::tr).
const char* check_help();
const char* build_help();
const char* dump_help();
const char* graph_help();
const char* stats_help();
const char* playtest_help();
const char* lint_help();
const char* audit_help();
const char* extract_help();

} // namespace sightline::sightc
