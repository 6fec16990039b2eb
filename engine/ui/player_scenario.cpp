// The player controller: playing a scenario (its start, nodes, choices, checks
// and their feedback, the reading pace) and its debrief.
#include "i18n/i18n.hpp"
#include "model/link.hpp"
#include "runtime/errors.hpp"
#include "ui/player.hpp"

#include <algorithm>
#include <cmath>

namespace sightline::ui {

namespace {

Chip chip_of(const model::Indicator& indicator) {
    return {indicator.name, indicator.description};
}
} // namespace

// ---------------------------------------------------------------- playing

Player::Found Player::find_in_course(const std::string& scenario_id) {
    const model::Scenario* scenario = model::find_by_id(bundle_.scenarios, scenario_id);
    const model::Course* course = model::find_by_id(bundle_.courses, course_id_);
    if (scenario == nullptr || course == nullptr) {
        // TRANSLATORS: {1} is a scenario's id.
        screen_.notice =
            i18n::format(i18n::tr("There is no scenario '{1}' in this course."), {scenario_id});
        return {};
    }
    return {scenario, course};
}

void Player::start_scenario(const std::string& scenario_id, bool resume) {
    const auto [scenario, course] = find_in_course(scenario_id);
    if (scenario == nullptr) {
        return;
    }
    session_.reset();
    bool resumed = false;
    try {
        learning::Started started = learning_.start(
            *scenario, course,
            {resume ? learning::Unfinished::Resume : learning::Unfinished::StartAgain,
             course_language_});
        resumed = started.resumed;
        // Only the start's own notice: the course map's (its language) was read there.
        screen_.notice = started.notice;
        session_.emplace(std::move(started.session));
        pacer_ = learning::Pacer(learning::is_paced(course, records::Mode::SelfPaced));
    } catch (const records::RecordsError& e) {
        session_.reset();
        // TRANSLATORS: {1} is the reason.
        screen_.notice =
            i18n::format(i18n::tr("The scenario could not be started: {1}"), {e.what()});
        return;
    }
    const std::string notice = screen_.notice;
    fresh(ScreenId::Scenario);
    screen_.notice = notice;
    // In the language the attempt is played in (a resumed one keeps its own).
    const model::Scenario& played = session_->run().scenario();
    const model::Course* played_course =
        model::find_by_id(session_->run().bundle().courses, course->id);
    ScenarioState& s = screen_.scenario;
    s = {};
    s.id = played.id;
    s.title = played.title;
    s.course_title = (played_course != nullptr ? played_course : course)->title;
    s.minutes = played.minutes;
    s.objectives = played.objectives;
    s.content_note = played.content_note;
    s.resuming = resumed;
    s.stage = Stage::Intro;
    screen_.help.scenario_title = played.title;
    screen_.help.scenario_report = played.report;
}

void Player::begin() {
    if (screen_.id == ScreenId::Scenario && session_ && screen_.scenario.stage == Stage::Intro) {
        show_node();
    }
}

void Player::show_node() {
    ScenarioState& s = screen_.scenario;
    const runtime::Run& run = session_->run();
    const runtime::NodeView view = run.view();
    ++screen_.version;
    s.stage = Stage::Node;
    s.error.clear();
    s.choice_feedback.reset();
    s.check_feedback.reset();
    s.lines.clear();
    for (const runtime::ParagraphView& p : view.paragraphs) {
        s.lines.push_back({std::string(p.speaker), std::string(p.text)});
    }
    s.choices.clear();
    s.options.clear();
    s.picked.clear();
    s.prompt.clear();
    s.multi = view.check.kind == model::CheckKind::Multi;
    if (view.check.kind != model::CheckKind::None) {
        s.prompt = std::string(view.check.prompt);
        for (const runtime::OptionView& o : view.check.options) {
            s.options.push_back({std::string(o.id), std::string(o.text)});
        }
        s.picked.assign(s.options.size(), false);
    }
    switch (view.phase) {
    case runtime::Phase::Choosing:
        for (const runtime::ChoiceView& c : view.choices) {
            s.choices.push_back({std::string(c.id), std::string(c.text), c.enabled});
        }
        s.kind = run.stuck() ? NodeKind::Stuck : NodeKind::Decision;
        break;
    case runtime::Phase::Answering:
        s.kind = NodeKind::Check;
        break;
    case runtime::Phase::Continuing:
        s.kind =
            view.check.kind != model::CheckKind::None ? NodeKind::AnsweredCheck : NodeKind::Passage;
        break;
    case runtime::Phase::Ended:
        s.kind = NodeKind::Ending;
        break;
    }
    pace(learning::screen_words(run));
}

records::TimeMs Player::now() const {
    return options_.clock ? options_.clock() : records::now_ms();
}

void Player::pace(std::size_t words) {
    pacer_.show(words, now());
    screen_.scenario.reading = static_cast<float>(pacer_.progress(now()));
}

bool Player::read_enough() const {
    return pacer_.ready(now());
}

int Player::tier_look_of(std::string_view tier_id) const {
    const model::Tier* tier = model::find_by_id(bundle_.tiers, tier_id);
    return tier_look(tier != nullptr ? tier->rank : 0,
                     static_cast<std::uint32_t>(bundle_.tiers.size()));
}

std::vector<ScoreLine> Player::score_lines(const std::vector<runtime::ScoreDelta>& deltas) {
    // The dimensions' names in the language being played.
    const model::Bundle& in = session_ ? session_->run().bundle() : bundle_;
    std::vector<ScoreLine> out;
    for (const runtime::ScoreDelta& d : deltas) {
        const model::Dimension* dim = model::find_by_id(in.dimensions, d.dimension);
        out.push_back({dim != nullptr ? dim->name : std::string(d.dimension), d.delta});
    }
    return out;
}

void Player::choose(const Intent& intent) {
    ScenarioState& s = screen_.scenario;
    if (screen_.id != ScreenId::Scenario || !session_ || s.stage != Stage::Node ||
        s.kind != NodeKind::Decision) {
        return;
    }
    const auto shown = std::find_if(s.choices.begin(), s.choices.end(),
                                    [&](const ChoiceItem& c) { return c.id == intent.id; });
    if (shown == s.choices.end() || !shown->enabled || !read_enough()) {
        return;
    }
    try {
        const runtime::ChoiceResult result = session_->choose(intent.id);
        ChoiceFeedback fb;
        fb.choice_text = shown->text;
        fb.tier_name = std::string(result.tier_name);
        fb.look = tier_look_of(result.tier);
        fb.feedback = std::string(result.feedback);
        fb.scores = score_lines(result.score_changes);
        for (const model::Indicator* indicator : result.newly_noticed) {
            // A confounder is weighed, never "noticed" as a sign.
            (indicator->confounder ? fb.weighed : fb.noticed).push_back(chip_of(*indicator));
        }
        s.error.clear();
        const std::size_t words =
            learning::word_count(fb.choice_text) + learning::word_count(fb.feedback);
        s.choice_feedback = std::move(fb);
        s.stage = Stage::ChoiceFeedback;
        ++screen_.version;
        pace(words);
    } catch (const records::RecordsError& e) {
        failed(intent, e.what());
    } catch (const runtime::RunError& e) {
        screen_.notice = e.what();
    }
}

void Player::answer(const Intent& intent) {
    ScenarioState& s = screen_.scenario;
    if (screen_.id != ScreenId::Scenario || !session_ || s.stage != Stage::Node ||
        s.kind != NodeKind::Check || !read_enough()) {
        return;
    }
    const std::vector<std::string_view> ids(intent.ids.begin(), intent.ids.end());
    try {
        const runtime::CheckResult result = session_->answer(ids);
        CheckFeedback fb;
        fb.correct = result.correct;
        fb.points = score_lines(result.points);
        fb.partly = !result.correct && std::any_of(result.points.begin(), result.points.end(),
                                                   [](const auto& p) { return p.delta > 0; });
        for (const runtime::OptionResult& o : result.options) {
            fb.options.push_back(
                {std::string(o.text), std::string(o.feedback), o.correct, o.picked});
        }
        s.error.clear();
        std::size_t words = 0;
        for (const OptionOutcome& o : fb.options) {
            words += learning::word_count(o.text) + learning::word_count(o.feedback);
        }
        s.check_feedback = std::move(fb);
        s.stage = Stage::CheckFeedback;
        ++screen_.version;
        pace(words);
    } catch (const records::RecordsError& e) {
        failed(intent, e.what());
    } catch (const runtime::RunError& e) {
        screen_.notice = e.what();
    }
}

void Player::proceed(const Intent& intent) {
    ScenarioState& s = screen_.scenario;
    if (screen_.id != ScreenId::Scenario || !session_) {
        return;
    }
    if (s.stage == Stage::Intro) {
        begin();
        return;
    }
    if (!read_enough()) {
        return; // paced play: the screen's reading time has not passed yet
    }
    if (s.stage == Stage::ChoiceFeedback) {
        show_node(); // the run already stands at the choice's target
        return;
    }
    if (s.stage == Stage::Node && s.kind == NodeKind::Ending) {
        finish(intent);
        return;
    }
    const bool leave = s.stage == Stage::CheckFeedback ||
                       (s.stage == Stage::Node &&
                        (s.kind == NodeKind::Passage || s.kind == NodeKind::AnsweredCheck));
    if (!leave) {
        return;
    }
    try {
        session_->advance();
        show_node();
    } catch (const records::RecordsError& e) {
        failed(intent, e.what());
    }
}

void Player::finish(const Intent& intent) {
    const model::Course* course = model::find_by_id(bundle_.courses, course_id_);
    const std::uint32_t passing = course != nullptr ? course->passing_score : 0;
    records::AttemptResult result;
    bool completed = false;
    try {
        const learning::Finished finished = learning_.finish(*session_, course);
        result = finished.result;
        completed = finished.completion.has_value();
    } catch (const records::RecordsError& e) {
        failed(intent, e.what());
        return;
    }
    const runtime::Debrief d = session_->run().debrief();
    fresh(ScreenId::Debrief);
    DebriefState& out = screen_.debrief;
    out = {};
    out.scenario_id = std::string(d.scenario);
    out.title = std::string(d.title);
    out.outcome = std::string(d.outcome_name.empty() ? d.outcome : d.outcome_name);
    for (const std::string_view p : d.text) {
        out.text.emplace_back(p);
    }
    out.percent = static_cast<int>(std::lround(result.scaled() * 100.0));
    out.passing_score = static_cast<int>(passing);
    out.passed = result.passed;
    for (const runtime::DimensionScore& score : d.scores) {
        out.scores.push_back(
            {std::string(score.name), score.score, score.min, score.max, score.percent()});
    }
    for (const model::Indicator* i : d.noticed) {
        out.noticed.push_back(chip_of(*i));
    }
    for (const model::Indicator* i : d.missed) {
        out.missed.push_back(chip_of(*i));
    }
    for (const model::Indicator* i : d.confounders) {
        out.confounders.push_back(chip_of(*i));
    }
    const auto count = static_cast<std::uint32_t>(bundle_.tiers.size());
    for (const runtime::Decision& decision : d.decisions) {
        out.decisions.push_back({std::string(decision.choice_text), std::string(decision.tier_name),
                                 tier_look(decision.tier_rank, count)});
    }
    for (const runtime::CheckOutcome& c : d.checks) {
        out.checks.push_back({std::string(c.prompt), c.correct});
    }
    out.response = std::string(d.response);
    out.report = std::string(d.report);
    if (completed && course != nullptr) {
        // In the language the scenario was played in.
        const model::Course* played =
            model::find_by_id(session_->run().bundle().courses, course->id);
        out.completed_course = (played != nullptr ? played : course)->title;
        out.closing = (played != nullptr ? played : course)->closing;
    }
    session_.reset();
    if (course != nullptr) {
        show_credit(*course);
    }
}
} // namespace sightline::ui
