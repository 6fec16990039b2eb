#include "records/export.hpp"

#include "i18n/i18n.hpp"
#include "records/background_writer.hpp"
#include "records/paths.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <ctime>
#include <fstream>
#include <map>
#include <memory>
#include <openssl/evp.h>
#include <optional>
#include <unordered_map>

namespace sightline::records {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kVerbs = "http://adlnet.gov/expapi/verbs/";
constexpr const char* kInteraction = "http://adlnet.gov/expapi/activities/cmi.interaction";

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) {
            out += separator;
        }
        out += items[i];
    }
    return out;
}

// Appends `text` as a JSON string (RFC 8259 §7: quote, backslash and control
// characters escaped; UTF-8 passes through).
void append_quoted(std::string& out, std::string_view text) {
    out += '"';
    for (const char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
                out += escaped;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

// Opens an export file owner-only: it may hold names and licence numbers.
std::ofstream open_private(const std::filesystem::path& file) {
    create_private_file(file);
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out) {
        // TRANSLATORS: {1} a file.
        throw RecordsError(i18n::format(i18n::tr("cannot write {1}"), {file.string()}));
    }
    return out;
}

void finish_file(std::ofstream& out, const std::filesystem::path& file) {
    out.close();
    if (out.fail()) {
        // TRANSLATORS: {1} a file.
        throw RecordsError(
            i18n::format(i18n::tr("cannot write {1} (is the disk full?)"), {file.string()}));
    }
}

void csv_row(std::ostream& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) {
            out << ',';
        }
        out << csv_field(fields[i]);
    }
    out << "\r\n";
}

// Which of an option's votes: all of them, those counted by hand, or those
// from phones (records from before phone voting have none from phones).
enum class VoteSource : std::uint8_t { All, Hands, Phones };

std::int64_t votes_of(const VoteCount& v, VoteSource source) {
    switch (source) {
    case VoteSource::All:
        return v.count;
    case VoteSource::Hands:
        return v.hands();
    case VoteSource::Phones:
        return v.phones;
    }
    return v.count;
}

// "a:3;b:5"
std::string votes_text(const std::vector<VoteCount>& votes, VoteSource source) {
    std::string out;
    for (const VoteCount& v : votes) {
        out += (out.empty() ? "" : ";") + v.id + ":" + std::to_string(votes_of(v, source));
    }
    return out;
}

std::string score_percent(const AttemptResult& result) {
    return std::to_string(static_cast<int>(result.scaled() * 100.0 + 0.5));
}

// The parts of every statement of one attempt, serialised once.
struct AttemptContext {
    Attempt attempt;
    std::string actor;   // JSON
    std::string context; // JSON
    std::string scenario_iri;
    std::uint32_t seen = 0; // events written so far
};

// Appends a statement as JSON text: the per-attempt parts are spliced in
// already serialised, so a million statements do not copy them a million times.
void append_statement(std::string& out, const std::string& id, const AttemptContext& c,
                      const std::string& verb, const std::string& object, const std::string& result,
                      TimeMs time) {
    out += R"({"id":")";
    out += id;
    out += R"(","actor":)";
    out += c.actor;
    out += R"(,"verb":{"id":")";
    out += kVerbs;
    out += verb;
    out += R"(","display":{"en-US":")";
    out += verb;
    out += R"("}},"object":)";
    out += object;
    out += R"(,"result":)";
    out += result;
    out += R"(,"context":)";
    out += c.context;
    out += R"(,"timestamp":")";
    out += iso8601_utc(time);
    out += "\"}\n";
}

class XapiWriter {
  public:
    XapiWriter(Store& store, std::ostream& out, const ExportOptions& options)
        : writer_(out), options_(options) {
        base_ = options.base_iri;
        if (base_.empty() || base_.back() != '/') {
            base_ += '/';
        }
        score_changes_key_ = Json(base_ + "xapi/score-changes").dump();
        indicators_key_ = Json(base_ + "xapi/indicators-noticed").dump();
        tier_key_ = Json(base_ + "xapi/tier").dump();
        outcome_key_ = Json(base_ + "xapi/outcome").dump();
        votes_key_ = Json(base_ + "xapi/votes").dump();
        hand_votes_key_ = Json(base_ + "xapi/hand-votes").dump();
        phone_votes_key_ = Json(base_ + "xapi/phone-votes").dump();
        branch_key_ = Json(base_ + "xapi/branch").dump();
        for (ClassroomSession& session : store.classroom_sessions()) {
            sessions_.emplace(session.attempt_id, std::move(session));
        }
        for (Learner& learner : store.learners()) {
            learners_.emplace(learner.id, std::move(learner));
        }
        for (Attempt& attempt : store.attempts({}, /*with_saves=*/false)) {
            std::string id = attempt.id;
            attempts_.emplace(std::move(id), make_context(std::move(attempt)));
        }
    }

    ExportCounts run(Store& store) {
        // Events come in the order they were recorded; an attempt's closing
        // statements follow its last event.
        store.for_each_event([&](const Event& event) {
            const auto found = attempts_.find(event.attempt_id);
            if (found == attempts_.end()) {
                // TRANSLATORS: {1} an attempt's id.
                throw RecordsError(
                    i18n::format(i18n::tr("an event refers to attempt {1}, which is missing"),
                                 {event.attempt_id}));
            }
            AttemptContext& c = found->second;
            answered(c, event);
            if (++c.seen == c.attempt.events) {
                close(c);
            }
        });
        for (auto& [id, c] : attempts_) {
            if (c.seen < c.attempt.events || c.attempt.events == 0) {
                close(c); // finished attempts whose events are not all there
            }
        }
        counts_.attempts = attempts_.size();
        return counts_;
    }

    // Writes what is still buffered and waits until the stream has it all.
    void finish() {
        flush();
        writer_.finish();
    }

  private:
    AttemptContext make_context(Attempt a) {
        AttemptContext c;
        c.scenario_iri = base_ + "scenarios/" + a.scenario_id;
        Json actor;
        if (a.learner_id.empty()) {
            // The room, never its people: participants are anonymous.
            const auto session = sessions_.find(a.id);
            actor = {
                {"objectType", "Group"},
                {"name", session != sessions_.end() ? session->second.name : "Classroom session"},
                {"account", {{"homePage", base_}, {"name", "classroom-" + a.id}}}};
        } else {
            actor = {{"objectType", "Agent"}};
            const auto learner = learners_.find(a.learner_id);
            if (options_.identify && learner != learners_.end()) {
                actor["name"] = learner->second.display_name;
            }
            actor["account"] = {{"homePage", base_ + "learners"}, {"name", a.learner_id}};
        }
        c.actor = actor.dump();
        Json activities = {
            {"parent", Json::array({{{"id", c.scenario_iri}, {"objectType", "Activity"}}})}};
        if (!a.course_id.empty()) {
            activities["grouping"] = Json::array(
                {{{"id", base_ + "courses/" + a.course_id}, {"objectType", "Activity"}}});
        }
        c.context = Json{{"registration", a.id},
                         {"contextActivities", activities},
                         {"platform", options_.platform},
                         {"language", a.language},
                         {"extensions",
                          {{base_ + "xapi/delivery-mode", mode_name(a.mode)},
                           {base_ + "xapi/bundle", a.bundle_hash},
                           // The order the options were shown in; a string, since a
                           // 64-bit number does not survive JavaScript's doubles.
                           {base_ + "xapi/option-order-seed", std::to_string(a.seed)}}}}
                        .dump();
        c.attempt = std::move(a);
        return c;
    }

    void emit(const std::string& id, const AttemptContext& c, const std::string& verb,
              const std::string& object, const std::string& result, TimeMs time) {
        append_statement(pending_, id, c, verb, object, result, time);
        ++counts_.statements;
        if (pending_.size() >= kFlushBytes) {
            flush();
        }
    }

    // Hands the buffered statements to the writer thread.
    void flush() { writer_.submit(pending_); }

    // The interaction's definition is the same for everyone who met the node
    // with the same choices, so it is serialised once per distinct node view.
    const std::string& object_text(const AttemptContext& c, const Event& e) {
        std::string& key = key_; // reused: its capacity outlives the call
        key.assign(c.scenario_iri);
        key += '\n';
        key += e.node_id;
        key += '\n';
        key += c.attempt.language;
        key += e.kind == EventKind::Choice ? "\nc\n" : "\na\n";
        key += e.prompt;
        for (const Offered& option : e.offered) {
            key += '\n';
            key += option.best ? '+' : '-';
            key += option.id;
            key += '\t';
            key += option.text;
        }
        if (const auto hit = objects_.find(key); hit != objects_.end()) {
            return hit->second;
        }
        const std::string& language = c.attempt.language;
        Json choices = Json::array();
        std::vector<std::string> best;
        for (const Offered& option : e.offered) {
            choices.push_back({{"id", option.id}, {"description", {{language, option.text}}}});
            if (option.best) {
                best.push_back(option.id);
            }
        }
        // A decision is right with any best choice (one pattern each); a
        // knowledge check is right with exactly its correct options (one pattern).
        Json patterns = Json::array();
        if (e.kind == EventKind::Choice) {
            for (const auto& id : best) {
                patterns.push_back(id);
            }
        } else {
            patterns.push_back(join(best, "[,]"));
        }
        const Json object = {{"objectType", "Activity"},
                             {"id", c.scenario_iri + "/nodes/" + e.node_id},
                             {"definition",
                              {{"type", kInteraction},
                               {"name", {{language, c.attempt.scenario_id + ": " + e.node_id}}},
                               {"description", {{language, e.prompt}}},
                               {"interactionType", "choice"},
                               {"correctResponsesPattern", patterns},
                               {"choices", choices}}}};
        if (objects_.size() >= kMaxCachedObjects) {
            objects_.clear(); // bounded memory whatever the data
        }
        return objects_.emplace(key, object.dump()).first->second;
    }

    // The per-event result, written directly: it is the one part that differs
    // in every statement.
    std::string result_text(const Event& e) const {
        std::string out = R"({"response":)";
        append_quoted(out, join(e.response, "[,]"));
        out += R"(,"success":)";
        out += e.correct ? "true" : "false";
        out += R"(,"duration":")";
        out += iso8601_duration(e.time_on_node_ms);
        out += R"(","extensions":{)";
        out += score_changes_key_;
        out += ":{";
        for (std::size_t i = 0; i < e.score_changes.size(); ++i) {
            out += i > 0 ? "," : "";
            append_quoted(out, e.score_changes[i].dimension);
            out += ':';
            out += std::to_string(e.score_changes[i].delta);
        }
        out += "},";
        out += indicators_key_;
        out += ":[";
        for (std::size_t i = 0; i < e.indicators.size(); ++i) {
            out += i > 0 ? "," : "";
            append_quoted(out, e.indicators[i]);
        }
        out += ']';
        if (!e.tier.empty()) {
            out += ',';
            out += tier_key_;
            out += ':';
            append_quoted(out, e.tier);
        }
        if (!e.votes.empty()) { // classroom: the room's votes and the explored branch
            // All the votes per option, then the same split by hand and by phone.
            append_votes(out, votes_key_, e.votes, VoteSource::All);
            append_votes(out, hand_votes_key_, e.votes, VoteSource::Hands);
            append_votes(out, phone_votes_key_, e.votes, VoteSource::Phones);
            out += ',';
            out += branch_key_;
            out += ':' + std::to_string(e.branch);
        }
        out += "}}";
        return out;
    }

    // ,"<key>":{"<option id>":<votes>,...}
    static void append_votes(std::string& out, const std::string& key,
                             const std::vector<VoteCount>& votes, VoteSource source) {
        out += ',';
        out += key;
        out += ":{";
        for (std::size_t i = 0; i < votes.size(); ++i) {
            out += i > 0 ? "," : "";
            append_quoted(out, votes[i].id);
            out += ':' + std::to_string(votes_of(votes[i], source));
        }
        out += '}';
    }

    void answered(const AttemptContext& c, const Event& e) {
        ++counts_.events;
        emit(name_uuid(e.attempt_id + "/" + std::to_string(e.sequence) + "/answered"), c,
             "answered", object_text(c, e), result_text(e), e.time);
    }

    // `completed`, then `passed` or `failed`, for a finished attempt.
    void close(AttemptContext& c) {
        const Attempt& a = c.attempt;
        if (a.status != Status::Completed || !a.result || !a.finished || c.seen > a.events) {
            return;
        }
        c.seen = a.events + 1; // closed: never twice
        const AttemptResult& r = *a.result;
        std::string& object = scenario_objects_[c.scenario_iri + '\n' + a.language];
        if (object.empty()) {
            object = Json{{"objectType", "Activity"},
                          {"id", c.scenario_iri},
                          {"definition",
                           {{"type", "http://adlnet.gov/expapi/activities/simulation"},
                            {"name", {{a.language, a.scenario_id}}}}}}
                         .dump();
        }
        std::string result = R"({"score":{"scaled":)";
        result += Json(r.scaled()).dump();
        result += R"(,"raw":)" + std::to_string(r.raw) + R"(,"min":)" + std::to_string(r.min) +
                  R"(,"max":)" + std::to_string(r.max) + R"(},"success":)";
        result += r.passed ? "true" : "false";
        result += R"(,"completion":true,"duration":")" + iso8601_duration(a.active_ms) +
                  R"(","extensions":{)" + outcome_key_ + ":";
        append_quoted(result, r.outcome);
        result += "}}";
        for (const std::string verb : {"completed", r.passed ? "passed" : "failed"}) {
            emit(name_uuid(a.id + "/" + verb), c, verb, object, result, *a.finished);
        }
    }

    // Statements go out in writes of about this size: a system call per
    // ofstream buffer (8 KiB) costs more kernel time than the formatting.
    static constexpr std::size_t kFlushBytes = 1 << 20;
    std::string pending_;
    BackgroundWriter writer_;
    const ExportOptions& options_;
    std::string base_;
    std::string score_changes_key_; // the extension keys, quoted
    std::string indicators_key_;
    std::string tier_key_;
    std::string outcome_key_;
    std::string votes_key_;
    std::string hand_votes_key_;
    std::string phone_votes_key_;
    std::string branch_key_;
    std::map<std::string, ClassroomSession, std::less<>> sessions_;
    std::unordered_map<std::string, std::string> scenario_objects_; // by IRI and language
    std::map<std::string, Learner, std::less<>> learners_;
    std::unordered_map<std::string, AttemptContext> attempts_;
    static constexpr std::size_t kMaxCachedObjects = 4096;
    std::unordered_map<std::string, std::string> objects_; // object_text()
    std::string key_;                                      // object_text()'s lookup key
    ExportCounts counts_;
};

} // namespace

std::string csv_field(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
        return std::string(text);
    }
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') {
            out += '"';
        }
        out += c;
    }
    out += '"';
    return out;
}

std::string iso8601_utc(TimeMs time) {
    const std::time_t seconds = static_cast<std::time_t>(time / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[40];
    const std::size_t n = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
    char millis[8];
    std::snprintf(millis, sizeof millis, ".%03dZ", static_cast<int>(((time % 1000) + 1000) % 1000));
    return std::string(text, n) + millis;
}

std::string iso8601_duration(std::int64_t ms) {
    if (ms < 0) {
        ms = 0;
    }
    const std::int64_t hours = ms / 3'600'000;
    const std::int64_t minutes = ms / 60'000 % 60;
    const std::int64_t seconds = ms / 1000 % 60;
    const std::int64_t rest = ms % 1000;
    std::string out = "PT";
    if (hours > 0) {
        out += std::to_string(hours) + "H";
    }
    if (minutes > 0) {
        out += std::to_string(minutes) + "M";
    }
    if (seconds > 0 || rest > 0 || (hours == 0 && minutes == 0)) {
        out += std::to_string(seconds);
        if (rest > 0) {
            char frac[8];
            std::snprintf(frac, sizeof frac, ".%03d", static_cast<int>(rest));
            std::string f(frac);
            while (f.back() == '0') {
                f.pop_back();
            }
            out += f;
        }
        out += "S";
    }
    return out;
}

std::string name_uuid(std::string_view name) {
    // RFC 4122 §4.3: SHA-1 of the namespace UUID's bytes then the name.
    static constexpr std::array<unsigned char, 16> kNamespace = {0x5e, 0x1b, 0x7c, 0x2a, 0x93, 0x4d,
                                                                 0x4f, 0x0e, 0x8a, 0x61, 0x2c, 0x37,
                                                                 0xd4, 0x90, 0x1f, 0x6b};
    // Fetched once: looking SHA-1 up per call costs more than hashing.
    static EVP_MD* const sha1 = EVP_MD_fetch(nullptr, "SHA1", nullptr);
    // One context per thread, reset by each init: an export hashes a million names.
    thread_local const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(
        EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    const bool hashed =
        context != nullptr && sha1 != nullptr &&
        EVP_DigestInit_ex(context.get(), sha1, nullptr) == 1 &&
        EVP_DigestUpdate(context.get(), kNamespace.data(), kNamespace.size()) == 1 &&
        EVP_DigestUpdate(context.get(), name.data(), name.size()) == 1 &&
        EVP_DigestFinal_ex(context.get(), digest.data(), nullptr) == 1;
    if (!hashed) {
        throw RecordsError("cannot compute SHA-1 for a statement id (OpenSSL failed)");
    }
    digest[6] = static_cast<unsigned char>((digest[6] & 0x0f) | 0x50);
    digest[8] = static_cast<unsigned char>((digest[8] & 0x3f) | 0x80);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (std::size_t i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) {
            out += '-';
        }
        out += kHex[digest[i] >> 4];
        out += kHex[digest[i] & 0x0f];
    }
    return out;
}

ExportCounts export_csv(Store& store, const std::filesystem::path& dir,
                        const ExportOptions& options) {
    ensure_private_dir(dir);
    ExportCounts counts;
    std::map<std::string, Learner, std::less<>> learners;
    for (const Learner& learner : store.learners()) {
        learners.emplace(learner.id, learner);
    }

    const auto attempts_file = dir / "attempts.csv";
    std::ofstream attempts = open_private(attempts_file);
    std::vector<std::string> header = {"attempt_id", "learner_id"};
    if (options.identify) {
        header.insert(header.end(),
                      {"learner_name", "profession", "licence_number", "licence_state"});
    }
    header.insert(header.end(), {"course_id",
                                 "scenario_id",
                                 "mode",
                                 "language",
                                 "bundle_hash",
                                 "bundle_version",
                                 "option_order_seed",
                                 "started_utc",
                                 "finished_utc",
                                 "status",
                                 "active_seconds",
                                 "events",
                                 "outcome",
                                 "score_raw",
                                 "score_min",
                                 "score_max",
                                 "score_percent",
                                 "passed",
                                 "classroom_session",
                                 "facilitator",
                                 "head_count"});
    csv_row(attempts, header);
    std::map<std::string, ClassroomSession, std::less<>> sessions;
    for (ClassroomSession& session : store.classroom_sessions()) {
        sessions.emplace(session.attempt_id, std::move(session));
    }
    for (const Attempt& a : store.attempts({}, /*with_saves=*/false)) {
        std::vector<std::string> row = {a.id, a.learner_id};
        if (options.identify) {
            const auto learner = learners.find(a.learner_id);
            const bool known = learner != learners.end();
            row.insert(row.end(), {known ? learner->second.display_name : "",
                                   known ? learner->second.profession : "",
                                   known ? learner->second.licence_number : "",
                                   known ? learner->second.licence_state : ""});
        }
        const bool done = a.result.has_value();
        row.insert(row.end(),
                   {a.course_id, a.scenario_id, mode_name(a.mode), a.language, a.bundle_hash,
                    a.bundle_version, std::to_string(a.seed), iso8601_utc(a.started),
                    a.finished ? iso8601_utc(*a.finished) : "", status_name(a.status),
                    std::to_string(a.active_ms / 1000), std::to_string(a.events),
                    done ? a.result->outcome : "", done ? std::to_string(a.result->raw) : "",
                    done ? std::to_string(a.result->min) : "",
                    done ? std::to_string(a.result->max) : "", done ? score_percent(*a.result) : "",
                    done ? (a.result->passed ? "yes" : "no") : ""});
        const auto session = sessions.find(a.id);
        const bool classroom = session != sessions.end();
        row.insert(row.end(), {classroom ? session->second.name : "",
                               classroom && options.identify ? session->second.facilitator : "",
                               classroom ? std::to_string(session->second.head_count) : ""});
        csv_row(attempts, row);
        ++counts.attempts;
    }
    finish_file(attempts, attempts_file);

    const auto events_file = dir / "events.csv";
    std::ofstream events = open_private(events_file);
    csv_row(events, {"attempt_id", "sequence", "timestamp_utc", "node_id", "kind", "response",
                     "correct", "tier", "score_changes", "indicators", "time_on_node_ms", "prompt",
                     "branch", "votes", "hand_votes", "phone_votes"});
    store.for_each_event([&](const Event& e) {
        std::vector<std::string> changes;
        for (const auto& c : e.score_changes) {
            changes.push_back(c.dimension + ":" + (c.delta >= 0 ? "+" : "") +
                              std::to_string(c.delta));
        }
        csv_row(events,
                {e.attempt_id, std::to_string(e.sequence), iso8601_utc(e.time), e.node_id,
                 e.kind == EventKind::Answer ? "answer" : "choice", join(e.response, ";"),
                 e.correct ? "yes" : "no", e.tier, join(changes, ";"), join(e.indicators, ";"),
                 std::to_string(e.time_on_node_ms), e.prompt, std::to_string(e.branch),
                 votes_text(e.votes, VoteSource::All), votes_text(e.votes, VoteSource::Hands),
                 votes_text(e.votes, VoteSource::Phones)});
        ++counts.events;
    });
    finish_file(events, events_file);
    return counts;
}

ExportCounts export_xapi(Store& store, std::ostream& out, const ExportOptions& options) {
    XapiWriter writer(store, out, options);
    ExportCounts counts = writer.run(store);
    writer.finish();
    out.flush();
    if (!out) {
        throw RecordsError(i18n::tr("cannot write the xAPI statements (is the disk full?)"));
    }
    return counts;
}

} // namespace sightline::records
