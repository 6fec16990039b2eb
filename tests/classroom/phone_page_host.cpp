// Serves the phone page over a scripted classroom session, for the browser
// test (phone_page_test.py): the FORMAT.md example scenario in a dry-run
// facilitation, with a phone room and its server on 127.0.0.1, kept in step
// by sync_phones() as the desktop player keeps them. With an argument, the
// session's language: "es" (the example's Spanish translation, the program
// in Spanish) or "qps" (the pseudo-locale's program text, the example in
// English). Prints "url <join URL>",
// then answers one line per command read from standard input:
//   open | lock | unlock | reveal | majority | advance | back
//   pick ID...   the facilitator picks this choice of a decision, or these
//                options of a knowledge check
//                each answers "ok <stage>" or "error <why>"
//   counts    "counts N N N": the facilitation's phone votes
//   lobby     "lobby N": devices in the room
//   join      "joined Phone N": another phone joins (without a browser)
//   quit
#define DOCTEST_CONFIG_IMPLEMENT // the fixtures use doctest's macros; no test runs here
#include "classroom/phone_server.hpp"
#include "classroom/phone_sync.hpp"
#include "i18n/i18n.hpp"
#include "model/translation.hpp"
#include "support/classroom_helpers.hpp"
#include "support/program_catalogues.hpp"
#include "support/scenario_fixtures.hpp"
#include "support/spanish_example.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

using namespace sightline;
using namespace sightline::classroom;

int main(int argc, char** argv) {
    // The fixtures' REQUIREs, outside any test case, report through this.
    doctest::Context context;
    context.setAsDefaultForAssertsOutOfTestCases();
    const std::string language = argc > 1 ? argv[1] : "en";
    test::bind_program_catalogues();
    i18n::set_language(language); // the main thread's: the session's language
    static const model::Bundle spanish = model::in_language(test::spanish_example(), "es");
    Facilitation f(language == "es" ? spanish : test::format_example(), test::example_setup(12));
    PhoneRoom room;
    PhoneServerOptions options;
    options.address = "127.0.0.1";
    options.page_dir = std::filesystem::path(SIGHTLINE_SOURCE_DIR) / "assets/phone";
    options.long_poll = std::chrono::milliseconds(2000);
    PhoneServer server(room, options);
    std::string error;
    if (!server.start(&error)) {
        std::cerr << error << "\n";
        return 1;
    }
    sync_phones(f, room);
    std::cout << "url " << server.join_url() << std::endl;
    for (std::string command; std::getline(std::cin, command);) {
        try {
            sync_phones(f, room);
            if (command == "quit") {
                break;
            } else if (command == "counts") {
                std::cout << "counts";
                for (const std::int64_t n : f.phone_votes()) {
                    std::cout << " " << n;
                }
                std::cout << std::endl;
                continue;
            } else if (command == "join") { // another phone, not a browser
                std::cout << "joined " << room.join_with_secret(room.secret()).label << std::endl;
                continue;
            } else if (command == "lobby") {
                std::cout << "lobby " << room.devices().size() << std::endl;
                continue;
            } else if (command == "open") {
                f.open_voting();
            } else if (command == "lock") {
                lock_with_phones(f, room);
            } else if (command == "unlock") {
                f.unlock();
            } else if (command == "reveal") {
                f.reveal();
            } else if (command == "majority") {
                f.take_majority();
            } else if (command == "advance") {
                f.advance();
            } else if (command == "back") {
                f.back();
            } else if (command.rfind("pick ", 0) == 0) {
                std::vector<std::string> ids;
                std::istringstream words(command.substr(5));
                for (std::string id; words >> id;) {
                    ids.push_back(id);
                }
                if (f.at_check()) {
                    f.pick_options(std::vector<std::string_view>(ids.begin(), ids.end()));
                } else if (ids.size() == 1) {
                    f.pick(ids.front());
                } else {
                    std::cout << "error a decision takes one choice" << std::endl;
                    continue;
                }
            } else {
                std::cout << "error unknown command " << command << std::endl;
                continue;
            }
            sync_phones(f, room);
            std::cout << "ok " << stage_name(f.stage()) << std::endl;
        } catch (const std::exception& e) {
            std::cout << "error " << e.what() << std::endl;
        }
    }
    server.stop();
    room.close();
    return 0;
}
