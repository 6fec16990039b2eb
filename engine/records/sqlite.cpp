#include "records/sqlite.hpp"

#include "i18n/i18n.hpp"
#include "records/records.hpp"

#include <sqlite3.h>

namespace sightline::records::sql {

namespace {

using i18n::tr;

// The reason behind a failure, in plain words. Extended codes are reduced to
// their primary code first.
std::string reason(int code, sqlite3* db) {
    switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return tr("the database is locked by another program (close other Sightline windows and "
                  "try again)");
    case SQLITE_READONLY:
        return tr("the database or its folder is read-only");
    case SQLITE_FULL:
        return tr("the disk is full");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return tr("the file is corrupt or is not a Sightline records database");
    case SQLITE_CANTOPEN:
        return tr("the file cannot be opened (check that the folder exists and is writable)");
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return tr("permission denied");
    case SQLITE_IOERR:
        // TRANSLATORS: {1} SQLite's own words, in English.
        return i18n::format(tr("a disk error ({1})"), {db != nullptr ? sqlite3_errmsg(db) : "I/O"});
    default:
        return db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    }
}

// The whole sentence: what could not be done in which database, and why.
std::string failure(std::string_view doing, const std::string& path, const std::string& why) {
    // TRANSLATORS: in these four, {1} the records database (a file), {2} the reason.
    if (doing == "read") {
        return i18n::format(tr("cannot read in the records database {1}: {2}"), {path, why});
    }
    if (doing == "write") {
        return i18n::format(tr("cannot write in the records database {1}: {2}"), {path, why});
    }
    if (doing == "save") {
        return i18n::format(tr("cannot save in the records database {1}: {2}"), {path, why});
    }
    if (doing == "update the schema") {
        return i18n::format(tr("cannot update the schema in the records database {1}: {2}"),
                            {path, why});
    }
    return "cannot " + std::string(doing) + " in the records database " + path + ": " + why;
}

} // namespace

Database::Database(const std::string& path, int busy_timeout_ms) : path_(path) {
    const int code =
        sqlite3_open_v2(path.c_str(), &db_,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (code != SQLITE_OK) {
        const std::string why = reason(code, db_);
        sqlite3_close(db_);
        db_ = nullptr;
        // TRANSLATORS: {1} the records database (a file), {2} the reason.
        throw RecordsError(
            i18n::format(tr("cannot open the records database {1}: {2}"), {path_, why}));
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, busy_timeout_ms);
}

Database::~Database() {
    sqlite3_close_v2(db_);
}

void Database::fail(int code, std::string_view doing) const {
    throw RecordsError(failure(doing, path_, reason(code, db_)));
}

void Database::check(int code, std::string_view doing) const {
    if (code != SQLITE_OK && code != SQLITE_DONE && code != SQLITE_ROW) {
        fail(code, doing);
    }
}

void Database::exec(std::string_view sql) {
    const std::string text(sql);
    check(sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr), "update the schema");
}

int Database::user_version() {
    Statement statement(*this, "PRAGMA user_version");
    return statement.step() ? static_cast<int>(statement.integer(0)) : 0;
}

std::int64_t Database::changes() {
    return sqlite3_changes64(db_);
}

Statement::Statement(Database& db, std::string_view sql) : db_(db) {
    db_.check(
        sqlite3_prepare_v2(db_.handle(), sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr),
        "read");
}

Statement::~Statement() {
    sqlite3_finalize(stmt_);
}

Statement& Statement::bind(std::string_view text) {
    db_.check(sqlite3_bind_text64(stmt_, next_++, text.data(), text.size(), SQLITE_TRANSIENT,
                                  SQLITE_UTF8),
              "write");
    return *this;
}

Statement& Statement::bind(std::int64_t value) {
    db_.check(sqlite3_bind_int64(stmt_, next_++, value), "write");
    return *this;
}

Statement& Statement::bind(const std::vector<std::uint8_t>& blob) {
    if (blob.empty()) { // an empty vector's data() may be null, which SQLite stores as NULL
        db_.check(sqlite3_bind_zeroblob(stmt_, next_++, 0), "write");
        return *this;
    }
    db_.check(sqlite3_bind_blob64(stmt_, next_++, blob.data(), blob.size(), SQLITE_TRANSIENT),
              "write");
    return *this;
}

Statement& Statement::bind_null() {
    db_.check(sqlite3_bind_null(stmt_, next_++), "write");
    return *this;
}

Statement& Statement::bind_optional(const std::optional<std::int64_t>& value) {
    return value ? bind(*value) : bind_null();
}

bool Statement::step() {
    const int code = sqlite3_step(stmt_);
    if (code == SQLITE_ROW) {
        return true;
    }
    if (code == SQLITE_DONE) {
        return false;
    }
    db_.fail(code, sqlite3_stmt_readonly(stmt_) ? "read" : "write");
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    next_ = 1;
}

std::string Statement::text(int column) const {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return data != nullptr
               ? std::string(data, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
               : std::string();
}

std::int64_t Statement::integer(int column) const {
    return sqlite3_column_int64(stmt_, column);
}

bool Statement::is_null(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::vector<std::uint8_t> Statement::blob(int column) const {
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, column));
    const int size = sqlite3_column_bytes(stmt_, column);
    return data != nullptr ? std::vector<std::uint8_t>(data, data + size)
                           : std::vector<std::uint8_t>();
}

Transaction::Transaction(Database& db) : db_(db) {
    db_.check(sqlite3_exec(db_.handle(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), "write");
}

Transaction::~Transaction() {
    if (open_) {
        sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

void Transaction::commit() {
    db_.check(sqlite3_exec(db_.handle(), "COMMIT", nullptr, nullptr, nullptr), "save");
    open_ = false;
}

} // namespace sightline::records::sql
