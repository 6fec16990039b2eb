// Where Sightline keeps the learner's files, following the XDG base directory
// rules: records under $XDG_DATA_HOME/sightline (~/.local/share/sightline),
// settings under $XDG_CONFIG_HOME/sightline (~/.config/sightline).
#pragma once

#include <filesystem>
#include <string>

namespace sightline::records {

// $SIGHTLINE_DATA_DIR when set, else $XDG_DATA_HOME/sightline, else
// $HOME/.local/share/sightline.
std::filesystem::path default_data_dir();

// $SIGHTLINE_CONFIG_DIR when set, else $XDG_CONFIG_HOME/sightline, else
// $HOME/.config/sightline.
std::filesystem::path default_config_dir();

// Creates `dir` (and missing parents) owner-only (0700) if it does not exist.
// Throws RecordsError naming the directory when that fails.
void ensure_private_dir(const std::filesystem::path& dir);

// Creates `file` owner-only (0600) if it does not exist, and tightens an
// existing file to 0600; the contents are left alone. A device or FIFO (an
// export to /dev/null) keeps its permissions. Throws RecordsError.
void create_private_file(const std::filesystem::path& file);

// Writes `contents` to `file` owner-only (0600) and durably: a temporary file
// in the same directory, fsync, rename over the old one, fsync the directory.
// A kill at any moment leaves either the old file or the new one.
void write_private_file(const std::filesystem::path& file, std::string_view contents);

} // namespace sightline::records
