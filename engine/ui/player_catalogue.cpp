// The player controller: the catalogue of courses and a course's map of
// scenarios, in the language each is played in.
#include "i18n/i18n.hpp"
#include "model/link.hpp"
#include "ui/player.hpp"

#include <algorithm>

namespace sightline::ui {

namespace {

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

} // namespace

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

} // namespace sightline::ui
