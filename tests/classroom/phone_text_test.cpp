// The phone page's words (classroom/phone_text.hpp) in the session's language:
// the table every phone gets in English, Spanish and the pseudo-locale, the
// page it fills in, the keys the page's files use, the devices' names as
// people read them, and Spanish course text reaching a phone's view.
#include "classroom/facilitation.hpp"
#include "classroom/phone_room.hpp"
#include "classroom/phone_sync.hpp"
#include "classroom/phone_text.hpp"
#include "i18n/i18n.hpp"
#include "model/translation.hpp"
#include "support/classroom_helpers.hpp"
#include "support/program_catalogues.hpp"
#include "support/scenario_fixtures.hpp"
#include "support/spanish_example.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <initializer_list>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace sightline;
using namespace sightline::classroom;

namespace {

std::string page_file(const char* name) {
    std::ifstream in(std::string(SIGHTLINE_SOURCE_DIR "/assets/phone/") + name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::set<std::string> keys_of(const PhoneText& t) {
    std::set<std::string> keys;
    for (const auto& entry : t.texts) {
        keys.insert(entry.first);
    }
    for (const auto& entry : t.plurals) {
        keys.insert(entry.first);
    }
    return keys;
}

PhoneText text_in(const char* language) {
    const i18n::LanguageScope scope(language);
    return phone_text();
}

// The keys a file names with `pattern`'s first group.
std::set<std::string> used(const std::string& text, const char* pattern) {
    std::set<std::string> keys;
    const std::regex re(pattern);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
         ++it) {
        keys.insert((*it)[1].str());
    }
    return keys;
}

} // namespace

TEST_CASE("phone text: the English table is today's English, with its plural forms") {
    test::bind_program_catalogues();
    const PhoneText en = phone_text();
    CHECK(en.lang == "en");
    CHECK(en.text("page.title") == "Sightline classroom");
    CHECK(en.text("join.code") == "Room code (6 digits, shown on the screen)");
    CHECK(en.text("status.joining") == "Joining\u2026");
    CHECK(en.text("error.wrong-code") == "That is not the room code.");
    CHECK(en.text("no-such-key") == "no-such-key");
    REQUIRE(en.plurals.size() == 2);
    const PhonePlural& votes = en.plurals[1].second;
    CHECK(en.plurals[1].first == "choice.votes");
    CHECK(votes.pick(0) == "{1} votes, {2}%");
    CHECK(votes.pick(1) == "{1} vote, {2}%");
    CHECK(votes.pick(2) == "{1} votes, {2}%");
    CHECK(votes.pick(101) == "{1} votes, {2}%");
    CHECK(votes.pick(1001) == "{1} votes, {2}%");
    CHECK(votes.form_of.size() == kPluralSamples);
}

TEST_CASE("phone text: in Spanish every key is there and nothing is left in English") {
    test::bind_program_catalogues();
    const PhoneText en = text_in("en");
    const PhoneText es = text_in("es");
    CHECK(es.lang == "es");
    CHECK(keys_of(es) == keys_of(en));
    REQUIRE(es.texts.size() == en.texts.size());
    // Only what reads the same in both languages.
    const std::set<std::string> same = {"speaker"}; // "{1}:"
    for (std::size_t i = 0; i < en.texts.size(); ++i) {
        CAPTURE(en.texts[i].first);
        CHECK(es.texts[i].first == en.texts[i].first);
        CHECK_FALSE(es.texts[i].second.empty());
        if (same.count(en.texts[i].first) == 0) {
            CHECK(es.texts[i].second != en.texts[i].second);
        }
        // The same placeholders.
        for (const char* p : {"{1}", "{2}"}) {
            CHECK((en.texts[i].second.find(p) == std::string::npos) ==
                  (es.texts[i].second.find(p) == std::string::npos));
        }
    }
    REQUIRE(es.plurals.size() == en.plurals.size());
    for (std::size_t i = 0; i < en.plurals.size(); ++i) {
        CAPTURE(en.plurals[i].first);
        for (const std::uint64_t n :
             std::initializer_list<std::uint64_t>{0, 1, 2, 5, 21, 150, 1000}) {
            CAPTURE(n);
            CHECK(es.plurals[i].second.pick(n) != en.plurals[i].second.pick(n));
        }
    }
    CHECK(es.text("page.title") == "Sightline en el aula");
    CHECK(es.text("error.wrong-code") == "Ese no es el c\u00F3digo de sala.");
    CHECK(es.plurals[1].second.pick(1) == "{1} voto, {2}%");
    CHECK(es.plurals[1].second.pick(0) == "{1} votos, {2}%");
    CHECK(es.plurals[1].second.pick(7) == "{1} votos, {2}%");
}

TEST_CASE("phone text: in the pseudo-locale every text is pseudo-translated and whole") {
    test::bind_program_catalogues();
    const PhoneText qps = text_in("qps");
    const PhoneText en = text_in("en");
    REQUIRE(keys_of(qps) == keys_of(en));
    CHECK(qps.lang == "qps");
    std::vector<std::string> all;
    for (const auto& entry : qps.texts) {
        all.push_back(entry.second);
    }
    for (const auto& entry : qps.plurals) {
        all.insert(all.end(), entry.second.forms.begin(), entry.second.forms.end());
    }
    // tests/pseudo/check_pseudo.py's rules: no two English words in a row (ASCII letters
    // only, 3 or more), and every "[" closed by "]".
    const std::regex english(R"((^|\s)[A-Za-z]{3,}[.,;:!?]*\s+[A-Za-z]{3,}([.,;:!?]|\s|$))");
    for (const std::string& text : all) {
        CAPTURE(text);
        CHECK_FALSE(std::regex_search(text, english));
        if (text != "{1}:") { // nothing a pseudo-localizer could lengthen
            CHECK(text.find('[') != std::string::npos);
        }
        CHECK(std::count(text.begin(), text.end(), '[') ==
              std::count(text.begin(), text.end(), ']'));
    }
}

TEST_CASE("phone text: the page's files use only keys of the table, and the table only keys "
          "that are used") {
    test::bind_program_catalogues();
    const PhoneText en = phone_text();
    const std::set<std::string> html = used(page_file("index.html"), R"(\{\{([a-z.-]+)\}\})");
    const std::set<std::string> js = used(page_file("phone.js"), R"(\btn?\('([a-z.-]+)')");
    const std::set<std::string> keys = keys_of(en);
    std::set<std::string> seen;
    for (const std::string& key : html) {
        CAPTURE(key);
        CHECK((key == "lang" || key == "text" || keys.count(key) == 1));
        seen.insert(key);
    }
    for (const std::string& key : js) {
        CAPTURE(key);
        CHECK(keys.count(key) == 1);
        seen.insert(key);
    }
    CHECK(js.size() > 20);
    // The server's refusals: "error." and the room's result names, "busy" and "internal".
    for (const RoomResult r :
         {RoomResult::WrongSecret, RoomResult::WrongCode, RoomResult::LobbyLocked,
          RoomResult::RoomFull, RoomResult::UnknownToken, RoomResult::RateLimited,
          RoomResult::RoomClosed, RoomResult::BadOptions, RoomResult::StaleQuestion,
          RoomResult::NotVoting}) {
        const std::string key = std::string("error.") + room_result_name(r);
        CAPTURE(key);
        CHECK(keys.count(key) == 1);
        seen.insert(key);
    }
    seen.insert("error.busy");
    seen.insert("error.internal");
    seen.insert("device"); // phone_label_text() and phone.js's deviceName()
    for (const std::string& key : keys) {
        CAPTURE(key);
        CHECK(seen.count(key) == 1);
    }
}

TEST_CASE("phone text: the page is filled in, escaped, and refused with an unknown key") {
    test::bind_program_catalogues();
    const std::string html = page_file("index.html");
    std::string out, error;
    REQUIRE(render_phone_page(html, phone_text(), out, &error));
    CHECK(out.find("{{") == std::string::npos);
    CHECK(out.find("<html lang=\"en\">") != std::string::npos);
    CHECK(out.find("<title>Sightline classroom</title>") != std::string::npos);
    CHECK(out.find(">Send vote</button>") != std::string::npos);
    // The table for phone.js, in an attribute, decodes to the table.
    const std::size_t at = out.find("data-text=\"");
    REQUIRE(at != std::string::npos);
    std::string attribute = out.substr(at + 11, out.find('"', at + 11) - at - 11);
    CHECK(attribute.find('<') == std::string::npos);
    for (const auto& [entity, c] : {std::pair<std::string, std::string>{"&quot;", "\""},
                                    {"&#39;", "'"},
                                    {"&lt;", "<"},
                                    {"&gt;", ">"},
                                    {"&amp;", "&"}}) {
        for (std::size_t p; (p = attribute.find(entity)) != std::string::npos;) {
            attribute.replace(p, entity.size(), c);
        }
    }
    const nlohmann::json table = nlohmann::json::parse(attribute);
    CHECK(table.at("lang") == "en");
    CHECK(table.at("text").at("vote.send") == "Send vote");
    CHECK(table.at("plural").at("choice.votes").at("n").size() == kPluralSamples);

    REQUIRE(render_phone_page(html, text_in("es"), out, &error));
    CHECK(out.find("<html lang=\"es\">") != std::string::npos);
    CHECK(out.find("<title>Sightline en el aula</title>") != std::string::npos);

    PhoneText odd;
    odd.texts = {{"a", "<b> & \"c\" 'd'"}};
    REQUIRE(render_phone_page("<p title=\"{{a}}\">{{a}}</p>", odd, out));
    CHECK(out == "<p title=\"&lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;\">&lt;b&gt; &amp; "
                 "&quot;c&quot; &#39;d&#39;</p>");
    CHECK_FALSE(render_phone_page("<p>{{nothing}}</p>", odd, out, &error));
    CHECK(error == "an unknown text {{nothing}}");
    CHECK(out.empty());
    CHECK_FALSE(render_phone_page("<p>{{a</p>", odd, out, &error));
    CHECK(error == "an unclosed {{ at byte 3");
}

TEST_CASE("phone text: a device keeps its id and reads as Tel\u00E9fono N in Spanish") {
    test::bind_program_catalogues();
    CHECK(phone_label_text("Phone 3") == "Phone 3");
    const i18n::LanguageScope spanish("es");
    CHECK(phone_label_text("Phone 3") == "Tel\u00E9fono 3");
    CHECK(phone_label_text("Phone 120") == "Tel\u00E9fono 120");
    CHECK(phone_label_text("Phone x") == "Phone x");
    CHECK(phone_label_text("Phone ") == "Phone ");
    CHECK(phone_label_text("Tablet 2") == "Tablet 2");
    PhoneRoom room;
    const JoinResult joined = room.join_with_secret(room.secret());
    REQUIRE(joined.ok());
    CHECK(joined.label == "Phone 1"); // the id, in every language
}

TEST_CASE("phone text: in a Spanish session the course's Spanish and the Spanish banner reach "
          "a phone") {
    test::bind_program_catalogues();
    const i18n::LanguageScope spanish("es");
    static const model::Bundle bundle = model::in_language(test::spanish_example(), "es");
    Facilitation f(bundle, test::example_setup(12));
    PhoneRoom room;
    const JoinResult phone = room.join_with_secret(room.secret());
    REQUIRE(phone.ok());
    sync_phones(f, room);
    f.open_voting();
    sync_phones(f, room);
    const std::optional<std::string> text = room.view_json(phone.token);
    REQUIRE(text);
    const nlohmann::json view = nlohmann::json::parse(*text);
    CHECK(view.at("title") == "El registro tard\u00EDo");
    CHECK(view.at("status") == "La votaci\u00F3n est\u00E1 abierta");
    CHECK(view.at("choices").at(0).at("text") ==
          test::spanish_example_text("hotel.example:node.desk:choice.ask-her:text"));
    CHECK(view.at("device") == "Phone 1");
}
