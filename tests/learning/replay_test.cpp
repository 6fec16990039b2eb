// Checking attempts by replay (learning/replay.hpp): every attempt the bundled
// courses produce through the learning layer replays as recorded, and each
// kind of forgery made by editing records.db directly is refused with its
// reason; issuing refuses a forged attempt and issues nothing.
#include "bundle/bundle.hpp"
#include "credentials/issue.hpp"
#include "learning/credit.hpp"
#include "learning/replay.hpp"
#include "learning/session.hpp"
#include "model/analysis.hpp"
#include "model/link.hpp"
#include "runtime/random.hpp"
#include "support/credential_fixtures.hpp"
#include "support/scenario_fixtures.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <algorithm>
#include <memory>

using namespace sightline;
using namespace sightline::learning;
using sightline::test::TempDir;

namespace {

const bundle::LoadedBundle& courses() {
    static const bundle::LoadedBundle loaded = bundle::read_bundle_file(SIGHTLINE_COURSES_BUNDLE);
    return loaded;
}

enum class Play : std::uint8_t { Best, First, Last, Random };

// Plays the session's scenario to its ending (or `max_steps` questions) the
// way `play` says, from what the run shows, as a learner would.
void play(Session& session, Play how, std::uint64_t seed, std::size_t max_steps = 10'000) {
    runtime::Rng rng(seed);
    std::size_t asked = 0;
    records::TimeMs when = 1000;
    while (session.run().phase() != runtime::Phase::Ended && asked < max_steps) {
        when += 1000;
        const runtime::Run& run = session.run();
        switch (run.phase()) {
        case runtime::Phase::Choosing: {
            std::vector<std::string_view> enabled;
            std::string_view best;
            for (const runtime::ChoiceView& c : run.choices()) {
                if (!c.enabled) {
                    continue;
                }
                enabled.push_back(c.id);
                const model::Choice* choice = model::find_by_id(run.node().choices, c.id);
                if (best.empty() &&
                    model::is_best_tier_choice(run.node(), *choice, run.bundle().tiers)) {
                    best = c.id;
                }
            }
            REQUIRE_FALSE(enabled.empty());
            std::string_view pick = enabled.front();
            if (how == Play::Best && !best.empty()) {
                pick = best;
            } else if (how == Play::Last) {
                pick = enabled.back();
            } else if (how == Play::Random) {
                pick = enabled[rng.next() % enabled.size()];
            }
            session.choose(pick, when);
            ++asked;
            break;
        }
        case runtime::Phase::Answering: {
            const model::KnowledgeCheck& check = run.node().check;
            const std::vector<runtime::OptionView> shown = run.view().check.options;
            std::vector<std::string_view> picks;
            if (how == Play::Best) {
                for (const model::CheckOption& o : check.options) {
                    if (o.correct) {
                        picks.push_back(o.id);
                        if (check.kind == model::CheckKind::Single) {
                            break;
                        }
                    }
                }
            } else if (how == Play::Random && check.kind == model::CheckKind::Multi) {
                for (const runtime::OptionView& o : shown) {
                    if (rng.next() % 2 == 0) {
                        picks.push_back(o.id);
                    }
                }
            }
            if (picks.empty()) {
                const std::size_t at = how == Play::Last     ? shown.size() - 1
                                       : how == Play::Random ? rng.next() % shown.size()
                                                             : 0;
                picks.push_back(shown.at(at).id);
            }
            session.answer(picks, when);
            ++asked;
            break;
        }
        case runtime::Phase::Continuing:
            session.advance(when);
            break;
        case runtime::Phase::Ended:
            break;
        }
    }
}

// Runs one statement on the records database, as someone editing it by hand.
void edit(const std::filesystem::path& data, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((data / "records.db").c_str(), &db) == SQLITE_OK);
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
    const std::string error = message != nullptr ? message : "";
    sqlite3_free(message);
    sqlite3_close(db);
    REQUIRE_MESSAGE(rc == SQLITE_OK, error);
}

constexpr std::string_view kHash =
    "5eed000000000000000000000000000000000000000000000000000000000000";

const model::Course& example_course() {
    return test::format_example().courses.at(0);
}

// The FORMAT.md example played on its best path: event 1 the choice
// 'log-and-tell' at 'desk', event 2 the answer {id, answers} at
// 'check-signs', then the ending 'reported'.
struct Example {
    TempDir temp;
    std::unique_ptr<records::Store> store = records::open_store(temp.path());
    std::string learner = store->add_learner({"Ana", "", "", "", "", "", ""}).id;
    std::string attempt;

    Example() {
        SessionStart start;
        start.learner_id = learner;
        start.course_id = example_course().id;
        start.scenario_id = "hotel.example";
        start.options = {7, true};
        Session session =
            Session::start(*store, test::format_example(), {std::string(kHash), "0.1.0"}, start, 0);
        session.choose("log-and-tell", 4 * 60'000);
        session.answer({"id", "answers"}, 8 * 60'000);
        session.advance(11 * 60'000);
        session.finish(example_course().passing_score, 11 * 60'000);
        attempt = session.attempt().id;
    }

    void edit(const std::string& sql) {
        store.reset(); // no connection of ours in the way
        ::edit(temp.path(), sql);
        store = records::open_store(temp.path());
    }

    ReplayResult replay() {
        const std::optional<records::Attempt> a = store->attempt(attempt);
        REQUIRE(a.has_value());
        return replay_attempt(test::format_example(), kHash, *a, store->events(attempt));
    }
};

// A provider signing with the test key.
credentials::Provider test_provider() {
    credentials::Provider provider;
    provider.info = {"Great Lakes Care Training", "MI-HT-0042", "training@greatlakes.example",
                     "Dr. Amara Lindqvist", "Director of Clinical Education"};
    provider.public_key = test::fixed_key().public_key();
    provider.key = test::fixed_key();
    provider.created = "2026-01-01T00:00:00Z";
    return provider;
}

bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("replay accepts every attempt the bundled courses produce, finished or not") {
    const bundle::LoadedBundle& loaded = courses();
    const model::Bundle& bundle = loaded.model;
    const std::string hash = loaded.content_hash();
    TempDir temp;
    const auto store = records::open_store(temp.path());
    const std::string learner = store->add_learner({"Ana", "", "", "", "", "", ""}).id;
    std::size_t finished = 0;
    std::size_t unfinished = 0;
    for (const model::Course& course : bundle.courses) {
        for (const model::CourseEntry& entry : course.entries) {
            if (!entry.required) {
                continue;
            }
            for (const Play how : {Play::Best, Play::First, Play::Last, Play::Random}) {
                for (const std::uint64_t seed : {std::uint64_t{3}, std::uint64_t{41}}) {
                    SessionStart start;
                    start.learner_id = learner;
                    start.course_id = course.id;
                    start.scenario_id = entry.scenario;
                    start.options = {seed, true};
                    Session session = Session::start(*store, bundle, {hash, "0.1.0"}, start, 0);
                    // Random leaves every other attempt unfinished after two questions.
                    const bool stop_early = how == Play::Random && seed == 41;
                    play(session, how, seed, stop_early ? 2 : 10'000);
                    if (session.run().phase() == runtime::Phase::Ended) {
                        session.finish(course.passing_score, 100'000);
                        ++finished;
                    } else {
                        ++unfinished;
                    }
                    const std::string& id = session.attempt().id;
                    const ReplayResult r =
                        replay_attempt(bundle, hash, *store->attempt(id), store->events(id));
                    CAPTURE(course.id);
                    CAPTURE(entry.scenario);
                    CAPTURE(seed);
                    CHECK_MESSAGE(r.accepted(), r.reason);
                }
            }
        }
    }
    CHECK(finished > 100);
    CHECK(unfinished > 10);
}

TEST_CASE("the genuine example attempt replays, and an edited one is refused with its reason") {
    SUBCASE("genuine") {
        Example e;
        const ReplayResult r = e.replay();
        CHECK_MESSAGE(r.accepted(), r.reason);
        CHECK(r.reason.empty());
    }
    SUBCASE("a choice id the decision does not offer") {
        Example e;
        e.edit("UPDATE events SET response = '[\"call-police\"]' WHERE sequence = 1");
        const ReplayResult r = e.replay();
        CHECK(r.refusal == Refusal::ChoiceNotOffered);
        CHECK(r.sequence == 1);
        CHECK(r.node_id == "desk");
        CHECK(r.reason == "attempt " + e.attempt +
                              " (scenario hotel.example), event 1 at node desk: the choice "
                              "'call-police' is not offered there");
    }
    SUBCASE("another offered choice than the one taken") {
        Example e;
        e.edit("UPDATE events SET response = '[\"ignore\"]' WHERE sequence = 1");
        const ReplayResult r = e.replay();
        CHECK(r.refusal == Refusal::EventMismatch);
        CHECK(r.sequence == 1);
        CHECK(contains(r.reason, "the choice 'ignore': it is recorded as correct but the scenario "
                                 "makes it not correct"));
    }
    SUBCASE("a wrong answer recorded as correct") {
        Example e;
        e.edit("UPDATE events SET response = '[\"id\",\"cash\"]' WHERE sequence = 2");
        const ReplayResult r = e.replay();
        CHECK(r.refusal == Refusal::EventMismatch);
        CHECK(r.sequence == 2);
        CHECK(r.node_id == "check-signs");
        CHECK(contains(r.reason, "event 2 at node check-signs: the answer 'id', 'cash': it is "
                                 "recorded as correct but the scenario makes it not correct"));
    }
    SUBCASE("an answer with an option that is not the question's") {
        Example e;
        e.edit("UPDATE events SET response = '[\"id\",\"bribe\"]' WHERE sequence = 2");
        const ReplayResult r = e.replay();
        CHECK(r.refusal == Refusal::OptionNotOffered);
        CHECK(contains(r.reason, "not the question's own (unknown 'bribe')"));
    }
    SUBCASE("inflated score changes") {
        Example e;
        e.edit("UPDATE events SET score_changes = "
               "'[{\"dimension\":\"recognition\",\"delta\":9},{\"dimension\":\"response\","
               "\"delta\":2}]' WHERE sequence = 1");
        const ReplayResult r = e.replay();
        CHECK(r.refusal == Refusal::EventMismatch);
        CHECK(contains(r.reason, "its score changes are recorded as recognition +9, response +2 "
                                 "but the scenario gives recognition +2, response +2"));
    }
    SUBCASE("a changed tier") {
        Example e;
        e.edit("UPDATE events SET tier = 'acceptable' WHERE sequence = 1");
        const ReplayResult r = e.replay();
        CHECK(r.refusal == Refusal::EventMismatch);
        CHECK(contains(r.reason, "its tier is recorded as 'acceptable' but the scenario gives "
                                 "'best'"));
    }
    SUBCASE("an indicator noticed that the choice does not show") {
        Example e;
        e.edit(
            "UPDATE events SET indicators = '[\"hotel.id-held-by-other\",\"hotel.fearful-guest\","
            "\"hotel.x-cash-guest\"]' WHERE sequence = 1");
        const ReplayResult r = e.replay();
        CHECK(r.refusal == Refusal::EventMismatch);
        CHECK(contains(r.reason, "its noticed indicators are recorded as"));
    }
    SUBCASE("an offered option marked best that is not") {
        Example e;
        e.edit("UPDATE events SET offered = replace(offered, '\"best\":false', '\"best\":true') "
               "WHERE sequence = 1");
        const ReplayResult r = e.replay();
        CHECK(r.refusal == Refusal::EventMismatch);
        CHECK(contains(r.reason, "the options it records as offered are not the ones"));
    }
    SUBCASE("a changed final score") {
        Example e;
        e.edit("UPDATE attempts SET score_raw = score_raw + 1");
        const ReplayResult r = e.replay();
        CHECK(r.refusal == Refusal::ResultMismatch);
        CHECK(r.sequence == 0);
        CHECK(r.node_id == "reported");
        CHECK(contains(r.reason, "the recorded result is ending 'reported'"));
        CHECK(contains(r.reason, "but the replayed run gives ending 'reported'"));
    }
    SUBCASE("a failed attempt recorded as passed") {
        Example e;
        e.edit("UPDATE attempts SET passed = 0");
        CHECK(e.replay().refusal == Refusal::ResultMismatch);
    }
    SUBCASE("a deleted event") {
        Example e;
        e.edit("DELETE FROM events WHERE sequence = 1");
        const ReplayResult r = e.replay();
        CHECK(r.refusal == Refusal::BrokenSequence);
        CHECK(r.sequence == 2);
        CHECK(contains(r.reason, "expected event 1 here: events are missing, repeated or out of "
                                 "order"));
    }
    SUBCASE("the last event deleted") {
        Example e;
        e.edit("DELETE FROM events WHERE sequence = 2");
        const ReplayResult r = e.replay();
        CHECK(r.refusal == Refusal::BrokenSequence);
        CHECK(r.sequence == 0);
        CHECK(contains(r.reason, "(scenario hotel.example): the attempt counts 2 events but 1 are "
                                 "recorded"));
    }
    SUBCASE("the last event deleted and the count lowered: the events stop before an ending") {
        Example e;
        e.edit("DELETE FROM events WHERE sequence = 2; UPDATE attempts SET events = 1");
        const ReplayResult r = e.replay();
        CHECK(r.refusal == Refusal::EndedEarly);
        CHECK(r.node_id == "check-signs");
        CHECK(contains(r.reason, "the attempt is finished but its events stop before an ending"));
    }
    SUBCASE("swapped events") {
        Example e;
        e.edit("UPDATE events SET sequence = sequence + 10; UPDATE events SET sequence = 13 - "
               "sequence");
        const ReplayResult r = e.replay();
        CHECK(r.refusal == Refusal::WrongNode);
        CHECK(r.sequence == 1);
        CHECK(r.node_id == "check-signs");
        CHECK(contains(r.reason, "the replayed run is at node desk, not at this one"));
    }
    SUBCASE("another content hash") {
        Example e;
        e.edit("UPDATE attempts SET bundle_hash = 'feed'");
        const ReplayResult r = e.replay();
        CHECK(r.refusal == Refusal::OtherEdition);
        CHECK(r.reason == "attempt " + e.attempt +
                              " (scenario hotel.example): the attempt was played on another "
                              "edition of the courses (content hash feed), so it cannot be "
                              "checked against this one (" +
                              std::string(kHash) +
                              "); issue with the edition the attempt was played on");
    }
    SUBCASE("an unknown scenario") {
        Example e;
        e.edit("UPDATE attempts SET scenario_id = 'hotel.other'");
        CHECK(e.replay().refusal == Refusal::UnknownScenario);
    }
}

TEST_CASE("a choice that was disabled at that point is refused") {
    const model::Bundle bundle = test::compile_scn(test::scenario_header("t.gate", "Gate") + R"(
var open: bool = false

== door
A closed door.
* [knock] Knock. -> end
    tier: best
    score: response +2
    feedback: f
* [force] Force it. -> end
    tier: poor
    feedback: f
    if: open
    unavailable: disabled

== end
ending: done
)");
    TempDir temp;
    auto store = records::open_store(temp.path());
    SessionStart start;
    start.learner_id = store->add_learner({"Ana", "", "", "", "", "", ""}).id;
    start.scenario_id = "t.gate";
    Session session = Session::start(*store, bundle, {std::string(kHash), "0.1.0"}, start, 0);
    REQUIRE(session.run().choices().size() == 2);
    session.choose("knock", 1000);
    session.finish(0, 2000);
    const std::string id = session.attempt().id;
    CHECK(replay_attempt(bundle, kHash, *store->attempt(id), store->events(id)).accepted());

    store.reset();
    edit(temp.path(), "UPDATE events SET response = '[\"force\"]', tier = 'poor', correct = 0, "
                      "score_changes = '[]'");
    store = records::open_store(temp.path());
    const ReplayResult r = replay_attempt(bundle, kHash, *store->attempt(id), store->events(id));
    CHECK(r.refusal == Refusal::ChoiceDisabled);
    CHECK(r.reason == "attempt " + id +
                          " (scenario t.gate), event 1 at node door: the choice 'force' was not "
                          "available at that point");
}

TEST_CASE("issuing replays the counted attempts: a forged one stops it, and nothing is issued") {
    Example e;
    attest(*e.store, e.learner, example_course().id, 12 * 60'000);
    const credentials::Provider provider = test_provider();
    credentials::IssueOptions options;
    options.bundle_hash = std::string(kHash);
    options.now = 13 * 60'000;

    e.edit("UPDATE events SET score_changes = "
           "'[{\"dimension\":\"recognition\",\"delta\":3},{\"dimension\":\"response\","
           "\"delta\":2}]' WHERE sequence = 1");
    try {
        (void)issue_certificate(*e.store, test::format_example(), example_course(), e.learner,
                                provider, options);
        FAIL("a forged attempt was accepted");
    } catch (const AttemptRefused& refused) {
        CHECK(refused.replay().refusal == Refusal::EventMismatch);
        CHECK(std::string(refused.what())
                  .starts_with("cannot issue the certificate: attempt " + e.attempt));
        // What both players show: not the "an administrator can issue it
        // later" of a missing provider key, since no later issuing helps.
        const std::string shown = issue_failed_message(refused);
        CHECK(shown.starts_with("The certificate cannot be issued: an attempt in your records "
                                "does not replay"));
        CHECK(shown.find(refused.replay().reason) != std::string::npos);
        CHECK(shown.find("issue it later") == std::string::npos);
    }
    CHECK(issue_failed_message(credentials::CredentialError("no provider key"))
              .find("an administrator can issue it later") != std::string::npos);
    CHECK(e.store->certificates().empty());
    CHECK(e.store->completions(e.learner).empty());

    // Put right, the same records issue.
    e.edit("UPDATE events SET score_changes = "
           "'[{\"dimension\":\"recognition\",\"delta\":2},{\"dimension\":\"response\","
           "\"delta\":2}]' WHERE sequence = 1");
    const credentials::IssuedCertificate issued = issue_certificate(
        *e.store, test::format_example(), example_course(), e.learner, provider, options);
    CHECK(e.store->certificates().size() == 1);
    CHECK(issued.certificate.learner_id == e.learner);
}
