// The words for stages, decisions and controls, and how a room's votes are
// counted: the parts of facilitation.hpp that do not depend on a session.
#include "classroom/facilitation.hpp"
#include "i18n/i18n.hpp"

#include <algorithm>

namespace sightline::classroom {

const char* stage_name(Stage stage) {
    switch (stage) {
    case Stage::Situation:
        return "situation";
    case Stage::Discussion:
        return "discussion";
    case Stage::Voting:
        return "voting";
    case Stage::Locked:
        return "locked";
    case Stage::Revealed:
        return "revealed";
    case Stage::Feedback:
        return "feedback";
    case Stage::Passage:
        return "passage";
    case Stage::Ended:
        return "ended";
    }
    return "unknown";
}

const char* decided_name(Decided decided) {
    switch (decided) {
    case Decided::Majority:
        return "majority";
    case Decided::TieBreak:
        return "tie-break";
    case Decided::Override:
        return "override";
    }
    return "unknown";
}

const char* control_name(Control control) {
    switch (control) {
    case Control::Discuss:
        return "discuss";
    case Control::OpenVoting:
        return "open-voting";
    case Control::EnterVotes:
        return "enter-votes";
    case Control::Lock:
        return "lock";
    case Control::Unlock:
        return "unlock";
    case Control::Reveal:
        return "reveal";
    case Control::TakeMajority:
        return "take-majority";
    case Control::Pick:
        return "pick";
    case Control::Continue:
        return "continue";
    case Control::GoBack:
        return "go-back";
    case Control::Finish:
        return "finish";
    case Control::Abandon:
        return "abandon";
    }
    return "unknown";
}

const char* stage_text(Stage stage) {
    switch (stage) {
    case Stage::Situation:
        // TRANSLATORS: the stages of a classroom session, shown to the facilitator in a short
        // status line ("stage voting"), lower case.
        return i18n::tr("stage", "situation");
    case Stage::Discussion:
        return i18n::tr("stage", "discussion");
    case Stage::Voting:
        return i18n::tr("stage", "voting");
    case Stage::Locked:
        return i18n::tr("stage", "locked");
    case Stage::Revealed:
        return i18n::tr("stage", "revealed");
    case Stage::Feedback:
        return i18n::tr("stage", "feedback");
    case Stage::Passage:
        return i18n::tr("stage", "passage");
    case Stage::Ended:
        return i18n::tr("stage", "ended");
    }
    return "unknown";
}

const char* decided_text(Decided decided) {
    switch (decided) {
    case Decided::Majority:
        // TRANSLATORS: who decided a pick: the room's majority.
        return i18n::tr("decided by", "majority");
    case Decided::TieBreak:
        // TRANSLATORS: who decided a pick: the facilitator broke a tie.
        return i18n::tr("decided by", "tie-break");
    case Decided::Override:
        // TRANSLATORS: who decided a pick: the facilitator chose something else than the room.
        return i18n::tr("decided by", "override");
    }
    return "unknown";
}

bool Tally::has_answer() const {
    return total > 0 && !tie;
}

Tally tally_votes(const std::vector<std::int64_t>& counts, model::CheckKind kind,
                  std::int64_t head_count) {
    Tally t;
    t.counts = counts;
    std::int64_t top = 0;
    for (const std::int64_t c : counts) {
        t.total += c;
        top = std::max(top, c);
    }
    // The people who voted: the head count, or (unknown) the most-voted
    // option's count, the fewest people who can have voted.
    const std::int64_t people = head_count > 0 ? head_count : top;
    t.basis = kind == model::CheckKind::Multi ? people : t.total;
    if (t.total == 0) {
        return t;
    }
    if (kind == model::CheckKind::Multi) {
        // At least half of the people.
        t.threshold = std::max<std::int64_t>(1, (people + 1) / 2);
        for (std::size_t i = 0; i < counts.size(); ++i) {
            if (counts[i] >= t.threshold) {
                t.leaders.push_back(i);
            }
        }
        return t;
    }
    for (std::size_t i = 0; i < counts.size(); ++i) {
        if (counts[i] == top) {
            t.leaders.push_back(i);
        }
    }
    t.tie = t.leaders.size() > 1;
    return t;
}

Decided decided_by(const Tally& tally, model::CheckKind kind,
                   const std::vector<std::size_t>& picked) {
    if (kind == model::CheckKind::Multi) {
        std::vector<std::size_t> sorted = picked;
        std::sort(sorted.begin(), sorted.end());
        return tally.total > 0 && sorted == tally.leaders ? Decided::Majority : Decided::Override;
    }
    if (picked.size() != 1 ||
        std::find(tally.leaders.begin(), tally.leaders.end(), picked[0]) == tally.leaders.end()) {
        return Decided::Override;
    }
    return tally.tie ? Decided::TieBreak : Decided::Majority;
}

} // namespace sightline::classroom
