// The player controller: running a classroom session.
#include "classroom/phone_sync.hpp"
#include "classroom/report.hpp"
#include "classroom/views.hpp"
#include "i18n/i18n.hpp"
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
    stop_phones();
    classroom_.reset();
    fresh(ScreenId::ClassroomSetup);
    ClassroomSetupState& c = screen_.classroom_setup;
    c = {};
    c.phone_address = !options_.phone_address.empty()
                          ? options_.phone_address
                          : classroom::first_lan_ipv4().value_or("127.0.0.1");
    // In the language the course map was shown in, as the session will be played.
    const model::Scenario* shown_scenario = model::find_by_id(shown().scenarios, scenario->id);
    const model::Course* shown_course = model::find_by_id(shown().courses, course->id);
    const model::Scenario& s = shown_scenario != nullptr ? *shown_scenario : *scenario;
    c.scenario_id = scenario->id;
    c.scenario_title = s.title;
    c.course_title = shown_course != nullptr ? shown_course->title : course->title;
    screen_.help.scenario_title = s.title;
    screen_.help.scenario_report = s.report;
}

void Player::start_classroom(const ClassroomForm& form) {
    ClassroomSetupState& c = screen_.classroom_setup;
    // The room plays the course in the language its map was shown in.
    const model::Bundle& in = shown();
    const model::Scenario* scenario = model::find_by_id(in.scenarios, c.scenario_id);
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
    setup.language = course_language_.empty() ? "en" : course_language_;
    if (setup.name.empty()) {
        c.error = i18n::tr("Please give the session a name, for example \u201CNight shift "
                           "in-service, 3 March\u201D.");
        return;
    }
    if (setup.head_count < 0) {
        c.error = i18n::tr("The head count cannot be negative; use 0 when you do not know it.");
        return;
    }
    std::string phone_error;
    if (form.phones && !start_phones(&phone_error)) {
        // TRANSLATORS: {1} is the reason; keep "--listen ADDR:PORT" as it is (an option).
        c.error = i18n::format(i18n::tr("Phone voting could not start: {1} Start the session "
                                        "without phones, or give the player another address "
                                        "with --listen ADDR:PORT."),
                               {phone_error});
        return;
    }
    try {
        classroom_.emplace(in, std::move(setup), &store_, info_, options_.clock);
    } catch (const std::exception& e) {
        // FacilitationError, runtime::RunError, records::RecordsError.
        stop_phones();
        classroom_.reset();
        // TRANSLATORS: {1} is the reason.
        c.error = i18n::format(i18n::tr("The session could not be started: {1}"), {e.what()});
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
    if (phones_) {
        classroom::sync_phones(*classroom_, phones_->room);
        show_phones();
    }
    c.audience = classroom::audience_state(*classroom_);
    c.presenter = classroom::presenter_state(*classroom_);
    if (c.selected >= c.presenter.choices.size()) {
        c.selected = 0;
    }
}

void Player::end_classroom() {
    ClassroomState& c = screen_.classroom;
    stop_phones(); // the phones' tokens die with the session
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
        // TRANSLATORS: {1} is the reason.
        c.error = i18n::format(i18n::tr("The session report could not be saved: {1}"), {e.what()});
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
        stop_phones();
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
    if (is_phone_step(step)) {
        phone_step(step, index);
        return;
    }
    const bool was_picked = f.stage() == classroom::Stage::Feedback;
    try {
        const bool locks = step == ClassroomStep::Lock ||
                           ((step == ClassroomStep::Forward || step == ClassroomStep::Confirm) &&
                            f.forward_control() == classroom::Control::Lock);
        if (locks && phones_) {
            // Closes voting in the room before the final counts are read, so
            // no phone vote acknowledged before the lock is lost.
            classroom::lock_with_phones(f, phones_->room);
        } else if (step == ClassroomStep::Forward ||
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
                // TRANSLATORS: {1} is a choice's number.
                throw classroom::FacilitationError(
                    i18n::format(i18n::tr("There is no choice {1}."), {std::to_string(index + 1)}));
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
        // TRANSLATORS: {1} is the reason.
        c.error = i18n::format(i18n::tr("This step could not be recorded: {1}"), {e.what()});
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

// ---------------------------------------------------------------- phones

bool Player::start_phones(std::string* error) {
    classroom::PhoneRoomOptions room_options;
    room_options.on_activity = options_.wake;
    auto phones = std::make_unique<Phones>(std::move(room_options));
    classroom::PhoneServerOptions server_options;
    server_options.address = options_.phone_address;
    server_options.port = options_.phone_port;
    server_options.page_dir = options_.phone_page_dir;
    phones->server = std::make_unique<classroom::PhoneServer>(phones->room, server_options);
    if (!phones->server->start(error)) {
        return false;
    }
    phones_ = std::move(phones);
    return true;
}

void Player::stop_phones() {
    if (!phones_) {
        return;
    }
    // Every token dies now, and the phones' long polls hear that the session
    // ended; the server finishes its open connections on another thread.
    phones_->room.close();
    std::erase_if(retiring_, [](const std::future<void>& f) {
        return f.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
    });
    retiring_.push_back(
        std::async(std::launch::async, [phones = std::move(phones_)] { phones->server->stop(); }));
    screen_.classroom.phones = {};
}

void Player::phone_step(ClassroomStep step, std::size_t index) {
    ClassroomState& c = screen_.classroom;
    if (!phones_) {
        c.error = i18n::tr("Phone voting is not on in this session.");
        return;
    }
    classroom::PhoneRoom& room = phones_->room;
    c.error.clear();
    switch (step) {
    case ClassroomStep::LockLobby:
        room.lock_lobby(true);
        break;
    case ClassroomStep::UnlockLobby:
        room.lock_lobby(false);
        break;
    case ClassroomStep::RemovePhone:
        if (index >= c.phones.devices.size() ||
            !room.remove_device(c.phones.devices[index].label)) {
            // TRANSLATORS: {1} is a phone's number in the list.
            c.error = i18n::format(i18n::tr("There is no phone {1} in the room."),
                                   {std::to_string(index + 1)});
        }
        break;
    case ClassroomStep::ResetPhoneVotes:
        if (classroom_->stage() != classroom::Stage::Voting) {
            c.error = i18n::tr("The phones' votes can be cleared only while voting is open.");
        } else {
            room.reset_votes();
        }
        break;
    case ClassroomStep::ShowJoinCode:
        room.set_join_code_shown(true);
        break;
    case ClassroomStep::HideJoinCode:
        room.set_join_code_shown(false);
        break;
    default:
        break;
    }
    show_classroom();
}

void Player::show_phones() {
    PhonesState& p = screen_.classroom.phones;
    const classroom::PhoneRoom& room = phones_->room;
    if (!p.on) {
        p.on = true;
        p.join_url = phones_->server->join_url();
        p.address = phones_->server->base_url();
        p.room_code = room.room_code();
        p.qr = qr_code(p.join_url);
    }
    p.code_shown = room.join_code_shown();
    p.lobby_locked = room.lobby_locked();
    p.devices.clear();
    for (const classroom::DeviceInfo& d : room.devices()) {
        p.devices.push_back({d.label, d.voted});
    }
    p.phones = p.devices.size();
    p.voters = room.voters();
    phones_->seen_version = room.version();
    phones_->seen_devices = p.phones;
    phones_->seen_voters = p.voters;
}

bool Player::sync_phones_changed() {
    if (screen_.id != ScreenId::Classroom || !classroom_ || !phones_ || classroom_->finished()) {
        return false;
    }
    const std::vector<std::int64_t> before = classroom_->phone_votes();
    classroom::sync_phones(*classroom_, phones_->room);
    const classroom::PhoneRoom& room = phones_->room;
    return classroom_->phone_votes() != before || room.version() != phones_->seen_version ||
           room.devices().size() != phones_->seen_devices || room.voters() != phones_->seen_voters;
}

} // namespace sightline::ui
