// Where learner records are kept. Store is the interface the players, exports
// and certificates use; open_store() gives the embedded SQLite store, and an
// organisation's server store can implement the same interface later.
//
// Every write is one durable transaction: when a call returns, the data is on
// disk and survives a kill or power loss. When a write fails the call throws
// RecordsError and nothing of it was kept.
#pragma once

#include "records/records.hpp"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
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

// What Store::purge removes, and how much of each it removed (or would).
struct PurgeSelection {
    std::vector<std::string> attempts;     // ids
    std::vector<Completion> completions;   // by learner, course and completed time
    std::vector<Attestation> attestations; // by learner and course
    std::vector<std::string> certificates; // ids
};
struct PurgeCounts {
    std::int64_t attempts = 0;
    std::int64_t events = 0;
    std::int64_t votes = 0;
    std::int64_t classroom_sessions = 0;
    std::int64_t completions = 0;
    std::int64_t attestations = 0;
    std::int64_t certificates = 0;
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
    // Every learner's completions in one read, for compliance rosters (by
    // learner, then oldest first). The default asks learner by learner.
    virtual std::vector<Completion> all_completions();
    virtual void record_attestation(const Attestation& attestation) = 0;
    virtual std::optional<Attestation> attestation(std::string_view learner_id,
                                                   std::string_view course_id) = 0;
    // Every attestation, for the retention purge. The default asks learner by
    // learner for the courses they completed or attempted.
    virtual std::vector<Attestation> all_attestations();
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

    // Removes what `sightline records purge` chose (learning/compliance.hpp),
    // in one transaction: attempts by id with their events, votes and
    // classroom session; completions by learner, course and time;
    // attestations by learner and course; certificates by id. Certificate
    // status entries (status list index, revocation) always stay. With
    // `dry_run` it counts what would go and removes nothing. Ids that are not
    // there count nothing. The default throws RecordsError (a player's
    // offline store does not purge).
    virtual PurgeCounts purge(const PurgeSelection& selection, bool dry_run);

    // The organisation's settings kept with its records, so that every
    // administrator's export agrees (e.g. "iri-base"); nullopt when unset.
    virtual std::optional<std::string> setting(std::string_view key) = 0;
    virtual void set_setting(std::string_view key, std::string_view value) = 0;
    // Every setting, by key: for families of settings under one prefix, such
    // as "site-jurisdiction:SITE".
    virtual std::map<std::string, std::string> settings() = 0;

    // The file the records live in, for messages.
    virtual std::string location() const = 0;

    // How this store's writes stand with the organisation's server, for the
    // player to show "offline, N waiting". Only a store that forwards writes
    // to a shared server (organisation_store.hpp) is `shared`; the embedded
    // and server stores commit every write where it is read.
    struct Delivery {
        bool shared = false;      // writes are forwarded to a server
        bool online = true;       // the server answered the last delivery or try
        std::uint64_t queued = 0; // operations committed here, not yet on the server
        std::string problem;      // why offline (or a write the server refused), else empty
    };
    virtual Delivery delivery() { return {}; }
};

inline std::vector<Completion> Store::all_completions() {
    std::vector<Completion> out;
    for (const Learner& l : learners()) {
        for (Completion& c : completions(l.id)) {
            out.push_back(std::move(c));
        }
    }
    return out;
}

inline std::vector<Attestation> Store::all_attestations() {
    std::vector<Attestation> out;
    for (const Learner& l : learners()) {
        std::vector<std::string> courses;
        for (const Completion& c : completions(l.id)) {
            courses.push_back(c.course_id);
        }
        for (const Attempt& a : attempts(l.id, false)) {
            courses.push_back(a.course_id);
        }
        std::sort(courses.begin(), courses.end());
        courses.erase(std::unique(courses.begin(), courses.end()), courses.end());
        for (const std::string& course : courses) {
            if (std::optional<Attestation> a = attestation(l.id, course)) {
                out.push_back(std::move(*a));
            }
        }
    }
    return out;
}

inline PurgeCounts Store::purge(const PurgeSelection&, bool) {
    throw RecordsError("the records at " + location() + " cannot be purged from here");
}

// Opens (creating or upgrading) the SQLite store `records.db` in `data_dir`.
// The directory is created 0700 and the database 0600. Throws RecordsError.
std::unique_ptr<Store> open_store(const std::filesystem::path& data_dir,
                                  const StoreOptions& options = {});

// The schema version this build writes (PRAGMA user_version).
int schema_version();

} // namespace sightline::records
