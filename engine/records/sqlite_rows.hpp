// How rows of the records database become records: the column lists the
// store selects, and the readers that decode them (JSON columns included).
// Private to engine/records (sqlite_store.cpp, postgres_store.cpp).
#pragma once

#include "records/records.hpp"
#include "records/sqlite.hpp"

#include <string>
#include <unordered_map>
#include <vector>

namespace sightline::records::rows {

inline constexpr const char* kAttemptColumns =
    "id, learner_id, course_id, scenario_id, bundle_hash, bundle_version, mode, language, seed, "
    "started_ms, finished_ms, status, active_ms, last_activity_ms, events, save, ending_node, "
    "outcome, score_raw, score_min, score_max, passed, scores";

inline constexpr const char* kLearnerColumns =
    "id, display_name, profession, licence_number, licence_state, created_ms, hire_date, "
    "job_role, site, language";

inline constexpr const char* kEventColumns =
    "attempt_id, sequence, time_ms, node_id, prompt, kind, response, offered, tier, correct, "
    "score_changes, indicators, time_on_node_ms, branch";

// The columns read_certificate() reads: a certificate with its status list
// entry and revocation, when it has them.
inline constexpr const char* kCertificateQuery =
    "SELECT c.id, c.learner_id, c.course_id, c.issued_ms, c.verification_code, "
    "c.credential_json, coalesce(s.status_list, ''), s.status_index, s.revoked_ms, "
    "coalesce(s.reason, '') FROM certificates AS c "
    "LEFT JOIN certificate_status AS s ON s.certificate_id = c.id";

// Decoded JSON columns by their text. A node's offered choices repeat in every
// attempt that passes it, so a long read decodes each distinct value once.
class DecodeCache {
  public:
    template <class T, class Decode>
    const T& get(std::unordered_map<std::string, T>& memo, std::string text, Decode decode) {
        if (const auto hit = memo.find(text); hit != memo.end()) {
            return hit->second;
        }
        if (memo.size() >= kLimit) {
            memo.clear(); // bounded memory whatever the data
        }
        T value = decode(text);
        return memo.emplace(std::move(text), std::move(value)).first->second;
    }

    std::unordered_map<std::string, std::vector<std::string>> strings;
    std::unordered_map<std::string, std::vector<Offered>> offered;
    std::unordered_map<std::string, std::vector<ScoreChange>> changes;

  private:
    static constexpr std::size_t kLimit = 4096;
};

Mode parse_mode(const std::string& text);
Status parse_status(const std::string& text);
// Decoders of the JSON columns; a damaged value reads as empty.
std::vector<std::string> strings_of(const std::string& text);
std::vector<Offered> offered_of(const std::string& text);
std::vector<ScoreChange> changes_of(const std::string& text);
std::vector<DimensionScore> scores_of(const std::string& text);

// The readers take any row with text(), integer(), is_null() and blob() by
// column number: a SQLite statement, or a PostgreSQL result row.
template <class Row>
Attempt read_attempt(const Row& row) {
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
        r.scores = scores_of(row.text(22));
        a.result = std::move(r);
    }
    return a;
}

template <class Row>
Event read_event(const Row& row, DecodeCache& cache) {
    Event e;
    e.attempt_id = row.text(0);
    e.sequence = static_cast<std::uint32_t>(row.integer(1));
    e.time = row.integer(2);
    e.node_id = row.text(3);
    e.prompt = row.text(4);
    e.kind = row.text(5) == "answer" ? EventKind::Answer : EventKind::Choice;
    e.response = cache.get(cache.strings, row.text(6), strings_of);
    e.offered = cache.get(cache.offered, row.text(7), offered_of);
    e.tier = row.text(8);
    e.correct = row.integer(9) != 0;
    e.score_changes = cache.get(cache.changes, row.text(10), changes_of);
    e.indicators = cache.get(cache.strings, row.text(11), strings_of);
    e.time_on_node_ms = row.integer(12);
    e.branch = static_cast<std::uint32_t>(row.integer(13));
    return e;
}

template <class Row>
Learner read_learner(const Row& row) {
    return {row.text(0),    row.text(1), row.text(2), row.text(3), row.text(4),
            row.integer(5), row.text(6), row.text(7), row.text(8), row.text(9)};
}

template <class Row>
Certificate read_certificate(const Row& row) {
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
