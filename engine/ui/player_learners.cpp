// The player controller: the welcome screen's learners, creating and selecting
// one, and the learner's language preference.
#include "i18n/i18n.hpp"
#include "learning/delivery.hpp"
#include "ui/player.hpp"
#include "ui/player_text.hpp"

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
} // namespace

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

} // namespace sightline::ui
