// The controller against the real bundled courses and a real SQLite store in
// a scratch directory: what each screen holds, and that a choice is on disk
// before its feedback is shown.
#include "bundle/bundle.hpp"
#include "courses.hpp"
#include "credentials/issue.hpp"
#include "credentials/provider.hpp"
#include "model/analysis.hpp"
#include "model/link.hpp"
#include "records/store.hpp"
#include "support/scoped_env.hpp"
#include "ui/player.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <set>

namespace sightline::test {

namespace {

using ui::IntentKind;

learning::BundleInfo info() {
    return {courses().content_hash(), "test"};
}

// Another process holding the database's write lock: the player's writes
// then fail after the busy timeout, as they would with a locked or full disk.
class WriteLock {
  public:
    explicit WriteLock(const std::filesystem::path& db) {
        REQUIRE(sqlite3_open(db.c_str(), &db_) == SQLITE_OK);
    }
    ~WriteLock() { sqlite3_close(db_); }
    WriteLock(const WriteLock&) = delete;
    WriteLock& operator=(const WriteLock&) = delete;
    void hold() {
        REQUIRE(sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
    }
    void release() {
        REQUIRE(sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr) == SQLITE_OK);
    }

  private:
    sqlite3* db_ = nullptr;
};

ui::Intent intent(IntentKind kind, std::string id = {}) {
    ui::Intent i;
    i.kind = kind;
    i.id = std::move(id);
    return i;
}

ui::Intent learner(const std::string& name) {
    ui::Intent i;
    i.kind = IntentKind::CreateLearner;
    i.learner.name = name;
    return i;
}

records::StoreOptions quick_timeout() {
    records::StoreOptions options;
    options.busy_timeout_ms = 50;
    return options;
}

// The node of `scenario` that offers the choices (or the check options) shown.
const model::Node& shown_node(const model::Bundle& bundle, const ui::ScenarioState& s) {
    const model::Scenario* scenario = model::find_by_id(bundle.scenarios, s.id);
    REQUIRE(scenario != nullptr);
    // Ids are unique within a node, not within a scenario: every one shown must match.
    const auto offers = [&](const auto& items, const auto& shown) {
        return !shown.empty() && items.size() >= shown.size() &&
               std::all_of(shown.begin(), shown.end(), [&](const auto& item) {
                   return model::find_by_id(items, item.id) != nullptr;
               });
    };
    for (const model::Node& node : scenario->nodes) {
        if (offers(node.choices, s.choices) || offers(node.check.options, s.options)) {
            return node;
        }
    }
    FAIL("no node offers what is shown");
    return scenario->nodes.front();
}

// Options are shown in a seeded order; the tests play every attempt with one seed.
ui::PlayerOptions seeded(ui::PlayerOptions options = {}) {
    if (!options.seed) {
        options.seed = 1;
    }
    return options;
}

struct Fixture {
    std::filesystem::path dir;
    std::unique_ptr<records::Store> owned;
    records::Store& store;
    const model::Bundle& bundle;
    ui::Player player;
    explicit Fixture(const char* name, const model::Bundle& b = courses().model,
                     ui::PlayerOptions options = {})
        : dir(scratch_dir(name)), owned(records::open_store(dir, quick_timeout())), store(*owned),
          bundle(b), player(b, info(), store, seeded(std::move(options))) {}
    ui::Screen& screen() { return player.screen(); }
    void to_scenario(const std::string& course, const std::string& scenario) {
        player.apply(learner("Sam Rivera"));
        player.apply(intent(IntentKind::OpenCourse, course));
        player.apply(intent(IntentKind::StartScenario, scenario));
        player.apply(intent(IntentKind::Begin));
    }
    std::size_t events() {
        const learning::Session* s = player.session();
        REQUIRE(s != nullptr);
        return store.events(s->attempt().id).size();
    }
    // Plays on as a learner who reads: a best-tier choice, the right options.
    void play_to_end() {
        for (int guard = 0; guard < 200; ++guard) {
            ui::ScenarioState& s = screen().scenario;
            if (screen().id != ui::ScreenId::Scenario) {
                return;
            }
            if (s.stage != ui::Stage::Node) {
                player.apply(intent(IntentKind::Continue));
            } else if (s.kind == ui::NodeKind::Decision) {
                const model::Node& node = shown_node(bundle, s);
                const auto c =
                    std::find_if(s.choices.begin(), s.choices.end(), [&](const ui::ChoiceItem& i) {
                        const model::Choice* choice = model::find_by_id(node.choices, i.id);
                        return i.enabled && model::is_best_tier_choice(node, *choice, bundle.tiers);
                    });
                REQUIRE(c != s.choices.end());
                player.apply(intent(IntentKind::Choose, c->id));
            } else if (s.kind == ui::NodeKind::Check) {
                ui::Intent a;
                a.kind = IntentKind::Answer;
                for (const model::CheckOption& o : shown_node(bundle, s).check.options) {
                    if (o.correct) {
                        a.ids.push_back(o.id);
                    }
                }
                player.apply(a);
            } else {
                REQUIRE(s.kind != ui::NodeKind::Stuck);
                player.apply(intent(IntentKind::Continue));
            }
        }
        FAIL("the scenario did not end");
    }
};

} // namespace

TEST_CASE("welcome: where records are kept, a learner needs a name") {
    Fixture f("welcome");
    ui::Screen& s = f.screen();
    CHECK(s.id == ui::ScreenId::Welcome);
    CHECK(s.welcome.learners.empty());
    CHECK(s.welcome.records_location.find("records.db") != std::string::npos);
    CHECK(s.welcome.records_location.starts_with("Your records are kept on this computer in "));
    f.player.apply(learner("   "));
    CHECK(s.id == ui::ScreenId::Welcome);
    CHECK(s.welcome.error == "Please type a name first.");
    f.player.apply(learner(" Sam Rivera "));
    CHECK(s.id == ui::ScreenId::Catalogue);
    CHECK(s.learner_name == "Sam Rivera");
    CHECK(f.store.learners().size() == 1);

    f.player.apply(intent(IntentKind::Back));
    CHECK(s.id == ui::ScreenId::Welcome);
    REQUIRE(s.welcome.learners.size() == 1);
    f.player.apply(learner("Sam Rivera")); // a second profile with the same name
    CHECK(s.id == ui::ScreenId::Welcome);
    CHECK(s.welcome.error.starts_with("There is already a profile named Sam Rivera."));
    CHECK(f.store.learners().size() == 1);
    f.player.apply(intent(IntentKind::SelectLearner, s.welcome.learners[0].id));
    CHECK(s.id == ui::ScreenId::Catalogue);
}

TEST_CASE("catalogue: every course of the bundle, grouped by role in the bundle's role order") {
    Fixture f("catalogue");
    f.player.apply(learner("Sam"));
    const ui::CatalogueState& c = f.screen().catalogue;
    std::size_t total = 0;
    std::vector<std::string> roles;
    for (const ui::RoleGroup& g : c.groups) {
        roles.push_back(g.role);
        total += g.courses.size();
        for (const ui::CourseItem& course : g.courses) {
            CHECK(course.progress == ui::Progress::NotStarted);
            CHECK(course.required_completed == 0);
            CHECK(course.required_total > 0);
        }
    }
    CHECK(total == courses().model.courses.size());
    std::vector<std::string> expected;
    for (const model::Role& r : courses().model.roles) {
        for (const model::Course& course : courses().model.courses) {
            if (course.role == r.id) {
                expected.push_back(r.name);
                break;
            }
        }
    }
    CHECK(roles == expected);
}

TEST_CASE("a scenario: content note first, then choices, a choice is on disk before its feedback") {
    Fixture f("play");
    f.player.apply(learner("Sam"));
    f.player.apply(intent(IntentKind::OpenCourse, "hotel"));
    ui::Screen& s = f.screen();
    REQUIRE(s.id == ui::ScreenId::CourseMap);
    REQUIRE(!s.course.scenarios.empty());
    CHECK(s.course.scenarios[0].progress == ui::Progress::NotStarted);
    CHECK(s.course.scenarios[0].minutes > 0);

    f.player.apply(intent(IntentKind::StartScenario, "hotel.room-214"));
    REQUIRE(s.id == ui::ScreenId::Scenario);
    CHECK(s.scenario.stage == ui::Stage::Intro);
    CHECK(s.scenario.content_note.find("Nothing sexual or violent is shown") != std::string::npos);
    CHECK(s.scenario.lines.empty());
    CHECK(s.help.scenario_report.find("1-888-373-7888") != std::string::npos);

    f.player.apply(intent(IntentKind::Choose, "log")); // not before Begin
    CHECK(s.scenario.stage == ui::Stage::Intro);
    f.player.apply(intent(IntentKind::Begin));
    CHECK(s.scenario.stage == ui::Stage::Node);
    CHECK(s.scenario.kind == ui::NodeKind::Decision);
    REQUIRE(s.scenario.choices.size() == 4);
    CHECK(std::any_of(s.scenario.lines.begin(), s.scenario.lines.end(),
                      [](const ui::Line& l) { return l.speaker == "Guest"; }));
    CHECK(f.events() == 0);

    f.player.apply(intent(IntentKind::Choose, "log"));
    CHECK(s.scenario.stage == ui::Stage::ChoiceFeedback);
    REQUIRE(s.scenario.choice_feedback.has_value());
    CHECK(s.scenario.choice_feedback->tier_name == "Best response");
    CHECK(s.scenario.choice_feedback->look == 0);
    // Four signs, and two look-alikes (a jet-lagged family, a guest paying cash)
    // that are weighed apart from them.
    CHECK(s.scenario.choice_feedback->noticed.size() == 4);
    CHECK(s.scenario.choice_feedback->weighed.size() == 2);
    CHECK(f.events() == 1);
    f.player.apply(intent(IntentKind::Continue));
    CHECK(s.scenario.stage == ui::Stage::Node);
    CHECK(s.scenario.lines.front().text.find("night audit") != std::string::npos);
}

TEST_CASE("when recording fails the learner is told, nothing moves on, and Try again works") {
    Fixture f("locked");
    f.to_scenario("hotel", "hotel.room-214");
    ui::Screen& s = f.screen();
    WriteLock lock(f.dir / "records.db");
    lock.hold();
    f.player.apply(intent(IntentKind::Choose, "log"));
    CHECK(s.scenario.stage == ui::Stage::Node);
    CHECK_FALSE(s.scenario.error.empty());
    CHECK(s.scenario.error.find("records.db") != std::string::npos);
    CHECK_FALSE(s.scenario.choice_feedback.has_value());
    CHECK(f.events() == 0);
    f.player.apply(intent(IntentKind::Retry)); // still failing
    CHECK(s.scenario.stage == ui::Stage::Node);
    CHECK_FALSE(s.scenario.error.empty());

    lock.release();
    f.player.apply(intent(IntentKind::Retry));
    CHECK(s.scenario.error.empty());
    CHECK(s.scenario.stage == ui::Stage::ChoiceFeedback);
    CHECK(f.events() == 1);
}

TEST_CASE("leaving mid-scenario keeps the attempt, the course map offers to resume it") {
    Fixture f("resume");
    f.to_scenario("hotel", "hotel.room-214");
    f.player.apply(intent(IntentKind::Choose, "log"));
    f.player.apply(intent(IntentKind::Continue));
    const std::vector<ui::Line> where = f.screen().scenario.lines;
    f.player.apply(intent(IntentKind::Back));
    ui::Screen& s = f.screen();
    REQUIRE(s.id == ui::ScreenId::CourseMap);
    CHECK(s.course.scenarios[0].progress == ui::Progress::InProgress);
    CHECK(s.course.scenarios[0].resumable);

    f.player.apply(intent(IntentKind::ResumeScenario, "hotel.room-214"));
    REQUIRE(s.id == ui::ScreenId::Scenario);
    CHECK(s.scenario.stage == ui::Stage::Intro); // the content note again
    CHECK(s.scenario.resuming);
    f.player.apply(intent(IntentKind::Begin));
    CHECK(s.scenario.lines.size() == where.size());
    CHECK(s.scenario.lines.front().text == where.front().text);
}

TEST_CASE("an ending leads to the debrief, the course map then shows the score") {
    Fixture f("debrief");
    f.to_scenario("hotel", "hotel.room-214");
    f.play_to_end();
    ui::Screen& s = f.screen();
    REQUIRE(s.id == ui::ScreenId::Debrief);
    const ui::DebriefState& d = s.debrief;
    CHECK(d.title == "Room 214, third extension");
    CHECK_FALSE(d.outcome.empty());
    CHECK(d.scores.size() == courses().model.dimensions.size());
    CHECK_FALSE(d.decisions.empty());
    CHECK(d.noticed.size() + d.missed.size() > 0);
    CHECK(d.report.find("1-888-373-7888") != std::string::npos);
    CHECK_FALSE(d.response.empty());
    CHECK(d.passing_score == 80);

    f.player.apply(intent(IntentKind::Back));
    REQUIRE(s.id == ui::ScreenId::CourseMap);
    CHECK(s.course.scenarios[0].progress == ui::Progress::Completed);
    CHECK(s.course.scenarios[0].best_percent == d.percent);
    CHECK_FALSE(s.course.scenarios[0].resumable);
}

TEST_CASE("Esc goes back one screen at a time, help closes first") {
    Fixture f("back");
    f.to_scenario("hotel", "hotel.room-214");
    ui::Screen& s = f.screen();
    f.player.apply(intent(IntentKind::ToggleHelp));
    CHECK(s.help.open);
    f.player.apply(intent(IntentKind::Back));
    CHECK_FALSE(s.help.open);
    CHECK(s.id == ui::ScreenId::Scenario);
    f.player.apply(intent(IntentKind::Back));
    CHECK(s.id == ui::ScreenId::CourseMap);
    f.player.apply(intent(IntentKind::Back));
    CHECK(s.id == ui::ScreenId::Catalogue);
    f.player.apply(intent(IntentKind::Back));
    CHECK(s.id == ui::ScreenId::Welcome);
}

TEST_CASE("knowledge checks: an answer is recorded and the feedback says what was right") {
    Fixture f("check");
    f.to_scenario("hotel", "hotel.room-214");
    ui::Screen& s = f.screen();
    for (int guard = 0; guard < 100 && s.scenario.kind != ui::NodeKind::Check; ++guard) {
        REQUIRE(s.id == ui::ScreenId::Scenario);
        if (s.scenario.stage == ui::Stage::Node && s.scenario.kind == ui::NodeKind::Decision) {
            f.player.apply(intent(IntentKind::Choose, s.scenario.choices.front().id));
        } else {
            f.player.apply(intent(IntentKind::Continue));
        }
    }
    REQUIRE(s.scenario.kind == ui::NodeKind::Check);
    CHECK_FALSE(s.scenario.prompt.empty());
    const std::size_t before = f.events();
    ui::Intent a;
    a.kind = IntentKind::Answer;
    a.ids = {s.scenario.options.front().id};
    f.player.apply(a);
    CHECK(s.scenario.stage == ui::Stage::CheckFeedback);
    REQUIRE(s.scenario.check_feedback.has_value());
    CHECK(s.scenario.check_feedback->options.size() == s.scenario.options.size());
    CHECK(s.scenario.check_feedback->options.front().picked);
    CHECK(f.events() == before + 1);
    f.player.apply(intent(IntentKind::Continue));
    CHECK(s.scenario.stage == ui::Stage::Node);
}

namespace {

std::set<std::string> confounder_names() {
    std::set<std::string> out;
    for (const model::Indicator& i : courses().model.indicators) {
        if (i.confounder) {
            out.insert(i.name);
        }
    }
    return out;
}

bool any_named(const std::vector<ui::Chip>& chips, const std::set<std::string>& names) {
    return std::any_of(chips.begin(), chips.end(),
                       [&](const ui::Chip& c) { return names.count(c.name) > 0; });
}

// The bundled courses with the hotel course's time and score rules relaxed,
// so a test can meet every rule in milliseconds.
const model::Bundle& quick_hotel() {
    static const model::Bundle bundle = [] {
        model::Bundle b = courses().model;
        for (model::Course& c : b.courses) {
            if (c.id == "hotel") {
                c.credit_minutes = 0;
                c.passing_score = 0;
            }
        }
        return b;
    }();
    return bundle;
}

std::vector<std::string> required_scenarios(const model::Bundle& bundle, const std::string& id) {
    std::vector<std::string> out;
    const model::Course* course = model::find_by_id(bundle.courses, id);
    REQUIRE(course != nullptr);
    for (const model::CourseEntry& s : course->entries) {
        if (s.required) {
            out.push_back(s.scenario);
        }
    }
    return out;
}

} // namespace

TEST_CASE("confounders are weighed, never counted as signs noticed or missed") {
    Fixture f("confounders");
    const std::set<std::string> confounders = confounder_names();
    REQUIRE_FALSE(confounders.empty());
    f.to_scenario("hotel", "hotel.conference-dnd");
    ui::Screen& s = f.screen();
    // "policy" notices a sign (long DND) and weighs a look-alike (business DND).
    f.player.apply(intent(IntentKind::Choose, "policy"));
    REQUIRE(s.scenario.choice_feedback.has_value());
    const ui::ChoiceFeedback& fb = *s.scenario.choice_feedback;
    CHECK(fb.noticed.size() == 1);
    CHECK(fb.weighed.size() == 1);
    CHECK_FALSE(any_named(fb.noticed, confounders));
    CHECK(any_named(fb.weighed, confounders));
    f.player.apply(intent(IntentKind::Continue));

    // Every later feedback card keeps them apart too.
    for (int guard = 0; guard < 200 && s.id == ui::ScreenId::Scenario; ++guard) {
        ui::ScenarioState& sc = s.scenario;
        if (sc.stage == ui::Stage::ChoiceFeedback) {
            REQUIRE(sc.choice_feedback.has_value());
            CHECK_FALSE(any_named(sc.choice_feedback->noticed, confounders));
            for (const ui::Chip& c : sc.choice_feedback->weighed) {
                CHECK(confounders.count(c.name) == 1);
            }
            f.player.apply(intent(IntentKind::Continue));
        } else if (sc.stage == ui::Stage::Node && sc.kind == ui::NodeKind::Decision) {
            f.player.apply(intent(IntentKind::Choose, sc.choices.front().id));
        } else if (sc.stage == ui::Stage::Node && sc.kind == ui::NodeKind::Check) {
            ui::Intent a;
            a.kind = IntentKind::Answer;
            a.ids = {sc.options.front().id};
            f.player.apply(a);
        } else {
            f.player.apply(intent(IntentKind::Continue));
        }
    }
    REQUIRE(s.id == ui::ScreenId::Debrief);
    const ui::DebriefState& d = s.debrief;
    CHECK_FALSE(any_named(d.noticed, confounders));
    CHECK_FALSE(any_named(d.missed, confounders));
    CHECK_FALSE(d.confounders.empty());
    for (const ui::Chip& c : d.confounders) {
        CHECK(confounders.count(c.name) == 1);
    }
}

TEST_CASE("course map: progress towards each completion rule, in words") {
    Fixture f("rules");
    f.player.apply(learner("Sam"));
    f.player.apply(intent(IntentKind::OpenCourse, "hotel"));
    const ui::CreditState& c = f.screen().credit;
    CHECK(c.course_id == "hotel");
    REQUIRE(c.rules.size() == 4); // scenarios, score, time (the course has credit minutes), word
    CHECK(c.rules[0].text == "0 of 4 required scenarios completed.");
    CHECK(c.rules[1].text ==
          "Score: counted once every required scenario is completed; passing is 80%.");
    CHECK(c.rules[2].text == "Time on task 0 of 43 minutes.");
    CHECK(c.rules[3].text == "Your confirmation that you did this training yourself.");
    for (const ui::RuleLine& r : c.rules) {
        CHECK_FALSE(r.met);
    }
    CHECK_FALSE(c.attestation_offered);
    CHECK_FALSE(c.issue_offered);
    CHECK_FALSE(c.certificate.has_value());
    f.player.apply(intent(IntentKind::Attest)); // not offered: nothing is recorded
    CHECK_FALSE(f.store.attestation(f.store.learners().front().id, "hotel").has_value());

    // A debrief of one of the course's scenarios shows the rules too.
    f.player.apply(intent(IntentKind::StartScenario, "hotel.room-214"));
    f.player.apply(intent(IntentKind::Begin));
    f.play_to_end();
    REQUIRE(f.screen().id == ui::ScreenId::Debrief);
    CHECK(c.course_id == "hotel");
    REQUIRE(c.rules.size() == 4);
    CHECK(c.rules[0].text == "1 of 4 required scenarios completed.");
    f.player.apply(intent(IntentKind::Back));
    f.player.apply(intent(IntentKind::Back));
    CHECK(f.screen().id == ui::ScreenId::Catalogue);
    CHECK(c.course_id.empty()); // nothing shown outside a course

    // A course without credit minutes has no time rule.
    Fixture quick("rules-quick", quick_hotel());
    quick.player.apply(learner("Sam"));
    quick.player.apply(intent(IntentKind::OpenCourse, "hotel"));
    CHECK(quick.screen().credit.rules.size() == 3);
}

TEST_CASE("every rule met: the learner confirms, then the certificate is issued") {
    const std::filesystem::path config = scratch_dir("issue-config");
    const ScopedEnv config_env("SIGHTLINE_CONFIG_DIR", config.string());
    Fixture f("issue", quick_hotel());
    ui::Screen& s = f.screen();
    f.player.apply(learner("Sam Rivera"));
    const std::string learner_id = f.store.learners().front().id;
    f.player.apply(intent(IntentKind::OpenCourse, "hotel"));
    for (const std::string& id : required_scenarios(quick_hotel(), "hotel")) {
        f.player.apply(intent(IntentKind::StartScenario, id));
        f.player.apply(intent(IntentKind::Begin));
        f.play_to_end();
        REQUIRE(s.id == ui::ScreenId::Debrief);
        if (id != required_scenarios(quick_hotel(), "hotel").back()) {
            CHECK_FALSE(s.credit.attestation_offered);
            f.player.apply(intent(IntentKind::Back));
        }
    }
    // After the last debrief: every rule but the learner's word is met.
    ui::CreditState& c = s.credit;
    REQUIRE(c.rules.size() == 3);
    CHECK(c.rules[0].met);
    CHECK(c.rules[1].met);
    CHECK_FALSE(c.rules[2].met);
    REQUIRE(c.attestation_offered);
    CHECK(c.attestation_statement == learning::kAttestationStatement);
    CHECK_FALSE(c.issue_offered);
    f.player.apply(intent(IntentKind::IssueCertificate)); // not yet
    CHECK_FALSE(credentials::find_certificate(f.store, learner_id, "hotel").has_value());

    f.player.apply(intent(IntentKind::Attest));
    const std::optional<records::Attestation> attested = f.store.attestation(learner_id, "hotel");
    REQUIRE(attested.has_value());
    CHECK(attested->statement == learning::kAttestationStatement);
    CHECK(s.id == ui::ScreenId::Debrief); // the panel changes in place
    CHECK(c.rules[2].met);
    CHECK(c.rules[2].text == "You confirmed that you did this training yourself.");
    CHECK_FALSE(c.attestation_offered);

    // No training provider on this computer: say who issues it.
    CHECK_FALSE(c.issue_offered);
    CHECK(c.issue_elsewhere.find("You have met every rule.") != std::string::npos);
    CHECK(c.issue_elsewhere.find("no provider configured") != std::string::npos);
    CHECK(c.issue_elsewhere.find("an administrator can issue it later with sightline cert issue") !=
          std::string::npos);

    // With one, the course map offers the certificate.
    credentials::init_provider(config,
                               {"Great Lakes Care Training", "MI-HT-0042", "training@example.org",
                                "Dr. Amara Lindqvist", "Director"},
                               false, records::now_ms());
    f.player.apply(intent(IntentKind::Back));
    REQUIRE(s.id == ui::ScreenId::CourseMap);
    CHECK(c.issue_offered);
    CHECK(c.issue_elsewhere.empty());
    f.player.apply(intent(IntentKind::IssueCertificate));
    REQUIRE(c.certificate.has_value());
    CHECK(c.issued_now);
    CHECK(c.error.empty());
    CHECK_FALSE(c.issue_offered);
    CHECK(credentials::is_verification_code(c.certificate->verification_code));
    // Beside the records, as <data dir>/certificates/certificate-<CODE>.pdf.
    CHECK(std::filesystem::path(c.certificate->pdf) ==
          f.dir / "certificates" / ("certificate-" + c.certificate->verification_code + ".pdf"));
    CHECK(std::filesystem::exists(c.certificate->pdf));
    CHECK(std::filesystem::exists(c.certificate->json));
    const std::optional<records::Certificate> stored =
        credentials::find_certificate(f.store, learner_id, "hotel");
    REQUIRE(stored.has_value());
    CHECK(stored->verification_code == c.certificate->verification_code);

    // Later: the certificate is shown, never issued twice.
    f.player.apply(intent(IntentKind::Back));
    f.player.apply(intent(IntentKind::OpenCourse, "hotel"));
    REQUIRE(c.certificate.has_value());
    CHECK_FALSE(c.issued_now);
    CHECK(c.certificate->verification_code == stored->verification_code);
    CHECK_FALSE(c.issue_offered);
    f.player.apply(intent(IntentKind::IssueCertificate));
    CHECK(f.store.certificates().size() == 1);
}

TEST_CASE("the last required scenario passed records the course's completion, before any "
          "certificate") {
    Fixture f("completion", quick_hotel());
    f.player.apply(learner("Sam Rivera"));
    const std::string learner_id = f.store.learners().front().id;
    f.player.apply(intent(IntentKind::OpenCourse, "hotel"));
    const std::vector<std::string> required = required_scenarios(quick_hotel(), "hotel");
    const model::Course* hotel = model::find_by_id(quick_hotel().courses, "hotel");
    REQUIRE(hotel != nullptr);
    REQUIRE_FALSE(hotel->closing.empty());
    for (const std::string& id : required) {
        CHECK(f.store.completions(learner_id).empty());
        f.player.apply(intent(IntentKind::StartScenario, id));
        f.player.apply(intent(IntentKind::Begin));
        f.play_to_end();
        REQUIRE(f.screen().id == ui::ScreenId::Debrief);
        REQUIRE(f.screen().debrief.passed);
        // The course's closing note on the worker's wellbeing, once it is complete.
        const bool last = id == required.back();
        CHECK(f.screen().debrief.completed_course == (last ? hotel->title : ""));
        CHECK(f.screen().debrief.closing == (last ? hotel->closing : std::vector<std::string>{}));
        f.player.apply(intent(IntentKind::Back));
    }
    // Recorded when the last one was finished: no attestation, no certificate yet.
    const std::vector<records::Completion> done = f.store.completions(learner_id);
    REQUIRE(done.size() == 1);
    CHECK(done[0].course_id == "hotel");
    CHECK(done[0].score_percent == f.screen().course.score_percent.value_or(-1));
    CHECK_FALSE(f.store.attestation(learner_id, "hotel").has_value());
    CHECK(f.store.certificates().empty());

    // Played again, it is not recorded twice.
    f.player.apply(intent(IntentKind::StartScenario, required.front()));
    f.player.apply(intent(IntentKind::Begin));
    f.play_to_end();
    CHECK(f.store.completions(learner_id).size() == 1);
}

TEST_CASE("the certificate goes where the options say, with the provider from there") {
    Fixture base("issue-options-config");
    const std::filesystem::path config = base.dir / "config";
    const std::filesystem::path out = base.dir / "out";
    credentials::init_provider(config, {"Org", "", "c@example.org", "Signer", "Title"}, false,
                               records::now_ms());
    ui::PlayerOptions options;
    options.certificates_dir = out;
    options.config_dir = config;
    Fixture f("issue-options", quick_hotel(), options);
    ui::Screen& s = f.screen();
    f.player.apply(learner("Ana"));
    f.player.apply(intent(IntentKind::OpenCourse, "hotel"));
    for (const std::string& id : required_scenarios(quick_hotel(), "hotel")) {
        f.player.apply(intent(IntentKind::StartScenario, id));
        f.player.apply(intent(IntentKind::Begin));
        f.play_to_end();
        f.player.apply(intent(IntentKind::Back));
    }
    REQUIRE(s.id == ui::ScreenId::CourseMap);
    REQUIRE(s.credit.attestation_offered);
    f.player.apply(intent(IntentKind::Attest));
    REQUIRE(s.credit.issue_offered);
    f.player.apply(intent(IntentKind::IssueCertificate));
    REQUIRE(s.credit.certificate.has_value());
    CHECK(std::filesystem::path(s.credit.certificate->pdf).parent_path() == out);
    CHECK(std::filesystem::exists(s.credit.certificate->pdf));
}

TEST_CASE("paced play: choices and Continue wait for the screen's reading time, then work") {
    model::Bundle paced = courses().model;
    const auto hotel = std::find_if(paced.courses.begin(), paced.courses.end(),
                                    [](const model::Course& c) { return c.id == "hotel"; });
    REQUIRE(hotel != paced.courses.end());
    hotel->paced = true; // the hotel course switched to paced play (`pacing: on`)
    records::TimeMs clock = 1'000'000;
    ui::PlayerOptions options;
    options.clock = [&] { return clock; };
    Fixture f("paced", paced, options);
    f.to_scenario("hotel", "hotel.room-214");
    ui::ScenarioState& s = f.screen().scenario;
    REQUIRE(s.stage == ui::Stage::Node);
    REQUIRE(s.kind == ui::NodeKind::Decision);
    CHECK(s.reading == doctest::Approx(0.0));
    CHECK(f.player.reading_paced());

    const learning::Session* session = f.player.session();
    REQUIRE(session != nullptr);
    const records::TimeMs needed =
        learning::minimum_reading_ms(learning::screen_words(session->run()));
    CHECK(needed > learning::kMinimumPacedMs); // a real screen has more than a few words
    const std::string choice = s.choices.front().id;
    f.player.apply(intent(IntentKind::Choose, choice)); // too soon: nothing happens
    CHECK(s.stage == ui::Stage::Node);
    CHECK(f.events() == 0);

    clock += needed / 2;
    f.player.tick();
    CHECK(s.reading == doctest::Approx(0.5).epsilon(0.01));
    f.player.apply(intent(IntentKind::Choose, choice));
    CHECK(f.events() == 0);

    clock += needed - needed / 2;
    f.player.tick();
    CHECK(s.reading == doctest::Approx(1.0));
    CHECK_FALSE(f.player.reading_paced());
    f.player.apply(intent(IntentKind::Choose, choice));
    CHECK(s.stage == ui::Stage::ChoiceFeedback);
    CHECK(f.events() == 1);

    // The feedback card is a screen too: its Continue waits in the same way.
    CHECK(s.reading < 1.0f);
    f.player.apply(intent(IntentKind::Continue));
    CHECK(s.stage == ui::Stage::ChoiceFeedback);
    clock += 60'000;
    f.player.tick();
    f.player.apply(intent(IntentKind::Continue));
    CHECK(s.stage == ui::Stage::Node);
}

TEST_CASE("unpaced play: every screen is ready at once") {
    records::TimeMs clock = 5'000;
    ui::PlayerOptions options;
    options.clock = [&] { return clock; };
    Fixture f("unpaced", courses().model, options);
    f.to_scenario("hotel", "hotel.room-214");
    const ui::ScenarioState& s = f.screen().scenario;
    CHECK(s.reading == doctest::Approx(1.0));
    CHECK_FALSE(f.player.reading_paced());
    f.player.apply(intent(IntentKind::Choose, s.choices.front().id));
    CHECK(s.stage == ui::Stage::ChoiceFeedback);
}

} // namespace sightline::test
