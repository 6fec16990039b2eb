// The catalogue screen of the desktop player: the courses by role with their
// progress, and the language switch.
#include "ui/views_frame.hpp"

namespace sightline::ui::detail {

// ---------------------------------------------------------------- catalogue

namespace {

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

} // namespace

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

} // namespace sightline::ui::detail
