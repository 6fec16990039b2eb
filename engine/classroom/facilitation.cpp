#include "classroom/facilitation.hpp"

#include "i18n/i18n.hpp"
#include "model/analysis.hpp"

#include <algorithm>

namespace sightline::classroom {

namespace {

std::string quoted(std::string_view text) {
    return "'" + std::string(text) + "'";
}

std::string list_of(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) {
            // TRANSLATORS: joins the last of a list of tied choices: "1 (a), 2 (b) and 3 (c)".
            out = i18n::format(i + 1 == items.size() ? i18n::tr("{1} and {2}") : "{1}, {2}",
                               {out, items[i]});
        } else {
            out = items[i];
        }
    }
    return out;
}

} // namespace

Facilitation::Facilitation(const model::Bundle& bundle, Setup setup, records::Store* store,
                           learning::BundleInfo info, Clock clock)
    : setup_(std::move(setup)), clock_(clock ? std::move(clock) : Clock(records::now_ms)),
      run_(bundle, setup_.scenario_id, setup_.options), store_(store) {
    if (setup_.name.find_first_not_of(" \t\r\n") == std::string::npos) {
        throw FacilitationError(i18n::tr("a classroom session needs a name"));
    }
    if (setup_.head_count < 0) {
        // TRANSLATORS: {1} is the number given as the head count.
        throw FacilitationError(i18n::format(i18n::tr("the head count cannot be negative ({1})"),
                                             {std::to_string(setup_.head_count)}));
    }
    started_ = clock_();
    if (store_ != nullptr) {
        learning::SessionStart start;
        start.course_id = setup_.course_id;
        start.scenario_id = setup_.scenario_id;
        start.options = setup_.options;
        start.mode = records::Mode::Classroom;
        start.language = setup_.language;
        recorder_ = learning::Recorder::start(*store_, run_, info, start, started_);
        store_->record_classroom_session(
            {recorder_->attempt().id, setup_.name, setup_.facilitator, setup_.head_count});
    }
    enter_node(started_);
}

std::string Facilitation::attempt_id() const {
    return recorder_ ? recorder_->attempt().id : std::string();
}

const runtime::Run& Facilitation::shown_run() const {
    if (stage_ == Stage::Feedback && choice_result_ && !snapshots_.empty()) {
        return snapshots_.back().run;
    }
    return run_;
}

bool Facilitation::at_question() const {
    return stage_ != Stage::Passage && stage_ != Stage::Ended;
}

bool Facilitation::at_check() const {
    return at_question() && shown_run().node().has_check();
}

std::size_t Facilitation::option_count() const {
    return votes_.size();
}

std::vector<std::int64_t> Facilitation::votes() const {
    std::vector<std::int64_t> all = votes_;
    for (std::size_t i = 0; i < all.size() && i < phone_votes_.size(); ++i) {
        all[i] += phone_votes_[i];
    }
    return all;
}

Tally Facilitation::tally() const {
    return tally_votes(votes(), at_check() ? shown_run().node().check.kind : model::CheckKind::None,
                       setup_.head_count);
}

const runtime::ChoiceResult* Facilitation::choice_result() const {
    return stage_ == Stage::Feedback && choice_result_ ? &*choice_result_ : nullptr;
}

const runtime::CheckResult* Facilitation::check_result() const {
    return stage_ == Stage::Feedback && check_result_ ? &*check_result_ : nullptr;
}

std::vector<Control> Facilitation::controls() const {
    std::vector<Control> out;
    if (finished_) {
        return out;
    }
    switch (stage_) {
    case Stage::Situation:
        out = {Control::Discuss, Control::OpenVoting};
        break;
    case Stage::Discussion:
        out = {Control::OpenVoting};
        break;
    case Stage::Voting:
        out = {Control::EnterVotes, Control::Lock};
        break;
    case Stage::Locked:
        out = {Control::Unlock, Control::Reveal};
        break;
    case Stage::Revealed:
        if (tally().has_answer()) {
            out.push_back(Control::TakeMajority);
        }
        out.push_back(Control::Pick);
        out.push_back(Control::Unlock);
        break;
    case Stage::Feedback:
    case Stage::Passage:
        out = {Control::Continue};
        break;
    case Stage::Ended:
        out = {Control::Finish};
        break;
    }
    if (std::any_of(path_.begin(), path_.end(), [](const PathPoint& p) { return p.picked; })) {
        out.push_back(Control::GoBack);
    }
    if (stage_ != Stage::Ended) {
        out.push_back(Control::Abandon);
    }
    return out;
}

std::optional<Control> Facilitation::forward_control() const {
    if (finished_) {
        return std::nullopt;
    }
    switch (stage_) {
    case Stage::Situation:
        return shown_run().node().discussion_prompts.empty() ? Control::OpenVoting
                                                             : Control::Discuss;
    case Stage::Discussion:
        return Control::OpenVoting;
    case Stage::Voting:
        return Control::Lock;
    case Stage::Locked:
        return Control::Reveal;
    case Stage::Revealed:
        if (tally().has_answer()) {
            return Control::TakeMajority;
        }
        return std::nullopt;
    case Stage::Feedback:
    case Stage::Passage:
        return Control::Continue;
    case Stage::Ended:
        return std::nullopt;
    }
    return std::nullopt;
}

// --- checks ---

void Facilitation::require_open() const {
    if (finished_) {
        throw FacilitationError(i18n::tr("the session has finished; start a new one to continue"));
    }
}

void Facilitation::require_stage(Stage wanted, const char* action) const {
    require_open();
    if (stage_ == wanted) {
        return;
    }
    // TRANSLATORS: the reasons after "cannot ... now:": why a step cannot be taken at this
    // stage of a classroom session.
    std::string why;
    switch (stage_) {
    case Stage::Passage:
        why = i18n::tr("this part of the story has no question; continue instead");
        break;
    case Stage::Ended:
        why = i18n::tr(
            "the scenario has ended; go back to explore another branch, or finish the session");
        break;
    case Stage::Feedback:
        why = i18n::tr("the pick has been made; continue, or go back to explore another branch");
        break;
    case Stage::Situation:
    case Stage::Discussion:
        why = i18n::tr("voting has not been opened yet");
        break;
    case Stage::Voting:
        why = i18n::tr("voting is still open; lock it first");
        break;
    case Stage::Locked:
        why = i18n::tr("voting is locked and the tally not yet revealed");
        break;
    case Stage::Revealed:
        why = i18n::tr("the tally has been revealed; take the majority or pick a choice");
        break;
    }
    // TRANSLATORS: {1} is a step a facilitator tried ("open voting", "reveal the tally"), {2}
    // the reason it cannot be taken now.
    throw FacilitationError(i18n::format(i18n::tr("cannot {1} now: {2}."), {action, why}));
}

void Facilitation::require_votable(std::size_t index) const {
    require_open();
    if (stage_ != Stage::Voting) {
        throw FacilitationError(
            stage_ == Stage::Locked || stage_ == Stage::Revealed
                ? i18n::tr("voting is locked; unlock it to change the votes.")
            : stage_ == Stage::Situation || stage_ == Stage::Discussion
                ? i18n::tr("voting is not open; open voting before entering votes.")
                : i18n::tr("there is nothing to vote on here."));
    }
    if (index >= votes_.size()) {
        // TRANSLATORS: {1} is the number asked for, {2} how many there are.
        throw FacilitationError(
            i18n::format(at_check() ? i18n::tr("there is no option {1} here; there are {2}.")
                                    : i18n::tr("there is no choice {1} here; there are {2}."),
                         {std::to_string(index + 1), std::to_string(votes_.size())}));
    }
    if (!at_check()) {
        const auto choices = run_.choices();
        if (!choices[index].enabled) {
            // TRANSLATORS: {1} is a choice's number.
            throw FacilitationError(
                i18n::format(i18n::tr("choice {1} is not available here and cannot take votes."),
                             {std::to_string(index + 1)}));
        }
    }
}

// --- intents ---

void Facilitation::discuss() {
    require_stage(Stage::Situation, i18n::tr("step", "start the discussion"));
    stage_ = Stage::Discussion;
}

void Facilitation::open_voting() {
    require_open();
    if (stage_ != Stage::Situation && stage_ != Stage::Discussion) {
        require_stage(Stage::Situation, i18n::tr("step", "open voting"));
    }
    if (votes_.empty()) {
        throw FacilitationError(
            i18n::tr("cannot open voting: this decision has no choices to vote on."));
    }
    stage_ = Stage::Voting;
}

std::int64_t Facilitation::vote_up(std::size_t index) {
    require_votable(index);
    return ++votes_[index];
}

std::int64_t Facilitation::vote_down(std::size_t index) {
    require_votable(index);
    if (votes_[index] > 0) {
        --votes_[index];
    }
    return votes_[index];
}

void Facilitation::set_votes(std::size_t index, std::int64_t count) {
    require_votable(index);
    if (count < 0) {
        // TRANSLATORS: {1} is the number given.
        throw FacilitationError(i18n::format(i18n::tr("a vote count cannot be negative ({1})."),
                                             {std::to_string(count)}));
    }
    votes_[index] = count;
}

void Facilitation::clear_votes() {
    require_stage(Stage::Voting, i18n::tr("step", "clear the votes"));
    std::fill(votes_.begin(), votes_.end(), 0);
}

void Facilitation::set_phone_votes(const std::vector<std::int64_t>& counts) {
    require_stage(Stage::Voting, i18n::tr("step", "take the phones' votes"));
    if (counts.size() != votes_.size()) {
        // TRANSLATORS: {1} is how many options the phones voted on, {2} how many there are.
        throw FacilitationError(
            i18n::format(i18n::tr("the phones voted on {1} options, but there are {2} here."),
                         {std::to_string(counts.size()), std::to_string(votes_.size())}));
    }
    const auto choices = at_check() ? decltype(run_.choices()){} : run_.choices();
    for (std::size_t i = 0; i < counts.size(); ++i) {
        if (counts[i] < 0) {
            throw FacilitationError(i18n::format(i18n::tr("a vote count cannot be negative ({1})."),
                                                 {std::to_string(counts[i])}));
        }
        if (counts[i] > 0 && i < choices.size() && !choices[i].enabled) {
            throw FacilitationError(
                i18n::format(i18n::tr("choice {1} is not available here and cannot take votes."),
                             {std::to_string(i + 1)}));
        }
    }
    phone_votes_ = counts;
}

void Facilitation::lock() {
    require_stage(Stage::Voting, i18n::tr("step", "lock voting"));
    stage_ = Stage::Locked;
}

void Facilitation::unlock() {
    require_open();
    if (stage_ != Stage::Locked && stage_ != Stage::Revealed) {
        require_stage(Stage::Locked, i18n::tr("step", "unlock voting"));
    }
    stage_ = Stage::Voting;
}

void Facilitation::reveal() {
    require_stage(Stage::Locked, i18n::tr("step", "reveal the tally"));
    stage_ = Stage::Revealed;
}

void Facilitation::take_majority() {
    require_stage(Stage::Revealed, i18n::tr("step", "take the majority"));
    const Tally t = tally();
    if (t.total == 0) {
        throw FacilitationError(
            i18n::tr("no votes have been entered; unlock voting to enter them, or pick a choice."));
    }
    const std::vector<std::string> ids = option_ids();
    if (t.tie) {
        std::vector<std::string> tied;
        for (const std::size_t i : t.leaders) {
            tied.push_back(std::to_string(i + 1) + " (" + ids[i] + ")");
        }
        const std::int64_t each = t.counts[t.leaders[0]];
        // TRANSLATORS: {1} lists the tied choices ("1 (a) and 2 (b)"), {2} the votes each has.
        // The English says "votes" even for one.
        throw FacilitationError(i18n::format(
            i18n::tr_n("the vote is tied between {1} with {2} votes each; pick one of them, or any "
                       "other choice.",
                       "the vote is tied between {1} with {2} votes each; pick one of them, or any "
                       "other choice.",
                       static_cast<unsigned long>(each)),
            {list_of(tied), std::to_string(each)}));
    }
    if (at_check()) {
        do_pick_options(t.leaders, Decided::Majority);
    } else {
        do_pick_choice(t.leaders[0], Decided::Majority);
    }
}

void Facilitation::pick(std::string_view choice_id) {
    require_stage(Stage::Revealed, i18n::tr("step", "pick a choice"));
    if (at_check()) {
        throw FacilitationError(
            i18n::tr("this is a knowledge check; pick options instead of a choice."));
    }
    const auto choices = run_.choices();
    const auto it = std::find_if(choices.begin(), choices.end(),
                                 [&](const runtime::ChoiceView& c) { return c.id == choice_id; });
    if (it == choices.end()) {
        // TRANSLATORS: {1} is a choice's id in quotes.
        throw FacilitationError(i18n::format(i18n::tr("there is no choice {1} at this decision."),
                                             {quoted(choice_id)}));
    }
    if (!it->enabled) {
        // TRANSLATORS: {1} is a choice's id in quotes.
        throw FacilitationError(
            i18n::format(i18n::tr("choice {1} is not available here."), {quoted(choice_id)}));
    }
    const auto index = static_cast<std::size_t>(it - choices.begin());
    do_pick_choice(index, decided_by(tally(), model::CheckKind::None, {index}));
}

void Facilitation::pick_options(const std::vector<std::string_view>& option_ids_in) {
    require_stage(Stage::Revealed, i18n::tr("step", "pick the answer"));
    if (!at_check()) {
        throw FacilitationError(i18n::tr("this is a decision; pick a choice instead of options."));
    }
    const model::KnowledgeCheck& check = run_.node().check;
    std::vector<std::size_t> picked;
    for (const std::string_view id : option_ids_in) {
        const auto it = std::find_if(check.options.begin(), check.options.end(),
                                     [&](const model::CheckOption& o) { return o.id == id; });
        if (it == check.options.end()) {
            // TRANSLATORS: {1} is an option's id in quotes.
            throw FacilitationError(
                i18n::format(i18n::tr("there is no option {1} in this question."), {quoted(id)}));
        }
        const auto index = static_cast<std::size_t>(it - check.options.begin());
        if (std::find(picked.begin(), picked.end(), index) != picked.end()) {
            // TRANSLATORS: {1} is an option's id in quotes.
            throw FacilitationError(
                i18n::format(i18n::tr("option {1} is picked twice."), {quoted(id)}));
        }
        picked.push_back(index);
    }
    if (check.kind == model::CheckKind::Single && picked.size() != 1) {
        // TRANSLATORS: {1} is how many options were picked (never 1).
        throw FacilitationError(
            i18n::format(i18n::tr("this question takes exactly one answer, not {1}."),
                         {std::to_string(picked.size())}));
    }
    std::sort(picked.begin(), picked.end());
    do_pick_options(picked, decided_by(tally(), check.kind, picked));
}

void Facilitation::advance() {
    require_open();
    const records::TimeMs when = clock_();
    if (stage_ == Stage::Feedback && choice_result_) {
        // The run entered the choice's target when the pick was made.
        if (recorder_) {
            recorder_->record_advance(when);
        }
        enter_node(when);
        return;
    }
    if (stage_ != Stage::Feedback && stage_ != Stage::Passage) {
        require_stage(Stage::Passage, i18n::tr("step", "continue"));
    }
    runtime::Run next = run_;
    next.advance();
    if (recorder_) {
        recorder_->record_advance(when);
    }
    run_ = std::move(next);
    enter_node(when);
}

void Facilitation::go_back(std::size_t index) {
    require_open();
    if (index >= path_.size()) {
        // TRANSLATORS: {1} is the decision's number asked for, {2} how many the path has.
        throw FacilitationError(
            i18n::format(i18n::tr("there is no decision {1} on this path; it has {2}."),
                         {std::to_string(index + 1), std::to_string(path_.size())}));
    }
    if (!path_[index].picked) {
        // TRANSLATORS: {1} is a decision's number on the path.
        throw FacilitationError(i18n::format(
            i18n::tr("decision {1} is the current one; there is nothing to go back to."),
            {std::to_string(index + 1)}));
    }
    const records::TimeMs when = clock_();
    if (recorder_) {
        recorder_->record_advance(when);
    }
    run_ = snapshots_[index].run;
    votes_ = snapshots_[index].votes;
    phone_votes_ = snapshots_[index].phone_votes;
    const auto keep = static_cast<std::ptrdiff_t>(index + 1);
    path_.erase(path_.begin() + keep, path_.end());
    snapshots_.erase(snapshots_.begin() + keep, snapshots_.end());
    PathPoint& point = path_.back();
    point.picked = false;
    point.chosen.clear();
    point.chosen_text.clear();
    point.decided = Decided::Majority;
    choice_result_.reset();
    check_result_.reset();
    decided_.reset();
    branch_ = ++branches_;
    shown_at_ = when;
    stage_ = Stage::Revealed;
}

void Facilitation::back() {
    require_open();
    for (std::size_t i = path_.size(); i-- > 0;) {
        if (path_[i].picked) {
            go_back(i);
            return;
        }
    }
    throw FacilitationError(i18n::tr("there is no earlier decision to go back to."));
}

void Facilitation::forward() {
    require_open();
    const std::optional<Control> control = forward_control();
    if (!control) {
        if (stage_ == Stage::Revealed) {
            take_majority(); // throws the reason: a tie or no votes
        }
        throw FacilitationError(stage_ == Stage::Ended
                                    ? i18n::tr("the scenario has ended; go back to explore another "
                                               "branch, or finish the session.")
                                    : i18n::tr("there is no next step here."));
    }
    switch (*control) {
    case Control::Discuss:
        discuss();
        break;
    case Control::OpenVoting:
        open_voting();
        break;
    case Control::Lock:
        lock();
        break;
    case Control::Reveal:
        reveal();
        break;
    case Control::TakeMajority:
        take_majority();
        break;
    case Control::Continue:
        advance();
        break;
    default:
        throw FacilitationError(i18n::tr("there is no next step here."));
    }
}

void Facilitation::set_head_count(std::int64_t head_count) {
    require_open();
    if (head_count < 0) {
        throw FacilitationError(i18n::format(i18n::tr("the head count cannot be negative ({1})"),
                                             {std::to_string(head_count)}));
    }
    if (store_ != nullptr && recorder_) {
        store_->record_classroom_session(
            {recorder_->attempt().id, setup_.name, setup_.facilitator, head_count});
    }
    setup_.head_count = head_count;
}

void Facilitation::finish() {
    require_stage(Stage::Ended, i18n::tr("step", "finish the session"));
    if (recorder_) {
        std::uint32_t passing = 0;
        for (const model::Course& course : bundle().courses) {
            if (course.id == setup_.course_id) {
                passing = course.passing_score;
            }
        }
        recorder_->record_finish(run_, passing, clock_());
    }
    finished_ = true;
}

void Facilitation::abandon() {
    require_open();
    if (recorder_ && store_ != nullptr) {
        store_->abandon_attempt(recorder_->attempt().id, clock_());
    }
    finished_ = true;
}

// --- internals ---

void Facilitation::enter_node(records::TimeMs when) {
    choice_result_.reset();
    check_result_.reset();
    decided_.reset();
    shown_at_ = when;
    votes_.clear();
    phone_votes_.clear();
    switch (run_.phase()) {
    case runtime::Phase::Choosing:
    case runtime::Phase::Answering:
        stage_ = Stage::Situation;
        votes_.assign(run_.phase() == runtime::Phase::Choosing ? run_.choices().size()
                                                               : run_.node().check.options.size(),
                      0);
        phone_votes_.assign(votes_.size(), 0);
        path_.push_back(
            {run_.node().id, run_.node().has_check(), false, {}, {}, Decided::Majority});
        snapshots_.push_back({run_, votes_, phone_votes_});
        break;
    case runtime::Phase::Continuing:
        stage_ = Stage::Passage;
        break;
    case runtime::Phase::Ended:
        stage_ = Stage::Ended;
        break;
    }
}

std::vector<std::string> Facilitation::option_ids() const {
    std::vector<std::string> ids;
    const runtime::Run& shown = shown_run();
    if (shown.node().has_check()) {
        for (const model::CheckOption& o : shown.node().check.options) {
            ids.push_back(o.id);
        }
    } else {
        for (const runtime::ChoiceView& c : shown.choices()) {
            ids.emplace_back(c.id);
        }
    }
    return ids;
}

std::vector<records::VoteCount> Facilitation::vote_counts() const {
    const std::vector<std::string> ids = option_ids();
    std::vector<records::VoteCount> out;
    for (std::size_t i = 0; i < ids.size() && i < votes_.size(); ++i) {
        out.push_back({ids[i], votes_[i] + phone_votes_[i], phone_votes_[i]});
    }
    return out;
}

void Facilitation::add_classroom(records::Event& event) const {
    event.votes = vote_counts();
    event.branch = branch_;
}

void Facilitation::record_pick(records::Event event, records::TimeMs when) {
    event.time = when;
    event.time_on_node_ms = std::max<records::TimeMs>(0, when - shown_at_);
    event.sequence = static_cast<std::uint32_t>(log_.size() + 1);
    if (recorder_) {
        event.attempt_id = recorder_->attempt().id;
        event.sequence = recorder_->attempt().events; // already counted by the recorder
    }
    log_.push_back(std::move(event));
}

void Facilitation::do_pick_choice(std::size_t index, Decided decided) {
    const records::TimeMs when = clock_();
    const auto choices = run_.choices();
    const std::string_view id = choices.at(index).id;
    runtime::Run next = run_;
    runtime::ChoiceResult result = next.choose(id);
    // The same event as the recorder's, kept for the report (also of a dry run).
    records::Event event = learning::choice_event(run_, id, result);
    add_classroom(event);
    if (recorder_) {
        recorder_->set_classroom(event.votes, branch_);
        recorder_->record_choice(run_, next, id, result, when);
    }
    record_pick(std::move(event), when);

    PathPoint& point = path_.back();
    point.picked = true;
    point.chosen = {std::string(id)};
    point.chosen_text = std::string(choices[index].text);
    point.decided = decided;
    snapshots_.back().votes = votes_;
    snapshots_.back().phone_votes = phone_votes_;
    run_ = std::move(next);
    choice_result_ = std::move(result);
    decided_ = decided;
    stage_ = Stage::Feedback;
}

void Facilitation::do_pick_options(const std::vector<std::size_t>& picked, Decided decided) {
    const records::TimeMs when = clock_();
    const model::KnowledgeCheck& check = run_.node().check;
    std::vector<std::string_view> ids;
    std::string texts;
    for (const std::size_t i : picked) {
        ids.emplace_back(check.options.at(i).id);
        if (!texts.empty()) {
            texts += "; ";
        }
        texts += check.options[i].text;
    }
    runtime::Run next = run_;
    runtime::CheckResult result = next.answer(ids);
    records::Event event = learning::answer_event(run_, ids, result);
    add_classroom(event);
    if (recorder_) {
        recorder_->set_classroom(event.votes, branch_);
        recorder_->record_answer(run_, next, ids, result, when);
    }
    record_pick(std::move(event), when);

    PathPoint& point = path_.back();
    point.picked = true;
    point.chosen.assign(ids.begin(), ids.end());
    point.chosen_text = texts;
    point.decided = decided;
    snapshots_.back().votes = votes_;
    snapshots_.back().phone_votes = phone_votes_;
    run_ = std::move(next);
    check_result_ = std::move(result);
    decided_ = decided;
    stage_ = Stage::Feedback;
}

} // namespace sightline::classroom
