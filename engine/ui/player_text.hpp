// Small text helpers the player controller's files share. Internal to engine/ui.
#pragma once

#include <string>

namespace sightline::ui {

// `s` without leading and trailing white space.
std::string trimmed(const std::string& s);

// "~/.local/share/sightline/records.db" rather than the full home path.
std::string shown_path(const std::string& path);

} // namespace sightline::ui
