// The end-of-scenario summary a UI shows: scores against the reachable range,
// the indicators noticed and missed, each decision's tier, and the scenario's
// recommended response and reporting text.
#pragma once

#include "model/model.hpp"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace sightline::runtime {

struct DimensionScore {
    std::string_view id;
    std::string_view name;
    std::int64_t score = 0;
    std::int64_t min = 0; // the lowest and highest score reachable in this scenario
    std::int64_t max = 0;
    // Where the score sits in [min, max] as a whole percentage (0-100); 100 when
    // the range is empty.
    int percent() const;
};

struct Decision {
    std::string_view node;
    std::string_view choice;
    std::string_view choice_text;
    std::string_view tier;
    std::string_view tier_name;
    std::uint32_t tier_rank = 0;
};

struct CheckOutcome {
    std::string_view node;
    std::string_view prompt;
    bool correct = false;
};

struct Debrief {
    std::string_view scenario;
    std::string_view title;
    std::string_view ending_node;
    std::string_view outcome; // outcome id
    std::string_view outcome_name;
    std::vector<std::string_view> text;           // the ending's debrief paragraphs
    std::vector<DimensionScore> scores;           // every bundle dimension, in bundle order
    std::vector<const model::Indicator*> noticed; // signs, in the order the learner noticed them
    std::vector<const model::Indicator*> missed;  // signs present in the scenario, not noticed
    // Details in the story that can look like signs but on their own are not
    // (confounders), whether the learner weighed them or not.
    std::vector<const model::Indicator*> confounders;
    std::vector<Decision> decisions;  // in the order taken
    std::vector<CheckOutcome> checks; // knowledge checks, in the order answered
    std::string_view response;        // the recommended safe response
    std::string_view report;          // where to report
};

struct RunState;

// How a set of picked options (indices, each at most once) fares against a
// knowledge check; Run::answer() scores with it and the debrief reports it.
struct CheckTally {
    std::int64_t right = 0;           // correct options picked
    std::int64_t wrong = 0;           // incorrect options picked
    std::int64_t correct_options = 0; // correct options the check has
    bool correct() const { return right == correct_options && wrong == 0; }
};
CheckTally tally_check(const model::KnowledgeCheck& check, std::span<const std::uint32_t> picks);

// Builds the debrief of a run that has reached an ending node.
Debrief make_debrief(const model::Bundle& bundle, const RunState& state);

// Splits debrief text into paragraphs at blank lines (and trims each one).
std::vector<std::string_view> split_paragraphs(std::string_view text);

} // namespace sightline::runtime
