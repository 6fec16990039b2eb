// The text player's side of the learner records: who is training, offering to
// continue an unfinished attempt, and recording every step through
// records::Recorder before its feedback is printed.
#pragma once

#include "records/session.hpp"
#include "records/store.hpp"
#include "textplay/input.hpp"
#include "textplay/options.hpp"
#include "textplay/player.hpp"
#include "textplay/printer.hpp"

#include <memory>
#include <optional>

namespace sightline::textplay {

// Opens the store the options name; throws records::RecordsError.
std::unique_ptr<records::Store> open_records(const Options& options);

// The learner --learner names (by id or name; a new name is added), or one
// picked or created at the keyboard. nullopt when the learner quits.
std::optional<records::Learner> choose_learner(records::Store& store, const Options& options,
                                               Printer& printer, Input& input);

// Asks whether to continue `attempt` or start again; nullopt when the learner quits.
std::optional<bool> ask_continue(const records::Attempt& attempt, Printer& printer, Input& input);

// After a scenario of `course`: shows the learner's progress towards each
// completion rule, asks for their attestation once every other rule is met,
// and issues the certificate (PDF and signed credential into
// `certificates_dir`) when all rules are met and a training provider is set
// up in `config_dir`.
void course_progress_and_certificate(records::Store& store, const model::Bundle& bundle,
                                     const model::Course& course, const std::string& learner_id,
                                     const std::filesystem::path& config_dir,
                                     const std::filesystem::path& certificates_dir,
                                     Printer& printer, Input& input);

class RecordedSteps final : public StepRecorder {
  public:
    explicit RecordedSteps(records::Recorder recorder) : recorder_(std::move(recorder)) {}

    void chose(const runtime::Run& before, const runtime::Run& after, std::string_view choice_id,
               const runtime::ChoiceResult& result) override {
        recorder_.record_choice(before, after, choice_id, result);
    }
    void answered(const runtime::Run& before, const runtime::Run& after,
                  const std::vector<std::string_view>& option_ids,
                  const runtime::CheckResult& result) override {
        recorder_.record_answer(before, after, option_ids, result);
    }
    void advanced() override { recorder_.record_advance(); }

    records::Recorder& recorder() { return recorder_; }

  private:
    records::Recorder recorder_;
};

} // namespace sightline::textplay
