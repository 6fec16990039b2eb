// The best and worst paths (runtime/paths.hpp): which choice and which check
// options each takes, as transcript-paths and the play-time estimate use them.
#include "runtime/paths.hpp"
#include "support/scenario_fixtures.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace sightline;

namespace {

// Two best-tier choices at the start: 'short' ends at once, 'long' leads to
// two more points. A poor choice scores nothing.
std::string paths_scenario() {
    return test::scenario_header("t.paths", "Paths") + R"(== start
A guest pays cash.
* [poor] Ignore it. -> end
    tier: poor
    feedback: f
* [short] Tell the manager. -> end
    tier: best
    score: response +1
    feedback: f
* [long] Note it, then tell the manager. -> quiz
    tier: best
    score: response +1
    feedback: f

== quiz
check single: Who do you tell?
- [guest] The guest.
+ [manager] The manager.
- [nobody] Nobody.
score: recognition 2
-> end

== end
ending: done
debrief: d
)";
}

} // namespace

TEST_CASE("the best path keeps the most score reachable, the worst takes the lowest tier") {
    const model::Bundle b = test::compile_scn(paths_scenario());
    runtime::Run run(b, "t.paths");
    CHECK(runtime::pick_choice(run, runtime::PathKind::Best) == 3); // 'long': 3 points, not 1
    CHECK(runtime::pick_choice(run, runtime::PathKind::Worst) == 1);
    run.choose("long");
    CHECK(runtime::pick_options(run, runtime::PathKind::Best) == std::vector<std::size_t>{2});
    CHECK(runtime::pick_options(run, runtime::PathKind::Worst) == std::vector<std::size_t>{1});
}

TEST_CASE("a decision where no shown choice can be taken is an error") {
    const model::Bundle b = test::compile_scn(test::stuck_scenario());
    const runtime::Run run(b, "t.stuck");
    CHECK_THROWS(runtime::pick_choice(run, runtime::PathKind::Best));
}
