// Phone voting in the desktop player (issue 18): the facilitator turns it on
// in the setup form, the projector shows how to join, real phones (HTTP
// clients on loopback) join and vote, and their votes add to the hand counts
// in the presenter view; the facilitator's phone controls; the server's end
// with the session. Real bundled courses, a real SQLite store, a real phone
// server on 127.0.0.1, a headless ImGui.
#include "classroom/phone_text.hpp"
#include "classroom_room.hpp"
#include "i18n/i18n.hpp"
#include "model/link.hpp"
#include "support/program_catalogues.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <httplib.h>
#include <string>

namespace sightline::test {

namespace {

// One phone: an HTTP client with the device token it was given.
struct Phone {
    httplib::Client http;
    std::string token;

    explicit Phone(int port) : http("127.0.0.1", port) {
        http.set_connection_timeout(2);
        http.set_read_timeout(5);
    }
    // 200 with a token, or the refusal's status.
    int join(const std::string& field, const std::string& value) {
        const auto res =
            http.Post("/api/join", nlohmann::json{{field, value}}.dump(), "application/json");
        if (!res) {
            return 0;
        }
        if (res->status == 200) {
            token = nlohmann::json::parse(res->body).at("token").get<std::string>();
        }
        return res->status;
    }
    nlohmann::json view() {
        const auto res = http.Get("/api/view?since=0", {{"Authorization", "Bearer " + token}});
        REQUIRE(res);
        REQUIRE(res->status == 200);
        return nlohmann::json::parse(res->body);
    }
    int view_status() {
        const auto res = http.Get("/api/view?since=0", {{"Authorization", "Bearer " + token}});
        return res ? res->status : 0;
    }
    int vote(std::size_t option) {
        const std::string key = view().at("question_key").get<std::string>();
        const auto res = http.Post("/api/vote", {{"Authorization", "Bearer " + token}},
                                   nlohmann::json{{"question", key}, {"options", {option}}}.dump(),
                                   "application/json");
        return res ? res->status : 0;
    }
};

// Phone voting on loopback, with the phone page from the source tree; counts
// the shell's wake-ups.
struct WithPhones : Room {
    static inline std::atomic<int> wakes{0};
    explicit WithPhones(const char* name, std::string address = "127.0.0.1",
                        std::string language = {})
        : Room(name, [address, language](const std::filesystem::path&) {
              ui::PlayerOptions o;
              o.language = language;
              o.phone_address = address;
              o.phone_page_dir = SIGHTLINE_SOURCE_DIR "/assets/phone";
              o.wake = [] { ++wakes; };
              return o;
          }) {}
    const ui::PhonesState& phones() { return screen().classroom.phones; }
    int port() {
        const std::string& a = phones().address;
        return std::stoi(a.substr(a.rfind(':') + 1));
    }
    std::string secret() {
        const std::string& url = phones().join_url;
        return url.substr(url.find('#') + 1);
    }
    const classroom::PresenterChoice& choice(std::size_t i) {
        REQUIRE(i < screen().classroom.presenter.choices.size());
        return screen().classroom.presenter.choices[i];
    }
};

} // namespace

TEST_CASE("classroom phones: the setup form offers phone voting and says where phones connect") {
    WithPhones r("phones-setup");
    r.open_setup("hotel", "hotel.room-214");
    r.ui.frames(r.screen(), 2);
    CHECK(r.ui.shows("Let the room vote from their phones"));
    CHECK(r.ui.shows("served by this computer (127.0.0.1)"));
    CHECK_FALSE(r.screen().classroom_setup.form.phones); // off unless the facilitator asks
    CHECK_FALSE(r.player.phones_live());
}

TEST_CASE("classroom phones: a phone joins from the projector's code, votes, and its vote adds to "
          "the hands") {
    WithPhones r("phones-vote");
    r.open("hotel", "hotel.room-214", 12, /*phones=*/true);
    REQUIRE(r.player.phones_live());
    const ui::PhonesState& p = r.phones();
    REQUIRE(p.on);
    CHECK(p.address.starts_with("http://127.0.0.1:"));
    CHECK(p.join_url.starts_with(p.address + "/#"));
    CHECK(r.secret().size() == 43);
    CHECK(p.room_code.size() == 6);
    CHECK(p.qr.size >= 21); // a version 1 QR code is 21 modules wide; a URL needs more
    CHECK(p.qr == ui::qr_code(p.join_url));
    CHECK(p.code_shown);

    // The projector: how to join, in large type, and the lobby. The secret
    // is only in the QR code, never drawn as text.
    std::string audience = r.audience_text();
    CHECK(audience.find(p.address) != std::string::npos);
    CHECK(audience.find(p.room_code.substr(0, 3) + " " + p.room_code.substr(3)) !=
          std::string::npos);
    CHECK(audience.find("0 phones in the room") != std::string::npos);
    CHECK(audience.find(r.secret()) == std::string::npos);

    // Two phones: one scans the QR code, one types the room code.
    WithPhones::wakes = 0;
    Phone scanned(r.port());
    Phone typed(r.port());
    REQUIRE(scanned.join("secret", r.secret()) == 200);
    REQUIRE(typed.join("code", p.room_code) == 200);
    CHECK(WithPhones::wakes >= 2); // the shell's loop was woken for each
    r.player.tick();
    CHECK(p.phones == 2);
    CHECK(r.audience_text().find("2 phones in the room") != std::string::npos);

    r.player.apply(step(ui::ClassroomStep::OpenVoting));
    REQUIRE(r.f().stage() == classroom::Stage::Voting);
    CHECK(r.audience_text().find("Vote from your phone") != std::string::npos);
    REQUIRE(scanned.vote(1) == 204);
    REQUIRE(typed.vote(1) == 204);
    REQUIRE(typed.vote(0) == 204); // changes its mind: still one vote
    r.player.tick();
    CHECK(r.choice(0).votes == 1);
    CHECK(r.choice(0).phone_votes == 1);
    CHECK(r.choice(1).votes == 1);
    CHECK(p.voters == 2);
    // Raised hands add to the phones.
    r.player.apply(step(ui::ClassroomStep::VoteUp, 1));
    r.player.apply(step(ui::ClassroomStep::VoteUp, 1));
    CHECK(r.choice(1).votes == 3);
    CHECK(r.choice(1).phone_votes == 1);
    CHECK(r.presenter_text().find("3 votes \u00B7 75% (1 by phone)") != std::string::npos);

    // The lock through the presenter's key: no phone vote is accepted after
    // it, and every vote acknowledged before it is in the final counts.
    REQUIRE(scanned.vote(0) == 204); // scanned moves to choice 1 just before the lock
    r.key("l");
    REQUIRE(r.f().stage() == classroom::Stage::Locked);
    CHECK(r.f().votes() == std::vector<std::int64_t>{2, 2, 0, 0});
    CHECK(r.f().phone_votes() == std::vector<std::int64_t>{2, 0, 0, 0});
    CHECK(typed.vote(1) == 409);
    r.player.tick();
    CHECK(r.f().votes() == std::vector<std::int64_t>{2, 2, 0, 0});
    CHECK(typed.view().at("stage") == "locked");
}

TEST_CASE("classroom phones: the facilitator locks the lobby, removes a phone, clears the phones' "
          "votes and hides the join code") {
    WithPhones r("phones-controls");
    r.open("hotel", "hotel.room-214", 12, /*phones=*/true);
    const ui::PhonesState& p = r.phones();
    Phone first(r.port());
    Phone second(r.port());
    REQUIRE(first.join("secret", r.secret()) == 200);

    // The controls are the presenter's, drawn as buttons.
    r.player.apply(step(ui::ClassroomStep::OpenVoting));
    std::string presenter = r.presenter_text();
    CHECK(presenter.find("Phones: 1 phone in the room") != std::string::npos);
    CHECK(r.ui.shows("Lock the lobby"));
    CHECK(r.ui.shows("Hide the join code"));
    CHECK(r.ui.shows("Clear the phones' votes"));
    CHECK(r.audience_text().find("Lock the lobby") == std::string::npos);

    r.presenter_text(); // the click finds its button in the last frame drawn
    const ui::Intent lock = r.ui.click(r.screen(), "Lock the lobby");
    REQUIRE(lock.step == ui::ClassroomStep::LockLobby);
    r.player.apply(lock);
    CHECK(p.lobby_locked);
    CHECK(second.join("secret", r.secret()) == 403);
    CHECK(r.audience_text().find("closed to new phones") != std::string::npos);
    r.player.apply(step(ui::ClassroomStep::UnlockLobby));
    REQUIRE(second.join("code", p.room_code) == 200);
    r.player.tick();
    REQUIRE(p.devices.size() == 2);
    CHECK(p.devices[0].label == "Phone 1");

    REQUIRE(first.vote(0) == 204);
    REQUIRE(second.vote(0) == 204);
    r.player.tick();
    CHECK(r.choice(0).phone_votes == 2);
    r.player.apply(step(ui::ClassroomStep::RemovePhone, 1)); // "Phone 2": its vote goes with it
    CHECK(r.choice(0).phone_votes == 1);
    CHECK(p.devices.size() == 1);
    CHECK(second.view_status() == 403); // its token died
    r.player.apply(step(ui::ClassroomStep::RemovePhone, 5));
    CHECK(r.screen().classroom.error == "There is no phone 6 in the room.");

    r.player.apply(step(ui::ClassroomStep::ResetPhoneVotes));
    CHECK(r.choice(0).phone_votes == 0);
    CHECK(r.screen().classroom.error.empty());
    REQUIRE(first.vote(1) == 204); // votes again after the reset
    r.player.tick();
    CHECK(r.choice(1).phone_votes == 1);

    r.player.apply(step(ui::ClassroomStep::HideJoinCode));
    CHECK_FALSE(p.code_shown);
    std::string audience = r.audience_text();
    CHECK(audience.find(p.room_code.substr(0, 3)) == std::string::npos);
    CHECK(audience.find("1 phone in the room") != std::string::npos);
    r.player.apply(step(ui::ClassroomStep::ShowJoinCode));
    CHECK(p.code_shown);

    r.key("l");
    REQUIRE(r.f().stage() == classroom::Stage::Locked);
    r.player.apply(step(ui::ClassroomStep::ResetPhoneVotes));
    CHECK(r.screen().classroom.error ==
          "The phones' votes can be cleared only while voting is open.");
    CHECK(r.f().phone_votes()[1] == 1); // the locked tally stays as it was
}

TEST_CASE("classroom phones: leaving the session stops the server, and every token dies") {
    WithPhones r("phones-leave");
    r.open("hotel", "hotel.room-214", 12, /*phones=*/true);
    const int port = r.port();
    const std::string secret = r.secret();
    Phone phone(port);
    REQUIRE(phone.join("secret", secret) == 200);
    r.player.apply(step(ui::ClassroomStep::Leave));
    r.player.apply(step(ui::ClassroomStep::LeaveConfirm));
    CHECK_FALSE(r.player.phones_live());
    CHECK(r.player.phone_room() == nullptr);
    CHECK_FALSE(r.screen().classroom.phones.on);
    // The server stops on its own thread; until it has, it answers that the
    // session is over.
    Phone late(port);
    const int status = late.join("secret", secret);
    CHECK((status == 0 || status == 410));
    const int old_token = phone.view_status();
    CHECK((old_token == 0 || old_token == 410));
}

TEST_CASE("classroom phones: without phone voting no server runs and the phone steps say so") {
    WithPhones r("phones-off");
    r.open("hotel", "hotel.room-214");
    CHECK_FALSE(r.player.phones_live());
    CHECK_FALSE(r.screen().classroom.phones.on);
    r.player.apply(step(ui::ClassroomStep::LockLobby));
    CHECK(r.screen().classroom.error == "Phone voting is not on in this session.");
    CHECK(r.audience_text().find("phones in the room") == std::string::npos);
}

TEST_CASE("classroom phones: an address the server cannot listen on keeps the setup form open "
          "with the reason") {
    // 192.0.2.1 (TEST-NET-1, RFC 5737) is on no interface of a test machine.
    WithPhones r("phones-bad-address", "192.0.2.1");
    r.open_setup("hotel", "hotel.room-214");
    ui::Intent start;
    start.kind = IntentKind::StartClassroom;
    start.classroom = {"Night shift in-service", "", 12, true};
    r.player.apply(start);
    CHECK(r.screen().id == ui::ScreenId::ClassroomSetup);
    CHECK(r.screen().classroom_setup.error.starts_with("Phone voting could not start: "));
    CHECK(r.screen().classroom_setup.error.find("--listen") != std::string::npos);
    CHECK(r.player.facilitation() == nullptr); // no session was recorded
    CHECK_FALSE(r.player.phones_live());
}

TEST_CASE("classroom phones: in a Spanish session phones get the page, the course and the "
          "refusals in Spanish, and devices keep their ids") {
    bind_program_catalogues();
    WithPhones r("phones-spanish", "127.0.0.1", "es");
    r.open("hotel", "hotel.room-214", 12, /*phones=*/true);
    REQUIRE(r.player.phones_live());
    REQUIRE(i18n::language() == "es");
    httplib::Client page("127.0.0.1", r.port());
    const auto html = page.Get("/");
    REQUIRE(html);
    CHECK(html->body.find("<html lang=\"es\">") != std::string::npos);
    CHECK(html->body.find(">Enviar voto</button>") != std::string::npos);
    CHECK(html->body.find("Send vote") == std::string::npos);

    Phone phone(r.port());
    REQUIRE(phone.join("secret", r.secret()) == 200);
    r.player.apply(step(ui::ClassroomStep::OpenVoting));
    const nlohmann::json view = phone.view();
    CHECK(view.at("device") == "Phone 1"); // the id; the page shows "Teléfono 1"
    CHECK(view.at("status") == "La votaci\u00F3n est\u00E1 abierta");
    // The scenario and its choices as the projector shows them: the course's Spanish.
    const std::string title = view.at("title").get<std::string>();
    CHECK(title == r.screen().classroom.audience.scenario_title);
    const model::Scenario* english = model::find_by_id(courses().model.scenarios, "hotel.room-214");
    REQUIRE(english != nullptr);
    CHECK(title != english->title);
    REQUIRE(view.at("choices").size() == r.screen().classroom.audience.choices.size());
    CHECK(view.at("choices").at(0).at("text") == r.screen().classroom.audience.choices[0].text);
    // A refusal a phone shows, in Spanish.
    Phone wrong(r.port());
    const std::string code = r.phones().room_code;
    const auto refused = wrong.http.Post(
        "/api/join", nlohmann::json{{"code", code == "000000" ? "111111" : "000000"}}.dump(),
        "application/json");
    REQUIRE(refused);
    CHECK(refused->status == 403);
    CHECK(nlohmann::json::parse(refused->body).at("message") ==
          "Ese no es el c\u00F3digo de sala.");
    // The presenter's list names the device in Spanish; removing it still finds it by its id.
    REQUIRE(r.phones().devices.size() == 1);
    CHECK(r.phones().devices[0].label == "Phone 1");
    CHECK(classroom::phone_label_text(r.phones().devices[0].label) == "Tel\u00E9fono 1");
    r.player.apply(step(ui::ClassroomStep::RemovePhone, 0));
    CHECK(r.screen().classroom.error.empty());
    CHECK(phone.view_status() == 403);
}

} // namespace sightline::test
