// Whether `sightline` opens the desktop player, and running it.
#include "commands.hpp"
#include "gui/app.hpp"
#include "gui/options.hpp"

namespace sightline::cli {

std::optional<int> try_gui(const std::vector<std::string>& args, const Environment& env) {
    const gui::ParsedGuiArgs parsed = gui::parse_gui_args(args);
    if (!parsed.gui) {
        return std::nullopt; // the text player's arguments
    }
    if (!parsed.error.empty()) {
        env.err << "sightline: " << parsed.error << "\n" << gui::gui_usage();
        return textplay::kExitUsage;
    }
    const bool screenshot = !parsed.options.screenshot.empty();
    try {
        gui::App app(parsed.options, env);
        return screenshot ? app.screenshot() : app.run();
    } catch (const gui::StartError& e) {
        if (!e.no_display()) {
            env.err << "sightline: " << e.what() << "\n";
            return textplay::kExitUsage;
        }
        if (screenshot) {
            env.err << "sightline: cannot take a screenshot: " << e.what() << "\n";
            return gui::kExitNoDisplay;
        }
        env.err << "sightline: " << e.what() << "; starting the text player instead\n";
        return std::nullopt;
    }
}

} // namespace sightline::cli
