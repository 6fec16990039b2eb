#include "gui/options.hpp"

#include "ui/settings.hpp"

namespace sightline::gui {

GuiOptions gui_options(const cli::DesktopOptions& options) {
    GuiOptions o;
    o.bundle = options.bundle;
    o.data_dir = options.data_dir;
    o.records = options.records;
    o.screenshot = options.screenshot;
    o.script = options.script;
    o.width = options.width;
    o.height = options.height;
    if (!options.theme.empty()) {
        o.theme = ui::parse_theme(options.theme); // checked by the command line
    }
    o.scale = options.scale;
    o.seed = options.seed;
    o.listen_address = options.listen_address;
    o.listen_port = options.listen_port;
    o.language = options.language;
    return o;
}

} // namespace sightline::gui
