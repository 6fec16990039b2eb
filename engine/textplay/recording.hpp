// The text player's side of the learning layer: who is training, offering to
// continue an unfinished attempt, recording every step through a
// learning::Recorder before its feedback is printed, and the course's
// progress, attestation and certificate in words. The policy is
// learning::Learning's; this file only asks and prints.
#pragma once

#include "learning/learning.hpp"
#include "records/store.hpp"
#include "textplay/input.hpp"
#include "textplay/options.hpp"
#include "textplay/player.hpp"
#include "textplay/printer.hpp"

#include <functional>
#include <memory>
#include <optional>

namespace sightline::textplay {

// Opens the store the options name; throws records::RecordsError.
std::unique_ptr<records::Store> open_records(const Options& options);

// The learner --learner names (by id or name; a new name is added), or one
// picked or created at the keyboard; selected in `layer`. False when the
// learner quits.
bool choose_learner(learning::Learning& layer, const Options& options, Printer& printer,
                    Input& input);

// Asks whether to continue `attempt` or start again; nullopt when the learner quits.
std::optional<learning::Unfinished> ask_continue(const records::Attempt& attempt, Printer& printer,
                                                 Input& input);

// After a scenario of `course`: shows the learner's progress towards each
// completion rule, asks for their attestation once every other rule is met,
// and issues the certificate when all rules are met and a training provider
// is set up here. `title` is the course's title in the language it is played in.
void course_progress_and_certificate(learning::Learning& layer, const model::Course& course,
                                     std::string_view title, Printer& printer, Input& input);

class RecordedSteps final : public StepRecorder {
  public:
    // `after_step` runs after each recorded choice or answer (to say that
    // the organisation's server went offline or is back).
    explicit RecordedSteps(learning::Recorder recorder, std::function<void()> after_step = {})
        : recorder_(std::move(recorder)), after_step_(std::move(after_step)) {}

    void chose(const runtime::Run& before, const runtime::Run& after, std::string_view choice_id,
               const runtime::ChoiceResult& result) override {
        recorder_.record_choice(before, after, choice_id, result);
        stepped();
    }
    void answered(const runtime::Run& before, const runtime::Run& after,
                  const std::vector<std::string_view>& option_ids,
                  const runtime::CheckResult& result) override {
        recorder_.record_answer(before, after, option_ids, result);
        stepped();
    }
    void advanced() override { recorder_.record_advance(); }

    learning::Recorder& recorder() { return recorder_; }

  private:
    void stepped() {
        if (after_step_) {
            after_step_();
        }
    }

    learning::Recorder recorder_;
    std::function<void()> after_step_;
};

} // namespace sightline::textplay
