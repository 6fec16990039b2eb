#include "learning/session.hpp"

#include "learning/score.hpp"
#include "model/analysis.hpp"
#include "runtime/errors.hpp"

#include <algorithm>

namespace sightline::learning {

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

std::vector<records::ScoreChange> changes_of(const std::vector<runtime::ScoreDelta>& deltas) {
    std::vector<records::ScoreChange> out;
    for (const auto& d : deltas) {
        out.push_back({std::string(d.dimension), d.delta});
    }
    return out;
}

} // namespace

records::Event choice_event(const runtime::Run& before, std::string_view choice_id,
                            const runtime::ChoiceResult& result) {
    const runtime::NodeView view = before.view();
    const model::Node& node = before.node();
    records::Event event;
    event.node_id = node.id;
    event.prompt = prompt_of(view);
    event.kind = records::EventKind::Choice;
    event.response = {std::string(choice_id)};
    for (const auto& shown : view.choices) {
        const auto it = std::find_if(node.choices.begin(), node.choices.end(),
                                     [&](const model::Choice& c) { return c.id == shown.id; });
        const bool best = it != node.choices.end() &&
                          model::is_best_tier_choice(node, *it, before.bundle().tiers);
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
    return event;
}

records::Event answer_event(const runtime::Run& before,
                            const std::vector<std::string_view>& option_ids,
                            const runtime::CheckResult& result) {
    const runtime::NodeView view = before.view();
    records::Event event;
    event.node_id = std::string(view.id);
    event.prompt = prompt_of(view);
    event.kind = records::EventKind::Answer;
    for (const auto id : option_ids) {
        event.response.emplace_back(id);
    }
    for (const auto& option : result.options) {
        event.offered.push_back({std::string(option.id), std::string(option.text), option.correct});
    }
    event.correct = result.correct;
    event.score_changes = changes_of(result.points);
    return event;
}

Recorder::Recorder(records::Store& store, records::Attempt attempt, records::TimeMs node_entered)
    : store_(&store), attempt_(std::move(attempt)), node_entered_(node_entered) {}

Recorder Recorder::start(records::Store& store, const runtime::Run& run, const BundleInfo& info,
                         const SessionStart& start, records::TimeMs when) {
    const records::AttemptStart attempt{start.learner_id,  start.course_id,       start.scenario_id,
                                        info.content_hash, info.compiler_version, start.mode,
                                        start.language,    run.options().seed,    run.save()};
    return Recorder(store, store.start_attempt(attempt, when), when);
}

Recorder Recorder::resume(records::Store& store, const records::Attempt& attempt,
                          records::TimeMs when) {
    if (attempt.status != records::Status::InProgress) {
        throw records::RecordsError("attempt " + attempt.id + " is " +
                                    records::status_name(attempt.status) +
                                    " and cannot be continued");
    }
    store.touch(attempt.id, when);
    records::Attempt resumed = attempt;
    resumed.last_activity = std::max(resumed.last_activity, when);
    return Recorder(store, std::move(resumed), when);
}

void Recorder::record(records::Event& event, const runtime::Run& after, records::TimeMs when) {
    event.attempt_id = attempt_.id;
    event.sequence = attempt_.events + 1;
    event.time = when;
    event.time_on_node_ms = std::max<records::TimeMs>(0, when - node_entered_);
    event.votes = votes_;
    event.branch = branch_;
    store_->record_event(event, after.save());
    votes_.clear();
    ++attempt_.events;
    attempt_.last_activity = std::max(attempt_.last_activity, when);
}

void Recorder::set_classroom(std::vector<records::VoteCount> votes, std::uint32_t branch) {
    votes_ = std::move(votes);
    branch_ = branch;
}

void Recorder::record_choice(const runtime::Run& before, const runtime::Run& after,
                             std::string_view choice_id, const runtime::ChoiceResult& result,
                             records::TimeMs when) {
    records::Event event = choice_event(before, choice_id, result);
    record(event, after, when);
    node_entered_ = when;
}

void Recorder::record_answer(const runtime::Run& before, const runtime::Run& after,
                             const std::vector<std::string_view>& option_ids,
                             const runtime::CheckResult& result, records::TimeMs when) {
    records::Event event = answer_event(before, option_ids, result);
    record(event, after, when);
}

void Recorder::record_advance(records::TimeMs when) {
    store_->touch(attempt_.id, when);
    attempt_.last_activity = std::max(attempt_.last_activity, when);
    node_entered_ = when;
}

records::AttemptResult Recorder::record_finish(const runtime::Run& run,
                                               std::uint32_t passing_percent,
                                               records::TimeMs when) {
    const records::AttemptResult result = finished_result(run, passing_percent);
    store_->finish_attempt(attempt_.id, result, when);
    attempt_.status = records::Status::Completed;
    attempt_.finished = when;
    attempt_.result = result;
    return result;
}

Session::Session(runtime::Run run, Recorder recorder)
    : run_(std::move(run)), recorder_(std::move(recorder)) {}

Session Session::start(records::Store& store, const model::Bundle& bundle, const BundleInfo& info,
                       const SessionStart& start, records::TimeMs when) {
    runtime::Run run(bundle, start.scenario_id, start.options);
    Recorder recorder = Recorder::start(store, run, info, start, when);
    return Session(std::move(run), std::move(recorder));
}

Session Session::resume(records::Store& store, const model::Bundle& bundle,
                        const records::Attempt& attempt, records::TimeMs when) {
    if (attempt.status != records::Status::InProgress) { // before restoring: a clearer message
        throw records::RecordsError("attempt " + attempt.id + " is " +
                                    records::status_name(attempt.status) +
                                    " and cannot be continued");
    }
    runtime::Run run = runtime::Run::restore(bundle, attempt.save);
    return Session(std::move(run), Recorder::resume(store, attempt, when));
}

runtime::ChoiceResult Session::choose(std::string_view choice_id, records::TimeMs when) {
    runtime::Run next = run_; // the learner's run moves on only once the choice is on disk
    runtime::ChoiceResult result = next.choose(choice_id);
    recorder_.record_choice(run_, next, choice_id, result, when);
    run_ = std::move(next);
    return result;
}

runtime::CheckResult Session::answer(const std::vector<std::string_view>& option_ids,
                                     records::TimeMs when) {
    runtime::Run next = run_;
    runtime::CheckResult result = next.answer(option_ids);
    recorder_.record_answer(run_, next, option_ids, result, when);
    run_ = std::move(next);
    return result;
}

void Session::advance(records::TimeMs when) {
    runtime::Run next = run_;
    next.advance();
    recorder_.record_advance(when);
    run_ = std::move(next);
}

records::AttemptResult Session::finish(std::uint32_t passing_percent, records::TimeMs when) {
    return recorder_.record_finish(run_, passing_percent, when);
}

} // namespace sightline::learning
