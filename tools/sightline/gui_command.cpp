// Whether `sightline` opens the desktop player, and running it. When no
// display can be opened, the text player runs from here (without the desktop
// player's own options) and its exit code is returned.
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
        // The text player would reject the desktop player's own options
        // (--theme, --size, --scale): it runs here without them, as main()
        // would hand it the arguments unchanged.
        const std::vector<std::string> text_args = gui::text_player_args(args);
        env.err << "sightline: " << e.what() << "; starting the text player instead"
                << (text_args.size() != args.size() ? " (--theme, --scale and --size are for the "
                                                      "desktop player only)"
                                                    : "")
                << "\n";
        return textplay::run_app(text_args, env);
    }
}

} // namespace sightline::cli
