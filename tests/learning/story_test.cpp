// One learner story, played through both players' adapters: the text player
// (as `sightline --text` runs, one scripted run per visit) and the desktop
// player's controller (headless, intents in). Both go through the learning
// layer, so the records they leave must be the same, down to every event:
// attempts, events, completions, attestations, eligibility and certificates.
#include "bundle/bundle.hpp"
#include "commands.hpp"
#include "credentials/issue.hpp"
#include "credentials/provider.hpp"
#include "learning/credit.hpp"
#include "learning/progress.hpp"
#include "model/link.hpp"
#include "records/store.hpp"
#include "support/bundle_file.hpp"
#include "support/scoped_env.hpp"
#include "support/temp_dir.hpp"
#include "ui/player.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <sstream>
#include <variant>

namespace sightline::test {

namespace {

// ---------------------------------------------------------------- the story

struct Begin {}; // past the introduction
struct Choose {  // a decision, by choice id
    std::string id;
};
struct Answer { // a knowledge check, by option ids
    std::vector<std::string> ids;
};
struct Continue {}; // leave an answered check or a passage
struct Stop {};     // quit here; the attempt stays open
using Step = std::variant<Begin, Choose, Answer, Continue, Stop>;

struct Visit {
    std::string scenario;
    bool resume = false; // continue the unfinished attempt
    std::vector<Step> steps;
    bool attest = false; // confirm the attestation when it is offered afterwards
};

const char* const kCourse = "story";

// Two required scenarios; the second is failed once, then passed; the first
// is stopped in the middle and resumed; then the learner attests and the
// certificate is issued.
std::vector<Visit> story() {
    return {
        {"story.first", false, {Begin{}, Choose{"log-and-tell"}, Stop{}}, false},
        {"story.first", true, {Answer{{"id", "answers"}}, Continue{}}, false},
        {"story.second", false, {Begin{}, Choose{"ignore"}}, false},
        {"story.second",
         false,
         {Begin{}, Choose{"log-and-tell"}, Answer{{"id", "answers"}}, Continue{}},
         true},
    };
}

// The FORMAT.md example's taxonomy and scenario twice, in a course of two
// required scenarios without credit minutes (so the story meets every rule
// in milliseconds).
std::string story_scn() {
    std::string text = format_example_scn();
    const auto replace = [&](std::string_view from, std::string_view to) {
        const std::size_t at = text.find(from);
        REQUIRE(at != std::string::npos);
        text.replace(at, from.size(), to);
    };
    const std::size_t scenario_at = text.find("scenario hotel.example\n");
    REQUIRE(scenario_at != std::string::npos);
    std::string second = text.substr(scenario_at);
    replace("course hotel-example", "course story");
    replace("credit-minutes: 10", "credit-minutes: 0");
    replace("scenario: hotel.example required",
            "scenario: story.first required\nscenario: story.second required");
    replace("scenario hotel.example\ntitle: The late check-in",
            "scenario story.first\ntitle: The late check-in");
    second.replace(0, std::string_view("scenario hotel.example").size(), "scenario story.second");
    const std::size_t title = second.find("title: The late check-in");
    second.replace(title, std::string_view("title: The late check-in").size(),
                   "title: The second late check-in");
    return text + "\n" + second;
}

// ---------------------------------------------------------------- the adapters

struct StoryBundle {
    std::filesystem::path file;
    bundle::LoadedBundle loaded;
};

const StoryBundle& story_bundle() {
    static const StoryBundle b = [] {
        StoryBundle out;
        out.file = write_bundle_file("story.slpack", story_scn());
        out.loaded = bundle::read_bundle_file(out.file);
        return out;
    }();
    return b;
}

// Both players play the story with this seed: the same order of choices and
// options, recorded with every attempt.
constexpr std::uint64_t kSeed = 7;

// The text player: each visit is one run of the program with a script.
struct TextAdapter {
    static constexpr const char* name = "text";

    static void play(const std::filesystem::path& data, const std::vector<Visit>& visits) {
        int n = 0;
        for (const Visit& visit : visits) {
            std::string script = visit.resume ? "1\n" : ""; // "Continue where you stopped"
            for (const Step& step : visit.steps) {
                if (std::holds_alternative<Choose>(step)) {
                    script += "@" + std::get<Choose>(step).id + "\n";
                } else if (std::holds_alternative<Answer>(step)) {
                    for (const std::string& id : std::get<Answer>(step).ids) {
                        script += "@" + id + " ";
                    }
                    script += "\n";
                } else if (std::holds_alternative<Stop>(step)) {
                    script += "q\n";
                } else {
                    script += "\n"; // Begin and Continue: Enter
                }
            }
            if (visit.attest) {
                script += "yes\n";
            }
            const std::filesystem::path file =
                work_dir() / ("story-" + std::to_string(++n) + ".script");
            write_file(file, script);
            std::istringstream in;
            std::ostringstream out;
            std::ostringstream err;
            const cli::Environment env{in, out, err, work_dir() / "bin" / "sightline", false, 0};
            const int code = cli::run_sightline(
                {"--bundle", story_bundle().file.string(), "--script", file.string(), "--learner",
                 "Ana Story", "--data-dir", data.string(), "--course", kCourse, "--scenario",
                 visit.scenario, "--seed", std::to_string(kSeed)},
                env);
            INFO("visit " << n << " printed:\n" << out.str() << err.str());
            REQUIRE(code == 0);
        }
    }
};

// The desktop player's controller, headless: the intents its views return.
struct DesktopAdapter {
    static constexpr const char* name = "desktop";

    static ui::Intent intent(ui::IntentKind kind, std::string id = {}) {
        ui::Intent i;
        i.kind = kind;
        i.id = std::move(id);
        return i;
    }

    static void play(const std::filesystem::path& data, const std::vector<Visit>& visits) {
        const std::unique_ptr<records::Store> store = records::open_store(data);
        ui::PlayerOptions options;
        options.seed = kSeed;
        ui::Player player(story_bundle().loaded.model,
                          {story_bundle().loaded.content_hash(), "0.1.0"}, *store, options);
        ui::Screen& screen = player.screen();
        ui::Intent add;
        add.kind = ui::IntentKind::CreateLearner;
        add.learner.name = "Ana Story";
        player.apply(add);
        player.apply(intent(ui::IntentKind::OpenCourse, kCourse));
        for (const Visit& visit : visits) {
            REQUIRE(screen.id == ui::ScreenId::CourseMap);
            player.apply(intent(visit.resume ? ui::IntentKind::ResumeScenario
                                             : ui::IntentKind::StartScenario,
                                visit.scenario));
            if (visit.resume) {
                player.apply(intent(ui::IntentKind::Begin)); // its intro says "resuming"
            }
            bool stopped = false;
            for (const Step& step : visit.steps) {
                REQUIRE(screen.id == ui::ScreenId::Scenario);
                if (std::holds_alternative<Begin>(step)) {
                    player.apply(intent(ui::IntentKind::Begin));
                } else if (std::holds_alternative<Choose>(step)) {
                    player.apply(intent(ui::IntentKind::Choose, std::get<Choose>(step).id));
                    REQUIRE(screen.scenario.stage == ui::Stage::ChoiceFeedback);
                    player.apply(intent(ui::IntentKind::Continue)); // the feedback read
                } else if (std::holds_alternative<Answer>(step)) {
                    ui::Intent answer = intent(ui::IntentKind::Answer);
                    answer.ids = std::get<Answer>(step).ids;
                    player.apply(answer);
                    REQUIRE(screen.scenario.stage == ui::Stage::CheckFeedback);
                } else if (std::holds_alternative<Continue>(step)) {
                    player.apply(intent(ui::IntentKind::Continue));
                } else {
                    player.apply(intent(ui::IntentKind::Back)); // to the course map
                    stopped = true;
                }
            }
            if (!stopped) {
                REQUIRE(screen.scenario.kind == ui::NodeKind::Ending);
                player.apply(intent(ui::IntentKind::Continue)); // to the debrief
                REQUIRE(screen.id == ui::ScreenId::Debrief);
                if (visit.attest) {
                    REQUIRE(screen.credit.attestation_offered);
                    player.apply(intent(ui::IntentKind::Attest));
                    REQUIRE(screen.credit.issue_offered);
                    player.apply(intent(ui::IntentKind::IssueCertificate));
                    REQUIRE(screen.credit.certificate.has_value());
                }
                player.apply(intent(ui::IntentKind::Back));
            }
        }
    }
};

// ---------------------------------------------------------------- the records

// Everything recorded, without ids and clock times (which differ between any
// two plays), a line each.
std::vector<std::string> recorded(const std::filesystem::path& data) {
    const std::unique_ptr<records::Store> store = records::open_store(data);
    std::vector<std::string> out;
    const std::vector<records::Learner> learners = store->learners();
    REQUIRE(learners.size() == 1);
    const records::Learner& learner = learners.front();
    out.push_back("learner " + learner.display_name);
    for (const records::Attempt& a : store->attempts(learner.id)) {
        std::string line = "attempt " + a.scenario_id + " course " + a.course_id + " " +
                           records::mode_name(a.mode) + " " + records::status_name(a.status) + " " +
                           a.language + " seed " + std::to_string(a.seed) + " bundle " +
                           a.bundle_hash.substr(0, 12) + " events " + std::to_string(a.events);
        if (a.result) {
            line += " ending " + a.result->ending_node + " (" + a.result->outcome + ") " +
                    std::to_string(a.result->raw) + " in [" + std::to_string(a.result->min) + ", " +
                    std::to_string(a.result->max) + "] " + (a.result->passed ? "passed" : "failed");
        }
        out.push_back(line);
        for (const records::Event& e : store->events(a.id)) {
            std::string event = "  " + std::to_string(e.sequence) + " " + e.node_id + " " +
                                (e.kind == records::EventKind::Choice ? "choice" : "answer");
            for (const std::string& r : e.response) {
                event += " " + r;
            }
            event += " | offered";
            for (const records::Offered& o : e.offered) {
                event += " " + o.id + (o.best ? "*" : "");
            }
            event +=
                " | " + (e.tier.empty() ? "" : e.tier + " ") + (e.correct ? "correct" : "wrong");
            for (const records::ScoreChange& s : e.score_changes) {
                event += " " + s.dimension + (s.delta >= 0 ? "+" : "") + std::to_string(s.delta);
            }
            for (const std::string& i : e.indicators) {
                event += " noticed " + i;
            }
            out.push_back(event);
        }
    }
    for (const records::Completion& c : store->completions(learner.id)) {
        out.push_back("completion " + c.course_id + " " + std::to_string(c.score_percent) + "%");
    }
    if (const auto attestation = store->attestation(learner.id, kCourse)) {
        out.push_back("attestation " + attestation->course_id + ": " + attestation->statement);
    }
    const model::Bundle& bundle = story_bundle().loaded.model;
    const model::Course* course = model::find_by_id(bundle.courses, kCourse);
    REQUIRE(course != nullptr);
    const learning::CourseProgress progress =
        learning::course_progress(*store, bundle, *course, learner.id);
    const std::vector<std::string> unmet = learning::unmet_rules(progress);
    out.push_back(unmet.empty() ? "eligible" : "not eligible: " + unmet.front());
    for (const records::Certificate& c : store->certificates()) {
        out.push_back("certificate " + c.course_id +
                      (c.learner_id == learner.id ? "" : " (other)"));
    }
    return out;
}

} // namespace

TEST_CASE_TEMPLATE("the learner story leaves the same records through either player", Adapter,
                   TextAdapter, DesktopAdapter) {
    TempDir config;
    const ScopedEnv config_env("SIGHTLINE_CONFIG_DIR", config.path().string());
    credentials::init_provider(
        config.path(), {"Story Training", "ST-1", "training@example.org", "A. Signer", "Director"},
        false, records::now_ms());
    TempDir data;
    Adapter::play(data.path(), story());
    INFO("played through the " << std::string(Adapter::name) << " player");

    const std::string bundle = story_bundle().loaded.content_hash().substr(0, 12);
    const std::string first = "attempt story.first course story self-paced completed en seed 7 "
                              "bundle " +
                              bundle;
    const std::string second = "attempt story.second course story self-paced completed en seed 7 "
                               "bundle " +
                               bundle;
    // Seed 7 shows each scenario's choices and options in an order of its own.
    const std::string offered_desk_first = " | offered log-and-tell* ignore ask-her | ";
    const std::string offered_check_first = " | offered id* answers* cash | ";
    const std::string offered_desk = " | offered log-and-tell* ask-her ignore | ";
    const std::string offered_check = " | offered cash answers* id* | ";
    const std::vector<std::string> expected = {
        "learner Ana Story",
        // Stopped after the first choice, resumed, passed.
        first + " events 2 ending reported (reported-safely) 6 in [-2, 6] passed",
        "  1 desk choice log-and-tell" + offered_desk_first +
            "best correct recognition+2 response+2 noticed hotel.id-held-by-other noticed "
            "hotel.fearful-guest",
        "  2 check-signs answer id answers" + offered_check_first + "correct recognition+2",
        // Failed: the signs were missed.
        second + " events 1 ending missed (missed) 0 in [-2, 6] failed",
        "  1 desk choice ignore" + offered_desk + "poor wrong",
        // Then passed.
        second + " events 2 ending reported (reported-safely) 6 in [-2, 6] passed",
        "  1 desk choice log-and-tell" + offered_desk +
            "best correct recognition+2 response+2 noticed hotel.id-held-by-other noticed "
            "hotel.fearful-guest",
        "  2 check-signs answer id answers" + offered_check + "correct recognition+2",
        "completion story 100%",
        "attestation story: " + std::string(learning::kAttestationStatement),
        "eligible",
        "certificate story",
    };
    // Joined, so that a failure prints both texts.
    const auto lines = [](const std::vector<std::string>& v) {
        std::string text;
        for (const std::string& line : v) {
            text += line + "\n";
        }
        return text;
    };
    CHECK(lines(recorded(data.path())) == lines(expected));
}

} // namespace sightline::test

namespace sightline::test {

TEST_CASE("both players present the bundled courses in one order: by role, foundations first") {
    const std::filesystem::path courses = SIGHTLINE_COURSES_BUNDLE;
    std::istringstream in;
    std::ostringstream out;
    std::ostringstream err;
    const cli::Environment env{in, out, err, work_dir() / "bin" / "sightline", false, 0};
    REQUIRE(cli::run_sightline({"--list", "--bundle", courses.string()}, env) == 0);
    std::vector<std::string> text; // "id: title" lines; scenarios are indented
    std::istringstream listed(out.str());
    for (std::string line; std::getline(listed, line);) {
        if (!line.empty() && line[0] != ' ' && line[0] != '(') {
            text.push_back(line.substr(0, line.find(':')));
        }
    }

    TempDir data;
    const std::unique_ptr<records::Store> store = records::open_store(data.path());
    const bundle::LoadedBundle loaded = bundle::read_bundle_file(courses);
    ui::Player player(loaded.model, {loaded.content_hash(), "0.1.0"}, *store);
    ui::Intent add;
    add.kind = ui::IntentKind::CreateLearner;
    add.learner.name = "Sam";
    player.apply(add);
    REQUIRE(player.screen().id == ui::ScreenId::Catalogue);
    std::vector<std::string> desktop;
    for (const ui::RoleGroup& group : player.screen().catalogue.groups) {
        for (const ui::CourseItem& course : group.courses) {
            desktop.push_back(course.id);
        }
    }
    CHECK(text == desktop);
    CHECK(text == std::vector<std::string>{"foundations", "hotel", "trucking", "healthcare",
                                           "rideshare", "bus"});
    CHECK(player.screen().catalogue.groups.front().role == "Foundations (every role)");
}

} // namespace sightline::test
