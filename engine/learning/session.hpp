// One learner's attempt at one scenario, recorded as it is played. A player
// drives a Session (or a Recorder beside its own run) instead of a bare
// runtime::Run: every choice and answer is committed to the store *before*
// the call returns the feedback to show, so anything the learner has seen
// acknowledged survives a kill. When recording fails, the call throws
// records::RecordsError and the run is left exactly as it was, so the player
// can tell the learner and retry or stop.
#pragma once

#include "records/store.hpp"
#include "runtime/run.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace sightline::learning {

// Which bundle an attempt was played from.
struct BundleInfo {
    std::string content_hash;
    std::string compiler_version;
};

struct SessionStart {
    std::string learner_id; // empty for an anonymous classroom session
    std::string course_id;  // may be empty for a scenario played outside a course
    std::string scenario_id;
    runtime::RunOptions options;
    records::Mode mode = records::Mode::SelfPaced;
    std::string language = "en";
};

// The event a choice or an answer makes, as the learner saw it, without the
// attempt, sequence, time and time on node (the recorder fills those in).
// `before` is the run as it was when the step was taken.
records::Event choice_event(const runtime::Run& before, std::string_view choice_id,
                            const runtime::ChoiceResult& result);
records::Event answer_event(const runtime::Run& before,
                            const std::vector<std::string_view>& option_ids,
                            const runtime::CheckResult& result);

// Records the steps of a run that the caller owns: each record_* call gets
// the run as it was before the step and as it is after, and commits the step
// before returning. Session (below) is the usual way to use it.
class Recorder {
  public:
    // Starts a new attempt at `run` (freshly started).
    static Recorder start(records::Store& store, const runtime::Run& run, const BundleInfo& info,
                          const SessionStart& start, records::TimeMs when = records::now_ms());
    // Continues an unfinished attempt; the caller restores the run from its save.
    static Recorder resume(records::Store& store, const records::Attempt& attempt,
                           records::TimeMs when = records::now_ms());

    void record_choice(const runtime::Run& before, const runtime::Run& after,
                       std::string_view choice_id, const runtime::ChoiceResult& result,
                       records::TimeMs when = records::now_ms());
    void record_answer(const runtime::Run& before, const runtime::Run& after,
                       const std::vector<std::string_view>& option_ids,
                       const runtime::CheckResult& result,
                       records::TimeMs when = records::now_ms());
    void record_advance(records::TimeMs when = records::now_ms());
    // Classroom sessions: the room's votes and the explored branch, attached
    // to the next recorded choice or answer. The votes are cleared once that
    // step is on disk; a failed write keeps them for the retry.
    void set_classroom(std::vector<records::VoteCount> votes, std::uint32_t branch);
    records::AttemptResult record_finish(const runtime::Run& run, std::uint32_t passing_percent,
                                         records::TimeMs when = records::now_ms());

    const records::Attempt& attempt() const { return attempt_; }

  private:
    Recorder(records::Store& store, records::Attempt attempt, records::TimeMs node_entered);
    void record(records::Event& event, const runtime::Run& after, records::TimeMs when);

    records::Store* store_;
    records::Attempt attempt_;
    records::TimeMs node_entered_; // when the current node was first shown, for time on node
    std::vector<records::VoteCount> votes_; // for the next event (classroom)
    std::uint32_t branch_ = 0;
};

// A recorded run: the run and its recorder together.
class Session {
  public:
    // Starts a new attempt. The bundle must outlive the session.
    static Session start(records::Store& store, const model::Bundle& bundle, const BundleInfo& info,
                         const SessionStart& start, records::TimeMs when = records::now_ms());
    // Continues an unfinished attempt from its last recorded event. Throws
    // runtime::SaveError when the bundle no longer has where it stopped.
    static Session resume(records::Store& store, const model::Bundle& bundle,
                          const records::Attempt& attempt,
                          records::TimeMs when = records::now_ms());

    const runtime::Run& run() const { return run_; }
    const records::Attempt& attempt() const { return recorder_.attempt(); }
    // For a player that drives its own copy of the run step by step (the
    // text player): the recorder of this attempt, to record those steps.
    const Recorder& recorder() const { return recorder_; }

    // Runs the choice, commits it, then returns what to show.
    runtime::ChoiceResult choose(std::string_view choice_id,
                                 records::TimeMs when = records::now_ms());
    runtime::CheckResult answer(const std::vector<std::string_view>& option_ids,
                                records::TimeMs when = records::now_ms());
    // Leaves a passage or an answered check (counts as activity for time on task).
    void advance(records::TimeMs when = records::now_ms());
    // At an ending: records the result (scores against the reachable range,
    // passed when the percentage reaches `passing_percent`) and closes the attempt.
    records::AttemptResult finish(std::uint32_t passing_percent,
                                  records::TimeMs when = records::now_ms());

  private:
    Session(runtime::Run run, Recorder recorder);

    runtime::Run run_;
    Recorder recorder_;
};

} // namespace sightline::learning
