// The printed compliance roster (compliance.hpp): drawn with cairo and pango
// (DejaVu Sans and Serif through fontconfig, unhinted metrics, so the layout
// does not depend on the screen), as the certificate and the classroom report
// are. Page 1 carries the whole summary; rows that do not fit continue on
// numbered pages.
#include "i18n/i18n.hpp"
#include "learning/compliance.hpp"
#include "pdf/one_page.hpp"

#include <algorithm>
#include <cairo-pdf.h>
#include <cairo.h>
#include <cmath>
#include <pango/pangocairo.h>
#include <stdexcept>

namespace sightline::learning {

namespace {

using namespace pdf; // the cairo/pango handles of engine/pdf/one_page.hpp
using i18n::tr;
using i18n::tr_n;

// US Letter, portrait, in points.
constexpr double kWidth = 612;
constexpr double kHeight = 792;
constexpr double kMargin = 40;
constexpr double kBottom = kHeight - 46; // above the footer
constexpr double kRowHeight = 11;

constexpr Colour kInk{0.13, 0.16, 0.20};
constexpr Colour kNavy{0.12, 0.23, 0.37};
constexpr Colour kMuted{0.36, 0.41, 0.47};
constexpr Colour kFaint{0.72, 0.77, 0.82};
constexpr Colour kStripe{0.95, 0.96, 0.97};
constexpr Colour kOverdue{0.62, 0.11, 0.11};
constexpr Colour kDue{0.55, 0.35, 0.02};

struct Style {
    const char* font;
    double size;
    Colour colour = kInk;
    int max_lines = 0; // 0: wrap freely; else ellipsized after this many
};

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

    bool drawing = true;

    // Draws `text` in a box `width` wide with its top at (x, y); returns its height.
    double text(std::string_view text, double x, double y, double width, const Style& style) {
        Layout layout(pango_layout_new(context_.get()));
        FontDescription font(pango_font_description_from_string(style.font));
        pango_font_description_set_size(font.get(), static_cast<int>(style.size * PANGO_SCALE));
        pango_layout_set_font_description(layout.get(), font.get());
        pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
        if (style.max_lines > 0) {
            pango_layout_set_height(layout.get(), -style.max_lines);
            pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
        }
        pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
        if (drawing) {
            cairo_set_source_rgb(cr_, style.colour.r, style.colour.g, style.colour.b);
            cairo_move_to(cr_, x, y);
            pango_cairo_show_layout(cr_, layout.get());
        }
        int w = 0, h = 0;
        pango_layout_get_size(layout.get(), &w, &h);
        return static_cast<double>(h) / PANGO_SCALE;
    }

    void rect(double x, double y, double w, double h, Colour c) {
        if (drawing) {
            cairo_set_source_rgb(cr_, c.r, c.g, c.b);
            cairo_rectangle(cr_, x, y, w, h);
            cairo_fill(cr_);
        }
    }

    void line(double y, Colour c, double width = 0.6) {
        if (drawing) {
            cairo_set_source_rgb(cr_, c.r, c.g, c.b);
            cairo_set_line_width(cr_, width);
            cairo_move_to(cr_, kMargin, y);
            cairo_line_to(cr_, kWidth - kMargin, y);
            cairo_stroke(cr_);
        }
    }

  private:
    cairo_t* cr_;
    FontMap font_map_;
    Context context_;
};

// The table's column widths, and their titles in the program's language.
constexpr double kColumns[] = {118, 80, 80, 86, 50, 59, 59};

const char* column_title(std::size_t i) {
    switch (i) {
    case 0:
        return tr("LEARNER");
    case 1:
        return tr("JOB ROLE");
    case 2:
        return tr("SITE");
    case 3:
        return tr("compliance rule", "RULE");
    case 4:
        return tr("STATUS");
    case 5:
        return tr("LAST TRAINED");
    default:
        return tr("NEXT DEADLINE");
    }
}

// due_status_name(), which the CSV keeps in English, for people.
const char* status_text(DueStatus status) {
    switch (status) {
    case DueStatus::Overdue:
        return tr("compliance status", "overdue");
    case DueStatus::Due:
        return tr("compliance status", "due");
    case DueStatus::Current:
        return tr("compliance status", "current");
    }
    return tr("compliance status", "overdue");
}

std::string rule_terms(const model::Rule& rule) {
    std::string text = rule.jurisdiction;
    const auto add = [&](const std::string& part) {
        if (!part.empty()) {
            text += (text.empty() ? "" : "  \u00b7  ") + part;
        }
    };
    add(rule.citation);
    add(rule.recurrence_months == 0
            ? std::string(tr("training needed", "once"))
            : i18n::format(tr_n("every {1} month", "every {1} months",
                                static_cast<unsigned long>(rule.recurrence_months)),
                           {std::to_string(rule.recurrence_months)}));
    if (rule.new_hire_days > 0) {
        add(i18n::format(tr_n("new hires within {1} day", "new hires within {1} days",
                              static_cast<unsigned long>(rule.new_hire_days)),
                         {std::to_string(rule.new_hire_days)}));
    }
    if (rule.retention_months > 0) {
        add(i18n::format(tr_n("records kept {1} month", "records kept {1} months",
                              static_cast<unsigned long>(rule.retention_months)),
                         {std::to_string(rule.retention_months)}));
    }
    std::string roles;
    for (const std::string& role : rule.applies_to) {
        roles += (roles.empty() ? "" : ", ") + role;
    }
    add(roles.empty() ? std::string(tr("applies to no job role"))
                      // TRANSLATORS: {1} the job roles a rule covers, "housekeeping, front desk".
                      : i18n::format(tr("applies to {1}"), {roles}));
    return text;
}

// Page 1's summary; returns where the table starts.
double draw_summary(Page& page, const std::vector<model::Rule>& rules,
                    const std::vector<ComplianceRow>& rows, const RosterHeading& h,
                    const std::string& continues) {
    const double inner = kWidth - 2 * kMargin;
    double y = kMargin;
    y +=
        page.text(tr("Training compliance roster"), kMargin, y, inner, {"DejaVu Serif", 20, kNavy});
    y += 4;
    if (!h.organisation.empty()) {
        y += page.text(h.organisation, kMargin, y, inner, {"DejaVu Sans Bold", 11, kInk, 2});
    }
    // TRANSLATORS: {1} where the records are (a file or a database server).
    y += page.text(i18n::format(tr("Records: {1}"), {h.records_location}), kMargin, y, inner,
                   {"DejaVu Sans", 8, kMuted, 2});
    y += 3;
    // TRANSLATORS: {1} a date, 2025-03-14.
    std::string as_of = i18n::format(tr("As of {1}"), {format_day(h.as_of)});
    if (!h.site.empty()) {
        // TRANSLATORS: {1} the site (a hotel, a depot) the roster is for.
        as_of += "  \u00b7  " + i18n::format(tr("Site: {1}"), {h.site});
    }
    y += page.text(as_of, kMargin, y, inner, {"DejaVu Sans Bold", 10, kInk, 2});
    y += 6;
    page.line(y, kFaint);
    y += 6;

    const std::vector<std::pair<std::string, StatusCounts>> counts = count_by_rule(rows);
    for (const model::Rule& rule : rules) {
        StatusCounts n;
        for (const auto& entry : counts) {
            if (entry.first == rule.id) {
                n = entry.second;
            }
        }
        y += page.text(rule.title + "  (" + rule.id + ")", kMargin, y, inner,
                       {"DejaVu Sans Bold", 9.5, kNavy, 2});
        y += 1;
        y += page.text(rule_terms(rule), kMargin, y, inner, {"DejaVu Sans", 7.5, kMuted, 3});
        y += 1;
        const std::int64_t listed = n.overdue + n.due + n.current;
        // TRANSLATORS: a rule's counts: {1} overdue, {2} due, {3} current, {4} all of them.
        y += page.text(i18n::format(tr("Overdue {1}   Due {2}   Current {3}   ({4} listed)"),
                                    {std::to_string(n.overdue), std::to_string(n.due),
                                     std::to_string(n.current), std::to_string(listed)}),
                       kMargin, y, inner, {"DejaVu Sans", 8.5, kInk, 1});
        y += 6;
    }
    if (rules.empty()) {
        y += page.text(tr("No compliance rule applies to these records."), kMargin, y, inner,
                       {"DejaVu Sans Oblique", 9, kMuted});
        y += 6;
    }
    // TRANSLATORS: {1} a number of days (30).
    y += page.text(i18n::format(tr("Due: not overdue yet (a new hire within the rule's grace "
                                   "period, or the next deadline within {1} days). Overdue: past "
                                   "the deadline, or never trained with no hire date recorded. "
                                   "Only qualifying completions recorded in Sightline count."),
                                {std::to_string(kDueWindowDays)}),
                   kMargin, y, inner, {"DejaVu Sans Oblique", 7, kMuted, 3});
    if (!continues.empty()) {
        y += 2;
        y += page.text(continues, kMargin, y, inner, {"DejaVu Sans Bold", 7.5, kInk, 2});
    }
    return y + 8;
}

double draw_table_heading(Page& page, double y) {
    double x = kMargin;
    for (std::size_t i = 0; i < std::size(kColumns); ++i) {
        page.text(column_title(i), x + 2, y, kColumns[i] - 4, {"DejaVu Sans Bold", 6.5, kMuted, 1});
        x += kColumns[i];
    }
    y += 10;
    page.line(y, kNavy, 0.8);
    return y + 2;
}

void draw_row(Page& page, const ComplianceRow& row, double y, bool stripe) {
    if (stripe) {
        page.rect(kMargin, y, kWidth - 2 * kMargin, kRowHeight, kStripe);
    }
    const std::string last =
        row.last_completion ? format_day(*row.last_completion) : tr("last trained", "never");
    const std::string next = row.next_deadline ? format_day(*row.next_deadline) : "\u2014";
    const std::string cells[] = {row.learner_name,        row.job_role, row.site, row.rule_id,
                                 status_text(row.status), last,         next};
    double x = kMargin;
    for (std::size_t i = 0; i < std::size(kColumns); ++i) {
        Style style{"DejaVu Sans", 7.5, kInk, 1};
        if (i == 4 && row.status != DueStatus::Current) {
            style = {"DejaVu Sans Bold", 7.5, row.status == DueStatus::Overdue ? kOverdue : kDue,
                     1};
        }
        page.text(cells[i], x + 2, y + 1.5, kColumns[i] - 4, style);
        x += kColumns[i];
    }
}

void draw_footer(Page& page, const RosterHeading& h, int number, int pages) {
    page.line(kBottom + 8, kFaint);
    // TRANSLATORS: {1} where the records are, {2} a date (2025-03-14).
    page.text(i18n::format(tr("Names are shown: this roster is for the employer and its "
                              "inspector. Printed by Sightline from {1}, as of {2}."),
                           {h.records_location, format_day(h.as_of)}),
              kMargin, kBottom + 12, kWidth - 2 * kMargin - 70, {"DejaVu Sans", 6.5, kMuted, 2});
    page.text(i18n::format(tr("Page {1} of {2}"), {std::to_string(number), std::to_string(pages)}),
              kWidth - kMargin - 70, kBottom + 12, 70, {"DejaVu Sans Bold", 7, kMuted, 1});
}

} // namespace

std::string render_compliance_pdf(const std::vector<model::Rule>& rules,
                                  const std::vector<ComplianceRow>& rows,
                                  const RosterHeading& heading) {
    std::string bytes;
    {
        Surface surface(
            cairo_pdf_surface_create_for_stream(append_to_string, &bytes, kWidth, kHeight));
        cairo_pdf_surface_restrict_to_version(surface.get(), CAIRO_PDF_VERSION_1_5);
        const std::string title =
            // TRANSLATORS: the PDF's title (document properties); {1} a date (2025-03-14).
            i18n::format(tr("Training compliance roster, as of {1}"), {format_day(heading.as_of)});
        const std::string date = format_day(heading.as_of) + "T00:00:00Z";
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
        if (!heading.organisation.empty()) {
            cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR,
                                           heading.organisation.c_str());
        }
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Sightline");
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
        {
            Cairo cr(cairo_create(surface.get()));
            Page page(cr.get());
            // Measure page 1 (with room for the "continues" line) to paginate.
            page.drawing = false;
            const double first_top =
                draw_summary(page, rules, rows, heading,
                             i18n::format(tr("The table continues on pages 2 to {1} ({2} rows "
                                             "in all)."),
                                          {"99", std::to_string(rows.size())}));
            page.drawing = true;
            const double table_rows = [&] {
                const double first = std::floor((kBottom - first_top - 12) / kRowHeight);
                return std::max(0.0, first);
            }();
            const auto first_rows = static_cast<std::size_t>(table_rows);
            const auto other_rows =
                static_cast<std::size_t>(std::floor((kBottom - kMargin - 30) / kRowHeight));
            int pages = 1;
            if (rows.size() > first_rows) {
                pages += static_cast<int>((rows.size() - first_rows + other_rows - 1) / other_rows);
            }
            const std::string continues =
                pages == 1 ? ""
                           // TRANSLATORS: {1} the last page's number, {2} the number of rows.
                           : i18n::format(tr("The table continues on pages 2 to {1} ({2} rows "
                                             "in all)."),
                                          {std::to_string(pages), std::to_string(rows.size())});

            std::size_t next = 0;
            for (int number = 1; number <= pages; ++number) {
                cairo_set_source_rgb(cr.get(), 1, 1, 1);
                cairo_paint(cr.get());
                double y = kMargin;
                std::size_t fits = other_rows;
                if (number == 1) {
                    y = draw_summary(page, rules, rows, heading, continues);
                    fits = first_rows;
                } else {
                    // TRANSLATORS: the heading of pages 2 and on; {1} a date (2025-03-14).
                    y += page.text(i18n::format(tr("Training compliance roster, as of {1} "
                                                   "(continued)"),
                                                {format_day(heading.as_of)}),
                                   kMargin, y, kWidth - 2 * kMargin,
                                   {"DejaVu Sans Bold", 10, kNavy, 1});
                    y += 8;
                }
                if (rows.empty() && number == 1) {
                    page.text(heading.site.empty()
                                  ? tr("Nobody is listed: no learner with a job role that these "
                                       "rules cover.")
                                  : tr("Nobody is listed: no learner with a job role that these "
                                       "rules cover at this site."),
                              kMargin, y, kWidth - 2 * kMargin, {"DejaVu Sans Oblique", 9, kMuted});
                } else {
                    y = draw_table_heading(page, y);
                    for (std::size_t i = 0; i < fits && next < rows.size(); ++i, ++next) {
                        draw_row(page, rows[next], y, i % 2 == 1);
                        y += kRowHeight;
                    }
                }
                draw_footer(page, heading, number, pages);
                cairo_show_page(cr.get());
            }
            if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS) {
                throw std::runtime_error(std::string("cannot draw the compliance roster: ") +
                                         cairo_status_to_string(cairo_status(cr.get())));
            }
        }
        cairo_surface_finish(surface.get());
        if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
            throw std::runtime_error(std::string("cannot write the compliance roster PDF: ") +
                                     cairo_status_to_string(cairo_surface_status(surface.get())));
        }
    }
    return bytes;
}

} // namespace sightline::learning
