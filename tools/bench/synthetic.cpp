#include "tools/bench/synthetic.hpp"

namespace sightline::bench {

std::string synthetic_course(int scenes) {
    std::string out;
    out.reserve(static_cast<std::size_t>(scenes) * 1100 + 4096);
    out += R"(role bench
name: Benchmark role
dimension recognition
name: Recognition
dimension response
name: Response
tier best
name: Best
rank: 0
tier acceptable
name: Acceptable
rank: 1
tier poor
name: Poor
rank: 2
tier harmful
name: Harmful
rank: 3
outcome reported-safely
name: Reported safely
outcome missed
name: Missed
indicator bench.sign
name: A sign
category: behaviour
type: both
roles: bench
description: A possible sign used by the benchmark.
course bench
title: Benchmark course
role: bench
passing-score: 50
scenario: bench.synthetic required
scenario bench.synthetic
title: Synthetic scenario
role: bench
language: en
minutes: 60
objective: Measure the compiler.
content-note: Generated text.
indicators: bench.sign
response: Report through the right channel.
report: Hotline 1-888-373-7888.
var noted: int = 0
var told: bool = false
)";
    const std::string paragraph =
        "The shift goes on and you keep an eye on the lobby while the phones ring. A guest "
        "asks about late checkout and a delivery driver waits by the door with a cart. You "
        "write the time in the log, as the policy says, and you look again at the room list "
        "before the next call. Nothing here is proof of anything on its own.";
    for (int i = 0; i < scenes; ++i) {
        const std::string id = "s" + std::to_string(i);
        const std::string next = i + 1 < scenes ? "s" + std::to_string(i + 1) : "end-good";
        const std::string skip = i + 2 < scenes ? "s" + std::to_string(i + 2) : "end-missed";
        out += "\n== " + id + "\n" + paragraph + "\n";
        out += "{if noted > 2} You remember what you wrote down earlier.\n";
        out += "* [note] Write down what you saw. -> " + next +
               "\n    tier: best\n    score: recognition +1, response +1\n"
               "    notices: bench.sign\n    add: noted 1\n"
               "    feedback: Notes help the people who act on a report.\n";
        out += "* [tell] Tell the manager now. -> " + next +
               "\n    tier: acceptable\n    score: response +1\n    if: noted >= 1 or told\n"
               "    unavailable: disabled\n    set: told = true\n"
               "    feedback: Telling the manager is right; notes first would help more.\n";
        out += "* [wait] Wait and see. -> " + skip +
               "\n    tier: poor\n    feedback: Waiting lets the pattern go unrecorded.\n";
        if (i % 2 == 0) {
            out += "* [ask] Ask the guest about it. -> " + next +
                   "\n    tier: harmful\n    score: response -1\n    if: not told\n"
                   "    feedback: Asking can tip someone off and put a person at risk.\n";
        }
    }
    out += "\n== end-good\nending: reported-safely\ndebrief: You noticed and reported.\n";
    out += "\n== end-missed\nending: missed\ndebrief: The signs went unreported.\n";
    return out;
}

} // namespace sightline::bench
