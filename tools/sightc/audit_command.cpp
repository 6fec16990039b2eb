// sightc audit: the gaming audit of a bundle's courses; the playing, the
// gates and the report live in engine/learning/audit.{hpp,cpp}.
#include "i18n/i18n.hpp"
#include "learning/audit.hpp"
#include "tools/common/parse_number.hpp"
#include "tools/sightc/commands.hpp"
#include "tools/sightc/common.hpp"

#include <iostream>

namespace sightline::sightc {

using command_line::parse_number;
using i18n::tr;

const char* audit_help() {
    // xgettext:no-c-format (the % signs are percentages)
    return tr("Plays every course of the bundle with strategies that do not read, the options\n"
              "shown in a shuffled order with a different seed per run: always the first\n"
              "option shown, always the last, always the longest text, always the shortest,\n"
              "and uniformly random. A run plays each required scenario to its ending and\n"
              "scores the course as credit does. Prints per course each strategy's runs, pass\n"
              "rate and mean score, then the gates that fail (content/diagnostics.md):\n"
              "  SL0508 a strategy passes a course in more than 5% of its runs\n"
              "  SL0509 in a scenario with four or more questions, the best choice or a\n"
              "         correct option is the longest in more than 40% of them\n"
              "  SL0510 a course's passing score is reachable with every knowledge check\n"
              "         answered wrongly\n"
              "--runs N (default 1000) seeded runs per course of the random strategy; the\n"
              "other strategies run min(N, 200) seeds. The same seed (default 1) gives the\n"
              "same report. Sources are compiled first; a .slpack bundle is verified.\n"
              "Exit codes: 0 every gate passes, 1 a gate fails (or the sources have errors),\n"
              "2 usage error or unreadable bundle.\n");
}

int audit_command(const AuditOptions& given) {
    learning::AuditOptions options;
    if (!given.runs.empty() && (!parse_number(given.runs, options.runs) || options.runs == 0)) {
        return usage_error(
            "audit",
            i18n::format(tr("--runs needs a positive whole number, not '{1}'"), {given.runs}));
    }
    if (!given.seed.empty() && !parse_number(given.seed, options.seed)) {
        return usage_error(
            "audit", i18n::format(tr("--seed needs a whole number, not '{1}'"), {given.seed}));
    }
    if (given.inputs.empty()) {
        return usage_error("audit", tr("expected a bundle file or scenario sources"));
    }
    int exit_code = kExitOk;
    const std::optional<model::Bundle> bundle = load_model(given.inputs, exit_code);
    if (!bundle) {
        return exit_code;
    }
    const learning::AuditReport report = learning::audit(*bundle, options);
    // As lint: the figures and the summary on stdout, the diagnostics on stderr.
    learning::print_audit_figures(std::cout, report);
    std::cout.flush();
    for (const learning::AuditFinding& finding : report.findings) {
        learning::print_finding(std::cerr, finding);
    }
    learning::print_audit_summary(std::cout, report);
    return report.passed() ? kExitOk : kExitErrors;
}

} // namespace sightline::sightc
