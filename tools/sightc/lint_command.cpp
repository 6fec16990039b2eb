// sightc lint: compile the sources, then run the quality gates (content/lint.hpp).
#include "content/lint.hpp"
#include "i18n/i18n.hpp"
#include "tools/sightc/common.hpp"

#include <iostream>

namespace sightline::sightc {

using i18n::tr;

const char* lint_help() {
    return tr("Checks scenario sources like 'sightc check', then runs the quality gates and\n"
              "reports each failure as a diagnostic (content/diagnostics.md, SL0501-SL0507 and\n"
              "SL0511-SL0519):\n"
              "  SL0501 every ending's debrief and every scenario's report name a reporting\n"
              "         resource (a hotline number or channel)\n"
              "  SL0502 every course covers at least 12 of its role's indicators\n"
              "  SL0503 no banned term outside a node marked 'teaches: TERM'\n"
              "  SL0504 each scenario's learner-facing text reads at or below US grade 8\n"
              "  SL0505 each scenario's best-tier path can reach its maximum score\n"
              "  SL0506 every phone number is a known reporting number\n"
              "  SL0507 no course grants more credit minutes than its estimated play time\n"
              "         (sightc stats shows the estimate)\n"
              "  SL0511 every indicator a choice notices is listed in its scenario's indicators\n"
              "  SL0512 each role course covers sex and labour trafficking, an adult and a\n"
              "         minor, and a confounder (the scenarios' 'covers:')\n"
              "  SL0513 every course has a 'closing:' note on the worker's own wellbeing\n"
              "  SL0514-SL0518 each rule a course 'meets:' is one it can meet: the rule applies\n"
              "         to the course's role (SL0518); its minimum minutes are within the\n"
              "         estimated play time and the credit minutes (SL0514); the course is\n"
              "         paced if the rule needs pacing (SL0515); every required scenario asks\n"
              "         the learner to act if the rule must be interactive (SL0516); each of\n"
              "         the rule's topics is taught by a required scenario ('teaches:', SL0517)\n"
              "With --po FILE.po (repeatable), the text of a Spanish translation is checked too:\n"
              "  SL0503 no Spanish banned term outside a node that teaches it\n"
              "  SL0519 each scenario's translated text scores at least 60 on the Fernandez\n"
              "         Huerta reading-ease scale (about US grade 8)\n"
              "and then one summary line per gate with what it measured.\n"
              "Exit codes: 0 every gate passes, 1 compile errors or gate failures, 2 usage or\n"
              "I/O error.\n");
}

int lint_command(const CheckOptions& given) {
    std::size_t max_errors = 0;
    if (std::string error = check_options(given, false, max_errors); !error.empty()) {
        return usage_error("lint", error);
    }
    const Compiled compiled = compile_with_translations(given);
    if (compiled.has_errors()) {
        print_diagnostics(compiled.diagnostics(), compiled.sources(), max_errors);
        std::cerr << tr("sightc lint: the sources have errors; fix them before the quality gates "
                        "can run")
                  << '\n';
        return kExitErrors;
    }
    const content::LintOptions options;
    const content::LintReport report =
        content::lint(compiled.result, compiled.translations, options);
    print_diagnostics(compiled.diagnostics(report.diagnostics), compiled.sources(), max_errors);
    content::print_lint_summary(std::cout, report, options);
    return report.passed() ? kExitOk : kExitErrors;
}

} // namespace sightline::sightc
