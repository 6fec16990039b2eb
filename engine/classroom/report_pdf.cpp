// The one-page PDF summary of a classroom session, drawn with cairo and
// pango (DejaVu Sans and Serif through fontconfig, unhinted metrics, so the
// layout does not depend on the screen). Everything is laid out twice: once
// to measure at a given scale, once to draw, shrinking the decisions until
// they fit on the page and cutting the rest with a pointer to the CSV.
#include "classroom/report.hpp"
#include "i18n/i18n.hpp"
#include "pdf/one_page.hpp"

#include <algorithm>
#include <cairo.h>
#include <cmath>
#include <ctime>
#include <memory>
#include <pango/pangocairo.h>
#include <string>
#include <vector>

namespace sightline::classroom {

namespace {

using namespace pdf; // the cairo/pango handles of engine/pdf/one_page.hpp
using i18n::tr;
using i18n::tr_n;

// US Letter, portrait, in points.
constexpr double kWidth = 612;
constexpr double kHeight = 792;
constexpr double kMargin = 48;
constexpr double kBottom = kHeight - 44; // above the footer

constexpr Colour kInk{0.13, 0.16, 0.20};
constexpr Colour kNavy{0.12, 0.23, 0.37};
constexpr Colour kMuted{0.36, 0.41, 0.47};
constexpr Colour kAccent{0.18, 0.50, 0.47}; // the path taken
constexpr Colour kBar{0.55, 0.63, 0.73};    // other choices
constexpr Colour kTrack{0.92, 0.94, 0.96};  // the empty part of a bar
constexpr Colour kFaint{0.72, 0.77, 0.82};

struct Style {
    const char* font; // pango family and style
    double size;      // points
    Colour colour = kInk;
    PangoAlignment align = PANGO_ALIGN_LEFT;
    int max_lines = 0; // 0: no limit; else ellipsized after this many
    double letter_spacing = 0;
};

// Draws text and shapes, or only measures them while `drawing` is false.
class Page {
  public:
    explicit Page(cairo_t* cr) : cr_(cr), font_map_(pango_cairo_font_map_new()) {
        context_.reset(pango_font_map_create_context(font_map_.get()));
        FontOptions options(cairo_font_options_create());
        cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
        cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
        cairo_font_options_set_antialias(options.get(), CAIRO_ANTIALIAS_GRAY);
        pango_cairo_context_set_font_options(context_.get(), options.get());
        pango_cairo_context_set_resolution(context_.get(), 72);
        pango_cairo_update_context(cr_, context_.get());
    }

    bool drawing = false;

    // Lays `text` out in a box `width` wide; draws it with its top at (x, y)
    // and returns its height.
    double text(std::string_view text, double x, double y, double width, const Style& style) {
        const Layout layout = make_layout(text, width, style);
        if (drawing) {
            cairo_set_source_rgb(cr_, style.colour.r, style.colour.g, style.colour.b);
            cairo_move_to(cr_, x, y);
            pango_cairo_show_layout(cr_, layout.get());
        }
        int w = 0, h = 0;
        pango_layout_get_size(layout.get(), &w, &h);
        return static_cast<double>(h) / PANGO_SCALE;
    }

    // How wide `text` is on one line.
    double width(std::string_view text, const Style& style) {
        const Layout layout = make_layout(text, -1, style);
        int w = 0, h = 0;
        pango_layout_get_size(layout.get(), &w, &h);
        return static_cast<double>(w) / PANGO_SCALE;
    }

    void rect(double x, double y, double w, double h, Colour c) {
        if (drawing) {
            cairo_set_source_rgb(cr_, c.r, c.g, c.b);
            cairo_rectangle(cr_, x, y, w, h);
            cairo_fill(cr_);
        }
    }

    void rule(double x0, double x1, double y, double width, Colour c) {
        if (drawing) {
            cairo_set_source_rgb(cr_, c.r, c.g, c.b);
            cairo_set_line_width(cr_, width);
            cairo_move_to(cr_, x0, y);
            cairo_line_to(cr_, x1, y);
            cairo_stroke(cr_);
        }
    }

  private:
    // `text` laid out in a box `width` wide; a negative width: one line, as
    // wide as it needs.
    Layout make_layout(std::string_view text, double width, const Style& style) {
        Layout layout(pango_layout_new(context_.get()));
        FontDescription font(pango_font_description_from_string(style.font));
        pango_font_description_set_size(font.get(), static_cast<int>(style.size * PANGO_SCALE));
        pango_layout_set_font_description(layout.get(), font.get());
        pango_layout_set_width(layout.get(),
                               width < 0 ? -1 : static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_alignment(layout.get(), style.align);
        if (style.max_lines > 0) {
            pango_layout_set_height(layout.get(), -style.max_lines);
            pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
        }
        if (style.letter_spacing > 0) {
            AttrList attrs(pango_attr_list_new());
            pango_attr_list_insert(attrs.get(), pango_attr_letter_spacing_new(static_cast<int>(
                                                    style.letter_spacing * PANGO_SCALE)));
            pango_layout_set_attributes(layout.get(), attrs.get());
        }
        pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
        return layout;
    }

    cairo_t* cr_;
    FontMap font_map_;
    Context context_;
};

std::string duration_text(double seconds) {
    const long s = std::lround(seconds);
    if (s < 60) {
        // TRANSLATORS: how long a decision took: {1} seconds.
        return i18n::format(tr("{1} s"), {std::to_string(s)});
    }
    // TRANSLATORS: how long a decision took: {1} minutes, {2} seconds.
    return i18n::format(tr("{1} min {2} s"), {std::to_string(s / 60), std::to_string(s % 60)});
}

const char* decided_label(Decided decided) {
    switch (decided) {
    case Decided::Majority:
        return tr("Room's majority");
    case Decided::TieBreak:
        return tr("Tie, facilitator's pick");
    case Decided::Override:
        return tr("Facilitator override");
    }
    return "";
}

// The header's phones: the most that voted on one question (SessionReport::phones).
std::string phones_text(std::int64_t phones) {
    // TRANSLATORS: under PHONES in the session report: {1} phones voted.
    return i18n::format(tr("{1} voted"), {std::to_string(phones)});
}

// "4 hands, 3 phones": an option's votes by where they came from, in words,
// so that neither colour nor position carries the split.
std::string split_text(const ReportOption& o) {
    const std::int64_t hands = o.votes - o.phones;
    // TRANSLATORS: an option's votes by where they came from: "4 hands, 3 phones".
    return i18n::format(
        tr("{1}, {2}"),
        {i18n::format(tr_n("{1} hand", "{1} hands", static_cast<unsigned long>(hands)),
                      {std::to_string(hands)}),
         i18n::format(tr_n("{1} phone", "{1} phones", static_cast<unsigned long>(o.phones)),
                      {std::to_string(o.phones)})});
}

// "Path 2" for branch 1: people count from one.
std::string path_label(std::uint32_t branch) {
    return i18n::format(tr("Path {1}"), {std::to_string(branch + 1)});
}

// The header block; returns where the decisions start.
double draw_header(Page& page, const SessionReport& r) {
    const double inner = kWidth - 2 * kMargin;
    double y = 40;
    y += page.text(tr("CLASSROOM SESSION REPORT"), kMargin, y, inner,
                   {"DejaVu Sans Bold", 7.5, kMuted, PANGO_ALIGN_LEFT, 1, 1.4});
    y += 4;
    y +=
        page.text(r.name, kMargin, y, inner, {"DejaVu Serif Bold", 19, kNavy, PANGO_ALIGN_LEFT, 2});
    y += 3;
    std::string what = r.scenario_title;
    if (!r.course_title.empty()) {
        what += "  \u00b7  " + r.course_title;
    }
    y += page.text(what, kMargin, y, inner, {"DejaVu Sans", 10.5, kInk, PANGO_ALIGN_LEFT, 1});
    y += 12;

    std::size_t decisions = 0, checks = 0;
    for (const ReportStep& s : r.steps) {
        (s.check ? checks : decisions) += 1;
    }
    std::string counted =
        i18n::format(tr_n("{1} decision", "{1} decisions", decisions), {std::to_string(decisions)});
    if (checks > 0) {
        counted = i18n::format(tr("{1}, {2}"),
                               {counted, i18n::format(tr_n("{1} check", "{1} checks", checks),
                                                      {std::to_string(checks)})});
    }
    counted = i18n::format(tr("{1}, {2}"),
                           {counted, r.branches == 1
                                         ? std::string(tr("one path"))
                                         : i18n::format(tr_n("{1} path", "{1} paths", r.branches),
                                                        {std::to_string(r.branches)})});
    struct Detail {
        std::string label;
        std::string value;
        double width;
    };
    std::vector<Detail> details{
        {tr("DATE"), r.date.empty() ? "\u2014" : r.date, 110},
        {tr("FACILITATOR"), r.facilitator.empty() ? "\u2014" : r.facilitator, 150},
        {tr("HEAD COUNT"), r.head_count > 0 ? std::to_string(r.head_count) : tr("not counted"), 80},
    };
    if (r.phones > 0) {
        // Narrower columns make room for the phones.
        details[0].width = 104;
        details[1].width = 110;
        details[2].width = 72;
        details.push_back({tr("PHONES"), phones_text(r.phones), 58});
    }
    const Style label_style{"DejaVu Sans Bold", 6.5, kMuted, PANGO_ALIGN_LEFT, 1, 1.2};
    const Style value_style{"DejaVu Sans", 9.5, kInk, PANGO_ALIGN_LEFT, 2};
    double used = 0;
    for (Detail& d : details) {
        // A label, or the date, longer in another language than the column
        // widens it (from EXPLORED's share) rather than being cut or wrapped
        // (3 points to spare: the letter spacing after the last letter).
        d.width = std::max(d.width, std::ceil(page.width(d.label, label_style)) + 11);
        used += d.width;
    }
    const double date_width = std::ceil(page.width(details[0].value, value_style)) + 8;
    if (date_width > details[0].width) {
        used += date_width - details[0].width;
        details[0].width = date_width;
    }
    details.push_back({tr("EXPLORED"), counted, inner - used});
    double x = kMargin, tallest = 0;
    for (const Detail& d : details) {
        const double h = page.text(d.label, x, y, d.width - 8, label_style);
        const double v = page.text(d.value, x, y + h + 2, d.width - 8, value_style);
        tallest = std::max(tallest, h + 2 + v);
        x += d.width;
    }
    y += tallest + 10;
    page.rule(kMargin, kWidth - kMargin, y, 0.6, kFaint);
    return y + 12;
}

// An option's share of its step's votes (of the people, for multi checks).
double share_of(const ReportOption& o, const ReportStep& s) {
    return s.basis > 0 ? std::min(1.0, static_cast<double>(o.votes) / static_cast<double>(s.basis))
                       : 0.0;
}

// "7  (58%)"
std::string count_text(const ReportOption& o, const ReportStep& s) {
    return std::to_string(o.votes) + "  (" + std::to_string(std::lround(100 * share_of(o, s))) +
           "%)";
}

// Where an option row's bar and numbers go.
struct Columns {
    double bar_x = 352;
    double bar_w = 160;
    double count_x = 518;
    double count_w = kWidth - kMargin - 518;
    bool split = false; // the votes by hand and by phone, right of the count
    double split_x = 0;
};

// The votes' columns for the whole page, so that they line up from one step
// to the next. With phones, the split takes the right edge, as wide as its
// widest text, and the count and the bar move left to make room.
Columns columns(Page& page, const SessionReport& r, double scale) {
    Columns c;
    if (r.phones == 0) {
        return c;
    }
    const Style numbers{"DejaVu Sans", 7.5 * scale};
    double count_w = 0, split_w = 0;
    for (const ReportStep& s : r.steps) {
        for (const ReportOption& o : s.options) {
            count_w = std::max(count_w, page.width(count_text(o, s), numbers));
            split_w = std::max(split_w, page.width(split_text(o), numbers));
        }
    }
    c.split = true;
    c.split_x = kWidth - kMargin - std::ceil(split_w);
    c.count_w = std::ceil(count_w);
    c.count_x = c.split_x - 10 - c.count_w;
    c.bar_w = 96;
    c.bar_x = c.count_x - 6 - c.bar_w;
    return c;
}

// One decision with its bars; returns its height.
double draw_step(Page& page, const ReportStep& s, double y, double scale, const Columns& c) {
    const double inner = kWidth - 2 * kMargin;
    const double number_w = 18;
    const double chip_w = 150;
    const double top = y;
    const std::string number = std::to_string(s.sequence) + ".";
    page.text(number, kMargin, y, number_w, {"DejaVu Sans Bold", 8.5 * scale, kNavy});
    std::string chip = decided_label(s.decided);
    chip += "  \u00b7  " + duration_text(s.seconds);
    page.text(chip, kWidth - kMargin - chip_w, y, chip_w,
              {"DejaVu Sans", 7.5 * scale, kMuted, PANGO_ALIGN_RIGHT, 1});
    // TRANSLATORS: a knowledge check's question in the session report: {1} the question.
    const std::string prompt = s.check ? i18n::format(tr("Check: {1}"), {s.prompt}) : s.prompt;
    y += page.text(prompt, kMargin + number_w, y, inner - number_w - chip_w - 8,
                   {"DejaVu Sans", 8.5 * scale, kInk, PANGO_ALIGN_LEFT, 2});
    y += 3 * scale;

    const double marker_x = kMargin + number_w;
    const double label_x = marker_x + 11;
    const double bar_x = c.bar_x, bar_w = c.bar_w;
    const double row = 11.5 * scale;
    const double bar_h = 7 * scale;
    for (const ReportOption& o : s.options) {
        const Style label{o.chosen ? "DejaVu Sans Bold" : "DejaVu Sans", 7.5 * scale,
                          o.chosen ? kInk : kMuted, PANGO_ALIGN_LEFT, 1};
        if (o.chosen) {
            page.text("\u25b6", marker_x, y, 10, {"DejaVu Sans", 6.5 * scale, kAccent});
        }
        page.text(o.text, label_x, y, bar_x - label_x - 22, label);
        if (o.best) {
            page.text("\u2713", bar_x - 14, y, 12, {"DejaVu Sans", 7.5 * scale, kAccent});
        }
        const double bar_y = y + (row - bar_h) / 2 - 1;
        page.rect(bar_x, bar_y, bar_w, bar_h, kTrack);
        const double share = share_of(o, s);
        if (o.votes > 0 && share > 0) {
            page.rect(bar_x, bar_y, std::max(1.0, bar_w * share), bar_h, o.chosen ? kAccent : kBar);
        }
        page.text(count_text(o, s), c.count_x, y, c.count_w, {"DejaVu Sans", 7.5 * scale, kInk});
        if (c.split) {
            page.text(split_text(o), c.split_x, y, kWidth - kMargin - c.split_x,
                      {"DejaVu Sans", 7.5 * scale, kMuted});
        }
        y += row;
    }
    return y - top;
}

std::string indicator_text(const ReportIndicator& i) {
    // TRANSLATORS: {1} an indicator with a harmless reason that looks like a sign.
    return i.confounder ? i18n::format(tr("{1} (look-alike)"), {i.name}) : i.name;
}

// The indicator columns; returns their height.
double draw_indicators(Page& page, const SessionReport& r, double y, double scale) {
    const double inner = kWidth - 2 * kMargin;
    const double top = y;
    y += page.text(tr("INDICATORS"), kMargin, y, inner,
                   {"DejaVu Sans Bold", 7, kNavy, PANGO_ALIGN_LEFT, 1, 1.3});
    y += 5;
    struct Column {
        std::string title;
        const std::vector<ReportIndicator>* items;
        const char* bullet;
        Colour colour;
    };
    std::vector<Column> columns{
        {i18n::format(tr("Recognised by the group ({1})"), {std::to_string(r.recognised.size())}),
         &r.recognised, "\u2713", kAccent},
        {i18n::format(tr("Shown by the facilitator ({1})"), {std::to_string(r.shown.size())}),
         &r.shown, "\u2192", kMuted},
        {i18n::format(tr("Not recognised ({1})"), {std::to_string(r.missed.size())}), &r.missed,
         "\u2717", kMuted},
    };
    const double gap = 14;
    const double col_w = (inner - 2 * gap) / 3;
    double tallest = 0;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const double x = kMargin + static_cast<double>(c) * (col_w + gap);
        double cy = y;
        cy += page.text(columns[c].title, x, cy, col_w, {"DejaVu Sans Bold", 8 * scale, kInk}) + 3;
        if (columns[c].items->empty()) {
            cy += page.text(tr("indicators", "none"), x + 10, cy, col_w - 10,
                            {"DejaVu Sans Oblique", 7.5 * scale, kMuted});
        }
        for (const ReportIndicator& i : *columns[c].items) {
            page.text(columns[c].bullet, x, cy, 10,
                      {"DejaVu Sans", 7.5 * scale, columns[c].colour});
            cy += page.text(indicator_text(i), x + 10, cy, col_w - 10,
                            {"DejaVu Sans", 7.5 * scale, kInk, PANGO_ALIGN_LEFT, 2}) +
                  1.5 * scale;
        }
        tallest = std::max(tallest, cy - y);
    }
    return y + tallest - top;
}

// Lays the whole page out at `scale`, with at most `shown` steps; returns the
// lowest point used.
double layout(Page& page, const SessionReport& r, double scale, std::size_t shown) {
    double y = draw_header(page, r);
    const double inner = kWidth - 2 * kMargin;
    const Columns votes = columns(page, r, scale);
    y += page.text(tr("DECISIONS AND VOTES"), kMargin, y, inner,
                   {"DejaVu Sans Bold", 7, kNavy, PANGO_ALIGN_LEFT, 1, 1.3});
    y += 6;
    if (r.steps.empty()) {
        y += page.text(tr("No decisions were made in this session."), kMargin, y, inner,
                       {"DejaVu Sans Oblique", 9, kMuted});
    }
    std::uint32_t branch = 0;
    for (std::size_t i = 0; i < shown && i < r.steps.size(); ++i) {
        const ReportStep& s = r.steps[i];
        if (s.branch != branch) {
            branch = s.branch;
            page.rule(kMargin, kWidth - kMargin, y + 1, 0.4, kFaint);
            y += 4;
            // TRANSLATORS: {1} "Path 2".
            y += page.text(i18n::format(tr("{1}: the facilitator went back to explore another "
                                           "branch"),
                                        {path_label(branch)}),
                           kMargin, y, inner, {"DejaVu Sans Oblique", 7 * scale, kMuted});
            y += 3 * scale;
        }
        y += draw_step(page, s, y, scale, votes) + 7 * scale;
    }
    if (shown < r.steps.size()) {
        const std::size_t more = r.steps.size() - shown;
        y += page.text(i18n::format(tr_n("and {1} more decision: see the CSV report",
                                         "and {1} more decisions: see the CSV report", more),
                                    {std::to_string(more)}),
                       kMargin, y, inner, {"DejaVu Sans Oblique", 8, kMuted});
        y += 6;
    }
    const Style legend{"DejaVu Sans", 6.5, kMuted, PANGO_ALIGN_LEFT, 1};
    // TRANSLATORS: the legend under the decisions; keep the symbols \u25b6 and \u2713.
    y += page.text(tr("\u25b6 the path taken     \u2713 best response or correct answer     bars: "
                      "share of the votes (checks with several answers: of the people)"),
                   kMargin, y, inner, legend);
    if (votes.split) {
        y += 1;
        y += page.text(tr("hands: votes counted by raised hand     phones: votes sent from "
                          "phones     PHONES: the most that voted on one question"),
                       kMargin, y, inner, legend);
    }
    y += 10;
    page.rule(kMargin, kWidth - kMargin, y, 0.6, kFaint);
    y += 10;
    y += draw_indicators(page, r, y, std::max(scale, 0.85));
    return y;
}

void draw(Page& page, cairo_t* cr, const SessionReport& r) {
    // The largest scale at which everything fits; then as many steps as fit.
    double scale = 1.0;
    std::size_t shown = r.steps.size();
    page.drawing = false;
    while (scale > 0.8 && layout(page, r, scale, shown) > kBottom) {
        scale -= 0.05;
    }
    while (shown > 0 && layout(page, r, scale, shown) > kBottom) {
        --shown;
    }
    page.drawing = true;
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    layout(page, r, scale, shown);
    // TRANSLATORS: the session report's footer: {1} the scenario's id.
    std::string footer =
        i18n::format(tr("Sightline classroom session  \u00b7  scenario {1}"), {r.scenario_id});
    if (!r.attempt_id.empty()) {
        // TRANSLATORS: {1} the recorded attempt's UUID.
        footer += "  \u00b7  " + i18n::format(tr("attempt {1}"), {r.attempt_id});
    } else {
        footer += "  \u00b7  " + std::string(tr("not recorded (dry run)"));
    }
    page.text(footer, kMargin, kHeight - 32, kWidth - 2 * kMargin,
              {"DejaVu Sans", 6.5, kMuted, PANGO_ALIGN_LEFT, 1});
}

// "2025-03-14T09:00:00Z" for the PDF's dates: the session's start, not now.
std::string pdf_date(records::TimeMs time) {
    const std::time_t seconds = static_cast<std::time_t>(time / 1000);
    std::tm tm{};
    ::gmtime_r(&seconds, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

} // namespace

std::string render_report_pdf(const SessionReport& report) {
    return pdf::one_page<FacilitationError>(
        kWidth, kHeight,
        // TRANSLATORS: the PDF's title (document properties); {1} the session's name.
        {i18n::format(tr("Classroom session report: {1}"), {report.name}), report.facilitator,
         pdf_date(report.started)},
        "session report", [&](cairo_t* cr) {
            Page page(cr);
            draw(page, cr, report);
        });
}

} // namespace sightline::classroom
