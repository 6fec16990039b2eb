// What the `sightline provider` and `sightline cert` subcommands share (private
// to tools/sightline): their parsed options, the exit codes, usage errors,
// aligned output, and where the provider's key and the records are. Each
// subcommand is in its own file (provider_command.cpp, cert_*_command.cpp);
// the work itself is in engine/credentials.
#pragma once

#include "process.hpp"
#include "records/store.hpp"

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::cli::credentials_cli {

namespace fs = std::filesystem;

// Exit codes: 0 ok, 1 invalid (a credential that does not verify, a learner
// not yet eligible, an attestation declined), 2 usage error or input that
// cannot be read.
inline constexpr int kOk = 0;
inline constexpr int kInvalid = 1;
inline constexpr int kUsage = 2;

// Options of one subcommand: --name VALUE pairs, --flags and positional words.
struct Options {
    std::map<std::string, std::string> values;
    std::set<std::string> flags;
    std::vector<std::string> positional;

    std::string get(const std::string& name) const {
        const auto it = values.find(name);
        return it == values.end() ? std::string() : it->second;
    }
    bool has(const std::string& name) const { return values.count(name) > 0; }
};

// Prints "sightline COMMAND: MESSAGE (see 'sightline GROUP --help')" and
// returns kUsage.
int usage_error(const Environment& env, std::string_view command, const std::string& message);

// What was typed where nothing more is taken.
std::string unexpected(const std::string& argument);

// Lines "label value" with the values one column after the longest label,
// whatever the language: `sightline provider show`, `cert verify`.
class Fields {
  public:
    explicit Fields(std::initializer_list<const char*> labels) {
        for (const char* label : labels) {
            width_ = std::max(width_, characters(label) + 1);
        }
    }

    std::string operator()(const char* label, const std::string& value) const {
        return label + std::string(width_ - std::min(width_, characters(label)), ' ') + value +
               '\n';
    }

  private:
    static std::size_t characters(std::string_view text) {
        return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
            return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        }));
    }

    std::size_t width_ = 0;
};

// A table heading padded to `width` characters (at least one space after it).
std::string column(const char* heading, std::size_t width);

// --config-dir (the provider's folder) and --data-dir (the records), else the defaults.
fs::path config_dir(const Options& o);
fs::path data_dir(const Options& o);

// The records --data-dir or --records names (records_location.hpp). Throws
// records::RecordsError, also for a location that may not be used.
std::unique_ptr<records::Store> open_records(const Options& o);

// Where issue and reprint write the PDF and JSON: --out, else the records
// folder's certificates/. Records on a server have no folder on this
// computer, so there --out is required; nullopt then.
std::optional<fs::path> out_dir(const Options& o);

// The usage error when out_dir() is nullopt.
const char* out_required();

} // namespace sightline::cli::credentials_cli
