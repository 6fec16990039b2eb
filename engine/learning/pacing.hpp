// Paced play (a course's `pacing: on`; Texas asks it of online hotel courses):
// a screen's Continue or choices become available only once a minimum reading
// time has passed, derived from the screen's words at a fast reading speed.
// It is a minimum, never a limit: nothing times out or disappears, and the
// players show a quiet progress cue, never a countdown. Both players follow
// the same rule through a Pacer; classroom mode is exempt (the facilitator
// paces). Because no step can be taken before its screen's reading time has
// passed, the active time on task the store counts (records/store.hpp) is
// time that passed pacing.
#pragma once

#include "model/model.hpp"
#include "records/records.hpp"
#include "runtime/run.hpp"

#include <cstddef>
#include <string_view>

namespace sightline::learning {

// A fast reading speed, so that pacing holds back only a learner who does not
// read; and a floor for screens of a few words.
inline constexpr std::size_t kPacedWordsPerMinute = 400;
inline constexpr records::TimeMs kMinimumPacedMs = 2000;

// Words as a reader counts them: runs of characters between spaces.
std::size_t word_count(std::string_view text);

// The learner-facing words of the screen the run stands at: the paragraphs
// shown, and the choices shown or the check's prompt and options.
std::size_t screen_words(const runtime::Run& run);

// The minimum reading time of a screen of `words` words.
records::TimeMs minimum_reading_ms(std::size_t words);

// Whether play of `course` is paced. Classroom sessions never are.
bool is_paced(const model::Course* course, records::Mode mode);

// The pacing of one player's screens. Off, every screen is ready at once.
class Pacer {
  public:
    explicit Pacer(bool on = false) : on_(on) {}

    bool on() const { return on_; }
    // A new screen of `words` learner-facing words is shown at `when`.
    void show(std::size_t words, records::TimeMs when);
    // Whether the screen's Continue or choices may be used at `now`.
    bool ready(records::TimeMs now) const { return now >= ready_at_; }
    // How much of the reading time has passed, 0 to 1 (1 when ready), for
    // the progress cue.
    double progress(records::TimeMs now) const;
    // How long until ready (0 when ready).
    records::TimeMs remaining(records::TimeMs now) const;

  private:
    bool on_ = false;
    records::TimeMs shown_at_ = 0;
    records::TimeMs ready_at_ = 0;
};

} // namespace sightline::learning
