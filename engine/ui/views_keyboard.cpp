// The desktop player's keys, read after a screen is drawn: text size, help,
// Esc, and the digits and Enter of each screen.
#include "ui/views_frame.hpp"

#include <utility>
#include <vector>

namespace sightline::ui::detail {

// ---------------------------------------------------------------- keyboard

namespace {

std::vector<const CourseItem*> flat_courses(const CatalogueState& c) {
    std::vector<const CourseItem*> out;
    for (const RoleGroup& g : c.groups) {
        for (const CourseItem& course : g.courses) {
            out.push_back(&course);
        }
    }
    return out;
}
} // namespace

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

} // namespace sightline::ui::detail
