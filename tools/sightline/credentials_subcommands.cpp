// The CLI11 wiring credentials_subcommands.hpp declares.
#include "credentials_subcommands.hpp"

#include "i18n/i18n.hpp"
#include "records_location.hpp"

namespace sightline::cli::credentials_cli {

using i18n::tr;

Option config_dir_option() {
    return {"config-dir", "DIR",
            tr("the provider's folder (default $SIGHTLINE_CONFIG_DIR or ~/.config/sightline)")};
}
Option data_dir_option() {
    return {"data-dir", "DIR",
            tr("the learner records (default $SIGHTLINE_DATA_DIR or ~/.local/share/sightline)")};
}
Option learner_option() {
    return {"learner", "ID", tr("the learner's id (see sightline records list)")};
}
Option course_option() {
    return {"course", "ID", tr("the course's id")};
}
Option bundle_option() {
    return {"bundle", "FILE", tr("the courses (default: the courses installed with sightline)")};
}
Option records_option() {
    return {"records", "URI", records_help()};
}
Option out_option() {
    return {"out", "DIR",
            tr("write the PDF and JSON here (default <data-dir>/certificates; required with "
               "--records)")};
}

void declare(CLI::App& parent, Declarations& all, const char* name, const char* summary,
             int (*run)(const Options&, const Environment&), std::initializer_list<Option> options,
             const char* positional, const char* positional_help) {
    auto d = std::make_shared<Declared>();
    d->app = parent.add_subcommand(name, summary);
    d->app->footer(parent.get_footer());
    d->run = run;
    for (const Option& option : options) {
        const std::string flag = std::string("--") + option.name;
        if (option.value == nullptr) {
            d->app->add_flag(flag, d->flags[option.name], option.help);
        } else {
            d->app->add_option(flag, d->values[option.name], option.help)->type_name(option.value);
        }
    }
    if (positional != nullptr) {
        d->app->add_option(positional, d->positional, positional_help)->type_name(positional);
    }
    all.push_back(std::move(d));
}

CommandRun runner(CLI::App* group, Declarations all, std::string usage) {
    return [group, all = std::move(all), usage = std::move(usage)](const Environment& env) {
        for (const auto& d : all) {
            if (d->app->parsed()) {
                return d->run(d->options(), env);
            }
        }
        env.err << usage << "\n" << command_line::help(*group);
        return kUsage;
    };
}

} // namespace sightline::cli::credentials_cli
