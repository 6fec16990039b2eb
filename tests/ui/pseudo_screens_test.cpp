// The pseudo-locale qps over every desktop screen (issue 20: "a pseudo-locale
// run in CI catches untranslated and truncated text in every screen"). The
// player runs with the program's qps catalogue (<build>/share/locale/qps) and
// the qps course bundle (tests/pseudo/CMakeLists.txt): every string the
// program or a course shows is accented and 30% longer inside [ ]. A headless
// ImGui draws each screen the walk reaches, and every piece of text drawn
// (ui::DrawnText, with its item rect) is checked by pseudo_check.hpp:
// untranslated English (the rule of tests/pseudo/check_pseudo.py), a pseudo
// string cut before its "]", text running off the right edge of its window,
// and text clipped inside its item. What is allowed to stay English is in
// tests/pseudo/allow.txt and tests/ui/pseudo_allow.txt.
//
// The walk, in three windows (1280x800, the narrow 1024x640, and 1280x800 at
// 200% text): the welcome screen (empty, with a refused form, with a learner
// listed), the catalogue with its language switch and with the line shown
// while the organisation's server cannot be reached, help over the catalogue
// and over a scenario, the course map, every scenario of the hotel course
// played to its debrief (introduction, decisions, choice feedback, checks,
// check feedback, passages, endings; a choice that could not be recorded; a
// resumed introduction; the reading cue of paced play), the course's credit (attestation offered
// and ticked, met with no training provider, the certificate offered, issued, and issued before),
// the classroom setup (with its refusal), a classroom session through every
// stage in the presenter view, the audience view and the projector window,
// leaving asked, the session report, and phone voting with a phone joined.
// Each test prints how many texts it checked on each screen.
#include "bundle/bundle.hpp"
#include "credentials/provider.hpp"
#include "headless.hpp"
#include "i18n/i18n.hpp"
#include "learning/delivery.hpp"
#include "model/link.hpp"
#include "pseudo_check.hpp"
#include "records/store.hpp"
#include "support/scoped_env.hpp"
#include "ui/player.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <httplib.h>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace sightline::test {

namespace {

namespace fs = std::filesystem;
using ui::IntentKind;

const pseudo::Checker& checker() {
    static const pseudo::Checker c = pseudo::Checker::from_sources(SIGHTLINE_SOURCE_DIR);
    return c;
}

// The letters the qps text is written in, for the font atlas (so text is
// measured with its real glyphs, not the fallback's).
std::string pseudo_glyphs() {
    return "\u00E0\u0180\u00E7\u0111\u00E9\u011D\u0125\u00ED\u0137\u013A\u00F1\u00F3\u0155\u0161"
           "\u0163\u00FA\u0175\u00FD\u017E\u00C5\u00DF\u00C7\u0110\u00C9\u011C\u0124\u00CD\u0136"
           "\u0139\u00D1\u00D3\u0154\u0160\u0162\u00DA\u0174\u00DD\u017D";
}

// The qps course bundle, with the hotel course's time and score rules relaxed
// (as player_test.cpp's quick_hotel) so the walk meets every credit rule.
const model::Bundle& qps_courses() {
    static const bundle::LoadedBundle loaded = bundle::read_bundle_file(SIGHTLINE_QPS_BUNDLE);
    static const model::Bundle quick = [] {
        model::Bundle b = loaded.model;
        for (model::Course& c : b.courses) {
            if (c.id == "hotel") {
                c.credit_minutes = 0;
                c.passing_score = 0;
            }
        }
        return b;
    }();
    return quick;
}

// Whether `sentence` is part of a scenario's report text in the qps translation.
bool in_qps_reports(const std::string& sentence) {
    for (const model::Translation& t : qps_courses().translations) {
        if (t.language != "qps") {
            continue;
        }
        for (const model::TranslatedText& text : t.texts) {
            if (text.key.ends_with(":report") && text.text.find(sentence) != std::string::npos) {
                return true;
            }
        }
    }
    return false;
}

fs::path scratch(const std::string& name) {
    const fs::path dir = fs::path(SIGHTLINE_BINARY_DIR) / "tests" / "ui" / "work" /
                         (std::to_string(::getpid()) + "-pseudo-" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

ui::Intent intent(IntentKind kind, std::string id = {}, int index = -1) {
    ui::Intent i;
    i.kind = kind;
    i.id = std::move(id);
    i.index = index;
    return i;
}

ui::Intent step(ui::ClassroomStep which, int index = -1) {
    ui::Intent i = intent(IntentKind::Classroom, {}, index);
    i.step = which;
    return i;
}

// Another program holding the records' write lock while it lives: the
// player's writes fail after the store's busy timeout.
class WriteLock {
  public:
    explicit WriteLock(const fs::path& db) {
        REQUIRE(sqlite3_open(db.c_str(), &db_) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
    }
    ~WriteLock() {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(db_);
    }
    WriteLock(const WriteLock&) = delete;
    WriteLock& operator=(const WriteLock&) = delete;

  private:
    sqlite3* db_ = nullptr;
};

struct Window {
    const char* name;
    ImVec2 size;
    int scale;
    ui::Theme theme;
};

// The player in qps, a headless ImGui, and what the checks found.
struct Walk {
    Window window;
    fs::path dir;
    ScopedEnv locale{"LC_ALL", "C.UTF-8"};
    std::unique_ptr<records::Store> store;
    ui::Player player;
    Headless ui;
    std::map<std::string, std::pair<int, int>> checked; // screen: frames, texts
    std::vector<std::string> order;
    std::vector<std::string> problems;
    std::vector<std::string> pending_met;

    static ui::PlayerOptions options(const fs::path& dir) {
        ui::PlayerOptions o;
        o.language = "qps";
        o.seed = 1;
        o.config_dir = dir / "config";
        o.classroom_reports_dir = dir / "classroom-reports";
        o.phone_address = "127.0.0.1";
        o.phone_page_dir = SIGHTLINE_SOURCE_DIR "/assets/phone";
        return o;
    }
    static fs::path bound(const fs::path& dir) {
        i18n::bind(fs::path(SIGHTLINE_BINARY_DIR) / "share" / "locale");
        return dir;
    }

    explicit Walk(const Window& w)
        : window(w), dir(bound(scratch(w.name))), store(records::open_store(dir, quick_timeout())),
          player(qps_courses(), {"qps", "test"}, *store, options(dir)),
          ui(w.size, w.theme, w.scale, pseudo_glyphs()) {
        REQUIRE_MESSAGE(i18n::language() == "qps", "the player did not take the qps language");
        screen().theme = w.theme;
        screen().text_scale = w.scale;
    }

    static records::StoreOptions quick_timeout() {
        records::StoreOptions o;
        o.busy_timeout_ms = 50;
        return o;
    }

    ui::Screen& screen() { return player.screen(); }

    void apply(const ui::Intent& i) {
        player.apply(i);
        screen().theme = window.theme;
        screen().text_scale = window.scale;
    }

    void record(const std::string& name) {
        const std::vector<ui::DrawnText>& drawn = ui.drawn();
        REQUIRE_MESSAGE(!drawn.empty(), name << ": nothing was drawn");
        if (checked.find(name) == checked.end()) {
            order.push_back(name);
        }
        checked[name].first += 1;
        checked[name].second += static_cast<int>(drawn.size());
        // The help panel's hotline and 911 lines are sentences it takes out of
        // the courses' report text: a piece of a pseudo string, each checked
        // to be one (so they need no "[" and "]" of their own).
        std::vector<std::string> excerpts;
        if (screen().help.open) {
            excerpts = screen().help.hotlines;
            excerpts.insert(excerpts.end(), screen().help.emergency.begin(),
                            screen().help.emergency.end());
            for (const std::string& sentence : excerpts) {
                CHECK_MESSAGE(in_qps_reports(sentence),
                              name << ": not a sentence of the qps report text: " << sentence);
            }
        }
        for (const pseudo::Problem& p :
             checker().check(drawn, ui.windows(), excerpts, &pending_met)) {
            problems.push_back(std::string(window.name) + ", " + name + ": " + p.kind + ": " +
                               p.detail + "\n    \"" + p.text + "\"");
        }
    }
    // The main window's frame of the screen as it is now.
    void look(const std::string& name) {
        ui.frames(screen(), 2);
        record(name);
    }
    void look_projector(const std::string& name) {
        ui.projector_frame(screen());
        ui.projector_frame(screen());
        record(name);
    }
    // Every view of a classroom session: presenter, audience, projector window.
    void look_classroom(const std::string& stage) {
        ui::ClassroomState& c = screen().classroom;
        const bool was = c.presenter_view;
        c.presenter_view = true;
        look("classroom presenter: " + stage);
        c.presenter_view = false;
        look("classroom audience: " + stage);
        c.presenter_view = was;
        c.projector_window = true;
        look_projector("projector window: " + stage);
        look("classroom presenter beside the projector: " + stage);
        c.projector_window = false;
    }

    // The scenario open now, played to its debrief: the first choice the
    // seeded order shows, the first option of each check.
    void play(const std::string& scenario_id) {
        apply(intent(IntentKind::StartScenario, scenario_id));
        REQUIRE(screen().id == ui::ScreenId::Scenario);
        look("scenario introduction");
        apply(intent(IntentKind::Begin));
        for (int guard = 0; guard < 200 && screen().id == ui::ScreenId::Scenario; ++guard) {
            ui::ScenarioState& s = screen().scenario;
            if (s.stage == ui::Stage::ChoiceFeedback) {
                look("choice feedback");
                apply(intent(IntentKind::Continue));
            } else if (s.stage == ui::Stage::CheckFeedback) {
                look("check feedback");
                apply(intent(IntentKind::Continue));
            } else if (s.kind == ui::NodeKind::Decision) {
                look("decision");
                REQUIRE_FALSE(s.choices.empty());
                apply(intent(IntentKind::Choose, s.choices.front().id));
            } else if (s.kind == ui::NodeKind::Check) {
                s.picked.assign(s.options.size(), false);
                look(s.multi ? "knowledge check (several answers)" : "knowledge check");
                REQUIRE_FALSE(s.options.empty());
                ui::Intent a = intent(IntentKind::Answer);
                a.ids = {s.options.front().id};
                apply(a);
            } else {
                REQUIRE(s.kind != ui::NodeKind::Stuck);
                look(s.kind == ui::NodeKind::Ending ? "ending" : "passage");
                apply(intent(IntentKind::Continue));
            }
        }
        REQUIRE(screen().id == ui::ScreenId::Debrief);
        look(screen().debrief.completed_course.empty() ? "debrief"
                                                       : "debrief of the course's last scenario");
    }

    std::string report() const {
        std::ostringstream out;
        out << window.name << ": texts checked per screen (frames):\n";
        int total = 0;
        for (const std::string& name : order) {
            const auto& [frames, texts] = checked.at(name);
            out << "  " << texts << "\t" << name << " (" << frames << ")\n";
            total += texts;
        }
        out << "  " << total << "\tin all, on " << order.size() << " screens\n";
        return out.str();
    }
    std::string found() const {
        std::string out;
        for (const std::string& p : problems) {
            out += p + "\n";
        }
        return out;
    }
};

// One phone joining by the room code (the phone page's POST /api/join).
bool join_phone(const ui::PhonesState& phones) {
    const std::string& address = phones.address;
    httplib::Client http("127.0.0.1", std::stoi(address.substr(address.rfind(':') + 1)));
    http.set_connection_timeout(2);
    http.set_read_timeout(5);
    const auto res = http.Post("/api/join", nlohmann::json{{"code", phones.room_code}}.dump(),
                               "application/json");
    return res && res->status == 200;
}

void walk_every_screen(const Window& window) {
    Walk w(window);
    ui::Screen& s = w.screen();
    REQUIRE(s.id == ui::ScreenId::Welcome);
    w.look("welcome");
    ui::Intent nameless = intent(IntentKind::CreateLearner);
    w.apply(nameless);
    w.look("welcome: a profile without a name");
    ui::Intent learner = intent(IntentKind::CreateLearner);
    learner.learner.name = "Sam";
    learner.learner.profession = "Nurse";
    w.apply(learner);
    REQUIRE(s.id == ui::ScreenId::Catalogue);
    REQUIRE_MESSAGE(s.catalogue.languages.size() >= 2, "the qps bundle has no language switch");
    w.look("catalogue with the language switch");
    // The line the player shows while the organisation's server cannot be
    // reached (records kept here, sent later), above any screen.
    records::Store::Delivery offline;
    offline.shared = true;
    offline.online = false;
    offline.queued = 3;
    s.connection = learning::offline_notice(offline);
    REQUIRE_FALSE(s.connection.empty());
    w.look("catalogue while the organisation's server cannot be reached");
    s.connection.clear();
    w.apply(intent(IntentKind::ToggleHelp));
    w.look("help over the catalogue");
    w.apply(intent(IntentKind::ToggleHelp));
    w.apply(intent(IntentKind::SwitchLearner));
    REQUIRE(s.id == ui::ScreenId::Welcome);
    w.look("welcome with a learner listed");
    w.apply(intent(IntentKind::SelectLearner, w.store->learners().front().id));

    w.apply(intent(IntentKind::OpenCourse, "hotel"));
    REQUIRE(s.id == ui::ScreenId::CourseMap);
    w.look("course map");
    // A scenario left after its first choice, resumed.
    const std::vector<std::string> required = [&] {
        std::vector<std::string> ids;
        for (const ui::ScenarioItem& item : s.course.scenarios) {
            if (item.required) {
                ids.push_back(item.id);
            }
        }
        return ids;
    }();
    REQUIRE(required.size() >= 2);
    w.apply(intent(IntentKind::StartScenario, required.front()));
    w.apply(intent(IntentKind::Begin));
    REQUIRE(s.scenario.kind == ui::NodeKind::Decision);
    s.scenario.reading = 0.4f; // paced play: the choices wait, with a cue
    w.look("decision while its reading time runs (paced play)");
    s.scenario.reading = 1.0f;
    w.apply(intent(IntentKind::ToggleHelp));
    w.look("help over a scenario");
    w.apply(intent(IntentKind::ToggleHelp));
    {
        // The records cannot be written (another program holds the lock):
        // the learner is told, with Try again.
        WriteLock lock(w.dir / "records.db");
        w.apply(intent(IntentKind::Choose, s.scenario.choices.front().id));
        REQUIRE_FALSE(s.scenario.error.empty());
        w.look("decision: the choice could not be recorded");
    }
    w.apply(intent(IntentKind::Retry));
    REQUIRE(s.scenario.error.empty());
    w.apply(intent(IntentKind::Back));
    REQUIRE(s.id == ui::ScreenId::CourseMap);
    w.look("course map with a scenario to resume");
    w.apply(intent(IntentKind::ResumeScenario, required.front()));
    REQUIRE(s.id == ui::ScreenId::Scenario);
    w.look("scenario introduction, resuming");
    w.apply(intent(IntentKind::Back));

    // Every scenario of the course to its debrief; the last one completes it.
    for (const std::string& id : required) {
        w.play(id);
        w.apply(intent(IntentKind::Back));
    }
    for (const ui::ScenarioItem& item : s.course.scenarios) {
        if (!item.required) {
            w.play(item.id);
            w.apply(intent(IntentKind::Back));
        }
    }
    // The course's credit: the learner's word, then the certificate.
    REQUIRE(s.id == ui::ScreenId::CourseMap);
    REQUIRE(s.credit.attestation_offered);
    w.look("course map: the attestation offered");
    s.credit.attestation_ticked = true;
    w.look("course map: the attestation ticked");
    w.apply(intent(IntentKind::Attest));
    REQUIRE_FALSE(s.credit.issue_elsewhere.empty());
    w.look("course map: every rule met, no training provider here");
    credentials::init_provider(w.dir / "config",
                               {"Great Lakes Care Training", "MI-HT-0042", "training@example.org",
                                "Amara Lindqvist", "Director"},
                               false, records::now_ms());
    w.apply(intent(IntentKind::Back));
    w.apply(intent(IntentKind::OpenCourse, "hotel"));
    REQUIRE(s.credit.issue_offered);
    w.look("course map: the certificate offered");
    w.apply(intent(IntentKind::IssueCertificate));
    REQUIRE(s.credit.certificate.has_value());
    REQUIRE(s.credit.issued_now);
    w.look("course map: the certificate issued");
    w.apply(intent(IntentKind::StartScenario, required.front()));
    w.apply(intent(IntentKind::Begin));
    for (int guard = 0; guard < 200 && s.id == ui::ScreenId::Scenario; ++guard) {
        if (s.scenario.stage == ui::Stage::Node && s.scenario.kind == ui::NodeKind::Decision) {
            w.apply(intent(IntentKind::Choose, s.scenario.choices.front().id));
        } else if (s.scenario.stage == ui::Stage::Node && s.scenario.kind == ui::NodeKind::Check) {
            ui::Intent a = intent(IntentKind::Answer);
            a.ids = {s.scenario.options.front().id};
            w.apply(a);
        } else {
            w.apply(intent(IntentKind::Continue));
        }
    }
    REQUIRE(s.id == ui::ScreenId::Debrief);
    w.look("debrief with the certificate issued before");
    w.apply(intent(IntentKind::Back));

    // A classroom session, hands only, through every stage to its report.
    w.apply(intent(IntentKind::ClassroomSetup, required.front()));
    REQUIRE(s.id == ui::ScreenId::ClassroomSetup);
    w.look("classroom setup");
    ui::Intent start = intent(IntentKind::StartClassroom);
    w.apply(start);
    w.look("classroom setup: a session without a name");
    start.classroom = {"Huddle", "Dana", 12, false};
    w.apply(start);
    REQUIRE(s.id == ui::ScreenId::Classroom);
    REQUIRE(w.player.facilitation() != nullptr);
    w.look_classroom("situation");
    w.apply(step(ui::ClassroomStep::Lock)); // refused: voting is not open
    REQUIRE_FALSE(s.classroom.error.empty());
    w.look("classroom presenter: a refused step");
    w.apply(step(ui::ClassroomStep::Leave));
    w.look("classroom presenter: leaving asked");
    w.apply(step(ui::ClassroomStep::LeaveCancel));
    for (int guard = 0; guard < 300 && !w.player.facilitation()->finished(); ++guard) {
        const classroom::Stage stage = w.player.facilitation()->stage();
        w.look_classroom(classroom::stage_name(stage));
        if (stage == classroom::Stage::Voting) {
            const auto n = static_cast<int>(s.classroom.presenter.choices.size());
            for (int i = 0; i < n; ++i) {
                for (int v = 0; v <= i; ++v) { // i + 1 votes: the last choice has the most
                    w.apply(step(ui::ClassroomStep::VoteUp, i));
                }
            }
            w.look_classroom("voting with votes");
        }
        w.apply(step(ui::ClassroomStep::Forward));
    }
    REQUIRE(w.player.facilitation()->finished());
    REQUIRE_FALSE(s.classroom.report_csv.empty());
    w.look_classroom("finished, the report saved");
    w.apply(step(ui::ClassroomStep::Leave));
    w.apply(step(ui::ClassroomStep::LeaveConfirm));
    REQUIRE(s.id == ui::ScreenId::CourseMap);

    // Phone voting: the setup's switch, the join code, a phone in the room.
    w.apply(intent(IntentKind::ClassroomSetup, required.back()));
    s.classroom_setup.form.phones = true;
    w.look("classroom setup with phone voting");
    start.classroom = {"Huddle", "", 0, true};
    w.apply(start);
    REQUIRE(s.id == ui::ScreenId::Classroom);
    REQUIRE(s.classroom.phones.on);
    w.look_classroom("phones: the join code");
    REQUIRE(join_phone(s.classroom.phones));
    w.player.tick();
    w.look_classroom("phones: one phone in the room");
    w.apply(step(ui::ClassroomStep::OpenVoting));
    w.look_classroom("phones: voting");
    w.apply(step(ui::ClassroomStep::HideJoinCode));
    w.apply(step(ui::ClassroomStep::LockLobby));
    w.look_classroom("phones: lobby locked, code hidden");
    w.apply(step(ui::ClassroomStep::Lock));
    w.apply(step(ui::ClassroomStep::Reveal));
    w.look_classroom("phones: revealed");
    w.apply(step(ui::ClassroomStep::Leave));
    w.apply(step(ui::ClassroomStep::LeaveConfirm));

    std::cout << w.report();
    CHECK_MESSAGE(w.problems.empty(), w.problems.size()
                                          << " problems in " << std::string(window.name) << ":\n"
                                          << w.found());
    // Known gaps (tests/ui/pseudo_pending.txt) are listed, and one no screen
    // shows any more is stale: delete its line.
    for (const std::string& phrase : checker().pending()) {
        const auto met = std::count(w.pending_met.begin(), w.pending_met.end(), phrase);
        std::cout << "  pending, shown " << met << " times: " << phrase << "\n";
        CHECK_MESSAGE(met > 0, "tests/ui/pseudo_pending.txt: no screen shows '"
                                   << phrase << "' any more: delete its line");
    }
}

ui::DrawnText drawn(std::string text, ImVec2 min = {10, 10}, ImVec2 max = {400, 30}) {
    ui::DrawnText d;
    d.text = std::move(text);
    d.min = min;
    d.max = max;
    return d;
}

std::vector<std::string> kinds(const std::vector<pseudo::Problem>& problems) {
    std::vector<std::string> out;
    for (const pseudo::Problem& p : problems) {
        out.push_back(p.kind);
    }
    return out;
}

const std::vector<VisibleWindow> kScreen = {{"Sightline", {0, 0}, {1024, 640}, 0}};

} // namespace

TEST_CASE("pseudo-locale qps, every desktop screen at 1280x800: no untranslated or cut-off text") {
    walk_every_screen({"1280x800", {1280, 800}, 100, ui::Theme::Light});
}

TEST_CASE("pseudo-locale qps, every desktop screen in a narrow 1024x640 window, dark") {
    walk_every_screen({"1024x640 dark", {1024, 640}, 100, ui::Theme::Dark});
}

TEST_CASE("pseudo-locale qps, every desktop screen at 200% text in 1280x800") {
    walk_every_screen({"1280x800 at 200%", {1280, 800}, 200, ui::Theme::Light});
}

// The checker on made-up text (as tests/pseudo/check_pseudo_selftest.py does
// for the text player): each rule fails what it should and passes the rest.
TEST_CASE("pseudo check: English a view draws without tr() is untranslated") {
    const pseudo::Checker& c = checker();
    CHECK(c.untranslated_runs("[Ŝţàŕţ óṽéŕ íñšţéàđ ~~~~~]").empty());
    CHECK(c.untranslated_runs("Start over instead") ==
          std::vector<std::string>{"Start over instead"});
    // Pseudo text around English: the English run is still found, punctuation stripped.
    CHECK(c.untranslated_runs("[Ĉóñţíñúé ~~] (Try again!)") ==
          std::vector<std::string>{"(Try again!)"});
    // Names that stay English (tests/pseudo/allow.txt) and short or single words pass.
    CHECK(c.untranslated_runs("Sightline \u00B7 Sam").empty());
    // As in check_pseudo.py a word of one or two letters ends a run: "Welcome
    // to Sightline" alone would slip through (no screen shows only that).
    CHECK(c.untranslated_runs("Welcome to Sightline").empty());
    CHECK(c.untranslated_runs("OK").empty());
    CHECK(c.untranslated_runs("A+ 100% A\u2212").empty());
    CHECK(c.untranslated_runs("PDF: /tmp/work/certificates/certificate-ABCD.pdf").empty());
    // A paragraph break ends a run; a line break does not.
    CHECK(c.untranslated_runs("[Ţŕý ~] Continue\n\nplaying [ŕ ~]").empty());
    CHECK(c.untranslated_runs("Continue\nplaying").size() == 1);
    // Inner apostrophes and hyphens keep a word English; digits do not.
    CHECK(c.untranslated_runs("don't self-report").size() == 1);
    CHECK(c.untranslated_runs("room-214 hotel.room-214").empty());

    const std::vector<pseudo::Problem> found =
        c.check({drawn("[Ćóñţíñúé ~~]"), drawn("Start over instead")}, kScreen);
    REQUIRE(found.size() == 1);
    CHECK(found[0].kind == "untranslated");
    CHECK(found[0].text == "Start over instead");
}

TEST_CASE("pseudo check: a pseudo string cut before its closing bracket is truncated") {
    const pseudo::Checker& c = checker();
    CHECK(c.cut_pseudo_string("[Ŝţàŕţ óṽéŕ íñšţéàđ ~~~~~]").empty());
    CHECK_FALSE(c.cut_pseudo_string("[Ŝţàŕţ óṽéŕ íñšţ").empty());
    CHECK_FALSE(c.cut_pseudo_string("[Ŝţàŕţ ~~~").empty());
    CHECK_FALSE(c.cut_pseudo_string("óṽéŕ ~~~~~]").empty()); // the start is missing
    // Across lines of one paragraph the string may wrap; a blank line ends it.
    CHECK(c.cut_pseudo_string("[Ŝţàŕţ\nóṽéŕ ~~]").empty());
    CHECK_FALSE(c.cut_pseudo_string("[Ŝţàŕţ\n\nóṽéŕ ~~]").empty());
    // Brackets that are not pseudo strings: a list, a key.
    CHECK(c.cut_pseudo_string("[1] [ and ]").empty());
    // Shortened on purpose, with an ellipsis before the padding was reached.
    CHECK(c.cut_pseudo_string("1. [Íţ íš 11 p.m. Ýóú àŕé ţĥé...").empty());
    CHECK(c.cut_pseudo_string("1. [Íţ íš 11 p.m...\u2192 [Éxţéñđ ~~] ([màjóŕíţý~~~])").empty());
    CHECK_FALSE(c.cut_pseudo_string("1. [Íţ íš 11 p.m. ~~~...").empty()); // padding, then dots
    // A sentence taken out of a pseudo string is no cut when passed as an excerpt.
    const std::string sentence = "Çàĺĺ 911 íf à çĥíĺđ íš íñ đàñĝéŕ.~~~~ ~~~~~~~~~~]";
    CHECK(kinds(c.check({drawn(sentence)}, kScreen)) == std::vector<std::string>{"truncated"});
    CHECK(c.check({drawn(sentence)}, kScreen, {sentence}).empty());
    CHECK(kinds(c.check({drawn("[Ŝţàŕţ óṽéŕ íñš")}, kScreen)) ==
          std::vector<std::string>{"truncated"});
}

TEST_CASE("pseudo check: a pending phrase is let through and counted") {
    const pseudo::Checker c(U"\u00E0\u00E9", {"Sightline"}, {"no provider configured"});
    std::vector<std::string> met;
    CHECK(c.untranslated_runs("[ĥ ~] no provider configured in /x", &met).empty());
    CHECK(met == std::vector<std::string>{"no provider configured"});
    CHECK(c.untranslated_runs("no provider here", &met).size() == 1);
    CHECK(met.size() == 1);
}

TEST_CASE("pseudo check: text past the window's right edge is off the edge") {
    const pseudo::Checker& c = checker();
    const std::vector<VisibleWindow> windows = {
        {"Sightline", {0, 0}, {1024, 640}, 0},
        {"Sightline/##content", {0, 60}, {1010, 640}, 1}, // its scrollbar takes 14 px
    };
    CHECK(c.check({drawn("[Ŝţàŕţ ~]", {20, 100}, {1005, 120})}, windows).empty());
    // Past the content's scrollbar edge, though inside the main window.
    CHECK(kinds(c.check({drawn("[Ŝţàŕţ ~]", {20, 100}, {1016, 120})}, windows)) ==
          std::vector<std::string>{"off the edge"});
    // Scrolled below the content's visible rect: still judged by the content's edge.
    CHECK(kinds(c.check({drawn("[Ŝţàŕţ ~]", {20, 900}, {1016, 920})}, windows)) ==
          std::vector<std::string>{"off the edge"});
    CHECK(c.check({drawn("[Ŝţàŕţ ~]", {20, 900}, {1000, 920})}, windows).empty());
    // Left of every window.
    CHECK(kinds(c.check({drawn("[Ŝţàŕţ ~]", {-40, 100}, {100, 120})}, windows)) ==
          std::vector<std::string>{"off the edge"});
}

TEST_CASE("pseudo check: text clipped inside its item is squeezed") {
    Headless ui({1024, 640}, ui::Theme::Light, 100, pseudo_glyphs());
    ui::DrawnText chip = drawn("\u25CF [Ŝéţ ţĥé ŕóóţ ~]", {20, 100}, {60, 120});
    chip.font = ui.context().fonts.body;
    CHECK(kinds(checker().check({chip}, kScreen)) == std::vector<std::string>{"squeezed"});
    chip.max.x = 400; // wide enough for one line
    CHECK(checker().check({chip}, kScreen).empty());
}

// The checks on real frames: the same screens drawn in English (no catalogue
// bound) are untranslated, and a window too narrow for the top bar's buttons
// runs text off its edge.
TEST_CASE("pseudo check: the desktop screens in English fail it, so do buttons in a tiny window") {
    const pseudo::Checker& c = checker();
    i18n::set_language("en"); // no catalogue: English
    ui::Screen s;
    s.id = ui::ScreenId::Welcome;
    {
        Headless ui({1024, 640});
        ui.frames(s, 2);
        const std::vector<pseudo::Problem> found = c.check(ui.drawn(), ui.windows());
        bool welcome = false;
        for (const pseudo::Problem& p : found) {
            welcome =
                welcome || (p.kind == "untranslated" && p.text == "Create your learner profile");
        }
        CHECK_MESSAGE(welcome, ui.dump());
        REQUIRE_FALSE(ui.windows().empty());
        CHECK(ui.windows().front().max.x <= 1024);
    }
    {
        s.learner_name = "Sam";
        s.id = ui::ScreenId::Catalogue;
        Headless ui({150, 400});
        ui.frames(s, 2);
        bool off = false;
        for (const pseudo::Problem& p : c.check(ui.drawn(), ui.windows())) {
            off = off || p.kind == "off the edge";
        }
        CHECK_MESSAGE(off, ui.dump());
    }
}

} // namespace sightline::test
