// What `sightline records due`, `records learner` and `records purge` share
// (private to tools/sightline): the options as parsed, the exit codes, and the
// function that runs each one (records_due_command.cpp,
// records_learner_command.cpp, records_purge_command.cpp).
// compliance_command.cpp declares them to the command line.
#pragma once

#include "learning/compliance.hpp"
#include "process.hpp"
#include "records/store.hpp"
#include "records_location.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace CLI {
class App;
}

namespace sightline::cli::compliance_cli {

inline constexpr int kOk = 0;
inline constexpr int kRefused = 1;
inline constexpr int kUsage = 2;

struct ComplianceArgs {
    RecordsLocation location;
    std::string bundle;
    // due
    std::string site;
    std::string rule;
    std::string as_of;
    std::string csv;
    std::string pdf;
    std::string organisation;
    // learner
    std::string learner;
    std::string hire_date;
    std::string job_role;
    std::string learner_site;
    std::string language;
    // purge
    int older_than = -1;
    bool dry_run = false;
    bool yes = false;
};

// Columns of a plain-text table, aligned by characters (UTF-8 aware).
inline std::size_t characters(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

// `records due`: the roster as of `as_of`, as a table and optionally CSV and PDF.
int due(records::Store& store, const model::Bundle& bundle, const ComplianceArgs& a,
        const learning::Day as_of, const Environment& env);

// `records learner ID`: shows the learner's profile fields, or changes those
// given on `app`.
int learner(records::Store& store, const ComplianceArgs& a, const CLI::App& app,
            const Environment& env);

// `records purge`: lists what is older than --older-than, asks, and removes it.
int purge(records::Store& store, const model::Bundle& bundle, const ComplianceArgs& a,
          const Environment& env);

} // namespace sightline::cli::compliance_cli
