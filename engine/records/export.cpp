#include "records/export.hpp"

#include "records/paths.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <ctime>
#include <fstream>
#include <map>
#include <openssl/sha.h>
#include <optional>
#include <set>

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

// Opens an export file owner-only: it may hold names and licence numbers.
std::ofstream open_private(const std::filesystem::path& file) {
    create_private_file(file);
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out) {
        throw RecordsError("cannot write " + file.string());
    }
    return out;
}

void finish_file(std::ofstream& out, const std::filesystem::path& file) {
    out.close();
    if (out.fail()) {
        throw RecordsError("cannot write " + file.string() + " (is the disk full?)");
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

std::string score_percent(const AttemptResult& result) {
    return std::to_string(static_cast<int>(result.scaled() * 100.0 + 0.5));
}

// The statements' shared pieces for one attempt.
struct AttemptContext {
    Attempt attempt;
    Json actor;
    Json context;
    std::string scenario_iri;
};

class XapiWriter {
  public:
    XapiWriter(Store& store, std::ostream& out, const ExportOptions& options)
        : store_(store), out_(out), options_(options) {
        base_ = options.base_iri;
        if (base_.empty() || base_.back() != '/') {
            base_ += '/';
        }
        for (const Learner& learner : store.learners()) {
            learners_.emplace(learner.id, learner);
        }
        for (Attempt& attempt : store.attempts()) {
            attempts_.emplace(attempt.id, std::move(attempt));
        }
    }

    ExportCounts run() {
        std::string current;
        store_.for_each_event([&](const Event& event) {
            if (event.attempt_id != current) {
                close_attempt(current);
                current = event.attempt_id;
            }
            answered(event);
        });
        close_attempt(current);
        for (const auto& [id, attempt] : attempts_) {
            if (!closed_.contains(id)) {
                close_attempt(id); // finished attempts with no events
            }
        }
        counts_.attempts = attempts_.size();
        return counts_;
    }

  private:
    const AttemptContext& context_of(const std::string& attempt_id) {
        if (cached_ && cached_->attempt.id == attempt_id) {
            return *cached_;
        }
        const auto found = attempts_.find(attempt_id);
        if (found == attempts_.end()) {
            throw RecordsError("an event refers to attempt " + attempt_id + ", which is missing");
        }
        const Attempt& a = found->second;
        AttemptContext c;
        c.attempt = a;
        c.scenario_iri = base_ + "scenarios/" + a.scenario_id;
        if (a.learner_id.empty()) {
            c.actor = {{"objectType", "Group"},
                       {"name", "Classroom session"},
                       {"account", {{"homePage", base_}, {"name", "classroom-" + a.id}}}};
        } else {
            c.actor = {{"objectType", "Agent"}};
            const auto learner = learners_.find(a.learner_id);
            if (options_.identify && learner != learners_.end()) {
                c.actor["name"] = learner->second.display_name;
            }
            c.actor["account"] = {{"homePage", base_ + "learners"}, {"name", a.learner_id}};
        }
        Json parent = Json::array({{{"id", c.scenario_iri}, {"objectType", "Activity"}}});
        Json activities = {{"parent", parent}};
        if (!a.course_id.empty()) {
            activities["grouping"] = Json::array(
                {{{"id", base_ + "courses/" + a.course_id}, {"objectType", "Activity"}}});
        }
        c.context = {{"registration", a.id},
                     {"contextActivities", activities},
                     {"platform", options_.platform},
                     {"language", a.language},
                     {"extensions",
                      {{base_ + "xapi/delivery-mode", mode_name(a.mode)},
                       {base_ + "xapi/bundle", a.bundle_hash}}}};
        cached_ = std::move(c);
        return *cached_;
    }

    void emit(const Json& statement) {
        out_ << statement.dump() << '\n';
        ++counts_.statements;
    }

    void answered(const Event& e) {
        const AttemptContext& c = context_of(e.attempt_id);
        ++counts_.events;
        Json choices = Json::array();
        std::vector<std::string> best;
        for (const Offered& option : e.offered) {
            choices.push_back(
                {{"id", option.id}, {"description", {{c.attempt.language, option.text}}}});
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
        Json changes = Json::object();
        for (const auto& change : e.score_changes) {
            changes[change.dimension] = change.delta;
        }
        Json result = {{"response", join(e.response, "[,]")},
                       {"success", e.correct},
                       {"duration", iso8601_duration(e.time_on_node_ms)}};
        Json extensions = {{base_ + "xapi/score-changes", changes},
                           {base_ + "xapi/indicators-noticed", e.indicators}};
        if (!e.tier.empty()) {
            extensions[base_ + "xapi/tier"] = e.tier;
        }
        result["extensions"] = extensions;
        Json statement = {
            {"id", name_uuid(e.attempt_id + "/" + std::to_string(e.sequence) + "/answered")},
            {"actor", c.actor},
            {"verb",
             {{"id", std::string(kVerbs) + "answered"}, {"display", {{"en-US", "answered"}}}}},
            {"object",
             {{"objectType", "Activity"},
              {"id", c.scenario_iri + "/nodes/" + e.node_id},
              {"definition",
               {{"type", kInteraction},
                {"name", {{c.attempt.language, c.attempt.scenario_id + ": " + e.node_id}}},
                {"description", {{c.attempt.language, e.prompt}}},
                {"interactionType", "choice"},
                {"correctResponsesPattern", patterns},
                {"choices", choices}}}}},
            {"result", result},
            {"context", c.context},
            {"timestamp", iso8601_utc(e.time)}};
        emit(statement);
    }

    // `completed`, then `passed` or `failed`, for a finished attempt.
    void close_attempt(const std::string& attempt_id) {
        if (attempt_id.empty() || !closed_.insert(attempt_id).second) {
            return;
        }
        const AttemptContext& c = context_of(attempt_id);
        const Attempt& a = c.attempt;
        if (a.status != Status::Completed || !a.result || !a.finished) {
            return;
        }
        const AttemptResult& r = *a.result;
        const Json object = {{"objectType", "Activity"},
                             {"id", c.scenario_iri},
                             {"definition",
                              {{"type", "http://adlnet.gov/expapi/activities/simulation"},
                               {"name", {{a.language, a.scenario_id}}}}}};
        const Json score = {{"scaled", r.scaled()}, {"raw", r.raw}, {"min", r.min}, {"max", r.max}};
        const auto statement = [&](const char* verb, bool with_score) {
            Json result = {{"success", r.passed},
                           {"completion", true},
                           {"duration", iso8601_duration(a.active_ms)}};
            if (with_score) {
                result["score"] = score;
            }
            result["extensions"] = {{base_ + "xapi/outcome", r.outcome}};
            return Json{
                {"id", name_uuid(a.id + "/" + verb)},
                {"actor", c.actor},
                {"verb", {{"id", std::string(kVerbs) + verb}, {"display", {{"en-US", verb}}}}},
                {"object", object},
                {"result", result},
                {"context", c.context},
                {"timestamp", iso8601_utc(*a.finished)}};
        };
        emit(statement("completed", true));
        emit(statement(r.passed ? "passed" : "failed", true));
    }

    Store& store_;
    std::ostream& out_;
    const ExportOptions& options_;
    std::string base_;
    std::map<std::string, Learner, std::less<>> learners_;
    std::map<std::string, Attempt, std::less<>> attempts_;
    std::set<std::string, std::less<>> closed_;
    std::optional<AttemptContext> cached_;
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
    std::string input(reinterpret_cast<const char*>(kNamespace.data()), kNamespace.size());
    input += name;
    std::array<unsigned char, 20> digest{};
    SHA1(reinterpret_cast<const unsigned char*>(input.data()), input.size(), digest.data());
    digest[6] = static_cast<unsigned char>((digest[6] & 0x0f) | 0x50);
    digest[8] = static_cast<unsigned char>((digest[8] & 0x3f) | 0x80);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
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
    header.insert(header.end(),
                  {"course_id", "scenario_id", "mode", "language", "bundle_hash", "bundle_version",
                   "started_utc", "finished_utc", "status", "active_seconds", "events", "outcome",
                   "score_raw", "score_min", "score_max", "score_percent", "passed"});
    csv_row(attempts, header);
    for (const Attempt& a : store.attempts()) {
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
        row.insert(
            row.end(),
            {a.course_id, a.scenario_id, mode_name(a.mode), a.language, a.bundle_hash,
             a.bundle_version, iso8601_utc(a.started), a.finished ? iso8601_utc(*a.finished) : "",
             status_name(a.status), std::to_string(a.active_ms / 1000), std::to_string(a.events),
             done ? a.result->outcome : "", done ? std::to_string(a.result->raw) : "",
             done ? std::to_string(a.result->min) : "", done ? std::to_string(a.result->max) : "",
             done ? score_percent(*a.result) : "", done ? (a.result->passed ? "yes" : "no") : ""});
        csv_row(attempts, row);
        ++counts.attempts;
    }
    finish_file(attempts, attempts_file);

    const auto events_file = dir / "events.csv";
    std::ofstream events = open_private(events_file);
    csv_row(events,
            {"attempt_id", "sequence", "timestamp_utc", "node_id", "kind", "response", "correct",
             "tier", "score_changes", "indicators", "time_on_node_ms", "prompt"});
    store.for_each_event([&](const Event& e) {
        std::vector<std::string> changes;
        for (const auto& c : e.score_changes) {
            changes.push_back(c.dimension + ":" + (c.delta >= 0 ? "+" : "") +
                              std::to_string(c.delta));
        }
        csv_row(events, {e.attempt_id, std::to_string(e.sequence), iso8601_utc(e.time), e.node_id,
                         e.kind == EventKind::Answer ? "answer" : "choice", join(e.response, ";"),
                         e.correct ? "yes" : "no", e.tier, join(changes, ";"),
                         join(e.indicators, ";"), std::to_string(e.time_on_node_ms), e.prompt});
        ++counts.events;
    });
    finish_file(events, events_file);
    return counts;
}

ExportCounts export_xapi(Store& store, std::ostream& out, const ExportOptions& options) {
    XapiWriter writer(store, out, options);
    ExportCounts counts = writer.run();
    out.flush();
    if (!out) {
        throw RecordsError("cannot write the xAPI statements (is the disk full?)");
    }
    return counts;
}

} // namespace sightline::records
