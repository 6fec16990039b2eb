// Paced play's rule, which both players follow: a minimum reading time per
// screen from its words at 400 words a minute, never less than two seconds;
// classroom sessions are never paced.
#include "learning/pacing.hpp"
#include "support/scenario_fixtures.hpp"

#include <doctest/doctest.h>

namespace {

using namespace sightline;

} // namespace

TEST_CASE("words are counted as a reader counts them") {
    CHECK(learning::word_count("") == 0);
    CHECK(learning::word_count("   ") == 0);
    CHECK(learning::word_count("Note the time.") == 3);
    CHECK(learning::word_count("  two\nlines\tand  tabs ") == 4);
}

TEST_CASE("the minimum reading time is the words at 400 a minute, at least two seconds") {
    CHECK(learning::minimum_reading_ms(0) == 2000);
    CHECK(learning::minimum_reading_ms(10) == 2000);
    CHECK(learning::minimum_reading_ms(100) == 15'000);
    CHECK(learning::minimum_reading_ms(400) == 60'000);
}

TEST_CASE("a screen's words: its paragraphs and the choices shown") {
    const model::Bundle bundle = test::compile_scn(test::scenario_header("s", "S") + R"(
== hall
A quiet hall.
* [note] Note what you see. -> end
    tier: best
    feedback: f
* [leave] Leave now. -> end
    tier: poor
    feedback: f

== end
ending: done
)");
    const runtime::Run run(bundle, "s");
    CHECK(learning::screen_words(run) == 3 + 4 + 2);
}

TEST_CASE("only a paced course played alone is paced, the classroom never is") {
    model::Course course;
    CHECK_FALSE(learning::is_paced(nullptr, records::Mode::SelfPaced));
    CHECK_FALSE(learning::is_paced(&course, records::Mode::SelfPaced));
    course.paced = true;
    CHECK(learning::is_paced(&course, records::Mode::SelfPaced));
    CHECK_FALSE(learning::is_paced(&course, records::Mode::Classroom));
}

TEST_CASE("a pacer is ready once the reading time has passed, and shows how far it is") {
    learning::Pacer off;
    off.show(400, 1000);
    CHECK(off.ready(1000));
    CHECK(off.progress(1000) == doctest::Approx(1.0));

    learning::Pacer on(true);
    on.show(100, 1000); // 15 s
    CHECK_FALSE(on.ready(1000));
    CHECK(on.progress(1000) == doctest::Approx(0.0));
    CHECK(on.remaining(1000) == 15'000);
    CHECK(on.progress(8500) == doctest::Approx(0.5));
    CHECK_FALSE(on.ready(15'999));
    CHECK(on.ready(16'000));
    CHECK(on.remaining(20'000) == 0);
    CHECK(on.progress(20'000) == doctest::Approx(1.0));
    on.show(0, 30'000); // the next screen starts its own time
    CHECK_FALSE(on.ready(31'999));
    CHECK(on.ready(32'000));
}
