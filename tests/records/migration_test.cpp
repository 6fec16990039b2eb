// Every earlier schema version has a database checked in under old/, written
// by write_old_databases.cpp (run it only to add the database of a version
// that has just been superseded). Opening each one must upgrade it in place
// and keep every row.
#include "records/sqlite.hpp"
#include "records/store.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

using namespace sightline::records;
using sightline::test::TempDir;

namespace {

const std::filesystem::path kOld =
    std::filesystem::path(SIGHTLINE_SOURCE_DIR) / "tests/records/old";

} // namespace

TEST_CASE("a database of every earlier schema version upgrades and keeps its records") {
    for (int version = 1; version < schema_version(); ++version) {
        CAPTURE(version);
        const auto fixture = kOld / ("v" + std::to_string(version) + ".db");
        REQUIRE_MESSAGE(std::filesystem::exists(fixture),
                        "missing " << fixture << ": every earlier version needs a database");
        TempDir temp;
        std::filesystem::copy_file(fixture, temp.path() / "records.db");
        {
            sql::Database db((temp.path() / "records.db").string(), 1000);
            REQUIRE(db.user_version() == version);
        }
        auto store = open_store(temp.path());
        {
            sql::Database db((temp.path() / "records.db").string(), 1000);
            CHECK(db.user_version() == schema_version());
        }
        const auto learner = store->learner("0b8f6a52-3c1d-4e2f-9a7b-5c6d7e8f9a0b");
        REQUIRE(learner.has_value());
        CHECK(learner->licence_number == "RN-1234");
        const auto attempt = store->attempt("5d0c1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f");
        REQUIRE(attempt.has_value());
        CHECK(attempt->active_ms == 4000);
        CHECK(attempt->save == std::vector<std::uint8_t>{1, 2});
        const auto events = store->events(attempt->id);
        REQUIRE(events.size() == 1);
        CHECK(events[0].indicators == std::vector<std::string>{"hotel.fearful-guest"});
        if (version >= 2) {
            REQUIRE(store->completions(learner->id).size() == 1);
            CHECK(store->attestation(learner->id, "hotel-example").has_value());
        }
        if (version >= 3) {
            REQUIRE(store->certificates().size() == 1);
            CHECK(store->certificate("KQ7M-3HXP")->course_id == "hotel-example");
        }
        // Everything a later version added works on the upgraded file.
        const auto before = store->certificates().size();
        Certificate added;
        added.id = "c-1";
        added.learner_id = learner->id;
        added.course_id = "hotel-example";
        added.issued = 1;
        added.verification_code = "ABCD-EFGH";
        added.credential_json = "{}";
        added.status_list = "https://provider.example/status";
        added.status_index = 7;
        store->add_certificate(added);
        CHECK(store->certificates().size() == before + 1);
        CHECK(store->revoke_certificate("ABCD-EFGH", 2, "test").revoked == 2);
        CHECK(store->revoked_status_indices(added.status_list) == std::vector<std::int64_t>{7});
        if (version >= 5) {
            const auto session = store->classroom_session(attempt->id);
            REQUIRE(session.has_value());
            CHECK(session->head_count == 14);
            // Votes from before phone voting were all counted by hand.
            const auto first = store->events(attempt->id).at(0);
            REQUIRE(first.votes.size() == 1);
            CHECK(first.votes[0].count == 12);
            CHECK(first.votes[0].phones == (version >= 7 ? 5 : 0));
        }
        if (version >= 6) {
            CHECK(store->revoked_status_indices("https://old.example/status") ==
                  std::vector<std::int64_t>{3});
        }
        // Schema 8: learners from before have no hire date, job role or site
        // until an administrator adds them; settings start empty.
        if (version >= 8) {
            CHECK(learner->hire_date == "2021-06-15");
            CHECK(learner->site == "Detroit");
            CHECK(store->setting("iri-base") == "https://old.example/");
        } else {
            CHECK(learner->hire_date.empty());
            CHECK(learner->job_role.empty());
            CHECK_FALSE(store->setting("iri-base").has_value());
        }
        // Schema 9: nor a preferred language until the learner picks one.
        CHECK(learner->language.empty());
        LearnerInput profile{learner->display_name,
                             learner->profession,
                             learner->licence_number,
                             learner->licence_state,
                             "2026-03-01",
                             "healthcare",
                             "Lansing",
                             "es"};
        const auto updated = store->update_learner(learner->id, profile);
        REQUIRE(updated.has_value());
        CHECK(updated->hire_date == "2026-03-01");
        CHECK(updated->language == "es");
        CHECK(store->learner(learner->id)->site == "Lansing");
        CHECK(store->learner(learner->id)->language == "es");
        store->set_setting("iri-base", "https://training.example.org/");
        CHECK(store->setting("iri-base") == "https://training.example.org/");
        Event answer;
        answer.attempt_id = attempt->id;
        answer.sequence = 2;
        answer.time = 1700000006000;
        answer.node_id = "check-signs";
        answer.kind = EventKind::Answer;
        answer.response = {"id"};
        answer.votes = {{"id", 4, 3}};
        answer.branch = 1;
        store->record_event(answer, {3});
        REQUIRE(store->events(attempt->id).size() == 2);
        CHECK(store->events(attempt->id)[1].votes.at(0).count == 4);
        CHECK(store->events(attempt->id)[1].votes.at(0).phones == 3);
        CHECK(store->events(attempt->id).size() == 2);
    }
}
