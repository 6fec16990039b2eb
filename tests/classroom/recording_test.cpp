// A facilitated session recorded to a real SQLite store in a temp dir: the
// classroom attempt, the session's name and head count, one event per pick
// with the room's votes and the explored branch, and the finish.
#include "classroom/facilitation.hpp"
#include "classroom/report.hpp"
#include "records/store.hpp"
#include "support/classroom_helpers.hpp"
#include "support/scenario_fixtures.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <sstream>

using namespace sightline;
using namespace sightline::classroom;
using sightline::test::FakeClock;
using sightline::test::TempDir;

namespace {

const learning::BundleInfo kInfo{"hash", "0.1.0"};

// The real store, with record_event failing on demand.
class FlakyStore final : public records::Store {
  public:
    explicit FlakyStore(records::Store& real) : real_(real) {}
    bool fail_events = false;

    records::Learner add_learner(const records::LearnerInput& input) override {
        return real_.add_learner(input);
    }
    std::vector<records::Learner> learners() override { return real_.learners(); }
    std::optional<records::Learner> learner(std::string_view id) override {
        return real_.learner(id);
    }
    std::optional<records::Learner> update_learner(std::string_view id,
                                                   const records::LearnerInput& input) override {
        return real_.update_learner(id, input);
    }
    bool delete_learner(std::string_view id) override { return real_.delete_learner(id); }
    records::Attempt start_attempt(const records::AttemptStart& start,
                                   records::TimeMs when) override {
        return real_.start_attempt(start, when);
    }
    void record_event(const records::Event& event,
                      const std::vector<std::uint8_t>& save_after) override {
        if (fail_events) {
            throw records::RecordsError("cannot write to the test store: the disk is full");
        }
        real_.record_event(event, save_after);
    }
    void touch(std::string_view attempt_id, records::TimeMs when) override {
        real_.touch(attempt_id, when);
    }
    void finish_attempt(std::string_view attempt_id, const records::AttemptResult& result,
                        records::TimeMs when) override {
        real_.finish_attempt(attempt_id, result, when);
    }
    void abandon_attempt(std::string_view attempt_id, records::TimeMs when) override {
        real_.abandon_attempt(attempt_id, when);
    }
    std::optional<records::Attempt> attempt(std::string_view id) override {
        return real_.attempt(id);
    }
    std::vector<records::Attempt> attempts(std::optional<std::string_view> learner_id,
                                           bool with_saves) override {
        return real_.attempts(learner_id, with_saves);
    }
    std::optional<records::Attempt> unfinished_attempt(std::string_view learner_id,
                                                       std::string_view scenario_id) override {
        return real_.unfinished_attempt(learner_id, scenario_id);
    }
    std::vector<records::Event> events(std::string_view attempt_id) override {
        return real_.events(attempt_id);
    }
    void for_each_event(const std::function<void(const records::Event&)>& visit) override {
        real_.for_each_event(visit);
    }
    void record_classroom_session(const records::ClassroomSession& session) override {
        real_.record_classroom_session(session);
    }
    std::optional<records::ClassroomSession>
    classroom_session(std::string_view attempt_id) override {
        return real_.classroom_session(attempt_id);
    }
    std::vector<records::ClassroomSession> classroom_sessions() override {
        return real_.classroom_sessions();
    }
    void record_completion(const records::Completion& completion) override {
        real_.record_completion(completion);
    }
    std::vector<records::Completion> completions(std::string_view learner_id) override {
        return real_.completions(learner_id);
    }
    std::vector<records::Completion> all_completions() override { return real_.all_completions(); }
    std::vector<records::Attestation> all_attestations() override {
        return real_.all_attestations();
    }
    records::PurgeCounts purge(const records::PurgeSelection& selection, bool dry_run) override {
        return real_.purge(selection, dry_run);
    }
    void record_attestation(const records::Attestation& attestation) override {
        real_.record_attestation(attestation);
    }
    std::optional<records::Attestation> attestation(std::string_view learner_id,
                                                    std::string_view course_id) override {
        return real_.attestation(learner_id, course_id);
    }
    void add_certificate(const records::Certificate& certificate) override {
        real_.add_certificate(certificate);
    }
    std::vector<records::Certificate> certificates() override { return real_.certificates(); }
    std::optional<records::Certificate> certificate(std::string_view id) override {
        return real_.certificate(id);
    }
    records::Certificate revoke_certificate(std::string_view id, records::TimeMs when,
                                            std::string_view reason) override {
        return real_.revoke_certificate(id, when, reason);
    }
    bool status_index_used(std::string_view list, std::int64_t index) override {
        return real_.status_index_used(list, index);
    }
    std::vector<std::int64_t> revoked_status_indices(std::string_view list) override {
        return real_.revoked_status_indices(list);
    }
    std::optional<std::string> setting(std::string_view key) override { return real_.setting(key); }
    void set_setting(std::string_view key, std::string_view value) override {
        real_.set_setting(key, value);
    }
    std::map<std::string, std::string> settings() override { return real_.settings(); }
    std::string location() const override { return real_.location(); }

  private:
    records::Store& real_;
};

std::string csv_of(const SessionReport& report) {
    std::ostringstream out;
    write_report_csv(report, out);
    return out.str();
}

} // namespace

TEST_CASE("a recorded session is a classroom attempt with its votes, branches and timings") {
    TempDir temp;
    auto store = records::open_store(temp.path());
    FakeClock clock;
    Facilitation f(test::format_example(), test::example_setup(12), store.get(), kInfo,
                   clock.clock());
    REQUIRE(f.recorded());
    const std::string id = f.attempt_id();
    REQUIRE_FALSE(id.empty());
    test::play_example_session(f, clock);
    f.set_head_count(13); // someone came in late
    clock.seconds(30);
    f.finish();

    // A second connection sees everything: it was committed.
    auto other = records::open_store(temp.path());
    const auto attempt = other->attempt(id);
    REQUIRE(attempt.has_value());
    CHECK(attempt->mode == records::Mode::Classroom);
    CHECK(attempt->learner_id.empty());
    CHECK(attempt->course_id == "hotel-example");
    CHECK(attempt->scenario_id == "hotel.example");
    CHECK(attempt->bundle_hash == "hash");
    CHECK(attempt->started == test::kSessionStart);
    CHECK(attempt->status == records::Status::Completed);
    REQUIRE(attempt->result.has_value());
    CHECK(attempt->result->outcome == "unsafe"); // the path the session ended on

    const auto session = other->classroom_session(id);
    REQUIRE(session.has_value());
    CHECK(session->name == "Night shift in-service");
    CHECK(session->facilitator == "Dana Okafor");
    CHECK(session->head_count == 13);

    const auto events = other->events(id);
    REQUIRE(events.size() == 3);
    CHECK(events[0].node_id == "desk");
    CHECK(events[0].response == std::vector<std::string>{"log-and-tell"});
    CHECK(events[0].branch == 0);
    REQUIRE(events[0].votes.size() == 3);
    CHECK(events[0].votes[0].id == "ask-her");
    CHECK(events[0].votes[0].count == 3);
    CHECK(events[0].votes[1].count == 7);
    CHECK(events[0].votes[2].count == 2);
    CHECK(events[0].time_on_node_ms == 125000);
    CHECK(events[1].node_id == "check-signs");
    CHECK(events[1].kind == records::EventKind::Answer);
    CHECK(events[1].response == std::vector<std::string>{"id", "answers"});
    CHECK(events[1].correct);
    CHECK(events[1].branch == 0);
    CHECK(events[1].votes.size() == 3);
    CHECK(events[1].time_on_node_ms == 50000);
    CHECK(events[2].node_id == "desk");
    CHECK(events[2].response == std::vector<std::string>{"ask-her"});
    CHECK(events[2].branch == 1);
    CHECK(events[2].votes[1].count == 7);
    CHECK(events[2].time_on_node_ms == 40000);
    CHECK(events[2].tier == "harmful");

    // The live log is exactly what was recorded.
    REQUIRE(f.log().size() == events.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        CHECK(f.log()[i].sequence == events[i].sequence);
        CHECK(f.log()[i].prompt == events[i].prompt);
        CHECK(f.log()[i].offered.size() == events[i].offered.size());
        CHECK(f.log()[i].correct == events[i].correct);
        CHECK(f.log()[i].indicators == events[i].indicators);
    }
    // So the report from the records is the report of the live session.
    const SessionReport live = make_report(f);
    const SessionReport stored = make_report(*other, id, test::format_example());
    CHECK(csv_of(stored) == csv_of(live));
    CHECK(stored.name == live.name);
    CHECK(stored.head_count == 13);
    CHECK(stored.steps.at(2).decided == Decided::Override);
}

TEST_CASE("phone votes add to the hand counts and are recorded apart from them") {
    TempDir temp;
    auto store = records::open_store(temp.path());
    FakeClock clock;
    Facilitation f(test::format_example(), test::example_setup(12), store.get(), kInfo,
                   clock.clock());
    // desk: ask-her, log-and-tell, ignore. Hands: 2 / 1 / 0; phones: 1 / 4 / 0.
    f.open_voting();
    f.set_votes(0, 2);
    f.set_votes(1, 1);
    f.set_phone_votes({1, 4, 0});
    CHECK(f.hand_votes() == std::vector<std::int64_t>{2, 1, 0});
    CHECK(f.phone_votes() == std::vector<std::int64_t>{1, 4, 0});
    CHECK(f.votes() == std::vector<std::int64_t>{3, 5, 0});
    CHECK(f.tally().leaders == std::vector<std::size_t>{1}); // the phones decide it
    // The phone room's counts are refused when they do not fit the question.
    CHECK_THROWS_AS(f.set_phone_votes({1, 4}), FacilitationError);
    CHECK_THROWS_AS(f.set_phone_votes({1, -1, 0}), FacilitationError);
    CHECK(f.phone_votes() == std::vector<std::int64_t>{1, 4, 0});
    f.lock();
    CHECK_THROWS_AS(f.set_phone_votes({9, 9, 9}), FacilitationError); // locked: phones too
    f.reveal();
    f.take_majority(); // log-and-tell
    f.advance();
    // A new question starts with no phone votes.
    CHECK(f.phone_votes() == std::vector<std::int64_t>{0, 0, 0});
    // Going back restores both kinds of votes as they were.
    f.go_back(0);
    CHECK(f.hand_votes() == std::vector<std::int64_t>{2, 1, 0});
    CHECK(f.phone_votes() == std::vector<std::int64_t>{1, 4, 0});
    f.pick("ask-her");

    const auto events = records::open_store(temp.path())->events(f.attempt_id());
    REQUIRE(events.size() == 2);
    for (const records::Event& e : events) {
        REQUIRE(e.votes.size() == 3);
        CHECK(e.votes[0].count == 3);
        CHECK(e.votes[0].phones == 1);
        CHECK(e.votes[0].hands() == 2);
        CHECK(e.votes[1].count == 5);
        CHECK(e.votes[1].phones == 4);
        CHECK(e.votes[2].count == 0);
        CHECK(e.votes[2].phones == 0);
    }
    // The report and its CSV keep them apart too.
    const SessionReport report = make_report(f);
    REQUIRE(report.steps.size() == 2);
    CHECK(report.steps[0].total_votes == 8);
    CHECK(report.steps[0].phone_votes == 5);
    CHECK(report.steps[0].options[1].votes == 5);
    CHECK(report.steps[0].options[1].phones == 4);
    const auto rows = test::parse_csv(csv_of(report));
    REQUIRE(rows.size() == 3);
    const auto desk = test::as_record(rows[0], rows[1]);
    CHECK(desk.at("total_votes") == "8");
    CHECK(desk.at("hand_votes") == "3");
    CHECK(desk.at("phone_votes") == "5");
    CHECK(desk.at("votes_2") == "5");
    CHECK(desk.at("hand_votes_2") == "1");
    CHECK(desk.at("phone_votes_2") == "4");
}

TEST_CASE("a vote count with more phone votes than votes is refused by the store") {
    TempDir temp;
    auto store = records::open_store(temp.path());
    Facilitation f(test::format_example(), test::example_setup(12), store.get(), kInfo);
    records::Event event;
    event.attempt_id = f.attempt_id();
    event.sequence = 1;
    event.node_id = "desk";
    event.votes = {{"ask-her", 2, 3}};
    CHECK_THROWS_AS(store->record_event(event, {}), records::RecordsError);
    event.votes = {{"ask-her", 2, -1}};
    CHECK_THROWS_AS(store->record_event(event, {}), records::RecordsError);
    CHECK(store->events(f.attempt_id()).empty());
}

TEST_CASE("a failed write leaves the facilitation where it was, ready to try again") {
    TempDir temp;
    auto real = records::open_store(temp.path());
    FlakyStore store(*real);
    Facilitation f(test::format_example(), test::example_setup(), &store, kInfo);
    test::vote(f, {1, 8, 1});
    store.fail_events = true;
    CHECK_THROWS_AS(f.take_majority(), records::RecordsError);
    CHECK(f.stage() == Stage::Revealed);
    CHECK(f.run().node().id == "desk");
    CHECK(f.log().empty());
    CHECK_FALSE(f.path()[0].picked);
    store.fail_events = false;
    f.take_majority();
    CHECK(f.stage() == Stage::Feedback);
    const auto events = real->events(f.attempt_id());
    REQUIRE(events.size() == 1);
    CHECK(events[0].votes.at(1).count == 8);
}

TEST_CASE("a report of an attempt that is not a classroom session is refused") {
    TempDir temp;
    auto store = records::open_store(temp.path());
    test::refuses([&] { make_report(*store, "nope", test::format_example()); },
                  "there is no attempt nope");
    const records::Learner ana = store->add_learner({"Ana", "", "", "", "", "", ""});
    records::AttemptStart start;
    start.learner_id = ana.id;
    start.scenario_id = "hotel.example";
    const records::Attempt a = store->start_attempt(start, 1000);
    test::refuses([&] { make_report(*store, a.id, test::format_example()); },
                  "is not a classroom session");
}

TEST_CASE("a session ended early is an abandoned attempt that keeps its events") {
    TempDir temp;
    auto store = records::open_store(temp.path());
    Facilitation f(test::format_example(), test::example_setup(), store.get(), kInfo);
    test::vote(f, {0, 5, 1});
    f.take_majority();
    f.advance();
    f.abandon();
    CHECK(f.finished());
    test::refuses([&] { f.open_voting(); }, "the session has finished");
    const auto attempt = store->attempt(f.attempt_id());
    REQUIRE(attempt.has_value());
    CHECK(attempt->status == records::Status::Abandoned);
    CHECK(store->events(f.attempt_id()).size() == 1);
    CHECK(make_report(*store, f.attempt_id(), test::format_example()).steps.size() == 1);
}

TEST_CASE("a dry run records nothing") {
    TempDir temp;
    auto store = records::open_store(temp.path());
    Facilitation f(test::format_example(), test::example_setup());
    test::vote(f, {0, 2, 0});
    f.take_majority();
    CHECK(store->attempts().empty());
    CHECK(f.log().size() == 1);
    CHECK(f.log()[0].attempt_id.empty());
}
