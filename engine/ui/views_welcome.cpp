// The welcome screen of the desktop player: who is training, and the form that
// creates a learner profile.
#include "ui/views_frame.hpp"

#include <functional>
#include <utility>
#include <vector>

namespace sightline::ui::detail {

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

} // namespace sightline::ui::detail
