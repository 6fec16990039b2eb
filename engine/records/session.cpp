#include "records/session.hpp"

#include "model/analysis.hpp"
#include "runtime/errors.hpp"

#include <algorithm>

namespace sightline::records {

namespace {

constexpr std::size_t kPromptChars = 280;

// The node's text as the learner read it, shortened for reports.
std::string prompt_of(const runtime::NodeView& view) {
    std::string text;
    if (view.phase == runtime::Phase::Answering) {
        text = std::string(view.check.prompt);
    } else {
        for (const auto& paragraph : view.paragraphs) {
            if (!text.empty()) {
                text += ' ';
            }
            text += paragraph.text;
            if (text.size() > kPromptChars) {
                break;
            }
        }
    }
    if (text.size() > kPromptChars) {
        std::size_t cut = text.rfind(' ', kPromptChars);
        if (cut == std::string::npos || cut < kPromptChars / 2) {
            cut = kPromptChars;
        }
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
            --cut; // never split a UTF-8 sequence
        }
        text.resize(cut);
        text += "...";
    }
    return text;
}

std::vector<ScoreChange> changes_of(const std::vector<runtime::ScoreDelta>& deltas) {
    std::vector<ScoreChange> out;
    for (const auto& d : deltas) {
        out.push_back({std::string(d.dimension), d.delta});
    }
    return out;
}

} // namespace

Session::Session(Store& store, runtime::Run run, Attempt attempt, TimeMs node_entered)
    : store_(&store), run_(std::move(run)), attempt_(std::move(attempt)),
      node_entered_(node_entered) {}

Session Session::start(Store& store, const model::Bundle& bundle, const BundleInfo& info,
                       const SessionStart& start, TimeMs when) {
    runtime::Run run(bundle, start.scenario_id, start.options);
    AttemptStart attempt{start.learner_id,  start.course_id,       start.scenario_id,
                         info.content_hash, info.compiler_version, start.mode,
                         start.language,    start.options.seed,    run.save()};
    Attempt recorded = store.start_attempt(attempt, when);
    return Session(store, std::move(run), std::move(recorded), when);
}

Session Session::resume(Store& store, const model::Bundle& bundle, const Attempt& attempt,
                        TimeMs when) {
    if (attempt.status != Status::InProgress) {
        throw RecordsError("attempt " + attempt.id + " is " + status_name(attempt.status) +
                           " and cannot be continued");
    }
    runtime::Run run = runtime::Run::restore(bundle, attempt.save);
    store.touch(attempt.id, when);
    return Session(store, std::move(run), attempt, when);
}

runtime::ChoiceResult Session::choose(std::string_view choice_id, TimeMs when) {
    const runtime::NodeView view = run_.view();
    const model::Node& node = run_.node();
    runtime::Run next = run_; // the learner's run moves on only once the choice is on disk
    runtime::ChoiceResult result = next.choose(choice_id);

    Event event;
    event.attempt_id = attempt_.id;
    event.sequence = attempt_.events + 1;
    event.time = when;
    event.node_id = node.id;
    event.prompt = prompt_of(view);
    event.kind = EventKind::Choice;
    event.response = {std::string(choice_id)};
    for (const auto& shown : view.choices) {
        const auto it = std::find_if(node.choices.begin(), node.choices.end(),
                                     [&](const model::Choice& c) { return c.id == shown.id; });
        const bool best =
            it != node.choices.end() && model::is_best_tier_choice(node, *it, run_.bundle().tiers);
        event.offered.push_back({std::string(shown.id), std::string(shown.text), best});
        if (shown.id == choice_id) {
            event.correct = best;
        }
    }
    event.tier = std::string(result.tier);
    event.score_changes = changes_of(result.score_changes);
    for (const model::Indicator* indicator : result.newly_noticed) {
        event.indicators.push_back(indicator->id);
    }
    event.time_on_node_ms = std::max<TimeMs>(0, when - node_entered_);

    store_->record_event(event, next.save());
    ++attempt_.events;
    attempt_.last_activity = std::max(attempt_.last_activity, when);
    run_ = std::move(next);
    node_entered_ = when;
    return result;
}

runtime::CheckResult Session::answer(const std::vector<std::string_view>& option_ids, TimeMs when) {
    const runtime::NodeView view = run_.view();
    runtime::Run next = run_;
    runtime::CheckResult result = next.answer(option_ids);

    Event event;
    event.attempt_id = attempt_.id;
    event.sequence = attempt_.events + 1;
    event.time = when;
    event.node_id = std::string(view.id);
    event.prompt = prompt_of(view);
    event.kind = EventKind::Answer;
    for (const auto id : option_ids) {
        event.response.emplace_back(id);
    }
    for (const auto& option : result.options) {
        event.offered.push_back({std::string(option.id), std::string(option.text), option.correct});
    }
    event.correct = result.correct;
    event.score_changes = changes_of(result.points);
    event.time_on_node_ms = std::max<TimeMs>(0, when - node_entered_);

    store_->record_event(event, next.save());
    ++attempt_.events;
    attempt_.last_activity = std::max(attempt_.last_activity, when);
    run_ = std::move(next);
    return result;
}

void Session::advance(TimeMs when) {
    runtime::Run next = run_;
    next.advance();
    store_->touch(attempt_.id, when);
    run_ = std::move(next);
    node_entered_ = when;
}

AttemptResult Session::finish(std::uint32_t passing_percent, TimeMs when) {
    const runtime::Debrief debrief = run_.debrief();
    AttemptResult result;
    result.ending_node = std::string(debrief.ending_node);
    result.outcome = std::string(debrief.outcome);
    for (const auto& score : debrief.scores) {
        result.scores.push_back({std::string(score.id), score.score, score.min, score.max});
        result.raw += score.score;
        result.min += score.min;
        result.max += score.max;
    }
    result.raw = std::clamp(result.raw, result.min, std::max(result.min, result.max));
    result.passed = result.scaled() * 100.0 + 1e-9 >= static_cast<double>(passing_percent);
    store_->finish_attempt(attempt_.id, result, when);
    attempt_.status = Status::Completed;
    attempt_.finished = when;
    attempt_.result = result;
    return result;
}

} // namespace sightline::records
