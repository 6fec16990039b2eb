#include "ui/player.hpp"

#include "classroom/report.hpp"
#include "classroom/views.hpp"
#include "i18n/i18n.hpp"
#include "learning/delivery.hpp"
#include "model/link.hpp"
#include "runtime/errors.hpp"
#include "ui/player_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace sightline::ui {

namespace {

std::string learner_detail(const records::Learner& l) {
    std::string out = l.profession;
    const auto add = [&out](const std::string& part) {
        out += (out.empty() ? "" : " \u00B7 ") + part;
    };
    if (!l.licence_number.empty()) {
        // TRANSLATORS: {1} is a licence number, {2} the state that issued it.
        add(l.licence_state.empty()
                ? i18n::format(i18n::tr("licence {1}"), {l.licence_number})
                : i18n::format(i18n::tr("licence {1} ({2})"), {l.licence_number, l.licence_state}));
    }
    if (!l.job_role.empty()) {
        add(l.job_role);
    }
    if (!l.site.empty()) {
        add(l.site);
    }
    return out;
}

Progress progress_of(learning::ScenarioState state) {
    switch (state) {
    case learning::ScenarioState::NotStarted:
        return Progress::NotStarted;
    case learning::ScenarioState::InProgress:
        return Progress::InProgress;
    case learning::ScenarioState::Completed:
        return Progress::Completed;
    }
    return Progress::NotStarted;
}

Chip chip_of(const model::Indicator& indicator) {
    return {indicator.name, indicator.description};
}

} // namespace

Player::Player(const model::Bundle& bundle, learning::BundleInfo info, records::Store& store,
               PlayerOptions options)
    : bundle_(bundle), info_(std::move(info)), store_(store), options_(std::move(options)),
      learning_(store, bundle, info_,
                {options_.config_dir, options_.certificates_dir, options_.seed}),
      help_(help_content(bundle)), language_(options_.language) {
    screen_.help.hotlines = help_.hotlines;
    screen_.help.emergency = help_.emergency;
    // --lang: the welcome screen already speaks it, when the courses do.
    if (const std::string found = learning::match_language(learning_.languages(), language_);
        !language_.empty() && !found.empty()) {
        i18n::set_language(found);
    }
    show_welcome();
}

void Player::fresh(ScreenId id) {
    screen_.id = id;
    screen_.notice.clear();
    ++screen_.version;
}

void Player::apply(const Intent& intent) {
    switch (intent.kind) {
    case IntentKind::SelectLearner:
        select_learner(intent.id);
        break;
    case IntentKind::CreateLearner:
        create_learner(intent.learner);
        break;
    case IntentKind::SwitchLearner:
        session_.reset();
        learning_.clear_learner();
        language_ = options_.language; // the next learner's own preference counts
        screen_.learner_name.clear();
        show_welcome();
        break;
    case IntentKind::OpenCourse:
        if (has_learner()) {
            show_course(intent.id);
        }
        break;
    case IntentKind::StartScenario:
    case IntentKind::ResumeScenario:
        if (has_learner() && !course_id_.empty()) {
            start_scenario(intent.id, intent.kind == IntentKind::ResumeScenario);
        }
        break;
    case IntentKind::Begin:
        begin();
        break;
    case IntentKind::Choose:
        choose(intent);
        break;
    case IntentKind::Answer:
        answer(intent);
        break;
    case IntentKind::Continue:
        proceed(intent);
        break;
    case IntentKind::Retry:
        if (pending_) {
            const Intent again = pending_;
            pending_ = {};
            apply(again);
        }
        break;
    case IntentKind::Back:
        back();
        break;
    case IntentKind::Attest:
        attest();
        break;
    case IntentKind::IssueCertificate:
        issue_certificate();
        break;
    case IntentKind::ClassroomSetup:
        if (has_learner() && !course_id_.empty()) {
            open_classroom_setup(intent.id);
        }
        break;
    case IntentKind::StartClassroom:
        if (screen_.id == ScreenId::ClassroomSetup) {
            start_classroom(intent.classroom);
        }
        break;
    case IntentKind::Classroom:
        classroom_step(intent);
        break;
    case IntentKind::ToggleHelp:
        screen_.help.open = !screen_.help.open;
        ++screen_.version;
        break;
    case IntentKind::SetLanguage:
        if (has_learner()) {
            set_language(intent.id);
        }
        break;
    case IntentKind::None:
    case IntentKind::ScaleUp:
    case IntentKind::ScaleDown:
    case IntentKind::SetScale:
    case IntentKind::SetTheme:
    case IntentKind::ToggleProjector:
    case IntentKind::Quit:
        break;
    }
}

void Player::failed(const Intent& intent, const std::string& what) {
    pending_ = intent;
    if (screen_.id == ScreenId::Debrief) {
        screen_.debrief.error = what;
    } else {
        screen_.scenario.error = what;
    }
}

// ---------------------------------------------------------------- learners

void Player::show_welcome() {
    fresh(ScreenId::Welcome);
    screen_.credit = {};
    WelcomeState& w = screen_.welcome;
    w.learners.clear();
    w.error.clear();
    w.job_roles = learning_.job_roles();
    w.records_location = learning::records_sentence(store_, shown_path(store_.location()));
    try {
        for (const records::Learner& l : learning_.learners()) {
            w.learners.push_back({l.id, l.display_name, learner_detail(l)});
        }
    } catch (const records::RecordsError& e) {
        screen_.notice = e.what();
    }
}

void Player::select_learner(const std::string& id) {
    try {
        if (!learning_.select_learner(id)) {
            screen_.welcome.error = i18n::tr("That learner profile no longer exists.");
            return;
        }
        screen_.learner_name = learning_.learner()->display_name;
        show_catalogue();
    } catch (const records::RecordsError& e) {
        screen_.notice = e.what();
    }
}

void Player::create_learner(const LearnerForm& form) {
    try {
        const records::Learner learner =
            learning_.add_learner({form.name, form.profession, form.licence_number,
                                   form.licence_state, form.hire_date, form.job_role, form.site});
        screen_.welcome.form = {};
        select_learner(learner.id);
    } catch (const learning::LearnerError& e) {
        screen_.welcome.error = e.what();
    } catch (const records::RecordsError& e) {
        screen_.welcome.error = e.what();
    }
}

void Player::set_language(const std::string& tag) {
    const std::string found = learning::match_language(learning_.languages(), tag);
    if (found.empty()) {
        // TRANSLATORS: {1} is a language's name in itself (English, Español).
        screen_.notice = i18n::format(i18n::tr("The courses are not available in {1}."),
                                      {learning::language_name(tag)});
        return;
    }
    language_ = found;
    // The player's own text follows the switch at once, as the courses do.
    i18n::set_language(found);
    std::string problem;
    try {
        learning_.set_language_preference(found);
    } catch (const records::RecordsError& e) {
        // TRANSLATORS: {1} is the reason, from the records.
        problem = i18n::format(i18n::tr("Your language could not be kept for next time: {1}"),
                               {e.what()});
    }
    if (screen_.id == ScreenId::CourseMap && !course_id_.empty()) {
        show_course(course_id_);
    } else if (screen_.id == ScreenId::Catalogue) {
        show_catalogue();
    }
    if (!problem.empty()) {
        screen_.notice = problem;
    }
}

// ---------------------------------------------------------------- catalogue

void Player::show_catalogue() {
    session_.reset();
    course_id_.clear();
    screen_.help.scenario_title.clear();
    screen_.help.scenario_report.clear();
    fresh(ScreenId::Catalogue);
    screen_.credit = {};
    CatalogueState& c = screen_.catalogue;
    c.groups.clear();
    c.languages.clear();
    for (const std::string& tag : learning_.languages()) {
        c.languages.push_back({tag, learning::language_name(tag)});
    }
    c.language = learning_.language_for(nullptr, language_).language;
    // The player's own text in the language the switch shows as in use (the
    // learner's preference, --lang or the system's), as the courses are.
    i18n::set_language(c.language);
    try {
        // The help screen's numbers in the same language, from its courses' reporting text.
        const HelpContent help = help_content(learning_.bundle_in(c.language));
        screen_.help.hotlines = help.hotlines.empty() ? help_.hotlines : help.hotlines;
        screen_.help.emergency = help.emergency.empty() ? help_.emergency : help.emergency;
        // The roles' names in the language the switch shows as in use.
        const model::Bundle& listed = learning_.bundle_in(c.language);
        for (const learning::ShelfGroup& shelf : learning_.shelf()) {
            const model::Role* role = model::find_by_id(listed.roles, shelf.role_id);
            RoleGroup group{role != nullptr ? role->name : shelf.role_name, {}};
            for (const model::Course* course : shelf.courses) {
                const learning::CourseProgress progress = learning_.progress(*course);
                // Each course in the language it would be played in.
                const model::Bundle& in =
                    learning_.bundle_in(learning_.language_for(course, language_).language);
                const model::Course* translated = model::find_by_id(in.courses, course->id);
                const model::Course& shown_course = translated != nullptr ? *translated : *course;
                const std::vector<std::string> languages =
                    learning::course_languages(bundle_, *course);
                CourseItem item;
                item.id = course->id;
                item.title = shown_course.title;
                item.description = shown_course.description;
                if (languages.size() > 1) {
                    item.languages = learning::language_names(languages);
                }
                item.scenarios = static_cast<int>(progress.scenarios.size());
                item.required_total = progress.required_total;
                item.required_completed = progress.required_completed;
                item.score_percent = progress.score_percent;
                const bool started = std::any_of(
                    progress.scenarios.begin(), progress.scenarios.end(),
                    [](const auto& s) { return s.state != learning::ScenarioState::NotStarted; });
                item.progress = progress.all_required_completed() && progress.required_total > 0
                                    ? Progress::Completed
                                : started ? Progress::InProgress
                                          : Progress::NotStarted;
                group.courses.push_back(std::move(item));
            }
            c.groups.push_back(std::move(group));
        }
    } catch (const records::RecordsError& e) {
        screen_.notice = e.what();
    }
}

void Player::show_course(const std::string& course_id) {
    const model::Course* course = model::find_by_id(bundle_.courses, course_id);
    if (course == nullptr) {
        // TRANSLATORS: {1} is a course's id.
        screen_.notice =
            i18n::format(i18n::tr("There is no course '{1}' in this bundle."), {course_id});
        return;
    }
    session_.reset();
    course_id_ = course->id;
    const learning::LanguageChoice language = learning_.language_for(course, language_);
    course_language_ = language.language;
    const model::Bundle& in = shown();
    const model::Course* translated = model::find_by_id(in.courses, course->id);
    const model::Course& shown_course = translated != nullptr ? *translated : *course;
    screen_.help.scenario_title.clear();
    screen_.help.scenario_report.clear();
    fresh(ScreenId::CourseMap);
    screen_.notice = language.notice;
    CourseMapState& m = screen_.course;
    m = {};
    m.id = course->id;
    m.title = shown_course.title;
    m.description = shown_course.description;
    m.passing_score = static_cast<int>(course->passing_score);
    m.credit_minutes = static_cast<int>(course->credit_minutes);
    try {
        const learning::CourseProgress progress = learning_.progress(*course);
        m.active_minutes = static_cast<int>(progress.active_ms / 60000);
        m.required_total = progress.required_total;
        m.required_completed = progress.required_completed;
        m.score_percent = progress.score_percent;
        for (const learning::ScenarioProgress& s : progress.scenarios) {
            ScenarioItem item;
            const model::Scenario* translated_scenario =
                model::find_by_id(in.scenarios, s.scenario->id);
            item.id = s.scenario->id;
            item.title = (translated_scenario != nullptr ? translated_scenario : s.scenario)->title;
            item.minutes = s.scenario->minutes;
            item.required = s.required;
            item.progress = progress_of(s.state);
            item.best_percent = s.best_percent;
            item.resumable = s.resume.has_value();
            m.scenarios.push_back(std::move(item));
        }
    } catch (const records::RecordsError& e) {
        screen_.notice = e.what();
    }
    show_credit(*course);
}

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

void Player::tick() {
    screen_.connection = learning::offline_notice(store_.delivery());
    if (screen_.id == ScreenId::Scenario && session_) {
        screen_.scenario.reading = static_cast<float>(pacer_.progress(now()));
    }
    if (sync_phones_changed()) {
        show_classroom();
    }
}

bool Player::reading_paced() const {
    return screen_.id == ScreenId::Scenario && session_ && !pacer_.ready(now());
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

void Player::back() {
    if (screen_.help.open) {
        screen_.help.open = false;
        ++screen_.version;
        return;
    }
    pending_ = {};
    switch (screen_.id) {
    case ScreenId::Welcome:
        break;
    case ScreenId::Catalogue:
        learning_.clear_learner();
        screen_.learner_name.clear();
        show_welcome();
        break;
    case ScreenId::CourseMap:
        show_catalogue();
        break;
    case ScreenId::ClassroomSetup:
        show_course(course_id_);
        break;
    case ScreenId::Classroom:
        screen_.classroom.confirm_leave = true; // Esc asks first
        break;
    case ScreenId::Scenario:
    case ScreenId::Debrief:
        // An unfinished attempt stays in the records: the course map offers to resume it.
        show_course(course_id_);
        break;
    }
}

} // namespace sightline::ui
