#include "tools/common/command_line.hpp"

#include "i18n/i18n.hpp"

#include <algorithm>
#include <numeric>
#include <sstream>

namespace sightline::command_line {

using i18n::tr;

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] =
                std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::optional<std::string> closest(std::string_view word,
                                   const std::vector<std::string>& candidates) {
    std::optional<std::string> best;
    std::size_t best_distance = 0;
    for (const std::string& candidate : candidates) {
        const std::size_t d = edit_distance(word, candidate);
        if (!best || d < best_distance) {
            best = candidate;
            best_distance = d;
        }
    }
    // Close enough to be a typo: at most a third of the word, and never more than 3.
    const std::size_t limit = std::clamp<std::size_t>(word.size() / 3, 1, 3);
    if (!best || best_distance == 0 || best_distance > limit) {
        return std::nullopt;
    }
    return best;
}

std::string command_path(const CLI::App& app) {
    const CLI::App* parent = app.get_parent();
    return parent == nullptr ? app.get_name() : command_path(*parent) + " " + app.get_name();
}

CLI::App& selected_leaf(CLI::App& app) {
    const std::vector<CLI::App*> selected = app.get_subcommands();
    return selected.empty() ? app : selected_leaf(*selected.front());
}

std::vector<std::string> known_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
        names.push_back(sub->get_name());
    }
    // Options of the parents an unknown option would fall through to.
    bool through = true;
    for (const CLI::App* a = &app; a != nullptr && through; a = a->get_parent()) {
        for (const CLI::Option* option : a->get_options()) {
            for (const std::string& l : option->get_lnames()) {
                names.push_back("--" + l);
            }
            for (const std::string& s : option->get_snames()) {
                names.push_back("-" + s);
            }
        }
        through = a->get_fallthrough();
    }
    return names;
}

int usage_error(const CLI::App& app, const std::string& message, std::ostream& err,
                const std::optional<std::string>& suggestion) {
    const std::string path = command_path(app);
    if (suggestion) {
        // TRANSLATORS: a usage error. {1} the command (sightline records), {2} what is wrong,
        // {3} the closest option or command name; keep --help.
        err << i18n::format(tr("{1}: {2}; did you mean '{3}'? (see {1} --help)"),
                            {path, message, *suggestion});
    } else {
        // TRANSLATORS: a usage error. {1} the command (sightline records), {2} what is wrong.
        err << i18n::format(tr("{1}: {2} (see {1} --help)"), {path, message});
    }
    err << "\n";
    return kExitUsage;
}

namespace {

// The option CLI11 names at the start of `what`, before ':' or ' ' ("--out: ...").
std::string option_named(const std::string& what) {
    return what.substr(0, what.find_first_of(": "));
}

// CLI11 says "--bundle: 1 required TEXT missing"; ours say which option needs
// what, in the user's language. A message CLI11 words otherwise is shown as
// it is (English).
std::string explain(const CLI::ParseError& e) {
    const std::string what = e.what();
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr && what.starts_with("-")) {
        if (what.ends_with(" was given a disallowed flag override")) {
            // TRANSLATORS: {1} an option that is a flag, --yes, given as --yes=VALUE.
            return i18n::format(tr("option {1} takes no value"), {option_named(what)});
        }
        if (what.find(':') != std::string::npos) {
            // TRANSLATORS: {1} an option, --bundle.
            return i18n::format(tr("option {1} needs a value"), {option_named(what)});
        }
    }
    if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr && what.starts_with("-") &&
        what.ends_with(" is required")) {
        // TRANSLATORS: {1} an option, --contact.
        return i18n::format(tr("{1} is required"), {option_named(what)});
    }
    if (dynamic_cast<const CLI::ConversionError*>(&e) != nullptr) {
        // "Could not convert: --older-than = abc"
        constexpr std::string_view kCould = "Could not convert: ";
        if (const std::size_t equals = what.find(" = ");
            what.starts_with(kCould) && equals != std::string::npos) {
            // TRANSLATORS: {1} an option, --older-than; {2} what was typed.
            return i18n::format(
                tr("{1} needs a whole number, not '{2}'"),
                {what.substr(kCould.size(), equals - kCould.size()), what.substr(equals + 3)});
        }
    }
    return what;
}

} // namespace

std::optional<int> parse(CLI::App& app, const std::vector<std::string>& args, std::ostream& out,
                         std::ostream& err) {
    std::vector<std::string> reversed(args.rbegin(), args.rend()); // CLI11 takes them backwards
    try {
        app.parse(reversed);
    } catch (const CLI::CallForHelp&) {
        out << help(selected_leaf(app));
        return kExitOk;
    } catch (const CLI::CallForAllHelp&) {
        out << app.help("", CLI::AppFormatMode::All);
        return kExitOk;
    } catch (const CLI::ParseError& e) {
        CLI::App& leaf = selected_leaf(app);
        if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
            std::vector<std::string> extras = app.remaining();
            for (CLI::App* a = &leaf; extras.empty() && a != nullptr; a = a->get_parent()) {
                extras = a->remaining();
            }
            if (!extras.empty()) {
                const std::string& extra = extras.front();
                const bool option = extra.starts_with("-") && extra.size() > 1;
                const std::string name = option ? extra.substr(0, extra.find('=')) : extra;
                const bool has_commands =
                    !leaf.get_subcommands([](const CLI::App*) { return true; }).empty();
                // TRANSLATORS: {1} what was typed: an option, a command or another word.
                const std::string message =
                    option         ? i18n::format(tr("unknown option '{1}'"), {name})
                    : has_commands ? i18n::format(tr("unknown command '{1}'"), {name})
                                   : i18n::format(tr("unexpected argument '{1}'"), {name});
                return usage_error(leaf, message, err,
                                   option || has_commands ? closest(name, known_names(leaf))
                                                          : std::nullopt);
            }
        }
        return usage_error(leaf, explain(e), err);
    }
    return std::nullopt;
}

namespace {

constexpr std::size_t kHelpWidth = 80;
constexpr std::size_t kNameColumn = 24;

// Breaks `text` into lines of at most `width` characters at spaces.
std::string wrap(const std::string& text, std::size_t width) {
    std::string out;
    std::size_t line = 0;
    std::istringstream words(text);
    for (std::string word; words >> word;) {
        if (line > 0 && line + 1 + word.size() > width) {
            out += '\n';
            line = 0;
        } else if (line > 0) {
            out += ' ';
            ++line;
        }
        out += word;
        line += word.size();
    }
    return out;
}

// CLI11's help with the usage line first, as every Unix command's help
// starts, the descriptions wrapped to 80 columns (CLI11 2.1 does not wrap),
// and CLI11's own words ("Usage:", "[OPTIONS]", "Options:", "Subcommands:")
// in the user's language.
class UsageFirst : public CLI::Formatter {
  public:
    std::string make_option_desc(const CLI::Option* option) const override {
        return wrap(CLI::Formatter::make_option_desc(option), kHelpWidth - kNameColumn);
    }

    // CLI11 names the default option group "Options" itself.
    std::string make_group(std::string group, bool is_positional,
                           std::vector<const CLI::Option*> opts) const override {
        if (group == "Options") {
            // TRANSLATORS: CLI11's heading over a command's options in --help; keep the form short.
            group = tr("help heading", "Options");
        }
        return CLI::Formatter::make_group(std::move(group), is_positional, std::move(opts));
    }

    // CLI11 puts every command in the group "Subcommands" and writes its heading itself.
    std::string make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const override {
        std::string out = CLI::Formatter::make_subcommands(app, mode);
        // TRANSLATORS: CLI11's heading over a command's subcommands in --help.
        const std::string heading = std::string(tr("help heading", "Subcommands")) + ":\n";
        const std::string_view english = "Subcommands:\n";
        std::size_t at = 0;
        while ((at = out.find(english, at)) != std::string::npos) {
            if (at == 0 || out[at - 1] == '\n' || out[at - 1] == ' ') {
                out.replace(at, english.size(), heading);
                at += heading.size();
            } else {
                at += english.size(); // not a heading: a command's description
            }
        }
        return out;
    }

    std::string make_help(const CLI::App* app, std::string name,
                          CLI::AppFormatMode mode) const override {
        // The command line is built (and its formatter made) before the
        // language is known; CLI11's labels are taken in it now.
        UsageFirst local(*this);
        local.translate_labels();
        return local.render(app, std::move(name), mode);
    }

  private:
    void translate_labels() {
        // TRANSLATORS: CLI11's words in --help: "Usage: sightline records [OPTIONS] [SUBCOMMAND]".
        label("Usage", tr("help heading", "Usage"));
        // TRANSLATORS: in the usage line, stands for the options; capitals, like the English.
        label("OPTIONS", tr("help usage", "OPTIONS"));
        // TRANSLATORS: in the usage line, stands for one subcommand; capitals, like the English.
        label("SUBCOMMAND", tr("help usage", "SUBCOMMAND"));
        // TRANSLATORS: in the usage line, stands for several subcommands.
        label("SUBCOMMANDS", tr("help usage", "SUBCOMMANDS"));
        // TRANSLATORS: CLI11's heading over the arguments that are not options (a file, an id).
        label("Positionals", tr("help heading", "Positionals"));
        // TRANSLATORS: after an option that must be given; capitals, like the English.
        label("REQUIRED", tr("help usage", "REQUIRED"));
        // TRANSLATORS: before the environment variable an option is read from.
        label("Env", tr("help usage", "Env"));
        // TRANSLATORS: before the options an option needs.
        label("Needs", tr("help usage", "Needs"));
        // TRANSLATORS: before the options an option cannot be given with.
        label("Excludes", tr("help usage", "Excludes"));
    }

    std::string render(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const {
        if (mode == CLI::AppFormatMode::Sub) {
            return make_expanded(app);
        }
        std::string usage = make_usage(app, std::move(name));
        if (usage.starts_with("\n")) {
            usage.erase(0, 1);
        }
        return usage + make_description(app) + make_positionals(app) + make_groups(app, mode) +
               make_subcommands(app, mode) + "\n" + make_footer(app);
    }
};

} // namespace

std::shared_ptr<CLI::Formatter> formatter() {
    auto f = std::make_shared<UsageFirst>();
    f->column_width(kNameColumn);
    return f;
}

std::string help(const CLI::App& app) {
    const CLI::App* parent = app.get_parent();
    return app.help(parent == nullptr ? "" : command_path(*parent));
}

std::filesystem::path executable_path(const char* argv0, const char* name) {
    std::error_code error;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error) {
        return self;
    }
    return std::filesystem::absolute(argv0 != nullptr ? argv0 : name, error);
}

} // namespace sightline::command_line
