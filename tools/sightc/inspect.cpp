// sightc dump, graph and stats: read a bundle (or sources) and describe it.
#include "bundle/bundle.hpp"
#include "content/graph.hpp"
#include "content/stats.hpp"
#include "i18n/i18n.hpp"
#include "model/dump.hpp"
#include "model/link.hpp"
#include "tools/sightc/common.hpp"

#include <fstream>
#include <iostream>

namespace sightline::sightc {

using i18n::tr;

const char* dump_help() {
    return tr("Verifies a bundle and prints its whole model as readable text.\n"
              "Exit codes: 0 ok, 2 the bundle cannot be read (the reason is printed).\n");
}

const char* graph_help() {
    return tr("Draws a scenario's branching map with Graphviz. Boxes are decisions, hexagons\n"
              "knowledge checks, ellipses passages and double octagons endings (coloured by\n"
              "outcome); edges are labelled with the choice id and tier (best: thick green,\n"
              "acceptable: blue, poor: dashed, harmful: dotted red).\n"
              "Exit codes: 0 written, 2 usage error, unreadable bundle or unknown scenario.\n");
}

const char* stats_help() {
    return tr("Reports nodes, decisions, choices, knowledge checks, endings, indicators,\n"
              "declared minutes, reading grade and estimated play time per scenario; per\n"
              "course its estimated play time (the best paths of its required scenarios at\n"
              "200 words a minute, 20 s a decision, 30 s a check) against its credit\n"
              "minutes; and indicator coverage per role.\n"
              "Exit codes: 0 ok, 1 the sources have errors, 2 usage or I/O error.\n");
}

int dump_command(const Args& args) {
    if (args.size() != 1) {
        return usage_error("dump", tr("expected exactly one bundle file"));
    }
    try {
        const bundle::LoadedBundle loaded = bundle::read_bundle_file(args[0]);
        std::cout << "bundle format " << loaded.header.format_version << " compiler "
                  << (loaded.header.compiler_version >> 16) << '.'
                  << ((loaded.header.compiler_version >> 8) & 0xFF) << '.'
                  << (loaded.header.compiler_version & 0xFF) << " payload "
                  << loaded.header.payload_length << " bytes sha256 " << loaded.content_hash()
                  << '\n';
        model::dump(std::cout, loaded.model);
    } catch (const bundle::BundleError& error) {
        std::cerr << "sightc dump: " << error.what() << '\n';
        return kExitUsage;
    }
    return kExitOk;
}

int graph_command(const GraphOptions& options) {
    if (options.inputs.size() > 1) {
        return usage_error("graph",
                           i18n::format(tr("unexpected argument '{1}'"), {options.inputs[1]}));
    }
    const std::string input = options.inputs.empty() ? std::string() : options.inputs[0];
    const std::string& scenario_id = options.scenario;
    const std::string& output = options.output;
    if (input.empty() || scenario_id.empty() || output.empty()) {
        return usage_error("graph", tr("needs a bundle, --scenario ID and -o OUT"));
    }
    const std::string extension = std::filesystem::path(output).extension().string();
    if (extension != ".svg" && extension != ".png" && extension != ".dot") {
        return usage_error("graph", tr("the output must end in .svg, .png or .dot"));
    }
    int exit_code = kExitOk;
    std::optional<model::Bundle> bundle = load_model({input}, exit_code);
    if (!bundle) {
        return exit_code;
    }
    const model::Scenario* scenario = model::find_by_id(bundle->scenarios, scenario_id);
    if (!scenario) {
        std::cerr << i18n::format(tr("sightc graph: no scenario '{1}' in {2}"),
                                  {scenario_id, input})
                  << '\n';
        return kExitUsage;
    }
    const std::string dot = content::scenario_dot(*bundle, *scenario);
    if (extension == ".dot") {
        std::ofstream out(output, std::ios::binary);
        out << dot;
        if (!out) {
            std::cerr << i18n::format(tr("sightc {1}: cannot write {2}"), {"graph", output})
                      << '\n';
            return kExitUsage;
        }
        return kExitOk;
    }
    if (std::string error = content::render_dot(dot, extension.substr(1), output); !error.empty()) {
        std::cerr << "sightc graph: " << error << '\n';
        return kExitUsage;
    }
    return kExitOk;
}

int stats_command(const Args& args) {
    if (args.empty()) {
        return usage_error("stats", tr("expected scenario files, folders or one bundle"));
    }
    int exit_code = kExitOk;
    std::optional<model::Bundle> bundle = load_model(args, exit_code);
    if (!bundle) {
        return exit_code;
    }
    content::print_stats(std::cout, content::compute_stats(*bundle));
    return kExitOk;
}

} // namespace sightline::sightc
