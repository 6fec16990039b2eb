// A learner's progress through a course, from their recorded attempts: what the
// course map shows, and what the completion rules for credit are checked against.
#pragma once

#include "learning/compliance.hpp"
#include "model/model.hpp"
#include "records/store.hpp"

#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace sightline::learning {

enum class ScenarioState : std::uint8_t { NotStarted, InProgress, Completed };

struct ScenarioProgress {
    const model::Scenario* scenario = nullptr;
    bool required = true;
    ScenarioState state = ScenarioState::NotStarted;
    std::optional<int> best_percent;   // the best finished attempt's score, 0-100
    std::optional<std::string> resume; // the unfinished attempt to continue
    std::int64_t active_ms = 0;        // over every attempt at this scenario
};

// Renewal cycles. A course that meets a recurring compliance rule covering the
// learner's job role (renewal_months in compliance.hpp: the shortest such
// recurrence) falls due again: the latest completion + that many calendar
// months. From kDueWindowDays before that day (UTC), or past it, the course is
// open for renewal and a new cycle starts: only what the learner does from
// then on counts (attempts started, time on task, the attestation), so the
// course map shows the scenarios to play again; completing them records a new
// completion, and a new certificate may be issued for it, once. The cycle
// never starts before the latest completion.
//
// A completion recorded from the moment a cycle started is that cycle's
// renewal, which closes it; the cycle then stays the current one (what counts
// towards its certificate) until the next renewal opens. Completions recorded
// before a cycle started renew nothing (a copy from another machine). Without
// any renewal, every attempt counts, as for a course no recurring rule covers.
struct Renewal {
    // The day the latest completion falls due (nullopt: no completion, or no
    // recurring rule covers the learner).
    std::optional<Day> due;
    // Today is within kDueWindowDays of `due`, or past it: play it again.
    bool open = false;
    // Attempts started and an attestation dated at or after this count
    // toward the course; nullopt: all of them.
    std::optional<records::TimeMs> cycle_start;
    // Certificates issued at or after this are the current cycle's: the lowest
    // time (any certificate) without a renewal, the cycle's completion once
    // renewed, the highest (none) while the cycle is open.
    records::TimeMs certificates_since = std::numeric_limits<records::TimeMs>::min();
};

// The renewal state of `course` for a learner with `job_role` and these
// completions (any order; other courses' are ignored), as of `now`.
Renewal course_renewal(const std::vector<model::Rule>& rules, const model::Course& course,
                       std::string_view job_role,
                       const std::vector<records::Completion>& completions, records::TimeMs now);

// The same for a learner in the store (their job role and completions).
Renewal course_renewal(records::Store& store, const model::Bundle& bundle,
                       const model::Course& course, std::string_view learner_id,
                       records::TimeMs now);

// "Renewal due by 2027-03-01: play the required scenarios again." while the
// course is open for renewal; empty otherwise.
std::string renewal_line(const Renewal& renewal);

struct CourseProgress {
    const model::Course* course = nullptr;
    Renewal renewal;                         // the cycle counted below
    std::vector<ScenarioProgress> scenarios; // in course order
    int required_total = 0;
    int required_completed = 0;
    std::optional<int>
        score_percent; // mean of the required scenarios' best scores, once all are done
    std::int64_t active_ms = 0;
    std::optional<records::Attestation> attestation;

    // The rules for credit, each on its own so players can show them.
    bool all_required_completed() const { return required_completed == required_total; }
    bool passing() const;     // score_percent >= the course's passing score
    bool enough_time() const; // active minutes >= the course's credit minutes
    bool attested() const { return attestation.has_value(); }
    bool complete() const {
        return all_required_completed() && passing() && enough_time() && attested();
    }
};

// Only the learner's own self-paced attempts count, of the current cycle as
// of `now` (Renewal above), and the attestation when it is dated in it.
CourseProgress course_progress(records::Store& store, const model::Bundle& bundle,
                               const model::Course& course, std::string_view learner_id,
                               records::TimeMs now = records::now_ms());

} // namespace sightline::learning
