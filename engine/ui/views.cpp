#include "ui/views.hpp"

#include "ui/views_frame.hpp"

namespace sightline::ui {

using namespace detail;

namespace {

// ---------------------------------------------------------------- top bar

void top_bar(Frame& f) {
    Screen& s = f.s;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float right = ImGui::GetWindowContentRegionMax().x;
    const std::string smaller = "A\u2212##smaller";
    const std::string larger = "A+##larger";
    const std::string scale = std::to_string(s.text_scale) + "%";
    const Theme next = kThemes[(static_cast<std::size_t>(s.theme) + 1) % kThemes.size()];
    const std::string theme_long = "Theme: " + std::string(theme_label(s.theme)) + "##theme";
    const std::string help_long =
        s.help.open ? "Close help##help" : "\u260E Get help / report##help";
    const std::string help_short = s.help.open ? "Close help##help" : "\u260E Help / report##help";
    const float scale_w = ImGui::CalcTextSize(scale.c_str()).x;
    const float help_long_w = f.button_width(help_long, f.ctx.fonts.bold);
    const float gap = style.ItemSpacing.x;
    const auto settings_w = [&](const std::string& theme) {
        return f.button_width(smaller) + scale_w + f.button_width(larger) + f.button_width(theme) +
               gap * 3;
    };
    const float title_w =
        f.ctx.fonts.heading->CalcTextSizeA(f.ctx.fonts.heading->FontSize, FLT_MAX, 0, "Sightline")
            .x;
    const std::string learner = s.learner_name.empty() ? "" : "\u00B7 " + s.learner_name;
    const float learner_w = learner.empty() ? 0 : ImGui::CalcTextSize(learner.c_str()).x + gap;
    const float start = ImGui::GetCursorPosX();
    // Wide windows: everything on one line. Narrow windows or large text: the
    // title and the help button first, the text size and theme on a second line.
    const bool one_line =
        start + title_w + learner_w + gap + settings_w(theme_long) + gap + help_long_w <= right;
    const std::string& help =
        one_line || start + title_w + gap + help_long_w <= right ? help_long : help_short;
    const float help_w = f.button_width(help, f.ctx.fonts.bold);
    const bool show_learner = one_line || start + title_w + learner_w + gap + help_w <= right;

    f.text("Sightline", f.p.heading, f.ctx.fonts.heading);
    if (show_learner && !learner.empty()) {
        ImGui::SameLine();
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() +
                             (f.ctx.fonts.heading->FontSize - f.em) * 0.5f);
        f.muted(learner);
    }
    const auto help_button = [&] {
        ImGui::PushStyleColor(ImGuiCol_Text, f.p.heading);
        ImGui::PushStyleColor(ImGuiCol_Border, f.p.heading);
        ImGui::PushFont(f.ctx.fonts.bold);
        if (f.button(help)) {
            f.set(IntentKind::ToggleHelp);
        }
        ImGui::PopFont();
        ImGui::PopStyleColor(2);
    };
    const auto settings = [&](const std::string& theme, const Frame& bar) {
        if (f.button(smaller)) {
            f.set(IntentKind::ScaleDown);
        }
        bar.next_to(scale_w);
        ImGui::AlignTextToFramePadding();
        f.body(scale);
        bar.next_to(f.button_width(larger));
        if (f.button(larger)) {
            f.set(IntentKind::ScaleUp);
        }
        bar.next_to(f.button_width(theme));
        if (f.button(theme)) {
            Intent i;
            i.kind = IntentKind::SetTheme;
            i.theme = next;
            f.set(std::move(i));
        }
    };
    Frame bar = f;
    bar.right = right;
    ImGui::SameLine();
    if (one_line) {
        ImGui::SameLine(right - settings_w(theme_long) - gap - help_w);
        settings(theme_long, bar);
        ImGui::SameLine();
        help_button();
    } else {
        if (ImGui::GetCursorPosX() + help_w <= right) {
            ImGui::SameLine(right - help_w);
        } else {
            ImGui::NewLine();
        }
        help_button();
        const std::string theme =
            start + settings_w(theme_long) <= right ? theme_long : std::string("Theme##theme");
        settings(theme, bar);
    }
    ImGui::Separator();
}

// ---------------------------------------------------------------- help

void help_panel(Frame& f) {
    const HelpState& h = f.s.help;
    f.title("Get help / report");
    f.body("You never have to confront anyone or find out more yourself. Notice, write down what "
           "you saw, and report through the right channel.");
    f.gap();
    {
        Card card(f, f.p.panel, f.p.tiers[3], 2.0f);
        f.bold("\u26A0 If someone is in danger right now", f.p.tiers[3]);
        if (h.emergency.empty()) {
            f.body("Call your local emergency number.");
        }
        for (const std::string& line : h.emergency) {
            f.bold(line, f.p.text);
        }
    }
    f.gap();
    {
        Card card(f, f.p.panel, f.p.border);
        f.bold("\u260E Report a possible case of trafficking", f.p.heading);
        if (h.hotlines.empty()) {
            f.body("Ask your supervisor which reporting channel your workplace uses.");
        }
        for (const std::string& line : h.hotlines) {
            f.bold(line, f.p.text);
        }
    }
    if (!h.scenario_report.empty()) {
        f.heading("Where to report, in \u201C" + h.scenario_title + "\u201D");
        f.body(h.scenario_report);
    }
    f.gap();
    if (f.primary("Close help (Esc)")) {
        f.set(IntentKind::ToggleHelp);
    }
}

// ---------------------------------------------------------------- welcome

void welcome(Frame& f) {
    WelcomeState& w = f.s.welcome;
    f.title("Welcome to Sightline");
    f.body("Practise noticing the possible signs of human trafficking at work, and responding "
           "safely: notice, record and report \u2014 never confront or rescue.");
    if (!w.records_location.empty()) {
        f.muted(w.records_location);
    }
    if (!w.learners.empty()) {
        f.heading("Who is training?");
        for (std::size_t i = 0; i < w.learners.size(); ++i) {
            const LearnerItem& l = w.learners[i];
            const std::string id = "##learner" + std::to_string(i);
            Frame::Tile t;
            t.id = id.c_str();
            t.number = static_cast<int>(i + 1);
            t.title = l.name;
            t.detail = l.detail;
            if (f.tile(t)) {
                f.set(IntentKind::SelectLearner, l.id);
            }
        }
    }
    f.heading(w.learners.empty() ? "Create your learner profile" : "Someone new?");
    f.muted("Only the name is required. A profession and licence help with certificates for "
            "continuing-education credit.");
    bool submit = false;
    const float field_w = std::min(f.width, f.em * 24);
    const auto field = [&](const char* label, const char* id, std::string& value) {
        f.body(label);
        ImGui::SetNextItemWidth(field_w);
        submit |= ImGui::InputText(id, &value, ImGuiInputTextFlags_EnterReturnsTrue);
    };
    field("Name", "##name", w.form.name);
    field("Profession (optional)", "##profession", w.form.profession);
    field("Licence number (optional)", "##licence", w.form.licence_number);
    field("Licence state (optional)", "##state", w.form.licence_state);
    if (!w.error.empty()) {
        f.bold("\u26A0 " + w.error, f.p.tiers[3]);
    }
    f.gap(0.3f);
    if (f.primary("Create profile and continue") || submit) {
        Intent i;
        i.kind = IntentKind::CreateLearner;
        i.learner = w.form;
        f.set(std::move(i));
    }
}

// ---------------------------------------------------------------- catalogue

std::vector<const CourseItem*> flat_courses(const CatalogueState& c) {
    std::vector<const CourseItem*> out;
    for (const RoleGroup& g : c.groups) {
        for (const CourseItem& course : g.courses) {
            out.push_back(&course);
        }
    }
    return out;
}

std::string course_status(const CourseItem& c) {
    std::string out = progress_word(c.progress);
    out += " \u00B7 " + std::to_string(c.required_completed) + " of " +
           std::to_string(c.required_total) + " required scenarios done";
    if (c.score_percent) {
        out += " \u00B7 score " + std::to_string(*c.score_percent) + "%";
    }
    return out;
}

ImVec4 progress_colour(const Palette& p, Progress progress) {
    return progress == Progress::Completed    ? p.tiers[0]
           : progress == Progress::InProgress ? p.heading
                                              : p.muted;
}

void catalogue(Frame& f) {
    f.title("Courses");
    f.body("Choose a course for your work. Your progress is saved after every decision, so you "
           "can stop at any time and carry on later.");
    int number = 0;
    for (std::size_t g = 0; g < f.s.catalogue.groups.size(); ++g) {
        const RoleGroup& group = f.s.catalogue.groups[g];
        f.heading(group.role);
        for (std::size_t i = 0; i < group.courses.size(); ++i) {
            const CourseItem& c = group.courses[i];
            ++number;
            const std::string id = "##course" + c.id;
            const std::string status = course_status(c);
            Frame::Tile t;
            t.id = id.c_str();
            t.number = number;
            t.title = c.title;
            t.detail = c.description;
            t.status = status;
            t.status_colour = progress_colour(f.p, c.progress);
            if (f.tile(t)) {
                f.set(IntentKind::OpenCourse, c.id);
            }
        }
    }
    f.gap();
    if (f.button("\u2190 Switch learner")) {
        f.set(IntentKind::SwitchLearner);
    }
}

// ---------------------------------------------------------------- course map

std::string scenario_status(const ScenarioItem& s) {
    std::string out = progress_word(s.progress);
    if (s.best_percent) {
        out += " \u00B7 best score " + std::to_string(*s.best_percent) + "%";
    }
    if (s.resumable) {
        out += " \u00B7 you can carry on where you stopped";
    }
    return out;
}

// Progress towards each completion rule (a word and an icon, never colour
// alone), then what comes next: the attestation, the certificate, or who
// issues it.
void credit_panel(Frame& f) {
    CreditState& c = f.s.credit;
    if (c.course_id.empty()) {
        return;
    }
    f.heading("Towards your certificate");
    for (const RuleLine& rule : c.rules) {
        f.text(std::string(rule.met ? "\u2714 Done: " : "\u25CB Not yet: ") + rule.text,
               rule.met ? f.p.tiers[0] : f.p.text);
    }
    if (c.certificate) {
        f.gap(0.3f);
        Card card(f, f.p.panel, f.p.tiers[0], 2.0f);
        f.bold(c.issued_now ? "\u2714 Your certificate is ready"
                            : "\u2714 Your certificate for this course has been issued",
               f.p.tiers[0]);
        f.body("Verification code: " + c.certificate->verification_code);
        if (!c.certificate->pdf.empty()) {
            f.body("PDF: " + c.certificate->pdf);
        }
        if (!c.certificate->json.empty()) {
            f.body("Signed credential: " + c.certificate->json);
        }
        if (c.certificate->pdf.empty()) {
            f.muted("An administrator can print it again with sightline cert reprint " +
                    c.certificate->verification_code + ".");
        }
    }
    if (c.attestation_offered) {
        f.gap(0.3f);
        Card card(f, f.p.panel, f.p.heading, 2.0f);
        f.bold("One last step: please confirm", f.p.heading);
        f.body("You have met every other rule. The certificate needs your word that:");
        f.body("\u201C" + c.attestation_statement + "\u201D");
        Frame::Tile t;
        t.id = "##attest";
        t.mark = c.attestation_ticked ? "\u2611" : "\u2610";
        t.title = "I confirm that this is true.";
        t.selected = c.attestation_ticked;
        t.bold_title = false;
        if (f.tile(t)) {
            c.attestation_ticked = !c.attestation_ticked;
        }
        f.gap(0.2f);
        if (!c.attestation_ticked) {
            ImGui::BeginDisabled();
        }
        if (f.primary("Confirm") && c.attestation_ticked) {
            f.set(IntentKind::Attest, c.course_id);
        }
        if (!c.attestation_ticked) {
            ImGui::EndDisabled();
            f.muted("Tick the box first. You can also decide later.");
        }
    }
    if (c.issue_offered) {
        f.gap(0.3f);
        f.body("You have met every rule for this course.");
        if (f.primary("Issue certificate")) {
            f.set(IntentKind::IssueCertificate, c.course_id);
        }
    }
    if (!c.issue_elsewhere.empty()) {
        f.gap(0.3f);
        Card card(f, f.p.panel, f.p.border);
        f.body(c.issue_elsewhere);
    }
    if (!c.error.empty()) {
        f.gap(0.3f);
        f.bold("\u26A0 " + c.error, f.p.tiers[3]);
    }
}

void course_map(Frame& f) {
    const CourseMapState& c = f.s.course;
    if (f.button("\u2190 All courses (Esc)")) {
        f.set(IntentKind::Back);
    }
    f.title(c.title);
    f.body(c.description);
    f.heading("Scenarios");
    for (std::size_t i = 0; i < c.scenarios.size(); ++i) {
        const ScenarioItem& s = c.scenarios[i];
        const std::string id = "##scenario" + s.id;
        const std::string detail = "About " + std::to_string(s.minutes) +
                                   (s.minutes == 1 ? " minute" : " minutes") +
                                   (s.required ? " \u00B7 required" : " \u00B7 optional");
        const std::string status = scenario_status(s);
        Frame::Tile t;
        t.id = id.c_str();
        t.number = static_cast<int>(i + 1);
        t.title = s.title;
        t.detail = detail;
        t.status = status;
        t.status_colour = progress_colour(f.p, s.progress);
        if (f.tile(t)) {
            f.set(s.resumable ? IntentKind::ResumeScenario : IntentKind::StartScenario, s.id);
        }
        ImGui::PushID(static_cast<int>(i));
        if (s.resumable) {
            if (f.button("Start over instead")) {
                f.set(IntentKind::StartScenario, s.id);
            }
            f.next_to(f.button_width("Run in classroom"));
        }
        if (f.button("Run in classroom")) {
            f.set(IntentKind::ClassroomSetup, s.id);
        }
        ImGui::PopID();
    }
    credit_panel(f);
}

// ---------------------------------------------------------------- scenario

} // namespace

void detail::story(Frame& f, const std::vector<Line>& lines, bool dimmed) {

    const ImVec4 ink = dimmed ? f.p.muted : f.p.text;
    for (const Line& line : lines) {
        if (line.speaker.empty()) {
            f.text(line.text, ink);
        } else {
            const ImVec2 start = ImGui::GetCursorScreenPos();
            const float bar = std::max(3.0f, f.em * 0.2f);
            const float indent = f.em * 0.9f;
            ImGui::Indent(indent);
            f.bold(line.speaker, f.p.speaker);
            f.text(line.text, ink);
            ImGui::Unindent(indent);
            ImGui::GetWindowDrawList()->AddRectFilled(
                start, {start.x + bar, ImGui::GetItemRectMax().y}, ImGui::GetColorU32(f.p.speaker));
        }
        f.gap(0.3f);
    }
}

namespace {

void record_error(Frame& f, const std::string& error) {
    Card card(f, f.p.panel, f.p.tiers[3], 2.0f);
    f.bold("\u26A0 Your answer could not be recorded", f.p.tiers[3]);
    f.body(error);
    f.body("Nothing has been lost and the story has not moved on. Try again, or go back to the "
           "course and carry on later.");
    if (f.primary("Try again (Enter)")) {
        f.set(IntentKind::Retry);
    }
    f.next_to(f.button_width("Back to the course (Esc)"));
    if (f.button("Back to the course (Esc)")) {
        f.set(IntentKind::Back);
    }
}

void intro(Frame& f) {
    const ScenarioState& s = f.s.scenario;
    f.muted(s.course_title);
    f.title(s.title);
    f.muted("About " + std::to_string(s.minutes) + (s.minutes == 1 ? " minute" : " minutes") +
            ". No timers: take as long as you need.");
    f.gap();
    {
        Card card(f, f.p.note, f.p.note_text);
        f.bold("Content note", f.p.note_text);
        f.text(s.content_note, f.p.note_text);
    }
    if (!s.objectives.empty()) {
        f.heading("In this scenario you practise how to:");
        for (const std::string& o : s.objectives) {
            ImGui::Bullet();
            ImGui::SameLine();
            f.body(o);
        }
    }
    f.gap();
    if (f.primary(s.resuming ? "Carry on where you stopped (Enter)" : "Begin (Enter)")) {
        f.set(IntentKind::Begin);
    }
    f.next_to(f.button_width("Back to the course (Esc)"));
    if (f.button("Back to the course (Esc)")) {
        f.set(IntentKind::Back);
    }
}

void decision(Frame& f) {
    ScenarioState& s = f.s.scenario;
    f.heading("What do you do?");
    for (std::size_t i = 0; i < s.choices.size(); ++i) {
        const ChoiceItem& c = s.choices[i];
        const std::string id = "##choice" + c.id;
        Frame::Tile t;
        t.id = id.c_str();
        t.number = static_cast<int>(i + 1);
        t.title = c.text;
        t.status = c.enabled ? std::string_view{} : std::string_view("Not available now");
        t.status_colour = f.p.muted;
        t.enabled = c.enabled;
        t.bold_title = false;
        if (f.tile(t)) {
            f.set(IntentKind::Choose, c.id);
        }
        if (i == 0) {
            ImGui::SetItemDefaultFocus();
        }
    }
    f.muted(s.choices.size() == 1
                ? "Press 1, or click the choice."
                : "Press 1 to " + std::to_string(s.choices.size()) + ", or click a choice.");
}

void check(Frame& f) {
    ScenarioState& s = f.s.scenario;
    s.picked.resize(s.options.size(), false);
    f.heading("Question");
    f.body(s.prompt);
    f.muted(s.multi ? "Pick every answer that applies, then submit."
                    : "Pick one answer, then submit.");
    for (std::size_t i = 0; i < s.options.size(); ++i) {
        const bool on = s.picked[i];
        const std::string id = "##option" + s.options[i].id;
        const std::string mark = s.multi ? (on ? "\u2611" : "\u2610") : (on ? "\u25CF" : "\u25CB");
        const std::string number = std::to_string(i + 1) + ". ";
        const std::string title = number + s.options[i].text;
        Frame::Tile t;
        t.id = id.c_str();
        t.mark = mark;
        t.title = title;
        t.selected = on;
        t.bold_title = false;
        if (f.tile(t)) {
            if (!s.multi) {
                std::fill(s.picked.begin(), s.picked.end(), false);
            }
            s.picked[i] = !on || !s.multi;
        }
    }
    const bool any = std::find(s.picked.begin(), s.picked.end(), true) != s.picked.end();
    f.gap(0.3f);
    if (!any) {
        ImGui::BeginDisabled();
    }
    if (f.primary("Submit answer (Enter)") && any) {
        Intent i;
        i.kind = IntentKind::Answer;
        for (std::size_t k = 0; k < s.options.size(); ++k) {
            if (s.picked[k]) {
                i.ids.push_back(s.options[k].id);
            }
        }
        f.set(std::move(i));
    }
    if (!any) {
        ImGui::EndDisabled();
    }
}

std::string score_text(const std::vector<ScoreLine>& scores) {
    std::string out;
    for (const ScoreLine& s : scores) {
        if (s.delta != 0) {
            out += (out.empty() ? "" : " \u00B7 ") + s.dimension + " " + signed_number(s.delta);
        }
    }
    return out;
}

void choice_feedback(Frame& f) {
    const ChoiceFeedback& fb = *f.s.scenario.choice_feedback;
    f.muted("You chose:");
    f.body("\u201C" + fb.choice_text + "\u201D");
    f.gap(0.3f);
    {
        const ImVec4 colour = f.p.tiers[static_cast<std::size_t>(std::clamp(fb.look, 0, 3))];
        Card card(f, f.p.panel, colour, 2.0f);
        f.tier(fb.look, fb.tier_name, f.ctx.fonts.heading);
        f.body(fb.feedback);
        const std::string scores = score_text(fb.scores);
        if (!scores.empty()) {
            f.muted("Score: " + scores);
        }
        if (!fb.noticed.empty()) {
            f.gap(0.2f);
            f.bold(fb.noticed.size() == 1 ? "A sign you noticed" : "Signs you noticed", f.p.text);
            f.chips(fb.noticed);
        }
        if (!fb.weighed.empty()) {
            f.gap(0.2f);
            f.bold("Weighed, but on their own not signs", f.p.text);
            f.chips(fb.weighed, true);
        }
    }
    f.gap(0.3f);
    if (f.primary("Continue (Enter)")) {
        f.set(IntentKind::Continue);
    }
    ImGui::SetItemDefaultFocus();
    if (f.new_content) {
        ImGui::SetScrollHereY(1.0f);
    }
}

void check_feedback(Frame& f) {
    const ScenarioState& s = f.s.scenario;
    const CheckFeedback& fb = *s.check_feedback;
    f.heading("Question");
    f.body(s.prompt);
    f.gap(0.3f);
    {
        const int look = fb.correct ? 0 : fb.partly ? 2 : 3;
        const ImVec4 colour = f.p.tiers[static_cast<std::size_t>(look)];
        Card card(f, f.p.panel, colour, 2.0f);
        f.tier(look,
               fb.correct  ? "Correct"
               : fb.partly ? "Partly correct"
                           : "Not correct",
               f.ctx.fonts.heading);
        for (const OptionOutcome& o : fb.options) {
            const std::string mark = o.picked ? "\u2611 " : "\u2610 ";
            f.bold(mark + o.text, f.p.text);
            const bool right = o.picked == o.correct;
            const std::string verdict = o.picked
                                            ? (o.correct ? "You picked this, rightly."
                                                         : "You picked this, but it is not right.")
                                            : (o.correct ? "You left this out, but it is right."
                                                         : "You left this out, rightly.");
            ImGui::Indent(f.em);
            f.text(std::string(right ? "\u2714 " : "\u2716 ") + verdict, f.p.tiers[right ? 0 : 3]);
            if (!o.feedback.empty()) {
                f.body(o.feedback);
            }
            ImGui::Unindent(f.em);
        }
        const std::string points = score_text(fb.points);
        if (!points.empty()) {
            f.muted("Score: " + points);
        }
    }
    f.gap(0.3f);
    if (f.primary("Continue (Enter)")) {
        f.set(IntentKind::Continue);
    }
    if (f.new_content) {
        ImGui::SetScrollHereY(1.0f);
    }
}

void scenario(Frame& f) {
    ScenarioState& s = f.s.scenario;
    if (s.stage == Stage::Intro) {
        intro(f);
        return;
    }
    f.muted(s.title);
    f.gap(0.2f);
    if (s.stage == Stage::ChoiceFeedback && s.choice_feedback) {
        story(f, s.lines, true); // what the choice answered, kept for context
        choice_feedback(f);
        return;
    }
    if (s.stage == Stage::CheckFeedback && s.check_feedback) {
        check_feedback(f);
        return;
    }
    story(f, s.lines);
    if (!s.error.empty()) {
        record_error(f, s.error);
        return;
    }
    switch (s.kind) {
    case NodeKind::Decision:
        decision(f);
        break;
    case NodeKind::Check:
        check(f);
        break;
    case NodeKind::AnsweredCheck:
        f.heading("Question");
        f.body(s.prompt);
        f.muted("You have answered this question.");
        [[fallthrough]];
    case NodeKind::Passage:
        f.gap(0.3f);
        if (f.primary("Continue (Enter)")) {
            f.set(IntentKind::Continue);
        }
        break;
    case NodeKind::Ending:
        f.gap(0.3f);
        if (f.primary("See your debrief (Enter)")) {
            f.set(IntentKind::Continue);
        }
        break;
    case NodeKind::Stuck:
        f.bold("\u26A0 This scenario cannot go on from here: no choice is available. Please tell "
               "the course author.",
               f.p.tiers[3]);
        if (f.button("Back to the course (Esc)")) {
            f.set(IntentKind::Back);
        }
        break;
    }
}

// ---------------------------------------------------------------- debrief

void sign_list(Frame& f, const char* heading, const std::vector<Chip>& signs, const char* none) {
    f.heading(heading);
    if (signs.empty()) {
        f.muted(none);
    }
    for (const Chip& sign : signs) {
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::BeginGroup();
        f.bold(sign.name, f.p.text);
        if (!sign.description.empty()) {
            f.body(sign.description);
        }
        ImGui::EndGroup();
    }
}

void debrief(Frame& f) {
    const DebriefState& d = f.s.debrief;
    f.muted("Debrief \u00B7 " + d.title);
    f.title(d.outcome);
    const int look = d.passed ? 0 : 2;
    f.tier(look,
           "Your score: " + std::to_string(d.percent) + "% (pass mark " +
               std::to_string(d.passing_score) + "%) \u2014 " +
               (d.passed ? "passed" : "not passed yet"),
           f.ctx.fonts.bold);
    if (!d.error.empty()) {
        Card card(f, f.p.panel, f.p.tiers[3], 2.0f);
        f.bold("\u26A0 Your result could not be recorded", f.p.tiers[3]);
        f.body(d.error);
        if (f.primary("Try again (Enter)")) {
            f.set(IntentKind::Retry);
        }
    }
    f.gap(0.3f);
    for (const std::string& paragraph : d.text) {
        f.body(paragraph);
        f.gap(0.2f);
    }

    f.heading("Your scores");
    const float label_w = f.em * 9;
    const float bar_w = std::max(f.em * 4, f.width - label_w - f.em * 4);
    for (const ScoreBar& bar : d.scores) {
        const float x0 = ImGui::GetCursorPosX();
        ImGui::AlignTextToFramePadding();
        f.bold(bar.name, f.p.text);
        ImGui::SameLine(x0 + label_w);
        ImGui::PushStyleColor(ImGuiCol_FrameBg, f.p.bar_bg);
        ImGui::PushStyleColor(ImGuiCol_PlotHistogram, f.p.bar);
        ImGui::ProgressBar(static_cast<float>(bar.percent) / 100.0f, {bar_w, 0}, "");
        ImGui::PopStyleColor(2);
        ImGui::SameLine();
        f.body(std::to_string(bar.percent) + "%");
    }
    f.muted("Each bar shows where your score sits between the lowest and highest score this "
            "scenario allows.");

    sign_list(f, "Signs you noticed", d.noticed, "None this time.");
    sign_list(f, "Signs you missed", d.missed, "None \u2014 you noticed every sign.");
    if (!d.confounders.empty()) {
        sign_list(f, "Details that can look like signs but on their own are not", d.confounders,
                  "");
    }

    if (!d.decisions.empty()) {
        f.heading("Your decisions");
        for (std::size_t i = 0; i < d.decisions.size(); ++i) {
            const DecisionLine& line = d.decisions[i];
            f.body(std::to_string(i + 1) + ". " + line.choice_text);
            ImGui::Indent(f.em * 1.2f);
            f.tier(line.look, line.tier_name, f.ctx.fonts.bold);
            ImGui::Unindent(f.em * 1.2f);
        }
    }
    if (!d.checks.empty()) {
        f.heading("Your answers");
        for (const CheckLine& c : d.checks) {
            f.body(c.prompt);
            ImGui::Indent(f.em * 1.2f);
            f.tier(c.correct ? 0 : 3, c.correct ? "Correct" : "Not fully correct",
                   f.ctx.fonts.bold);
            ImGui::Unindent(f.em * 1.2f);
        }
    }
    f.gap();
    {
        Card card(f, f.p.panel, f.p.tiers[0], 2.0f);
        f.text("The safe response", f.p.heading, f.ctx.fonts.heading);
        f.body(d.response);
    }
    f.gap(0.3f);
    {
        Card card(f, f.p.panel, f.p.border);
        f.text("\u260E Where to report", f.p.heading, f.ctx.fonts.heading);
        f.body(d.report);
    }
    credit_panel(f);
    f.gap();
    if (f.primary("Back to the course (Enter)")) {
        f.set(IntentKind::Back);
    }
    f.next_to(f.button_width("Play this scenario again"));
    if (f.button("Play this scenario again")) {
        f.set(IntentKind::StartScenario, d.scenario_id);
    }
}

// ---------------------------------------------------------------- keyboard

void keyboard(Frame& f) {
    const ImGuiIO& io = ImGui::GetIO();
    const KeyCodes& k = f.ctx.keys;
    Screen& s = f.s;
    const auto pressed = [](int key) {
        return key >= 0 && key < 512 && ImGui::IsKeyPressed(key, false);
    };
    if (io.KeyCtrl) {
        if (pressed(k.equal) || pressed(k.keypad_add)) {
            f.set(IntentKind::ScaleUp);
        } else if (pressed(k.minus) || pressed(k.keypad_subtract)) {
            f.set(IntentKind::ScaleDown);
        } else if (pressed(k.digits[0]) || pressed(k.keypad[0])) {
            Intent i;
            i.kind = IntentKind::SetScale;
            i.scale = 100;
            f.set(std::move(i));
        }
        return;
    }
    if (pressed(k.f1)) {
        f.set(IntentKind::ToggleHelp);
        return;
    }
    if (pressed(k.escape)) {
        if (s.help.open) {
            f.set(IntentKind::ToggleHelp);
        } else if (s.id == ScreenId::Classroom) {
            classroom_set(f, s.classroom.confirm_leave ? "leave-cancel" : "leave");
        } else if (s.id != ScreenId::Welcome) {
            f.set(IntentKind::Back);
        }
        return;
    }
    if (s.help.open || io.WantTextInput || io.KeyAlt || io.KeySuper) {
        return;
    }
    int digit = 0;
    for (int d = 1; d <= 9; ++d) {
        if (pressed(k.digits[static_cast<std::size_t>(d)]) ||
            pressed(k.keypad[static_cast<std::size_t>(d)])) {
            digit = d;
        }
    }
    const bool enter = pressed(k.enter) || pressed(k.keypad_enter);
    const auto index = static_cast<std::size_t>(digit - 1);
    switch (s.id) {
    case ScreenId::Welcome:
        if (digit > 0 && index < s.welcome.learners.size()) {
            f.set(IntentKind::SelectLearner, s.welcome.learners[index].id);
        }
        break;
    case ScreenId::Catalogue: {
        const std::vector<const CourseItem*> courses = flat_courses(s.catalogue);
        if (digit > 0 && index < courses.size()) {
            f.set(IntentKind::OpenCourse, courses[index]->id);
        }
        break;
    }
    case ScreenId::CourseMap:
        if (digit > 0 && index < s.course.scenarios.size()) {
            const ScenarioItem& item = s.course.scenarios[index];
            f.set(item.resumable ? IntentKind::ResumeScenario : IntentKind::StartScenario, item.id);
        }
        break;
    case ScreenId::Scenario: {
        ScenarioState& sc = s.scenario;
        if (!sc.error.empty()) {
            if (enter) {
                f.set(IntentKind::Retry);
            }
            break;
        }
        if (sc.stage == Stage::Intro) {
            if (enter) {
                f.set(IntentKind::Begin);
            }
        } else if (sc.stage != Stage::Node) {
            if (enter) {
                f.set(IntentKind::Continue);
            }
        } else if (sc.kind == NodeKind::Decision) {
            if (digit > 0 && index < sc.choices.size() && sc.choices[index].enabled) {
                f.set(IntentKind::Choose, sc.choices[index].id);
            }
        } else if (sc.kind == NodeKind::Check) {
            sc.picked.resize(sc.options.size(), false);
            if (digit > 0 && index < sc.options.size()) {
                const bool on = sc.picked[index];
                if (!sc.multi) {
                    std::fill(sc.picked.begin(), sc.picked.end(), false);
                }
                sc.picked[index] = !on || !sc.multi;
            } else if (enter) {
                Intent i;
                i.kind = IntentKind::Answer;
                for (std::size_t o = 0; o < sc.options.size(); ++o) {
                    if (sc.picked[o]) {
                        i.ids.push_back(sc.options[o].id);
                    }
                }
                if (!i.ids.empty()) {
                    f.set(std::move(i));
                }
            }
        } else if (sc.kind != NodeKind::Stuck && enter) {
            f.set(IntentKind::Continue);
        }
        break;
    }
    case ScreenId::ClassroomSetup:
        break; // Enter in a field starts the session
    case ScreenId::Classroom:
        classroom_keys(f, digit, enter);
        break;
    case ScreenId::Debrief:
        if (!s.debrief.error.empty() && enter) {
            f.set(IntentKind::Retry);
        } else if (enter) {
            f.set(IntentKind::Back);
        }
        break;
    }
}

} // namespace

void capture_text(std::vector<DrawnText>* sink) {
    g_capture = sink;
}

bool scales_glyphs(const Screen& screen) {
    return screen.id == ScreenId::Classroom && !screen.classroom.presenter_view &&
           !screen.help.open;
}

Intent draw(Screen& screen, const ViewContext& context) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    constexpr ImGuiWindowFlags kMain =
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
        // The shell clears to the same colour: one full-screen
        // quad fewer for a software renderer to fill.
        ImGuiWindowFlags_NoBackground;
    ImGui::PushFont(context.fonts.body);
    Frame f(screen, context);
    ImGui::Begin("Sightline", nullptr, kMain);
    // The projector's view: no top bar, large type that grows with the screen.
    const bool audience = scales_glyphs(screen);
    if (!audience) {
        top_bar(f);
    }
    ImGui::BeginChild("##content", {0, 0}, false, ImGuiWindowFlags_NavFlattened);
    if (audience) {
        const float grow = std::max(1.0f, ImGui::GetContentRegionAvail().y / 720.0f);
        ImGui::SetWindowFontScale(1.4f * grow);
        f.em = ImGui::GetFontSize();
    }
    f.new_content = screen.version != screen.version_seen;
    if (f.new_content) {
        ImGui::SetScrollY(0);
        screen.version_seen = screen.version;
    }
    const float avail = ImGui::GetContentRegionAvail().x;
    const float column = std::min(avail, f.em * (audience                           ? 50.0f
                                                 : screen.id == ScreenId::Classroom ? 56.0f
                                                                                    : 44.0f));
    const float margin = std::floor((avail - column) * 0.5f);
    if (margin > 0) {
        ImGui::Indent(margin);
    }
    f.width = column;
    f.right = ImGui::GetCursorPosX() + column;
    ImGui::PushTextWrapPos(f.right);
    ImGui::Dummy({0, f.em * 0.3f});
    if (!screen.notice.empty()) {
        f.bold("\u26A0 " + screen.notice, f.p.tiers[2]);
    }
    if (screen.help.open) {
        help_panel(f);
    } else {
        switch (screen.id) {
        case ScreenId::Welcome:
            welcome(f);
            break;
        case ScreenId::Catalogue:
            catalogue(f);
            break;
        case ScreenId::CourseMap:
            course_map(f);
            break;
        case ScreenId::Scenario:
            scenario(f);
            break;
        case ScreenId::Debrief:
            debrief(f);
            break;
        case ScreenId::ClassroomSetup:
            classroom_setup(f);
            break;
        case ScreenId::Classroom:
            if (audience) {
                audience_view(f);
            } else {
                presenter_view(f);
            }
            break;
        }
    }
    ImGui::Dummy({0, f.em});
    ImGui::PopTextWrapPos();
    if (margin > 0) {
        ImGui::Unindent(margin);
    }
    ImGui::EndChild();
    keyboard(f);
    ImGui::End();
    ImGui::PopFont();
    return std::move(f.intent);
}

} // namespace sightline::ui
