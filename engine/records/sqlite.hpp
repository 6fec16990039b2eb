// A thin RAII layer over the SQLite C API for the records store: a connection,
// prepared statements, and errors turned into RecordsError sentences that name
// the database file. Internal to engine/records.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace sightline::records::sql {

class Database;

class Statement {
  public:
    Statement(Database& db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Binds parameters 1, 2, 3... in order; returns *this for chaining.
    Statement& bind(std::string_view text);
    Statement& bind(std::int64_t value);
    Statement& bind(const std::vector<std::uint8_t>& blob);
    Statement& bind_null();
    Statement& bind_optional(const std::optional<std::int64_t>& value);

    // Steps once: true while a row is available.
    bool step();
    // Steps a statement that returns no rows.
    void run();
    void reset(); // rewinds and clears the bindings for reuse

    std::string text(int column) const;
    std::int64_t integer(int column) const;
    bool is_null(int column) const;
    std::vector<std::uint8_t> blob(int column) const;

  private:
    Database& db_;
    sqlite3_stmt* stmt_ = nullptr;
    int next_ = 1;
};

class Database {
  public:
    // Opens (creating) the database file; `label` names it in messages.
    Database(const std::string& path, int busy_timeout_ms);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(std::string_view sql);
    int user_version();
    std::int64_t changes();

    // Throws RecordsError for a failed SQLite call: what was being done, the
    // file, and the reason in words a learner or administrator can act on.
    [[noreturn]] void fail(int code, std::string_view doing) const;
    void check(int code, std::string_view doing) const;

    const std::string& path() const { return path_; }
    sqlite3* handle() { return db_; }

  private:
    sqlite3* db_ = nullptr;
    std::string path_;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back when destroyed uncommitted.
class Transaction {
  public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

  private:
    Database& db_;
    bool open_ = true;
};

} // namespace sightline::records::sql
