// The help panel of the desktop player: what to do if someone is in danger,
// where to report, and the scenario's own reporting note.
#include "ui/views_frame.hpp"

namespace sightline::ui::detail {

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

} // namespace sightline::ui::detail
