#include "learning/session.hpp"
#include "model/translation.hpp"
#include "records/export.hpp"
#include "records/paths.hpp"
#include "records/postgres_store.hpp"
#include "records/sqlite.hpp"
#include "records/uuid.hpp"
#include "runtime/run.hpp"
#include "support/csv_rows.hpp"
#include "support/pg_cluster.hpp"
#include "support/scenario_fixtures.hpp"
#include "support/spanish_example.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <sys/stat.h>

using namespace sightline;
using namespace sightline::records;
using namespace sightline::learning;
using nlohmann::json;
using sightline::test::TempDir;

namespace {

const BundleInfo kInfo{"c0ffee", "0.1.0"};
constexpr std::uint64_t kSeed = 12345678901234567890u;

// Three attempts on the FORMAT.md example: the best path (passed), straight
// to a missed ending (failed), and one stopped after its first choice.
// On the SQLite store, or on the store given.
struct Fixture {
    TempDir temp;
    std::unique_ptr<Store> store;
    Learner ana;
    std::string best, missed, open, classroom;

    Fixture() : Fixture(nullptr) {}
    explicit Fixture(std::unique_ptr<Store> given)
        : store(given ? std::move(given) : open_store(temp.path())),
          ana(store->add_learner({"Ana Díaz, RN", "nurse", "RN-555", "MI", "", "", ""})) {
        SessionStart start;
        start.learner_id = ana.id;
        start.course_id = "hotel-example";
        start.scenario_id = "hotel.example";
        start.options = {kSeed, true}; // wider than a JavaScript number can hold exactly
        Session a = Session::start(*store, test::format_example(), kInfo, start, 1'000);
        start.options = {};
        a.choose("log-and-tell", 5'000);
        a.answer({"id", "answers"}, 9'000);
        a.advance(10'000);
        a.finish(70, 10'500);
        best = a.attempt().id;
        Session b = Session::start(*store, test::format_example(), kInfo, start, 20'000);
        b.choose("ignore", 26'000);
        b.finish(70, 27'000);
        missed = b.attempt().id;
        Session c = Session::start(*store, test::format_example(), kInfo, start, 30'000);
        c.choose("log-and-tell", 31'000);
        open = c.attempt().id;
        start.learner_id.clear();
        start.mode = Mode::Classroom;
        Session d = Session::start(*store, test::format_example(), kInfo, start, 40'000);
        d.choose("ask-her", 41'000);
        classroom = d.attempt().id;
    }
};

// One learner with one self-paced attempt and no events yet.
struct OneAttempt {
    TempDir temp;
    std::unique_ptr<Store> store = open_store(temp.path());
    Learner ana = store->add_learner({"Ana", "", "", "", "", "", ""});
    Attempt attempt =
        store->start_attempt({ana.id, "c", "s", "h", "v", Mode::SelfPaced, "en", 1, {}}, 0);
};

std::vector<json> statements(Store& store, const ExportOptions& options = {}) {
    std::ostringstream out;
    export_xapi(store, out, options);
    std::vector<json> all;
    std::istringstream lines(out.str());
    for (std::string line; std::getline(lines, line);) {
        all.push_back(json::parse(line)); // throws (fails the test) on a bad line
    }
    return all;
}

bool digits(std::string_view text) {
    return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

// yyyy-mm-ddThh:mm:ss.mmmZ, checked field by field.
bool is_timestamp(const std::string& t) {
    return t.size() == 24 && digits(t.substr(0, 4)) && t[4] == '-' && digits(t.substr(5, 2)) &&
           t[7] == '-' && digits(t.substr(8, 2)) && t[10] == 'T' && digits(t.substr(11, 2)) &&
           t[13] == ':' && digits(t.substr(14, 2)) && t[16] == ':' && digits(t.substr(17, 2)) &&
           t[19] == '.' && digits(t.substr(20, 3)) && t[23] == 'Z';
}

// Reads a CSV file with libcsv (strict mode) into rows of fields.
std::vector<std::vector<std::string>> read_csv(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return test::parse_csv({std::istreambuf_iterator<char>(in), {}});
}

} // namespace

TEST_CASE("every xAPI statement has the required properties, valid ids, times and scores") {
    Fixture f;
    const auto all = statements(*f.store);
    std::map<std::string, int> verbs;
    for (const json& s : all) {
        CAPTURE(s.dump());
        REQUIRE(s.contains("id"));
        CHECK(is_uuid(s["id"].get<std::string>()));
        REQUIRE(s["actor"].contains("account"));
        CHECK(s["actor"]["account"]["homePage"].get<std::string>().starts_with("https://"));
        if (s["actor"]["objectType"] == "Agent") {
            CHECK_FALSE(s["actor"].contains("name")); // anonymous unless --identify
        }
        CHECK_FALSE(s["actor"].contains("mbox"));
        const std::string verb = s["verb"]["id"];
        CHECK(verb.starts_with("http://adlnet.gov/expapi/verbs/"));
        ++verbs[verb.substr(verb.rfind('/') + 1)];
        CHECK(s["object"]["id"].get<std::string>().starts_with("https://sightline.invalid/"));
        CHECK(is_uuid(s["context"]["registration"].get<std::string>()));
        CHECK(is_timestamp(s["timestamp"]));
        const json& result = s["result"];
        CHECK(result["duration"].get<std::string>().starts_with("PT"));
        if (result.contains("score")) {
            const json& score = result["score"];
            CHECK(score["scaled"].get<double>() >= 0.0);
            CHECK(score["scaled"].get<double>() <= 1.0);
            CHECK(score["min"].get<long>() <= score["raw"].get<long>());
            CHECK(score["raw"].get<long>() <= score["max"].get<long>());
        }
        if (verb.ends_with("answered")) {
            const json& definition = s["object"]["definition"];
            CHECK(definition["type"] == "http://adlnet.gov/expapi/activities/cmi.interaction");
            CHECK(definition["interactionType"] == "choice");
            std::set<std::string> ids;
            for (const json& choice : definition["choices"]) {
                const std::string id = choice["id"];
                CHECK(id.find_first_of(" \t\n") == std::string::npos);
                CHECK(ids.insert(id).second); // distinct
                CHECK_FALSE(choice["description"]["en"].get<std::string>().empty());
            }
            REQUIRE_FALSE(definition["correctResponsesPattern"].empty());
            for (const json& pattern : definition["correctResponsesPattern"]) {
                std::string rest = pattern;
                for (std::size_t cut; !rest.empty();
                     rest = cut == std::string::npos ? "" : rest.substr(cut + 3)) {
                    cut = rest.find("[,]");
                    CHECK(ids.contains(rest.substr(0, cut)));
                }
            }
            CHECK(result.contains("response"));
            CHECK(result["success"].is_boolean());
        }
    }
    // 2 + 1 + 1 + 1 recorded steps; completed plus passed/failed per finished attempt.
    CHECK(verbs["answered"] == 5);
    CHECK(verbs["completed"] == 2);
    CHECK(verbs["passed"] == 1);
    CHECK(verbs["failed"] == 1);
    CHECK(all.size() == 9);
}

TEST_CASE("xAPI answers carry the right pattern, response and registration") {
    Fixture f;
    const auto all = statements(*f.store);
    const json& choice = all.at(0); // the best attempt's first decision
    CHECK(choice["context"]["registration"] == f.best);
    // The order its options were shown in, exactly (a string: 64 bits).
    CHECK(choice["context"]["extensions"]["https://sightline.invalid/xapi/option-order-seed"] ==
          "12345678901234567890");
    CHECK(choice["object"]["definition"]["correctResponsesPattern"] ==
          json::array({"log-and-tell"}));
    CHECK(choice["result"]["response"] == "log-and-tell");
    CHECK(choice["result"]["success"] == true);
    CHECK(choice["result"]["duration"] == "PT4S");
    CHECK(choice["context"]["contextActivities"]["grouping"][0]["id"] ==
          "https://sightline.invalid/courses/hotel-example");
    const json& check = all.at(1);
    // The right options in the order the seed showed them; the response as picked.
    CHECK(check["object"]["definition"]["correctResponsesPattern"] ==
          json::array({"answers[,]id"}));
    CHECK(check["result"]["response"] == "id[,]answers");
    const json& passed = all.at(3);
    CHECK(passed.at("verb").at("id") == "http://adlnet.gov/expapi/verbs/passed");
    CHECK(passed.at("result").at("score").at("scaled") == 1.0);
    CHECK(passed.at("timestamp") == "1970-01-01T00:00:10.500Z");
    // The classroom session is a group, never a person.
    bool found_group = false;
    for (const json& s : all) {
        if (s["context"]["registration"] == f.classroom) {
            found_group = s["actor"]["objectType"] == "Group";
        }
    }
    CHECK(found_group);
}

TEST_CASE("exporting twice gives the same statement ids, and --identify adds names") {
    Fixture f;
    const auto first = statements(*f.store);
    const auto second = statements(*f.store);
    REQUIRE(first.size() == second.size());
    for (std::size_t i = 0; i < first.size(); ++i) {
        CHECK(first[i]["id"] == second[i]["id"]);
    }
    ExportOptions identify;
    identify.identify = true;
    const auto named = statements(*f.store, identify);
    CHECK(named.at(0)["actor"]["name"] == "Ana Díaz, RN");
    CHECK(named.at(0)["actor"]["account"]["name"] == f.ana.id);
}

TEST_CASE("the CSV export reads back through a real CSV parser, field for field") {
    Fixture f;
    // A prompt with every character RFC 4180 has to quote.
    Attempt tricky = f.store->start_attempt(
        {f.ana.id, "c", "s", "h", "v", Mode::SelfPaced, "en", 1, {}}, 50'000);
    Event e;
    e.attempt_id = tricky.id;
    e.sequence = 1;
    e.time = 51'000;
    e.node_id = "n1";
    e.prompt = "She said \"no, thanks\",\r\nthen left; it was late.";
    e.response = {"a", "b"};
    e.score_changes = {{"recognition", 2}, {"response", -1}};
    f.store->record_event(e, {});

    TempDir out;
    ExportOptions identify;
    identify.identify = true;
    const ExportCounts counts = export_csv(*f.store, out.path() / "csv", identify);
    CHECK(counts.attempts == 5);
    CHECK(counts.events == 6);

    const auto attempts = read_csv(out.path() / "csv" / "attempts.csv");
    REQUIRE(attempts.size() == 6);
    const auto first = test::as_record(attempts[0], attempts[1]);
    CHECK(first.at("attempt_id") == f.best);
    CHECK(first.at("learner_name") == "Ana Díaz, RN");
    CHECK(first.at("licence_number") == "RN-555");
    CHECK(first.at("status") == "completed");
    CHECK(first.at("score_percent") == "100");
    CHECK(first.at("passed") == "yes");
    CHECK(first.at("option_order_seed") == "12345678901234567890");
    CHECK(first.at("started_utc") == "1970-01-01T00:00:01.000Z");

    const auto events = read_csv(out.path() / "csv" / "events.csv");
    REQUIRE(events.size() == 7);
    const auto last = test::as_record(events[0], events.back());
    CHECK(last.at("prompt") == e.prompt);
    CHECK(last.at("response") == "a;b");
    CHECK(last.at("score_changes") == "recognition:+2;response:-1");

    struct stat info {};
    REQUIRE(::stat((out.path() / "csv" / "events.csv").c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
}

TEST_CASE("an attempt played in Spanish exports its language: xAPI language maps and CSV") {
    TempDir temp;
    auto store = open_store(temp.path());
    const Learner ana = store->add_learner({"Ana", "", "", "", "", "", ""});
    const model::Bundle spanish = model::in_language(test::spanish_example(), "es");
    SessionStart start;
    start.learner_id = ana.id;
    start.course_id = "hotel-example";
    start.scenario_id = "hotel.example";
    start.options = {kSeed, true};
    start.language = "es";
    Session s = Session::start(*store, spanish, kInfo, start, 1'000);
    s.choose("log-and-tell", 5'000);
    s.answer({"id", "answers"}, 9'000);
    s.advance(10'000);
    s.finish(70, 10'500);

    const auto all = statements(*store);
    REQUIRE(all.size() == 4); // two answers, completed, passed
    for (const json& statement : all) {
        CAPTURE(statement.dump());
        CHECK(statement.at("context").at("language") == "es");
        // What the learner read is tagged with the language they read it in;
        // the verbs' own display names stay English (they are xAPI's words).
        const json& definition = statement.at("object").at("definition");
        CHECK(definition.at("name").contains("es"));
        CHECK_FALSE(definition.at("name").contains("en"));
        CHECK(statement.at("verb").at("display").contains("en-US"));
    }
    const json& decision = all.at(0).at("object").at("definition");
    CHECK(decision.at("description").at("es") ==
          test::spanish_example_text("hotel.example:node.desk:line.1") + " " +
              test::spanish_example_text("hotel.example:node.desk:line.2"));
    bool found = false;
    for (const json& choice : decision.at("choices")) {
        CHECK_FALSE(choice.at("description").contains("en"));
        if (choice.at("id") == "log-and-tell") {
            found = true;
            CHECK(choice.at("description").at("es") ==
                  test::spanish_example_text("hotel.example:node.desk:choice.log-and-tell:text"));
        }
    }
    CHECK(found);
    const json& check = all.at(1).at("object").at("definition");
    CHECK(check.at("description").at("es") ==
          test::spanish_example_text("hotel.example:node.check-signs:check.prompt"));

    TempDir out;
    export_csv(*store, out.path() / "csv");
    const auto attempts = read_csv(out.path() / "csv" / "attempts.csv");
    REQUIRE(attempts.size() == 2);
    CHECK(test::as_record(attempts[0], attempts[1]).at("language") == "es");
}

TEST_CASE("an export to a device or a FIFO leaves its permissions alone") {
    // `records export --xapi /dev/null` run as root once made /dev/null
    // 0600; a FIFO stands in for the device here.
    TempDir dir;
    const std::filesystem::path fifo = dir.path() / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
    REQUIRE(::chmod(fifo.c_str(), 0644) == 0); // whatever the umask
    records::create_private_file(fifo);
    struct stat info {};
    REQUIRE(::stat(fifo.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0644);

    const std::filesystem::path file = dir.path() / "statements.jsonl";
    std::ofstream(file) << "old";
    REQUIRE(::chmod(file.c_str(), 0644) == 0);
    records::create_private_file(file);
    REQUIRE(::stat(file.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
}

TEST_CASE("the events CSV keeps its columns in order and appends the votes' split") {
    Fixture f;
    TempDir out;
    export_csv(*f.store, out.path());
    const auto rows = read_csv(out.path() / "events.csv");
    REQUIRE(rows.size() == 6);
    const std::vector<std::string> expected{
        "attempt_id",    "sequence",   "timestamp_utc",   "node_id",
        "kind",          "response",   "correct",         "tier",
        "score_changes", "indicators", "time_on_node_ms", "prompt",
        "branch",        "votes",      "hand_votes",      "phone_votes"};
    CHECK(rows[0] == expected);
    // Self-paced answers have no votes, of either kind.
    const auto first = test::as_record(rows[0], rows[1]);
    CHECK(first.at("votes").empty());
    CHECK(first.at("hand_votes").empty());
    CHECK(first.at("phone_votes").empty());
    for (const json& s : statements(*f.store)) {
        if (s.at("verb").at("id") == "http://adlnet.gov/expapi/verbs/answered") {
            const json& ext = s.at("result").at("extensions");
            CHECK_FALSE(ext.contains("https://sightline.invalid/xapi/hand-votes"));
            CHECK_FALSE(ext.contains("https://sightline.invalid/xapi/phone-votes"));
        }
    }
}

TEST_CASE("sessions recorded before phone voting export every vote as a raised hand") {
    // The checked-in v5 and v6 databases (before votes.phone_count) hold a vote
    // of 12 for log-and-tell; its attempt becomes the classroom session it
    // would be (the store reads votes of classroom attempts only).
    for (const int version : {5, 6}) {
        CAPTURE(version);
        TempDir temp;
        const auto file = temp.path() / "records.db";
        std::filesystem::copy_file(std::filesystem::path(SIGHTLINE_SOURCE_DIR) /
                                       ("tests/records/old/v" + std::to_string(version) + ".db"),
                                   file);
        {
            sql::Database db(file.string(), 1000);
            REQUIRE(db.user_version() == version);
            db.exec("UPDATE attempts SET mode = 'classroom', learner_id = NULL");
        }
        auto store = open_store(temp.path());
        TempDir out;
        export_csv(*store, out.path());
        const auto rows = read_csv(out.path() / "events.csv");
        REQUIRE(rows.size() == 2);
        const auto event = test::as_record(rows[0], rows[1]);
        CHECK(event.at("votes") == "log-and-tell:12");
        CHECK(event.at("hand_votes") == "log-and-tell:12");
        CHECK(event.at("phone_votes") == "log-and-tell:0");
        const auto all = statements(*store);
        REQUIRE(all.size() == 1);
        const json& ext = all[0].at("result").at("extensions");
        CHECK(ext.at("https://sightline.invalid/xapi/votes") == json{{"log-and-tell", 12}});
        CHECK(ext.at("https://sightline.invalid/xapi/hand-votes") == json{{"log-and-tell", 12}});
        CHECK(ext.at("https://sightline.invalid/xapi/phone-votes") == json{{"log-and-tell", 0}});
    }
}

TEST_CASE("the CSV export is anonymous unless asked") {
    Fixture f;
    TempDir out;
    export_csv(*f.store, out.path());
    const auto attempts = read_csv(out.path() / "attempts.csv");
    for (const auto& column : attempts.at(0)) {
        CHECK(column != "learner_name");
        CHECK(column != "licence_number");
    }
    std::ifstream in(out.path() / "attempts.csv");
    const std::string text((std::istreambuf_iterator<char>(in)), {});
    CHECK(text.find("Ana") == std::string::npos);
    CHECK(text.find("RN-555") == std::string::npos);
}

TEST_CASE("ISO 8601 times and durations, RFC 4180 fields and name-based UUIDs") {
    CHECK(iso8601_utc(0) == "1970-01-01T00:00:00.000Z");
    CHECK(iso8601_utc(1795004800123LL) == "2026-11-18T12:26:40.123Z");
    CHECK(iso8601_duration(0) == "PT0S");
    CHECK(iso8601_duration(41'500) == "PT41.5S");
    CHECK(iso8601_duration(3'723'000) == "PT1H2M3S");
    CHECK(iso8601_duration(120'000) == "PT2M");
    CHECK(csv_field("plain") == "plain");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(name_uuid("x") == name_uuid("x"));
    CHECK(name_uuid("x") != name_uuid("y"));
    CHECK(is_uuid(name_uuid("x")));
    CHECK(name_uuid("x")[14] == '5');
}

TEST_CASE("xAPI text with quotes, backslashes and control characters stays valid JSON") {
    OneAttempt f;
    auto& store = f.store;
    const Attempt& attempt = f.attempt;
    const std::string odd = "a \"quoted\" \\ back\tslash\x01\n é — ¿";
    Event e;
    e.attempt_id = attempt.id;
    e.sequence = 1;
    e.time = 1;
    e.node_id = "n";
    e.prompt = odd;
    e.response = {odd};
    e.offered = {{odd, odd, true}};
    e.tier = odd;
    e.score_changes = {{odd, 1}};
    e.indicators = {odd};
    store->record_event(e, {});
    store->finish_attempt(attempt.id, {"end", odd, {}, 1, 0, 2, false}, 2);
    const auto all = statements(*store);
    REQUIRE(all.size() == 3);
    const json& result = all[0].at("result");
    CHECK(result.at("response") == odd);
    CHECK(result.at("extensions").at("https://sightline.invalid/xapi/tier") == odd);
    CHECK(result.at("extensions").at("https://sightline.invalid/xapi/score-changes").at(odd) == 1);
    CHECK(result.at("extensions").at("https://sightline.invalid/xapi/indicators-noticed").at(0) ==
          odd);
    CHECK(all[0].at("object").at("definition").at("description").at("en") == odd);
    CHECK(all[2].at("verb").at("id") == "http://adlnet.gov/expapi/verbs/failed");
    CHECK(all[2].at("result").at("extensions").at("https://sightline.invalid/xapi/outcome") == odd);
    CHECK(all[2].at("result").at("score").at("scaled") == 0.5);
}

TEST_CASE("a large xAPI export crosses many write buffers and keeps every statement in order") {
    OneAttempt f;
    auto& store = f.store;
    const Attempt& attempt = f.attempt;
    constexpr std::uint32_t kEvents = 1200; // with distinct prompts: about 4 MB of statements
    for (std::uint32_t i = 1; i <= kEvents; ++i) {
        Event e;
        e.attempt_id = attempt.id;
        e.sequence = i;
        e.time = i;
        e.node_id = "n" + std::to_string(i);
        e.prompt = std::string(3000, 'p') + std::to_string(i);
        e.response = {"a"};
        e.offered = {{"a", "A", true}};
        store->record_event(e, {});
    }
    const auto all = statements(*store);
    REQUIRE(all.size() == kEvents);
    for (std::uint32_t i = 0; i < kEvents; ++i) {
        CHECK(all[i].at("object").at("id").get<std::string>().ends_with("/nodes/n" +
                                                                        std::to_string(i + 1)));
    }
}

TEST_CASE("an xAPI export to a stream that cannot be written says so") {
    Fixture f;
    struct FullDisk : std::streambuf {
        std::streamsize xsputn(const char*, std::streamsize) override { return 0; }
        int_type overflow(int_type) override { return traits_type::eof(); }
    } disk;
    std::ostream out(&disk);
    CHECK_THROWS_WITH_AS(export_xapi(*f.store, out),
                         "cannot write the xAPI statements (is the disk full?)", RecordsError);
}

TEST_CASE("classroom sessions keep a head count, the room's votes and explored branches") {
    TempDir temp;
    auto store = open_store(temp.path());
    SessionStart start;
    start.course_id = "hotel-example";
    start.scenario_id = "hotel.example";
    start.mode = Mode::Classroom;
    const model::Bundle& bundle = test::format_example();
    runtime::Run run(bundle, "hotel.example");
    Recorder recorder = Recorder::start(*store, run, kInfo, start, 1'000);
    store->record_classroom_session({recorder.attempt().id, "Hotel staff meeting", "Dana", 14});

    // The room votes 3 / 9 / 2 (of them from phones 1 / 4 / 0) and takes the majority...
    runtime::Run first = run;
    recorder.set_classroom({{"ask-her", 3, 1}, {"log-and-tell", 9, 4}, {"ignore", 2, 0}}, 0);
    const auto chosen = first.choose("log-and-tell");
    recorder.record_choice(run, first, "log-and-tell", chosen, 60'000);
    // ...then the facilitator goes back to explore what asking her would do.
    runtime::Run second = run;
    recorder.set_classroom({{"ask-her", 3, 1}, {"log-and-tell", 9, 4}, {"ignore", 2, 0}}, 1);
    const auto explored = second.choose("ask-her");
    recorder.record_choice(run, second, "ask-her", explored, 90'000);

    const auto events = store->events(recorder.attempt().id);
    REQUIRE(events.size() == 2);
    CHECK(events[0].branch == 0);
    CHECK(events[1].branch == 1);
    REQUIRE(events[1].votes.size() == 3);
    CHECK(events[1].votes[1].id == "log-and-tell");
    CHECK(events[1].votes[1].count == 9);
    CHECK(store->classroom_session(recorder.attempt().id)->head_count == 14);
    CHECK(store->attempt(recorder.attempt().id)->learner_id.empty());

    const auto all = statements(*store);
    REQUIRE(all.size() == 2);
    CHECK(all[0].at("actor").at("objectType") == "Group");
    CHECK(all[0].at("actor").at("name") == "Hotel staff meeting");
    const json& ext = all[1].at("result").at("extensions");
    CHECK(ext.at("https://sightline.invalid/xapi/votes") ==
          json{{"ask-her", 3}, {"log-and-tell", 9}, {"ignore", 2}});
    CHECK(ext.at("https://sightline.invalid/xapi/hand-votes") ==
          json{{"ask-her", 2}, {"log-and-tell", 5}, {"ignore", 2}});
    CHECK(ext.at("https://sightline.invalid/xapi/phone-votes") ==
          json{{"ask-her", 1}, {"log-and-tell", 4}, {"ignore", 0}});
    CHECK(ext.at("https://sightline.invalid/xapi/branch") == 1);

    TempDir out;
    export_csv(*store, out.path());
    const auto rows = read_csv(out.path() / "events.csv");
    REQUIRE(rows.size() == 3);
    const auto second_row = test::as_record(rows[0], rows[2]);
    CHECK(second_row.at("votes") == "ask-her:3;log-and-tell:9;ignore:2");
    CHECK(second_row.at("hand_votes") == "ask-her:2;log-and-tell:5;ignore:2");
    CHECK(second_row.at("phone_votes") == "ask-her:1;log-and-tell:4;ignore:0");
    CHECK(second_row.at("branch") == "1");
    const auto attempts = read_csv(out.path() / "attempts.csv");
    const auto session = test::as_record(attempts[0], attempts[1]);
    CHECK(session.at("classroom_session") == "Hotel staff meeting");
    CHECK(session.at("head_count") == "14");
    CHECK(session.at("facilitator").empty()); // a name: only with --identify
    CHECK_THROWS_AS(store->record_classroom_session({recorder.attempt().id, "x", "", -1}),
                    RecordsError);
}

namespace {

// A classroom session with the room's votes, a head count and a facilitator.
void add_classroom_session(Store& store) {
    SessionStart start;
    start.course_id = "hotel-example";
    start.scenario_id = "hotel.example";
    start.mode = Mode::Classroom;
    runtime::Run run(test::format_example(), "hotel.example");
    Recorder recorder = Recorder::start(store, run, kInfo, start, 50'000);
    store.record_classroom_session({recorder.attempt().id, "Hotel staff meeting", "Dana", 14});
    runtime::Run first = run;
    recorder.set_classroom({{"ask-her", 3, 1}, {"log-and-tell", 9, 4}, {"ignore", 2, 0}}, 0);
    const auto chosen = first.choose("log-and-tell");
    recorder.record_choice(run, first, "log-and-tell", chosen, 60'000);
    runtime::Run second = run;
    recorder.set_classroom({{"ask-her", 3, 1}, {"log-and-tell", 9, 4}, {"ignore", 2, 0}}, 1);
    const auto explored = second.choose("ask-her");
    recorder.record_choice(run, second, "ask-her", explored, 90'000);
}

// Both CSV files and the xAPI lines, identified, with each UUID replaced by
// its order of first appearance: ids are random, so they differ between two
// stores that hold the same story, and so do the statement ids made from them.
std::string export_without_ids(Store& store) {
    TempDir dir;
    ExportOptions options;
    options.identify = true;
    export_csv(store, dir.path(), options);
    std::ostringstream xapi;
    export_xapi(store, xapi, options);
    const auto read = [](const std::filesystem::path& file) {
        std::ifstream in(file, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    const std::string all = read(dir.path() / "attempts.csv") + "\n--\n" +
                            read(dir.path() / "events.csv") + "\n--\n" + xapi.str();
    static const std::regex uuid("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    std::map<std::string, std::size_t> seen;
    std::string out;
    auto rest = all.cbegin();
    for (std::sregex_iterator match(all.cbegin(), all.cend(), uuid), end; match != end; ++match) {
        out.append(rest, (*match)[0].first);
        const auto number = seen.emplace(match->str(), seen.size() + 1).first->second;
        out += "<id " + std::to_string(number) + ">";
        rest = (*match)[0].second;
    }
    out.append(rest, all.cend());
    return out;
}

} // namespace

TEST_CASE("a PostgreSQL store exports the same CSV and xAPI as the SQLite store") {
    test::PgCluster* cluster = test::PgCluster::shared();
    if (cluster == nullptr) {
        MESSAGE(test::PgCluster::unavailable_reason());
        return;
    }
    Fixture sqlite;
    Fixture postgres(open_postgres_store(cluster->create_database()));
    add_classroom_session(*sqlite.store);
    add_classroom_session(*postgres.store);
    const std::string expected = export_without_ids(*sqlite.store);
    CHECK(expected.find("Hotel staff meeting") != std::string::npos);
    CHECK(expected.find("ask-her:3;log-and-tell:9;ignore:2") != std::string::npos);
    CHECK(expected.find("12345678901234567890") != std::string::npos); // the seed, whole
    CHECK(export_without_ids(*postgres.store) == expected);
}
