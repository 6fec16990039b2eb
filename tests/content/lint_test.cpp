// The quality gates of `sightc lint` (content/lint.hpp): each fires on a small
// bad example, stays quiet on the fixed one, and points at the right line.
#include "content/lint.hpp"
#include "content/lint_terms.hpp"
#include "content/stats.hpp"
#include "support/files.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace sightline;

namespace {

const std::string kPrelude = test::read_source_file("tests/content/examples/prelude.scn");

// A scenario that passes every gate; tests replace parts of it.
const std::string kGoodReport =
    "National Human Trafficking Hotline: call 1-888-373-7888 or text 233733.";

// `more_indicators` joins the scenario's `indicators:` line (the signs its choices notice).
std::string scenario(const std::string& nodes, const std::string& report = kGoodReport,
                     const std::string& more_indicators = {}) {
    return "scenario demo\n"
           "title: Demo\n"
           "role: hotel\n"
           "language: en\n"
           "minutes: 5\n"
           "objective: Learn one thing.\n"
           "content-note: A short demo.\n"
           "covers: adult, minor, sex, labour, confounder\n"
           "indicators: hotel.cash-nightly" +
           (more_indicators.empty() ? "" : ", " + more_indicators) +
           "\n"
           "response: Tell the manager on duty.\n"
           "report: " +
           report + "\n" + nodes; // no blank line before the nodes: the lines tests name
}

const std::string kGoodNodes = R"(== desk
A guest pays cash, night after night.
* [tell] Tell the manager on duty. -> done
    tier: best
    score: response +1
    feedback: That is the right channel.

== done
ending: reported-safely
debrief: Call the hotline at 1-888-373-7888 when you see a pattern.
)";

struct Linted {
    content::CompileResult compiled;
    content::LintReport report;
    std::set<content::DiagnosticCode> codes() const {
        std::set<content::DiagnosticCode> out;
        for (const content::Diagnostic& d : report.diagnostics) {
            out.insert(d.code);
        }
        return out;
    }
    std::size_t count(content::DiagnosticCode code) const {
        std::size_t n = 0;
        for (const content::Diagnostic& d : report.diagnostics) {
            n += d.code == code ? 1 : 0;
        }
        return n;
    }
    const content::Diagnostic& first(content::DiagnosticCode code) const {
        for (const content::Diagnostic& d : report.diagnostics) {
            if (d.code == code) {
                return d;
            }
        }
        throw std::runtime_error("no " + std::string(code.id()));
    }
};

Linted lint_text(const std::string& text, const content::LintOptions& options = {}) {
    content::SourceSet sources;
    sources.emplace_back("prelude.scn", kPrelude);
    sources.emplace_back("demo.scn", text);
    Linted out{content::compile(std::move(sources)), {}};
    REQUIRE_MESSAGE(!out.compiled.has_errors(),
                    (out.compiled.diagnostics.empty() ? "" : out.compiled.diagnostics[0].message));
    out.report = content::lint(out.compiled, options);
    return out;
}

// n hotel indicators, the first `confounders` of them confounders.
std::string indicators(std::size_t n, std::size_t confounders = 0) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        out += "indicator hotel.sign-" + std::to_string(i) +
               "\nname: Sign\ncategory: behaviour\ntype: both\nroles: hotel\n" +
               (i < confounders ? "confounder: yes\n" : "") + "description: A sign.\n\n";
    }
    return out;
}

std::string notices(std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to; ++i) {
        out += (out.empty() ? "" : ", ") + std::string("hotel.sign-") + std::to_string(i);
    }
    return out;
}

const std::string kCourse = R"(course demo-course
title: Demo course
role: hotel
passing-score: 80
scenario: demo required
closing: Noticing these signs can weigh on you. Talk to your supervisor.

)";

} // namespace

TEST_CASE("a scenario that meets every gate passes, with its figures") {
    const Linted l = lint_text(scenario(kGoodNodes));
    CHECK(l.report.diagnostics.empty());
    CHECK(l.report.passed());
    CHECK(l.report.scenarios == 1);
    CHECK(l.report.endings == 1);
    CHECK(l.report.highest_grade_scenario == "demo");
    CHECK(l.report.highest_grade <= 8.0);
}

TEST_CASE("SL0501: every ending's debrief and the report must name a reporting resource") {
    SUBCASE("a debrief without a number or channel fails, at its debrief line") {
        std::string nodes = kGoodNodes;
        nodes.replace(nodes.find("Call the hotline"), std::string::npos, "Well done.\n");
        const Linted l = lint_text(scenario(nodes));
        REQUIRE(l.codes() ==
                std::set<content::DiagnosticCode>{content::codes::no_reporting_resource});
        CHECK(l.first(content::codes::no_reporting_resource).location.line == 21);
        CHECK(l.first(content::codes::no_reporting_resource).message.find("ending 'done'") !=
              std::string::npos);
    }
    SUBCASE("a report without one fails, at the report line") {
        const Linted l = lint_text(scenario(kGoodNodes, "Tell your manager."));
        REQUIRE(l.codes() ==
                std::set<content::DiagnosticCode>{content::codes::no_reporting_resource});
        CHECK(l.first(content::codes::no_reporting_resource).location.line == 11);
    }
    SUBCASE("what counts as naming a resource") {
        CHECK(content::names_reporting_resource("Call 911 if anyone is in danger."));
        CHECK(content::names_reporting_resource("Or text 233733."));
        CHECK(content::names_reporting_resource("Call 1-888-373-7888."));
        CHECK(content::names_reporting_resource("Tell the national human trafficking hotline."));
        CHECK(content::names_reporting_resource("Report it to the CyberTipline."));
        CHECK_FALSE(content::names_reporting_resource("Call the hotline."));
        CHECK_FALSE(content::names_reporting_resource("It happened in 1911."));
        CHECK_FALSE(content::names_reporting_resource("Room 9110 is empty."));
        CHECK_FALSE(content::names_reporting_resource("Call 1-911-555-0100."));
        CHECK_FALSE(content::names_reporting_resource(""));
    }
}

TEST_CASE("SL0502: a course covers at least 10 of its role's indicators") {
    // The prelude declares hotel.cash-nightly; these add 12 more hotel indicators.
    auto with_notices = [](const std::string& ids) {
        std::string nodes = kGoodNodes;
        nodes.insert(nodes.find("    feedback:"), "    notices: " + ids + "\n");
        return nodes;
    };
    // The gate's default is 12 (LintOptions); these cases use 10 to keep the figures small.
    CHECK(content::LintOptions{}.min_course_indicators == 12);
    content::LintOptions ten;
    ten.min_course_indicators = 10;
    const auto noticing = [&](const std::string& ids) {
        return scenario(with_notices(ids), kGoodReport, ids);
    };
    SUBCASE("9 of 13 is too few; the message lists the rest") {
        const Linted l = lint_text(indicators(12) + kCourse + noticing(notices(0, 8)), ten);
        REQUIRE(l.codes() == std::set<content::DiagnosticCode>{content::codes::too_few_indicators});
        const content::Diagnostic& d = l.first(content::codes::too_few_indicators);
        CHECK(d.location.line == 12 * 7 + 1); // the course line, after 12 indicator blocks
        CHECK(d.message.find("covers 9 of the 13 indicators") != std::string::npos);
        CHECK(d.message.find("hotel.sign-8, hotel.sign-9") != std::string::npos);
        REQUIRE(l.report.coverage.size() == 1);
        CHECK(l.report.coverage[0].covered == 9);
        CHECK(l.report.coverage[0].required == 10);
    }
    SUBCASE("10 passes") {
        const Linted l = lint_text(indicators(12) + kCourse + noticing(notices(0, 9)), ten);
        CHECK(l.report.passed());
    }
    SUBCASE("confounders do not count towards the 10") {
        // 13 entries, 4 of them confounders: 9 indicators, all of them needed.
        const Linted l = lint_text(indicators(12, 4) + kCourse + noticing(notices(0, 12)), ten);
        CHECK(l.report.passed());
        REQUIRE(l.report.coverage.size() == 1);
        CHECK(l.report.coverage[0].indicators == 9);
        CHECK(l.report.coverage[0].required == 9);
        const Linted fewer = lint_text(indicators(12, 4) + kCourse + noticing(notices(0, 11)), ten);
        CHECK(fewer.codes() ==
              std::set<content::DiagnosticCode>{content::codes::too_few_indicators});
    }
    SUBCASE("a role with fewer than 10 indicators needs all of them") {
        const Linted l = lint_text(indicators(2) + kCourse + scenario(kGoodNodes), ten);
        REQUIRE(l.codes() == std::set<content::DiagnosticCode>{content::codes::too_few_indicators});
        CHECK(l.first(content::codes::too_few_indicators).message.find("covers 1 of the 3") !=
              std::string::npos);
        CHECK(lint_text(indicators(2) + kCourse + noticing(notices(0, 2)), ten).report.passed());
    }
    SUBCASE("a course for a role with no indicators (foundations) passes") {
        const std::string general = "role general\nname: Everyone\n\n";
        std::string course = kCourse;
        course.replace(course.find("role: hotel"), 11, "role: general");
        const Linted l = lint_text(general + course + scenario(kGoodNodes), ten);
        CHECK(l.report.passed());
        REQUIRE(l.report.coverage.size() == 1);
        CHECK(l.report.coverage[0].required == 0);
    }
}

TEST_CASE("SL0503: banned terms, and nodes that teach about them") {
    auto with_text = [](const std::string& line) {
        std::string nodes = kGoodNodes;
        nodes.insert(nodes.find("* [tell]"), line + "\n");
        return nodes;
    };
    SUBCASE("case, punctuation and plurals do not hide a term; the caret is on it") {
        for (const char* text :
             {"A coworker says she is a prostitute.", "Two PROSTITUTES, he says.",
              "Someone on the radio says lot-lizard.", "Lot  lizards, he says.",
              "He says she was \u201crescued\u201d\u2026"}) {
            CAPTURE(text);
            const Linted l = lint_text(scenario(with_text(text)));
            REQUIRE(l.codes() == std::set<content::DiagnosticCode>{content::codes::banned_term});
            CHECK(l.count(content::codes::banned_term) == 1);
            CHECK(l.first(content::codes::banned_term).location.line == 14);
        }
        const Linted l = lint_text(scenario(with_text("A coworker says she is a prostitute.")));
        CHECK(l.first(content::codes::banned_term).location.column == 26);
        CHECK(l.first(content::codes::banned_term).message.find("a person who sells sex") !=
              std::string::npos);
    }
    SUBCASE("a longer term is reported once, as itself") {
        const Linted l = lint_text(scenario(with_text("He calls her a child prostitute.")));
        REQUIRE(l.count(content::codes::banned_term) == 1);
        CHECK(l.first(content::codes::banned_term).message.find("'child prostitute'") !=
              std::string::npos);
        CHECK(l.first(content::codes::banned_term).message.find("sexually exploited") !=
              std::string::npos);
    }
    SUBCASE("words that only contain a term are fine") {
        const Linted l = lint_text(scenario(
            with_text("The unrescued cat and the illegality of parking here are not the point.")));
        CHECK(l.report.passed());
    }
    SUBCASE("'teaches:' allows the term in that node only") {
        std::string nodes = with_text("@CB voice: Lot lizard on row 4.\nteaches: lot lizards");
        const Linted taught = lint_text(scenario(nodes));
        CHECK(taught.report.passed());
        CHECK(taught.report.teaching_nodes == 1);
        // The same word in the ending's debrief is outside the teaching node.
        nodes.insert(nodes.find("debrief:"), "debrief: Never say lot lizard.\n");
        const Linted outside = lint_text(scenario(nodes));
        REQUIRE(outside.codes() == std::set<content::DiagnosticCode>{content::codes::banned_term});
        CHECK(outside.first(content::codes::banned_term).location.line == 23);
        // A header field is never a teaching node.
        std::string header =
            scenario(with_text("@CB voice: Lot lizard on row 4.\nteaches: lot lizard"));
        header.replace(header.find("A short demo."), 13, "A CB slur, lot lizard, is named.");
        CHECK(lint_text(header).codes() ==
              std::set<content::DiagnosticCode>{content::codes::banned_term});
    }
    SUBCASE("'teaches:' names exactly the terms it allows") {
        const Linted l = lint_text(
            scenario(with_text("@Guest: She is a prostitute, a lot lizard.\nteaches: lot lizard")));
        REQUIRE(l.count(content::codes::banned_term) == 1);
        CHECK(l.first(content::codes::banned_term).message.find("'prostitute'") !=
              std::string::npos);
    }
    SUBCASE("indicators and courses are checked too") {
        std::string course = kCourse;
        course.replace(course.find("Demo course"), 11, "Spotting sex slaves");
        const Linted l = lint_text(course + scenario(kGoodNodes));
        REQUIRE(l.codes() == std::set<content::DiagnosticCode>{content::codes::banned_term});
        CHECK(l.first(content::codes::banned_term).location.line == 2);
    }
    SUBCASE("facilitator notes count: they are read aloud") {
        const Linted l = lint_text(scenario(with_text("note: Ask why people say illegals.")));
        CHECK(l.codes() == std::set<content::DiagnosticCode>{content::codes::banned_term});
    }
    SUBCASE("comments are not content") {
        const Linted l =
            lint_text("// This file never says prostitute to anyone.\n" + scenario(kGoodNodes));
        CHECK(l.report.passed());
    }
}

TEST_CASE("the 'teaches:' field is parsed into the node's source, and must name something") {
    content::SourceSet sources;
    sources.emplace_back("prelude.scn", kPrelude);
    sources.emplace_back("demo.scn", scenario("== desk\nteaches:\n-> done\n\n== done\n"
                                              "ending: missed\ndebrief: Call 911.\n"));
    const content::CompileResult result = content::compile(std::move(sources));
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].code == content::codes::invalid_value);
    CHECK(result.diagnostics[0].location.line == 13);
}

TEST_CASE("SL0504: learner-facing text above the grade limit") {
    std::string nodes = kGoodNodes;
    nodes.insert(nodes.find("* [tell]"),
                 "Notwithstanding considerable organisational uncertainty regarding institutional\n"
                 "responsibilities, the overnight administrative representative contemplated\n"
                 "communicating observations concerning the individual's circumstances.\n");
    const Linted l = lint_text(scenario(nodes));
    REQUIRE(l.codes() == std::set<content::DiagnosticCode>{content::codes::reading_grade_too_high});
    const content::Diagnostic& d = l.first(content::codes::reading_grade_too_high);
    CHECK(d.location.line == 1);
    CHECK(d.message.find("the hardest node is 'desk'") != std::string::npos);
    // The grade lint measures is the one `sightc stats` shows.
    const content::Stats stats = content::compute_stats(*l.compiled.bundle);
    REQUIRE(stats.scenarios.size() == 1);
    CHECK(stats.scenarios[0].reading_grade > 8.0);
    CHECK(l.report.highest_grade == doctest::Approx(stats.scenarios[0].reading_grade));
    // The limit is an option; the plain version passes at the default.
    content::LintOptions lenient;
    lenient.max_reading_grade = 40;
    CHECK(lint_text(scenario(nodes), lenient).report.passed());
    CHECK(lint_text(scenario(kGoodNodes)).report.passed());
}

TEST_CASE("facilitator notes do not count towards the reading grade") {
    std::string nodes = kGoodNodes;
    nodes.insert(nodes.find("* [tell]"),
                 "note: Notwithstanding considerable organisational uncertainty regarding "
                 "institutional responsibilities, contemplate communicating observations.\n");
    CHECK(lint_text(scenario(nodes)).report.passed());
}

TEST_CASE("SL0505: the best-tier path must reach the maximum score") {
    SUBCASE("only a harmful choice gives a recognition point") {
        std::string nodes = kGoodNodes;
        nodes.insert(nodes.find("\n== done"), "* [ask] Ask the guest why. -> done\n"
                                              "    tier: harmful\n"
                                              "    score: recognition +1\n"
                                              "    feedback: That can put people at risk.\n");
        const Linted l = lint_text(scenario(nodes));
        // Totals tie (1 and 1), so the compiler's SL0407 stays quiet; lint does not.
        CHECK(l.compiled.diagnostics.empty());
        REQUIRE(l.codes() ==
                std::set<content::DiagnosticCode>{content::codes::best_tier_below_maximum});
        const std::string& message = l.first(content::codes::best_tier_below_maximum).message;
        CHECK(message.find("scores at most 1, but the scenario's maximum is 2") !=
              std::string::npos);
        CHECK(message.find("recognition reaches only 0 of 1") != std::string::npos);
    }
    SUBCASE("a correct knowledge check counts towards the best path") {
        const std::string nodes = R"(== desk
A guest pays cash, night after night.
* [tell] Tell the manager on duty. -> quiz
    tier: best
    score: response +1
    feedback: That is the right channel.

== quiz
check single: Who do you tell?
+ [manager] The manager on duty.
- [guest] The guest.
score: recognition 2
-> done

== done
ending: reported-safely
debrief: Call 911 if anyone is in danger.
)";
        CHECK(lint_text(scenario(nodes)).report.passed());
    }
    SUBCASE("best-tier choices that only loop never reach an ending") {
        const std::string nodes = R"(== desk
A guest pays cash.
* [wait] Wait and watch. -> lobby
    tier: best
    feedback: Watching is fine.
* [tell] Tell the manager. -> done
    tier: harmful
    feedback: Too soon.

== lobby
You walk the lobby.
* [back] Go back to the desk. -> desk
    tier: best
    feedback: Fine.

== done
ending: reported-safely
debrief: Call 911 if anyone is in danger.
)";
        const Linted l = lint_text(scenario(nodes));
        REQUIRE(l.codes() ==
                std::set<content::DiagnosticCode>{content::codes::best_tier_below_maximum});
        CHECK(l.first(content::codes::best_tier_below_maximum)
                  .message.find("never reaches an ending") != std::string::npos);
    }
}

TEST_CASE("SL0506: phone numbers must be known reporting numbers, written the same way") {
    auto with_debrief = [](const std::string& debrief) {
        std::string nodes = kGoodNodes;
        nodes.replace(nodes.find("debrief:"), std::string::npos, "debrief: " + debrief + "\n");
        return scenario(nodes);
    };
    for (const char* wrong : {"Call 911 or 1-888-373-7889.", "Call 911 or 1-888-3737-888.",
                              "Call 911, or text 233773.", "Call 911 or 18883737888."}) {
        CAPTURE(wrong);
        const Linted l = lint_text(with_debrief(wrong));
        REQUIRE(l.codes() ==
                std::set<content::DiagnosticCode>{content::codes::unknown_phone_number});
        CHECK(l.first(content::codes::unknown_phone_number).location.line == 21);
    }
    for (const char* fine :
         {"Call 911. It runs 24-hour, 7 days a week.", "At 1:30 a.m. call 911.",
          "Room 214, route 12, 2024: call 911.", "Call 1-888-373-7888 or text 233733.",
          "Domestic violence: 1-800-799-7233 or text START to 88788. Or 911."}) {
        CAPTURE(fine);
        CHECK(lint_text(with_debrief(fine)).report.passed());
    }
}

TEST_CASE("every banned term and reporting number is written in a form the matcher accepts") {
    for (const auto& term : content::lint_terms::kBannedTerms) {
        CAPTURE(term.term);
        CHECK_FALSE(term.term.empty());
        CHECK_FALSE(term.instead.empty());
        // Each term, alone in a debrief, is found by the gate.
        std::string nodes = kGoodNodes;
        nodes.insert(nodes.find("* [tell]"), "They say " + std::string(term.term) + ".\n");
        CHECK(lint_text(scenario(nodes)).codes() ==
              std::set<content::DiagnosticCode>{content::codes::banned_term});
    }
    for (std::string_view number : content::lint_terms::kReportingNumbers) {
        CAPTURE(number);
        CHECK(content::names_reporting_resource("Call " + std::string(number) + " now."));
    }
}

TEST_CASE("the play-time estimate reads the best path's learner-facing words") {
    CHECK(content::count_words("Call 1-888-373-7888 \xE2\x80\x94 now, café.") == 4);
    CHECK(content::count_words("  ") == 0);
    // A harmful choice whose feedback is never read on the best path.
    std::string nodes = kGoodNodes;
    nodes.insert(nodes.find("\n== done"), "* [ignore] Ignore it. -> done\n"
                                          "    tier: harmful\n"
                                          "    feedback: This long feedback is not on the best "
                                          "path, so none of its words count.\n");
    const Linted l = lint_text(scenario(nodes));
    const model::Bundle& b = *l.compiled.bundle;
    const content::PlayEstimate e = content::estimate_play(b, b.scenarios.at(0));
    CHECK(e.reaches_ending);
    CHECK(e.decisions == 1);
    CHECK(e.checks == 0);
    // Objective 3, content note 3, node 7, choices shown 5 + 2, feedback 5,
    // debrief 10, the missed sign's name 6 and description 16, response 5, report 9.
    CHECK(e.words == 71);
    CHECK(e.minutes == doctest::Approx(71.0 / content::kReadingWordsPerMinute +
                                       content::kSecondsPerDecision / 60.0));
}

TEST_CASE("SL0507: credit minutes must not exceed the estimated play time") {
    // About 2.6 minutes: 400 more words on the best path, and one decision.
    std::string long_nodes = kGoodNodes;
    std::string paragraph;
    for (int i = 0; i < 100; ++i) {
        paragraph += "A guest pays cash. ";
    }
    long_nodes.insert(long_nodes.find("* [tell]"), paragraph + "\n");
    auto course = [](const std::string& credit, const std::string& required = "required") {
        return "course demo-course\ntitle: Demo course\nrole: hotel\npassing-score: 80\n" + credit +
               "scenario: demo " + required + "\nclosing: Talk to your supervisor.\n\n";
    };
    SUBCASE("a course without credit minutes passes") {
        const Linted l = lint_text(course("") + scenario(kGoodNodes));
        CHECK(l.report.diagnostics.empty());
        CHECK(l.report.credit.empty());
    }
    SUBCASE("credit beyond the estimate fails, at the credit-minutes line") {
        const Linted l = lint_text(course("credit-minutes: 1\n") + scenario(kGoodNodes));
        REQUIRE(l.codes() ==
                std::set<content::DiagnosticCode>{content::codes::credit_exceeds_play_time});
        const content::Diagnostic& d = l.first(content::codes::credit_exceeds_play_time);
        CHECK(d.location.line == 5);
        CHECK(d.message.find("course 'demo-course' grants 1 credit minutes") != std::string::npos);
        CHECK(d.message.find("at most 0") != std::string::npos);
    }
    SUBCASE("the estimate is rounded down to whole minutes") {
        const Linted two = lint_text(course("credit-minutes: 2\n") + scenario(long_nodes));
        CHECK(two.report.diagnostics.empty());
        REQUIRE(two.report.credit.size() == 1);
        CHECK(two.report.credit[0].credit_minutes == 2);
        CHECK(two.report.credit[0].estimated_minutes == 2);
        const Linted three = lint_text(course("credit-minutes: 3\n") + scenario(long_nodes));
        CHECK(three.count(content::codes::credit_exceeds_play_time) == 1);
        CHECK(three.first(content::codes::credit_exceeds_play_time).message.find("at most 2") !=
              std::string::npos);
    }
    SUBCASE("optional scenarios do not count") {
        const Linted l =
            lint_text(course("credit-minutes: 2\n", "optional") + scenario(long_nodes));
        CHECK(l.count(content::codes::credit_exceeds_play_time) == 1);
        CHECK(l.report.credit.at(0).estimated_minutes == 0);
    }
}
