#include "records/postgres_connection.hpp"

#include "i18n/i18n.hpp"

#include <array>

namespace sightline::records::pg {

namespace {

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
        text.pop_back();
    }
    return text;
}

} // namespace

Target describe(const std::string& conninfo) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
    if (options == nullptr) {
        // libpq's reason may quote part of the string, password included.
        PQfreemem(error);
        throw RecordsError(
            i18n::tr("the PostgreSQL connection string for the records is not valid"));
    }
    std::string user, host, port, dbname;
    Target target;
    for (const PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
        if (o->val == nullptr) {
            continue;
        }
        const std::string_view key = o->keyword;
        if (key == "user") {
            user = o->val;
        } else if (key == "host" || (key == "hostaddr" && host.empty())) {
            host = o->val;
        } else if (key == "port") {
            port = o->val;
        } else if (key == "dbname") {
            dbname = o->val;
        } else if (key == "password") {
            target.password = o->val;
        }
    }
    PQconninfoFree(options);
    target.location = "postgresql://" + (user.empty() ? "" : user + "@") + host +
                      (port.empty() ? "" : ":" + port) + "/" + dbname;
    return target;
}

Connection::Connection(const std::string& conninfo, const StoreOptions& options)
    : target_(describe(conninfo)) {
    // Keywords apply in order: the string can set its own connect_timeout
    // (10 s otherwise, not forever), and the client always speaks UTF-8.
    const std::array<const char*, 5> keys = {"connect_timeout", "dbname", "client_encoding",
                                             "fallback_application_name", nullptr};
    const std::array<const char*, 5> values = {"10", conninfo.c_str(), "UTF8", "sightline",
                                               nullptr};
    conn_ = PQconnectdbParams(keys.data(), values.data(), /*expand_dbname=*/1);
    if (conn_ == nullptr) {
        throw RecordsError(
            i18n::format(i18n::tr("cannot connect to the records database {1}: out of memory"),
                         {target_.location}));
    }
    if (PQstatus(conn_) != CONNECTION_OK) {
        const std::string reason = scrub(trimmed(PQerrorMessage(conn_)));
        PQfinish(conn_);
        // TRANSLATORS: {2} is libpq's reason, in the system's language.
        throw RecordsError(i18n::format(i18n::tr("cannot connect to the records database {1}: {2}"),
                                        {target_.location, reason}));
    }
    // Notices ("relation already exists, skipping") are not for the learner.
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
    exec(i18n::tr("records database action", "set the lock timeout"),
         "SELECT set_config('lock_timeout', $1, false)",
         Params().add(std::to_string(options.busy_timeout_ms) + "ms"));
}

PGresult* Connection::check(std::string_view doing, PGresult* result) {
    const ExecStatusType status = result != nullptr ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
        return result;
    }
    std::string reason;
    if (PQstatus(conn_) != CONNECTION_OK) {
        reason = i18n::format(i18n::tr("the connection to the server was lost ({1})"),
                              {trimmed(PQerrorMessage(conn_))});
    } else if (const char* primary = result != nullptr
                                         ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY)
                                         : nullptr) {
        reason = primary;
        const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
        if (state != nullptr && std::string_view(state) == "55P03") {
            reason =
                i18n::format(i18n::tr("the records are locked by another program ({1})"), {reason});
        }
    } else {
        reason = trimmed(PQerrorMessage(conn_));
    }
    PQclear(result);
    // TRANSLATORS: {1} is what was being done, a "records database action" ("read a
    // learner"); {2} the database; {3} the server's reason, in the server's language.
    throw RecordsError(i18n::format(i18n::tr("cannot {1} in the records database {2}: {3}"),
                                    {doing, target_.location, scrub(reason)}));
}

std::string Connection::scrub(std::string text) const {
    if (target_.password.empty()) {
        return text;
    }
    for (auto at = text.find(target_.password); at != std::string::npos;
         at = text.find(target_.password, at)) {
        text.replace(at, target_.password.size(), "***");
    }
    return text;
}

} // namespace sightline::records::pg
