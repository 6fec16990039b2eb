#include "ui/player_text.hpp"

#include <cstdlib>

namespace sightline::ui {

std::string trimmed(const std::string& s) {
    const std::size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) {
        return {};
    }
    const std::size_t e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

std::string shown_path(const std::string& path) {
    const char* home = std::getenv("HOME");
    if (home != nullptr && *home != '\0') {
        const std::string h(home);
        if (path.size() > h.size() && path.compare(0, h.size(), h) == 0 && path[h.size()] == '/') {
            return "~" + path.substr(h.size());
        }
    }
    return path;
}

} // namespace sightline::ui
