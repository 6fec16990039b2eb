// sightc playtest: random walks through a bundle's scenarios; the walking and
// the report live in engine/runtime/playtest.{hpp,cpp}.
#include "i18n/i18n.hpp"
#include "runtime/errors.hpp"
#include "runtime/playtest.hpp"
#include "tools/common/parse_number.hpp"
#include "tools/sightc/commands.hpp"
#include "tools/sightc/common.hpp"

#include <iostream>
#include <tuple>

namespace sightline::sightc {

using command_line::parse_number;
using i18n::tr;

const char* playtest_help() {
    return tr("Walks N random paths (default 1000) through each scenario (or just ID), taking\n"
              "any available choice and random answers, and reports the nodes and choices never\n"
              "reached, how often each ending came up, the min/mean/max score per dimension,\n"
              "the longest path, and every walk that did not reach an ending within the step\n"
              "bound (default: 20 per node plus 100). The same seed (default 1) gives the same\n"
              "report. Sources are compiled first; a .slpack bundle is verified.\n"
              "Exit codes: 0 every walk ended, 1 some walk did not end (or the sources have\n"
              "errors), 2 usage error, unreadable bundle or unknown scenario.\n");
}

int playtest_command(const PlaytestOptions& given) {
    runtime::PlaytestOptions options;
    const Args& inputs = given.inputs;
    options.scenario = given.scenario;
    for (const auto& [name, text, value] :
         {std::tuple{"--runs", &given.runs, &options.runs},
          std::tuple{"--max-steps", &given.max_steps, &options.max_steps}}) {
        if (!text->empty() && (!parse_number(*text, *value) || *value == 0)) {
            // TRANSLATORS: {1} is an option (--runs, --max-steps), {2} the value given.
            return usage_error(
                "playtest",
                i18n::format(tr("{1} needs a positive whole number, not '{2}'"), {name, *text}));
        }
    }
    if (!given.seed.empty() && !parse_number(given.seed, options.seed)) {
        return usage_error("playtest",
                           i18n::format(tr("{1} needs a positive whole number, not '{2}'"),
                                        {"--seed", given.seed}));
    }
    if (inputs.empty()) {
        return usage_error("playtest", tr("expected a bundle file or scenario sources"));
    }

    int exit_code = kExitOk;
    const std::optional<model::Bundle> bundle = load_model(inputs, exit_code);
    if (!bundle) {
        return exit_code;
    }
    std::vector<runtime::ScenarioReport> reports;
    try {
        reports = runtime::playtest(*bundle, options);
    } catch (const runtime::RunError& error) {
        std::cerr << "sightc playtest: " << error.what() << '\n';
        return kExitUsage;
    }
    bool all_ended = true;
    for (std::size_t i = 0; i < reports.size(); ++i) {
        std::cout << (i == 0 ? "" : "\n");
        runtime::print_report(std::cout, reports[i]);
        all_ended = all_ended && reports[i].ok();
    }
    return all_ended ? kExitOk : kExitErrors;
}

} // namespace sightline::sightc
