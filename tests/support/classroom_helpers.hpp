// Shared pieces of the classroom tests: a clock the test moves by hand, the
// example session on the FORMAT.md scenario; the strict CSV reader comes
// from support/csv_rows.hpp.
#pragma once

#include "classroom/facilitation.hpp"
#include "support/csv_rows.hpp" // parse_csv, as_record

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace sightline::test {

// 14 March 2025, 09:00:00 UTC.
inline constexpr records::TimeMs kSessionStart = 1741942800000;

class FakeClock {
  public:
    records::TimeMs now = kSessionStart;
    classroom::Clock clock() {
        return [this] { return now; };
    }
    void seconds(double s) { now += static_cast<records::TimeMs>(s * 1000); }
};

// The FORMAT.md example scenario (hotel.example) in a named session.
classroom::Setup example_setup(std::int64_t head_count = 12);

// Opens voting (from Situation or Discussion), sets each count, locks and reveals.
void vote(classroom::Facilitation& f, const std::vector<std::int64_t>& counts);

// The scripted session the report tests and the golden image use: the room
// takes the majority at the desk (7 of 12 for log-and-tell) and in the check,
// reaches the safe ending, then the facilitator goes back to the desk and
// overrides with ask-her to show the unsafe branch. Times move by `clock`.
void play_example_session(classroom::Facilitation& f, FakeClock& clock);

// Checks that `call` throws FacilitationError whose message contains `words`.
template <class F>
void refuses(F&& call, const std::string& words) {
    try {
        call();
        FAIL("expected FacilitationError containing '" << words << "'");
    } catch (const classroom::FacilitationError& e) {
        const std::string what = e.what();
        CHECK_MESSAGE(what.find(words) != std::string::npos, what);
    }
}

} // namespace sightline::test
