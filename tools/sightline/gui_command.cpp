// Running the desktop player. When no display can be opened, the text player
// runs from here (without the desktop player's own options) and its exit code
// is returned.
#include "gui/app.hpp"
#include "gui/options.hpp"

namespace sightline::gui {

int desktop_player(const cli::DesktopOptions& options, const cli::Environment& env,
                   const std::function<int()>& text_player) {
    const bool screenshot = !options.screenshot.empty();
    try {
        App app(gui_options(options), env);
        return screenshot ? app.screenshot() : app.run();
    } catch (const StartError& e) {
        if (!e.no_display()) {
            env.err << "sightline: " << e.what() << "\n";
            return cli::kExitUsage;
        }
        if (screenshot) {
            env.err << "sightline: cannot take a screenshot: " << e.what() << "\n";
            return kExitNoDisplay;
        }
        const bool dropped = !options.theme.empty() || options.scale || options.width ||
                             !options.listen_address.empty();
        env.err << "sightline: " << e.what() << "; starting the text player instead"
                << (dropped
                        ? " (--theme, --scale, --size and --listen are for the desktop player only)"
                        : "")
                << "\n";
        return text_player();
    }
}

} // namespace sightline::gui
