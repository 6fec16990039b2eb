// The player controller: running a classroom session.
#include "classroom/report.hpp"
#include "classroom/views.hpp"
#include "model/link.hpp"
#include "records/paths.hpp"
#include "ui/player.hpp"
#include "ui/player_text.hpp"

#include <algorithm>

namespace sightline::ui {

// ---------------------------------------------------------------- classroom

void Player::open_classroom_setup(const std::string& scenario_id) {
    const auto [scenario, course] = find_in_course(scenario_id);
    if (scenario == nullptr) {
        return;
    }
    session_.reset();
    classroom_.reset();
    fresh(ScreenId::ClassroomSetup);
    ClassroomSetupState& c = screen_.classroom_setup;
    c = {};
    c.scenario_id = scenario->id;
    c.scenario_title = scenario->title;
    c.course_title = course->title;
    screen_.help.scenario_title = scenario->title;
    screen_.help.scenario_report = scenario->report;
}

void Player::start_classroom(const ClassroomForm& form) {
    ClassroomSetupState& c = screen_.classroom_setup;
    const model::Scenario* scenario = model::find_by_id(bundle_.scenarios, c.scenario_id);
    if (scenario == nullptr) {
        return;
    }
    classroom::Setup setup;
    setup.name = trimmed(form.name);
    setup.facilitator = trimmed(form.facilitator);
    setup.head_count = form.head_count;
    setup.course_id = course_id_;
    setup.scenario_id = scenario->id;
    setup.options = learning::run_options(options_.seed); // the room sees a seeded order too
    setup.language = scenario->language.empty() ? "en" : scenario->language;
    if (setup.name.empty()) {
        c.error = "Please give the session a name, for example \u201CNight shift in-service, 3 "
                  "March\u201D.";
        return;
    }
    if (setup.head_count < 0) {
        c.error = "The head count cannot be negative; use 0 when you do not know it.";
        return;
    }
    try {
        classroom_.emplace(bundle_, std::move(setup), &store_, info_, options_.clock);
    } catch (const std::exception& e) {
        // FacilitationError, runtime::RunError, records::RecordsError.
        classroom_.reset();
        c.error = std::string("The session could not be started: ") + e.what();
        return;
    }
    c.form = {};
    c.error.clear();
    fresh(ScreenId::Classroom);
    screen_.classroom = {};
    show_classroom();
}

void Player::show_classroom() {
    ClassroomState& c = screen_.classroom;
    c.audience = classroom::audience_state(*classroom_);
    c.presenter = classroom::presenter_state(*classroom_);
    if (c.selected >= c.presenter.choices.size()) {
        c.selected = 0;
    }
}

void Player::end_classroom() {
    ClassroomState& c = screen_.classroom;
    const std::filesystem::path dir =
        !options_.classroom_reports_dir.empty() ? options_.classroom_reports_dir
        : std::filesystem::path(store_.location()).has_parent_path()
            ? std::filesystem::path(store_.location()).parent_path() / "classroom-reports"
            : records::default_data_dir() / "classroom-reports";
    try {
        const classroom::SessionReport report = classroom::make_report(*classroom_);
        records::ensure_private_dir(dir);
        std::string stem = classroom_->attempt_id();
        if (stem.empty()) {
            stem = "session-" + std::to_string(classroom_->started());
        }
        const std::filesystem::path csv = dir / (stem + ".csv");
        const std::filesystem::path pdf = dir / (stem + ".pdf");
        classroom::save_report_csv(report, csv);
        classroom::save_report_pdf(report, pdf);
        c.report_csv = csv.string();
        c.report_pdf = pdf.string();
    } catch (const std::exception& e) {
        c.error = std::string("The session report could not be saved: ") + e.what();
    }
}

void Player::classroom_step(const Intent& intent) {
    if (screen_.id != ScreenId::Classroom || !classroom_) {
        return;
    }
    ClassroomState& c = screen_.classroom;
    classroom::Facilitation& f = *classroom_;
    const ClassroomStep step = intent.step;
    const auto index = intent.index >= 0 ? static_cast<std::size_t>(intent.index) : c.selected;
    if (step == ClassroomStep::ToggleView) {
        c.presenter_view = !c.presenter_view;
        ++screen_.version;
        return;
    }
    if (step == ClassroomStep::Leave) {
        c.confirm_leave = true;
        return;
    }
    if (step == ClassroomStep::LeaveCancel) {
        c.confirm_leave = false;
        return;
    }
    if (step == ClassroomStep::LeaveConfirm) {
        try {
            if (!f.finished()) {
                f.abandon();
            }
        } catch (const std::exception&) {
            // Leaving never fails: the events recorded so far stay.
        }
        classroom_.reset();
        show_course(course_id_);
        return;
    }
    if (step == ClassroomStep::Select) {
        if (index < c.presenter.choices.size()) {
            c.selected = index;
        }
        return;
    }
    if (f.finished()) {
        return; // only leaving is left
    }
    const bool was_picked = f.stage() == classroom::Stage::Feedback;
    try {
        if (step == ClassroomStep::Forward ||
            (step == ClassroomStep::Confirm && f.stage() != classroom::Stage::Revealed)) {
            if (f.stage() == classroom::Stage::Ended) {
                f.finish();
            } else {
                f.forward();
            }
        } else if (step == ClassroomStep::Back) {
            f.back();
        } else if (step == ClassroomStep::Discuss) {
            f.discuss();
        } else if (step == ClassroomStep::OpenVoting) {
            f.open_voting();
        } else if (step == ClassroomStep::VoteUp) {
            f.vote_up(index);
        } else if (step == ClassroomStep::VoteDown) {
            f.vote_down(index);
        } else if (step == ClassroomStep::Lock) {
            f.lock();
        } else if (step == ClassroomStep::Unlock) {
            f.unlock();
        } else if (step == ClassroomStep::Reveal) {
            f.reveal();
        } else if (step == ClassroomStep::Majority) {
            f.take_majority();
        } else if (step == ClassroomStep::Pick || step == ClassroomStep::Confirm) {
            if (index >= c.presenter.choices.size()) {
                throw classroom::FacilitationError("There is no choice " +
                                                   std::to_string(index + 1) + ".");
            }
            const std::string id = c.presenter.choices[index].id;
            if (f.at_check()) {
                f.pick_options({id});
            } else {
                f.pick(id);
            }
        } else if (step == ClassroomStep::GoBack) {
            f.go_back(index);
        } else {
            return;
        }
        c.error.clear();
    } catch (const classroom::FacilitationError& e) {
        c.error = e.what();
    } catch (const std::exception& e) {
        // records::RecordsError: the facilitation is exactly as it was.
        c.error = std::string("This step could not be recorded: ") + e.what();
    }
    const bool moved = was_picked != (f.stage() == classroom::Stage::Feedback) ||
                       step == ClassroomStep::Forward || step == ClassroomStep::Back ||
                       step == ClassroomStep::GoBack;
    show_classroom();
    if (moved) {
        ++screen_.version;
    }
    if (f.finished() && c.report_csv.empty()) {
        end_classroom();
    }
}

} // namespace sightline::ui
