// The printed certificate: rendered to PNG with pdftoppm and compared with the
// reviewed golden image; its QR code decoded with zbarimg. Exits 77 (skipped)
// when either tool is missing.
//
// After a deliberate change to the layout, regenerate the golden image with
//   SIGHTLINE_UPDATE_GOLDEN=1 build/<dir>/bin/credentials_pdf_tests
// and look at tests/credentials/golden/certificate.png before committing it.
#define DOCTEST_CONFIG_IMPLEMENT
#include "credentials/credential.hpp"
#include "credentials/pdf.hpp"
#include "fixtures.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cairo.h>
#include <cstdio>
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

bool on_path(const char* tool) {
    const std::string command = std::string("command -v ") + tool + " >/dev/null 2>&1";
    return std::system(command.c_str()) == 0;
}

std::string capture(const std::string& command) {
    std::string out;
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 4096> buffer{};
    while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) {
        out.append(buffer.data(), n);
    }
    ::pclose(pipe);
    return out;
}

fs::path write_pdf(const fs::path& dir) {
    const nlohmann::json credential = nlohmann::json::parse(test::fixed_credential_text());
    const std::string pdf =
        render_certificate_pdf(test::fixed_facts(), qr_payload(test::fixed_facts().certificate_id,
                                                               credential_digest(credential)));
    const fs::path path = dir / "certificate.pdf";
    std::ofstream(path, std::ios::binary) << pdf;
    return path;
}

// Renders page 1 at `dpi` to <dir>/<stem>.png.
fs::path to_png(const fs::path& pdf, int dpi, const std::string& stem) {
    const fs::path out = pdf.parent_path() / stem;
    const std::string command = "pdftoppm -png -singlefile -r " + std::to_string(dpi) + " '" +
                                pdf.string() + "' '" + out.string() + "'";
    REQUIRE(std::system(command.c_str()) == 0);
    return fs::path(out).concat(".png");
}

struct Image {
    int width = 0, height = 0, stride = 0;
    std::vector<unsigned char> data; // cairo ARGB32 / RGB24 rows
};

Image load_png(const fs::path& path) {
    cairo_surface_t* surface = cairo_image_surface_create_from_png(path.c_str());
    Image image;
    if (cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS) {
        cairo_surface_flush(surface);
        image.width = cairo_image_surface_get_width(surface);
        image.height = cairo_image_surface_get_height(surface);
        image.stride = cairo_image_surface_get_stride(surface);
        const unsigned char* data = cairo_image_surface_get_data(surface);
        image.data.assign(data, data + static_cast<std::size_t>(image.stride * image.height));
    }
    cairo_surface_destroy(surface);
    return image;
}

} // namespace

TEST_CASE("the same certificate renders to the same PDF bytes") {
    const std::string qr = qr_payload("id", "digest");
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
    const fs::path png = to_png(pdf, 60, "page");
    if (std::getenv("SIGHTLINE_UPDATE_GOLDEN") != nullptr) {
        fs::copy_file(png, kGolden, fs::copy_options::overwrite_existing);
        MESSAGE("wrote " << kGolden.string());
    }
    const Image actual = load_png(png);
    const Image golden = load_png(kGolden);
    REQUIRE_MESSAGE(golden.width > 0, "cannot read " << kGolden.string());
    REQUIRE(actual.width == golden.width);
    REQUIRE(actual.height == golden.height);
    // Antialiasing may differ a little between poppler or freetype versions:
    // allow small differences, and a few pixels that differ more.
    std::size_t different = 0;
    for (int y = 0; y < actual.height; ++y) {
        for (int x = 0; x < actual.width; ++x) {
            const std::size_t at = static_cast<std::size_t>(y * actual.stride + x * 4);
            int worst = 0;
            for (int c = 0; c < 3; ++c) {
                worst = std::max(worst, std::abs(actual.data[at + static_cast<std::size_t>(c)] -
                                                 golden.data[at + static_cast<std::size_t>(c)]));
            }
            different += worst > 48 ? 1 : 0;
        }
    }
    const double share = static_cast<double>(different) / (actual.width * actual.height);
    CHECK_MESSAGE(share < 0.004, different << " pixels differ from " << kGolden.string()
                                           << "; the render is " << png.string());
    if (share >= 0.004) {
        fs::copy_file(png, fs::path(SIGHTLINE_BINARY_DIR) / "certificate-actual.png",
                      fs::copy_options::overwrite_existing);
    }
}

TEST_CASE("the QR code decodes to the credential id and digest") {
    test::TempDir temp;
    const fs::path png = to_png(write_pdf(temp.path()), 150, "qr");
    const std::string decoded = capture("zbarimg --raw -q '" + png.string() + "' 2>/dev/null");
    const std::string digest =
        credential_digest(nlohmann::json::parse(test::fixed_credential_text()));
    CHECK(decoded == "urn:uuid:3f6c1d2e-8a41-4b7e-9c55-0d2a7e61b9f4 sha256:" + digest + "\n");
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
        render_certificate_pdf(f, qr_payload(f.certificate_id, std::string(64, 'f')));
    CHECK(pdf.starts_with("%PDF"));
    CHECK(pdf.find("/Count 1") != std::string::npos); // one page
    std::ofstream(fs::path(SIGHTLINE_BINARY_DIR) / "certificate-long.pdf", std::ios::binary) << pdf;
}

TEST_CASE("the QR matrix of a known payload has the expected size") {
    const QrMatrix m =
        qr_matrix(qr_payload("3f6c1d2e-8a41-4b7e-9c55-0d2a7e61b9f4", std::string(64, 'a')));
    CHECK(m.size >= 21);
    CHECK(m.dark.size() == static_cast<std::size_t>(m.size * m.size));
    CHECK(m.dark[0]); // the top-left finder pattern
}

int main(int argc, char** argv) {
    for (const char* tool : {"pdftoppm", "zbarimg"}) {
        if (!on_path(tool)) {
            std::cout << "skipped: " << tool << " is not installed (poppler-utils, zbar-tools)\n";
            return 77;
        }
    }
    doctest::Context context(argc, argv);
    return context.run();
}
