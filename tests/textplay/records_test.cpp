// The text player with learner records: every answer is recorded, quitting
// and coming back continues the attempt, and a failed write is never hidden.
#include "bundle_file.hpp"
#include "records/store.hpp"
#include "support/temp_dir.hpp"
#include "textplay/app.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <sstream>

namespace {

using namespace sightline;

struct Result {
    int code = -1;
    std::string out;
    std::string err;
};

Result play(const test::TempDir& data, const std::string& script_text, const std::string& name) {
    const auto script = test::work_dir() / (name + ".script");
    test::write_file(script, script_text);
    std::istringstream in;
    std::ostringstream out;
    std::ostringstream err;
    const textplay::Environment env{in, out, err, test::work_dir() / "bin" / "sightline", false, 0};
    Result r;
    r.code = textplay::run_app({"--bundle", test::format_example_bundle().string(), "--script",
                                script.string(), "--learner", "Ana Díaz", "--data-dir",
                                data.path().string()},
                               env);
    r.out = out.str();
    r.err = err.str();
    return r;
}

void exec_sql(const std::filesystem::path& db, const char* sql) {
    sqlite3* handle = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &handle) == SQLITE_OK);
    CHECK(sqlite3_exec(handle, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(handle);
}

} // namespace

TEST_CASE("a scripted learner is recorded, can stop, and continues where they stopped") {
    test::TempDir data;
    // Course 1, scenario 1, Enter to begin, choice 2, then quit at the check.
    const Result first = play(data, "1\n1\n\n2\nq\n", "first");
    CHECK(first.code == 0);
    CHECK(first.out.find("Training as Ana Díaz. Your records are kept in") != std::string::npos);
    CHECK(first.out.find("Stopped. Your progress is recorded") != std::string::npos);

    auto store = records::open_store(data.path());
    REQUIRE(store->learners().size() == 1);
    const auto attempts = store->attempts();
    REQUIRE(attempts.size() == 1);
    CHECK(attempts[0].status == records::Status::InProgress);
    CHECK(attempts[0].course_id == "hotel-example");
    REQUIRE(store->events(attempts[0].id).size() == 1);

    // Course 1, scenario 1, "1" continues, answer the check, Enter to the end.
    const Result second = play(data, "1\n1\n1\n1 2\n\n", "second");
    CHECK(second.code == 0);
    CHECK(second.out.find("have not finished it") != std::string::npos);
    CHECK(second.out.find("Resuming: The late check-in") != std::string::npos);
    CHECK(second.out.find("The end: Reported safely") != std::string::npos);
    CHECK(second.out.find("You have completed Hotel example course with a score of 100%.") !=
          std::string::npos);

    CHECK(store->learners().size() == 1); // the same learner, found by name
    const auto after = store->attempts();
    REQUIRE(after.size() == 1);
    CHECK(after[0].status == records::Status::Completed);
    CHECK(store->events(after[0].id).size() == 2);
    REQUIRE(store->completions(after[0].learner_id).size() == 1);
    CHECK(store->completions(after[0].learner_id)[0].score_percent == 100);
}

TEST_CASE("starting again abandons the unfinished attempt") {
    test::TempDir data;
    CHECK(play(data, "1\n1\n\n2\nq\n", "stop").code == 0);
    const Result again = play(data, "1\n1\n2\n\n3\n", "again"); // start again, then ignore
    CHECK(again.code == 0);
    CHECK(again.out.find("The end: Missed the signs") != std::string::npos);
    auto store = records::open_store(data.path());
    const auto attempts = store->attempts();
    REQUIRE(attempts.size() == 2);
    CHECK(attempts[0].status == records::Status::Abandoned);
    CHECK(attempts[1].status == records::Status::Completed);
}

TEST_CASE("when an answer cannot be recorded the learner is told and nothing is counted") {
    test::TempDir data;
    { auto store = records::open_store(data.path()); }
    exec_sql(data.path() / "records.db",
             "CREATE TRIGGER refuse BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'the disk "
             "is full'); END;");
    const Result r = play(data, "1\n1\n\n2\n1 2\n\n", "refused");
    CHECK(r.code == 1);
    CHECK(r.out.find("Your answer could not be recorded, so it was not counted") !=
          std::string::npos);
    CHECK(r.out.find("Stopping so that nothing is lost.") != std::string::npos);
    CHECK(r.out.find("You chose:") == std::string::npos); // no feedback for an unrecorded choice
}

TEST_CASE("an unreadable records database stops the player with one line naming it") {
    test::TempDir data;
    test::write_file(data.path() / "records.db", std::string(2048, 'x'));
    const Result r = play(data, "1\n", "corrupt");
    CHECK(r.code == 2);
    CHECK(r.err.find((data.path() / "records.db").string() + ": the file is corrupt") !=
          std::string::npos);
    CHECK(r.out.empty());
}
