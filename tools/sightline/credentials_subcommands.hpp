// How `sightline provider` and `sightline cert` declare their subcommands to
// CLI11: each subcommand's options (declare()), the options several share, and
// the CommandRun that runs the one chosen (runner()). Private to tools/sightline.
#pragma once

#include "commands.hpp"
#include "credentials_common.hpp"
#include "tools/common/command_line.hpp"

#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace sightline::cli::credentials_cli {

// One subcommand's options as credentials' functions read them: --name VALUE
// pairs, --flags and positional words.
struct Declared {
    CLI::App* app = nullptr;
    std::map<std::string, std::string> values; // CLI11 writes here
    std::map<std::string, bool> flags;
    std::vector<std::string> positional;
    int (*run)(const Options&, const Environment&) = nullptr;

    Options options() const {
        Options o;
        for (const auto& [name, value] : values) {
            if (app->get_option("--" + name)->count() > 0) {
                o.values[name] = value;
            }
        }
        for (const auto& [name, set] : flags) {
            if (set) {
                o.flags.insert(name);
            }
        }
        o.positional = positional;
        return o;
    }
};

struct Option {
    const char* name;
    const char* value; // nullptr: a flag
    const char* help;
};

// The options several subcommands share, in the program's language.
Option config_dir_option();
Option data_dir_option();
Option learner_option();
Option course_option();
Option bundle_option();
Option records_option();
Option out_option();

using Declarations = std::vector<std::shared_ptr<Declared>>;

// Adds subcommand `name` to `parent` with `options` (and one positional
// argument when `positional` is given); `run` runs it with what was typed.
void declare(CLI::App& parent, Declarations& all, const char* name, const char* summary,
             int (*run)(const Options&, const Environment&), std::initializer_list<Option> options,
             const char* positional = nullptr, const char* positional_help = nullptr);

// Runs the subcommand of `group` that was chosen; without one, prints `usage`
// and the group's help.
CommandRun runner(CLI::App* group, Declarations all, std::string usage);

} // namespace sightline::cli::credentials_cli
