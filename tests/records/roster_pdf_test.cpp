// The printed compliance roster (`sightline records due --pdf`, learning::
// render_compliance_pdf): page 1 rendered with pdftoppm and compared with the
// reviewed golden images, in English and in Spanish (the program's text from
// po/sightline-es.po, the rules' titles as the Spanish bundle gives them).
// Exits 77 (skipped) when pdftoppm or pdftotext (poppler-utils) is missing.
//
// After a deliberate change to the layout, regenerate the golden images with
//   SIGHTLINE_UPDATE_GOLDEN=1 build/<dir>/bin/roster_pdf_tests
// and look at tests/records/golden/roster.png and roster-es.png before committing them.
#define DOCTEST_CONFIG_IMPLEMENT
#include "i18n/i18n.hpp"
#include "learning/compliance.hpp"
#include "support/commands.hpp"
#include "support/pdf_pages.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <iostream>
#include <string>
#include <vector>

using namespace sightline;
namespace fs = std::filesystem;

namespace {

const fs::path kGolden = fs::path(SIGHTLINE_SOURCE_DIR) / "tests/records/golden/roster.png";
const fs::path kGoldenSpanish =
    fs::path(SIGHTLINE_SOURCE_DIR) / "tests/records/golden/roster-es.png";

learning::Day day(const char* text) {
    const std::optional<learning::Day> d = learning::parse_day(text);
    REQUIRE(d.has_value());
    return *d;
}

// Two of the bundled rules (scenarios/catalogue/rules.scn), with their titles
// in English or as po/scenarios-es.po translates them.
std::vector<model::Rule> rules(bool spanish) {
    model::Rule texas;
    texas.id = "texas-hotels";
    texas.title = spanish ? "Capacitaci\u00f3n para el personal de hoteles de Texas (un curso "
                            "aprobado por el Procurador General)"
                          : "Texas hotel employee training (a course approved by the Attorney "
                            "General)";
    texas.jurisdiction = "Texas";
    texas.citation = "1 TAC \u00a754.100-101";
    texas.applies_to = {"hotel"};
    texas.recurrence_months = 12;
    texas.new_hire_days = 90;
    texas.retention_months = 24;
    model::Rule florida;
    florida.id = "florida-hotels";
    florida.title = spanish ? "Capacitaci\u00f3n para el personal de recepci\u00f3n y de limpieza "
                              "de hoteles de Florida (un plan de estudios aprobado por el DBPR)"
                            : "Florida hotel front desk and housekeeping training (a curriculum "
                              "approved by DBPR)";
    florida.jurisdiction = "Florida";
    florida.citation = "\u00a7509.096, Florida Statutes";
    florida.applies_to = {"hotel/front-desk", "hotel/housekeeping"};
    florida.recurrence_months = 12;
    florida.new_hire_days = 60;
    return {texas, florida};
}

learning::ComplianceRow row(const char* name, const char* role, const char* rule,
                            learning::DueStatus status, const char* last, const char* next) {
    learning::ComplianceRow r;
    r.learner_id = std::string("id-") + name;
    r.learner_name = name;
    r.job_role = role;
    r.site = "Austin";
    r.rule_id = rule;
    r.status = status;
    if (last != nullptr) {
        r.last_completion = day(last);
        r.last_course = "hotel";
    }
    if (next != nullptr) {
        r.next_deadline = day(next);
    }
    return r;
}

fs::path write_roster(const fs::path& dir, bool spanish) {
    using learning::DueStatus;
    const std::vector<learning::ComplianceRow> rows = {
        row("Ana Ortiz", "hotel/front-desk", "texas-hotels", DueStatus::Due, nullptr, "2026-07-30"),
        row("Ben Okafor", "hotel/housekeeping", "texas-hotels", DueStatus::Current, "2026-01-12",
            "2027-01-12"),
        row("Cara Diaz", "hotel/maintenance", "texas-hotels", DueStatus::Overdue, "2025-02-01",
            "2026-02-01"),
        row("Ana Ortiz", "hotel/front-desk", "florida-hotels", DueStatus::Due, nullptr,
            "2026-06-30"),
        row("Ben Okafor", "hotel/housekeeping", "florida-hotels", DueStatus::Current, "2026-01-12",
            "2027-01-12"),
    };
    learning::RosterHeading heading;
    heading.organisation = "Lone Star Hotels";
    heading.records_location = "/srv/sightline/records.sqlite3";
    heading.as_of = day("2026-06-15");
    heading.site = "Austin";
    const i18n::LanguageScope language(spanish ? "es" : "en");
    const std::string pdf = learning::render_compliance_pdf(rules(spanish), rows, heading);
    const fs::path path = dir / (spanish ? "roster-es.pdf" : "roster.pdf");
    std::ofstream(path, std::ios::binary) << pdf;
    return path;
}

} // namespace

TEST_CASE("the roster matches the reviewed golden image") {
    test::TempDir temp;
    const fs::path pdf = write_roster(temp.path(), false);
    test::check_matches_golden(test::to_png(pdf, 72, "page"), kGolden, "roster-actual.png");
}

TEST_CASE("in Spanish the roster's own words are Spanish") {
    test::TempDir temp;
    const std::string text = test::pdf_text_on_one_line(write_roster(temp.path(), true));
    for (const char* expected : {"Lone Star Hotels", "Ana Ortiz", "hotel/front-desk", "Austin"}) {
        CHECK_MESSAGE(text.find(expected) != std::string::npos, expected << " in\n" << text);
    }
    for (const char* english :
         {"roster",  "Records",         "As of",  "Site",          "Overdue", "Due",
          "Current", "listed",          "every",  "new hires",     "kept",    "applies to",
          "LEARNER", "JOB ROLE",        "STATUS", "NEXT DEADLINE", "never",   "overdue",
          "current", "Names are shown", "Page"}) {
        CHECK_MESSAGE(text.find(english) == std::string::npos, english << " in\n" << text);
    }
}

TEST_CASE("the Spanish roster matches the reviewed golden image") {
    test::TempDir temp;
    const fs::path pdf = write_roster(temp.path(), true);
    fs::copy_file(pdf, fs::path(SIGHTLINE_BINARY_DIR) / "roster-es-test.pdf",
                  fs::copy_options::overwrite_existing);
    test::check_matches_golden(test::to_png(pdf, 72, "page"), kGoldenSpanish,
                               "roster-es-actual.png");
}

int main(int argc, char** argv) {
    for (const char* tool : {"pdftoppm", "pdftotext"}) {
        if (!test::on_path(tool)) {
            std::cout << "skipped: " << tool << " is not installed (poppler-utils)\n";
            return 77;
        }
    }
    // The program's text as the installed programs find it (po/CMakeLists.txt).
    i18n::bind(fs::path(SIGHTLINE_BINARY_DIR) / "share" / "locale");
    doctest::Context context(argc, argv);
    return context.run();
}
