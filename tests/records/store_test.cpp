#include "records/paths.hpp"
#include "records/postgres_store.hpp"
#include "records/store.hpp"
#include "records/uuid.hpp"
#include "support/pg_cluster.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <algorithm>
#include <fstream>
#include <libpq-fe.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace sightline::records;
using sightline::test::PgCluster;
using sightline::test::TempDir;

namespace {

unsigned mode_of(const std::filesystem::path& path) {
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    return info.st_mode & 0777;
}

// Asks SQLite itself, through a second connection, how the file is set up.
std::string pragma(const std::filesystem::path& db, const std::string& name) {
    sqlite3* handle = nullptr;
    REQUIRE(sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    REQUIRE(sqlite3_prepare_v2(handle, ("PRAGMA " + name).c_str(), -1, &statement, nullptr) ==
            SQLITE_OK);
    std::string value;
    if (sqlite3_step(statement) == SQLITE_ROW) {
        value = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    }
    sqlite3_finalize(statement);
    sqlite3_close(handle);
    return value;
}

Certificate sample_certificate(const std::string& learner, std::string code) {
    Certificate c;
    c.id = new_uuid();
    c.learner_id = learner;
    c.course_id = "hotel.example-course";
    c.issued = 5000;
    c.verification_code = std::move(code);
    c.credential_json = "{}";
    return c;
}

AttemptStart sample_start(const std::string& learner) {
    AttemptStart start;
    start.learner_id = learner;
    start.course_id = "hotel.example-course";
    start.scenario_id = "hotel.example";
    start.bundle_hash = "abc123";
    start.bundle_version = "0.1.0";
    start.seed = 42;
    start.save = {1, 2, 3};
    return start;
}

Event sample_event(const Attempt& attempt, std::uint32_t sequence, TimeMs when) {
    Event event;
    event.attempt_id = attempt.id;
    event.sequence = sequence;
    event.time = when;
    event.node_id = "desk";
    event.prompt = "It is almost midnight, \"quoted\", and, commas.";
    event.response = {"log-and-tell"};
    event.offered = {{"ask-her", "Ask her.", false}, {"log-and-tell", "Log it.", true}};
    event.tier = "best";
    event.correct = true;
    event.score_changes = {{"recognition", 2}, {"response", -1}};
    event.indicators = {"hotel.fearful-guest"};
    event.time_on_node_ms = 1500;
    return event;
}

// The stores the shared cases run against: the embedded SQLite store in a
// temporary folder, and the PostgreSQL store on a new database of the test
// process's cluster (skipped, with a message, where PostgreSQL is missing).
struct SqliteBackend {
    TempDir temp;
    bool ready() const { return true; }
    std::unique_ptr<Store> open(const StoreOptions& options = {}) {
        return open_store(temp.path(), options);
    }
    // The file the records are in, to look at its bytes.
    std::optional<std::filesystem::path> file() const { return temp.path() / "records.db"; }
};

struct PostgresBackend {
    PgCluster* cluster = PgCluster::shared();
    std::string conninfo = cluster != nullptr ? cluster->create_database() : "";
    bool ready() const {
        if (cluster == nullptr) {
            MESSAGE(PgCluster::unavailable_reason());
        }
        return cluster != nullptr;
    }
    std::unique_ptr<Store> open(const StoreOptions& options = {}) {
        return open_postgres_store(conninfo, options);
    }
    std::optional<std::filesystem::path> file() const { return std::nullopt; }
};

} // namespace

TYPE_TO_STRING_AS("sqlite", SqliteBackend);
TYPE_TO_STRING_AS("postgresql", PostgresBackend);

TEST_CASE("the store creates an owner-only directory and database with WAL and full sync") {
    TempDir temp;
    const auto dir = temp.path() / "data" / "sightline";
    { auto store = open_store(dir); }
    CHECK(mode_of(dir) == 0700);
    CHECK(mode_of(dir / "records.db") == 0600);
    CHECK(pragma(dir / "records.db", "journal_mode") == "wal");
    CHECK(pragma(dir / "records.db", "user_version") == std::to_string(schema_version()));
}

TEST_CASE("an existing database with loose permissions is tightened to 0600") {
    TempDir temp;
    { auto store = open_store(temp.path()); }
    ::chmod((temp.path() / "records.db").c_str(), 0644);
    auto store = open_store(temp.path());
    CHECK(mode_of(temp.path() / "records.db") == 0600);
}

TEST_CASE_TEMPLATE(
    "learners are added, listed, found and erased with everything recorded about them", Backend,
    SqliteBackend, PostgresBackend) {
    Backend backend;
    if (!backend.ready()) {
        return;
    }
    auto store = backend.open();
    const Learner ana = store->add_learner({"Ana Díaz", "nurse", "RN-1234", "MI", "", "", ""});
    const Learner ben = store->add_learner({"Ben", "", "", "", "", "", ""});
    CHECK(is_uuid(ana.id));
    CHECK(ana.id != ben.id);
    REQUIRE(store->learners().size() == 2);
    CHECK(store->learner(ana.id)->licence_number == "RN-1234");
    CHECK_FALSE(store->learner("nobody").has_value());
    CHECK_THROWS_AS(store->add_learner({"", "", "", "", "", "", ""}), RecordsError);

    const Attempt attempt = store->start_attempt(sample_start(ana.id), 1000);
    store->record_event(sample_event(attempt, 1, 2000), {9});
    store->record_attestation(
        {ana.id, "hotel.example-course", "I completed this training myself.", 3000});
    store->record_completion({ana.id, "hotel.example-course", 4000, 90, 12});
    store->add_certificate(sample_certificate(ana.id, "ABCD-EFGH"));
    const Attempt other = store->start_attempt(sample_start(ben.id), 1000);

    CHECK(store->delete_learner(ana.id));
    CHECK_FALSE(store->delete_learner(ana.id));
    CHECK_FALSE(store->learner(ana.id).has_value());
    CHECK_FALSE(store->attempt(attempt.id).has_value());
    CHECK(store->events(attempt.id).empty());
    CHECK_FALSE(store->attestation(ana.id, "hotel.example-course").has_value());
    CHECK(store->completions(ana.id).empty());
    CHECK(store->certificates().empty());
    CHECK(store->attempt(other.id).has_value()); // other learners keep their records

    // Nothing of the erased learner is left in the file's free pages either.
    if (const auto path = backend.file()) {
        std::ifstream file(*path, std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(file)), {});
        CHECK(bytes.find("RN-1234") == std::string::npos);
    }
}

TEST_CASE_TEMPLATE("a learner's hire date, job role and site are kept, checked and changed",
                   Backend, SqliteBackend, PostgresBackend) {
    Backend backend;
    if (!backend.ready()) {
        return;
    }
    auto store = backend.open();
    const Learner ana = store->add_learner(
        {"Ana Díaz", "", "", "", "2026-02-28", "hotel/front-desk", "Austin downtown"});
    CHECK(store->learner(ana.id)->hire_date == "2026-02-28");
    CHECK(store->learners().at(0).job_role == "hotel/front-desk");
    CHECK(store->learner(ana.id)->site == "Austin downtown");
    for (const char* bad : {"2026-02-30", "2026-2-28", "28/02/2026", "2026-02-28T00:00",
                            "yesterday", "1899-12-31", "2026-13-01"}) {
        CAPTURE(bad);
        CHECK_THROWS_WITH_AS(store->add_learner({"Ben", "", "", "", bad, "", ""}),
                             doctest::Contains("is not a date written YYYY-MM-DD"), RecordsError);
    }
    CHECK(store->add_learner({"Leap", "", "", "", "2028-02-29", "", ""}).hire_date == "2028-02-29");

    const auto moved = store->update_learner(
        ana.id, {"Ana Díaz", "", "", "", "2026-02-28", "hotel/housekeeping", "Austin airport"});
    REQUIRE(moved.has_value());
    CHECK(moved->job_role == "hotel/housekeeping");
    CHECK(moved->created == ana.created); // the profile changes, not the learner
    CHECK(store->learner(ana.id)->site == "Austin airport");
    CHECK_FALSE(store->update_learner("nobody", {"X", "", "", "", "", "", ""}).has_value());
    CHECK_THROWS_AS(store->update_learner(ana.id, {"", "", "", "", "", "", ""}), RecordsError);
    CHECK(store->learner(ana.id)->display_name == "Ana Díaz"); // a refused change keeps nothing
}

TEST_CASE_TEMPLATE("a learner's preferred language is kept, checked, changed and cleared", Backend,
                   SqliteBackend, PostgresBackend) {
    Backend backend;
    if (!backend.ready()) {
        return;
    }
    auto store = backend.open();
    // Inputs written before the field (name to site) mean no preference.
    const Learner ana = store->add_learner({"Ana D\u00EDaz", "", "", "", "", "", ""});
    CHECK(ana.language.empty());
    CHECK(store->learner(ana.id)->language.empty());
    const Learner ben = store->add_learner({"Ben", "", "", "", "", "", "", "es-MX"});
    CHECK(store->learner(ben.id)->language == "es-MX");
    for (const char* bad :
         {"e", "es_MX", "espa\u00F1ol", "es-", "-es", "es--MX", "es MX", "123", "es-abcdefghi"}) {
        CAPTURE(bad);
        CHECK_THROWS_WITH_AS(store->add_learner({"Cy", "", "", "", "", "", "", bad}),
                             doctest::Contains("is not a language tag"), RecordsError);
    }
    CHECK(is_language_tag("zh-Hant-TW"));
    CHECK(is_language_tag("es-419"));

    // A change of one field keeps the others (input_of), the language included.
    LearnerInput profile = input_of(*store->learner(ana.id));
    profile.language = "es";
    REQUIRE(store->update_learner(ana.id, profile).has_value());
    profile = input_of(*store->learner(ana.id));
    profile.site = "Austin";
    const auto moved = store->update_learner(ana.id, profile);
    REQUIRE(moved.has_value());
    CHECK(moved->language == "es");
    CHECK(moved->site == "Austin");
    const auto listed = store->learners();
    CHECK(std::any_of(listed.begin(), listed.end(),
                      [&](const Learner& l) { return l.id == ana.id && l.language == "es"; }));
    profile.language.clear();
    CHECK(store->update_learner(ana.id, profile)->language.empty());
    profile.language = "not a tag";
    CHECK_THROWS_AS(store->update_learner(ana.id, profile), RecordsError);
    CHECK(store->learner(ana.id)->language.empty()); // a refused change keeps nothing
}

TEST_CASE_TEMPLATE("organisation settings are kept with the records", Backend, SqliteBackend,
                   PostgresBackend) {
    Backend backend;
    if (!backend.ready()) {
        return;
    }
    auto store = backend.open();
    CHECK_FALSE(store->setting("iri-base").has_value());
    store->set_setting("iri-base", "https://training.example.org/");
    store->set_setting("iri-base", "https://learning.example.org/");
    CHECK(store->setting("iri-base") == "https://learning.example.org/");
    auto again = backend.open(); // another program sees it
    CHECK(again->setting("iri-base") == "https://learning.example.org/");

    // All of them at once, by key: sites' jurisdictions are one setting each.
    store->set_setting("site-jurisdiction:San Diego", "California");
    store->set_setting("site-jurisdiction:Austin", "Texas");
    store->set_setting("site-jurisdiction:Austin", "Florida");
    CHECK(again->settings() ==
          std::map<std::string, std::string>{{"iri-base", "https://learning.example.org/"},
                                             {"site-jurisdiction:Austin", "Florida"},
                                             {"site-jurisdiction:San Diego", "California"}});
}

TEST_CASE_TEMPLATE("a revocation is kept with its status list index, and outlives the learner",
                   Backend, SqliteBackend, PostgresBackend) {
    Backend backend;
    if (!backend.ready()) {
        return;
    }
    auto store = backend.open();
    const Learner ana = store->add_learner({"Ana Díaz", "nurse", "RN-1234", "MI", "", "", ""});
    const Learner ben = store->add_learner({"Ben Kowalski", "driver", "", "", "", "", ""});
    const std::string list = "https://provider.example/status/1";

    Certificate listed = sample_certificate(ana.id, "ABCD-EFGH");
    listed.status_list = list;
    listed.status_index = 40321;
    store->add_certificate(listed);
    Certificate unlisted = sample_certificate(ben.id, "HJKM-NPQR");
    store->add_certificate(unlisted);
    CHECK(store->certificate("ABCD-EFGH")->status_index == 40321);
    CHECK(store->certificate("ABCD-EFGH")->status_list == list);
    CHECK_FALSE(store->certificate("HJKM-NPQR")->status_index.has_value());
    CHECK(store->status_index_used(list, 40321));
    CHECK_FALSE(store->status_index_used(list, 40322));
    CHECK_FALSE(store->status_index_used("https://elsewhere.example/list", 40321));

    // An index is never given out twice in one list.
    Certificate clash = sample_certificate(ben.id, "STVW-XYZ2");
    clash.status_list = list;
    clash.status_index = 40321;
    CHECK_THROWS_AS(store->add_certificate(clash), RecordsError);
    CHECK_FALSE(store->certificate("STVW-XYZ2").has_value()); // nothing of it was kept

    CHECK(store->revoked_status_indices(list).empty());
    const Certificate revoked = store->revoke_certificate("ABCD-EFGH", 9000, "issued in error");
    CHECK(revoked.revoked == 9000);
    CHECK(revoked.revocation_reason == "issued in error");
    CHECK(store->certificate(listed.id)->revoked == 9000);
    CHECK(store->revoked_status_indices(list) == std::vector<std::int64_t>{40321});
    // A second revocation keeps the first one's time and reason.
    CHECK(store->revoke_certificate(listed.id, 9999, "again").revocation_reason ==
          "issued in error");
    // Without a status list entry, the revocation is still recorded.
    CHECK(store->revoke_certificate("HJKM-NPQR", 9100, "duplicate").revoked == 9100);
    CHECK(store->revoked_status_indices(list).size() == 1);
    CHECK_THROWS_AS(store->revoke_certificate("NO-SUCH", 1, "x"), RecordsError);

    // Erasing the learner erases the certificate, but not that index 40321 was
    // revoked: the credential the learner holds must stay revoked.
    CHECK(store->delete_learner(ana.id));
    CHECK_FALSE(store->certificate(listed.id).has_value());
    CHECK(store->revoked_status_indices(list) == std::vector<std::int64_t>{40321});
    CHECK(store->status_index_used(list, 40321));
}

TEST_CASE_TEMPLATE("events are kept in order with every field, and out-of-order events are refused",
                   Backend, SqliteBackend, PostgresBackend) {
    Backend backend;
    if (!backend.ready()) {
        return;
    }
    auto store = backend.open();
    const Learner ana = store->add_learner({"Ana", "", "", "", "", "", ""});
    const Attempt attempt = store->start_attempt(sample_start(ana.id), 1000);
    CHECK(is_uuid(attempt.id));
    store->record_event(sample_event(attempt, 1, 2000), {7, 7});
    CHECK_THROWS_WITH_AS(store->record_event(sample_event(attempt, 3, 3000), {}),
                         doctest::Contains("out of order (expected 2)"), RecordsError);
    CHECK_THROWS_AS(store->record_event(sample_event(attempt, 1, 3000), {}), RecordsError);

    const auto events = store->events(attempt.id);
    REQUIRE(events.size() == 1);
    const Event& e = events[0];
    CHECK(e.prompt == "It is almost midnight, \"quoted\", and, commas.");
    CHECK(e.response == std::vector<std::string>{"log-and-tell"});
    REQUIRE(e.offered.size() == 2);
    CHECK(e.offered[1].best);
    CHECK(e.score_changes.size() == 2);
    CHECK(e.score_changes[1].delta == -1);
    CHECK(e.indicators == std::vector<std::string>{"hotel.fearful-guest"});
    CHECK(e.time_on_node_ms == 1500);
    const auto stored = store->attempt(attempt.id);
    REQUIRE(stored.has_value());
    CHECK(stored->events == 1);
    CHECK(stored->save == std::vector<std::uint8_t>{7, 7});
}

TEST_CASE_TEMPLATE("active time leaves out gaps longer than the idle limit", Backend, SqliteBackend,
                   PostgresBackend) {
    Backend backend;
    if (!backend.ready()) {
        return;
    }
    StoreOptions options;
    options.idle_limit_ms = 60'000;
    auto store = backend.open(options);
    const Learner ana = store->add_learner({"Ana", "", "", "", "", "", ""});
    const Attempt attempt = store->start_attempt(sample_start(ana.id), 0);
    store->record_event(sample_event(attempt, 1, 30'000), {});  // +30 s
    store->touch(attempt.id, 90'000);                           // +60 s: exactly the limit counts
    store->record_event(sample_event(attempt, 2, 500'000), {}); // 410 s away: idle, not counted
    store->touch(attempt.id, 400'000);                          // clock went back: nothing
    store->finish_attempt(attempt.id, {"reported", "reported-safely", {}, 3, 0, 4, true}, 510'000);
    const auto stored = store->attempt(attempt.id);
    REQUIRE(stored.has_value());
    CHECK(stored->active_ms == 30'000 + 60'000 + 10'000);
    CHECK(stored->status == Status::Completed);
    REQUIRE(stored->result.has_value());
    CHECK(stored->result->scaled() == doctest::Approx(0.75));
    CHECK_THROWS_WITH_AS(store->record_event(sample_event(attempt, 3, 520'000), {}),
                         doctest::Contains("already completed"), RecordsError);
}

TEST_CASE_TEMPLATE("the newest unfinished attempt is offered for resuming", Backend, SqliteBackend,
                   PostgresBackend) {
    Backend backend;
    if (!backend.ready()) {
        return;
    }
    auto store = backend.open();
    const Learner ana = store->add_learner({"Ana", "", "", "", "", "", ""});
    CHECK_FALSE(store->unfinished_attempt(ana.id, "hotel.example").has_value());
    const Attempt first = store->start_attempt(sample_start(ana.id), 1000);
    const Attempt second = store->start_attempt(sample_start(ana.id), 2000);
    CHECK(store->unfinished_attempt(ana.id, "hotel.example")->id == second.id);
    store->abandon_attempt(second.id, 3000);
    CHECK(store->unfinished_attempt(ana.id, "hotel.example")->id == first.id);
    CHECK(store->attempt(second.id)->status == Status::Abandoned);
}

TEST_CASE("a file that is not a records database gives a clear error naming it") {
    TempDir temp;
    {
        std::ofstream garbage(temp.path() / "records.db", std::ios::binary);
        garbage << std::string(4096, 'x');
    }
    const std::string expected = (temp.path() / "records.db").string() +
                                 ": the file is corrupt or is not a Sightline records database";
    CHECK_THROWS_WITH_AS(open_store(temp.path()), doctest::Contains(expected.c_str()),
                         RecordsError);
}

TEST_CASE("a database damaged in the middle fails with an error, not a crash") {
    TempDir temp;
    {
        auto store = open_store(temp.path());
        const Learner ana = store->add_learner({"Ana", "", "", "", "", "", ""});
        for (int i = 0; i < 200; ++i) {
            const Attempt attempt = store->start_attempt(sample_start(ana.id), i);
            store->record_event(sample_event(attempt, 1, i + 1), std::vector<std::uint8_t>(500, 1));
        }
    }
    const auto file = temp.path() / "records.db";
    {
        std::fstream db(file, std::ios::in | std::ios::out | std::ios::binary);
        db.seekp(8192); // past the header page: scribble over b-tree pages
        db << std::string(16384, '\xff');
    }
    bool failed_cleanly = false;
    try {
        auto store = open_store(temp.path());
        for (const auto& attempt : store->attempts()) {
            store->events(attempt.id);
        }
    } catch (const RecordsError& error) {
        failed_cleanly = std::string(error.what()).find(file.string()) != std::string::npos;
    }
    CHECK(failed_cleanly);
}

TEST_CASE("a database from a newer Sightline is refused, not downgraded") {
    TempDir temp;
    { auto store = open_store(temp.path()); }
    sqlite3* handle = nullptr;
    REQUIRE(sqlite3_open((temp.path() / "records.db").c_str(), &handle) == SQLITE_OK);
    sqlite3_exec(handle, "PRAGMA user_version = 999", nullptr, nullptr, nullptr);
    sqlite3_close(handle);
    CHECK_THROWS_WITH_AS(open_store(temp.path()), doctest::Contains("written by a newer Sightline"),
                         RecordsError);
}

TEST_CASE("a database locked by another program gives a clear error") {
    TempDir temp;
    StoreOptions options;
    options.busy_timeout_ms = 50;
    auto store = open_store(temp.path(), options);
    sqlite3* other = nullptr;
    REQUIRE(sqlite3_open((temp.path() / "records.db").c_str(), &other) == SQLITE_OK);
    REQUIRE(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK);
    CHECK_THROWS_WITH_AS(store->add_learner({"Ana", "", "", "", "", "", ""}),
                         doctest::Contains("locked by another program"), RecordsError);
    sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(other);
    CHECK(store->add_learner({"Ana", "", "", "", "", "", ""}).display_name ==
          "Ana"); // and recovers
}

namespace {

// A second connection to a PostgreSQL database, as another program would have.
class OtherConnection {
  public:
    explicit OtherConnection(const std::string& conninfo) : conn_(PQconnectdb(conninfo.c_str())) {
        REQUIRE(PQstatus(conn_) == CONNECTION_OK);
    }
    ~OtherConnection() { PQfinish(conn_); }
    OtherConnection(const OtherConnection&) = delete;
    OtherConnection& operator=(const OtherConnection&) = delete;

    // Runs a statement; the first value of its first row, if any.
    std::string exec(const char* sql) {
        PGresult* result = PQexec(conn_, sql);
        const auto status = PQresultStatus(result);
        std::string value = PQntuples(result) > 0 ? PQgetvalue(result, 0, 0) : "";
        const std::string error = PQresultErrorMessage(result);
        PQclear(result);
        INFO(sql, ": ", error);
        REQUIRE((status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK));
        return value;
    }

  private:
    PGconn* conn_;
};

} // namespace

TEST_CASE("the PostgreSQL store keeps its schema version and refuses a newer one") {
    PostgresBackend backend;
    if (!backend.ready()) {
        return;
    }
    { backend.open()->add_learner({"Ana", "", "", "", "", "", ""}); }
    OtherConnection other(backend.conninfo);
    CHECK(other.exec("SELECT version FROM schema_version") ==
          std::to_string(postgres_schema_version()));
    CHECK(other.exec("SELECT count(*) FROM schema_version") == "1");
    CHECK(backend.open()->learners().size() == 1); // opened again: the same records
    CHECK(other.exec("SELECT count(*) FROM schema_version") == "1");
    other.exec("UPDATE schema_version SET version = 999");
    CHECK_THROWS_WITH_AS(backend.open(), doctest::Contains("written by a newer Sightline"),
                         RecordsError);
}

TEST_CASE(
    "a PostgreSQL database of schema 2 upgrades: learners keep their profile and get a language") {
    PostgresBackend backend;
    if (!backend.ready()) {
        return;
    }
    std::string ana_id;
    {
        auto store = backend.open();
        ana_id = store
                     ->add_learner({"Ana", "nurse", "RN-1", "MI", "2026-03-01", "healthcare",
                                    "Lansing", "es"})
                     .id;
    }
    // Back to schema 2 as it was released: learners without the language column.
    OtherConnection other(backend.conninfo);
    other.exec("ALTER TABLE learners DROP COLUMN language");
    other.exec("UPDATE schema_version SET version = 2");
    other.exec("INSERT INTO learners (id, display_name, created_ms, hire_date) VALUES "
               "('0b8f6a52-3c1d-4e2f-9a7b-5c6d7e8f9a0b', 'Old Learner', 1700000000000, "
               "'2020-01-02')");

    auto store = backend.open();
    CHECK(other.exec("SELECT version FROM schema_version") ==
          std::to_string(postgres_schema_version()));
    const auto old = store->learner("0b8f6a52-3c1d-4e2f-9a7b-5c6d7e8f9a0b");
    REQUIRE(old.has_value());
    CHECK(old->hire_date == "2020-01-02");
    CHECK(old->language.empty()); // no preference until one is set
    CHECK(store->learner(ana_id)->site == "Lansing");
    LearnerInput profile = input_of(*old);
    profile.language = "es";
    REQUIRE(store->update_learner(old->id, profile).has_value());
    CHECK(store->learner(old->id)->language == "es");
    CHECK(store->learner(old->id)->hire_date == "2020-01-02");
}

TEST_CASE("two programs share one PostgreSQL database and take turns on an attempt") {
    PostgresBackend backend;
    if (!backend.ready()) {
        return;
    }
    auto first = backend.open();
    auto second = backend.open();
    const Learner ana = first->add_learner({"Ana", "", "", "", "", "", ""});
    REQUIRE(second->learner(ana.id).has_value());
    const Attempt attempt = first->start_attempt(sample_start(ana.id), 1000);
    first->record_event(sample_event(attempt, 1, 2000), {1});
    second->record_event(sample_event(attempt, 2, 3000), {2});
    CHECK_THROWS_WITH_AS(first->record_event(sample_event(attempt, 2, 4000), {}),
                         doctest::Contains("out of order (expected 3)"), RecordsError);
    const auto stored = first->attempt(attempt.id);
    REQUIRE(stored.has_value());
    CHECK(stored->events == 2);
    CHECK(stored->active_ms == 2000);
    CHECK(stored->save == std::vector<std::uint8_t>{2});

    // A status list index one program gave out is refused to the other.
    Certificate given = sample_certificate(ana.id, "ABCD-EFGH");
    given.status_list = "https://provider.example/status/1";
    given.status_index = 7;
    first->add_certificate(given);
    Certificate clash = sample_certificate(ana.id, "HJKM-NPQR");
    clash.status_list = given.status_list;
    clash.status_index = 7;
    CHECK_THROWS_WITH_AS(second->add_certificate(clash), doctest::Contains("already in use"),
                         RecordsError);
    CHECK(second->certificates().size() == 1);
}

TEST_CASE("a PostgreSQL table locked by another program gives a clear error") {
    PostgresBackend backend;
    if (!backend.ready()) {
        return;
    }
    StoreOptions options;
    options.busy_timeout_ms = 50;
    auto store = backend.open(options);
    OtherConnection other(backend.conninfo);
    other.exec("BEGIN");
    other.exec("LOCK TABLE learners IN ACCESS EXCLUSIVE MODE");
    CHECK_THROWS_WITH_AS(store->add_learner({"Ana", "", "", "", "", "", ""}),
                         doctest::Contains("locked by another program"), RecordsError);
    other.exec("ROLLBACK");
    CHECK(store->add_learner({"Ana", "", "", "", "", "", ""}).display_name ==
          "Ana"); // and recovers
    CHECK(store->learners().size() == 1);
}

TEST_CASE("a PostgreSQL server that cannot be reached gives a clear error without the password") {
    TempDir temp; // no server listens here
    const std::string conninfo = "postgresql://ana:s3cret-pw@/records?host=" + temp.path().string();
    CHECK(is_postgres_conninfo(conninfo));
    CHECK_FALSE(is_postgres_conninfo("/home/ana/records"));
    std::string message;
    try {
        open_postgres_store(conninfo);
    } catch (const RecordsError& error) {
        message = error.what();
    }
    CHECK(message.find("cannot connect to the records database postgresql://ana@" +
                       temp.path().string() + "/records: ") == 0);
    CHECK(message.find("s3cret-pw") == std::string::npos);
    CHECK_THROWS_WITH_AS(open_postgres_store("postgresql://ana:s3cret-pw@%zz/records"),
                         doctest::Contains("connection string for the records is not valid"),
                         RecordsError);
}

TEST_CASE("records paths follow the XDG rules with a Sightline override") {
    ::setenv("HOME", "/home/ana", 1);
    ::unsetenv("SIGHTLINE_DATA_DIR");
    ::unsetenv("XDG_DATA_HOME");
    CHECK(default_data_dir() == "/home/ana/.local/share/sightline");
    ::setenv("XDG_DATA_HOME", "/xdg/data", 1);
    CHECK(default_data_dir() == "/xdg/data/sightline");
    ::setenv("XDG_DATA_HOME", "relative", 1); // the spec says to ignore relative paths
    CHECK(default_data_dir() == "/home/ana/.local/share/sightline");
    ::setenv("SIGHTLINE_DATA_DIR", "/custom", 1);
    CHECK(default_data_dir() == "/custom");
    ::unsetenv("SIGHTLINE_DATA_DIR");
    ::unsetenv("XDG_DATA_HOME");
}

TEST_CASE("private files are written whole and owner-only") {
    TempDir temp;
    const auto file = temp.path() / "key";
    write_private_file(file, "first");
    write_private_file(file, "second");
    std::ifstream in(file);
    std::string text;
    in >> text;
    CHECK(text == "second");
    CHECK(mode_of(file) == 0600);
    CHECK_FALSE(std::filesystem::exists(temp.path() / "key.tmp"));
}

namespace {

// Runs `body` in a child process as an unprivileged user (root ignores file
// permissions) and returns its exit status: 0 when every check inside held.
template <class Body>
int as_unprivileged_user(Body body) {
    const pid_t child = ::fork();
    if (child == 0) {
        if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) {
            ::_exit(90);
        }
        ::_exit(body());
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 99;
}

} // namespace

TEST_CASE("a read-only records folder gives a clear error, for a new and an existing database") {
    TempDir temp;
    const auto fresh = temp.path() / "fresh";
    const auto existing = temp.path() / "existing";
    std::filesystem::create_directories(fresh);
    { auto store = open_store(existing); }
    // Readable and searchable by everyone, writable by no one but root.
    for (const auto& dir : {temp.path(), fresh, existing}) {
        ::chmod(dir.c_str(), 0755);
    }
    ::chmod((existing / "records.db").c_str(), 0644);
    ::chmod(fresh.c_str(), 0555);
    ::chmod(existing.c_str(), 0555);
    const int status = as_unprivileged_user([&] {
        int failures = 0;
        try {
            open_store(fresh);
            ++failures;
        } catch (const RecordsError& e) {
            failures +=
                std::string(e.what()).find("cannot create " + (fresh / "records.db").string() +
                                           ": Permission denied") == std::string::npos;
        }
        try {
            open_store(existing);
            ++failures;
        } catch (const RecordsError& e) {
            failures +=
                std::string(e.what()).find("cannot write to " + (existing / "records.db").string() +
                                           ": Permission denied") == std::string::npos;
        }
        return failures;
    });
    CHECK(status == 0);
}

TEST_CASE_TEMPLATE("completions and attestations are read in bulk", Backend, SqliteBackend,
                   PostgresBackend) {
    Backend backend;
    if (!backend.ready()) {
        return;
    }
    auto store = backend.open();
    const Learner ana = store->add_learner({"Ana", "", "", "", "", "hotel/front-desk", ""});
    const Learner ben = store->add_learner({"Ben", "", "", "", "", "", ""});
    CHECK(store->all_completions().empty());
    store->record_completion({ben.id, "course-a", 3000, 80, 20});
    store->record_completion({ana.id, "course-a", 2000, 90, 25});
    store->record_completion({ana.id, "course-b", 1000, 70, 15});
    store->record_attestation({ana.id, "course-a", "I did it", 1500});
    std::vector<Completion> all = store->all_completions();
    REQUIRE(all.size() == 3);
    // By learner, then oldest first.
    const bool ana_first = ana.id < ben.id;
    const Completion& first_of_ana = all[ana_first ? 0 : 1];
    CHECK(first_of_ana.learner_id == ana.id);
    CHECK(first_of_ana.course_id == "course-b");
    CHECK(first_of_ana.completed == 1000);
    CHECK(all[ana_first ? 1 : 2].minutes == 25);
    CHECK(all[ana_first ? 2 : 0].learner_id == ben.id);
    const std::vector<Attestation> attestations = store->all_attestations();
    REQUIRE(attestations.size() == 1);
    CHECK(attestations[0].statement == "I did it");
    CHECK(attestations[0].time == 1500);
}

TEST_CASE_TEMPLATE("confirming again replaces the attestation, but never with an older one",
                   Backend, SqliteBackend, PostgresBackend) {
    Backend backend;
    if (!backend.ready()) {
        return;
    }
    auto store = backend.open();
    const Learner ana = store->add_learner({"Ana", "", "", "", "", "", ""});
    store->record_attestation({ana.id, "course-a", "I did it", 1500});
    store->record_attestation({ana.id, "course-a", "I did it again", 9000}); // a renewal
    CHECK(store->attestation(ana.id, "course-a")->time == 9000);
    CHECK(store->attestation(ana.id, "course-a")->statement == "I did it again");
    store->record_attestation({ana.id, "course-a", "late copy", 4000}); // e.g. delivered late
    CHECK(store->attestation(ana.id, "course-a")->time == 9000);
    CHECK(store->attestation(ana.id, "course-a")->statement == "I did it again");
    CHECK(store->all_attestations().size() == 1);
}

TEST_CASE_TEMPLATE("purge removes the chosen records in one go, keeps revocations, and a dry run "
                   "only counts",
                   Backend, SqliteBackend, PostgresBackend) {
    Backend backend;
    if (!backend.ready()) {
        return;
    }
    auto store = backend.open();
    const Learner ana = store->add_learner({"Ana", "", "", "", "", "hotel/front-desk", ""});
    const Learner ben = store->add_learner({"Ben", "", "", "", "", "hotel", ""});
    const Attempt old_attempt = store->start_attempt(sample_start(ana.id), 1000);
    store->record_event(sample_event(old_attempt, 1, 1100), {});
    store->record_event(sample_event(old_attempt, 2, 1200), {});
    const Attempt kept_attempt = store->start_attempt(sample_start(ana.id), 5000);
    store->record_event(sample_event(kept_attempt, 1, 5100), {});
    AttemptStart room = sample_start("");
    room.mode = Mode::Classroom;
    const Attempt session = store->start_attempt(room, 1000);
    Event voted = sample_event(session, 1, 1100);
    voted.votes = {{"ask-her", 3, 1}, {"log-and-tell", 9, 4}};
    store->record_event(voted, {});
    store->record_classroom_session({session.id, "Tuesday", "Kim", 12});
    store->record_completion({ana.id, "hotel.example-course", 1500, 90, 25});
    store->record_completion({ana.id, "hotel.example-course", 5500, 95, 25});
    store->record_attestation({ana.id, "hotel.example-course", "I did it", 1400});
    store->record_attestation({ben.id, "hotel.example-course", "I did it too", 1400});
    const std::string list = "https://provider.example/status/1";
    Certificate revoked = sample_certificate(ana.id, "ABCD-EFGH");
    revoked.status_list = list;
    revoked.status_index = 7;
    store->add_certificate(revoked);
    store->revoke_certificate(revoked.id, 1600, "issued in error");
    const Certificate bens = sample_certificate(ben.id, "HJKM-NPQR");
    store->add_certificate(bens);

    PurgeSelection chosen;
    chosen.attempts = {old_attempt.id, session.id, "no-such-attempt"};
    chosen.completions = {{ana.id, "hotel.example-course", 1500, 0, 0}};
    chosen.attestations = {{ana.id, "hotel.example-course", "", 0}};
    chosen.certificates = {revoked.id};

    const auto check_counts = [](const PurgeCounts& n) {
        CHECK(n.attempts == 2);
        CHECK(n.events == 3);
        CHECK(n.votes == 2);
        CHECK(n.classroom_sessions == 1);
        CHECK(n.completions == 1);
        CHECK(n.attestations == 1);
        CHECK(n.certificates == 1);
    };
    check_counts(store->purge(chosen, /*dry_run=*/true));
    // A dry run removes nothing.
    CHECK(store->attempt(old_attempt.id).has_value());
    CHECK(store->events(session.id).at(0).votes.size() == 2);
    CHECK(store->classroom_session(session.id).has_value());
    CHECK(store->completions(ana.id).size() == 2);
    CHECK(store->certificate(revoked.id).has_value());

    check_counts(store->purge(chosen, /*dry_run=*/false));
    CHECK_FALSE(store->attempt(old_attempt.id).has_value());
    CHECK(store->events(old_attempt.id).empty());
    CHECK_FALSE(store->attempt(session.id).has_value());
    CHECK_FALSE(store->classroom_session(session.id).has_value());
    CHECK(store->classroom_sessions().empty());
    REQUIRE(store->completions(ana.id).size() == 1);
    CHECK(store->completions(ana.id)[0].completed == 5500);
    CHECK_FALSE(store->attestation(ana.id, "hotel.example-course").has_value());
    CHECK(store->attestation(ben.id, "hotel.example-course").has_value());
    CHECK_FALSE(store->certificate(revoked.id).has_value());
    CHECK(store->certificate(bens.id).has_value());
    // What was not chosen stays.
    CHECK(store->events(kept_attempt.id).size() == 1);
    CHECK(store->learner(ana.id).has_value());
    // The revocation outlives the certificate: index 7 stays revoked and taken.
    CHECK(store->revoked_status_indices(list) == std::vector<std::int64_t>{7});
    CHECK(store->status_index_used(list, 7));

    // Nothing is left to remove a second time.
    const PurgeCounts again = store->purge(chosen, false);
    CHECK(again.attempts + again.events + again.votes + again.classroom_sessions +
              again.completions + again.attestations + again.certificates ==
          0);
}
