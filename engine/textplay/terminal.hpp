// The few facts about the process's surroundings the player needs. Kept apart
// so everything else can be tested with string streams.
#pragma once

#include <cstddef>
#include <filesystem>

namespace sightline::textplay {

bool stdout_is_terminal();
bool stdin_is_terminal();

// The terminal's width in columns, or 0 when unknown.
std::size_t terminal_columns();

// The running executable's path (for finding the installed bundle); `argv0`
// is the fallback where the system cannot say.
std::filesystem::path executable_path(const char* argv0);

} // namespace sightline::textplay
