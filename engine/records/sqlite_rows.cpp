#include "records/sqlite_rows.hpp"

#include <nlohmann/json.hpp>

namespace sightline::records::rows {

using nlohmann::json;

namespace {

Mode parse_mode(const std::string& text) {
    return text == "classroom" ? Mode::Classroom : Mode::SelfPaced;
}

Status parse_status(const std::string& text) {
    if (text == "completed") {
        return Status::Completed;
    }
    return text == "abandoned" ? Status::Abandoned : Status::InProgress;
}

// JSON read back from our own columns; a damaged value reads as empty rather
// than failing a whole export.
json parse_column(const std::string& text) {
    json value = json::parse(text, nullptr, /*allow_exceptions=*/false);
    return value.is_discarded() ? json::array() : value;
}

std::vector<std::string> strings(const json& array) {
    std::vector<std::string> out;
    if (array.is_array()) {
        for (const auto& item : array) {
            if (item.is_string()) {
                out.push_back(item.get<std::string>());
            }
        }
    }
    return out;
}

std::vector<Offered> offered_of(const std::string& text) {
    std::vector<Offered> out;
    for (const auto& item : parse_column(text)) {
        if (item.is_object()) {
            out.push_back(
                {item.value("id", ""), item.value("text", ""), item.value("best", false)});
        }
    }
    return out;
}

std::vector<ScoreChange> changes_of(const std::string& text) {
    std::vector<ScoreChange> out;
    for (const auto& item : parse_column(text)) {
        if (item.is_object()) {
            out.push_back({item.value("dimension", ""), item.value("delta", std::int64_t{0})});
        }
    }
    return out;
}

} // namespace

Attempt read_attempt(const sql::Statement& row) {
    Attempt a;
    a.id = row.text(0);
    a.learner_id = row.text(1);
    a.course_id = row.text(2);
    a.scenario_id = row.text(3);
    a.bundle_hash = row.text(4);
    a.bundle_version = row.text(5);
    a.mode = parse_mode(row.text(6));
    a.language = row.text(7);
    a.seed = static_cast<std::uint64_t>(row.integer(8));
    a.started = row.integer(9);
    if (!row.is_null(10)) {
        a.finished = row.integer(10);
    }
    a.status = parse_status(row.text(11));
    a.active_ms = row.integer(12);
    a.last_activity = row.integer(13);
    a.events = static_cast<std::uint32_t>(row.integer(14));
    a.save = row.blob(15);
    if (!row.is_null(18)) {
        AttemptResult r;
        r.ending_node = row.text(16);
        r.outcome = row.text(17);
        r.raw = row.integer(18);
        r.min = row.integer(19);
        r.max = row.integer(20);
        r.passed = row.integer(21) != 0;
        for (const auto& item : parse_column(row.text(22))) {
            if (item.is_object()) {
                r.scores.push_back(
                    {item.value("dimension", ""), item.value("score", std::int64_t{0}),
                     item.value("min", std::int64_t{0}), item.value("max", std::int64_t{0})});
            }
        }
        a.result = std::move(r);
    }
    return a;
}

Event read_event(const sql::Statement& row, DecodeCache& cache) {
    const auto list = [](const std::string& text) { return strings(parse_column(text)); };
    Event e;
    e.attempt_id = row.text(0);
    e.sequence = static_cast<std::uint32_t>(row.integer(1));
    e.time = row.integer(2);
    e.node_id = row.text(3);
    e.prompt = row.text(4);
    e.kind = row.text(5) == "answer" ? EventKind::Answer : EventKind::Choice;
    e.response = cache.get(cache.strings, row.text(6), list);
    e.offered = cache.get(cache.offered, row.text(7), offered_of);
    e.tier = row.text(8);
    e.correct = row.integer(9) != 0;
    e.score_changes = cache.get(cache.changes, row.text(10), changes_of);
    e.indicators = cache.get(cache.strings, row.text(11), list);
    e.time_on_node_ms = row.integer(12);
    e.branch = static_cast<std::uint32_t>(row.integer(13));
    return e;
}

Learner read_learner(const sql::Statement& row) {
    return {row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), row.integer(5)};
}

Certificate read_certificate(const sql::Statement& row) {
    Certificate c;
    c.id = row.text(0);
    c.learner_id = row.text(1);
    c.course_id = row.text(2);
    c.issued = row.integer(3);
    c.verification_code = row.text(4);
    c.credential_json = row.text(5);
    c.status_list = row.text(6);
    if (!row.is_null(7)) {
        c.status_index = row.integer(7);
    }
    if (!row.is_null(8)) {
        c.revoked = row.integer(8);
    }
    c.revocation_reason = row.text(9);
    return c;
}

} // namespace sightline::records::rows
