// Plays one scenario run in the terminal: the content note first, then each
// node's text, numbered choices and questions, feedback after every answer, and
// the debrief at the end. Facilitator notes and discussion prompts are for
// classroom mode and never shown here.
#pragma once

#include "learning/pacing.hpp"
#include "records/records.hpp"
#include "runtime/run.hpp"
#include "textplay/input.hpp"
#include "textplay/printer.hpp"

#include <filesystem>
#include <functional>
#include <optional>

namespace sightline::textplay {

enum class PlayEnd {
    Finished,        // reached an ending and showed the debrief
    Quit,            // the learner typed q (or input ended)
    Stuck,           // the content offers no way on from here
    RecordingFailed, // a step could not be recorded and the learner stopped
};

// Keeps each step of the run before its feedback is shown (the learner
// records). Each call gets the run before and after the step; a call that
// throws means the step was not kept, and the player does not move on.
class StepRecorder {
  public:
    virtual ~StepRecorder() = default;
    virtual void chose(const runtime::Run& before, const runtime::Run& after,
                       std::string_view choice_id, const runtime::ChoiceResult& result) = 0;
    virtual void answered(const runtime::Run& before, const runtime::Run& after,
                          const std::vector<std::string_view>& option_ids,
                          const runtime::CheckResult& result) = 0;
    virtual void advanced() = 0;
};

struct PlayerSettings {
    // Called with the run's save blob before every question (for --save).
    std::function<void(const std::vector<std::uint8_t>&)> on_save;
    // Before every question, replace the run with one restored from its own
    // save blob: proves a save at any point resumes with identical output.
    bool save_roundtrip = false;
    // Where steps are recorded; none when records are off.
    StepRecorder* recorder = nullptr;
    // Paced play (learning/pacing.hpp): the clock, and how to wait out a
    // screen's reading time; empty: the system clock and a real sleep.
    std::function<records::TimeMs()> clock;
    std::function<void(records::TimeMs)> sleep;
};

class Player {
  public:
    Player(Printer& printer, Input& input, PlayerSettings settings = {});

    // The title, objectives and content note, then "press Enter to begin".
    // False when the learner quits instead.
    bool introduce(const model::Scenario& scenario);

    // Plays `run` to the end (or until the learner quits). The optional is
    // re-seated when save_roundtrip is on.
    PlayEnd play(std::optional<runtime::Run>& run);

    void set_recorder(StepRecorder* recorder) { settings_.recorder = recorder; }
    // Paced play: an answer (or Enter) is read only once the screen's minimum
    // reading time has passed; until then a quiet line says so.
    void set_paced(bool paced) { pacer_ = learning::Pacer(paced); }

  private:
    void show_node(const runtime::NodeView& view);
    bool decide(runtime::Run& run, const std::vector<runtime::ChoiceView>& choices);
    bool check(runtime::Run& run, const runtime::CheckView& view);
    // What pressing Enter does; each has its own whole sentences to translate.
    enum class Enter : std::uint8_t { Begin, Continue, TryAgain };
    bool press_enter(Enter what);
    records::TimeMs now() const;
    void wait_for_reading();
    void show_debrief(const runtime::Run& run);
    void checkpoint(std::optional<runtime::Run>& run);
    // Runs `keep` until it succeeds; on failure tells the learner and offers
    // to retry (interactive) or stops (scripted). False when it was not kept.
    bool record(const std::function<void()>& keep);

    Printer& out_;
    Input& input_;
    PlayerSettings settings_;
    bool recording_failed_ = false;
    learning::Pacer pacer_;
};

// Shows `heading` and `labels` numbered from 1, and asks for one of them by
// number (re-asking after a bad answer); its index, or nullopt when the
// learner quits.
std::optional<std::size_t> pick_one(Printer& printer, Input& input, const std::string& heading,
                                    const std::vector<std::string>& labels);

// Parses "2", "1 3" or "1,3" into 1-based numbers in [1, count]; empty on any
// problem, with `why` saying what it was.
std::vector<std::size_t> parse_numbers(std::string_view answer, std::size_t count, bool many,
                                       std::string& why);

// The same for the answers shown with `ids`, which may also be named by id:
// "@log", "@id @answers". Scripts answer this way, so they follow the same
// path whatever order the seed shows the answers in.
std::vector<std::size_t> parse_answer(std::string_view answer,
                                      const std::vector<std::string_view>& ids, bool many,
                                      std::string& why);

} // namespace sightline::textplay
