// Checking a recorded attempt by replaying it. Before a certificate is issued
// (credit.hpp), every attempt that counts toward the course is played again
// through the runtime, from the start of its scenario with its recorded seed,
// taking each recorded choice and answer in sequence:
//
//   - the attempt must have been played on this edition of the courses (its
//     content hash is this bundle's; an attempt of another edition cannot be
//     checked against this one and is refused, naming both hashes);
//   - its scenario must exist; its events must be numbered 1, 2, 3... with
//     none missing, and as many as the attempt counts;
//   - each event must be at the node the replayed run has reached (passages
//     and answered checks are continued through, as a player does), a choice
//     at a decision and an answer at an unanswered check;
//   - a recorded choice must be one the decision shows there, and enabled; an
//     answer's option ids must be the check's own, each once;
//   - what the event recorded (correct, tier, score changes, newly noticed
//     indicators, the offered ids and which of them are best) must be what
//     the runtime gives for that step;
//   - a finished attempt must end at an ending right after its last event,
//     with the recorded result (ending, outcome, each dimension's score and
//     range, raw, min, max, passed) equal to the replayed run's.
//
// The shuffle does not change ids, so the replay compares ids, never
// positions. Nor does it compare text (prompts, option text, names): an
// attempt played in any language (Attempt::language; learning/language.hpp)
// replays against the bundle, whose translations change text only. Times
// (time on node, active time) cannot be replayed and are not checked. UI-free: players and
// `sightline cert issue` reach it through learning::issue_certificate.
#pragma once

#include "model/model.hpp"
#include "records/records.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::learning {

// Why a replay refused an attempt.
enum class Refusal : std::uint8_t {
    None,             // the attempt replays exactly as recorded
    OtherEdition,     // its content hash is not this bundle's
    UnknownScenario,  // the bundle has no such scenario
    BrokenSequence,   // events missing, repeated, out of order or of another attempt
    WrongNode,        // an event where the run is not (or not at a decision or check)
    ChoiceNotOffered, // a choice the decision does not show there
    ChoiceDisabled,   // a choice shown but not available there
    OptionNotOffered, // an answer with option ids that are not the check's
    EventMismatch,    // correct, tier, score changes, indicators or offered ids differ
    EndedEarly,       // a finished attempt whose events stop before an ending
    ResultMismatch,   // the recorded result is not the replayed run's
};

// "other-edition", "choice-not-offered", ...
const char* refusal_name(Refusal refusal);

struct ReplayResult {
    Refusal refusal = Refusal::None;
    // A sentence naming the attempt, and the sequence and node where it
    // failed: "attempt 1f0e... (scenario hotel.example), event 2 at node
    // check-in: the choice 'wait' is not offered there". Empty when accepted.
    std::string reason;
    std::uint32_t sequence = 0; // the event that failed; 0 for the attempt as a whole
    std::string node_id;        // where it failed, when known
    bool accepted() const { return refusal == Refusal::None; }
};

// Replays `attempt` with its `events` (as Store::events returns them, by
// sequence) against the linked `bundle`, whose content hash is `bundle_hash`.
// A finished attempt (one with a result) is checked to its ending; an
// unfinished or abandoned one as far as its events go. The result's `passed`
// is checked against the passing score of the attempt's course (0 outside a
// course), as the players record it.
ReplayResult replay_attempt(const model::Bundle& bundle, std::string_view bundle_hash,
                            const records::Attempt& attempt,
                            const std::vector<records::Event>& events);

} // namespace sightline::learning
