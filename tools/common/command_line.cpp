#include "tools/common/command_line.hpp"

#include <algorithm>
#include <numeric>
#include <sstream>

namespace sightline::command_line {

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
    err << path << ": " << message;
    if (suggestion) {
        err << "; did you mean '" << *suggestion << "'?";
    }
    err << " (see " << path << " --help)\n";
    return kExitUsage;
}

namespace {

// CLI11 says "--bundle: 1 required TEXT missing"; ours say which option needs what.
std::string explain(const CLI::ParseError& e) {
    const std::string what = e.what();
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr) {
        const std::size_t colon = what.find(':');
        if (colon != std::string::npos && what.starts_with("-")) {
            return "option " + what.substr(0, colon) + " needs a value";
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
                const std::string message = option         ? "unknown option '" + name + "'"
                                            : has_commands ? "unknown command '" + name + "'"
                                                           : "unexpected argument '" + name + "'";
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
// starts, and the descriptions wrapped to 80 columns (CLI11 2.1 does not wrap).
class UsageFirst : public CLI::Formatter {
  public:
    std::string make_option_desc(const CLI::Option* option) const override {
        return wrap(CLI::Formatter::make_option_desc(option), kHelpWidth - kNameColumn);
    }

    std::string make_help(const CLI::App* app, std::string name,
                          CLI::AppFormatMode mode) const override {
        if (mode == CLI::AppFormatMode::Sub) {
            return make_expanded(app);
        }
        std::string usage = make_usage(app, name);
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

} // namespace sightline::command_line
