// `sightline records ...` end to end on a records folder filled by the real
// text player.
#include "bundle/bundle.hpp"
#include "commands.hpp"
#include "learning/session.hpp"
#include "records/postgres_store.hpp"
#include "records/store.hpp"
#include "runtime/run.hpp"
#include "support/bundle_file.hpp"
#include "support/pg_cluster.hpp"
#include "support/scenario_fixtures.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace sightline;
using sightline::test::TempDir;

namespace {

struct Result {
    int code = -1;
    std::string out;
    std::string err;
};

Result call(std::vector<std::string> args, const std::string& input = {}) {
    std::istringstream in(input);
    std::ostringstream out;
    std::ostringstream err;
    const cli::Environment env{in, out, err, test::work_dir() / "bin" / "sightline", false, 0};
    Result r;
    if (!args.empty() && args[0] == "play") {
        args.erase(args.begin());
        r.code = cli::run_sightline(args, env);
    } else {
        r.code = cli::records_command(args, env);
    }
    r.out = out.str();
    r.err = err.str();
    return r;
}

// Ana finishes the example scenario; Ben stops after his first choice.
void fill(const TempDir& data) {
    const auto script = test::work_dir() / "records-cli.script";
    test::write_file(script, "1\n1\n\n@log-and-tell\n@id @answers\n\n");
    REQUIRE(call({"play", "--bundle", test::format_example_bundle().string(), "--script",
                  script.string(), "--learner", "Ana", "--data-dir", data.path().string()})
                .code == 0);
    test::write_file(script, "1\n1\n\n@log-and-tell\nq\n");
    REQUIRE(call({"play", "--bundle", test::format_example_bundle().string(), "--script",
                  script.string(), "--learner", "Ben", "--data-dir", data.path().string()})
                .code == 0);
}

std::string read(const std::filesystem::path& file) {
    std::ifstream in(file);
    return {std::istreambuf_iterator<char>(in), {}};
}

} // namespace

TEST_CASE("records list shows learners and their attempts") {
    TempDir data;
    fill(data);
    const Result r = call({"list", "--data-dir", data.path().string()});
    CHECK(r.code == 0);
    CHECK(r.out.find("Ana  (") != std::string::npos);
    CHECK(r.out.find("hotel.example                completed   100% passed") != std::string::npos);
    CHECK(r.out.find("in-progress 1 answer,") != std::string::npos);
}

TEST_CASE("records export writes CSV and xAPI files") {
    TempDir data;
    fill(data);
    const auto csv = data.path() / "out";
    const auto xapi = data.path() / "statements.jsonl";
    const Result r = call({"export", "--csv", csv.string(), "--xapi", xapi.string(), "--data-dir",
                           data.path().string()});
    CHECK(r.code == 0);
    CHECK(r.err.find("Wrote 2 attempts and 3 events") != std::string::npos);
    CHECK(r.err.find("Wrote 5 xAPI statements") != std::string::npos);
    CHECK(read(csv / "attempts.csv").starts_with("attempt_id,learner_id,course_id,"));
    std::istringstream lines(read(xapi));
    int statements = 0;
    for (std::string line; std::getline(lines, line); ++statements) {
        CHECK(nlohmann::json::parse(line).contains("verb"));
    }
    CHECK(statements == 5);
    CHECK(read(xapi).find("\"Ana\"") == std::string::npos); // anonymous by default

    const Result to_stdout =
        call({"export", "--xapi", "-", "--identify", "--data-dir", data.path().string()});
    CHECK(to_stdout.code == 0);
    CHECK(to_stdout.out.find("\"name\":\"Ana\"") != std::string::npos);
}

TEST_CASE("delete-learner asks first and erases only after a yes") {
    TempDir data;
    fill(data);
    auto store = records::open_store(data.path());
    const auto ana = store->learners().at(0);
    REQUIRE(ana.display_name == "Ana");

    const Result declined =
        call({"delete-learner", ana.id, "--data-dir", data.path().string()}, "no\n");
    CHECK(declined.code == 1);
    CHECK(declined.out.find("Nothing was erased.") != std::string::npos);
    CHECK(store->learner(ana.id).has_value());

    const Result erased =
        call({"delete-learner", ana.id, "--data-dir", data.path().string()}, "yes\n");
    CHECK(erased.code == 0);
    CHECK(erased.out.find("Erased Ana and 1 attempt.") != std::string::npos);
    CHECK_FALSE(store->learner(ana.id).has_value());
    CHECK(store->learners().size() == 1);

    const Result unknown =
        call({"delete-learner", ana.id, "--yes", "--data-dir", data.path().string()});
    CHECK(unknown.code == 1);
    CHECK(unknown.err.find("there is no learner") != std::string::npos);
}

TEST_CASE("records commands refuse bad options and unreadable databases with exit code 2") {
    TempDir data;
    CHECK(call({}).code == 2);
    CHECK(call({"export", "--data-dir", data.path().string()})
              .err.find("needs --csv DIR or --xapi FILE") != std::string::npos);
    CHECK(call({"frobnicate"}).err.find("unknown command 'frobnicate'") != std::string::npos);
    CHECK(call({"--help"}).out.find("Usage: sightline records") == 0);
    test::write_file(data.path() / "records.db", std::string(4096, 'x'));
    const Result corrupt = call({"list", "--data-dir", data.path().string()});
    CHECK(corrupt.code == 2);
    CHECK(corrupt.err.find("records.db: the file is corrupt") != std::string::npos);
}

TEST_CASE("records session-report writes a classroom session's CSV and PDF") {
    TempDir data;
    const auto bundle_file = test::format_example_bundle();
    const bundle::LoadedBundle loaded = bundle::read_bundle_file(bundle_file);
    std::string attempt_id;
    {
        auto store = records::open_store(data.path());
        learning::SessionStart start;
        start.course_id = "hotel-example";
        start.scenario_id = "hotel.example";
        start.mode = records::Mode::Classroom;
        runtime::Run run(loaded.model, "hotel.example");
        learning::Recorder recorder =
            learning::Recorder::start(*store, run, {"h", "v"}, start, 1'000);
        attempt_id = recorder.attempt().id;
        store->record_classroom_session({attempt_id, "Night audit in-service", "", 12});
        runtime::Run next = run;
        recorder.set_classroom({{"ask-her", 2}, {"log-and-tell", 9}, {"ignore", 1}}, 0);
        const auto result = next.choose("log-and-tell");
        recorder.record_choice(run, next, "log-and-tell", result, 30'000);
    }
    const Result listed = call({"list", "--data-dir", data.path().string()});
    CHECK(listed.out.find("Night audit in-service, 12 people, hotel.example") != std::string::npos);

    const auto out = data.path() / "report";
    const Result r = call({"session-report", attempt_id, "--out", out.string(), "--bundle",
                           bundle_file.string(), "--data-dir", data.path().string()});
    CHECK(r.code == 0);
    CHECK(read(out / "session-report.csv").find("log-and-tell") != std::string::npos);
    CHECK(read(out / "session-report.pdf").starts_with("%PDF-"));

    const Result unknown = call({"session-report", "nope", "--out", out.string(), "--bundle",
                                 bundle_file.string(), "--data-dir", data.path().string()});
    CHECK(unknown.code == 2);
    CHECK(unknown.err.find("nope") != std::string::npos);
}

TEST_CASE("records commands read and erase an organisation's records on PostgreSQL") {
    test::PgCluster* cluster = test::PgCluster::shared();
    if (cluster == nullptr) {
        MESSAGE(test::PgCluster::unavailable_reason());
        return;
    }
    const std::string uri = cluster->create_database();
    auto store = records::open_postgres_store(uri);
    const records::Learner ana = store->add_learner({"Ana", "", "", "", "", "", ""});
    learning::SessionStart start;
    start.learner_id = ana.id;
    start.course_id = "hotel-example";
    start.scenario_id = "hotel.example";
    learning::Session session =
        learning::Session::start(*store, test::format_example(), {"h", "v"}, start, 1'000);
    session.choose("log-and-tell", 5'000);

    const Result listed = call({"list", "--records", uri});
    CHECK(listed.code == 0);
    CHECK(listed.out.starts_with("Records: postgresql://sightline@"));
    CHECK(listed.out.find("Ana  (" + ana.id + ")") != std::string::npos);
    CHECK(listed.out.find("in-progress 1 answer,") != std::string::npos);

    TempDir out;
    const Result exported = call({"export", "--csv", out.path().string(), "--records", uri});
    CHECK(exported.code == 0);
    CHECK(exported.err.find("Wrote 1 attempt and 1 event to") != std::string::npos);
    CHECK(read(out.path() / "events.csv").find("log-and-tell") != std::string::npos);

    const Result erased = call({"--records", uri, "delete-learner", ana.id, "--yes"});
    CHECK(erased.code == 0);
    CHECK(erased.out.find("Erased Ana and 1 attempt.") != std::string::npos);
    CHECK(store->learners().empty());

    CHECK(call({"list", "--records", out.path().string()}).err.find("a postgresql:// URI") !=
          std::string::npos);
    CHECK(call({"list", "--records", uri, "--data-dir", out.path().string()}).code == 2);
    const Result unreachable =
        call({"list", "--records", "postgresql://ana@/nodb?host=" + out.path().string()});
    CHECK(unreachable.code == 2);
    CHECK(unreachable.err.find("cannot connect to the records database postgresql://ana@") !=
          std::string::npos);
    // A password on the command line is refused before any connection: every
    // user of the machine can read it in ps.
    for (const std::string& with_password :
         {"postgresql://ana:pw-secret@/nodb?host=" + out.path().string(),
          "postgresql://ana@/nodb?host=" + out.path().string() + "&password=pw-secret"}) {
        const Result refused = call({"list", "--records", with_password});
        CHECK(refused.code == 2);
        CHECK(refused.err.find("must not carry a password") != std::string::npos);
        CHECK(refused.err.find("~/.pgpass") != std::string::npos);
        CHECK(refused.err.find("pw-secret") == std::string::npos);
    }
}
