// The player controller: its construction, the intents it applies, going back,
// and the per-frame tick. What each screen shows is built in player_*.cpp.
#include "ui/player.hpp"

#include "classroom/report.hpp"
#include "classroom/views.hpp"
#include "i18n/i18n.hpp"
#include "learning/delivery.hpp"

namespace sightline::ui {

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

} // namespace sightline::ui
