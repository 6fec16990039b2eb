// The drawing frame the desktop player's views share: layout, colours, text
// capture for tests, and the small widgets. Internal to engine/ui: included by
// views.cpp and the views_*.cpp screens only.
#pragma once

#include "i18n/i18n.hpp"
#include "ui/shapes.hpp"
#include "ui/views.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <imgui_stdlib.h>
#include <string_view>

namespace sightline::ui::detail {

inline std::vector<DrawnText>* g_capture = nullptr; // set by set_text_capture()

inline ImVec4 mix(const ImVec4& a, const ImVec4& b, float t) {
    return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t,
            a.w + (b.w - a.w) * t};
}

inline ImVec2 add(const ImVec2& a, const ImVec2& b) {
    return {a.x + b.x, a.y + b.y};
}

// Records drawn text for tests; the rectangle defaults to the last item's.
inline void capture(std::string_view text, const ImVec4& colour, const ImFont* font,
                    ImVec2 min = {-1, -1}, ImVec2 max = {-1, -1}) {
    if (g_capture != nullptr && !text.empty()) {
        if (min.x < 0 && max.x < 0) {
            min = ImGui::GetItemRectMin();
            max = ImGui::GetItemRectMax();
        }
        g_capture->push_back({std::string(text), colour, font, min, max});
    }
}

inline std::string_view visible_label(std::string_view label) {
    const std::size_t hidden = label.find("##");
    return hidden == std::string_view::npos ? label : label.substr(0, hidden);
}

inline std::string signed_number(std::int64_t n) {
    return (n >= 0 ? "+" : "\u2212") + std::to_string(n >= 0 ? n : -n);
}

inline std::string progress_word(Progress progress) {
    switch (progress) {
    case Progress::NotStarted:
        return std::string("\u25CB ") + i18n::tr("progress", "Not started");
    case Progress::InProgress:
        return std::string("\u25D0 ") + i18n::tr("progress", "In progress");
    case Progress::Completed:
        return std::string("\u25CF ") + i18n::tr("progress", "Completed");
    }
    return {};
}

inline ImVec4 progress_colour(const Palette& p, Progress progress) {
    return progress == Progress::Completed    ? p.tiers[0]
           : progress == Progress::InProgress ? p.heading
                                              : p.muted;
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
    bool projector = false; // the projector window's frame: shown to the room, no controls
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
        const float border = ImGui::GetStyle().FrameBorderSize;
        framed_rect(*dl, pos, end, ImGui::GetColorU32(bg),
                    ImGui::GetColorU32(t.selected ? p.heading : p.border), rounding,
                    t.selected ? border * 2 : border);
        if (focused) {
            const float ring = std::max(2.0f, std::round(em * 0.15f));
            outline_rect(*dl, add(pos, {-ring, -ring}), add(end, {ring, ring}),
                         ImGui::GetColorU32(p.focus), rounding + ring, ring);
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
            framed_rect(*dl, pos, add(pos, size), ImGui::GetColorU32(fill),
                        ImGui::GetColorU32(edge), rounding, ImGui::GetStyle().FrameBorderSize);
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
        framed_rect(*dl_, start_, end, ImGui::GetColorU32(bg_), ImGui::GetColorU32(border_),
                    rounding, ImGui::GetStyle().FrameBorderSize * border_scale_);
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

// The help panel (views_help.cpp), the welcome screen (views_welcome.cpp), the
// catalogue (views_catalogue.cpp) and a course's map (views_course.cpp).
void help_panel(Frame& f);
void welcome(Frame& f);
void catalogue(Frame& f);
void course_map(Frame& f);

// Progress towards each completion rule (a word and an icon, never colour
// alone), then what comes next: the attestation, the certificate, or who
// issues it. On the course map and under a debrief (views_course.cpp).
void credit_panel(Frame& f);

// The story paragraphs of a node, the scenario screens and the debrief
// (views_scenario.cpp).
void story(Frame& f, const std::vector<Line>& lines, bool dimmed = false);
void scenario(Frame& f);
void debrief(Frame& f);

// The classroom screens and their keys (views_classroom.cpp).
void classroom_setup(Frame& f);
void classroom_set(Frame& f, ClassroomStep step, int index = -1);
void audience_view(Frame& f);
void presenter_view(Frame& f);
void classroom_keys(Frame& f, int digit, bool enter);

// The keys of every screen, read after it is drawn (views_keyboard.cpp).
void keyboard(Frame& f);

} // namespace sightline::ui::detail
