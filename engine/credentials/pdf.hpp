// The printable certificate: one US Letter landscape page drawn with cairo and
// pango (DejaVu Serif and Sans through fontconfig), with a QR code
// (libqrencode) that carries the credential id and digest.
#pragma once

#include "credentials/credential.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::credentials {

// The PDF's bytes. The same facts give the same bytes (the PDF's creation
// date is the certificate's issue date). Its own words and dates are in the
// language the course was completed in (facts.language, through i18n::tr):
// the program's language is switched for the drawing and put back after, so
// call it on the thread that owns the program's language. Throws CredentialError.
std::string render_certificate_pdf(const CertificateFacts& facts, std::string_view qr_text);

// The QR code's modules, row by row (true: dark), with its side length.
struct QrMatrix {
    int size = 0;
    std::vector<bool> dark;
};
QrMatrix qr_matrix(std::string_view text);

} // namespace sightline::credentials
