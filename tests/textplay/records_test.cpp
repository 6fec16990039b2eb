// The text player with learner records: every answer is recorded, quitting
// and coming back continues the attempt, and a failed write is never hidden.
#include "bundle/bundle.hpp"
#include "commands.hpp"
#include "credentials/provider.hpp"
#include "learning/session.hpp"
#include "records/store.hpp"
#include "support/bundle_file.hpp"
#include "support/temp_dir.hpp"

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
    const cli::Environment env{in, out, err, test::work_dir() / "bin" / "sightline", false, 0};
    Result r;
    r.code = cli::run_sightline({"--bundle", test::format_example_bundle().string(), "--script",
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
    // Course 1, scenario 1, Enter to begin, log and tell, then quit at the check.
    const Result first = play(data, "1\n1\n\n@log-and-tell\nq\n", "first");
    CHECK(first.code == 0);
    CHECK(first.out.find("Training as Ana Díaz. Your records are kept on this computer in") !=
          std::string::npos);
    CHECK(first.out.find("Stopped. Your progress is recorded") != std::string::npos);

    auto store = records::open_store(data.path());
    REQUIRE(store->learners().size() == 1);
    const auto attempts = store->attempts();
    REQUIRE(attempts.size() == 1);
    CHECK(attempts[0].status == records::Status::InProgress);
    CHECK(attempts[0].course_id == "hotel-example");
    REQUIRE(store->events(attempts[0].id).size() == 1);

    // Course 1, scenario 1, "1" continues, answer the check, Enter to the end.
    const Result second = play(data, "1\n1\n1\n@id @answers\n\n", "second");
    CHECK(second.code == 0);
    CHECK(second.out.find("have not finished it") != std::string::npos);
    CHECK(second.out.find("Resuming: The late check-in") != std::string::npos);
    CHECK(second.out.find("The end: Reported safely") != std::string::npos);
    CHECK(second.out.find("You have completed Hotel example course with a score of 100%.") !=
          std::string::npos);
    // Then the course's closing note on the worker's own wellbeing.
    const auto closing = second.out.find("Noticing these signs can stay with you.");
    REQUIRE(closing != std::string::npos);
    CHECK(closing > second.out.find("You have completed Hotel example course"));

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
    CHECK(play(data, "1\n1\n\n@log-and-tell\nq\n", "stop").code == 0);
    const Result again = play(data, "1\n1\n2\n\n@ignore\n", "again"); // start again, then ignore
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
    const Result r = play(data, "1\n1\n\n@log-and-tell\n@id @answers\n\n", "refused");
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

TEST_CASE(
    "when every other rule is met the player asks for the attestation and issues the certificate") {
    test::TempDir data;
    test::TempDir config;
    credentials::init_provider(config.path(),
                               {"Harbour Training Trust", "MI-CE-0042", "training@example.org",
                                "Dana Reyes", "Programme Director"},
                               false, 1'700'000'000'000);
    ::setenv("SIGHTLINE_CONFIG_DIR", config.path().c_str(), 1);
    {
        // An earlier attempt that already finished with 11 active minutes,
        // played from the same bundle (issuing replays it).
        auto store = records::open_store(data.path());
        const auto ana = store->add_learner({"Ana Díaz", "nurse", "RN-1234", "MI", "", "", ""});
        const bundle::LoadedBundle loaded = bundle::read_bundle_file(test::format_example_bundle());
        learning::SessionStart start;
        start.learner_id = ana.id;
        start.course_id = "hotel-example";
        start.scenario_id = "hotel.example";
        learning::Session session =
            learning::Session::start(*store, loaded.model, {loaded.content_hash(), "v"}, start, 0);
        session.choose("log-and-tell", 4 * 60'000);
        session.answer({"id", "answers"}, 8 * 60'000);
        session.advance(11 * 60'000);
        session.finish(loaded.model.courses.at(0).passing_score, 11 * 60'000);
    }
    const Result r = play(data, "1\n1\n\n@log-and-tell\n@id @answers\n\nyes\n", "certificate");
    ::unsetenv("SIGHTLINE_CONFIG_DIR");
    CHECK(r.code == 0);
    CHECK(r.out.find("[done] 1 of 1 required scenarios completed.") != std::string::npos);
    CHECK(r.out.find("[done] Time on task 11 of 10 minutes.") != std::string::npos);
    CHECK(r.out.find("Please confirm: I completed this training myself") != std::string::npos);
    CHECK(r.out.find("Your certificate is ready. Verification code: ") != std::string::npos);
    auto store = records::open_store(data.path());
    const auto certificates = store->certificates();
    REQUIRE(certificates.size() == 1);
    CHECK(std::filesystem::exists(data.path() / "certificates" /
                                  ("certificate-" + certificates[0].verification_code + ".pdf")));
    CHECK(store->attestation(certificates[0].learner_id, "hotel-example").has_value());
}

TEST_CASE("without a training provider the learner is told how the certificate will be issued") {
    test::TempDir data;
    test::TempDir config; // empty: no provider
    ::setenv("SIGHTLINE_CONFIG_DIR", config.path().c_str(), 1);
    {
        auto store = records::open_store(data.path());
        const auto ana = store->add_learner({"Ana Díaz", "", "", "", "", "", ""});
        const auto attempt = store->start_attempt({ana.id,
                                                   "hotel-example",
                                                   "hotel.example",
                                                   "h",
                                                   "v",
                                                   records::Mode::SelfPaced,
                                                   "en",
                                                   0,
                                                   {}},
                                                  0);
        store->touch(attempt.id, 5 * 60'000);
        store->touch(attempt.id, 10 * 60'000);
        store->finish_attempt(attempt.id, {"reported", "reported-safely", {}, 6, 0, 6, true},
                              10 * 60'000);
        store->record_attestation({ana.id, "hotel-example", "I did it myself.", 1});
    }
    const Result r = play(data, "1\n1\n\n@ignore\n", "no-provider");
    ::unsetenv("SIGHTLINE_CONFIG_DIR");
    CHECK(r.code == 0);
    CHECK(r.out.find("[done] You confirmed that you did this training yourself.") !=
          std::string::npos);
    CHECK(r.out.find("The certificate could not be issued here yet") != std::string::npos);
    CHECK(r.out.find("Your completion is recorded") != std::string::npos);
}

TEST_CASE("at a keyboard a new learner gives a name and, if they like, a hire date and site") {
    test::TempDir data;
    // Someone new: a name, no profession or licence, a hire date that is not
    // a date (asked again), then a real one and a site; then quit.
    std::istringstream in("1\nKim Lee\n\n\n\n2026-02-30\n\n"
                          "Kim Lee\n\n\n\n2026-03-01\nAustin downtown\nq\n");
    std::ostringstream out;
    std::ostringstream err;
    const cli::Environment env{in, out, err, test::work_dir() / "bin" / "sightline", true, 0};
    const int code =
        cli::run_sightline({"--text", "--bundle", test::format_example_bundle().string(),
                            "--data-dir", data.path().string()},
                           env);
    CAPTURE(out.str());
    CHECK(code == 0);
    CHECK(out.str().find("The date you were hired") != std::string::npos);
    CHECK(out.str().find("Please write the hire date as year-month-day") != std::string::npos);
    CHECK(out.str().find("Your job role") == std::string::npos); // no rules name a role
    auto store = records::open_store(data.path());
    const auto learners = store->learners();
    REQUIRE(learners.size() == 1);
    CHECK(learners[0].display_name == "Kim Lee");
    CHECK(learners[0].hire_date == "2026-03-01");
    CHECK(learners[0].site == "Austin downtown");
    CHECK(learners[0].job_role.empty());
}
