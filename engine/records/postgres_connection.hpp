// The libpq plumbing of the PostgreSQL store (postgres_store.cpp), private to
// engine/records: a connection that names its database but never its
// password, parameters bound in order, result rows read by column number as
// the shared row readers (sqlite_rows.hpp) expect, and transactions that
// nest as savepoints.
#pragma once

#include "i18n/i18n.hpp"
#include "records/records.hpp"
#include "records/store.hpp"

#include <charconv>
#include <cstdint>
#include <cstring>
#include <libpq-fe.h>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sightline::records::pg {

inline constexpr Oid kByteaOid = 17;

// The parts of a connection string that name the database, never its password.
struct Target {
    std::string location; // "postgresql://user@host:port/dbname"
    std::string password; // to scrub from server messages, should one echo it
};

// Parses a connection string; RecordsError (without libpq's detail, which
// may quote the password) when it cannot be parsed.
Target describe(const std::string& conninfo);

// Parameters $1, $2... in order: text, or binary for bytea; NULL when absent.
class Params {
  public:
    Params& add(std::string_view text) { return push(std::string(text), 0, 0); }
    Params& add(const char* text) { return add(std::string_view(text)); }
    Params& add(std::int64_t value) { return push(std::to_string(value), 0, 0); }
    Params& add(const std::vector<std::uint8_t>& bytes) {
        return push(std::string(bytes.begin(), bytes.end()), kByteaOid, 1);
    }
    Params& add_null() {
        push({}, 0, 0);
        null_.back() = true;
        return *this;
    }
    Params& add(const std::optional<std::int64_t>& value) {
        return value ? add(*value) : add_null();
    }

    int size() const { return static_cast<int>(values_.size()); }
    const Oid* types() const { return types_.data(); }
    const int* lengths() const { return lengths_.data(); }
    const int* formats() const { return formats_.data(); }
    std::vector<const char*> pointers() const {
        std::vector<const char*> out;
        for (std::size_t i = 0; i < values_.size(); ++i) {
            out.push_back(null_[i] ? nullptr : values_[i].data());
        }
        return out;
    }

  private:
    Params& push(std::string value, Oid type, int format) {
        lengths_.push_back(static_cast<int>(value.size()));
        values_.push_back(std::move(value));
        types_.push_back(type);
        formats_.push_back(format);
        null_.push_back(false);
        return *this;
    }

    std::vector<std::string> values_;
    std::vector<Oid> types_;
    std::vector<int> lengths_;
    std::vector<int> formats_;
    std::vector<bool> null_;
};

class Result;

// One row of a result, read by column number as the row readers expect.
class Row {
  public:
    Row(const PGresult* result, int row) : result_(result), row_(row) {}
    std::string text(int column) const {
        return {PQgetvalue(result_, row_, column),
                static_cast<std::size_t>(PQgetlength(result_, row_, column))};
    }
    std::int64_t integer(int column) const {
        const char* value = PQgetvalue(result_, row_, column);
        std::int64_t out = 0;
        std::from_chars(value, value + PQgetlength(result_, row_, column), out);
        return out;
    }
    bool is_null(int column) const { return PQgetisnull(result_, row_, column) != 0; }
    std::vector<std::uint8_t> blob(int column) const {
        std::size_t length = 0;
        unsigned char* bytes = PQunescapeBytea(
            reinterpret_cast<const unsigned char*>(PQgetvalue(result_, row_, column)), &length);
        if (bytes == nullptr) {
            throw RecordsError("out of memory reading a saved run from the records database");
        }
        std::vector<std::uint8_t> out(bytes, bytes + length);
        PQfreemem(bytes);
        return out;
    }

  private:
    const PGresult* result_;
    int row_;
};

class Result {
  public:
    explicit Result(PGresult* result) : result_(result) {}
    ~Result() { PQclear(result_); }
    Result(Result&& other) noexcept : result_(std::exchange(other.result_, nullptr)) {}
    Result(const Result&) = delete;
    Result& operator=(const Result&) = delete;
    Result& operator=(Result&&) = delete;

    int rows() const { return PQntuples(result_); }
    Row row(int index) const { return {result_, index}; }
    std::int64_t affected() const {
        const char* count = PQcmdTuples(result_);
        std::int64_t out = 0;
        std::from_chars(count, count + std::strlen(count), out);
        return out;
    }

  private:
    PGresult* result_;
};

class Connection {
  public:
    // Connects (10 s at most unless the string says otherwise) and sets the
    // session's lock_timeout to options.busy_timeout_ms. Throws RecordsError.
    Connection(const std::string& conninfo, const StoreOptions& options);
    ~Connection() { PQfinish(conn_); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    Result exec(std::string_view doing, const char* sql, const Params& params = {}) {
        const auto pointers = params.pointers();
        PGresult* result = PQexecParams(conn_, sql, params.size(), params.types(), pointers.data(),
                                        params.lengths(), params.formats(), /*resultFormat=*/0);
        check(doing, result);
        return Result(result);
    }

    // Several statements without parameters (the schema steps).
    void exec_script(std::string_view doing, const char* sql) {
        const Result done(check(doing, PQexec(conn_, sql)));
    }

    const std::string& location() const { return target_.location; }
    int& depth() { return depth_; }
    PGconn* handle() { return conn_; }

  private:
    // The result when the statement succeeded; otherwise clears it and
    // throws RecordsError naming what was being done, the password scrubbed.
    PGresult* check(std::string_view doing, PGresult* result);
    std::string scrub(std::string text) const;

    Target target_;
    PGconn* conn_ = nullptr;
    int depth_ = 0;
};

// BEGIN ... COMMIT; inside another transaction (a write from a visitor of
// for_each_event) a savepoint. Rolls back when destroyed uncommitted.
class Transaction {
  public:
    explicit Transaction(Connection& conn) : conn_(conn) {
        conn_.exec_script(i18n::tr("records database action", "begin a transaction"),
                          conn_.depth() == 0 ? "BEGIN" : "SAVEPOINT sightline_nested");
        ++conn_.depth();
    }
    ~Transaction() {
        if (open_) {
            --conn_.depth();
            PQclear(PQexec(conn_.handle(), conn_.depth() == 0
                                               ? "ROLLBACK"
                                               : "ROLLBACK TO SAVEPOINT sightline_nested; "
                                                 "RELEASE SAVEPOINT sightline_nested"));
        }
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit() {
        open_ = false;
        --conn_.depth();
        conn_.exec_script(i18n::tr("records database action", "commit"),
                          conn_.depth() == 0 ? "COMMIT" : "RELEASE SAVEPOINT sightline_nested");
    }

  private:
    Connection& conn_;
    bool open_ = true;
};

} // namespace sightline::records::pg
