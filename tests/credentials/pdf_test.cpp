// The printed certificate: rendered to PNG with pdftoppm and compared with the
// reviewed golden image; its QR code decoded with zbarimg. Exits 77 (skipped)
// when either tool is missing.
//
// After a deliberate change to the layout, regenerate the golden image with
//   SIGHTLINE_UPDATE_GOLDEN=1 build/<dir>/bin/credentials_pdf_tests
// and look at tests/credentials/golden/certificate.png (and certificate-es.png,
// the certificate of a course completed in Spanish) before committing it.
#define DOCTEST_CONFIG_IMPLEMENT
#include "credentials/credential.hpp"
#include "credentials/pdf.hpp"
#include "i18n/i18n.hpp"
#include "support/credential_fixtures.hpp"
#include "support/pdf_pages.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>

using namespace sightline;
using namespace sightline::credentials;
namespace fs = std::filesystem;

namespace {

const fs::path kGolden =
    fs::path(SIGHTLINE_SOURCE_DIR) / "tests/credentials/golden/certificate.png";
const fs::path kGoldenSpanish =
    fs::path(SIGHTLINE_SOURCE_DIR) / "tests/credentials/golden/certificate-es.png";

constexpr std::string_view kVerifyUrl = "https://training.example.org/verify";

fs::path write_pdf(const fs::path& dir) {
    const std::string pdf = render_certificate_pdf(
        test::fixed_facts(), qr_payload(kVerifyUrl, test::fixed_facts().verification_code));
    const fs::path path = dir / "certificate.pdf";
    std::ofstream(path, std::ios::binary) << pdf;
    return path;
}

// fixed_facts() completed in Spanish: the course's text as the bundle's
// Spanish translation gives it, a compliance rule, and an hour and a half.
CertificateFacts spanish_facts() {
    CertificateFacts f = test::fixed_facts();
    f.language = "es";
    f.profession = "Enfermera registrada";
    f.course_title =
        "Personal de enfermer\u00eda y de salud: se\u00f1ales de alerta en la atenci\u00f3n "
        "m\u00e9dica";
    f.topics = {"Los tipos de trata de personas y los lugares donde ocurre en Michigan y en los "
                "Estados Unidos",
                "C\u00f3mo identificar a v\u00edctimas de trata de personas en entornos de salud",
                "C\u00f3mo identificar las se\u00f1ales de alerta de trata de personas en "
                "entornos de salud, en personas adultas y en menores de edad",
                "Recursos para reportar posibles casos de v\u00edctimas de trata de personas"};
    f.rules = {"Capacitaci\u00f3n sobre trata de personas para profesionales de la salud de "
               "Michigan (Licensing rule for health professions under the Public Health Code)"};
    f.course_approval =
        "Aprobaci\u00f3n pendiente. Great Lakes Care Training solicit\u00f3 ofrecer este curso "
        "para el requisito de capacitaci\u00f3n sobre trata de personas de LARA de Michigan. "
        "Hasta que se confirme la aprobaci\u00f3n, no solicite cr\u00e9dito de licencia por "
        "este curso.";
    f.credit_hours = 1.5;
    return f;
}

fs::path write_spanish_pdf(const fs::path& dir) {
    const std::string pdf =
        render_certificate_pdf(spanish_facts(), qr_payload(kVerifyUrl, "K7QM-4TXR"));
    const fs::path path = dir / "certificado.pdf";
    std::ofstream(path, std::ios::binary) << pdf;
    return path;
}

} // namespace

TEST_CASE("the same certificate renders to the same PDF bytes") {
    const std::string qr = qr_payload(kVerifyUrl, "KQ7M-3HXP");
    const std::string a = render_certificate_pdf(test::fixed_facts(), qr);
    const std::string b = render_certificate_pdf(test::fixed_facts(), qr);
    CHECK(a.starts_with("%PDF-1.5"));
    CHECK(a == b);
    // The issue date, not the time of rendering (cairo 1.16 leaves out the "D:").
    CHECK(a.find("/CreationDate (20250314162000-04'00)") != std::string::npos);
}

TEST_CASE("the rendered certificate matches the reviewed golden image") {
    test::TempDir temp;
    const fs::path pdf = write_pdf(temp.path());
    // Kept for looking at (and for docs/certificate.png).
    fs::copy_file(pdf, fs::path(SIGHTLINE_BINARY_DIR) / "certificate-test.pdf",
                  fs::copy_options::overwrite_existing);
    const fs::path png = test::to_png(pdf, 60, "page");
    test::check_matches_golden(png, kGolden, "certificate-actual.png");
}

TEST_CASE("a course completed in Spanish gets its certificate in Spanish") {
    test::TempDir temp;
    const std::string text = test::pdf_text_on_one_line(write_spanish_pdf(temp.path()));
    for (const char* expected :
         {"Certificado de finalizaci\u00f3n", "Se certifica que", "ha completado el curso",
          "Personal de enfermer\u00eda y de salud: se\u00f1ales de alerta en la atenci\u00f3n "
          "m\u00e9dica",
          "Licencia 4704-298113 (Michigan)", "14 de marzo de 2025",
          "1.5 horas (90 minutos de cr\u00e9dito)", "En l\u00ednea, a su propio ritmo",
          "Aprobaci\u00f3n n\u00fam. MI-HT-0042", "C\u00f3digo de verificaci\u00f3n",
          "Emitido el 14 de marzo de 2025."}) {
        CHECK_MESSAGE(text.find(expected) != std::string::npos, expected << " in\n" << text);
    }
    for (const char* english : {"Certificate", "certifies", "March", "hours", "Issued"}) {
        CHECK_MESSAGE(text.find(english) == std::string::npos, english << " in\n" << text);
    }
    // The program's own language is as it was.
    CHECK(i18n::language() == "en");
}

TEST_CASE("the Spanish certificate matches the reviewed golden image") {
    test::TempDir temp;
    const fs::path pdf = write_spanish_pdf(temp.path());
    fs::copy_file(pdf, fs::path(SIGHTLINE_BINARY_DIR) / "certificate-es-test.pdf",
                  fs::copy_options::overwrite_existing);
    const fs::path png = test::to_png(pdf, 60, "page");
    test::check_matches_golden(png, kGoldenSpanish, "certificate-es-actual.png");
}

TEST_CASE("a certificate is in its course's language, not the program's") {
    i18n::set_language("es");
    test::TempDir temp;
    const std::string text = test::pdf_text_on_one_line(write_pdf(temp.path()));
    i18n::set_language("en");
    CHECK_MESSAGE(text.find("Certificate of Completion") != std::string::npos, text);
    CHECK_MESSAGE(text.find("14 March 2025") != std::string::npos, text);
    CHECK(text.find("Certificado") == std::string::npos);
    // A tag with a region reads as its language; the program's language comes back.
    i18n::set_language("es");
    CertificateFacts f = spanish_facts();
    f.language = "es-US";
    std::ofstream(temp.path() / "us.pdf", std::ios::binary)
        << render_certificate_pdf(f, "K7QM-4TXR");
    CHECK(i18n::language() == "es");
    i18n::set_language("en");
    CHECK(test::pdf_text_on_one_line(temp.path() / "us.pdf")
              .find("Certificado de finalizaci\u00f3n") != std::string::npos);
}

TEST_CASE("the QR code decodes to the provider's verification page for the certificate") {
    test::TempDir temp;
    const fs::path png = test::to_png(write_pdf(temp.path()), 150, "qr");
    const std::string decoded =
        test::capture("zbarimg --raw -q '" + png.string() + "' 2>/dev/null");
    CHECK(decoded ==
          std::string(kVerifyUrl) + "?code=" + test::fixed_facts().verification_code + "\n");
}

TEST_CASE("the QR payload is the verification page with the code, or the code alone") {
    CHECK(qr_payload("", "KQ7M-3HXP") == "KQ7M-3HXP");
    CHECK(qr_payload("https://p.example/verify", "KQ7M-3HXP") ==
          "https://p.example/verify?code=KQ7M-3HXP");
    CHECK(qr_payload("https://p.example/verify?lang=en", "KQ7M-3HXP") ==
          "https://p.example/verify?lang=en&code=KQ7M-3HXP");
    CHECK(qr_payload("https://p.example/c/{code}/check", "KQ7M-3HXP") ==
          "https://p.example/c/KQ7M-3HXP/check");
}

TEST_CASE("long names, titles, topic lists and statements stay on the one page") {
    CertificateFacts f = test::fixed_facts();
    f.learner_name =
        "Maria Guadalupe Concepci\u00f3n Fern\u00e1ndez-Villanueva de la Cruz y Montenegro";
    f.course_title = "Hotel front desk, housekeeping and night audit staff: recognising and safely "
                     "reporting the possible signs of labour and sex trafficking in lodging";
    for (int i = 0; i < 6; ++i) {
        f.topics.push_back("An additional topic line number " + std::to_string(i) +
                           " that is long enough to wrap onto a second line in the column");
    }
    f.course_approval = std::string(1200, 'a');
    f.score_percent.reset();
    f.profession.clear();
    const std::string pdf =
        render_certificate_pdf(f, qr_payload(std::string(200, 'f'), f.verification_code));
    CHECK(pdf.starts_with("%PDF"));
    CHECK(pdf.find("/Count 1") != std::string::npos); // one page
    std::ofstream(fs::path(SIGHTLINE_BINARY_DIR) / "certificate-long.pdf", std::ios::binary) << pdf;
}

TEST_CASE("the QR matrix of a known payload has the expected size") {
    const QrMatrix m = qr_matrix(qr_payload(kVerifyUrl, "KQ7M-3HXP"));
    CHECK(m.size >= 21);
    CHECK(m.dark.size() == static_cast<std::size_t>(m.size * m.size));
    CHECK(m.dark[0]); // the top-left finder pattern
}

int main(int argc, char** argv) {
    for (const char* tool : {"pdftoppm", "pdftotext", "zbarimg"}) {
        if (!test::on_path(tool)) {
            std::cout << "skipped: " << tool << " is not installed (poppler-utils, zbar-tools)\n";
            return 77;
        }
    }
    // The program's text as the installed programs find it (po/CMakeLists.txt).
    i18n::bind(fs::path(SIGHTLINE_BINARY_DIR) / "share" / "locale");
    doctest::Context context(argc, argv);
    return context.run();
}
