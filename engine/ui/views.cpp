// The desktop player's window: the top bar (title, learner, text size, theme and
// help), the window-filling column every screen is drawn in, and draw(), which
// picks the screen and then reads the keys. The screens live in views_*.cpp.
#include "ui/views.hpp"

#include "ui/views_frame.hpp"

#include <utility>

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
