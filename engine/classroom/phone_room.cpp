#include "classroom/phone_room.hpp"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <utility>

namespace sightline::classroom {

namespace {

void init_sodium() {
    static const int ready = sodium_init();
    if (ready < 0) {
        throw std::runtime_error("libsodium could not be initialised");
    }
}

std::string random_base64url(std::size_t bytes) {
    std::vector<unsigned char> raw(bytes);
    randombytes_buf(raw.data(), raw.size());
    constexpr int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
    std::string out(sodium_base64_ENCODED_LEN(bytes, variant), '\0');
    sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(), variant);
    out.resize(out.find('\0'));
    sodium_memzero(raw.data(), raw.size());
    return out;
}

std::string random_code() {
    char digits[8];
    std::snprintf(digits, sizeof digits, "%06u", randombytes_uniform(1000000));
    return digits;
}

std::string to_hex(std::string_view bytes) {
    std::string out(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                   bytes.size());
    out.pop_back();
    return out;
}

// Equal lengths are compared in constant time; a length is no secret.
bool same_secret(std::string_view given, std::string_view expected) {
    return given.size() == expected.size() &&
           sodium_memcmp(given.data(), expected.data(), expected.size()) == 0;
}

std::string label_of(std::uint64_t number) {
    return "Phone " + std::to_string(number);
}

} // namespace

// --- the view ---

std::vector<std::string_view> PhoneView::strings() const {
    std::vector<std::string_view> out{status, title, question, outcome, response, report};
    for (const PhoneParagraph& p : paragraphs) {
        out.push_back(p.speaker);
        out.push_back(p.text);
    }
    for (const PhoneChoice& c : choices) {
        out.push_back(c.key);
        out.push_back(c.text);
        out.push_back(c.feedback);
    }
    for (const std::string& d : debrief) {
        out.push_back(d);
    }
    return out;
}

PhoneView phone_view(const AudienceState& a, std::string question_key) {
    PhoneView v;
    if (!a.choices.empty()) {
        v.question_key = std::move(question_key);
    }
    v.stage = stage_name(a.stage);
    v.status = a.status;
    v.title = a.scenario_title;
    for (const Paragraph& p : a.paragraphs) {
        v.paragraphs.push_back({p.speaker, p.text});
    }
    v.is_check = a.is_check;
    v.multiple = a.multiple;
    v.question = a.question;
    v.voting_open = a.voting_open;
    v.tally_shown = a.tally_shown;
    v.total_votes = a.tally_shown ? a.total_votes : 0;
    v.picked = a.picked;
    for (const AudienceChoice& c : a.choices) {
        PhoneChoice out;
        out.key = c.key;
        out.text = c.text;
        out.enabled = c.enabled;
        if (a.tally_shown) {
            out.votes = c.votes;
            out.percent = c.percent;
        }
        if (a.picked && c.chosen) {
            out.chosen = true;
            // A decision's feedback is the pick's; a check's, each option's.
            out.feedback = a.is_check ? c.feedback : a.feedback;
        }
        v.choices.push_back(std::move(out));
    }
    if (a.stage == Stage::Ended) {
        v.outcome = a.outcome;
        v.debrief = a.debrief;
        v.response = a.response;
        v.report = a.report;
    }
    return v;
}

std::string phone_question_key(const Facilitation& f) {
    if (!f.at_question() || f.path().empty()) {
        return {};
    }
    return "q" + std::to_string(f.branch()) + "-" + std::to_string(f.path().size() - 1);
}

const char* room_result_name(RoomResult result) {
    switch (result) {
    case RoomResult::Ok:
        return "ok";
    case RoomResult::WrongSecret:
        return "wrong-secret";
    case RoomResult::WrongCode:
        return "wrong-code";
    case RoomResult::LobbyLocked:
        return "lobby-locked";
    case RoomResult::RoomFull:
        return "room-full";
    case RoomResult::RoomClosed:
        return "room-closed";
    case RoomResult::RateLimited:
        return "rate-limited";
    case RoomResult::UnknownToken:
        return "unknown-token";
    case RoomResult::NotVoting:
        return "not-voting";
    case RoomResult::StaleQuestion:
        return "stale-question";
    case RoomResult::BadOptions:
        return "bad-options";
    }
    return "unknown";
}

// --- the room ---

void PhoneRoom::Bucket::refill(const RateLimit& limit, std::int64_t now) {
    const std::int64_t full = std::llround(limit.burst * 1e6);
    if (micros < 0) {
        micros = full;
    } else if (now > last_ms && micros < full) {
        const std::int64_t per_ms = std::llround(limit.per_second * 1000);
        const std::int64_t elapsed = now - last_ms;
        if (per_ms > 0) { // no overflow, however far the clock jumps
            micros = elapsed > (full - micros) / per_ms ? full : micros + elapsed * per_ms;
        }
    }
    last_ms = std::max(last_ms, now); // a clock that steps back refills nothing
}

PhoneRoom::PhoneRoom(PhoneRoomOptions options) : options_(std::move(options)) {
    init_sodium();
    secret_ = random_base64url(32);
    code_ = random_code();
    salt_.resize(crypto_generichash_KEYBYTES);
    randombytes_buf(salt_.data(), salt_.size());
    view_ = std::make_shared<const PhoneView>();
}

std::int64_t PhoneRoom::now() const {
    if (options_.clock) {
        return options_.clock();
    }
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

std::string PhoneRoom::digest(std::string_view token) const {
    std::array<unsigned char, crypto_generichash_BYTES> out{};
    crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(token.data()),
                       token.size(), reinterpret_cast<const unsigned char*>(salt_.data()),
                       salt_.size());
    return {reinterpret_cast<const char*>(out.data()), out.size()};
}

std::string PhoneRoom::device_hash(std::string_view token) const {
    return to_hex(digest(token));
}

void PhoneRoom::bump() {
    ++version_;
    changed_.notify_all();
}

void PhoneRoom::activity() const {
    if (options_.on_activity) {
        options_.on_activity();
    }
}

JoinResult PhoneRoom::add_device() {
    if (lobby_locked_) {
        return {RoomResult::LobbyLocked, {}, {}};
    }
    if (devices_.size() >= options_.limits.max_devices) {
        return {RoomResult::RoomFull, {}, {}};
    }
    std::string token = random_base64url(16);
    std::string key = digest(token);
    Device device;
    device.number = next_number_++;
    device.hash_hex = to_hex(key);
    const std::string label = label_of(device.number);
    devices_.emplace(std::move(key), std::move(device));
    return {RoomResult::Ok, std::move(token), label};
}

JoinResult PhoneRoom::join_with_secret(std::string_view secret) {
    JoinResult result;
    {
        const std::lock_guard lock(mutex_);
        if (closed_) {
            return {RoomResult::RoomClosed, {}, {}};
        }
        if (lobby_locked_) {
            return {RoomResult::LobbyLocked, {}, {}};
        }
        if (!same_secret(secret, secret_)) {
            return {RoomResult::WrongSecret, {}, {}};
        }
        result = add_device();
    }
    if (result.ok()) {
        activity();
    }
    return result;
}

JoinResult PhoneRoom::join_with_code(std::string_view code) {
    std::string digits;
    for (const char c : code) {
        if (c != ' ' && c != '-') {
            digits += c;
        }
        if (digits.size() > code_.size()) {
            break; // too long to be right; no need to read on
        }
    }
    JoinResult result;
    {
        const std::lock_guard lock(mutex_);
        if (closed_) {
            return {RoomResult::RoomClosed, {}, {}};
        }
        if (lobby_locked_) {
            return {RoomResult::LobbyLocked, {}, {}}; // no guess is even compared
        }
        const RateLimit& limit = options_.limits.wrong_codes;
        wrong_codes_.refill(limit, now());
        if (!wrong_codes_.has_one()) {
            return {RoomResult::RateLimited, {}, {}};
        }
        if (!same_secret(digits, code_)) {
            wrong_codes_.take();
            return {RoomResult::WrongCode, {}, {}};
        }
        result = add_device();
    }
    if (result.ok()) {
        activity();
    }
    return result;
}

bool PhoneRoom::rejoin(std::string_view token) const {
    const std::string key = digest(token);
    const std::lock_guard lock(mutex_);
    return !closed_ && devices_.contains(key);
}

RoomResult PhoneRoom::vote(std::string_view token, std::string_view question_key,
                           std::vector<std::size_t> options) {
    const std::string key = digest(token);
    {
        const std::lock_guard lock(mutex_);
        if (closed_) {
            return RoomResult::RoomClosed;
        }
        const auto device = devices_.find(key);
        if (device == devices_.end()) {
            return RoomResult::UnknownToken;
        }
        const PhoneView& view = *view_;
        if (view.question_key.empty() || question_key != view.question_key) {
            return RoomResult::StaleQuestion;
        }
        if (!view.voting_open) {
            return RoomResult::NotVoting;
        }
        if (options.empty() || (options.size() > 1 && !view.multiple)) {
            return RoomResult::BadOptions;
        }
        std::sort(options.begin(), options.end());
        if (std::adjacent_find(options.begin(), options.end()) != options.end()) {
            return RoomResult::BadOptions;
        }
        for (const std::size_t i : options) {
            if (i >= view.choices.size() || !view.choices[i].enabled) {
                return RoomResult::BadOptions;
            }
        }
        device->second.vote = std::move(options);
    }
    activity();
    return RoomResult::Ok;
}

std::optional<std::string> PhoneRoom::view_json(std::string_view token) const {
    const std::string key = digest(token);
    std::shared_ptr<const PhoneView> shared;
    std::uint64_t version = 0;
    std::size_t lobby = 0;
    std::string label;
    std::vector<std::size_t> vote;
    {
        const std::lock_guard lock(mutex_);
        const auto device = devices_.find(key);
        if (closed_ || device == devices_.end()) {
            return std::nullopt;
        }
        shared = view_;
        version = version_;
        lobby = devices_.size();
        label = label_of(device->second.number);
        vote = device->second.vote;
    }
    // Rendered outside the lock: the view is immutable once published.
    const PhoneView& v = *shared;
    nlohmann::json j;
    j["version"] = version;
    j["lobby"] = lobby;
    j["device"] = label;
    j["your_vote"] = vote;
    j["question_key"] = v.question_key;
    j["stage"] = v.stage;
    j["status"] = v.status;
    j["title"] = v.title;
    j["paragraphs"] = nlohmann::json::array();
    for (const PhoneParagraph& p : v.paragraphs) {
        j["paragraphs"].push_back({{"speaker", p.speaker}, {"text", p.text}});
    }
    j["check"] = v.is_check;
    j["multiple"] = v.multiple;
    j["question"] = v.question;
    j["choices"] = nlohmann::json::array();
    for (const PhoneChoice& c : v.choices) {
        nlohmann::json choice{{"key", c.key}, {"text", c.text}, {"enabled", c.enabled}};
        if (c.votes) {
            choice["votes"] = *c.votes;
            choice["percent"] = c.percent;
        }
        if (c.chosen) {
            choice["chosen"] = true;
            choice["feedback"] = c.feedback;
        }
        j["choices"].push_back(std::move(choice));
    }
    j["voting_open"] = v.voting_open;
    j["tally_shown"] = v.tally_shown;
    if (v.tally_shown) {
        j["total_votes"] = v.total_votes;
    }
    j["picked"] = v.picked;
    if (!v.outcome.empty() || !v.debrief.empty()) {
        j["outcome"] = v.outcome;
        j["debrief"] = v.debrief;
        j["response"] = v.response;
        j["report"] = v.report;
    }
    // Content is valid UTF-8 (the compiler checks it); replace rather than
    // throw if it ever is not.
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool PhoneRoom::admit(std::string_view token) {
    const std::string key = token.empty() ? std::string() : digest(token);
    const std::lock_guard lock(mutex_);
    const std::int64_t t = now();
    overall_.refill(options_.limits.overall, t);
    Device* device = nullptr;
    if (!key.empty()) {
        if (const auto found = devices_.find(key); found != devices_.end()) {
            device = &found->second;
            device->bucket.refill(options_.limits.per_device, t);
        }
    }
    if (!overall_.has_one() || (device != nullptr && !device->bucket.has_one())) {
        return false;
    }
    overall_.take();
    if (device != nullptr) {
        device->bucket.take();
    }
    return true;
}

std::uint64_t PhoneRoom::wait_for_change(std::uint64_t since,
                                         std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, timeout, [&] { return closed_ || version_ != since; });
    return version_;
}

std::uint64_t PhoneRoom::wait_for_change(std::uint64_t since, std::chrono::milliseconds timeout,
                                         const std::atomic<bool>& interrupted) const {
    std::unique_lock lock(mutex_);
    // The flag is read under the lock, and wake_waiters() takes the lock after
    // the flag is set: a waiter either sees the flag or is waiting when woken.
    changed_.wait_for(lock, timeout,
                      [&] { return closed_ || version_ != since || interrupted.load(); });
    return version_;
}

void PhoneRoom::wake_waiters() const {
    const std::lock_guard lock(mutex_);
    changed_.notify_all();
}

void PhoneRoom::publish(PhoneView view) {
    auto shared = std::make_shared<const PhoneView>(std::move(view));
    std::shared_ptr<const PhoneView> old; // freed after the lock
    const std::lock_guard lock(mutex_);
    if (closed_ || *shared == *view_) {
        return;
    }
    if (shared->question_key != view_->question_key) {
        for (auto& [key, device] : devices_) {
            device.vote.clear();
        }
    }
    old = std::exchange(view_, std::move(shared));
    bump();
}

std::vector<std::int64_t> PhoneRoom::phone_counts() const {
    const std::lock_guard lock(mutex_);
    std::vector<std::int64_t> counts(view_->choices.size(), 0);
    for (const auto& [key, device] : devices_) {
        for (const std::size_t i : device.vote) {
            if (i < counts.size()) {
                ++counts[i];
            }
        }
    }
    return counts;
}

std::size_t PhoneRoom::voters() const {
    const std::lock_guard lock(mutex_);
    return static_cast<std::size_t>(std::count_if(
        devices_.begin(), devices_.end(), [](const auto& d) { return !d.second.vote.empty(); }));
}

void PhoneRoom::reset_votes() {
    const std::lock_guard lock(mutex_);
    for (auto& [key, device] : devices_) {
        device.vote.clear();
    }
    bump();
}

void PhoneRoom::lock_lobby(bool locked) {
    const std::lock_guard lock(mutex_);
    lobby_locked_ = locked;
}

bool PhoneRoom::lobby_locked() const {
    const std::lock_guard lock(mutex_);
    return lobby_locked_;
}

std::vector<DeviceInfo> PhoneRoom::devices() const {
    std::vector<std::pair<std::uint64_t, DeviceInfo>> numbered;
    {
        const std::lock_guard lock(mutex_);
        for (const auto& [key, device] : devices_) {
            numbered.push_back(
                {device.number,
                 {label_of(device.number), !device.vote.empty(), device.vote, device.hash_hex}});
        }
    }
    std::sort(numbered.begin(), numbered.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<DeviceInfo> out;
    out.reserve(numbered.size());
    for (auto& [number, info] : numbered) {
        out.push_back(std::move(info));
    }
    return out;
}

bool PhoneRoom::remove_device(std::string_view label) {
    const std::lock_guard lock(mutex_);
    for (auto it = devices_.begin(); it != devices_.end(); ++it) {
        if (label_of(it->second.number) == label) {
            devices_.erase(it);
            bump(); // its long poll wakes and finds its token dead
            return true;
        }
    }
    return false;
}

void PhoneRoom::set_join_code_shown(bool shown) {
    const std::lock_guard lock(mutex_);
    code_shown_ = shown;
}

bool PhoneRoom::join_code_shown() const {
    const std::lock_guard lock(mutex_);
    return code_shown_;
}

void PhoneRoom::close() {
    const std::lock_guard lock(mutex_);
    if (closed_) {
        return;
    }
    closed_ = true;
    devices_.clear();
    bump();
}

bool PhoneRoom::closed() const {
    const std::lock_guard lock(mutex_);
    return closed_;
}

std::uint64_t PhoneRoom::version() const {
    const std::lock_guard lock(mutex_);
    return version_;
}

void PhoneRoom::announce_lobby() {
    const std::lock_guard lock(mutex_);
    if (closed_ || devices_.size() == announced_lobby_) {
        return;
    }
    const std::int64_t t = now();
    if (announced_ms_ != INT64_MIN && t - announced_ms_ < 1000) {
        return;
    }
    announced_lobby_ = devices_.size();
    announced_ms_ = t;
    bump();
}

// --- request bodies ---

namespace {

// The strict part both request bodies share: at most `max_bytes`, one JSON
// object, no repeated member, no comments, nothing after it. Empty with
// `error` set when the body is refused.
std::optional<nlohmann::json> strict_object(std::string_view body, std::size_t max_bytes,
                                            std::string& error) {
    using nlohmann::json;
    if (body.size() > max_bytes) {
        error = "The request body is larger than " + std::to_string(max_bytes) + " bytes.";
        return std::nullopt;
    }
    // The parser takes a NUL byte for the end of the input, and a JSON text
    // never holds one (strings escape it).
    if (body.find('\0') != std::string_view::npos) {
        error = "The request body is not valid JSON.";
        return std::nullopt;
    }
    // Counts the top-level members as the parser reads them: the parsed
    // object keeps only the last of a repeated member.
    std::size_t members = 0;
    const json::parser_callback_t count = [&](int depth, json::parse_event_t event, json&) {
        if (event == json::parse_event_t::key && depth == 1) {
            ++members;
        }
        return true;
    };
    json parsed = json::parse(body.begin(), body.end(), count, /*allow_exceptions=*/false,
                              /*ignore_comments=*/false);
    if (parsed.is_discarded()) {
        error = "The request body is not valid JSON.";
        return std::nullopt;
    }
    if (!parsed.is_object()) {
        error = "The request body must be a JSON object.";
        return std::nullopt;
    }
    if (members != parsed.size()) {
        error = "The request body repeats a member.";
        return std::nullopt;
    }
    return parsed;
}

} // namespace

ParsedVote parse_vote_body(std::string_view body) {
    using nlohmann::json;
    const auto refuse = [](std::string why) { return ParsedVote{std::nullopt, std::move(why)}; };
    std::string error;
    const std::optional<json> object = strict_object(body, kMaxVoteBodyBytes, error);
    if (!object) {
        return refuse(std::move(error));
    }
    const json& parsed = *object;
    for (const auto& [name, value] : parsed.items()) {
        if (name != "question" && name != "options") {
            return refuse("Unknown member '" + name + "'; a vote has only question and options.");
        }
    }
    const auto question = parsed.find("question");
    const auto options = parsed.find("options");
    if (question == parsed.end() || options == parsed.end()) {
        return refuse("A vote needs both question and options.");
    }
    if (!question->is_string() || question->get_ref<const std::string&>().empty()) {
        return refuse("question must be a non-empty string.");
    }
    if (!options->is_array()) {
        return refuse("options must be an array of option numbers.");
    }
    if (options->size() > kMaxVoteOptions) {
        return refuse("options has more than " + std::to_string(kMaxVoteOptions) + " entries.");
    }
    VoteBody vote;
    vote.question = question->get<std::string>();
    for (const json& o : *options) {
        // Unsigned only: negative numbers parse as signed, fractions and
        // numbers beyond 64 bits as floating point.
        if (!o.is_number_unsigned() || o.get<std::uint64_t>() >= kMaxVoteOptions) {
            return refuse("options must hold whole numbers from 0 to " +
                          std::to_string(kMaxVoteOptions - 1) + ".");
        }
        vote.options.push_back(static_cast<std::size_t>(o.get<std::uint64_t>()));
    }
    return {std::move(vote), {}};
}

ParsedJoin parse_join_body(std::string_view body) {
    using nlohmann::json;
    const auto refuse = [](std::string why) { return ParsedJoin{std::nullopt, std::move(why)}; };
    std::string error;
    const std::optional<json> object = strict_object(body, kMaxJoinBodyBytes, error);
    if (!object) {
        return refuse(std::move(error));
    }
    if (object->size() != 1) {
        return refuse("A join has exactly one member: secret or code.");
    }
    const auto member = object->begin();
    const std::string& name = member.key();
    const json& value = member.value();
    const bool secret = name == "secret";
    if (!secret && name != "code") {
        return refuse("Unknown member '" + name + "'; a join has only secret or code.");
    }
    const std::size_t max = secret ? kMaxJoinSecretBytes : kMaxJoinCodeBytes;
    if (!value.is_string() || value.get_ref<const std::string&>().empty() ||
        value.get_ref<const std::string&>().size() > max) {
        return refuse(name + " must be a non-empty string of at most " + std::to_string(max) +
                      " bytes.");
    }
    JoinBody join;
    (secret ? join.secret : join.code) = value.get<std::string>();
    return {std::move(join), {}};
}

} // namespace sightline::classroom
