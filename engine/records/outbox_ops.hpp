// The operations the organisation store queues in its outbox and the sender
// applies on the server (organisation_store.cpp explains the outbox): what
// each write sends (its payload: the server's column values, as
// postgres_store.cpp writes them, which is also its fingerprint) and how one
// operation is applied. Private to engine/records.
#pragma once

#include "records/postgres_connection.hpp"
#include "records/store.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::records::outbox {

// Operation kinds in the queue.
inline constexpr const char* kLearnerAdd = "learner-add";
inline constexpr const char* kLearnerUpdate = "learner-update";
inline constexpr const char* kAttempt = "attempt";
inline constexpr const char* kEvent = "event";
inline constexpr const char* kClassroom = "classroom";
inline constexpr const char* kCompletion = "completion";
inline constexpr const char* kAttestation = "attestation";

nlohmann::json learner_payload(const Learner& l);
// Everything of an attempt but its save (sent beside it as bytes): also the
// attempt's fingerprint, since the save only changes with an event.
nlohmann::json attempt_payload(const Attempt& a);
nlohmann::json event_payload(const Event& e);
nlohmann::json classroom_payload(const ClassroomSession& c);
nlohmann::json completion_payload(const Completion& c);
nlohmann::json attestation_payload(const Attestation& a);

// The keys of marks that have no single id.
std::string completion_key(const Completion& c);
std::string attestation_key(std::string_view learner_id, std::string_view course_id);

// One queued operation, as the outbox's `ops` table holds it.
struct Op {
    std::int64_t seq = 0;
    std::string kind;
    std::string payload;
    std::vector<std::uint8_t> save;
};

// Applies `op` on the server (inside the caller's transaction). Every
// statement is idempotent, so an operation sent twice is kept once. Throws
// RecordsError for a kind this version does not know.
void apply(pg::Connection& conn, const Op& op);

} // namespace sightline::records::outbox
