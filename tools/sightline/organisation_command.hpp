// `sightline records settings` and `sightline records grant`: what an
// organisation sets up once for its shared records (organisation_command.cpp).
#pragma once

#include "process.hpp"
#include "records/export.hpp"
#include "records/store.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace CLI {
class App;
}

namespace sightline::cli {

// Runs the organisation command the arguments chose; nullopt when none was
// (records_command.cpp then runs its own).
using SubcommandRun = std::function<std::optional<int>(const Environment& env)>;

// Adds `settings` and `grant` to the `records` command. They read --data-dir
// and --records given before them (on `records`) as well as after.
SubcommandRun add_organisation_commands(CLI::App& records);

// The setting that holds the organisation's IRI base.
inline constexpr std::string_view kIriBaseSetting = "iri-base";

// The settings that map a site to its jurisdiction: key prefix + SITE, value
// the jurisdiction (e.g. "site-jurisdiction:Austin" = "Texas"). `records due`
// lists a learner only for the rules of their site's jurisdiction
// (learning/compliance.hpp).
inline constexpr std::string_view kSiteJurisdictionSetting = "site-jurisdiction:";

// The organisation's site -> jurisdiction map, from its settings.
std::map<std::string, std::string, std::less<>> site_jurisdictions(records::Store& store);

// Empty when `iri` can start the organisation's xAPI ids: an absolute
// https:// (or http://) URL with a host, ending in '/', without a query, a
// fragment, credentials or spaces. Otherwise why not.
std::string check_iri_base(std::string_view iri);

// Before an export: the organisation's stored iri-base becomes the IRI base
// unless --base-iri was given; either is checked. Throws records::RecordsError.
void apply_organisation_settings(records::Store& store, records::ExportOptions& options,
                                 bool base_iri_given);

} // namespace sightline::cli
