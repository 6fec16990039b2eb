// Playing one scenario of a linked bundle. A Run is the whole state of one
// play-through: where the learner is, the variables, visit counts, scores,
// noticed indicators and the decisions so far. It is a value type (copy it to
// branch), deterministic for a given seed, and it can be saved to a small blob
// keyed by ids and restored, even into an edited bundle (see save.hpp).
//
// The run refers to the bundle it was made from: the bundle must outlive the run
// and every view, result and debrief it returns (they borrow its strings).
#pragma once

#include "model/model.hpp"
#include "runtime/debrief.hpp"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace sightline::runtime {

struct Env;

struct RunOptions {
    std::uint64_t seed = 0;
    // Show a decision's choices and a check's options in an order drawn from
    // the seed (the same seed, the same order at the same point).
    bool shuffle = false;
    friend bool operator==(const RunOptions&, const RunOptions&) = default;
};

// What the learner is asked to do at the current node.
enum class Phase : std::uint8_t {
    Choosing,   // a decision: call choose()
    Answering,  // a knowledge check not yet answered: call answer()
    Continuing, // a passage, or an answered check: call advance()
    Ended,      // an ending: call debrief()
};

struct ParagraphView {
    std::string_view speaker; // empty for narration
    std::string_view text;
};

struct ChoiceView {
    std::string_view id;
    std::string_view text;
    bool enabled = true; // false: shown greyed out (`unavailable: disabled`)
};

struct OptionView {
    std::string_view id;
    std::string_view text;
};

struct CheckView {
    model::CheckKind kind = model::CheckKind::None;
    std::string_view prompt;
    std::vector<OptionView> options;
    bool answered = false;
};

// Everything a UI shows for the current node.
struct NodeView {
    std::string_view id;
    Phase phase = Phase::Choosing;
    std::vector<ParagraphView> paragraphs; // `{if}` conditions already applied
    std::vector<ChoiceView> choices;       // decisions only, in display order
    CheckView check;                       // knowledge checks only
    std::uint32_t visits = 0;              // times this node has been entered, this one included
};

struct ScoreDelta {
    std::string_view dimension; // dimension id
    std::int64_t delta = 0;
};

// What choose() did.
struct ChoiceResult {
    std::string_view choice_id;
    std::string_view feedback;
    std::string_view tier; // tier id
    std::string_view tier_name;
    std::vector<ScoreDelta> score_changes;
    std::vector<const model::Indicator*> newly_noticed; // not noticed before in this run
    std::string_view next_node;
    bool ended = false; // the next node is an ending
};

struct OptionResult {
    std::string_view id;
    std::string_view text;
    std::string_view feedback;
    bool correct = false; // the option is a right answer
    bool picked = false;  // the learner picked it
};

// What answer() did. `correct` means exactly the right options were picked.
struct CheckResult {
    bool correct = false;
    std::vector<OptionResult> options; // every option, in the order shown
    std::vector<ScoreDelta> points;    // points earned per dimension
};

// One recorded step: a decision (choice set) or an answered check (options set).
struct Step {
    std::uint32_t node = model::kNoIndex;
    std::uint32_t choice = model::kNoIndex; // decisions
    std::vector<std::uint32_t> options;     // checks: picked option indices
    bool is_check() const { return choice == model::kNoIndex; }
};

// The whole mutable state, by index into the linked bundle. Saved by id.
struct RunState {
    std::uint32_t scenario = model::kNoIndex;
    RunOptions options;
    std::uint32_t node = model::kNoIndex;
    bool answered = false;               // the current node's check has been answered
    std::vector<model::Value> variables; // by scenario variable index
    std::vector<std::uint32_t> visits;   // by scenario node index
    std::vector<std::int64_t> scores;    // by bundle dimension index
    std::vector<std::uint32_t> noticed;  // bundle indicator indices, in the order noticed
    std::vector<Step> history;
};

class Run {
  public:
    // Starts `scenario_id` at its start node. Throws RunError for an unknown
    // scenario or a bundle that has not been linked.
    Run(const model::Bundle& bundle, std::string_view scenario_id, RunOptions options = {});

    // Resumes a run saved with save(). Throws SaveError when the blob is corrupt
    // or refers to something that no longer exists in `bundle`.
    static Run restore(const model::Bundle& bundle, std::span<const std::uint8_t> blob);
    std::vector<std::uint8_t> save() const;

    const model::Bundle& bundle() const { return *bundle_; }
    const model::Scenario& scenario() const;
    const model::Node& node() const;
    Phase phase() const;
    const RunOptions& options() const { return state_.options; }
    const RunState& state() const { return state_; }

    NodeView view() const;
    // The current decision's choices as shown: hidden ones left out, in display order.
    std::vector<ChoiceView> choices() const;
    // A decision where no choice can be taken: the content is broken here.
    bool stuck() const;

    // Takes a visible, enabled choice of the current decision and enters its target.
    ChoiceResult choose(std::string_view choice_id);
    // Answers the current knowledge check with the picked option ids.
    CheckResult answer(const std::vector<std::string_view>& option_ids);
    // Leaves a passage or an answered check for its next node.
    void advance();

    // The end-of-scenario summary; throws RunError before an ending.
    Debrief debrief() const;

    std::uint32_t visits(std::string_view node_id) const; // 0 for unknown ids
    const model::Value* variable(std::string_view id) const;
    std::int64_t score(std::string_view dimension_id) const;

  private:
    Run(const model::Bundle& bundle, RunState state);

    void enter(std::uint32_t node);
    void apply(const std::vector<model::Effect>& effects);
    void add_scores(const std::vector<model::ScoreChange>& changes, std::int64_t numerator,
                    std::int64_t denominator, std::vector<ScoreDelta>& out);
    // The current node's choices (or, with `check`, its check's options) in
    // the order shown: written order, or seeded when options().shuffle.
    std::vector<std::uint32_t> display_order(bool check = false) const;
    std::vector<ChoiceView> shown_choices(const Env& env) const; // choices() in Choosing
    [[noreturn]] void fail(const std::string& what) const;

    const model::Bundle* bundle_;
    RunState state_;
};

} // namespace sightline::runtime
