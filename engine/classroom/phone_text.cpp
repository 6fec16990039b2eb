#include "classroom/phone_text.hpp"

#include "i18n/i18n.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>

namespace sightline::classroom {

namespace {

using i18n::tr;

constexpr std::string_view kLabelPrefix = "Phone "; // PhoneRoom's device ids: "Phone 3"

// `text(n)` is a tr_n() call (xgettext finds the msgids at the call).
template <class Text>
PhonePlural sample(Text text) {
    PhonePlural out;
    out.form_of.reserve(kPluralSamples);
    for (std::size_t n = 0; n < kPluralSamples; ++n) {
        const std::string form = text(n);
        const auto found = std::find(out.forms.begin(), out.forms.end(), form);
        out.form_of.push_back(static_cast<std::uint8_t>(found - out.forms.begin()));
        if (found == out.forms.end()) {
            out.forms.push_back(form);
        }
    }
    return out;
}

void escape_html(std::string_view text, std::string& out) {
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
            break;
        }
    }
}

} // namespace

const std::string& PhonePlural::pick(std::uint64_t n) const {
    static const std::string none;
    if (forms.empty() || form_of.size() != kPluralSamples) {
        return none;
    }
    const std::uint64_t at = n < kPluralSamples ? n : 100 + n % 100;
    const std::uint8_t form = form_of[at];
    return form < forms.size() ? forms[form] : none;
}

std::string PhoneText::text(std::string_view key) const {
    for (const auto& entry : texts) {
        if (entry.first == key) {
            return entry.second;
        }
    }
    return std::string(key);
}

std::string PhoneText::json() const {
    nlohmann::ordered_json text = nlohmann::ordered_json::object();
    for (const auto& [key, value] : texts) {
        text[key] = value;
    }
    nlohmann::ordered_json plural = nlohmann::ordered_json::object();
    for (const auto& [key, value] : plurals) {
        plural[key] = {{"forms", value.forms}, {"n", value.form_of}};
    }
    return nlohmann::ordered_json{{"lang", lang}, {"text", text}, {"plural", plural}}.dump();
}

PhoneText phone_text() {
    PhoneText t;
    t.lang = i18n::language();
    const auto add = [&t](const char* key, const char* text) { t.texts.emplace_back(key, text); };
    // index.html
    add("page.title", tr("phone page", "Sightline classroom"));
    add("join.heading", tr("phone page", "Join the room"));
    add("join.code", tr("phone page", "Room code (6 digits, shown on the screen)"));
    add("join.button", tr("phone page", "Join"));
    add("vote.send", tr("phone page", "Send vote"));
    add("vote.locked", tr("phone page", "Votes are locked"));
    add("ending.happened", tr("phone page", "What happened"));
    add("ending.todo", tr("phone page", "What to do"));
    add("ending.report", tr("phone page", "Where to report"));
    // phone.js
    add("status.joining", tr("phone page", "Joining\u2026"));
    // TRANSLATORS: {1} is this phone's name in the room, "Phone 3".
    add("status.joined", tr("phone page", "Joined as {1}."));
    add("status.ended", tr("phone page", "The session has ended. Thank you for taking part."));
    add("status.rejoin", tr("phone page", "Please join the room again."));
    add("status.reconnecting", tr("phone page", "Reconnecting\u2026"));
    add("status.choose", tr("phone page", "Choose at least one answer first."));
    add("status.sending", tr("phone page", "Sending your vote\u2026"));
    add("status.not-sent",
        tr("phone page", "Your vote was not sent. Check the connection and try again."));
    add("status.sent", tr("phone page", "Your vote is in. You can change it until voting closes."));
    add("join.unreachable",
        tr("phone page", "The room cannot be reached. Check the Wi-Fi and try again."));
    add("join.failed", tr("phone page", "The room could not be joined."));
    add("join.digits", tr("phone page", "The room code has 6 digits."));
    add("vote.not-counted", tr("phone page", "Your vote was not counted."));
    add("choice.yours", tr("phone page", "Your vote"));
    add("choice.chosen", tr("phone page", "The room chose this."));
    add("waiting", tr("phone page", "Waiting for the facilitator\u2026"));
    // TRANSLATORS: a phone's name in the room; {1} is its number, in join order.
    add("device", tr("phone page", "Phone {1}"));
    // TRANSLATORS: {1} is this phone's name in the room, "Phone 3".
    add("device.you", tr("phone page", "You are {1}."));
    // TRANSLATORS: before a character's words in the story; {1} is the character.
    add("speaker", tr("phone page", "{1}:"));
    // The server's refusals (PhoneServer), in PhoneRoom's words: "error." + room_result_name().
    add("error.wrong-secret", tr("phone page", "This link is not for the current session."));
    add("error.wrong-code", tr("phone page", "That is not the room code."));
    add("error.lobby-locked",
        tr("phone page", "The facilitator has closed the room to new phones."));
    add("error.room-full", tr("phone page", "The room is full."));
    add("error.unknown-token", tr("phone page", "Join the room again."));
    add("error.rate-limited",
        tr("phone page", "Too many wrong codes; wait a few seconds and try again."));
    add("error.room-closed", tr("phone page", "The session has ended."));
    add("error.bad-options", tr("phone page", "Those options cannot be voted for."));
    add("error.stale-question", tr("phone page", "The question has changed."));
    add("error.not-voting", tr("phone page", "Voting is not open."));
    add("error.busy", tr("phone page", "Too many requests; try again in a second."));
    add("error.internal", tr("phone page", "The request could not be handled."));
    t.plurals.emplace_back("device.others", sample([](unsigned long n) {
                               // TRANSLATORS: on the phone page; {1} is this phone's name ("Phone
                               // 3"), {2} how many other phones are in the room.
                               return i18n::tr_n("You are {1}, with {2} other phone.",
                                                 "You are {1}, with {2} other phones.", n);
                           }));
    t.plurals.emplace_back("choice.votes", sample([](unsigned long n) {
                               // TRANSLATORS: on the phone page, under a choice once the tally is
                               // shown: {1} votes, {2} their share of all votes in percent.
                               return i18n::tr_n("{1} vote, {2}%", "{1} votes, {2}%", n);
                           }));
    return t;
}

std::string phone_label_text(std::string_view label) {
    if (!label.starts_with(kLabelPrefix)) {
        return std::string(label);
    }
    const std::string_view digits = label.substr(kLabelPrefix.size());
    std::uint64_t number = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
    if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size()) {
        return std::string(label);
    }
    // TRANSLATORS: a phone's name in the room; {1} is its number, in join order.
    return i18n::format(tr("phone page", "Phone {1}"), {digits});
}

bool render_phone_page(std::string_view html, const PhoneText& text, std::string& out,
                       std::string* error) {
    out.clear();
    out.reserve(html.size() + 4096);
    const auto fail = [&](std::string why) {
        if (error != nullptr) {
            *error = std::move(why);
        }
        out.clear();
        return false;
    };
    std::size_t at = 0;
    for (;;) {
        const std::size_t open = html.find("{{", at);
        if (open == std::string_view::npos) {
            out.append(html.substr(at));
            return true;
        }
        out.append(html.substr(at, open - at));
        const std::size_t close = html.find("}}", open + 2);
        if (close == std::string_view::npos) {
            return fail("an unclosed {{ at byte " + std::to_string(open));
        }
        const std::string_view key = html.substr(open + 2, close - open - 2);
        if (key == "lang") {
            escape_html(text.lang, out);
        } else if (key == "text") {
            escape_html(text.json(), out);
        } else {
            const auto found = std::find_if(text.texts.begin(), text.texts.end(),
                                            [key](const auto& e) { return e.first == key; });
            if (found == text.texts.end()) {
                return fail("an unknown text {{" + std::string(key) + "}}");
            }
            escape_html(found->second, out);
        }
        at = close + 2;
    }
}

} // namespace sightline::classroom
