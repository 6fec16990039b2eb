// Where learner records are kept. Store is the interface the players, exports
// and certificates use; open_store() gives the embedded SQLite store, and an
// organisation's server store can implement the same interface later.
//
// Every write is one durable transaction: when a call returns, the data is on
// disk and survives a kill or power loss. When a write fails the call throws
// RecordsError and nothing of it was kept.
#pragma once

#include "records/records.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace sightline::records {

struct StoreOptions {
    // Gaps between a learner's actions longer than this do not count as time
    // on task (they left the screen).
    std::int64_t idle_limit_ms = 5 * 60 * 1000;
    // How long a write waits for another process holding the database.
    int busy_timeout_ms = 2000;
};

class Store {
  public:
    virtual ~Store() = default;

    virtual Learner add_learner(const LearnerInput& input) = 0;
    virtual std::vector<Learner> learners() = 0;
    virtual std::optional<Learner> learner(std::string_view id) = 0;
    // Replaces the learner's name and profile fields (an administrator adding
    // a hire date, job role or site); nullopt if unknown.
    virtual std::optional<Learner> update_learner(std::string_view id,
                                                  const LearnerInput& input) = 0;
    // Erases the learner and everything recorded about them; false if unknown.
    virtual bool delete_learner(std::string_view id) = 0;

    virtual Attempt start_attempt(const AttemptStart& start, TimeMs when) = 0;
    // Records one event and the run's save blob after it, and adds the gap
    // since the attempt's last activity to its active time (unless idle).
    // The event's sequence must be the attempt's next one.
    virtual void record_event(const Event& event, const std::vector<std::uint8_t>& save_after) = 0;
    // Notes activity without an event (a page turned), for time on task.
    virtual void touch(std::string_view attempt_id, TimeMs when) = 0;
    virtual void finish_attempt(std::string_view attempt_id, const AttemptResult& result,
                                TimeMs when) = 0;
    virtual void abandon_attempt(std::string_view attempt_id, TimeMs when) = 0;
    virtual std::optional<Attempt> attempt(std::string_view id) = 0;
    // Every attempt (of one learner when `learner_id` is set), oldest first.
    // Without saves, `save` is left empty: summaries for lists and exports.
    virtual std::vector<Attempt> attempts(std::optional<std::string_view> learner_id = {},
                                          bool with_saves = true) = 0;
    // The learner's newest unfinished attempt at a scenario, to offer resuming it.
    virtual std::optional<Attempt> unfinished_attempt(std::string_view learner_id,
                                                      std::string_view scenario_id) = 0;
    virtual std::vector<Event> events(std::string_view attempt_id) = 0;
    // Streams every event of every attempt in the order they were recorded,
    // without holding them all in memory.
    virtual void for_each_event(const std::function<void(const Event&)>& visit) = 0;

    // Classroom sessions: the name, facilitator and head count of a classroom
    // attempt (set again to update the head count).
    virtual void record_classroom_session(const ClassroomSession& session) = 0;
    virtual std::optional<ClassroomSession> classroom_session(std::string_view attempt_id) = 0;
    virtual std::vector<ClassroomSession> classroom_sessions() = 0;

    virtual void record_completion(const Completion& completion) = 0;
    virtual std::vector<Completion> completions(std::string_view learner_id) = 0;
    virtual void record_attestation(const Attestation& attestation) = 0;
    virtual std::optional<Attestation> attestation(std::string_view learner_id,
                                                   std::string_view course_id) = 0;
    // Stores the certificate and, when it has one, its status list index,
    // which must be free in that list (RecordsError otherwise).
    virtual void add_certificate(const Certificate& certificate) = 0;
    virtual std::vector<Certificate> certificates() = 0;
    // By certificate id or verification code.
    virtual std::optional<Certificate> certificate(std::string_view id) = 0;
    // Records that the certificate is revoked. Returns the certificate as now
    // stored; a second revocation keeps the first one's time and reason.
    // RecordsError when there is no such certificate.
    virtual Certificate revoke_certificate(std::string_view id, TimeMs when,
                                           std::string_view reason) = 0;
    // Whether an index of the status list was ever given out (also to a
    // certificate of a learner since deleted).
    virtual bool status_index_used(std::string_view status_list, std::int64_t index) = 0;
    // The revoked indices of a status list, including those of deleted learners.
    virtual std::vector<std::int64_t> revoked_status_indices(std::string_view status_list) = 0;

    // The organisation's settings kept with its records, so that every
    // administrator's export agrees (e.g. "iri-base"); nullopt when unset.
    virtual std::optional<std::string> setting(std::string_view key) = 0;
    virtual void set_setting(std::string_view key, std::string_view value) = 0;

    // The file the records live in, for messages.
    virtual std::string location() const = 0;
};

// Opens (creating or upgrading) the SQLite store `records.db` in `data_dir`.
// The directory is created 0700 and the database 0600. Throws RecordsError.
std::unique_ptr<Store> open_store(const std::filesystem::path& data_dir,
                                  const StoreOptions& options = {});

// The schema version this build writes (PRAGMA user_version).
int schema_version();

} // namespace sightline::records
