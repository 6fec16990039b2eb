// How rows of the records database become records: the column lists the
// store selects, and the readers that decode them (JSON columns included).
// Private to engine/records (sqlite_store.cpp).
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

Attempt read_attempt(const sql::Statement& row);
Event read_event(const sql::Statement& row, DecodeCache& cache);
Learner read_learner(const sql::Statement& row);
Certificate read_certificate(const sql::Statement& row);

} // namespace sightline::records::rows
