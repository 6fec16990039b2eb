// What the two PDF writers (the certificate and the classroom session report)
// share: owning handles for cairo and pango objects, and a one-page PDF 1.5
// drawn into memory with its metadata. Header-only; the including library
// links cairo and pangocairo.
#pragma once

#include <cairo-pdf.h>
#include <cairo.h>
#include <memory>
#include <pango/pangocairo.h>
#include <string>

namespace sightline::pdf {

struct Colour {
    double r, g, b;
};

template <class T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* p) const { Free(p); }
};
struct GObjectDeleter {
    void operator()(void* p) const { g_object_unref(p); }
};
using Surface = std::unique_ptr<cairo_surface_t, Deleter<cairo_surface_t, cairo_surface_destroy>>;
using Cairo = std::unique_ptr<cairo_t, Deleter<cairo_t, cairo_destroy>>;
using FontOptions = std::unique_ptr<cairo_font_options_t,
                                    Deleter<cairo_font_options_t, cairo_font_options_destroy>>;
using FontDescription = std::unique_ptr<PangoFontDescription,
                                        Deleter<PangoFontDescription, pango_font_description_free>>;
using AttrList = std::unique_ptr<PangoAttrList, Deleter<PangoAttrList, pango_attr_list_unref>>;
using FontMap = std::unique_ptr<PangoFontMap, GObjectDeleter>;
using Context = std::unique_ptr<PangoContext, GObjectDeleter>;
using Layout = std::unique_ptr<PangoLayout, GObjectDeleter>;

struct Metadata {
    std::string title;
    std::string author; // left out when empty
    std::string date;   // creation and modification date, cairo's format
};

inline cairo_status_t append_to_string(void* closure, const unsigned char* data,
                                       unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// One page of `width` x `height` points, painted by `draw(cairo_t*)`, as PDF
// 1.5 bytes: the same input gives the same bytes. A cairo failure throws
// Error("cannot draw the <what>: ...") or Error("cannot write the <what> PDF: ...").
template <class Error, class Draw>
std::string one_page(double width, double height, const Metadata& meta, const std::string& what,
                     Draw&& draw) {
    std::string bytes;
    {
        Surface surface(
            cairo_pdf_surface_create_for_stream(append_to_string, &bytes, width, height));
        cairo_pdf_surface_restrict_to_version(surface.get(), CAIRO_PDF_VERSION_1_5);
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, meta.title.c_str());
        if (!meta.author.empty()) {
            cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR,
                                           meta.author.c_str());
        }
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Sightline");
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE,
                                       meta.date.c_str());
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_MOD_DATE,
                                       meta.date.c_str());
        {
            Cairo cr(cairo_create(surface.get()));
            draw(cr.get());
            cairo_show_page(cr.get());
            if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS) {
                throw Error("cannot draw the " + what + ": " +
                            cairo_status_to_string(cairo_status(cr.get())));
            }
        }
        cairo_surface_finish(surface.get());
        if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
            throw Error("cannot write the " + what +
                        " PDF: " + cairo_status_to_string(cairo_surface_status(surface.get())));
        }
    }
    return bytes;
}

} // namespace sightline::pdf
