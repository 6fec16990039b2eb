// The views, headless: what each screen draws, and the intents that keys and
// clicks give back.
#include "headless.hpp"
#include "ui/theme.hpp"

#include <doctest/doctest.h>

#include <algorithm>

namespace sightline::test {

namespace {

using ui::IntentKind;

ui::Screen catalogue_screen() {
    ui::Screen s;
    s.id = ui::ScreenId::Catalogue;
    s.learner_name = "Sam Rivera";
    s.catalogue.groups = {
        {"Hotel and motel staff",
         {{"hotel", "Hotel staff: seeing the pattern", "Three shifts.", 3, 3, 1, std::nullopt,
           ui::Progress::InProgress}}},
        {"Truck drivers",
         {{"trucking", "Truck drivers: the lot at night", "Three stops.", 3, 3, 0, std::nullopt,
           ui::Progress::NotStarted}}},
    };
    return s;
}

ui::Screen decision_screen() {
    ui::Screen s;
    s.id = ui::ScreenId::Scenario;
    ui::ScenarioState& sc = s.scenario;
    sc.id = "hotel.room-214";
    sc.title = "Room 214, third extension";
    sc.stage = ui::Stage::Node;
    sc.kind = ui::NodeKind::Decision;
    sc.lines = {{"", "It is 11 p.m. You are the night auditor."},
                {"Guest", "She's my daughter. Long flight."}};
    sc.choices = {{"log", "Extend the room and write a note.", true},
                  {"police-now", "Call the police now.", true},
                  {"locked", "Open the door yourself.", false}};
    return s;
}

ui::Screen check_screen(bool multi) {
    ui::Screen s = decision_screen();
    s.scenario.kind = ui::NodeKind::Check;
    s.scenario.choices.clear();
    s.scenario.multi = multi;
    s.scenario.prompt = "Which of these are signs?";
    s.scenario.options = {
        {"a", "Cash, night by night"}, {"b", "A late check-in"}, {"c", "ID held by another"}};
    return s;
}

ui::Screen debrief_screen() {
    ui::Screen s;
    s.id = ui::ScreenId::Debrief;
    ui::DebriefState& d = s.debrief;
    d.scenario_id = "hotel.room-214";
    d.title = "Room 214, third extension";
    d.outcome = "Reported safely";
    d.text = {"You linked the signs into a pattern."};
    d.percent = 86;
    d.passing_score = 80;
    d.passed = true;
    d.scores = {{"Recognition", 9, -2, 11, 85}, {"Safe response", 5, -4, 6, 90}};
    d.noticed = {{"Cash paid night by night", "Paying in cash, one night at a time."}};
    d.missed = {{"A watcher in the hall", "Someone keeps watch near the room."}};
    d.decisions = {{"Extend the room and write a note.", "Best response", 0},
                   {"Ask her if he is her father.", "Harmful", 3}};
    d.checks = {{"Which of these are signs?", false}};
    d.response = "Do not knock or confront. Tell the manager on duty.";
    d.report = "National Human Trafficking Hotline: call 1-888-373-7888 or text 233733.";
    return s;
}

bool colour_equal(const ImVec4& a, const ImVec4& b) {
    return a.x == b.x && a.y == b.y && a.z == b.z;
}

} // namespace

TEST_CASE("every screen has the help button and the text size and theme controls") {
    Headless ui;
    for (const ui::ScreenId id :
         {ui::ScreenId::Welcome, ui::ScreenId::Catalogue, ui::ScreenId::CourseMap,
          ui::ScreenId::Scenario, ui::ScreenId::Debrief}) {
        ui::Screen s = id == ui::ScreenId::Debrief ? debrief_screen() : decision_screen();
        s.id = id;
        ui.frames(s, 2);
        CHECK_MESSAGE(ui.shows("Get help / report"), ui.dump());
        CHECK(ui.shows("100%"));
        CHECK(ui.shows("Theme: Light"));
    }
}

TEST_CASE("the help button and F1 open help with the bundle's hotline, Esc closes it") {
    Headless ui;
    ui::Screen s = catalogue_screen();
    s.help.hotlines = {"National Human Trafficking Hotline: call 1-888-373-7888 or text 233733."};
    s.help.emergency = {"Call 911 if someone is in danger right now."};
    ui.frames(s, 2);
    ui::Intent i = ui.click(s, "Get help / report");
    CHECK(i.kind == IntentKind::ToggleHelp);
    CHECK(ui.press(s, "f1").kind == IntentKind::ToggleHelp);

    s.help.open = true;
    ui.frames(s, 2);
    CHECK(ui.shows("1-888-373-7888"));
    CHECK(ui.shows("Call 911 if someone is in danger right now."));
    CHECK_FALSE(ui.shows("Courses")); // help replaces the screen's content
    CHECK(ui.press(s, "escape").kind == IntentKind::ToggleHelp);
}

TEST_CASE("welcome: where records are kept, the learners by number, and the new-learner form") {
    Headless ui;
    ui::Screen s;
    s.welcome.records_location =
        "Your records are kept on this computer in ~/.local/share/sightline/records.db.";
    s.welcome.learners = {{"id-1", "Ana", "Registered nurse"}, {"id-2", "Sam", ""}};
    ui.frames(s, 2);
    CHECK(ui.shows("~/.local/share/sightline/records.db"));
    CHECK(ui.shows("Who is training?"));
    CHECK(ui.shows("Licence number (optional)"));

    ui::Intent i = ui.press(s, "2");
    CHECK(i.kind == IntentKind::SelectLearner);
    CHECK(i.id == "id-2");
    i = ui.click(s, "Ana");
    CHECK(i.kind == IntentKind::SelectLearner);
    CHECK(i.id == "id-1");

    s.welcome.form.name = "Lee";
    i = ui.click(s, "Create profile and continue");
    CHECK(i.kind == IntentKind::CreateLearner);
    CHECK(i.learner.name == "Lee");
    CHECK(ui.press(s, "escape").kind == IntentKind::None); // nowhere to go back to
}

TEST_CASE(
    "welcome: hire date, job role and site go with a new profile, with roles from the rules") {
    Headless ui;
    ui::Screen s;
    ui.frames(s, 2);
    CHECK(ui.shows("Hire date (optional)"));
    CHECK(ui.shows("Site (optional)"));
    CHECK_FALSE(ui.shows("Job role (optional)")); // no rules name any role

    s.welcome.job_roles = {"hotel", "hotel/front-desk"};
    ui.frames(s, 2);
    CHECK(ui.shows("Job role (optional)"));
    s.welcome.form = {"Lee", "", "", "", "2026-03-01", "hotel/front-desk", "Austin downtown"};
    ui.frames(s, 2);
    // Three to a row: the form and its button fit in the window.
    const ui::DrawnText* hired = ui.find("Hire date (optional)");
    const ui::DrawnText* site = ui.find("Site (optional)");
    REQUIRE(hired != nullptr);
    REQUIRE(site != nullptr);
    CHECK(hired->min.y == doctest::Approx(site->min.y));
    const ui::Intent i = ui.click(s, "Create profile and continue");
    REQUIRE(i.kind == IntentKind::CreateLearner);
    CHECK(i.learner.hire_date == "2026-03-01");
    CHECK(i.learner.job_role == "hotel/front-desk");
    CHECK(i.learner.site == "Austin downtown");
}

TEST_CASE("the offline line shows above the screen's content, and goes when back online") {
    Headless ui;
    ui::Screen s;
    s.connection = "Offline: your organisation's server cannot be reached.";
    ui.frames(s, 2);
    CHECK(ui.shows("Offline: your organisation's server cannot be reached."));
    s.connection.clear();
    ui.frames(s, 2);
    CHECK_FALSE(ui.shows("Offline:"));
}

TEST_CASE("catalogue: courses grouped by role with progress, numbers open them") {
    Headless ui;
    ui::Screen s = catalogue_screen();
    ui.frames(s, 2);
    const ui::DrawnText* hotel = ui.find("Hotel and motel staff");
    const ui::DrawnText* trucks = ui.find("Truck drivers");
    REQUIRE(hotel != nullptr);
    REQUIRE(trucks != nullptr);
    CHECK(hotel->min.y < trucks->min.y);
    CHECK(ui.shows("In progress \u00B7 1 of 3 required scenarios done"));
    CHECK(ui.shows("Not started"));

    ui::Intent i = ui.press(s, "2");
    CHECK(i.kind == IntentKind::OpenCourse);
    CHECK(i.id == "trucking");
    i = ui.click(s, "Hotel staff: seeing the pattern");
    CHECK(i.id == "hotel");
    CHECK(ui.press(s, "escape").kind == IntentKind::Back);
}

TEST_CASE("course map: status, minutes and resume") {
    Headless ui;
    ui::Screen s;
    s.id = ui::ScreenId::CourseMap;
    s.course.title = "Hotel staff";
    s.course.passing_score = 80;
    s.course.credit_minutes = 41;
    s.course.scenarios = {
        {"hotel.a", "Room 214", 15, true, ui::Progress::Completed, 90, false},
        {"hotel.b", "Conference", 12, true, ui::Progress::InProgress, std::nullopt, true},
        {"hotel.c", "Laundry", 14, false, ui::Progress::NotStarted, std::nullopt, false},
    };
    ui.frames(s, 2);
    CHECK(ui.shows("About 15 minutes \u00B7 required"));
    CHECK(ui.shows("About 14 minutes \u00B7 optional"));
    CHECK(ui.shows("Completed \u00B7 best score 90%"));
    CHECK(ui.shows("you can carry on where you stopped"));

    ui::Intent i = ui.press(s, "2");
    CHECK(i.kind == IntentKind::ResumeScenario);
    CHECK(i.id == "hotel.b");
    i = ui.press(s, "3");
    CHECK(i.kind == IntentKind::StartScenario);
    CHECK(i.id == "hotel.c");
    i = ui.click(s, "Start over instead");
    CHECK(i.kind == IntentKind::StartScenario);
    CHECK(i.id == "hotel.b");
}

TEST_CASE("scenario intro: the content note comes first, before any story, Enter begins") {
    Headless ui;
    ui::Screen s = decision_screen();
    s.scenario.stage = ui::Stage::Intro;
    s.scenario.content_note = "A young woman may be sold for sex. Nothing sexual is shown.";
    s.scenario.objectives = {"Link signs into a pattern."};
    s.scenario.minutes = 15;
    ui.frames(s, 2);
    CHECK(ui.shows("Content note"));
    CHECK(ui.shows("Nothing sexual is shown."));
    CHECK(ui.shows("About 15 minutes"));
    CHECK_FALSE(ui.shows("night auditor"));
    CHECK_FALSE(ui.shows("Extend the room"));
    CHECK(ui.press(s, "enter").kind == IntentKind::Begin);
    CHECK(ui.press(s, "escape").kind == IntentKind::Back);
}

TEST_CASE("scenario: story with the speaker styled, numbered choices, 1-9 choose") {
    Headless ui;
    ui::Screen s = decision_screen();
    ui.frames(s, 2);
    const ui::DrawnText* speaker = ui.find("Guest");
    REQUIRE(speaker != nullptr);
    CHECK(colour_equal(speaker->colour, ui::palette(ui::Theme::Light).speaker));
    CHECK(speaker->font == ui.context().fonts.bold);
    CHECK(ui.shows("She's my daughter."));
    // Numbered badges, then the choice text, in a large button.
    const ui::DrawnText* first = ui.find("Extend the room");
    REQUIRE(first != nullptr);
    CHECK(first->max.y - first->min.y >= 2.0f * ui.context().fonts.body->FontSize);
    CHECK(ui.shows("Not available now"));

    ui::Intent i = ui.press(s, "1");
    CHECK(i.kind == IntentKind::Choose);
    CHECK(i.id == "log");
    CHECK(ui.press(s, "2").id == "police-now");
    CHECK(ui.press(s, "3").kind == IntentKind::None); // disabled
    CHECK(ui.press(s, "4").kind == IntentKind::None); // no such choice
    CHECK(ui.press(s, "enter").kind == IntentKind::None);
    i = ui.click(s, "Call the police now.");
    CHECK(i.kind == IntentKind::Choose);
    CHECK(i.id == "police-now");
    CHECK(ui.click(s, "Open the door yourself.").kind == IntentKind::None);
}

TEST_CASE("scenario: arrows move the keyboard focus and Space takes the focused choice") {
    Headless ui;
    ui::Screen s = decision_screen();
    ui.frames(s, 2);
    ui::Intent got;
    for (int i = 0; i < 12 && !got; ++i) {
        ui.press(s, "down");
        got = ui.press(s, "space");
    }
    CHECK(got.kind == IntentKind::Choose);
}

TEST_CASE("feedback card: the tier as a word, an icon and a colour, and indicator chips") {
    Headless ui;
    ui::Screen s = decision_screen();
    s.scenario.stage = ui::Stage::ChoiceFeedback;
    s.scenario.choice_feedback =
        ui::ChoiceFeedback{"Extend the room and write a note.",
                           "Best response",
                           0,
                           "Good. One moment is not enough.",
                           {{"Recognition", 2}, {"Safe response", -1}},
                           {{"Cash paid night by night", ""}, {"ID held by someone else", ""}},
                           {}};
    ui.frames(s, 2);
    const ui::DrawnText* tier = ui.find("Best response");
    REQUIRE(tier != nullptr);
    CHECK(tier->text == "\u2714 Best response");
    CHECK(colour_equal(tier->colour, ui::palette(ui::Theme::Light).tiers[0]));
    CHECK(ui.shows("Recognition +2 \u00B7 Safe response \u22121"));
    CHECK(ui.shows("Signs you noticed"));
    const ui::DrawnText* chip = ui.find("Cash paid night by night");
    REQUIRE(chip != nullptr);
    CHECK(colour_equal(chip->colour, ui::palette(ui::Theme::Light).chip_text));
    CHECK(ui.press(s, "enter").kind == IntentKind::Continue);

    s.scenario.choice_feedback->look = 3;
    s.scenario.choice_feedback->tier_name = "Harmful";
    ui.frames(s, 1);
    const ui::DrawnText* harmful = ui.find("Harmful");
    REQUIRE(harmful != nullptr);
    CHECK(harmful->text == "\u2716 Harmful");
    CHECK(colour_equal(harmful->colour, ui::palette(ui::Theme::Light).tiers[3]));
}

TEST_CASE("knowledge check, single select: a number picks, another replaces it, Enter submits") {
    Headless ui;
    ui::Screen s = check_screen(false);
    ui.frames(s, 2);
    CHECK(ui.shows("Pick one answer"));
    CHECK(ui.press(s, "enter").kind == IntentKind::None); // nothing picked yet
    ui.press(s, "1");
    ui.press(s, "3");
    CHECK(s.scenario.picked == std::vector<bool>{false, false, true});
    const ui::Intent i = ui.press(s, "enter");
    CHECK(i.kind == IntentKind::Answer);
    CHECK(i.ids == std::vector<std::string>{"c"});
}

TEST_CASE("knowledge check, multi select: numbers and clicks toggle, the button submits") {
    Headless ui;
    ui::Screen s = check_screen(true);
    ui.frames(s, 2);
    CHECK(ui.shows("Pick every answer that applies"));
    ui.press(s, "1");
    ui.press(s, "2");
    ui.press(s, "2");
    ui.click(s, "ID held by another");
    CHECK(s.scenario.picked == std::vector<bool>{true, false, true});
    const ui::Intent i = ui.click(s, "Submit answer");
    CHECK(i.kind == IntentKind::Answer);
    CHECK(i.ids == std::vector<std::string>{"a", "c"});
}

TEST_CASE("check feedback shows each option's verdict, Enter continues") {
    Headless ui;
    ui::Screen s = check_screen(true);
    s.scenario.stage = ui::Stage::CheckFeedback;
    s.scenario.check_feedback = ui::CheckFeedback{false,
                                                  true,
                                                  {{"Cash, night by night", "Yes.", true, true},
                                                   {"A late check-in", "", false, false},
                                                   {"ID held by another", "It is.", true, false}},
                                                  {{"Recognition", 1}}};
    ui.frames(s, 2);
    CHECK(ui.shows("\u26A0 Partly correct"));
    CHECK(ui.shows("You picked this, rightly."));
    CHECK(ui.shows("You left this out, but it is right."));
    CHECK(ui.press(s, "enter").kind == IntentKind::Continue);
}

TEST_CASE("a choice that could not be recorded is said so, with Try again") {
    Headless ui;
    ui::Screen s = decision_screen();
    s.scenario.error = "records.db: the disk is full";
    ui.frames(s, 2);
    CHECK(ui.shows("could not be recorded"));
    CHECK(ui.shows("the disk is full"));
    CHECK_FALSE(ui.shows("What do you do?"));
    CHECK(ui.press(s, "enter").kind == IntentKind::Retry);
    CHECK(ui.click(s, "Try again (Enter)").kind == IntentKind::Retry);
}

TEST_CASE("debrief: score bars with percentages, signs with descriptions, tiers, where to report") {
    Headless ui({1280, 2400}); // tall enough to click the last button without scrolling
    ui::Screen s = debrief_screen();
    ui.frames(s, 2);
    for (const char* text :
         {"Reported safely", "85%", "90%", "Cash paid night by night",
          "Paying in cash, one night at a time.", "A watcher in the hall",
          "Someone keeps watch near the room.", "\u2714 Best response", "\u2716 Harmful",
          "Not fully correct", "The safe response", "Tell the manager on duty.", "Where to report",
          "1-888-373-7888", "pass mark 80%"}) {
        CHECK_MESSAGE(ui.shows(text), text << " is not drawn:\n" << ui.dump());
    }
    const ui::DrawnText* noticed = ui.find("Signs you noticed");
    const ui::DrawnText* missed = ui.find("Signs you missed");
    REQUIRE(noticed != nullptr);
    REQUIRE(missed != nullptr);
    CHECK(noticed->min.y < missed->min.y);
    CHECK(ui.press(s, "enter").kind == IntentKind::Back);
    const ui::Intent again = ui.click(s, "Play this scenario again");
    CHECK(again.kind == IntentKind::StartScenario);
    CHECK(again.id == "hotel.room-214");
}

TEST_CASE("Ctrl+= and Ctrl+- ask for larger and smaller text, Ctrl+0 resets") {
    Headless ui;
    ui::Screen s = decision_screen();
    ui.frames(s, 2);
    CHECK(ui.press(s, "ctrl+=").kind == IntentKind::ScaleUp);
    CHECK(ui.press(s, "ctrl+-").kind == IntentKind::ScaleDown);
    const ui::Intent reset = ui.press(s, "ctrl+0");
    CHECK(reset.kind == IntentKind::SetScale);
    CHECK(reset.scale == 100);
    CHECK(ui.press(s, "ctrl+1").kind == IntentKind::None); // not a choice
    CHECK(ui.click(s, "A+").kind == IntentKind::ScaleUp);
    const ui::Intent theme = ui.click(s, "Theme: Light");
    CHECK(theme.kind == IntentKind::SetTheme);
    CHECK(theme.theme == ui::Theme::Dark);
}

TEST_CASE("typing in the form does not trigger the number keys") {
    Headless ui;
    ui::Screen s;
    s.welcome.learners = {{"id-1", "Ana", ""}};
    ui.frames(s, 2);
    ui.click(s, "Name"); // the label; the field is just below
    const ui::DrawnText* label = ui.find("Name");
    REQUIRE(label != nullptr);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = {label->min.x + 10, label->max.y + ui.context().fonts.body->FontSize};
    ui.frame(s);
    io.MouseDown[0] = true;
    ui.frame(s);
    io.MouseDown[0] = false;
    ui.frame(s);
    REQUIRE(io.WantTextInput);
    CHECK(ui.press(s, "1").kind == IntentKind::None);
}

TEST_CASE("the layout stays inside the window from 800x600 to 4K, at 100% and 250%") {
    struct Case {
        ImVec2 size;
        int scale;
    };
    for (const Case c : {Case{{800, 600}, 100}, Case{{800, 600}, 250}, Case{{1280, 800}, 175},
                         Case{{3840, 2160}, 100}, Case{{3840, 2160}, 250}}) {
        CAPTURE(c.size.x);
        CAPTURE(c.scale);
        Headless ui(c.size, ui::Theme::Light, c.scale);
        for (ui::Screen s : {catalogue_screen(), decision_screen(), debrief_screen()}) {
            ui.frames(s, 3);
            REQUIRE(!ui.drawn().empty());
            for (const ui::DrawnText& d : ui.drawn()) {
                CHECK_MESSAGE(d.max.x <= c.size.x + 0.5f, d.text << " ends at " << d.max.x);
                CHECK(d.min.x >= 0.0f);
            }
            // The help button is always there ("Get help / report", or
            // "Help / report" where space is short), in the top third.
            const ui::DrawnText* help = ui.find("elp / report");
            REQUIRE(help != nullptr);
            CHECK(help->max.y <= c.size.y / 3);
        }
    }
}

TEST_CASE("themes: the views draw with the theme's palette") {
    for (const ui::Theme theme : ui::kThemes) {
        Headless ui({1280, 800}, theme);
        ui::Screen s = decision_screen();
        s.theme = theme;
        ui.frames(s, 2);
        const ui::DrawnText* story = ui.find("night auditor");
        REQUIRE(story != nullptr);
        CHECK(colour_equal(story->colour, ui::palette(theme).text));
        CHECK(ui.shows("Theme: " + std::string(ui::theme_label(theme))));
    }
}

TEST_CASE("feedback card: a confounder is weighed under its own heading, never a sign") {
    Headless ui;
    ui::Screen s = decision_screen();
    s.scenario.stage = ui::Stage::ChoiceFeedback;
    ui::ChoiceFeedback fb;
    fb.choice_text = "Ask for the welfare check.";
    fb.tier_name = "Best response";
    fb.feedback = "Right.";
    fb.noticed = {{"Do Not Disturb for days", ""}};
    fb.weighed = {{"A business guest who wants quiet", ""}};
    s.scenario.choice_feedback = fb;
    ui.frames(s, 2);
    const ui::DrawnText* signs = ui.find("A sign you noticed");
    const ui::DrawnText* weighed = ui.find("Weighed, but on their own not signs");
    REQUIRE(signs != nullptr);
    REQUIRE(weighed != nullptr);
    CHECK(signs->min.y < weighed->min.y);
    const ui::DrawnText* sign = ui.find("Do Not Disturb for days");
    const ui::DrawnText* look_alike = ui.find("A business guest who wants quiet");
    REQUIRE(sign != nullptr);
    REQUIRE(look_alike != nullptr);
    // Told apart by the heading and the mark, not by colour alone.
    CHECK(sign->text == "\u25CF Do Not Disturb for days");
    CHECK(look_alike->text == "\u25C7 A business guest who wants quiet");
    CHECK(look_alike->min.y > weighed->min.y);

    // Only look-alikes: no "sign you noticed" at all.
    s.scenario.choice_feedback->noticed.clear();
    ui.frames(s, 1);
    CHECK_FALSE(ui.shows("noticed"));
    CHECK(ui.shows("Weighed, but on their own not signs"));
}

TEST_CASE("debrief: look-alike details are a third list, after the signs") {
    Headless ui({1280, 2400});
    ui::Screen s = debrief_screen();
    ui.frames(s, 2);
    CHECK_FALSE(ui.shows("Details that can look like signs"));
    s.debrief.confounders = {{"Extra towels", "Families and swimmers ask for many towels."}};
    ui.frames(s, 2);
    const ui::DrawnText* missed = ui.find("Signs you missed");
    const ui::DrawnText* heading =
        ui.find("Details that can look like signs but on their own are not");
    const ui::DrawnText* towels = ui.find("Extra towels");
    REQUIRE(missed != nullptr);
    REQUIRE(heading != nullptr);
    REQUIRE(towels != nullptr);
    CHECK(missed->min.y < heading->min.y);
    CHECK(heading->min.y < towels->min.y);
    CHECK(ui.shows("Families and swimmers ask for many towels."));
}

namespace {

ui::Screen credit_screen() {
    ui::Screen s;
    s.id = ui::ScreenId::CourseMap;
    s.course.id = "hotel";
    s.course.title = "Hotel staff";
    s.course.scenarios = {{"hotel.a", "Room 214", 15, true, ui::Progress::Completed, 90, false}};
    ui::CreditState& c = s.credit;
    c.course_id = "hotel";
    c.course_title = "Hotel staff";
    c.rules = {{"3 of 3 required scenarios completed.", true},
               {"Score 86%; passing is 80%.", true},
               {"Time on task 12 of 41 minutes.", false},
               {"Your confirmation that you did this training yourself.", false}};
    return s;
}

} // namespace

TEST_CASE("course map: each completion rule as a word and an icon") {
    Headless ui({1280, 1600});
    ui::Screen s = credit_screen();
    ui.frames(s, 2);
    CHECK(ui.shows("Towards your certificate"));
    const ui::DrawnText* done = ui.find("3 of 3 required scenarios completed.");
    const ui::DrawnText* not_yet = ui.find("Time on task 12 of 41 minutes.");
    REQUIRE(done != nullptr);
    REQUIRE(not_yet != nullptr);
    CHECK(done->text == "\u2714 Done: 3 of 3 required scenarios completed.");
    CHECK(not_yet->text == "\u25CB Not yet: Time on task 12 of 41 minutes.");
    CHECK(ui.shows("Not yet: Your confirmation"));
    CHECK_FALSE(ui.shows("Issue certificate"));
    CHECK_FALSE(ui.shows("please confirm"));
}

TEST_CASE("the attestation needs the box ticked, then Confirm") {
    Headless ui({1280, 1600});
    ui::Screen s = credit_screen();
    s.credit.rules[2].met = true;
    s.credit.attestation_offered = true;
    s.credit.attestation_statement = "I completed this training myself.";
    ui.frames(s, 2);
    CHECK(ui.shows("I completed this training myself."));
    CHECK(ui.click(s, "Confirm").kind == IntentKind::None); // not ticked yet
    CHECK(ui.shows("Tick the box first."));
    CHECK(ui.click(s, "I confirm that this is true.").kind == IntentKind::None);
    CHECK(s.credit.attestation_ticked);
    ui.frames(s, 1);
    const ui::Intent i = ui.click(s, "Confirm");
    CHECK(i.kind == IntentKind::Attest);
    CHECK(i.id == "hotel");
    ui.click(s, "I confirm that this is true."); // untick
    CHECK_FALSE(s.credit.attestation_ticked);

    // The same panel follows a course scenario's debrief.
    ui::Screen d = debrief_screen();
    d.credit = s.credit;
    d.credit.attestation_ticked = true;
    ui.frames(d, 2);
    CHECK(ui.shows("Towards your certificate"));
    CHECK(ui.click(d, "Confirm").kind == IntentKind::Attest);
}

TEST_CASE("issuing: the button, the code and the PDF, or who issues it") {
    Headless ui({1280, 1600});
    ui::Screen s = credit_screen();
    for (ui::RuleLine& r : s.credit.rules) {
        r.met = true;
    }
    s.credit.issue_offered = true;
    ui.frames(s, 2);
    const ui::Intent i = ui.click(s, "Issue certificate");
    CHECK(i.kind == IntentKind::IssueCertificate);
    CHECK(i.id == "hotel");

    s.credit.issue_offered = false;
    s.credit.certificate =
        ui::CertificateInfo{"K7QM-4TXR", "/data/certificates/certificate-K7QM-4TXR.pdf",
                            "/data/certificates/certificate-K7QM-4TXR.json"};
    s.credit.issued_now = true;
    ui.frames(s, 2);
    CHECK(ui.shows("Your certificate is ready"));
    CHECK(ui.shows("Verification code: K7QM-4TXR"));
    CHECK(ui.shows("PDF: /data/certificates/certificate-K7QM-4TXR.pdf"));
    CHECK_FALSE(ui.shows("Issue certificate"));

    s.credit.certificate.reset();
    s.credit.issued_now = false;
    s.credit.issue_elsewhere = "You have met every rule. The certificate could not be issued here "
                               "yet: no provider configured. Your completion is recorded; an "
                               "administrator can issue it later with sightline cert issue.";
    ui.frames(s, 2);
    CHECK(ui.shows("sightline cert issue"));
    CHECK_FALSE(ui.shows("Issue certificate"));
}

TEST_CASE("paced play: a quiet cue while the reading time passes, the choices and keys wait") {
    Headless ui;
    ui::Screen s = decision_screen();
    s.scenario.reading = 0.4f;
    ui.frames(s, 2);
    CHECK(ui.shows("Take your time to read"));
    CHECK(ui.shows("Extend the room")); // the choices are there to read
    CHECK_FALSE(ui.shows("40%"));       // a cue, not a countdown: no figures on the bar
    CHECK(ui.press(s, "1").kind == IntentKind::None);
    CHECK(ui.click(s, "Call the police now.").kind == IntentKind::None);

    s.scenario.reading = 1.0f;
    ui.frames(s, 2);
    CHECK_FALSE(ui.shows("Take your time to read"));
    CHECK(ui.press(s, "1").kind == IntentKind::Choose);
}

} // namespace sightline::test
