// The text player pointed at an organisation's PostgreSQL server
// (--records URI): what the learner plays reaches the server, where the
// administrator's tools read it; with the server out of reach the learner is
// told, keeps playing, and everything arrives once a player runs again with
// the server back.
#include "commands.hpp"
#include "records/postgres_store.hpp"
#include "records/store.hpp"
#include "support/bundle_file.hpp"
#include "support/pg_cluster.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <sstream>

using namespace sightline;
using sightline::test::PgCluster;

namespace {

struct Played {
    int code = -1;
    std::string out;
    std::string err;
};

Played play(const test::TempDir& data, const std::string& server, const std::string& script_text,
            const std::string& name) {
    const auto script = test::work_dir() / (name + ".script");
    test::write_file(script, script_text);
    std::istringstream in;
    std::ostringstream out;
    std::ostringstream err;
    const cli::Environment env{in, out, err, test::work_dir() / "bin" / "sightline", false, 0};
    Played p;
    p.code = cli::run_sightline({"--bundle", test::format_example_bundle().string(), "--script",
                                 script.string(), "--learner", "Ana Díaz", "--data-dir",
                                 data.path().string(), "--records", server},
                                env);
    p.out = out.str();
    p.err = err.str();
    return p;
}

} // namespace

TEST_CASE("a learner's play reaches the organisation's server, and goes on while it is away") {
    PgCluster* cluster = PgCluster::shared();
    if (cluster == nullptr) {
        MESSAGE("skipped: " << PgCluster::unavailable_reason());
        return;
    }
    const std::string server = cluster->create_database();
    test::TempDir data;

    // Online: course 1, scenario 1, Enter to begin, log and tell, answer the
    // check, Enter to the end.
    const Played online = play(data, server, "1\n1\n\n@log-and-tell\n@id @answers\n\n", "online");
    CAPTURE(online.out);
    CAPTURE(online.err);
    REQUIRE(online.code == 0);
    CHECK(online.out.find("Your records go to your organisation's server:") != std::string::npos);
    CHECK(online.out.find("Offline:") == std::string::npos);
    {
        // The administrator's view: the learner, the finished attempt, both
        // steps and the completion, as the player recorded them.
        const auto admin = records::open_postgres_store(server);
        const auto learners = admin->learners();
        REQUIRE(learners.size() == 1);
        CHECK(learners[0].display_name == "Ana Díaz");
        const auto attempts = admin->attempts();
        REQUIRE(attempts.size() == 1);
        CHECK(attempts[0].status == records::Status::Completed);
        CHECK(admin->events(attempts[0].id).size() == 2);
        CHECK(admin->completions(learners[0].id).size() == 1);
    }

    // The server out of reach (a socket folder that does not exist): the
    // learner is told once, plays on, and the records wait on this computer.
    const std::string away = "postgresql:///nowhere?host=/nonexistent-sightline-socket";
    const Played offline = play(data, away, "1\n1\n\n@log-and-tell\n@id @answers\n\n", "offline");
    CAPTURE(offline.out);
    REQUIRE(offline.code == 0);
    const auto told = offline.out.find("Offline: your organisation's server cannot be reached.");
    CHECK(told != std::string::npos);
    CHECK(offline.out.find("Offline:", told + 1) == std::string::npos); // said once
    CHECK(offline.out.find("The end: Reported safely") != std::string::npos);
    CHECK(records::open_postgres_store(server)->attempts().size() == 1); // not there yet

    // Back: the next session with the server sends what waited, exactly once.
    const Played back = play(data, server, "q\n", "back");
    CAPTURE(back.out);
    CHECK(back.code == 0);
    const auto admin = records::open_postgres_store(server);
    const auto attempts = admin->attempts();
    REQUIRE(attempts.size() == 2);
    for (const records::Attempt& a : attempts) {
        CHECK(a.status == records::Status::Completed);
        CHECK(admin->events(a.id).size() == 2);
    }
}
