// The classroom screens of the desktop player: the setup form, the projected
// audience view, the presenter view and their keys. Drawn only from the
// classroom view-models.
#include "classroom/phone_text.hpp"
#include "ui/views_frame.hpp"

namespace sightline::ui::detail {

// ---------------------------------------------------------------- classroom

void classroom_setup(Frame& f) {
    ClassroomSetupState& c = f.s.classroom_setup;
    if (f.button("\u2190 " + std::string(i18n::tr("Back to the course (Esc)")))) {
        f.set(IntentKind::Back);
    }
    f.muted(c.course_title);
    f.title(i18n::tr("heading", "Run in classroom"));
    // TRANSLATORS: {1} is the scenario's title.
    f.body(i18n::format(i18n::tr("Project \u201C{1}\u201D and let the room decide together. "
                                 "Participants stay anonymous: the session keeps a head count "
                                 "only. It is recorded as a classroom session."),
                        {c.scenario_title}));
    f.gap();
    const auto submit = [&] {
        Intent i;
        i.kind = IntentKind::StartClassroom;
        i.classroom = c.form;
        f.set(std::move(i));
    };
    ImGui::PushItemWidth(f.width);
    f.bold(i18n::tr("Session name (required)"), f.p.text);
    if (f.new_content) {
        ImGui::SetKeyboardFocusHere();
    }
    if (ImGui::InputText("##session-name", &c.form.name, ImGuiInputTextFlags_EnterReturnsTrue)) {
        submit();
    }
    f.bold(i18n::tr("Facilitator (optional)"), f.p.text);
    if (ImGui::InputText("##facilitator", &c.form.facilitator,
                         ImGuiInputTextFlags_EnterReturnsTrue)) {
        submit();
    }
    f.bold(i18n::tr("People in the room (0 if you do not know)"), f.p.text);
    ImGui::PopItemWidth();
    ImGui::PushItemWidth(f.em * 10);
    if (ImGui::InputInt("##head-count", &c.form.head_count)) {
        c.form.head_count = std::max(0, c.form.head_count);
    }
    ImGui::PopItemWidth();
    f.gap(0.3f);
    // The box, then its label as wrapped text: as the box's own label a long
    // translation or large type ran off the window. A click on the label ticks it too.
    const std::string phones_label = i18n::tr("Let the room vote from their phones");
    ImGui::Checkbox("##phones", &c.form.phones);
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::AlignTextToFramePadding();
    f.body(phones_label);
    if (ImGui::IsItemClicked()) {
        c.form.phones = !c.form.phones;
    }
    // TRANSLATORS: {1} is this computer's network address.
    f.muted(i18n::format(i18n::tr("Phones on this network open a page served by this computer "
                                  "({1}): no app, no account, no name. The projector shows a QR "
                                  "code and a room code."),
                         {c.phone_address}));
    if (!c.error.empty()) {
        f.bold("\u26A0 " + c.error, f.p.tiers[3]);
    }
    f.gap();
    if (f.primary(i18n::tr("Start the session (Enter)"))) {
        submit();
    }
    f.next_to(f.button_width(i18n::tr("Cancel (Esc)")));
    if (f.button(i18n::tr("Cancel (Esc)"))) {
        f.set(IntentKind::Back);
    }
}

void classroom_set(Frame& f, ClassroomStep step, int index) {
    Intent i;
    i.kind = IntentKind::Classroom;
    i.step = step;
    i.index = index;
    f.set(std::move(i));
}

// A horizontal bar: `percent` filled, `label` to its right.
static void vote_bar(Frame& f, int percent, const std::string& label, bool highlight) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = f.em * 0.9f;
    const float w = std::max(f.em * 4, f.width * 0.6f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = h * 0.25f;
    dl->AddRectFilled(pos, add(pos, {w, h}), ImGui::GetColorU32(f.p.bar_bg), rounding);
    const float filled = w * static_cast<float>(std::clamp(percent, 0, 100)) / 100.0f;
    if (filled > 0) {
        dl->AddRectFilled(pos, add(pos, {filled, h}),
                          ImGui::GetColorU32(highlight ? f.p.primary : f.p.bar), rounding);
    }
    ImGui::Dummy({w, h});
    ImGui::SameLine();
    f.bold(label, f.p.text);
}

static std::string votes_text(std::int64_t votes, int percent) {
    // TRANSLATORS: {1} votes for a choice, {2} their share in percent.
    return i18n::format(i18n::tr_n("{1} vote \u00B7 {2}%", "{1} votes \u00B7 {2}%",
                                   static_cast<unsigned long>(votes)),
                        {std::to_string(votes), std::to_string(percent)});
}

static void classroom_paragraphs(Frame& f, const std::vector<classroom::Paragraph>& paragraphs,
                                 bool dimmed) {
    std::vector<Line> lines;
    for (const classroom::Paragraph& p : paragraphs) {
        lines.push_back({p.speaker, p.text});
    }
    story(f, lines, dimmed);
}

static void leave_question(Frame& f) {
    Card card(f, f.p.panel, f.p.tiers[2], 2.0f);
    f.bold(i18n::tr("Leave this classroom session?"), f.p.tiers[2]);
    f.body(f.s.classroom.presenter.finished
               ? i18n::tr("The session is finished and its report is saved.")
               : i18n::tr("The session stops here; what the room decided so far stays recorded."));
    if (f.primary(i18n::tr("Leave (Enter)"))) {
        classroom_set(f, ClassroomStep::LeaveConfirm);
    }
    f.next_to(f.button_width(i18n::tr("Stay (Esc)")));
    if (f.button(i18n::tr("Stay (Esc)"))) {
        classroom_set(f, ClassroomStep::LeaveCancel);
    }
}

static std::string phones_in_room(std::size_t n) {
    // TRANSLATORS: {1} is how many phones have joined the session.
    return i18n::format(i18n::tr_n("{1} phone in the room", "{1} phones in the room", n),
                        {std::to_string(n)});
}

// "123456" as "123 456": two groups read out and typed more easily.
static std::string spaced_code(const std::string& code) {
    return code.size() == 6 ? code.substr(0, 3) + " " + code.substr(3) : code;
}

// The QR code as dark squares on white, whatever the theme (scanners want
// dark on light), with the four-module quiet zone the standard asks for.
static void qr_square(const QrCode& qr, float side) {
    if (qr.size <= 0) {
        return;
    }
    const int quiet = 4;
    const float module = std::floor(side / static_cast<float>(qr.size + 2 * quiet));
    const float full = module * static_cast<float>(qr.size + 2 * quiet);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, add(pos, {full, full}), IM_COL32(255, 255, 255, 255));
    for (int y = 0; y < qr.size; ++y) {
        for (int x = 0; x < qr.size; ++x) {
            if (qr.at(x, y)) {
                const ImVec2 a = add(pos, {module * static_cast<float>(x + quiet),
                                           module * static_cast<float>(y + quiet)});
                dl->AddRectFilled(a, add(a, {module, module}), IM_COL32(0, 0, 0, 255));
            }
        }
    }
    ImGui::Dummy({full, full});
}

// On the projector while the join code is shown: how to join, in letters a
// room can read from the back. Always shown with the lobby's size.
static void join_panel(Frame& f, const PhonesState& phones, bool open_question) {
    if (!phones.code_shown) {
        f.muted(phones_in_room(phones.phones));
        return;
    }
    Card card(f, f.p.panel, f.p.primary, 2.0f);
    // Smaller while a question is open, so the question stays above the fold.
    const float side = std::min(f.em * (open_question ? 7.0f : 12.0f), f.width * 0.4f);
    const ImVec2 start = ImGui::GetCursorPos();
    qr_square(phones.qr, side);
    const float bottom = ImGui::GetCursorPosY();
    ImGui::SetCursorPos({start.x + side + f.em, start.y});
    ImGui::BeginGroup();
    const float saved_width = f.width;
    f.width = std::max(f.em * 6.0f, saved_width - side - f.em);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + f.width);
    f.text(open_question ? i18n::tr("Vote from your phone") : i18n::tr("Join from your phone"),
           f.p.heading, f.ctx.fonts.heading);
    // TRANSLATORS: {1} is the address of the voting page.
    f.body(i18n::format(i18n::tr("Scan the code, or open {1} and type the room code:"),
                        {phones.address}));
    f.text(spaced_code(phones.room_code), f.p.heading, f.ctx.fonts.title);
    // TRANSLATORS: {1} is "N phones in the room".
    f.muted(i18n::format(phones.lobby_locked
                             ? i18n::tr("No app, no name. {1}; the room is closed to new phones.")
                             : i18n::tr("No app, no name. {1}."),
                         {phones_in_room(phones.phones)}));
    ImGui::PopTextWrapPos();
    f.width = saved_width;
    ImGui::EndGroup();
    ImGui::SetCursorPosY(std::max(bottom, ImGui::GetCursorPosY()));
}

// The projector: drawn from the AudienceState only (and, with phone voting,
// the join panel, which holds nothing the room should not see).
void audience_view(Frame& f) {
    const classroom::AudienceState& a = f.s.classroom.audience;
    if (f.s.classroom.confirm_leave && !f.projector) {
        leave_question(f);
    }
    if (f.s.classroom.phones.on) {
        join_panel(f, f.s.classroom.phones, a.stage == classroom::Stage::Voting);
    }
    f.muted(a.session_name + " \u00B7 " + a.scenario_title);
    if (!a.status.empty()) {
        f.text(a.status, f.p.speaker, f.ctx.fonts.heading);
    }
    f.gap(0.3f);
    const bool ended = a.stage == classroom::Stage::Ended;
    classroom_paragraphs(f, a.paragraphs, a.picked);
    if (!a.question.empty()) {
        f.text(a.question, f.p.heading, f.ctx.fonts.heading);
        if (a.multiple) {
            f.muted(i18n::tr("Several answers may be right."));
        }
    }
    if (!a.choices.empty() && !ended) {
        f.gap(0.3f);
        for (const classroom::AudienceChoice& c : a.choices) {
            const std::string line = c.key + "   " + c.text;
            const ImVec4 ink = !c.enabled ? f.p.muted : f.p.text;
            if (c.chosen) {
                Card card(f, f.p.panel, f.p.primary, 2.0f);
                f.text(line, ink, f.ctx.fonts.bold);
                f.bold("\u2714 " + std::string(a.is_check ? i18n::tr("The room's answer")
                                                          : i18n::tr("The room's choice")),
                       f.p.speaker);
                if (c.votes) {
                    vote_bar(f, c.percent, votes_text(*c.votes, c.percent), true);
                }
            } else {
                f.text(line, ink);
                if (!c.enabled) {
                    f.muted(i18n::tr("Not available now"));
                }
                if (c.votes) {
                    vote_bar(f, c.percent, votes_text(*c.votes, c.percent), false);
                }
            }
            if (c.correct) {
                f.bold(*c.correct ? "\u2714 " + std::string(i18n::tr("Right"))
                                  : "\u2716 " + std::string(i18n::tr("Not right")),
                       *c.correct ? f.p.tiers[0] : f.p.tiers[3]);
            }
            if (!c.feedback.empty()) {
                f.body(c.feedback);
            }
            f.gap(0.4f);
        }
        if (a.tally_shown) {
            f.muted(i18n::format(i18n::tr_n("{1} vote in all.", "{1} votes in all.",
                                            static_cast<unsigned long>(a.total_votes)),
                                 {std::to_string(a.total_votes)}));
        }
    }
    if (a.picked && !ended) {
        Card card(f, f.p.panel, f.p.border);
        if (!a.rating.empty()) {
            f.text(a.rating, f.p.heading, f.ctx.fonts.heading);
        }
        if (a.answered_right) {
            f.text(*a.answered_right ? i18n::tr("The room answered right.")
                                     : i18n::tr("Not quite."),
                   f.p.heading, f.ctx.fonts.heading);
        }
        if (!a.feedback.empty()) {
            f.body(a.feedback);
        }
        for (const std::string& n : a.noticed) {
            // TRANSLATORS: {1} is the name of a sign of trafficking.
            f.bold("\u2714 " + i18n::format(i18n::tr("Noticed: {1}"), {n}), f.p.tiers[0]);
        }
    }
    if (ended) {
        f.title(a.outcome);
        for (const std::string& d : a.debrief) {
            f.body(d);
        }
        if (!a.indicators_noticed.empty()) {
            f.heading(i18n::tr("Signs the room recognised"));
            for (const std::string& n : a.indicators_noticed) {
                f.body("\u2714 " + n);
            }
        }
        if (!a.indicators_missed.empty()) {
            f.heading(i18n::tr("Signs to look for next time"));
            for (const std::string& n : a.indicators_missed) {
                f.body("\u25CB " + n);
            }
        }
        if (!a.response.empty()) {
            f.heading(i18n::tr("What to do"));
            f.body(a.response);
        }
        if (!a.report.empty()) {
            f.heading(i18n::tr("How to report"));
            f.body(a.report);
        }
    }
}

static const char* control_label(classroom::Control c) {
    switch (c) {
    case classroom::Control::Discuss:
        return i18n::tr("Discuss (D)");
    case classroom::Control::OpenVoting:
        return i18n::tr("Open voting (V)");
    case classroom::Control::EnterVotes:
        return i18n::tr("Votes: 1\u20139 then + / \u2212");
    case classroom::Control::Lock:
        return i18n::tr("Lock votes (L)");
    case classroom::Control::Unlock:
        return i18n::tr("Reopen voting (U)");
    case classroom::Control::Reveal:
        return i18n::tr("Reveal the tally (R)");
    case classroom::Control::TakeMajority:
        return i18n::tr("Take the majority (M)");
    case classroom::Control::Pick:
        return i18n::tr("Pick the selected one (Enter)");
    case classroom::Control::Continue:
        return i18n::tr("Continue (PageDown)");
    case classroom::Control::GoBack:
        return i18n::tr("Go back (PageUp)");
    case classroom::Control::Finish:
        return i18n::tr("Finish the session (PageDown)");
    case classroom::Control::Abandon:
        return i18n::tr("Leave (Esc)");
    }
    return "";
}

// The step a control button takes; none for the ones said in the key hints.
static std::optional<ClassroomStep> control_step(classroom::Control c) {
    switch (c) {
    case classroom::Control::Discuss:
        return ClassroomStep::Discuss;
    case classroom::Control::OpenVoting:
        return ClassroomStep::OpenVoting;
    case classroom::Control::EnterVotes:
        return std::nullopt;
    case classroom::Control::Lock:
        return ClassroomStep::Lock;
    case classroom::Control::Unlock:
        return ClassroomStep::Unlock;
    case classroom::Control::Reveal:
        return ClassroomStep::Reveal;
    case classroom::Control::TakeMajority:
        return ClassroomStep::Majority;
    case classroom::Control::Pick:
        return ClassroomStep::Pick;
    case classroom::Control::Continue:
    case classroom::Control::Finish:
        return ClassroomStep::Forward;
    case classroom::Control::GoBack:
        return ClassroomStep::Back;
    case classroom::Control::Abandon:
        return ClassroomStep::Leave;
    }
    return std::nullopt;
}

// The facilitator's phone controls: the lobby, the join code, the devices.
static void phones_panel(Frame& f, const PhonesState& phones, bool voting) {
    Card card(f, f.p.panel, f.p.border);
    // TRANSLATORS: {1} is "N phones in the room", {2} how many of them have voted.
    f.bold(i18n::format(i18n::tr_n("Phones: {1} \u00B7 {2} has voted on this question",
                                   "Phones: {1} \u00B7 {2} have voted on this question",
                                   phones.voters),
                        {phones_in_room(phones.phones), std::to_string(phones.voters)}),
           f.p.heading);
    // TRANSLATORS: {1} is the voting page's address, {2} the room code.
    f.muted(i18n::format(phones.lobby_locked
                             ? i18n::tr("Join at {1} with room code {2} \u00B7 the lobby is locked")
                             : i18n::tr("Join at {1} with room code {2}"),
                         {phones.address, spaced_code(phones.room_code)}));
    const auto step_button = [&](const std::string& label, ClassroomStep step, bool first) {
        if (!first) {
            f.next_to(f.button_width(label));
        }
        if (f.button(label)) {
            classroom_set(f, step);
        }
    };
    step_button(phones.lobby_locked ? i18n::tr("Open the lobby") : i18n::tr("Lock the lobby"),
                phones.lobby_locked ? ClassroomStep::UnlockLobby : ClassroomStep::LockLobby, true);
    step_button(phones.code_shown ? i18n::tr("Hide the join code") : i18n::tr("Show the join code"),
                phones.code_shown ? ClassroomStep::HideJoinCode : ClassroomStep::ShowJoinCode,
                false);
    if (voting) {
        step_button(i18n::tr("Clear the phones' votes"), ClassroomStep::ResetPhoneVotes, false);
    }
    if (!phones.devices.empty() &&
        // TRANSLATORS: {1} is how many phones have joined.
        ImGui::TreeNode(
            "##devices", "%s",
            i18n::format(i18n::tr("Devices ({1})"), {std::to_string(phones.devices.size())})
                .c_str())) {
        for (std::size_t i = 0; i < phones.devices.size(); ++i) {
            const PhoneDevice& d = phones.devices[i];
            ImGui::PushID(static_cast<int>(i));
            // The device's id ("Phone 2") as people read it ("Teléfono 2").
            const std::string name = classroom::phone_label_text(d.label);
            f.body(d.voted ? name + " \u00B7 " + i18n::tr("phone", "voted") : name);
            f.next_to(f.button_width(i18n::tr("button", "Remove")));
            if (f.button(i18n::tr("button", "Remove"))) {
                classroom_set(f, ClassroomStep::RemovePhone, static_cast<int>(i));
            }
            ImGui::PopID();
        }
        ImGui::TreePop();
    }
}

// The facilitator's screen: drawn from the PresenterState. The controls and
// the tally first, so that they fit above the fold; the story last.
void presenter_view(Frame& f) {
    const ClassroomState& c = f.s.classroom;
    const classroom::PresenterState& p = c.presenter;
    if (c.confirm_leave) {
        leave_question(f);
    }
    f.muted(c.projector_window
                ? i18n::tr("Presenter view \u00B7 the room sees the projector window (P closes it)")
                : i18n::tr("Presenter view \u00B7 the room sees the audience view (Tab or F5 "
                           "switches; P opens it in a window of its own for a second screen)"));
    f.text(p.session_name, f.p.heading, f.ctx.fonts.heading);
    std::string who = p.scenario_title;
    if (!p.facilitator.empty()) {
        // TRANSLATORS: {1} is the facilitator's name.
        who += " \u00B7 " + i18n::format(i18n::tr("facilitator {1}"), {p.facilitator});
    }
    who += " \u00B7 " + (p.head_count > 0
                             ? i18n::format(i18n::tr_n("{1} person", "{1} people",
                                                       static_cast<unsigned long>(p.head_count)),
                                            {std::to_string(p.head_count)})
                             : std::string(i18n::tr("head count unknown")));
    // TRANSLATORS: {1} is the branch number, {2} the stage's name, {3} the minutes the session
    // has run; a status line, keep it short.
    who += " \u00B7 " + i18n::format(i18n::tr("branch {1} \u00B7 stage {2} \u00B7 {3} min"),
                                     {std::to_string(p.branch + 1), classroom::stage_text(p.stage),
                                      std::to_string(static_cast<long>(p.session_seconds / 60))});
    f.muted(who);
    if (!c.error.empty()) {
        f.bold("\u26A0 " + c.error, f.p.tiers[3]);
    }
    const std::string projector_label = c.projector_window
                                            ? i18n::tr("Close the projector window (P)")
                                            : i18n::tr("Projector window (P)");
    if (f.button(projector_label)) {
        f.set(IntentKind::ToggleProjector);
    }
    if (!c.report_csv.empty()) {
        Card card(f, f.p.panel, f.p.tiers[0]);
        f.bold(i18n::tr("Session report saved"), f.p.tiers[0]);
        // TRANSLATORS: {1} is the path of the session report's CSV file.
        f.body(i18n::format(i18n::tr("CSV: {1}"), {c.report_csv}));
        f.body(i18n::format(i18n::tr("PDF: {1}"), {c.report_pdf}));
    }
    f.gap(0.3f);
    bool first = true;
    for (const classroom::Control control : p.controls) {
        const std::optional<ClassroomStep> step = control_step(control);
        const std::string label = control_label(control);
        if (!step || control == classroom::Control::Abandon) {
            continue; // said in the key hints
        }
        if (!first) {
            f.next_to(f.button_width(label, f.ctx.fonts.bold));
        }
        first = false;
        const bool main = p.forward && control == *p.forward;
        if (main ? f.primary(label) : f.button(label)) {
            classroom_set(f, *step);
        }
    }
    // TRANSLATORS: the keys stay as they are (PageDown, D, V, Enter, Esc...).
    f.muted(
        i18n::tr("PageDown / \u2192 next step \u00B7 PageUp / \u2190 back \u00B7 1\u20139 select "
                 "\u00B7 + / \u2212 votes \u00B7 D discuss \u00B7 V vote \u00B7 L lock \u00B7 R "
                 "reveal \u00B7 M majority \u00B7 Enter pick \u00B7 Esc leave"));
    if (c.phones.on) {
        phones_panel(f, c.phones, p.stage == classroom::Stage::Voting);
    }
    if (!p.question.empty()) {
        f.heading(p.question);
    }
    if (!p.choices.empty()) {
        if (p.question.empty()) {
            f.heading(p.is_check ? i18n::tr("Options and votes") : i18n::tr("Choices and votes"));
        }
        for (std::size_t i = 0; i < p.choices.size(); ++i) {
            const classroom::PresenterChoice& ch = p.choices[i];
            const bool selected = i == c.selected;
            const std::string line = (selected ? "\u25B6 " : "") + ch.key + ". " + ch.text;
            f.text(line, ch.enabled ? f.p.text : f.p.muted,
                   selected ? f.ctx.fonts.bold : f.ctx.fonts.body);
            std::string label = votes_text(ch.votes, ch.percent);
            if (c.phones.on) {
                // TRANSLATORS: how many of a choice's votes came from phones.
                label += " " +
                         i18n::format(i18n::tr("({1} by phone)"), {std::to_string(ch.phone_votes)});
            }
            if (ch.best) {
                label += p.is_check ? " \u00B7 \u2714 " + std::string(i18n::tr("option", "correct"))
                                    : " \u00B7 \u2605 " + std::string(i18n::tr("choice", "best"));
            }
            if (!ch.tier_name.empty() && !(ch.best && p.is_check)) {
                label += " \u00B7 " + ch.tier_name;
            }
            if (ch.leading) {
                label += " \u00B7 " + std::string(i18n::tr("choice", "leading"));
            }
            if (ch.chosen) {
                label += " \u00B7 " + std::string(i18n::tr("choice", "chosen"));
            }
            if (!ch.enabled) {
                label += " \u00B7 " + std::string(i18n::tr("choice", "not available"));
            }
            vote_bar(f, ch.percent, label, ch.leading);
        }
        if (!p.tally_summary.empty()) {
            f.body(p.tally_summary);
        }
        if (!p.warning.empty()) {
            f.bold("\u26A0 " + p.warning, f.p.tiers[2]);
        }
    }
    if (p.decided) {
        Card card(f, f.p.panel, f.p.border);
        // TRANSLATORS: {1} says who decided (the room, the facilitator).
        f.bold(i18n::format(i18n::tr("Picked by {1}"), {classroom::decided_text(*p.decided)}) +
                   (p.tier_name.empty() ? "" : " \u00B7 " + p.tier_name),
               f.p.heading);
        if (!p.feedback.empty()) {
            f.body(p.feedback);
        }
        std::string scores;
        for (const classroom::PresenterScore& s : p.score_changes) {
            if (s.score != 0) {
                scores +=
                    (scores.empty() ? "" : " \u00B7 ") + s.dimension + " " + signed_number(s.score);
            }
        }
        if (!scores.empty()) {
            f.muted(scores);
        }
        for (const std::string& n : p.noticed) {
            f.bold("\u2714 " + i18n::format(i18n::tr("Noticed: {1}"), {n}), f.p.tiers[0]);
        }
    } else if (!p.best_why.empty()) {
        Card card(f, f.p.panel, f.p.tiers[0]);
        std::string keys;
        for (const std::string& id : p.best) {
            for (const classroom::PresenterChoice& ch : p.choices) {
                if (ch.id == id) {
                    keys += (keys.empty() ? "" : ", ") + ch.key;
                }
            }
        }
        // TRANSLATORS: {1} lists the keys of the best choices, e.g. "A, C".
        f.bold("\u2605 " + i18n::format(i18n::tr("Best: {1}"), {keys}), f.p.tiers[0]);
        f.body(p.best_why);
    }
    if (!p.notes.empty()) {
        Card card(f, f.p.note, f.p.note_text);
        f.bold(i18n::tr("Facilitator notes"), f.p.note_text);
        for (const std::string& n : p.notes) {
            f.text(n, f.p.note_text);
        }
    }
    if (!p.prompts.empty()) {
        f.heading(i18n::tr("Discussion prompts"));
        for (const std::string& q : p.prompts) {
            ImGui::Bullet();
            ImGui::SameLine();
            f.body(q);
        }
    }
    if (!p.outcome.empty()) {
        // TRANSLATORS: {1} is the ending's outcome.
        f.heading(i18n::format(i18n::tr("Ending: {1}"), {p.outcome}));
        for (const classroom::PresenterScore& s : p.scores) {
            f.body(s.dimension + ": " + std::to_string(s.score) + " (" + std::to_string(s.percent) +
                   "%)");
        }
        for (const std::string& n : p.indicators_noticed) {
            f.body("\u2714 " + i18n::format(i18n::tr("Recognised: {1}"), {n}));
        }
        for (const std::string& n : p.indicators_missed) {
            f.body("\u25CB " + i18n::format(i18n::tr("Missed: {1}"), {n}));
        }
    }
    f.heading(i18n::tr("What the room sees"));
    classroom_paragraphs(f, p.paragraphs, true);
    if (!p.path.empty()) {
        f.heading(i18n::tr("heading", "Path"));
        for (const classroom::PresenterPoint& pt : p.path) {
            ImGui::PushID(static_cast<int>(pt.index));
            std::string line = std::to_string(pt.index + 1) + ". " + pt.label;
            if (pt.picked) {
                line += " \u2192 " + pt.chosen_text + " (" + pt.decided + ")";
            }
            f.body(line);
            if (pt.picked && f.button(i18n::tr("Go back here"))) {
                classroom_set(f, ClassroomStep::GoBack, static_cast<int>(pt.index));
            }
            ImGui::PopID();
        }
    }
}

void classroom_keys(Frame& f, int digit, bool enter) {
    const KeyCodes& k = f.ctx.keys;
    const auto pressed = [](int key) {
        return key >= 0 && key < 512 && ImGui::IsKeyPressed(key, false);
    };
    const ClassroomState& c = f.s.classroom;
    if (c.confirm_leave) {
        if (enter) {
            classroom_set(f, ClassroomStep::LeaveConfirm);
        }
        return;
    }
    if (digit > 0) {
        classroom_set(f, ClassroomStep::Select, digit - 1);
    } else if (pressed(k.tab) || pressed(k.f5)) {
        classroom_set(f, ClassroomStep::ToggleView);
    } else if (pressed(k.p)) {
        f.set(IntentKind::ToggleProjector);
    } else if (pressed(k.page_down) || pressed(k.right)) {
        classroom_set(f, ClassroomStep::Forward);
    } else if (pressed(k.page_up) || pressed(k.left)) {
        classroom_set(f, ClassroomStep::Back);
    } else if (pressed(k.keypad_add) || pressed(k.equal)) {
        classroom_set(f, ClassroomStep::VoteUp);
    } else if (pressed(k.minus) || pressed(k.keypad_subtract)) {
        classroom_set(f, ClassroomStep::VoteDown);
    } else if (pressed(k.l)) {
        classroom_set(f, ClassroomStep::Lock);
    } else if (pressed(k.u)) {
        classroom_set(f, ClassroomStep::Unlock);
    } else if (pressed(k.r)) {
        classroom_set(f, ClassroomStep::Reveal);
    } else if (pressed(k.m)) {
        classroom_set(f, ClassroomStep::Majority);
    } else if (pressed(k.d)) {
        classroom_set(f, ClassroomStep::Discuss);
    } else if (pressed(k.v)) {
        classroom_set(f, ClassroomStep::OpenVoting);
    } else if (enter) {
        classroom_set(f, ClassroomStep::Confirm);
    }
}

} // namespace sightline::ui::detail
