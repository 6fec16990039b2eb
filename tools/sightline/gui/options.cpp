#include "gui/options.hpp"

#include "ui/settings.hpp"

#include <charconv>

namespace sightline::gui {

namespace {

bool parse_int(const std::string& text, int& out) {
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
    return error == std::errc() && end == text.data() + text.size();
}

bool is_gui_option(const std::string& arg) {
    return arg == "--screenshot" || arg == "--size" || arg == "--theme" || arg == "--scale" ||
           arg == "--data-dir" || arg == "--bundle" || arg == "--script";
}

// Options only the desktop player knows; the text player rejects them.
bool is_gui_only_option(const std::string& arg) {
    return arg == "--size" || arg == "--theme" || arg == "--scale";
}

} // namespace

std::vector<std::string> text_player_args(const std::vector<std::string>& args) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (is_gui_only_option(args[i])) {
            ++i; // and its value
            continue;
        }
        out.push_back(args[i]);
    }
    return out;
}

std::string gui_usage() {
    return "Usage: sightline [--bundle FILE] [--data-dir DIR] [--theme light|dark|high-contrast]\n"
           "                 [--scale PERCENT] [--size WxH]\n"
           "       sightline --screenshot OUT.png [--script FILE] [--size WxH] [--theme NAME]\n"
           "       sightline --text [OPTIONS]   (the text player; see sightline --help)\n";
}

ParsedGuiArgs parse_gui_args(const std::vector<std::string>& args) {
    ParsedGuiArgs result;
    // The text player's options (and --text, --help) are the text player's.
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (!is_gui_option(args[i])) {
            return result;
        }
        ++i; // skip the value
    }
    bool screenshot = false;
    for (const std::string& arg : args) {
        screenshot |= arg == "--screenshot";
    }
    bool script = false;
    for (const std::string& arg : args) {
        script |= arg == "--script";
    }
    if (script && !screenshot) {
        return result; // `--script FILE` alone is the text player's answer file
    }
    result.gui = true;
    GuiOptions& o = result.options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (i + 1 >= args.size() || args[i + 1].empty()) {
            result.error = "option " + arg + " needs a value";
            return result;
        }
        const std::string& value = args[++i];
        if (arg == "--screenshot") {
            o.screenshot = value;
        } else if (arg == "--script") {
            o.script = value;
        } else if (arg == "--bundle") {
            o.bundle = value;
        } else if (arg == "--data-dir") {
            o.data_dir = value;
        } else if (arg == "--theme") {
            o.theme = ui::parse_theme(value);
            if (!o.theme) {
                result.error = "--theme needs light, dark or high-contrast, not '" + value + "'";
                return result;
            }
        } else if (arg == "--scale") {
            int scale = 0;
            if (!parse_int(value, scale) || scale < ui::kMinScale || scale > ui::kMaxScale) {
                result.error = "--scale needs a percentage from 100 to 250, not '" + value + "'";
                return result;
            }
            o.scale = scale;
        } else if (arg == "--size") {
            const std::size_t x = value.find('x');
            int w = 0;
            int h = 0;
            if (x == std::string::npos || !parse_int(value.substr(0, x), w) ||
                !parse_int(value.substr(x + 1), h) || w < 320 || h < 240 || w > 8192 || h > 8192) {
                result.error =
                    "--size needs WIDTHxHEIGHT from 320x240 to 8192x8192, not '" + value + "'";
                return result;
            }
            o.width = w;
            o.height = h;
        }
    }
    return result;
}

} // namespace sightline::gui
