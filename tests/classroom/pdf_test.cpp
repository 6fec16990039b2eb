// The session report PDF: deterministic bytes, one page however long the
// session, and the render compared with the reviewed golden image. Exits 77
// (skipped) when pdftoppm or pdftotext (poppler-utils) is missing.
//
// After a deliberate change to the layout, regenerate the golden image with
//   SIGHTLINE_UPDATE_GOLDEN=1 build/<dir>/bin/classroom_pdf_tests
// and look at tests/classroom/golden/session-report.png before committing it.
#define DOCTEST_CONFIG_IMPLEMENT
#include "classroom/report.hpp"
#include "helpers.hpp"
#include "runtime/fixtures.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cairo.h>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>

using namespace sightline;
using namespace sightline::classroom;
namespace fs = std::filesystem;

namespace {

const fs::path kGolden =
    fs::path(SIGHTLINE_SOURCE_DIR) / "tests/classroom/golden/session-report.png";

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

// The scripted example session, with the parts that depend on the machine
// (the local date, the attempt's random id) fixed.
SessionReport fixed_report() {
    test::FakeClock clock;
    Facilitation f(test::format_example(), test::example_setup(12), nullptr, {}, clock.clock());
    test::play_example_session(f, clock);
    SessionReport r = make_report(f);
    r.date = "14 March 2025";
    r.attempt_id = "3f6c1d2e-8a41-4b7e-9c55-0d2a7e61b9f4";
    return r;
}

fs::path write(const fs::path& dir, const std::string& name, const std::string& bytes) {
    const fs::path path = dir / name;
    std::ofstream(path, std::ios::binary) << bytes;
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

std::string text_of(const fs::path& pdf) {
    return capture("pdftotext -layout '" + pdf.string() + "' - 2>/dev/null");
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

TEST_CASE("the same report renders to the same PDF bytes") {
    const std::string a = render_report_pdf(fixed_report());
    const std::string b = render_report_pdf(fixed_report());
    CHECK(a.starts_with("%PDF-1.5"));
    CHECK(a == b);
    // The session's start, not the time of rendering.
    CHECK(a.find("/CreationDate (20250314090000Z)") != std::string::npos);
    CHECK(a.find("/Count 1") != std::string::npos);
}

TEST_CASE("the PDF says what happened in the session") {
    test::TempDir temp;
    const std::string text =
        text_of(write(temp.path(), "r.pdf", render_report_pdf(fixed_report())));
    for (const char* expected :
         {"Night shift in-service", "The late check-in", "14 March 2025", "Dana Okafor", "12",
          "Room's majority", "Facilitator override", "Path 2", "Recognised by the group (2)",
          "Someone else holds the guest's ID", "3f6c1d2e-8a41-4b7e-9c55-0d2a7e61b9f4"}) {
        CHECK_MESSAGE(text.find(expected) != std::string::npos, std::string(expected) << " in\n"
                                                                                      << text);
    }
}

TEST_CASE("the rendered report matches the reviewed golden image") {
    test::TempDir temp;
    const fs::path pdf = write(temp.path(), "report.pdf", render_report_pdf(fixed_report()));
    fs::copy_file(pdf, fs::path(SIGHTLINE_BINARY_DIR) / "session-report-test.pdf",
                  fs::copy_options::overwrite_existing);
    const fs::path png = to_png(pdf, 72, "page");
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
        fs::copy_file(png, fs::path(SIGHTLINE_BINARY_DIR) / "session-report-actual.png",
                      fs::copy_options::overwrite_existing);
    }
}

TEST_CASE("a long session stays on one page and points to the CSV for the rest") {
    SessionReport r = fixed_report();
    r.name = "Quarterly in-service for the housekeeping, front desk and night audit teams of "
             "the Riverside Inn and the Lakeview Suites, with guests from the regional office";
    r.facilitator = "Maria Guadalupe Concepci\u00f3n Fern\u00e1ndez-Villanueva";
    const ReportStep step = r.steps[0];
    for (std::uint32_t i = 0; i < 40; ++i) {
        ReportStep s = step;
        s.sequence = static_cast<std::uint32_t>(r.steps.size() + 1);
        s.branch = 1 + i / 5;
        s.prompt = std::string(400, 'w');
        r.steps.push_back(s);
    }
    r.branches = 9;
    for (int i = 0; i < 14; ++i) {
        r.missed.push_back(
            {"x" + std::to_string(i),
             "An indicator with a long name number " + std::to_string(i) + " that wraps",
             i % 3 == 0});
    }
    test::TempDir temp;
    const std::string pdf = render_report_pdf(r);
    CHECK(pdf.find("/Count 1") != std::string::npos);
    const fs::path file = write(temp.path(), "long.pdf", pdf);
    fs::copy_file(file, fs::path(SIGHTLINE_BINARY_DIR) / "session-report-long.pdf",
                  fs::copy_options::overwrite_existing);
    const std::string text = text_of(file);
    CHECK_MESSAGE(text.find("more decisions: see the CSV report") != std::string::npos, text);
    CHECK(text.find("Not recognised (14)") != std::string::npos);
}

TEST_CASE("a session without decisions still has a report") {
    Facilitation f(test::format_example(), test::example_setup(0));
    SessionReport r = make_report(f);
    r.date.clear();
    test::TempDir temp;
    const std::string text = text_of(write(temp.path(), "empty.pdf", render_report_pdf(r)));
    CHECK(text.find("No decisions were made in this session.") != std::string::npos);
    CHECK(text.find("not counted") != std::string::npos);
    CHECK(text.find("not recorded (dry run)") != std::string::npos);
}

int main(int argc, char** argv) {
    for (const char* tool : {"pdftoppm", "pdftotext"}) {
        if (!on_path(tool)) {
            std::cout << "skipped: " << tool << " is not installed (poppler-utils)\n";
            return 77;
        }
    }
    doctest::Context context(argc, argv);
    return context.run();
}
