// The session report PDF: deterministic bytes, one page however long the
// session, and the render compared with the reviewed golden image. Exits 77
// (skipped) when pdftoppm or pdftotext (poppler-utils) is missing.
//
// After a deliberate change to the layout, regenerate the golden image with
//   SIGHTLINE_UPDATE_GOLDEN=1 build/<dir>/bin/classroom_pdf_tests
// and look at tests/classroom/golden/session-report.png before committing it.
#define DOCTEST_CONFIG_IMPLEMENT
#include "classroom/report.hpp"
#include "support/classroom_helpers.hpp"
#include "support/pdf_pages.hpp"
#include "support/scenario_fixtures.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

using namespace sightline;
using namespace sightline::classroom;
namespace fs = std::filesystem;

namespace {

const fs::path kGolden =
    fs::path(SIGHTLINE_SOURCE_DIR) / "tests/classroom/golden/session-report.png";

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

std::string text_of(const fs::path& pdf) {
    return test::capture("pdftotext -layout '" + pdf.string() + "' - 2>/dev/null");
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
    const fs::path png = test::to_png(pdf, 72, "page");
    test::check_matches_golden(png, kGolden, "session-report-actual.png");
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
        if (!test::on_path(tool)) {
            std::cout << "skipped: " << tool << " is not installed (poppler-utils)\n";
            return 77;
        }
    }
    doctest::Context context(argc, argv);
    return context.run();
}
