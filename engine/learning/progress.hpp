// A learner's progress through a course, from their recorded attempts: what the
// course map shows, and what the completion rules for credit are checked against.
#pragma once

#include "model/model.hpp"
#include "records/store.hpp"

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

struct CourseProgress {
    const model::Course* course = nullptr;
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

// Only the learner's own self-paced attempts count.
CourseProgress course_progress(records::Store& store, const model::Bundle& bundle,
                               const model::Course& course, std::string_view learner_id);

} // namespace sightline::learning
