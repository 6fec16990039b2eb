// The course map of the desktop player (a course's scenarios, to start, resume
// or run in a classroom) and the credit panel under it and under a debrief.
#include "ui/views_frame.hpp"

namespace sightline::ui::detail {

// ---------------------------------------------------------------- course map

namespace {

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

void credit_panel(Frame& f) {
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

} // namespace sightline::ui::detail
