#include "ui/views.hpp"

#include "ui/views_frame.hpp"

#include <functional>
#include <utility>
#include <vector>

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
    // TRANSLATORS: {1} is the colour theme's name (Light, Dark, High contrast).
    const std::string theme_long =
        i18n::format(i18n::tr("Theme: {1}"), {theme_label(s.theme)}) + "##theme";
    const std::string close_help = std::string(i18n::tr("Close help")) + "##help";
    // TRANSLATORS: a button in the top bar, beside the title; keep it short.
    const std::string help_long =
        s.help.open ? close_help
                    : "\u260E " + std::string(i18n::tr("Get help / report")) + "##help";
    // TRANSLATORS: the same button in a narrow window; as short as you can.
    const std::string help_short =
        s.help.open ? close_help : "\u260E " + std::string(i18n::tr("Help / report")) + "##help";
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
        const std::string theme = start + settings_w(theme_long) <= right
                                      ? theme_long
                                      : std::string(i18n::tr("Theme")) + "##theme";
        settings(theme, bar);
    }
    // A rule of whole pixels, where ImGui's Separator() would draw an
    // anti-aliased line: two fringe strips across the window, which cost a
    // software rasteriser more than everything else in the bar. Same layout.
    const float y = std::round(ImGui::GetCursorScreenPos().y);
    const float x = ImGui::GetWindowPos().x;
    ImGui::GetWindowDrawList()->AddRectFilled({x, y}, {x + ImGui::GetWindowWidth(), y + 1},
                                              ImGui::GetColorU32(ImGuiCol_Separator));
    ImGui::Dummy({0, 0});
}

// ---------------------------------------------------------------- help

void help_panel(Frame& f) {
    const HelpState& h = f.s.help;
    f.title(i18n::tr("heading", "Get help / report"));
    f.body(i18n::tr("You never have to confront anyone or find out more yourself. Notice, write "
                    "down what you saw, and report through the right channel."));
    f.gap();
    {
        Card card(f, f.p.panel, f.p.tiers[3], 2.0f);
        f.bold("\u26A0 " + std::string(i18n::tr("If someone is in danger right now")),
               f.p.tiers[3]);
        if (h.emergency.empty()) {
            f.body(i18n::tr("Call your local emergency number."));
        }
        for (const std::string& line : h.emergency) {
            f.bold(line, f.p.text);
        }
    }
    f.gap();
    {
        Card card(f, f.p.panel, f.p.border);
        f.bold("\u260E " + std::string(i18n::tr("Report a possible case of trafficking")),
               f.p.heading);
        if (h.hotlines.empty()) {
            f.body(i18n::tr("Ask your supervisor which reporting channel your workplace uses."));
        }
        for (const std::string& line : h.hotlines) {
            f.bold(line, f.p.text);
        }
    }
    if (!h.scenario_report.empty()) {
        // TRANSLATORS: {1} is the scenario's title.
        f.heading(
            i18n::format(i18n::tr("Where to report, in \u201C{1}\u201D"), {h.scenario_title}));
        f.body(h.scenario_report);
    }
    f.gap();
    if (f.primary(i18n::tr("Close help (Esc)"))) {
        f.set(IntentKind::ToggleHelp);
    }
}

// ---------------------------------------------------------------- welcome

void welcome(Frame& f) {
    WelcomeState& w = f.s.welcome;
    f.title(i18n::tr("Welcome to Sightline"));
    f.body(i18n::tr("Practise noticing the possible signs of human trafficking at work, and "
                    "responding safely: notice, record and report \u2014 never confront or "
                    "rescue."));
    if (!w.records_location.empty()) {
        f.muted(w.records_location);
    }
    if (!w.learners.empty()) {
        f.heading(i18n::tr("Who is training?"));
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
    f.heading(w.learners.empty() ? i18n::tr("Create your learner profile")
                                 : i18n::tr("Someone new?"));
    f.muted(i18n::tr("Only the name is required. A profession and licence help with certificates "
                     "for continuing-education credit; a hire date, job role and site help your "
                     "employer show which training you are due for."));
    bool submit = false;
    // The optional fields sit three to a row (a table whose label rows and
    // field rows alternate, so labels line up) when the window is wide
    // enough; the whole form and its button then fit without scrolling.
    const float field_w = std::min(f.width, f.em * 24);
    const auto text_field = [&](const char* id, std::string& value, const char* hint = "") {
        return [&submit, id, &value, hint] {
            submit |=
                ImGui::InputTextWithHint(id, hint, &value, ImGuiInputTextFlags_EnterReturnsTrue);
        };
    };
    const auto job_role = [&w] {
        const char* none = i18n::tr("Not given");
        if (ImGui::BeginCombo("##jobrole",
                              w.form.job_role.empty() ? none : w.form.job_role.c_str())) {
            if (ImGui::Selectable(none, w.form.job_role.empty())) {
                w.form.job_role.clear();
            }
            for (const std::string& role : w.job_roles) {
                if (ImGui::Selectable(role.c_str(), role == w.form.job_role)) {
                    w.form.job_role = role;
                }
            }
            ImGui::EndCombo();
        }
    };
    std::vector<std::pair<const char*, std::function<void()>>> fields = {
        {i18n::tr("Name"), text_field("##name", w.form.name)},
        {i18n::tr("Profession (optional)"), text_field("##profession", w.form.profession)},
        {i18n::tr("Licence number (optional)"), text_field("##licence", w.form.licence_number)},
        {i18n::tr("Licence state (optional)"), text_field("##state", w.form.licence_state)},
        // TRANSLATORS: the date format shown in the empty field; the date is typed in this order.
        {i18n::tr("Hire date (optional)"),
         text_field("##hired", w.form.hire_date, i18n::tr("YYYY-MM-DD"))},
    };
    if (!w.job_roles.empty()) {
        fields.emplace_back(i18n::tr("Job role (optional)"), job_role);
    }
    fields.emplace_back(i18n::tr("Site (optional)"), text_field("##site", w.form.site));

    // The name on its own line; the rest in the table.
    f.body(fields[0].first);
    ImGui::SetNextItemWidth(field_w);
    fields[0].second();
    constexpr std::size_t kColumns = 3;
    if (f.width >= f.em * 38 &&
        ImGui::BeginTable("##profile", kColumns, ImGuiTableFlags_SizingStretchSame, {f.width, 0})) {
        for (std::size_t row = 1; row < fields.size(); row += kColumns) {
            const std::size_t end = std::min(fields.size(), row + kColumns);
            ImGui::TableNextRow();
            for (std::size_t i = row; i < end; ++i) {
                ImGui::TableNextColumn();
                // A long label (a translation) wraps in its own column.
                ImGui::PushTextWrapPos(0.0f);
                f.body(fields[i].first);
                ImGui::PopTextWrapPos();
            }
            ImGui::TableNextRow();
            for (std::size_t i = row; i < end; ++i) {
                ImGui::TableNextColumn();
                ImGui::SetNextItemWidth(-FLT_MIN);
                fields[i].second();
            }
        }
        ImGui::EndTable();
    } else {
        for (std::size_t i = 1; i < fields.size(); ++i) {
            f.body(fields[i].first);
            ImGui::SetNextItemWidth(field_w);
            fields[i].second();
        }
    }
    if (!w.error.empty()) {
        f.bold("\u26A0 " + w.error, f.p.tiers[3]);
    }
    f.gap(0.3f);
    if (f.primary(i18n::tr("Create profile and continue")) || submit) {
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
    // TRANSLATORS: {1} scenarios done of the {2} a course requires (the plural follows {2}).
    out += " \u00B7 " +
           i18n::format(i18n::tr_n("{1} of {2} required scenarios done",
                                   "{1} of {2} required scenarios done",
                                   static_cast<unsigned long>(c.required_total)),
                        {std::to_string(c.required_completed), std::to_string(c.required_total)});
    if (c.score_percent) {
        // TRANSLATORS: the learner's score in a course, {1} a percentage.
        out +=
            " \u00B7 " + i18n::format(i18n::tr("score {1}%"), {std::to_string(*c.score_percent)});
    }
    if (!c.languages.empty()) {
        out += " \u00B7 " + c.languages;
    }
    return out;
}

ImVec4 progress_colour(const Palette& p, Progress progress) {
    return progress == Progress::Completed    ? p.tiers[0]
           : progress == Progress::InProgress ? p.heading
                                              : p.muted;
}

// The language switch, when the courses come in more than one language: each
// language by its own name, the one in use ticked and in bold (never by
// colour alone). Picking another asks for it (IntentKind::SetLanguage).
void language_switch(Frame& f) {
    const CatalogueState& c = f.s.catalogue;
    if (c.languages.size() < 2) {
        return;
    }
    f.gap(0.3f);
    ImGui::AlignTextToFramePadding();
    f.body(i18n::tr("Language:"));
    for (const LanguageItem& language : c.languages) {
        const bool current = language.tag == c.language;
        const std::string label =
            (current ? "\u2714 " : "") + language.name + "##language-" + language.tag;
        ImFont* font = current ? f.ctx.fonts.bold : nullptr;
        f.next_to(f.button_width(label, font));
        if (font != nullptr) {
            ImGui::PushFont(font);
        }
        const bool pressed = f.button(label);
        if (font != nullptr) {
            ImGui::PopFont();
        }
        if (pressed && !current) {
            f.set(IntentKind::SetLanguage, language.tag);
        }
    }
}

void catalogue(Frame& f) {
    f.title(i18n::tr("heading", "Courses"));
    f.body(i18n::tr("Choose a course for your work. Your progress is saved after every decision, "
                    "so you can stop at any time and carry on later."));
    language_switch(f);
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
    if (f.button("\u2190 " + std::string(i18n::tr("Switch learner")))) {
        f.set(IntentKind::SwitchLearner);
    }
}

// ---------------------------------------------------------------- course map

std::string scenario_status(const ScenarioItem& s) {
    std::string out = progress_word(s.progress);
    if (s.best_percent) {
        // TRANSLATORS: the learner's best score in a scenario, {1} a percentage.
        out += " \u00B7 " +
               i18n::format(i18n::tr("best score {1}%"), {std::to_string(*s.best_percent)});
    }
    if (s.resumable) {
        out += " \u00B7 " + std::string(i18n::tr("you can carry on where you stopped"));
    }
    return out;
}

} // namespace

void detail::credit_panel(Frame& f) {
    CreditState& c = f.s.credit;
    if (c.course_id.empty()) {
        return;
    }
    f.heading(i18n::tr("Towards your certificate"));
    if (!c.renewal.empty()) {
        f.bold(c.renewal, f.p.heading);
    }
    for (const RuleLine& rule : c.rules) {
        // TRANSLATORS: {1} is a rule for the certificate, e.g. "Complete every required scenario".
        f.text(rule.met ? "\u2714 " + i18n::format(i18n::tr("Done: {1}"), {rule.text})
                        : "\u25CB " + i18n::format(i18n::tr("Not yet: {1}"), {rule.text}),
               rule.met ? f.p.tiers[0] : f.p.text);
    }
    if (c.certificate) {
        f.gap(0.3f);
        Card card(f, f.p.panel, f.p.tiers[0], 2.0f);
        f.bold("\u2714 " +
                   std::string(c.issued_now
                                   ? i18n::tr("Your certificate is ready")
                                   : i18n::tr("Your certificate for this course has been issued")),
               f.p.tiers[0]);
        // TRANSLATORS: {1} is the certificate's verification code.
        f.body(
            i18n::format(i18n::tr("Verification code: {1}"), {c.certificate->verification_code}));
        if (!c.certificate->pdf.empty()) {
            // TRANSLATORS: {1} is the path of the certificate's PDF file.
            f.body(i18n::format(i18n::tr("PDF: {1}"), {c.certificate->pdf}));
        }
        if (!c.certificate->json.empty()) {
            // TRANSLATORS: {1} is the path of the signed credential's JSON file.
            f.body(i18n::format(i18n::tr("Signed credential: {1}"), {c.certificate->json}));
        }
        if (c.certificate->pdf.empty()) {
            // TRANSLATORS: {1} is the verification code; keep "sightline cert reprint" as it is
            // (a command).
            f.muted(i18n::format(
                i18n::tr("An administrator can print it again with sightline cert reprint {1}."),
                {c.certificate->verification_code}));
        }
    }
    if (c.attestation_offered) {
        f.gap(0.3f);
        Card card(f, f.p.panel, f.p.heading, 2.0f);
        f.bold(i18n::tr("One last step: please confirm"), f.p.heading);
        f.body(i18n::tr("You have met every other rule. The certificate needs your word that:"));
        f.body("\u201C" + c.attestation_statement + "\u201D");
        Frame::Tile t;
        t.id = "##attest";
        t.mark = c.attestation_ticked ? "\u2611" : "\u2610";
        t.title = i18n::tr("I confirm that this is true.");
        t.selected = c.attestation_ticked;
        t.bold_title = false;
        if (f.tile(t)) {
            c.attestation_ticked = !c.attestation_ticked;
        }
        f.gap(0.2f);
        if (!c.attestation_ticked) {
            ImGui::BeginDisabled();
        }
        if (f.primary(i18n::tr("button", "Confirm")) && c.attestation_ticked) {
            f.set(IntentKind::Attest, c.course_id);
        }
        if (!c.attestation_ticked) {
            ImGui::EndDisabled();
            f.muted(i18n::tr("Tick the box first. You can also decide later."));
        }
    }
    if (c.issue_offered) {
        f.gap(0.3f);
        f.body(i18n::tr("You have met every rule for this course."));
        if (f.primary(i18n::tr("Issue certificate"))) {
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

namespace {

void course_map(Frame& f) {
    const CourseMapState& c = f.s.course;
    if (f.button("\u2190 " + std::string(i18n::tr("All courses (Esc)")))) {
        f.set(IntentKind::Back);
    }
    f.title(c.title);
    f.body(c.description);
    f.heading(i18n::tr("heading", "Scenarios"));
    for (std::size_t i = 0; i < c.scenarios.size(); ++i) {
        const ScenarioItem& s = c.scenarios[i];
        const std::string id = "##scenario" + s.id;
        // TRANSLATORS: {1} is how many minutes a scenario takes.
        const std::string detail =
            i18n::format(i18n::tr_n("About {1} minute", "About {1} minutes",
                                    static_cast<unsigned long>(s.minutes)),
                         {std::to_string(s.minutes)}) +
            " \u00B7 " +
            (s.required ? i18n::tr("scenario", "required") : i18n::tr("scenario", "optional"));
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
            if (f.button(i18n::tr("Start over instead"))) {
                f.set(IntentKind::StartScenario, s.id);
            }
            f.next_to(f.button_width(i18n::tr("Run in classroom")));
        }
        if (f.button(i18n::tr("Run in classroom"))) {
            f.set(IntentKind::ClassroomSetup, s.id);
        }
        ImGui::PopID();
    }
    credit_panel(f);
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
            classroom_set(f, s.classroom.confirm_leave ? ClassroomStep::LeaveCancel
                                                       : ClassroomStep::Leave);
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
        } else if (sc.reading < 1.0f) {
            break; // paced play: the keys wait, as the buttons do
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
           !screen.classroom.projector_window && !screen.help.open;
}

namespace {

constexpr ImGuiWindowFlags kMain = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   // The shell clears to the same colour: one full-screen
                                   // quad fewer for a software renderer to fill.
                                   ImGuiWindowFlags_NoBackground;

// One window-filling ImGui window with a centred column of text; the
// audience view's type grows with the window. `body` draws the column.
template <class Body>
void full_window(Frame& f, bool audience, bool top, const Body& body) {
    Screen& screen = f.s;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::Begin("Sightline", nullptr, kMain);
    if (top) {
        top_bar(f);
    }
    ImGui::BeginChild("##content", {0, 0}, false, ImGuiWindowFlags_NavFlattened);
    if (audience) {
        const float grow = std::max(1.0f, ImGui::GetContentRegionAvail().y / 720.0f);
        ImGui::SetWindowFontScale(1.4f * grow);
        f.em = ImGui::GetFontSize();
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
    body();
    ImGui::Dummy({0, f.em});
    ImGui::PopTextWrapPos();
    if (margin > 0) {
        ImGui::Unindent(margin);
    }
    ImGui::EndChild();
}

} // namespace

Intent draw(Screen& screen, const ViewContext& context) {
    ImGui::PushFont(context.fonts.body);
    Frame f(screen, context);
    // The projector's view in this window: no top bar, large type.
    const bool audience = scales_glyphs(screen);
    full_window(f, audience, !audience, [&] {
        f.new_content = screen.version != screen.version_seen;
        if (f.new_content) {
            ImGui::SetScrollY(0);
            screen.version_seen = screen.version;
        }
        if (!screen.notice.empty()) {
            f.bold("\u26A0 " + screen.notice, f.p.tiers[2]);
        }
        if (!screen.connection.empty() && !audience) {
            f.bold(screen.connection, f.p.heading);
        }
        if (screen.help.open) {
            help_panel(f);
            return;
        }
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
    });
    keyboard(f);
    ImGui::End();
    ImGui::PopFont();
    return std::move(f.intent);
}

void draw_projector(Screen& screen, const ViewContext& context) {
    ImGui::PushFont(context.fonts.body);
    Frame f(screen, context);
    f.projector = true;
    full_window(f, true, false, [&] {
        if (screen.id == ScreenId::Classroom) {
            audience_view(f);
        }
    });
    ImGui::End();
    ImGui::PopFont();
}

} // namespace sightline::ui
