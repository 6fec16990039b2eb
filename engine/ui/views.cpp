#include "ui/views.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <imgui_stdlib.h>
#include <string_view>

namespace sightline::ui {

namespace {

std::vector<DrawnText>* g_capture = nullptr;

ImVec4 mix(const ImVec4& a, const ImVec4& b, float t) {
    return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t,
            a.w + (b.w - a.w) * t};
}

ImVec2 add(const ImVec2& a, const ImVec2& b) {
    return {a.x + b.x, a.y + b.y};
}

// Records drawn text for tests; the rectangle defaults to the last item's.
void capture(std::string_view text, const ImVec4& colour, const ImFont* font, ImVec2 min = {-1, -1},
             ImVec2 max = {-1, -1}) {
    if (g_capture != nullptr && !text.empty()) {
        if (min.x < 0 && max.x < 0) {
            min = ImGui::GetItemRectMin();
            max = ImGui::GetItemRectMax();
        }
        g_capture->push_back({std::string(text), colour, font, min, max});
    }
}

std::string_view visible_label(std::string_view label) {
    const std::size_t hidden = label.find("##");
    return hidden == std::string_view::npos ? label : label.substr(0, hidden);
}

std::string signed_number(std::int64_t n) {
    return (n >= 0 ? "+" : "\u2212") + std::to_string(n >= 0 ? n : -n);
}

std::string progress_word(Progress progress) {
    switch (progress) {
    case Progress::NotStarted:
        return "\u25CB Not started";
    case Progress::InProgress:
        return "\u25D0 In progress";
    case Progress::Completed:
        return "\u25CF Completed";
    }
    return {};
}

// One frame's drawing state: the palette, sizes in font units, the intent.
class Frame {
  public:
    Frame(Screen& screen, const ViewContext& context)
        : s(screen), ctx(context), p(palette(context.theme)), em(ImGui::GetFontSize()) {}

    Screen& s;
    const ViewContext& ctx;
    const Palette& p;
    float em;
    float width = 0; // the width text and tiles may take at the cursor
    float right = 0; // the column's right edge, window-local
    bool new_content = false;
    Intent intent;

    void set(Intent i) {
        if (!intent) {
            intent = std::move(i);
        }
    }
    void set(IntentKind kind, std::string id = {}) {
        Intent i;
        i.kind = kind;
        i.id = std::move(id);
        set(std::move(i));
    }

    // ---- text
    void text(std::string_view t, const ImVec4& colour, ImFont* font = nullptr) const {
        if (font != nullptr) {
            ImGui::PushFont(font);
        }
        ImGui::PushStyleColor(ImGuiCol_Text, colour);
        if (t.empty()) {
            t = std::string_view("", 0);
        }
        ImGui::TextUnformatted(t.data(), t.data() + t.size());
        capture(t, colour, ImGui::GetFont());
        ImGui::PopStyleColor();
        if (font != nullptr) {
            ImGui::PopFont();
        }
    }
    void body(std::string_view t) const { text(t, p.text); }
    void muted(std::string_view t) const { text(t, p.muted); }
    void bold(std::string_view t, const ImVec4& colour) const { text(t, colour, ctx.fonts.bold); }
    void heading(std::string_view t) const {
        ImGui::Dummy({0, em * 0.3f});
        text(t, p.heading, ctx.fonts.heading);
    }
    void title(std::string_view t) const { text(t, p.heading, ctx.fonts.title); }
    void gap(float ems = 0.5f) const { ImGui::Dummy({0, em * ems}); }

    // The width of a button with `label` in the current font (or `font`).
    float button_width(const std::string& label, ImFont* font = nullptr) const {
        if (font != nullptr) {
            ImGui::PushFont(font);
        }
        const float w = ImGui::CalcTextSize(label.c_str(), nullptr, true).x +
                        ImGui::GetStyle().FramePadding.x * 2;
        if (font != nullptr) {
            ImGui::PopFont();
        }
        return w;
    }
    // Puts the next item, `w` wide, on the same line if it fits, else on the next.
    void next_to(float w) const {
        ImGui::SameLine();
        if (ImGui::GetCursorPosX() + w > right) {
            ImGui::NewLine();
        }
    }

    // ---- buttons
    bool button(const std::string& label) const {
        const bool pressed = ImGui::Button(label.c_str());
        capture(visible_label(label), p.text, ImGui::GetFont());
        return pressed;
    }
    bool primary(const std::string& label) const {
        ImGui::PushStyleColor(ImGuiCol_Button, p.primary);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, mix(p.primary, p.background, 0.15f));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, mix(p.primary, p.text, 0.2f));
        ImGui::PushStyleColor(ImGuiCol_Text, p.primary_text);
        ImGui::PushFont(ctx.fonts.bold);
        const bool pressed = ImGui::Button(label.c_str(), {0, em * 2.2f});
        capture(visible_label(label), p.primary_text, ImGui::GetFont());
        ImGui::PopFont();
        ImGui::PopStyleColor(4);
        return pressed;
    }

    // A large button with a number badge and wrapped text: choices, courses,
    // scenarios, learners, check options.
    struct Tile {
        const char* id = "";
        int number = 0;          // 0: no badge
        std::string_view mark;   // replaces the number (check boxes)
        std::string_view title;  // bold
        std::string_view detail; // body text
        std::string_view status; // a third line, coloured
        ImVec4 status_colour{};
        bool enabled = true;
        bool selected = false;
        bool bold_title = true; // false for choices and answers: they read as sentences
    };
    bool tile(const Tile& t) const {
        const float pad = em * 0.6f;
        const float badge = (t.number > 0 || !t.mark.empty()) ? em * 2.0f : 0.0f;
        const float w = std::max(width, em * 8.0f);
        const float text_w = w - pad * 2 - (badge > 0 ? badge + pad : 0.0f);
        ImFont* title_font = t.bold_title ? ctx.fonts.bold : ctx.fonts.body;
        ImFont* body_font = ctx.fonts.body;
        const auto measure = [&](ImFont* font, std::string_view text) {
            if (text.empty()) {
                return 0.0f;
            }
            return font
                ->CalcTextSizeA(font->FontSize, FLT_MAX, text_w, text.data(),
                                text.data() + text.size())
                .y;
        };
        const float line_gap = em * 0.25f;
        const float title_h = measure(title_font, t.title);
        const float detail_h = measure(body_font, t.detail);
        const float status_h = measure(body_font, t.status);
        const float content_h = title_h + (detail_h > 0 ? line_gap + detail_h : 0.0f) +
                                (status_h > 0 ? line_gap + status_h : 0.0f);
        const float h = std::max(content_h, badge) + pad * 2;

        const ImVec2 pos = ImGui::GetCursorScreenPos();
        if (!t.enabled) {
            ImGui::BeginDisabled();
        }
        const bool pressed = ImGui::InvisibleButton(t.id, {w, h});
        const bool hovered = ImGui::IsItemHovered();
        const bool held = ImGui::IsItemActive();
        const bool focused = ImGui::IsItemFocused() && ImGui::GetIO().NavVisible;
        if (!t.enabled) {
            ImGui::EndDisabled();
        }

        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 end = add(pos, {w, h});
        const float rounding = ImGui::GetStyle().FrameRounding;
        const ImVec4 bg = !t.enabled             ? p.background
                          : (held || t.selected) ? p.button_active
                          : hovered              ? p.button_hovered
                                                 : p.button;
        dl->AddRectFilled(pos, end, ImGui::GetColorU32(bg), rounding);
        const float border = ImGui::GetStyle().FrameBorderSize;
        dl->AddRect(pos, end, ImGui::GetColorU32(t.selected ? p.heading : p.border), rounding, 0,
                    t.selected ? border * 2 : border);
        if (focused) {
            const float ring = std::max(2.0f, em * 0.15f);
            dl->AddRect(add(pos, {-ring, -ring}), add(end, {ring, ring}),
                        ImGui::GetColorU32(p.focus), rounding + ring, 0, ring);
        }
        const ImVec4 ink = t.enabled ? p.text : p.muted;
        float x = pos.x + pad;
        if (badge > 0) {
            const ImVec2 b0{x, pos.y + pad};
            const ImVec2 b1 = add(b0, {badge, badge});
            std::string label = t.mark.empty() ? std::to_string(t.number) : std::string(t.mark);
            if (t.mark.empty()) {
                dl->AddRectFilled(b0, b1, ImGui::GetColorU32(t.enabled ? p.primary : p.border),
                                  rounding);
            } else {
                dl->AddRect(b0, b1, ImGui::GetColorU32(ink), rounding, 0, border);
            }
            const ImVec4 badge_ink = t.mark.empty() ? p.primary_text : ink;
            ImFont* badge_font = ctx.fonts.bold;
            const ImVec2 size =
                badge_font->CalcTextSizeA(badge_font->FontSize, FLT_MAX, 0, label.c_str());
            dl->AddText(badge_font, badge_font->FontSize,
                        {b0.x + (badge - size.x) * 0.5f, b0.y + (badge - size.y) * 0.5f},
                        ImGui::GetColorU32(badge_ink), label.c_str());
            capture(label, badge_ink, badge_font, pos, end);
            x += badge + pad;
        }
        float y = pos.y + pad + (h - pad * 2 - content_h) * 0.5f; // centred on the badge
        const auto put = [&](ImFont* font, std::string_view text, const ImVec4& colour,
                             float height) {
            if (text.empty()) {
                return;
            }
            dl->AddText(font, font->FontSize, {x, y}, ImGui::GetColorU32(colour), text.data(),
                        text.data() + text.size(), text_w);
            capture(text, colour, font, pos, end);
            y += height + line_gap;
        };
        put(title_font, t.title, ink, title_h);
        put(body_font, t.detail, p.muted, detail_h);
        put(body_font, t.status, t.status_colour, status_h);
        return pressed && t.enabled;
    }

    // Signs are filled chips marked ●; confounders (details that on their
    // own are not signs) are outlined chips marked ◇, under their own heading.
    void chips(const std::vector<Chip>& chips, bool confounders = false) const {
        if (chips.empty()) {
            return;
        }
        const ImVec4& fill = confounders ? p.panel : p.chip;
        const ImVec4& ink = confounders ? p.text : p.chip_text;
        const ImVec4& edge = confounders ? p.muted : p.chip_text;
        const char* mark = confounders ? "\u25C7 " : "\u25CF ";
        const float row_end = ImGui::GetCursorScreenPos().x + width;
        const ImVec2 pad{em * 0.5f, em * 0.2f};
        ImDrawList* dl = ImGui::GetWindowDrawList();
        for (std::size_t i = 0; i < chips.size(); ++i) {
            const std::string label = mark + chips[i].name;
            const ImVec2 ts = ImGui::CalcTextSize(label.c_str());
            const ImVec2 size{std::min(ts.x + pad.x * 2, width), ts.y + pad.y * 2};
            if (i > 0) {
                ImGui::SameLine();
                if (ImGui::GetCursorScreenPos().x + size.x > row_end) {
                    ImGui::NewLine();
                }
            }
            const ImVec2 pos = ImGui::GetCursorScreenPos();
            ImGui::Dummy(size);
            const float rounding = size.y * 0.5f;
            dl->AddRectFilled(pos, add(pos, size), ImGui::GetColorU32(fill), rounding);
            dl->AddRect(pos, add(pos, size), ImGui::GetColorU32(edge), rounding, 0,
                        ImGui::GetStyle().FrameBorderSize);
            ImGui::PushClipRect(pos, add(pos, size), true);
            dl->AddText(add(pos, pad), ImGui::GetColorU32(ink), label.c_str());
            ImGui::PopClipRect();
            capture(label, ink, ImGui::GetFont(), pos, add(pos, size));
        }
    }

    // The tier as an icon, a word and a colour (never the colour alone).
    void tier(int look, std::string_view name, ImFont* font) const {
        const ImVec4 colour = p.tiers[static_cast<std::size_t>(std::clamp(look, 0, 3))];
        text(std::string(tier_icon(look)) + " " + std::string(name), colour, font);
    }
};

// A panel behind content of unknown height: content goes on channel 1, the
// background is drawn on channel 0 once the height is known. Not nestable.
class Card {
  public:
    Card(Frame& f, const ImVec4& bg, const ImVec4& border, float border_scale = 1.0f)
        : f_(f), bg_(bg), border_(border), border_scale_(border_scale),
          dl_(ImGui::GetWindowDrawList()), start_(ImGui::GetCursorScreenPos()),
          outer_width_(f.width), pad_(f.em * 0.9f) {
        dl_->ChannelsSplit(2);
        dl_->ChannelsSetCurrent(1);
        ImGui::SetCursorScreenPos(add(start_, {pad_, pad_}));
        ImGui::BeginGroup();
        f_.width = outer_width_ - pad_ * 2;
        outer_right_ = f_.right;
        f_.right = ImGui::GetCursorPosX() + f_.width;
        ImGui::PushTextWrapPos(f_.right);
    }
    ~Card() {
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        const ImVec2 end{start_.x + outer_width_, ImGui::GetItemRectMax().y + pad_};
        dl_->ChannelsSetCurrent(0);
        const float rounding = ImGui::GetStyle().ChildRounding;
        dl_->AddRectFilled(start_, end, ImGui::GetColorU32(bg_), rounding);
        dl_->AddRect(start_, end, ImGui::GetColorU32(border_), rounding, 0,
                     ImGui::GetStyle().FrameBorderSize * border_scale_);
        dl_->ChannelsMerge();
        ImGui::SetCursorScreenPos({start_.x, end.y});
        ImGui::Dummy({outer_width_, 0});
        f_.width = outer_width_;
        f_.right = outer_right_;
    }
    Card(const Card&) = delete;
    Card& operator=(const Card&) = delete;

  private:
    Frame& f_;
    ImVec4 bg_;
    ImVec4 border_;
    float border_scale_;
    ImDrawList* dl_;
    ImVec2 start_;
    float outer_width_;
    float outer_right_ = 0;
    float pad_;
};

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

void story(Frame& f, const std::vector<Line>& lines, bool dimmed = false) {
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

// ---------------------------------------------------------------- classroom

void classroom_setup(Frame& f) {
    ClassroomSetupState& c = f.s.classroom_setup;
    if (f.button("\u2190 Back to the course (Esc)")) {
        f.set(IntentKind::Back);
    }
    f.muted(c.course_title);
    f.title("Run in classroom");
    f.body("Project \u201C" + c.scenario_title +
           "\u201D and let the room decide together. Participants stay anonymous: the session "
           "keeps a head count only. It is recorded as a classroom session.");
    f.gap();
    const auto submit = [&] {
        Intent i;
        i.kind = IntentKind::StartClassroom;
        i.classroom = c.form;
        f.set(std::move(i));
    };
    ImGui::PushItemWidth(f.width);
    f.bold("Session name (required)", f.p.text);
    if (f.new_content) {
        ImGui::SetKeyboardFocusHere();
    }
    if (ImGui::InputText("##session-name", &c.form.name, ImGuiInputTextFlags_EnterReturnsTrue)) {
        submit();
    }
    f.bold("Facilitator (optional)", f.p.text);
    if (ImGui::InputText("##facilitator", &c.form.facilitator,
                         ImGuiInputTextFlags_EnterReturnsTrue)) {
        submit();
    }
    f.bold("People in the room (0 if you do not know)", f.p.text);
    ImGui::PopItemWidth();
    ImGui::PushItemWidth(f.em * 10);
    if (ImGui::InputInt("##head-count", &c.form.head_count)) {
        c.form.head_count = std::max(0, c.form.head_count);
    }
    ImGui::PopItemWidth();
    if (!c.error.empty()) {
        f.bold("\u26A0 " + c.error, f.p.tiers[3]);
    }
    f.gap();
    if (f.primary("Start the session (Enter)")) {
        submit();
    }
    f.next_to(f.button_width("Cancel (Esc)"));
    if (f.button("Cancel (Esc)")) {
        f.set(IntentKind::Back);
    }
}

void classroom_set(Frame& f, const char* step, int index = -1) {
    Intent i;
    i.kind = IntentKind::Classroom;
    i.id = step;
    i.index = index;
    f.set(std::move(i));
}

// A horizontal bar: `percent` filled, `label` to its right.
void vote_bar(Frame& f, int percent, const std::string& label, bool highlight) {
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

std::string votes_text(std::int64_t votes, int percent) {
    return std::to_string(votes) + (votes == 1 ? " vote" : " votes") + " \u00B7 " +
           std::to_string(percent) + "%";
}

void classroom_paragraphs(Frame& f, const std::vector<classroom::Paragraph>& paragraphs,
                          bool dimmed) {
    std::vector<Line> lines;
    for (const classroom::Paragraph& p : paragraphs) {
        lines.push_back({p.speaker, p.text});
    }
    story(f, lines, dimmed);
}

void leave_question(Frame& f) {
    Card card(f, f.p.panel, f.p.tiers[2], 2.0f);
    f.bold("Leave this classroom session?", f.p.tiers[2]);
    f.body(f.s.classroom.presenter.finished
               ? "The session is finished and its report is saved."
               : "The session stops here; what the room decided so far stays recorded.");
    if (f.primary("Leave (Enter)")) {
        classroom_set(f, "leave-confirm");
    }
    f.next_to(f.button_width("Stay (Esc)"));
    if (f.button("Stay (Esc)")) {
        classroom_set(f, "leave-cancel");
    }
}

// The projector: drawn from the AudienceState only.
void audience_view(Frame& f) {
    const classroom::AudienceState& a = f.s.classroom.audience;
    if (f.s.classroom.confirm_leave) {
        leave_question(f);
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
            f.muted("Several answers may be right.");
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
                f.bold(a.is_check ? "\u2714 The room's answer" : "\u2714 The room's choice",
                       f.p.speaker);
                if (c.votes) {
                    vote_bar(f, c.percent, votes_text(*c.votes, c.percent), true);
                }
            } else {
                f.text(line, ink);
                if (!c.enabled) {
                    f.muted("Not available now");
                }
                if (c.votes) {
                    vote_bar(f, c.percent, votes_text(*c.votes, c.percent), false);
                }
            }
            if (c.correct) {
                f.bold(*c.correct ? "\u2714 Right" : "\u2716 Not right",
                       *c.correct ? f.p.tiers[0] : f.p.tiers[3]);
            }
            if (!c.feedback.empty()) {
                f.body(c.feedback);
            }
            f.gap(0.4f);
        }
        if (a.tally_shown) {
            f.muted(std::to_string(a.total_votes) +
                    (a.total_votes == 1 ? " vote in all." : " votes in all."));
        }
    }
    if (a.picked && !ended) {
        Card card(f, f.p.panel, f.p.border);
        if (!a.rating.empty()) {
            f.text(a.rating, f.p.heading, f.ctx.fonts.heading);
        }
        if (a.answered_right) {
            f.text(*a.answered_right ? "The room answered right." : "Not quite.", f.p.heading,
                   f.ctx.fonts.heading);
        }
        if (!a.feedback.empty()) {
            f.body(a.feedback);
        }
        for (const std::string& n : a.noticed) {
            f.bold("\u2714 Noticed: " + n, f.p.tiers[0]);
        }
    }
    if (ended) {
        f.title(a.outcome);
        for (const std::string& d : a.debrief) {
            f.body(d);
        }
        if (!a.indicators_noticed.empty()) {
            f.heading("Signs the room recognised");
            for (const std::string& n : a.indicators_noticed) {
                f.body("\u2714 " + n);
            }
        }
        if (!a.indicators_missed.empty()) {
            f.heading("Signs to look for next time");
            for (const std::string& n : a.indicators_missed) {
                f.body("\u25CB " + n);
            }
        }
        if (!a.response.empty()) {
            f.heading("What to do");
            f.body(a.response);
        }
        if (!a.report.empty()) {
            f.heading("How to report");
            f.body(a.report);
        }
    }
}

const char* control_label(classroom::Control c) {
    switch (c) {
    case classroom::Control::Discuss:
        return "Discuss (D)";
    case classroom::Control::OpenVoting:
        return "Open voting (V)";
    case classroom::Control::EnterVotes:
        return "Votes: 1\u20139 then + / \u2212";
    case classroom::Control::Lock:
        return "Lock votes (L)";
    case classroom::Control::Unlock:
        return "Reopen voting (U)";
    case classroom::Control::Reveal:
        return "Reveal the tally (R)";
    case classroom::Control::TakeMajority:
        return "Take the majority (M)";
    case classroom::Control::Pick:
        return "Pick the selected one (Enter)";
    case classroom::Control::Continue:
        return "Continue (PageDown)";
    case classroom::Control::GoBack:
        return "Go back (PageUp)";
    case classroom::Control::Finish:
        return "Finish the session (PageDown)";
    case classroom::Control::Abandon:
        return "Leave (Esc)";
    }
    return "";
}

const char* control_step(classroom::Control c) {
    switch (c) {
    case classroom::Control::Discuss:
        return "discuss";
    case classroom::Control::OpenVoting:
        return "open-voting";
    case classroom::Control::EnterVotes:
        return nullptr;
    case classroom::Control::Lock:
        return "lock";
    case classroom::Control::Unlock:
        return "unlock";
    case classroom::Control::Reveal:
        return "reveal";
    case classroom::Control::TakeMajority:
        return "majority";
    case classroom::Control::Pick:
        return "pick";
    case classroom::Control::Continue:
    case classroom::Control::Finish:
        return "forward";
    case classroom::Control::GoBack:
        return "back";
    case classroom::Control::Abandon:
        return "leave";
    }
    return nullptr;
}

// The facilitator's screen: drawn from the PresenterState. The controls and
// the tally first, so that they fit above the fold; the story last.
void presenter_view(Frame& f) {
    const ClassroomState& c = f.s.classroom;
    const classroom::PresenterState& p = c.presenter;
    if (c.confirm_leave) {
        leave_question(f);
    }
    f.muted("Presenter view \u00B7 the room sees the audience view (Tab or F5 switches)");
    f.text(p.session_name, f.p.heading, f.ctx.fonts.heading);
    std::string who = p.scenario_title;
    if (!p.facilitator.empty()) {
        who += " \u00B7 facilitator " + p.facilitator;
    }
    who += " \u00B7 " + (p.head_count > 0 ? std::to_string(p.head_count) + " people"
                                          : std::string("head count unknown"));
    who += " \u00B7 branch " + std::to_string(p.branch + 1) + " \u00B7 stage " +
           classroom::stage_name(p.stage) + " \u00B7 " +
           std::to_string(static_cast<long>(p.session_seconds / 60)) + " min";
    f.muted(who);
    if (!c.error.empty()) {
        f.bold("\u26A0 " + c.error, f.p.tiers[3]);
    }
    if (!c.report_csv.empty()) {
        Card card(f, f.p.panel, f.p.tiers[0]);
        f.bold("Session report saved", f.p.tiers[0]);
        f.body("CSV: " + c.report_csv);
        f.body("PDF: " + c.report_pdf);
    }
    f.gap(0.3f);
    bool first = true;
    for (const classroom::Control control : p.controls) {
        const char* step = control_step(control);
        const std::string label = control_label(control);
        if (step == nullptr || control == classroom::Control::Abandon) {
            continue; // said in the key hints
        }
        if (!first) {
            f.next_to(f.button_width(label, f.ctx.fonts.bold));
        }
        first = false;
        const bool main = p.forward && control == *p.forward;
        if (main ? f.primary(label) : f.button(label)) {
            classroom_set(f, step);
        }
    }
    f.muted("PageDown / \u2192 next step \u00B7 PageUp / \u2190 back \u00B7 1\u20139 select \u00B7 "
            "+ / \u2212 votes \u00B7 D discuss \u00B7 V vote \u00B7 L lock \u00B7 R reveal \u00B7 "
            "M majority \u00B7 Enter pick \u00B7 Esc leave");
    if (!p.question.empty()) {
        f.heading(p.question);
    }
    if (!p.choices.empty()) {
        if (p.question.empty()) {
            f.heading(p.is_check ? "Options and votes" : "Choices and votes");
        }
        for (std::size_t i = 0; i < p.choices.size(); ++i) {
            const classroom::PresenterChoice& ch = p.choices[i];
            const bool selected = i == c.selected;
            const std::string line = (selected ? "\u25B6 " : "") + ch.key + ". " + ch.text;
            f.text(line, ch.enabled ? f.p.text : f.p.muted,
                   selected ? f.ctx.fonts.bold : f.ctx.fonts.body);
            std::string label = votes_text(ch.votes, ch.percent);
            if (ch.best) {
                label += p.is_check ? " \u00B7 \u2714 correct" : " \u00B7 \u2605 best";
            }
            if (!ch.tier_name.empty() && !(ch.best && p.is_check)) {
                label += " \u00B7 " + ch.tier_name;
            }
            if (ch.leading) {
                label += " \u00B7 leading";
            }
            if (ch.chosen) {
                label += " \u00B7 chosen";
            }
            if (!ch.enabled) {
                label += " \u00B7 not available";
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
        f.bold(std::string("Picked by ") + classroom::decided_name(*p.decided) +
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
            f.bold("\u2714 Noticed: " + n, f.p.tiers[0]);
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
        f.bold("\u2605 Best: " + keys, f.p.tiers[0]);
        f.body(p.best_why);
    }
    if (!p.notes.empty()) {
        Card card(f, f.p.note, f.p.note_text);
        f.bold("Facilitator notes", f.p.note_text);
        for (const std::string& n : p.notes) {
            f.text(n, f.p.note_text);
        }
    }
    if (!p.prompts.empty()) {
        f.heading("Discussion prompts");
        for (const std::string& q : p.prompts) {
            ImGui::Bullet();
            ImGui::SameLine();
            f.body(q);
        }
    }
    if (!p.outcome.empty()) {
        f.heading("Ending: " + p.outcome);
        for (const classroom::PresenterScore& s : p.scores) {
            f.body(s.dimension + ": " + std::to_string(s.score) + " (" + std::to_string(s.percent) +
                   "%)");
        }
        for (const std::string& n : p.indicators_noticed) {
            f.body("\u2714 Recognised: " + n);
        }
        for (const std::string& n : p.indicators_missed) {
            f.body("\u25CB Missed: " + n);
        }
    }
    f.heading("What the room sees");
    classroom_paragraphs(f, p.paragraphs, true);
    if (!p.path.empty()) {
        f.heading("Path");
        for (const classroom::PresenterPoint& pt : p.path) {
            ImGui::PushID(static_cast<int>(pt.index));
            std::string line = std::to_string(pt.index + 1) + ". " + pt.label;
            if (pt.picked) {
                line += " \u2192 " + pt.chosen_text + " (" + pt.decided + ")";
            }
            f.body(line);
            if (pt.picked && f.button("Go back here")) {
                classroom_set(f, "go-back", static_cast<int>(pt.index));
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
            classroom_set(f, "leave-confirm");
        }
        return;
    }
    if (digit > 0) {
        classroom_set(f, "select", digit - 1);
    } else if (pressed(k.tab) || pressed(k.f5)) {
        classroom_set(f, "toggle-view");
    } else if (pressed(k.page_down) || pressed(k.right)) {
        classroom_set(f, "forward");
    } else if (pressed(k.page_up) || pressed(k.left)) {
        classroom_set(f, "back");
    } else if (pressed(k.keypad_add) || pressed(k.equal)) {
        classroom_set(f, "vote-up");
    } else if (pressed(k.minus) || pressed(k.keypad_subtract)) {
        classroom_set(f, "vote-down");
    } else if (pressed(k.l)) {
        classroom_set(f, "lock");
    } else if (pressed(k.u)) {
        classroom_set(f, "unlock");
    } else if (pressed(k.r)) {
        classroom_set(f, "reveal");
    } else if (pressed(k.m)) {
        classroom_set(f, "majority");
    } else if (pressed(k.d)) {
        classroom_set(f, "discuss");
    } else if (pressed(k.v)) {
        classroom_set(f, "open-voting");
    } else if (enter) {
        classroom_set(f, "confirm");
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
    const bool audience =
        screen.id == ScreenId::Classroom && !screen.classroom.presenter_view && !screen.help.open;
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
