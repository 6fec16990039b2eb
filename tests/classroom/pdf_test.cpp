// The session report PDF: deterministic bytes, one page however long the
// session, and the render compared with the reviewed golden image. Exits 77
// (skipped) when pdftoppm or pdftotext (poppler-utils) is missing.
//
// After a deliberate change to the layout, regenerate the golden image with
//   SIGHTLINE_UPDATE_GOLDEN=1 build/<dir>/bin/classroom_pdf_tests
// and look at tests/classroom/golden/session-report.png (and
// session-report-es.png, the same session run in Spanish) before committing it.
#define DOCTEST_CONFIG_IMPLEMENT
#include "classroom/report.hpp"
#include "i18n/i18n.hpp"
#include "model/translation.hpp"
#include "pdf/long_date.hpp"
#include "support/classroom_helpers.hpp"
#include "support/pdf_pages.hpp"
#include "support/scenario_fixtures.hpp"
#include "support/spanish_example.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using namespace sightline;
using namespace sightline::classroom;
namespace fs = std::filesystem;

namespace {

const fs::path kGolden =
    fs::path(SIGHTLINE_SOURCE_DIR) / "tests/classroom/golden/session-report.png";
const fs::path kGoldenSpanish =
    fs::path(SIGHTLINE_SOURCE_DIR) / "tests/classroom/golden/session-report-es.png";

// Opens voting, takes the hand counts and the phones' counts, locks and reveals.
void vote(Facilitation& f, const std::vector<std::int64_t>& hands,
          const std::vector<std::int64_t>& phones) {
    f.open_voting();
    REQUIRE(hands.size() == f.option_count());
    for (std::size_t i = 0; i < hands.size(); ++i) {
        f.set_votes(i, hands[i]);
    }
    f.set_phone_votes(phones);
    f.lock();
    f.reveal();
}

// test::play_example_session with the same totals, some of them from phones:
// the desk 3 / 7 / 2 (phones 1 / 4 / 0), the check 11 / 8 / 3 (phones 5 / 3 / 0).
void play_session_with_phones(Facilitation& f, test::FakeClock& clock) {
    clock.seconds(20);
    f.discuss();
    clock.seconds(95);
    vote(f, {2, 3, 2}, {1, 4, 0});
    clock.seconds(10);
    f.take_majority(); // log-and-tell
    clock.seconds(30);
    f.advance();
    clock.seconds(45);
    vote(f, {6, 5, 3}, {5, 3, 0});
    clock.seconds(5);
    f.take_majority(); // id and answers
    clock.seconds(20);
    f.advance();
    clock.seconds(60);
    f.go_back(0); // the desk again, votes as they were
    clock.seconds(40);
    f.pick("ask-her");
    clock.seconds(15);
    f.advance();
    clock.seconds(10);
    f.advance();
}

// The parts that depend on the machine (the local date, the attempt's random
// id) fixed.
SessionReport fixed(SessionReport r) {
    r.date = "14 March 2025";
    r.attempt_id = "3f6c1d2e-8a41-4b7e-9c55-0d2a7e61b9f4";
    return r;
}

// The scripted example session, with phones voting alongside raised hands.
SessionReport fixed_report() {
    test::FakeClock clock;
    Facilitation f(test::format_example(), test::example_setup(12), nullptr, {}, clock.clock());
    play_session_with_phones(f, clock);
    return fixed(make_report(f));
}

// The same session counted by hand only.
SessionReport hands_only_report() {
    test::FakeClock clock;
    Facilitation f(test::format_example(), test::example_setup(12), nullptr, {}, clock.clock());
    test::play_example_session(f, clock);
    return fixed(make_report(f));
}

// The program in Spanish while it lives (the report is drawn in the program's
// language), English again after.
struct InSpanish {
    InSpanish() { i18n::set_language("es"); }
    InSpanish(const InSpanish&) = delete;
    InSpanish& operator=(const InSpanish&) = delete;
    ~InSpanish() { i18n::set_language("en"); }
};

// The phones' session played on the example in Spanish, made while the
// program is in Spanish.
SessionReport spanish_report() {
    static const model::Bundle spanish = model::in_language(test::spanish_example(), "es");
    test::FakeClock clock;
    Facilitation f(spanish, test::example_setup(12), nullptr, {}, clock.clock());
    play_session_with_phones(f, clock);
    SessionReport r = fixed(make_report(f));
    r.date = pdf::long_date("2025", 3, 14);
    r.name = "Capacitaci\u00f3n del turno de noche";
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

// `text` with one space before each "(": pdftotext may put one or two
// between a count and its share.
std::string squeezed(std::string text) {
    for (std::size_t at; (at = text.find("  (")) != std::string::npos;) {
        text.erase(at, 1);
    }
    return text;
}

// The lines of `text` that contain `words`.
std::vector<std::string> lines_with(const std::string& text, const std::string& words) {
    std::vector<std::string> found;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (line.find(words) != std::string::npos) {
            found.push_back(line);
        }
    }
    return found;
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

TEST_CASE("each option's votes are given in words by raised hand and by phone") {
    test::TempDir temp;
    const std::string text =
        text_of(write(temp.path(), "phones.pdf", render_report_pdf(fixed_report())));
    // The header says how many phones voted (its letter-spaced label does not
    // come out of pdftotext as one word).
    CHECK_MESSAGE(text.find("5 voted") != std::string::npos, text);
    // On each option's own line: its total, its share, then the split. The
    // desk is there twice (the room's pick, then the facilitator's branch).
    const struct {
        const char* option;
        const char* total;
        const char* split;
        std::size_t times;
    } rows[] = {
        {"Ask the young woman", "3 (25%)", "2 hands, 1 phone", 2},
        {"Finish the check-in", "7 (58%)", "3 hands, 4 phones", 2},
        {"Hand over the key", "2 (17%)", "2 hands, 0 phones", 2},
        {"He kept her ID", "11 (92%)", "6 hands, 5 phones", 1},
        {"She let him answer", "8 (67%)", "5 hands, 3 phones", 1},
        {"He paid cash", "3 (25%)", "3 hands, 0 phones", 1},
    };
    for (const auto& row : rows) {
        const std::vector<std::string> lines = lines_with(text, row.option);
        CAPTURE(row.option);
        CHECK_MESSAGE(lines.size() == row.times, text);
        for (const std::string& line : lines) {
            CHECK_MESSAGE(squeezed(line).find(row.total) != std::string::npos, line);
            CHECK_MESSAGE(line.find(row.split) != std::string::npos, line);
        }
    }
    CHECK(text.find("hands: votes counted by raised hand") != std::string::npos);
    CHECK(text.find("phones: votes sent from phones") != std::string::npos);
}

TEST_CASE("the vote columns widen for a lecture hall's counts instead of cutting them") {
    SessionReport r = fixed_report();
    ReportOption& o = r.steps[0].options[1];
    o.votes = 412;
    o.phones = 288;
    r.steps[0].basis = 500;
    r.phones = 300;
    test::TempDir temp;
    const std::string text = text_of(write(temp.path(), "hall.pdf", render_report_pdf(r)));
    const std::vector<std::string> lines = lines_with(text, "Finish the check-in");
    REQUIRE_MESSAGE(lines.size() == 2, text);
    CHECK_MESSAGE(squeezed(lines[0]).find("412 (82%)") != std::string::npos, lines[0]);
    CHECK_MESSAGE(lines[0].find("124 hands, 288 phones") != std::string::npos, lines[0]);
    CHECK_MESSAGE(text.find("300 voted") != std::string::npos, text);
}

TEST_CASE("a session without phones shows no split and no phones") {
    test::TempDir temp;
    const std::string text =
        text_of(write(temp.path(), "hands.pdf", render_report_pdf(hands_only_report())));
    CHECK_MESSAGE(squeezed(text).find("7 (58%)") != std::string::npos, text);
    CHECK_MESSAGE(text.find("hands") == std::string::npos, text);
    CHECK_MESSAGE(text.find("phone") == std::string::npos, text);
    CHECK_MESSAGE(text.find("voted") == std::string::npos, text);
}

TEST_CASE("a day is written out in the program's language") {
    CHECK(pdf::long_date("2025", 3, 14) == "14 March 2025");
    const InSpanish spanish;
    CHECK(pdf::long_date("2025", 3, 14) == "14 de marzo de 2025");
    CHECK(pdf::long_date("2026", 12, 4) == "4 de diciembre de 2026");
}

TEST_CASE("in Spanish the report's own words are Spanish") {
    const InSpanish spanish;
    test::TempDir temp;
    const std::string text =
        text_of(write(temp.path(), "es.pdf", render_report_pdf(spanish_report())));
    for (const char* expected :
         {"14 de marzo de", "Dana Okafor", "2 decisiones, 1 pregunta de", "Mayor\u00eda del grupo",
          "Decisi\u00f3n del facilitador", "Camino 2", "Reconocidos por el grupo (2)",
          "2 a mano, 1 por celular", "5 votaron", "Pregunta de repaso:",
          "Sesi\u00f3n de Sightline en el aula", "3f6c1d2e-8a41-4b7e-9c55-0d2a7e61b9f4"}) {
        CHECK_MESSAGE(text.find(expected) != std::string::npos, std::string(expected) << " in\n"
                                                                                      << text);
    }
    for (const char* english : {"DECISIONS", "majority", "Path", "hands", "phones", "voted"}) {
        CHECK_MESSAGE(text.find(english) == std::string::npos, english << " in\n" << text);
    }
}

TEST_CASE("the Spanish report matches the reviewed golden image") {
    const InSpanish spanish;
    test::TempDir temp;
    const fs::path pdf = write(temp.path(), "es.pdf", render_report_pdf(spanish_report()));
    fs::copy_file(pdf, fs::path(SIGHTLINE_BINARY_DIR) / "session-report-es-test.pdf",
                  fs::copy_options::overwrite_existing);
    const fs::path png = test::to_png(pdf, 72, "page");
    test::check_matches_golden(png, kGoldenSpanish, "session-report-es-actual.png");
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
