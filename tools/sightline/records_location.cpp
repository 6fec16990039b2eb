#include "records_location.hpp"

#include "i18n/i18n.hpp"
#include "records/paths.hpp"
#include "records/postgres_store.hpp"

#include <filesystem>

namespace sightline::cli {

using i18n::tr;

const char* records_help() {
    return tr("an organisation's shared records on a PostgreSQL server instead of the folder "
              "(postgresql://USER@HOST/DATABASE; the password belongs in ~/.pgpass or a service "
              "file)");
}

std::string check_server_uri(const std::string& uri) {
    if (!records::is_postgres_conninfo(uri)) {
        return tr("--records takes a postgresql:// URI (a folder is --data-dir)");
    }
    try {
        if (records::conninfo_has_password(uri)) {
            return tr("--records must not carry a password (every user of this machine can read a "
                      "command line): keep it in ~/.pgpass or a service file");
        }
    } catch (const records::RecordsError& e) {
        return e.what();
    }
    return {};
}

std::string check_records_location(const RecordsLocation& location) {
    if (location.records.empty()) {
        return {};
    }
    if (!location.data_dir.empty() && records::is_postgres_conninfo(location.records)) {
        return tr("give --records or --data-dir, not both");
    }
    return check_server_uri(location.records);
}

std::unique_ptr<records::Store> open_records_store(const RecordsLocation& location) {
    if (!location.records.empty()) {
        return records::open_postgres_store(location.records);
    }
    return records::open_store(location.data_dir.empty()
                                   ? records::default_data_dir()
                                   : std::filesystem::path(location.data_dir));
}

} // namespace sightline::cli
