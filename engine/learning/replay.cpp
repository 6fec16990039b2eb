#include "learning/replay.hpp"

#include "learning/score.hpp"
#include "learning/session.hpp"
#include "model/link.hpp"
#include "runtime/errors.hpp"
#include "runtime/run.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace sightline::learning {

namespace {

// Passages between two recorded steps: more than any scenario has nodes means
// the content loops without asking anything.
constexpr std::size_t kMaxContinues = 100'000;

std::string in_quotes(std::string_view text) {
    return "'" + std::string(text) + "'";
}

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const std::string& item : items) {
        text += (text.empty() ? "" : ", ") + in_quotes(item);
    }
    return text.empty() ? "none" : text;
}

std::string changes_text(const std::vector<records::ScoreChange>& changes) {
    std::string text;
    for (const records::ScoreChange& change : changes) {
        text += (text.empty() ? "" : ", ") + change.dimension + " " +
                (change.delta >= 0 ? "+" : "") + std::to_string(change.delta);
    }
    return text.empty() ? "none" : text;
}

std::vector<std::pair<std::string, bool>>
offered_ids(const std::vector<records::Offered>& offered) {
    std::vector<std::pair<std::string, bool>> ids;
    for (const records::Offered& o : offered) {
        ids.emplace_back(o.id, o.best);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

bool same_changes(const std::vector<records::ScoreChange>& a,
                  const std::vector<records::ScoreChange>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const records::ScoreChange& x, const records::ScoreChange& y) {
                          return x.dimension == y.dimension && x.delta == y.delta;
                      });
}

bool same_scores(const std::vector<records::DimensionScore>& a,
                 const std::vector<records::DimensionScore>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const records::DimensionScore& x, const records::DimensionScore& y) {
                          return x.dimension == y.dimension && x.score == y.score &&
                                 x.min == y.min && x.max == y.max;
                      });
}

std::string scores_text(const records::AttemptResult& r) {
    std::string text;
    for (const records::DimensionScore& s : r.scores) {
        text += (text.empty() ? "" : ", ") + s.dimension + " " + std::to_string(s.score) + " of " +
                std::to_string(s.min) + ".." + std::to_string(s.max);
    }
    return "ending '" + r.ending_node + "' (" + r.outcome + "), " +
           (text.empty() ? "no dimensions" : text) + ", raw " + std::to_string(r.raw) + " of " +
           std::to_string(r.min) + ".." + std::to_string(r.max) + ", " +
           (r.passed ? "passed" : "not passed");
}

// What differs between the recorded event and the one the replay makes; empty
// when nothing does.
std::string event_difference(const records::Event& recorded, const records::Event& replayed) {
    if (recorded.correct != replayed.correct) {
        return std::string("it is recorded as ") + (recorded.correct ? "correct" : "not correct") +
               " but the scenario makes it " + (replayed.correct ? "correct" : "not correct");
    }
    if (recorded.tier != replayed.tier) {
        return "its tier is recorded as " + in_quotes(recorded.tier) + " but the scenario gives " +
               in_quotes(replayed.tier);
    }
    if (!same_changes(recorded.score_changes, replayed.score_changes)) {
        return "its score changes are recorded as " + changes_text(recorded.score_changes) +
               " but the scenario gives " + changes_text(replayed.score_changes);
    }
    if (recorded.indicators != replayed.indicators) {
        return "its noticed indicators are recorded as " + joined(recorded.indicators) +
               " but the scenario gives " + joined(replayed.indicators);
    }
    if (offered_ids(recorded.offered) != offered_ids(replayed.offered)) {
        return "the options it records as offered are not the ones the scenario shows there";
    }
    return {};
}

class Replay {
  public:
    Replay(const model::Bundle& bundle, const records::Attempt& attempt)
        : bundle_(&bundle), attempt_(&attempt) {}

    ReplayResult run(std::string_view bundle_hash, const std::vector<records::Event>& events);

  private:
    ReplayResult refuse(Refusal refusal, std::uint32_t sequence, std::string node,
                        const std::string& why) const;
    // Continues through passages and answered checks up to the next question
    // or an ending.
    bool continue_to_question(runtime::Run& run) const;
    ReplayResult step(runtime::Run& run, const records::Event& event) const;

    const model::Bundle* bundle_;
    const records::Attempt* attempt_;
};

ReplayResult Replay::refuse(Refusal refusal, std::uint32_t sequence, std::string node,
                            const std::string& why) const {
    ReplayResult result;
    result.refusal = refusal;
    result.sequence = sequence;
    result.node_id = std::move(node);
    result.reason = "attempt " + attempt_->id + " (scenario " + attempt_->scenario_id + ")";
    if (sequence > 0) {
        result.reason += ", event " + std::to_string(sequence);
    }
    if (!result.node_id.empty()) {
        result.reason += " at node " + result.node_id;
    }
    result.reason += ": " + why;
    return result;
}

bool Replay::continue_to_question(runtime::Run& run) const {
    for (std::size_t i = 0; i < kMaxContinues; ++i) {
        if (run.phase() != runtime::Phase::Continuing) {
            return true;
        }
        run.advance();
    }
    return false;
}

ReplayResult Replay::step(runtime::Run& run, const records::Event& event) const {
    const std::uint32_t seq = event.sequence;
    const std::string at(run.node().id);
    if (run.phase() == runtime::Phase::Ended) {
        return refuse(Refusal::WrongNode, seq, event.node_id,
                      "the run had already ended at " + at + " before this event");
    }
    if (event.node_id != at) {
        return refuse(Refusal::WrongNode, seq, event.node_id,
                      "the replayed run is at node " + at + ", not at this one");
    }
    if (event.kind == records::EventKind::Choice) {
        if (run.phase() != runtime::Phase::Choosing) {
            return refuse(Refusal::WrongNode, seq, at,
                          "a choice is recorded but this node asks no decision");
        }
        if (event.response.size() != 1) {
            return refuse(Refusal::ChoiceNotOffered, seq, at,
                          "a choice must record exactly one choice id, not " +
                              joined(event.response));
        }
        const std::string& id = event.response.front();
        const std::vector<runtime::ChoiceView> shown = run.choices();
        const auto it = std::find_if(shown.begin(), shown.end(),
                                     [&](const runtime::ChoiceView& c) { return c.id == id; });
        if (it == shown.end()) {
            return refuse(Refusal::ChoiceNotOffered, seq, at,
                          "the choice " + in_quotes(id) + " is not offered there");
        }
        if (!it->enabled) {
            return refuse(Refusal::ChoiceDisabled, seq, at,
                          "the choice " + in_quotes(id) + " was not available at that point");
        }
        const runtime::Run before = run;
        const runtime::ChoiceResult result = run.choose(id);
        const records::Event replayed = choice_event(before, id, result);
        if (const std::string why = event_difference(event, replayed); !why.empty()) {
            return refuse(Refusal::EventMismatch, seq, at,
                          "the choice " + in_quotes(id) + ": " + why);
        }
        return {};
    }
    if (run.phase() != runtime::Phase::Answering) {
        return refuse(Refusal::WrongNode, seq, at,
                      "an answer is recorded but this node asks no unanswered question");
    }
    const auto& options = run.node().check.options;
    std::set<std::string, std::less<>> seen;
    std::vector<std::string_view> ids;
    for (const std::string& id : event.response) {
        const bool known = std::any_of(options.begin(), options.end(),
                                       [&](const model::CheckOption& o) { return o.id == id; });
        if (!known || !seen.insert(id).second) {
            return refuse(Refusal::OptionNotOffered, seq, at,
                          "the answer " + joined(event.response) +
                              " picks options that are not the question's own (" +
                              (known ? "repeated " : "unknown ") + in_quotes(id) + ")");
        }
        ids.push_back(id);
    }
    const runtime::Run before = run;
    const runtime::CheckResult result = run.answer(ids);
    const records::Event replayed = answer_event(before, ids, result);
    if (const std::string why = event_difference(event, replayed); !why.empty()) {
        return refuse(Refusal::EventMismatch, seq, at,
                      "the answer " + joined(event.response) + ": " + why);
    }
    return {};
}

ReplayResult Replay::run(std::string_view bundle_hash, const std::vector<records::Event>& events) {
    const records::Attempt& a = *attempt_;
    if (a.bundle_hash != bundle_hash) {
        return refuse(Refusal::OtherEdition, 0, {},
                      "the attempt was played on another edition of the courses (content hash " +
                          a.bundle_hash + "), so it cannot be checked against this one (" +
                          std::string(bundle_hash) +
                          "); issue with the edition the attempt was played on");
    }
    if (model::find_by_id(bundle_->scenarios, a.scenario_id) == nullptr) {
        return refuse(Refusal::UnknownScenario, 0, {}, "this edition has no such scenario");
    }
    std::uint32_t expected = 1;
    for (const records::Event& event : events) {
        if (event.attempt_id != a.id || event.sequence != expected) {
            return refuse(Refusal::BrokenSequence, event.sequence, event.node_id,
                          event.attempt_id != a.id
                              ? "the event belongs to attempt " + event.attempt_id
                              : "expected event " + std::to_string(expected) +
                                    " here: events are missing, repeated or out of order");
        }
        ++expected;
    }
    if (events.size() != a.events) {
        return refuse(Refusal::BrokenSequence, 0, {},
                      "the attempt counts " + std::to_string(a.events) + " events but " +
                          std::to_string(events.size()) + " are recorded");
    }
    std::uint32_t sequence = 0;
    std::string node;
    try {
        runtime::Run run(*bundle_, a.scenario_id, runtime::RunOptions{a.seed, true});
        for (const records::Event& event : events) {
            sequence = event.sequence;
            node = event.node_id;
            if (!continue_to_question(run)) {
                return refuse(Refusal::WrongNode, sequence, node,
                              "the scenario never reaches a question from " +
                                  std::string(run.node().id));
            }
            if (ReplayResult r = step(run, event); !r.accepted()) {
                return r;
            }
        }
        if (!a.result) {
            return {};
        }
        sequence = 0;
        node.clear();
        if (!continue_to_question(run) || run.phase() != runtime::Phase::Ended) {
            return refuse(Refusal::EndedEarly, 0, std::string(run.node().id),
                          "the attempt is finished but its events stop before an ending");
        }
        const model::Course* course = model::find_by_id(bundle_->courses, a.course_id);
        const records::AttemptResult replayed =
            finished_result(run, course != nullptr ? course->passing_score : 0);
        const records::AttemptResult& recorded = *a.result;
        if (recorded.ending_node != replayed.ending_node || recorded.outcome != replayed.outcome ||
            !same_scores(recorded.scores, replayed.scores) || recorded.raw != replayed.raw ||
            recorded.min != replayed.min || recorded.max != replayed.max ||
            recorded.passed != replayed.passed) {
            return refuse(Refusal::ResultMismatch, 0, replayed.ending_node,
                          "the recorded result is " + scores_text(recorded) +
                              " but the replayed run gives " + scores_text(replayed));
        }
    } catch (const runtime::RunError& e) {
        return refuse(Refusal::WrongNode, sequence, node,
                      std::string("the runtime refused the step: ") + e.what());
    }
    return {};
}

} // namespace

const char* refusal_name(Refusal refusal) {
    switch (refusal) {
    case Refusal::None:
        return "none";
    case Refusal::OtherEdition:
        return "other-edition";
    case Refusal::UnknownScenario:
        return "unknown-scenario";
    case Refusal::BrokenSequence:
        return "broken-sequence";
    case Refusal::WrongNode:
        return "wrong-node";
    case Refusal::ChoiceNotOffered:
        return "choice-not-offered";
    case Refusal::ChoiceDisabled:
        return "choice-disabled";
    case Refusal::OptionNotOffered:
        return "option-not-offered";
    case Refusal::EventMismatch:
        return "event-mismatch";
    case Refusal::EndedEarly:
        return "ended-early";
    case Refusal::ResultMismatch:
        return "result-mismatch";
    }
    return "unknown";
}

ReplayResult replay_attempt(const model::Bundle& bundle, std::string_view bundle_hash,
                            const records::Attempt& attempt,
                            const std::vector<records::Event>& events) {
    return Replay(bundle, attempt).run(bundle_hash, events);
}

} // namespace sightline::learning
