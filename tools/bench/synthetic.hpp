// A synthetic course for benchmarks: N scenes of about 300 bytes of narration,
// each with 3 or 4 choices carrying conditions, effects and scores, ending in a
// few endings. Deterministic for a given N.
#pragma once

#include <string>

namespace sightline::bench {

std::string synthetic_course(int scenes);

} // namespace sightline::bench
