// The scenario screens of the desktop player (the content note, story,
// decisions, knowledge checks and their feedback) and the debrief.
#include "ui/views_frame.hpp"

namespace sightline::ui::detail {

// ---------------------------------------------------------------- scenario

void story(Frame& f, const std::vector<Line>& lines, bool dimmed) {

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
    f.bold("\u26A0 " + std::string(i18n::tr("Your answer could not be recorded")), f.p.tiers[3]);
    f.body(error);
    f.body(i18n::tr("Nothing has been lost and the story has not moved on. Try again, or go back "
                    "to the course and carry on later."));
    if (f.primary(i18n::tr("Try again (Enter)"))) {
        f.set(IntentKind::Retry);
    }
    f.next_to(f.button_width(i18n::tr("Back to the course (Esc)")));
    if (f.button(i18n::tr("Back to the course (Esc)"))) {
        f.set(IntentKind::Back);
    }
}

void intro(Frame& f) {
    const ScenarioState& s = f.s.scenario;
    f.muted(s.course_title);
    f.title(s.title);
    // TRANSLATORS: {1} is how many minutes the scenario takes.
    f.muted(i18n::format(i18n::tr_n("About {1} minute. No timers: take as long as you need.",
                                    "About {1} minutes. No timers: take as long as you need.",
                                    static_cast<unsigned long>(s.minutes)),
                         {std::to_string(s.minutes)}));
    f.gap();
    {
        Card card(f, f.p.note, f.p.note_text);
        f.bold(i18n::tr("Content note"), f.p.note_text);
        f.text(s.content_note, f.p.note_text);
    }
    if (!s.objectives.empty()) {
        f.heading(i18n::tr("In this scenario you practise how to:"));
        for (const std::string& o : s.objectives) {
            ImGui::Bullet();
            ImGui::SameLine();
            f.body(o);
        }
    }
    f.gap();
    if (f.primary(s.resuming ? i18n::tr("Carry on where you stopped (Enter)")
                             : i18n::tr("Begin (Enter)"))) {
        f.set(IntentKind::Begin);
    }
    f.next_to(f.button_width(i18n::tr("Back to the course (Esc)")));
    if (f.button(i18n::tr("Back to the course (Esc)"))) {
        f.set(IntentKind::Back);
    }
}

// Paced play: while the screen's reading time passes, a thin bar fills above
// the actions and they wait, greyed out. A cue, never a countdown: no numbers,
// and nothing times out.
class WaitForReading {
  public:
    explicit WaitForReading(Frame& f) : waiting_(f.s.scenario.reading < 1.0f) {
        if (waiting_) {
            ImGui::ProgressBar(f.s.scenario.reading, ImVec2(-1.0f, f.em * 0.2f), "");
            f.muted(i18n::tr("Take your time to read; you can go on in a moment."));
            ImGui::BeginDisabled();
        }
    }
    ~WaitForReading() {
        if (waiting_) {
            ImGui::EndDisabled();
        }
    }
    WaitForReading(const WaitForReading&) = delete;
    WaitForReading& operator=(const WaitForReading&) = delete;

  private:
    bool waiting_;
};

void decision(Frame& f) {
    ScenarioState& s = f.s.scenario;
    f.heading(i18n::tr("What do you do?"));
    const WaitForReading wait(f);
    for (std::size_t i = 0; i < s.choices.size(); ++i) {
        const ChoiceItem& c = s.choices[i];
        const std::string id = "##choice" + c.id;
        Frame::Tile t;
        t.id = id.c_str();
        t.number = static_cast<int>(i + 1);
        t.title = c.text;
        t.status = c.enabled ? std::string_view{} : std::string_view(i18n::tr("Not available now"));
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
    // TRANSLATORS: {1} is the number of the last choice (the keys 1 to {1} pick one).
    f.muted(i18n::format(i18n::tr_n("Press 1, or click the choice.",
                                    "Press 1 to {1}, or click a choice.", s.choices.size()),
                         {std::to_string(s.choices.size())}));
}

void check(Frame& f) {
    ScenarioState& s = f.s.scenario;
    s.picked.resize(s.options.size(), false);
    f.heading(i18n::tr("heading", "Question"));
    f.body(s.prompt);
    f.muted(s.multi ? i18n::tr("Pick every answer that applies, then submit.")
                    : i18n::tr("Pick one answer, then submit."));
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
    const WaitForReading wait(f);
    if (!any) {
        ImGui::BeginDisabled();
    }
    if (f.primary(i18n::tr("Submit answer (Enter)")) && any) {
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
    f.muted(i18n::tr("You chose:"));
    f.body("\u201C" + fb.choice_text + "\u201D");
    f.gap(0.3f);
    {
        const ImVec4 colour = f.p.tiers[static_cast<std::size_t>(std::clamp(fb.look, 0, 3))];
        Card card(f, f.p.panel, colour, 2.0f);
        f.tier(fb.look, fb.tier_name, f.ctx.fonts.heading);
        f.body(fb.feedback);
        const std::string scores = score_text(fb.scores);
        if (!scores.empty()) {
            // TRANSLATORS: {1} lists score changes, e.g. "Recognition +2 · Safe response +1".
            f.muted(i18n::format(i18n::tr("Score: {1}"), {scores}));
        }
        if (!fb.noticed.empty()) {
            f.gap(0.2f);
            f.bold(i18n::tr_n("A sign you noticed", "Signs you noticed", fb.noticed.size()),
                   f.p.text);
            f.chips(fb.noticed);
        }
        if (!fb.weighed.empty()) {
            f.gap(0.2f);
            f.bold(i18n::tr("Weighed, but on their own not signs"), f.p.text);
            f.chips(fb.weighed, true);
        }
    }
    f.gap(0.3f);
    {
        const WaitForReading wait(f);
        if (f.primary(i18n::tr("Continue (Enter)"))) {
            f.set(IntentKind::Continue);
        }
    }
    ImGui::SetItemDefaultFocus();
    if (f.new_content) {
        ImGui::SetScrollHereY(1.0f);
    }
}

void check_feedback(Frame& f) {
    const ScenarioState& s = f.s.scenario;
    const CheckFeedback& fb = *s.check_feedback;
    f.heading(i18n::tr("heading", "Question"));
    f.body(s.prompt);
    f.gap(0.3f);
    {
        const int look = fb.correct ? 0 : fb.partly ? 2 : 3;
        const ImVec4 colour = f.p.tiers[static_cast<std::size_t>(look)];
        Card card(f, f.p.panel, colour, 2.0f);
        f.tier(look,
               fb.correct  ? i18n::tr("Correct")
               : fb.partly ? i18n::tr("Partly correct")
                           : i18n::tr("Not correct"),
               f.ctx.fonts.heading);
        for (const OptionOutcome& o : fb.options) {
            const std::string mark = o.picked ? "\u2611 " : "\u2610 ";
            f.bold(mark + o.text, f.p.text);
            const bool right = o.picked == o.correct;
            const std::string verdict =
                o.picked ? (o.correct ? i18n::tr("You picked this, rightly.")
                                      : i18n::tr("You picked this, but it is not right."))
                         : (o.correct ? i18n::tr("You left this out, but it is right.")
                                      : i18n::tr("You left this out, rightly."));
            ImGui::Indent(f.em);
            f.text(std::string(right ? "\u2714 " : "\u2716 ") + verdict, f.p.tiers[right ? 0 : 3]);
            if (!o.feedback.empty()) {
                f.body(o.feedback);
            }
            ImGui::Unindent(f.em);
        }
        const std::string points = score_text(fb.points);
        if (!points.empty()) {
            f.muted(i18n::format(i18n::tr("Score: {1}"), {points}));
        }
    }
    f.gap(0.3f);
    {
        const WaitForReading wait(f);
        if (f.primary(i18n::tr("Continue (Enter)"))) {
            f.set(IntentKind::Continue);
        }
    }
    if (f.new_content) {
        ImGui::SetScrollHereY(1.0f);
    }
}

} // namespace

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
        f.heading(i18n::tr("heading", "Question"));
        f.body(s.prompt);
        f.muted(i18n::tr("You have answered this question."));
        [[fallthrough]];
    case NodeKind::Passage: {
        f.gap(0.3f);
        const WaitForReading wait(f);
        if (f.primary(i18n::tr("Continue (Enter)"))) {
            f.set(IntentKind::Continue);
        }
        break;
    }
    case NodeKind::Ending: {
        f.gap(0.3f);
        const WaitForReading wait(f);
        if (f.primary(i18n::tr("See your debrief (Enter)"))) {
            f.set(IntentKind::Continue);
        }
        break;
    }
    case NodeKind::Stuck:
        f.bold("\u26A0 " + std::string(i18n::tr("This scenario cannot go on from here: no choice "
                                                "is available. Please tell the course author.")),
               f.p.tiers[3]);
        if (f.button(i18n::tr("Back to the course (Esc)"))) {
            f.set(IntentKind::Back);
        }
        break;
    }
}

// ---------------------------------------------------------------- debrief

namespace {

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

} // namespace

void debrief(Frame& f) {
    const DebriefState& d = f.s.debrief;
    // TRANSLATORS: {1} is the scenario's title.
    f.muted(i18n::format(i18n::tr("Debrief \u00B7 {1}"), {d.title}));
    f.title(d.outcome);
    const int look = d.passed ? 0 : 2;
    // TRANSLATORS: {1} is the learner's score and {2} the pass mark, both percentages.
    f.tier(look,
           i18n::format(d.passed
                            ? i18n::tr("Your score: {1}% (pass mark {2}%) \u2014 passed")
                            : i18n::tr("Your score: {1}% (pass mark {2}%) \u2014 not passed yet"),
                        {std::to_string(d.percent), std::to_string(d.passing_score)}),
           f.ctx.fonts.bold);
    if (!d.error.empty()) {
        Card card(f, f.p.panel, f.p.tiers[3], 2.0f);
        f.bold("\u26A0 " + std::string(i18n::tr("Your result could not be recorded")),
               f.p.tiers[3]);
        f.body(d.error);
        if (f.primary(i18n::tr("Try again (Enter)"))) {
            f.set(IntentKind::Retry);
        }
    }
    f.gap(0.3f);
    for (const std::string& paragraph : d.text) {
        f.body(paragraph);
        f.gap(0.2f);
    }

    f.heading(i18n::tr("Your scores"));
    // The names' column: 9 em, or wider when a name (a translation) needs it.
    float label_w = f.em * 9;
    for (const ScoreBar& bar : d.scores) {
        const float w =
            f.ctx.fonts.bold
                ->CalcTextSizeA(f.ctx.fonts.bold->FontSize, FLT_MAX, 0, bar.name.c_str())
                .x;
        label_w = std::max(label_w, std::ceil(w + f.em * 0.5f));
    }
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
    f.muted(i18n::tr("Each bar shows where your score sits between the lowest and highest score "
                     "this scenario allows."));

    sign_list(f, i18n::tr("Signs you noticed"), d.noticed, i18n::tr("None this time."));
    sign_list(f, i18n::tr("Signs you missed"), d.missed,
              i18n::tr("None \u2014 you noticed every sign."));
    if (!d.confounders.empty()) {
        sign_list(f, i18n::tr("Details that can look like signs but on their own are not"),
                  d.confounders, "");
    }

    if (!d.decisions.empty()) {
        f.heading(i18n::tr("Your decisions"));
        for (std::size_t i = 0; i < d.decisions.size(); ++i) {
            const DecisionLine& line = d.decisions[i];
            f.body(std::to_string(i + 1) + ". " + line.choice_text);
            ImGui::Indent(f.em * 1.2f);
            f.tier(line.look, line.tier_name, f.ctx.fonts.bold);
            ImGui::Unindent(f.em * 1.2f);
        }
    }
    if (!d.checks.empty()) {
        f.heading(i18n::tr("Your answers"));
        for (const CheckLine& c : d.checks) {
            f.body(c.prompt);
            ImGui::Indent(f.em * 1.2f);
            f.tier(c.correct ? 0 : 3,
                   c.correct ? i18n::tr("Correct") : i18n::tr("Not fully correct"),
                   f.ctx.fonts.bold);
            ImGui::Unindent(f.em * 1.2f);
        }
    }
    f.gap();
    {
        Card card(f, f.p.panel, f.p.tiers[0], 2.0f);
        f.text(i18n::tr("The safe response"), f.p.heading, f.ctx.fonts.heading);
        f.body(d.response);
    }
    f.gap(0.3f);
    {
        Card card(f, f.p.panel, f.p.border);
        f.text("\u260E " + std::string(i18n::tr("Where to report")), f.p.heading,
               f.ctx.fonts.heading);
        f.body(d.report);
    }
    if (!d.completed_course.empty()) {
        f.gap(0.3f);
        Card card(f, f.p.panel, f.p.border);
        // TRANSLATORS: {1} is the course's title.
        f.text(i18n::format(i18n::tr("You have completed {1}"), {d.completed_course}), f.p.heading,
               f.ctx.fonts.heading);
        for (const std::string& paragraph : d.closing) {
            f.body(paragraph);
        }
    }
    credit_panel(f);
    f.gap();
    if (f.primary(i18n::tr("Back to the course (Enter)"))) {
        f.set(IntentKind::Back);
    }
    f.next_to(f.button_width(i18n::tr("Play this scenario again")));
    if (f.button(i18n::tr("Play this scenario again"))) {
        f.set(IntentKind::StartScenario, d.scenario_id);
    }
}

} // namespace sightline::ui::detail
