// Where an administrator command finds the records: a folder on this computer
// (--data-dir, the embedded SQLite store) or an organisation's PostgreSQL
// server (--records postgresql://...). One place for the rules both follow.
#pragma once

#include "records/store.hpp"

#include <memory>
#include <string>

namespace sightline::cli {

struct RecordsLocation {
    std::string data_dir; // empty: records::default_data_dir()
    std::string records;  // a postgresql:// URI, or empty
};

// The --records option's help text, in the program's language.
const char* records_help();

// Empty when `uri` may name the organisation's server on a command line;
// otherwise why not (not a postgresql:// URI, or it carries a password).
std::string check_server_uri(const std::string& uri);

// Empty when `location` can be opened; otherwise why not, as a usage message
// (not a postgresql:// URI, both given, a password on the command line).
std::string check_records_location(const RecordsLocation& location);

// Opens the store `location` names. Throws records::RecordsError.
std::unique_ptr<records::Store> open_records_store(const RecordsLocation& location);

} // namespace sightline::cli
