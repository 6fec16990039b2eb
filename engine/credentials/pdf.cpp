#include "credentials/pdf.hpp"

#include "credentials/timestamps.hpp"
#include "i18n/i18n.hpp"
#include "pdf/one_page.hpp"

#include <cairo.h>
#include <cmath>
#include <memory>
#include <pango/pangocairo.h>
#include <qrencode.h>

namespace sightline::credentials {

namespace {

using namespace pdf; // the cairo/pango handles of engine/pdf/one_page.hpp

// US Letter, landscape, in points.
constexpr double kWidth = 792;
constexpr double kHeight = 612;
constexpr double kMargin = 54;

constexpr Colour kInk{0.13, 0.16, 0.20};    // body text
constexpr Colour kNavy{0.12, 0.23, 0.37};   // headings and border
constexpr Colour kMuted{0.36, 0.41, 0.47};  // labels
constexpr Colour kAccent{0.18, 0.50, 0.47}; // the rule under the title
constexpr Colour kFaint{0.72, 0.77, 0.82};  // inner border

using Qr = std::unique_ptr<QRcode, pdf::Deleter<QRcode, QRcode_free>>;

using i18n::tr;
using i18n::tr_n;

struct TextStyle {
    const char* font; // pango family and style, e.g. "DejaVu Serif Bold"
    double size;      // points
    Colour colour = kInk;
    PangoAlignment align = PANGO_ALIGN_LEFT;
    double letter_spacing = 0; // points
    int max_lines = 0;         // 0: no limit; else ellipsized after this many
    double line_spacing = 0;   // extra points between lines
    double min_size = 0;       // with max_lines: shrink down to this size before ellipsizing
};

class Page {
  public:
    explicit Page(cairo_t* cr) : cr_(cr), font_map_(pango_cairo_font_map_new()) {
        context_.reset(pango_font_map_create_context(font_map_.get()));
        // Layout independent of any screen: no hinting, unhinted metrics.
        FontOptions options(cairo_font_options_create());
        cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
        cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
        cairo_font_options_set_antialias(options.get(), CAIRO_ANTIALIAS_GRAY);
        pango_cairo_context_set_font_options(context_.get(), options.get());
        pango_cairo_context_set_resolution(context_.get(), 72);
        pango_cairo_update_context(cr_, context_.get());
    }

    // Lays `text` out in a box `width` wide at `size` points.
    Layout make_layout(std::string_view text, double width, const TextStyle& style, double size,
                       bool ellipsize) {
        Layout layout(pango_layout_new(context_.get()));
        FontDescription font(pango_font_description_from_string(style.font));
        pango_font_description_set_size(font.get(), static_cast<int>(size * PANGO_SCALE));
        pango_layout_set_font_description(layout.get(), font.get());
        pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_alignment(layout.get(), style.align);
        if (ellipsize && style.max_lines > 0) {
            pango_layout_set_height(layout.get(), -style.max_lines);
            pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
        }
        if (style.line_spacing > 0) {
            pango_layout_set_spacing(layout.get(),
                                     static_cast<int>(style.line_spacing * PANGO_SCALE));
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

    // The height `text` takes at `size` points.
    double measure(std::string_view text, double width, const TextStyle& style, double size) {
        const Layout l = make_layout(text, width, style, size, false);
        return height(l.get());
    }

    // Draws `text` with its top at (x, y); returns its height. With max_lines
    // and min_size, the size shrinks until the text fits in max_lines; only
    // text that does not fit even then is ellipsized.
    double text(std::string_view text, double x, double y, double width, const TextStyle& style) {
        double size = style.size;
        if (style.max_lines > 0 && style.min_size > 0) {
            while (size > style.min_size &&
                   pango_layout_get_line_count(make_layout(text, width, style, size, false).get()) >
                       style.max_lines) {
                size -= 0.5;
            }
        }
        const Layout l = make_layout(text, width, style, size, true);
        cairo_set_source_rgb(cr_, style.colour.r, style.colour.g, style.colour.b);
        cairo_move_to(cr_, x, y);
        pango_cairo_show_layout(cr_, l.get());
        return height(l.get());
    }

    cairo_t* cr() { return cr_; }

  private:
    static double height(PangoLayout* layout) {
        int w = 0, h = 0;
        pango_layout_get_size(layout, &w, &h);
        return static_cast<double>(h) / PANGO_SCALE;
    }

    cairo_t* cr_;
    FontMap font_map_;
    Context context_;
};

std::string hours_text(double hours) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", hours);
    std::string text = buffer;
    while (text.back() == '0') {
        text.pop_back();
    }
    if (text.back() == '.') {
        text.pop_back();
    }
    const long minutes = std::lround(hours * 60);
    return i18n::format(
        // TRANSLATORS: the certificate's credit: {1} hours (a number, maybe with
        // decimals: 1.5), {2} the same in minutes.
        tr_n("{1} hour ({2} minutes)", "{1} hours ({2} minutes)", text == "1" ? 1UL : 2UL),
        {text, std::to_string(minutes)});
}

void stroke_rect(cairo_t* cr, double inset, double line, Colour c) {
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
    cairo_set_line_width(cr, line);
    cairo_rectangle(cr, inset, inset, kWidth - 2 * inset, kHeight - 2 * inset);
    cairo_stroke(cr);
}

void draw_qr(cairo_t* cr, const QrMatrix& qr, double x, double y, double side) {
    const double module = side / (qr.size + 8); // a quiet zone of 4 modules each side
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, x, y, side, side);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (int row = 0; row < qr.size; ++row) {
        int col = 0;
        while (col < qr.size) {
            if (!qr.dark[static_cast<std::size_t>(row * qr.size + col)]) {
                ++col;
                continue;
            }
            const int start = col;
            while (col < qr.size && qr.dark[static_cast<std::size_t>(row * qr.size + col)]) {
                ++col;
            }
            cairo_rectangle(cr, x + (start + 4) * module, y + (row + 4) * module,
                            (col - start) * module, module);
        }
    }
    cairo_fill(cr);
}

// A label over its value, in the details column; returns the height used.
double detail(Page& page, double x, double y, double width, std::string_view label,
              std::string_view value) {
    const double h =
        page.text(label, x, y, width, {"DejaVu Sans Bold", 6.5, kMuted, PANGO_ALIGN_LEFT, 1.2});
    return h + 2 + page.text(value, x, y + h + 2, width, {"DejaVu Sans", 10, kInk}) + 9;
}

void draw(Page& page, const CertificateFacts& f, const QrMatrix& qr) {
    cairo_t* cr = page.cr();
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    stroke_rect(cr, 22, 2.2, kNavy);
    stroke_rect(cr, 29, 0.6, kFaint);

    const double inner = kWidth - 2 * kMargin;
    double y = 58;
    y += page.text(f.provider.organisation, kMargin, y, inner,
                   {"DejaVu Sans", 9.5, kMuted, PANGO_ALIGN_CENTER, 2.0});
    y += 8;
    y += page.text(tr("Certificate of Completion"), kMargin, y, inner,
                   {"DejaVu Serif", 28, kNavy, PANGO_ALIGN_CENTER});
    y += 8;
    cairo_set_source_rgb(cr, kAccent.r, kAccent.g, kAccent.b);
    cairo_rectangle(cr, kWidth / 2 - 45, y, 90, 1.6);
    cairo_fill(cr);
    y += 16;
    y += page.text(tr("This certifies that"), kMargin, y, inner,
                   {"DejaVu Sans", 10.5, kMuted, PANGO_ALIGN_CENTER});
    y += 4;
    y += page.text(f.learner_name, kMargin, y, inner,
                   {"DejaVu Serif Bold", 24, kInk, PANGO_ALIGN_CENTER, 0, 1, 0, 13});
    std::string who = f.profession;
    if (!f.licence_number.empty()) {
        who += (who.empty() ? "" : "  \u00b7  ") +
               (f.licence_state.empty()
                    // TRANSLATORS: {1} a professional licence number.
                    ? i18n::format(tr("Licence {1}"), {f.licence_number})
                    // TRANSLATORS: {1} a professional licence number, {2} the state that issued it.
                    : i18n::format(tr("Licence {1} ({2})"), {f.licence_number, f.licence_state}));
    } else if (!f.licence_state.empty()) {
        who += (who.empty() ? "" : "  \u00b7  ") + f.licence_state;
    }
    if (!who.empty()) {
        y += 3;
        y += page.text(who, kMargin, y, inner,
                       {"DejaVu Sans", 10.5, kInk, PANGO_ALIGN_CENTER, 0, 1});
    }
    y += 10;
    y += page.text(tr("has completed the course"), kMargin, y, inner,
                   {"DejaVu Sans", 10.5, kMuted, PANGO_ALIGN_CENTER});
    y += 4;
    y += page.text(f.course_title, kMargin + 40, y, inner - 80,
                   {"DejaVu Serif Bold", 15, kNavy, PANGO_ALIGN_CENTER, 0, 2, 0, 10});

    // Three columns: topics, details, QR code.
    const double top = std::max(y + 22, 292.0);
    cairo_set_source_rgb(cr, kFaint.r, kFaint.g, kFaint.b);
    cairo_set_line_width(cr, 0.6);
    cairo_move_to(cr, kMargin, top - 10);
    cairo_line_to(cr, kWidth - kMargin, top - 10);
    cairo_stroke(cr);

    const double topics_x = kMargin, topics_w = 330;
    double ty = top +
                page.text(tr("TOPICS COVERED"), topics_x, top, topics_w,
                          {"DejaVu Sans Bold", 6.5, kMuted, PANGO_ALIGN_LEFT, 1.2}) +
                5;
    // The rules the course is designed to meet, at the foot of the column.
    const TextStyle label_style{"DejaVu Sans Bold", 6.5, kMuted, PANGO_ALIGN_LEFT, 1.2};
    const TextStyle rule_style{"DejaVu Sans", 8, kInk, PANGO_ALIGN_LEFT, 0, 2, 0, 6.5};
    double rules_height = 0;
    if (!f.rules.empty()) {
        rules_height = page.measure(tr("DESIGNED TO MEET"), topics_w, label_style, 6.5) + 4;
        for (const std::string& rule : f.rules) {
            rules_height += page.measure(rule, topics_w - 11, rule_style, rule_style.size) + 3;
        }
        double ry = 478 - rules_height;
        ry += page.text(tr("DESIGNED TO MEET"), topics_x, ry, topics_w, label_style) + 4;
        for (const std::string& rule : f.rules) {
            TextStyle bullet = rule_style;
            bullet.colour = kAccent;
            page.text("\u2022", topics_x, ry, 10, bullet);
            ry += page.text(rule, topics_x + 11, ry, topics_w - 11, rule_style) + 3;
        }
        rules_height += 8;
    }
    // Every topic is listed: the size shrinks until they fit above the signature.
    const double topics_bottom = 478 - rules_height;
    TextStyle topic_style{"DejaVu Sans", 9, kInk, PANGO_ALIGN_LEFT, 0, 0, 1};
    const auto topics_height = [&](double size) {
        double total = 0;
        for (const std::string& topic : f.topics) {
            total += page.measure(topic, topics_w - 11, topic_style, size) + 4;
        }
        return total;
    };
    while (topic_style.size > 6.5 && ty + topics_height(topic_style.size) > topics_bottom) {
        topic_style.size -= 0.5;
    }
    for (std::size_t i = 0; i < f.topics.size(); ++i) {
        const double next = page.measure(f.topics[i], topics_w - 11, topic_style, topic_style.size);
        if (ty + next > topics_bottom && i + 1 < f.topics.size()) {
            const std::size_t more = f.topics.size() - i;
            page.text(
                i18n::format(tr_n("and {1} more topic, listed in the signed credential",
                                  "and {1} more topics, listed in the signed credential", more),
                             {std::to_string(more)}),
                topics_x + 11, ty, topics_w - 11,
                {"DejaVu Sans Oblique", topic_style.size, kMuted});
            break;
        }
        TextStyle bullet = topic_style;
        bullet.colour = kAccent;
        page.text("\u2022", topics_x, ty, 10, bullet);
        ty += page.text(f.topics[i], topics_x + 11, ty, topics_w - 11, topic_style) + 4;
    }

    const double details_x = 410, details_w = 200;
    double dy = top;
    dy += detail(page, details_x, dy, details_w, tr("COMPLETED"),
                 long_date(f.completed).value_or(f.completed));
    dy += detail(page, details_x, dy, details_w, tr("CREDIT"), hours_text(f.credit_hours));
    dy += detail(page, details_x, dy, details_w, tr("SCORE"),
                 f.score_percent ? std::to_string(*f.score_percent) + "%" : "\u2014");
    dy += detail(page, details_x, dy, details_w, tr("FORMAT"), tr("Online, self-paced"));
    dy += detail(page, details_x, dy, details_w, tr("PROVIDER"),
                 f.provider.approval.empty()
                     ? f.provider.organisation
                     // TRANSLATORS: {1} the provider's approval number from a licensing board.
                     : f.provider.organisation + "\n" +
                           i18n::format(tr("Approval no. {1}"), {f.provider.approval}));
    (void)dy;

    const double qr_side = 112, qr_x = kWidth - kMargin - qr_side + 8, qr_y = top - 6;
    draw_qr(cr, qr, qr_x, qr_y, qr_side);
    page.text(tr("Verification code"), qr_x - 10, qr_y + qr_side, qr_side + 12,
              {"DejaVu Sans", 7, kMuted, PANGO_ALIGN_CENTER});
    page.text(f.verification_code, qr_x - 10, qr_y + qr_side + 10, qr_side + 12,
              {"DejaVu Sans Mono Bold", 11, kNavy, PANGO_ALIGN_CENTER});

    // Signature and identifiers.
    const double sign_y = 500;
    cairo_set_source_rgb(cr, kInk.r, kInk.g, kInk.b);
    cairo_set_line_width(cr, 0.7);
    cairo_move_to(cr, kMargin, sign_y);
    cairo_line_to(cr, kMargin + 210, sign_y);
    cairo_stroke(cr);
    double sy = sign_y + 4;
    sy += page.text(f.provider.signatory, kMargin, sy, 260,
                    {"DejaVu Sans Bold", 9, kInk, PANGO_ALIGN_LEFT, 0, 1});
    page.text(f.provider.title.empty() ? f.provider.organisation
                                       : f.provider.title + ", " + f.provider.organisation,
              kMargin, sy + 1, 300, {"DejaVu Sans", 8, kMuted, PANGO_ALIGN_LEFT, 0, 2});

    const double id_x = 410, id_w = kWidth - kMargin - id_x;
    double iy = sign_y - 8;
    // TRANSLATORS: {1} the certificate's UUID.
    iy += page.text(i18n::format(tr("Certificate ID {1}"), {f.certificate_id}), id_x, iy, id_w,
                    {"DejaVu Sans Mono", 7.5, kMuted, PANGO_ALIGN_LEFT, 0, 1});
    // TRANSLATORS: {1} the issue date ("14 March 2025"), {2} the signature's
    // cryptosuite ("eddsa-rdfc-2022"). 'sightline cert verify' is a command:
    // keep it as it is.
    iy += page.text(i18n::format(tr("Issued {1}. The provider confirms a certificate by its "
                                    "verification code; the signed credential (Open Badges "
                                    "3.0, {2}) verifies offline with 'sightline cert verify' "
                                    "and any Open Badges verifier."),
                                 {long_date(f.issued).value_or(f.issued), f.cryptosuite}),
                    id_x, iy + 2, id_w, {"DejaVu Sans", 7, kMuted, PANGO_ALIGN_LEFT, 0, 3});
    (void)iy;

    if (!f.course_approval.empty()) {
        page.text(f.course_approval, kMargin, 548, kWidth - 2 * kMargin,
                  {"DejaVu Sans Oblique", 6.8, kMuted, PANGO_ALIGN_LEFT, 0, 3, 0, 5.5});
    }
}

} // namespace

QrMatrix qr_matrix(std::string_view text) {
    const std::string copy(text);
    Qr code(QRcode_encodeString8bit(copy.c_str(), 0, QR_ECLEVEL_M));
    if (!code) {
        throw CredentialError("cannot make the certificate's QR code");
    }
    QrMatrix m;
    m.size = code->width;
    m.dark.resize(static_cast<std::size_t>(m.size * m.size));
    for (std::size_t i = 0; i < m.dark.size(); ++i) {
        m.dark[i] = (code->data[i] & 1) != 0;
    }
    return m;
}

std::string render_certificate_pdf(const CertificateFacts& facts, std::string_view qr_text) {
    const QrMatrix qr = qr_matrix(qr_text);
    // The certificate's labels in its own language while it is drawn.
    const i18n::LanguageScope language(facts.language);
    return pdf::one_page<CredentialError>(
        kWidth, kHeight,
        // TRANSLATORS: the PDF's title (document properties); {1} the course's title.
        {i18n::format(tr("Certificate of completion: {1}"), {facts.course_title}),
         facts.provider.organisation, facts.issued},
        "certificate", [&](cairo_t* cr) {
            Page page(cr);
            draw(page, facts, qr);
        });
}

} // namespace sightline::credentials
