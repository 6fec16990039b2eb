// The gaming audit (learning/audit.hpp): strategies that do not read, played
// over shuffled, seeded runs, and the gates SL0508-SL0510.
#include "i18n/i18n.hpp"
#include "learning/audit.hpp"
#include "learning/score.hpp"
#include "runtime/run.hpp"
#include "support/program_catalogues.hpp"
#include "support/scenario_fixtures.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

using namespace sightline;
using namespace sightline::learning;

namespace {

struct Option {
    std::string id;
    std::string text;
    bool best = false;
};

// A decision node `id` whose choices all lead to `next`; the best one scores
// `points` response.
std::string decision(const std::string& id, const std::vector<Option>& options,
                     const std::string& next, int points = 1) {
    std::string text = "== " + id + "\nSomething happens.\n";
    for (const Option& o : options) {
        text += "* [" + o.id + "] " + o.text + " -> " + next +
                "\n    tier: " + (o.best ? "best" : "poor") + "\n    feedback: f\n";
        if (o.best) {
            text += "    score: response +" + std::to_string(points) + "\n";
        }
    }
    return text + "\n";
}

std::string course(int passing) {
    return "course c\ntitle: C\nrole: hotel\npassing-score: " + std::to_string(passing) +
           "\nscenario: t.s required\n";
}

std::string ending() {
    return "== end\nending: done\ndebrief: d\n";
}

// Four decisions, the best choice written first and the longest; no checks:
// pressing 1 passes without shuffling, and "longest" always passes.
std::string gameable() {
    std::string text = course(80) + test::scenario_header("t.s", "Gameable");
    const char* nodes[] = {"a", "b", "c", "d", "end"};
    for (int i = 0; i < 4; ++i) {
        text += decision(nodes[i],
                         {{"good", "Write it down and tell the manager on duty.", true},
                          {"bad", "Ask them."},
                          {"worse", "Leave it."}},
                         nodes[i + 1]);
    }
    return text + ending();
}

// Four decisions whose best choice is neither the longest nor the shortest
// (and written in different places), and a check worth half the score whose
// correct option is neither either.
std::string well_built() {
    std::string text = course(80) + test::scenario_header("t.s", "Well built");
    const char* nodes[] = {"a", "b", "c", "d", "quiz"};
    for (int i = 0; i < 4; ++i) {
        std::vector<Option> options = {{"long", "Walk over and ask them what is going on."},
                                       {"tell", "Tell the manager on duty.", true},
                                       {"wait", "Wait a while."},
                                       {"go", "Go."}};
        std::rotate(options.begin(), options.begin() + i, options.end());
        text += decision(nodes[i], options, nodes[i + 1]);
    }
    text += "== quiz\ncheck single: Who hears first?\n"
            "- [them] The person you are worried about, right away.\n"
            "+ [manager] The manager on duty.\n"
            "- [friend] A friend.\n"
            "- [nobody] No one.\n"
            "score: response 4\n-> end\n\n";
    return text + ending();
}

const StrategyFigures& figures(const AuditReport& report, Strategy strategy) {
    REQUIRE(report.courses.size() == 1);
    for (const StrategyFigures& f : report.courses[0].strategies) {
        if (f.strategy == strategy) {
            return f;
        }
    }
    FAIL("no figures for " << strategy_name(strategy));
    throw std::logic_error("unreachable");
}

std::set<content::DiagnosticCode> codes_of(const AuditReport& report) {
    std::set<content::DiagnosticCode> codes;
    for (const AuditFinding& f : report.findings) {
        codes.insert(f.code);
    }
    return codes;
}

} // namespace

TEST_CASE("audit: pressing 1 passes a course written best-first, but not when the order is "
          "shuffled") {
    const model::Bundle bundle = test::compile_scn(gameable());
    // In written order, always the first choice: every decision best, 100%.
    runtime::Run run(bundle, "t.s", {1, false});
    while (run.phase() != runtime::Phase::Ended) {
        run.choose(run.choices().front().id);
    }
    const records::AttemptResult result = finished_result(run, 80);
    CHECK(result.passed);
    CHECK(scenario_percent(result) == 100);

    // Shuffled, the first option shown is the best one a third of the time.
    const AuditReport report = audit(bundle);
    const StrategyFigures& first = figures(report, Strategy::First);
    CHECK(first.runs == 200);
    CHECK(first.pass_rate() <= 0.05);
    CHECK(first.mean_score < 60.0);
    CHECK(figures(report, Strategy::Random).runs == 1000);
    CHECK(figures(report, Strategy::Random).pass_rate() <= 0.05);
    // Reading only the lengths still passes: the best choice is the longest.
    CHECK(figures(report, Strategy::Longest).pass_rate() == 1.0);
    CHECK(figures(report, Strategy::Longest).mean_score == 100.0);
    CHECK(figures(report, Strategy::Shortest).passed == 0);
}

TEST_CASE("audit: the same seed gives the same figures, another seed other runs") {
    const model::Bundle bundle = test::compile_scn(well_built());
    AuditOptions options;
    options.runs = 300;
    options.seed = 42;
    const AuditReport a = audit(bundle, options);
    const AuditReport b = audit(bundle, options);
    REQUIRE(a.courses.size() == 1);
    REQUIRE(a.courses[0].strategies.size() == kStrategies.size());
    for (std::size_t i = 0; i < kStrategies.size(); ++i) {
        CAPTURE(strategy_name(kStrategies[i]));
        CHECK(a.courses[0].strategies[i].runs == b.courses[0].strategies[i].runs);
        CHECK(a.courses[0].strategies[i].passed == b.courses[0].strategies[i].passed);
        CHECK(a.courses[0].strategies[i].mean_score == b.courses[0].strategies[i].mean_score);
    }
    CHECK(figures(a, Strategy::Random).runs == 300);
    CHECK(figures(a, Strategy::First).runs == 200); // min(runs, 200)
    std::ostringstream out_a, out_b;
    print_audit(out_a, a);
    print_audit(out_b, b);
    CHECK(out_a.str() == out_b.str());

    options.seed = 43;
    const AuditReport c = audit(bundle, options);
    CHECK(figures(c, Strategy::Random).mean_score != figures(a, Strategy::Random).mean_score);
}

TEST_CASE("audit: a gameable course fails every gate") {
    const model::Bundle bundle = test::compile_scn(gameable());
    const AuditReport report = audit(bundle);
    CHECK_FALSE(report.passed());
    CHECK(codes_of(report) == std::set{content::codes::non_reader_passes,
                                       content::codes::best_option_longest,
                                       content::codes::pass_without_right_answer});
    // No check at all: the whole score is reachable without a right answer.
    CHECK(report.courses[0].best_without_right_answer == 100);
    std::ostringstream out;
    print_audit(out, report);
    CHECK(out.str().find("error SL0508: course 'c': always taking the longest option shown "
                         "passes 200 of 200 runs") != std::string::npos);
    CHECK(out.str().find("error SL0509: scenario 't.s': the right option is the longest in 4 "
                         "of 4 questions") != std::string::npos);
    CHECK(out.str().find("error SL0510: course 'c'") != std::string::npos);
    CHECK(out.str().find("failed: 3 gate failures, 1 courses audited") != std::string::npos);
}

TEST_CASE("audit: a well-built course passes every gate") {
    const model::Bundle bundle = test::compile_scn(well_built());
    const AuditReport report = audit(bundle);
    for (const AuditFinding& f : report.findings) {
        CAPTURE(f.message);
    }
    CHECK(report.passed());
    CHECK(report.findings.empty());
    for (const StrategyFigures& f : report.courses.at(0).strategies) {
        CAPTURE(strategy_name(f.strategy));
        CHECK(f.pass_rate() <= 0.05);
    }
    // Four of eight points without the check: 50%.
    CHECK(report.courses[0].best_without_right_answer == 50);
    std::ostringstream out;
    print_audit(out, report);
    CHECK(out.str().find("ok: 1 courses audited, every gate passes") != std::string::npos);
}

TEST_CASE("audit: a wrong multi-answer pick keeps (c - 1) / c of the check's score") {
    const model::Bundle bundle =
        test::compile_scn(test::scenario_header("t.m", "Multi") +
                          "== quiz\ncheck multi: Which?\n+ [a] A.\n+ [b] B.\n+ [c] C.\n+ [d] D.\n"
                          "- [e] E.\nscore: response 4\n-> end\n\n" +
                          ending());
    CHECK(best_percent_without_right_answer(bundle, bundle.scenarios.at(0)) == 75);
}

// The report in the reader's language (po/sightline-es.po, compiled by the
// build): figures, gates and summary; codes, ids and numbers as written.
TEST_CASE("audit: a gameable course is reported in Spanish, and in English as before") {
    REQUIRE_MESSAGE(std::filesystem::exists(std::filesystem::path(SIGHTLINE_BINARY_DIR) /
                                            "share/locale/es/LC_MESSAGES/sightline.mo"),
                    "build the program-translations target first");
    test::bind_program_catalogues();
    const model::Bundle bundle = test::compile_scn(gameable());
    std::string spanish;
    {
        const i18n::LanguageScope scope("es");
        std::ostringstream out;
        print_audit(out, audit(bundle));
        spanish = out.str();
    }
    CAPTURE(spanish);
    // The columns widen to the Spanish titles; "m\u00E1s larga" is 9 characters, not bytes.
    CHECK(spanish.starts_with("curso c (nota para aprobar: 80%)\n"
                              "  estrategia partidas  aprobadas  puntuaci\u00F3n media\n"
                              "  primera         200"));
    CHECK(spanish.find("\n  m\u00E1s larga       200    100.0%            100.0%\n") !=
          std::string::npos);
    CHECK(spanish.find("\n  mejor puntuaci\u00F3n con todas las preguntas de repaso mal "
                       "respondidas: 100%\n") != std::string::npos);
    CHECK(spanish.find("error SL0508: curso 'c': eligiendo siempre la opci\u00F3n mostrada "
                       "m\u00E1s larga, se aprueban 200 de 200 partidas (100.0%, m\u00E1s del "
                       "5.0%; puntuaci\u00F3n media 100.0%, nota para aprobar 80%)\n") !=
          std::string::npos);
    CHECK(spanish.find("error SL0509: escenario 't.s': la opci\u00F3n correcta es la m\u00E1s "
                       "larga en 4 de 4 preguntas") != std::string::npos);
    CHECK(spanish.find("error SL0510: curso 'c': una persona que responde mal todas las "
                       "preguntas de repaso todav\u00EDa puede obtener 100%") != std::string::npos);
    CHECK(spanish.ends_with("falló: controles que fallan: 3; cursos auditados: 1\n"));
    for (const char* english : {"course", "passing", "strategy", "always", "questions", "gate"}) {
        CAPTURE(english);
        CHECK(spanish.find(english) == std::string::npos);
    }

    std::ostringstream out;
    print_audit(out, audit(bundle));
    CHECK(out.str().starts_with("course c (passing score 80%)\n"
                                "  strategy    runs  pass rate  mean score\n"
                                "  first        200 "));
    CHECK(out.str().find("\n  longest      200    100.0%      100.0%\n") != std::string::npos);
    CHECK(out.str().find("error SL0508: course 'c': always taking the longest option shown "
                         "passes 200 of 200 runs (100.0%, more than 5.0%; mean score 100.0%, "
                         "passing score 80%)\n") != std::string::npos);
    CHECK(out.str().ends_with("failed: 3 gate failures, 1 courses audited\n"));
}
