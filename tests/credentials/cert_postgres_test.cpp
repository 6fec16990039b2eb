// `sightline cert ...` on an organisation's shared records on PostgreSQL:
// the administrator's computer issues from the server's records (after
// replaying the attempts), lists, reprints and revokes there.
#include "bundle/bundle.hpp"
#include "commands.hpp"
#include "credentials/credential.hpp"
#include "credentials/provider.hpp"
#include "learning/credit.hpp"
#include "learning/session.hpp"
#include "records/postgres_connection.hpp"
#include "records/postgres_store.hpp"
#include "support/pg_cluster.hpp"
#include "support/scenario_fixtures.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace sightline;
namespace fs = std::filesystem;

namespace {

struct Result {
    int code = 0;
    std::string out;
    std::string err;
};

Result run(bool provider, const std::vector<std::string>& args, const std::string& input = "") {
    std::istringstream in(input);
    std::ostringstream out, err;
    const cli::Environment env{in, out, err, "/nonexistent/bin/sightline", false, 0};
    Result r;
    r.code = provider ? cli::provider_command(args, env) : cli::cert_command(args, env);
    r.out = out.str();
    r.err = err.str();
    return r;
}

bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string word_after(const std::string& text, std::string_view label) {
    const std::size_t at = text.find(label);
    REQUIRE(at != std::string::npos);
    const std::size_t start = text.find_first_not_of(' ', at + label.size());
    return text.substr(start, text.find_first_of(" )\n", start) - start);
}

// The example bundle on disk, and its content hash (what players record).
fs::path example_bundle(const fs::path& dir, std::string& hash) {
    const auto bytes =
        bundle::write_bundle(test::format_example(), bundle::compiler_version_number());
    hash = bundle::read_bundle(bytes, "example.slpack").content_hash();
    const fs::path path = dir / "example.slpack";
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()),
               static_cast<std::streamsize>(bytes.size()));
    return path;
}

// A player on the organisation's server plays the example course to the end.
void complete_course(records::Store& store, const std::string& learner, const std::string& hash) {
    const model::Course& course = test::format_example().courses.at(0);
    learning::SessionStart start;
    start.learner_id = learner;
    start.course_id = course.id;
    start.scenario_id = "hotel.example";
    start.options.seed = 7;
    const records::TimeMs minute = 60'000;
    learning::Session session =
        learning::Session::start(store, test::format_example(), {hash, "0.1.0"}, start, 0);
    session.choose("log-and-tell", 4 * minute);
    session.answer({"id", "answers"}, 8 * minute);
    session.advance(11 * minute);
    session.finish(course.passing_score, 11 * minute);
}

} // namespace

TEST_CASE("cert issue, list, reprint and revoke work on the shared records on PostgreSQL") {
    test::PgCluster* cluster = test::PgCluster::shared();
    if (cluster == nullptr) {
        MESSAGE(test::PgCluster::unavailable_reason());
        return;
    }
    const std::string uri = cluster->create_database();
    test::TempDir temp;
    const fs::path config = temp.path() / "config";
    REQUIRE(run(true, {"init", "--organisation", "Great Lakes Care Training", "--contact",
                       "training@greatlakes.example", "--signatory", "Dr. Amara Lindqvist",
                       "--title", "Director", "--config-dir", config.string()})
                .code == 0);
    std::string hash;
    const fs::path bundle_file = example_bundle(temp.path(), hash);
    std::string dana, eli;
    {
        const auto store = records::open_postgres_store(uri);
        dana =
            store->add_learner({"Dana Okafor", "Registered nurse", "4704-298113", "MI", "", "", ""})
                .id;
        complete_course(*store, dana, hash);
        eli = store->add_learner({"Eli Marsh", "", "", "", "", "", ""}).id;
        complete_course(*store, eli, hash);
        learning::attest(*store, eli, "hotel-example", 12 * 60'000);
    }
    // The learner attests at a player pointed at the server.
    Result r = run(false,
                   {"attest", "--learner", dana, "--course", "hotel-example", "--bundle",
                    bundle_file.string(), "--records", uri},
                   "y\n");
    REQUIRE_MESSAGE(r.code == 0, r.err);

    const fs::path out = temp.path() / "out";
    const auto issue = [&](const std::string& learner, std::vector<std::string> more) {
        std::vector<std::string> args = {
            "issue",    "--learner",          learner,        "--course",     "hotel-example",
            "--bundle", bundle_file.string(), "--config-dir", config.string()};
        args.insert(args.end(), more.begin(), more.end());
        return run(false, args);
    };
    // The records have no folder on this computer: where the files go is asked for.
    r = issue(dana, {"--records", uri});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "with --records, give --out DIR"));
    r = issue(dana, {"--records", uri, "--data-dir", temp.path().string(), "--out", out.string()});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "give --records or --data-dir, not both"));

    r = issue(dana, {"--records", uri, "--out", out.string()});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    const std::string id = word_after(r.out, "issued certificate");
    const std::string code = word_after(r.out, "(verification code");
    const fs::path json = out / ("certificate-" + code + ".json");
    CHECK(read(out / ("certificate-" + code + ".pdf")).starts_with("%PDF-"));
    const credentials::Provider provider = credentials::load_provider(config, false);
    const auto verified = credentials::verify_credential_text(read(json), provider.public_key);
    CHECK(verified.valid);
    CHECK(verified.credential_id == "urn:uuid:" + id);
    {
        const auto store = records::open_postgres_store(uri);
        REQUIRE(store->certificate(code).has_value());
        CHECK(store->certificate(code)->credential_json == read(json));
        CHECK(store->completions(dana).size() == 1);
    }

    r = run(false, {"list", "--records", uri});
    CHECK(r.code == 0);
    CHECK(contains(r.out, code + "  " + id + "  Dana Okafor / hotel-example"));
    r = run(false, {"reprint", code, "--records", uri});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "with --records, give --out DIR"));
    r = run(false, {"reprint", code, "--records", uri, "--out", (temp.path() / "again").string()});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CHECK(read(temp.path() / "again" / json.filename()) == read(json));
    r = run(false, {"revoke", code, "--reason", "issued in error", "--records", uri});
    CHECK(r.code == 0);
    CHECK(records::open_postgres_store(uri)->certificate(id)->revoked.has_value());

    // An attempt edited on the server is refused by the replay, as from a folder.
    {
        records::pg::Connection conn(uri, {});
        conn.exec("forge",
                  "UPDATE events SET response = '[\"id\",\"answers\",\"cash\"]' "
                  "WHERE sequence = 2 AND attempt_id IN "
                  "(SELECT id FROM attempts WHERE learner_id = $1)",
                  records::pg::Params().add(eli));
    }
    r = issue(eli, {"--records", uri, "--out", out.string()});
    CHECK(r.code == 1);
    CHECK(contains(r.err, "cannot issue the certificate: attempt "));
    CHECK(contains(r.err, "it is recorded as correct but the scenario makes it not correct"));
    CHECK(records::open_postgres_store(uri)->certificates().size() == 1);
}
