// The offline-first organisation store (organisation_store.hpp).
//
// Three places hold a write: the local SQLite store (records.db, the truth
// the player reads), the outbox (outbox.db beside it) and the server.
//
// The outbox has two tables. `ops` is the queue: one row per operation to
// apply on the server, in order. `marks` says, per learner, attempt,
// classroom session, completion and attestation, what was last queued for it
// (its fingerprint: the absolute values sent) and, for an attempt, how many of
// its events were queued. An operation and its mark are written in one
// outbox transaction, after the local commit.
//
// Exactly once, no loss:
// - A kill before the local commit: nothing was acknowledged, nothing kept.
// - A kill between the local commit and the outbox commit: on the next open,
//   reconcile() compares every entity of the local store with its mark and
//   queues the difference (an attempt's state as it stands, its events after
//   the marked count). Attestations cannot be listed from the Store interface,
//   so their key is noted in `intents` before the local commit and checked on
//   open. A lost outbox tail (outbox.db is synchronous=NORMAL; a power cut can
//   drop its last transactions, ops and marks together) is repaired the same
//   way; losing the whole outbox re-queues everything, which the server keeps once.
// - A kill while the sender delivers: a batch is one server transaction, so
//   the server has all of it or none; the queue rows are deleted after the
//   server commit, so a kill in between sends the batch again, and every
//   statement is idempotent: learners, attempts, classroom sessions,
//   completions and attestations are upserts by key carrying absolute values;
//   events and votes are INSERT ... ON CONFLICT DO NOTHING by (attempt,
//   sequence). Events of an attempt arrive in sequence order, so the server's
//   recording order (events.ordinal) is the local one.
// - A server restart or a lost network: the batch's transaction rolls back,
//   the sender reconnects with backoff, and the player keeps recording locally.
// - A write the server refuses while the connection stays up (an
//   administrator deleted the learner, say) is retried a few times, then moved
//   to the outbox's `rejected` table with the reason, so that it neither
//   blocks the queue nor disappears; delivery().problem tells.
#include "records/organisation_store.hpp"

#include "i18n/i18n.hpp"
#include "records/outbox_ops.hpp"
#include "records/postgres_connection.hpp"
#include "records/postgres_schema.hpp"
#include "records/sqlite.hpp"
#include "records/sqlite_rows.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <fcntl.h>
#include <map>
#include <mutex>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <unordered_map>

namespace sightline::records {
namespace fs = std::filesystem;
using i18n::tr;
using nlohmann::json;

namespace {
using namespace outbox; // the operations queued and applied

constexpr const char* kOutboxSchema = R"sql(
CREATE TABLE IF NOT EXISTS ops (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    kind     TEXT NOT NULL,
    payload  TEXT NOT NULL,
    save     BLOB
);
CREATE TABLE IF NOT EXISTS marks (
    kind        TEXT NOT NULL,
    key         TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    events      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, key)
);
CREATE TABLE IF NOT EXISTS intents (
    kind     TEXT NOT NULL,
    key      TEXT NOT NULL,
    PRIMARY KEY (kind, key)
);
CREATE TABLE IF NOT EXISTS rejected (
    seq      INTEGER PRIMARY KEY,
    kind     TEXT NOT NULL,
    payload  TEXT NOT NULL,
    save     BLOB,
    reason   TEXT NOT NULL,
    time_ms  INTEGER NOT NULL
);
)sql";

// How often a write the server refuses (the connection staying up) is tried
// before it is set aside in `rejected`.
constexpr int kRefusalsBeforeReject = 3;

// One player per local folder: an flock the kernel releases when the
// process ends, however it ends.
class FolderLock {
  public:
    explicit FolderLock(const fs::path& dir) {
        std::error_code error;
        fs::create_directories(dir, error);
        fs::permissions(dir, fs::perms::owner_all, error);
        const fs::path file = dir / "outbox.lock";
        fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (fd_ < 0) {
            // TRANSLATORS: {1} a lock file.
            throw RecordsError(
                i18n::format(tr("cannot open {1} to hold the player's records"), {file.string()}));
        }
        if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
            ::close(fd_);
            // TRANSLATORS: {1} a folder on this computer.
            throw RecordsError(i18n::format(
                tr("another player is using the records in {1}; close it first"), {dir.string()}));
        }
    }
    ~FolderLock() { ::close(fd_); }
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;

  private:
    int fd_ = -1;
};

// One operation to queue and the mark that says it was queued.
struct Pending {
    std::string kind;
    json payload;
    std::vector<std::uint8_t> save;
};
struct Mark {
    std::string kind;
    std::string key;
    std::string fingerprint;
    std::int64_t events = 0;
};

class OrganisationStoreImpl final : public OrganisationStore {
  public:
    OrganisationStoreImpl(const std::string& conninfo, const fs::path& local_dir,
                          const OrganisationOptions& options)
        : conninfo_(conninfo), server_location_(pg::describe(conninfo).location), options_(options),
          lock_(local_dir), local_(open_store(local_dir, options.store)),
          outbox_(open_outbox(local_dir / "outbox.db", options.store.busy_timeout_ms)) {
        reconcile();
        sql::Statement count(*outbox_, "SELECT count(*) FROM ops");
        count.step();
        queued_ = static_cast<std::uint64_t>(count.integer(0));
        sender_ = std::thread([this] { send(); });
    }

    ~OrganisationStoreImpl() override {
        drain(options_.drain_on_close);
        {
            const std::lock_guard lock(state_mutex_);
            stop_ = true;
        }
        wake_.notify_all();
        sender_.join();
    }

    OrganisationStoreImpl(const OrganisationStoreImpl&) = delete;
    OrganisationStoreImpl& operator=(const OrganisationStoreImpl&) = delete;

    bool drain(std::chrono::milliseconds timeout) override {
        std::unique_lock lock(state_mutex_);
        return drained_.wait_for(lock, timeout, [this] { return queued_ == 0; });
    }

    Delivery delivery() override {
        std::unique_lock lock(state_mutex_);
        // The first answer waits (briefly) for the sender's first contact, so a
        // player asking right after opening is told it is offline before it
        // records anything, however busy the machine.
        first_contact_.wait_for(lock, kFirstContactWait,
                                [this] { return first_contact_done_ || stop_; });
        Delivery d;
        d.shared = true;
        d.online = online_;
        d.queued = queued_;
        d.problem = problem_;
        return d;
    }

    // ---- Writes: the local store first, then the queue.

    Learner add_learner(const LearnerInput& input) override {
        const std::lock_guard lock(local_mutex_);
        const Learner l = local_->add_learner(input);
        const json p = learner_payload(l);
        queue({{kLearnerAdd, p, {}}}, {{"learner", l.id, p.dump(), 0}});
        return l;
    }

    std::optional<Learner> update_learner(std::string_view id, const LearnerInput& input) override {
        const std::lock_guard lock(local_mutex_);
        auto l = local_->update_learner(id, input);
        if (l) {
            const json p = learner_payload(*l);
            queue({{kLearnerUpdate, p, {}}}, {{"learner", l->id, p.dump(), 0}});
        }
        return l;
    }

    bool delete_learner(std::string_view) override {
        // TRANSLATORS: {1} the organisation's records server (host/database).
        throw RecordsError(i18n::format(tr("a player cannot delete a learner from the "
                                           "organisation's records at {1}; an administrator "
                                           "deletes learners on the server"),
                                        {server_location_}));
    }

    Attempt start_attempt(const AttemptStart& start, TimeMs when) override {
        const std::lock_guard lock(local_mutex_);
        const Attempt a = local_->start_attempt(start, when);
        queue_attempt(a, {});
        return a;
    }

    void record_event(const Event& event, const std::vector<std::uint8_t>& save_after) override {
        const std::lock_guard lock(local_mutex_);
        local_->record_event(event, save_after);
        queue_attempt(*local_->attempt(event.attempt_id), {event});
    }

    void touch(std::string_view attempt_id, TimeMs when) override {
        const std::lock_guard lock(local_mutex_);
        local_->touch(attempt_id, when);
        queue_attempt(*local_->attempt(attempt_id), {});
    }

    void finish_attempt(std::string_view attempt_id, const AttemptResult& result,
                        TimeMs when) override {
        const std::lock_guard lock(local_mutex_);
        local_->finish_attempt(attempt_id, result, when);
        queue_attempt(*local_->attempt(attempt_id), {});
    }

    void abandon_attempt(std::string_view attempt_id, TimeMs when) override {
        const std::lock_guard lock(local_mutex_);
        local_->abandon_attempt(attempt_id, when);
        queue_attempt(*local_->attempt(attempt_id), {});
    }

    void record_classroom_session(const ClassroomSession& session) override {
        const std::lock_guard lock(local_mutex_);
        local_->record_classroom_session(session);
        const json p = classroom_payload(session);
        queue({{kClassroom, p, {}}}, {{"classroom", session.attempt_id, p.dump(), 0}});
    }

    void record_completion(const Completion& completion) override {
        const std::lock_guard lock(local_mutex_);
        local_->record_completion(completion);
        const json p = completion_payload(completion);
        queue({{kCompletion, p, {}}}, {{"completion", completion_key(completion), p.dump(), 0}});
    }

    void record_attestation(const Attestation& attestation) override {
        const std::lock_guard lock(local_mutex_);
        const std::string key = attestation_key(attestation.learner_id, attestation.course_id);
        {
            // Noted before the local commit: reconcile() cannot list
            // attestations, so this is how it finds one a kill left unqueued.
            const std::lock_guard outbox(outbox_mutex_);
            sql::Statement(*outbox_, "INSERT OR IGNORE INTO intents (kind, key) VALUES (?, ?)")
                .bind("attestation")
                .bind(key)
                .run();
        }
        local_->record_attestation(attestation);
        const json p = attestation_payload(attestation);
        queue({{kAttestation, p, {}}}, {{"attestation", key, p.dump(), 0}}, key);
    }

    void add_certificate(const Certificate&) override {
        // TRANSLATORS: {1} the organisation's records server (host/database).
        throw RecordsError(i18n::format(tr("a player does not issue certificates: they are issued "
                                           "on the administrator's machine from the "
                                           "organisation's records at {1}"),
                                        {server_location_}));
    }

    Certificate revoke_certificate(std::string_view, TimeMs, std::string_view) override {
        // TRANSLATORS: {1} the organisation's records server (host/database).
        throw RecordsError(i18n::format(tr("a player does not revoke certificates: they are "
                                           "revoked on the administrator's machine against the "
                                           "organisation's records at {1}"),
                                        {server_location_}));
    }

    void set_setting(std::string_view key, std::string_view value) override {
        {
            const std::lock_guard lock(server_mutex_);
            try {
                if (!server_) {
                    connect();
                }
                pg::Transaction transaction(*server_);
                server_->exec(i18n::tr("records database action", "change a setting"),
                              "INSERT INTO settings (key, value) VALUES ($1, $2) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              pg::Params().add(key).add(value));
                transaction.commit();
            } catch (const RecordsError& e) {
                drop_if_broken();
                // TRANSLATORS: {1} the server's reason.
                throw RecordsError(i18n::format(tr("the organisation's settings are changed on "
                                                   "its server, which did not take the change: "
                                                   "{1}"),
                                                {e.what()}));
            }
        }
        remember_setting(key, value);
    }

    std::optional<std::string> setting(std::string_view key) override {
        std::optional<std::string> value;
        const bool answered = ask_server_briefly([&] {
            const pg::Result row =
                server_->exec(i18n::tr("records database action", "read a setting"),
                              "SELECT value FROM settings WHERE key = $1", pg::Params().add(key));
            if (row.rows() > 0) {
                value = row.row(0).text(0);
            }
        });
        if (!answered) {
            const std::lock_guard lock(local_mutex_);
            return local_->setting(key); // as last read from the server
        }
        if (value) {
            remember_setting(key, *value);
        }
        return value;
    }

    // As setting(): the server's when it answers, else the copy last read.
    std::map<std::string, std::string> settings() override {
        std::map<std::string, std::string> values;
        const bool answered = ask_server_briefly([&] {
            const pg::Result rows =
                server_->exec(i18n::tr("records database action", "read the settings"),
                              "SELECT key, value FROM settings");
            for (int i = 0; i < rows.rows(); ++i) {
                values.emplace(rows.row(i).text(0), rows.row(i).text(1));
            }
        });
        if (!answered) {
            const std::lock_guard lock(local_mutex_);
            return local_->settings();
        }
        for (const auto& [key, value] : values) {
            remember_setting(key, value);
        }
        return values;
    }

    // Runs `read` against the server when it is online and free within half a
    // second (not behind a long delivery or a slow connection attempt); false
    // when it could not, so the caller answers from the local copy.
    template <class Read>
    bool ask_server_briefly(Read&& read) {
        if (!delivery().online) {
            return false;
        }
        std::unique_lock lock(server_mutex_, std::defer_lock);
        if (!lock.try_lock_for(std::chrono::milliseconds(500))) {
            return false;
        }
        try {
            if (!server_) {
                connect();
            }
            read();
            return true;
        } catch (const RecordsError&) {
            drop_if_broken();
            return false;
        }
    }

    // ---- Reads: the local store.

    std::vector<Learner> learners() override {
        return locked([&] { return local_->learners(); });
    }
    std::optional<Learner> learner(std::string_view id) override {
        return locked([&] { return local_->learner(id); });
    }
    std::optional<Attempt> attempt(std::string_view id) override {
        return locked([&] { return local_->attempt(id); });
    }
    std::vector<Attempt> attempts(std::optional<std::string_view> learner_id,
                                  bool with_saves) override {
        return locked([&] { return local_->attempts(learner_id, with_saves); });
    }
    std::optional<Attempt> unfinished_attempt(std::string_view learner_id,
                                              std::string_view scenario_id) override {
        return locked([&] { return local_->unfinished_attempt(learner_id, scenario_id); });
    }
    std::vector<Event> events(std::string_view attempt_id) override {
        return locked([&] { return local_->events(attempt_id); });
    }
    void for_each_event(const std::function<void(const Event&)>& visit) override {
        const std::lock_guard lock(local_mutex_);
        local_->for_each_event(visit);
    }
    std::optional<ClassroomSession> classroom_session(std::string_view attempt_id) override {
        return locked([&] { return local_->classroom_session(attempt_id); });
    }
    std::vector<ClassroomSession> classroom_sessions() override {
        return locked([&] { return local_->classroom_sessions(); });
    }
    std::vector<Completion> completions(std::string_view learner_id) override {
        return locked([&] { return local_->completions(learner_id); });
    }
    std::optional<Attestation> attestation(std::string_view learner_id,
                                           std::string_view course_id) override {
        return locked([&] { return local_->attestation(learner_id, course_id); });
    }
    std::vector<Certificate> certificates() override {
        return locked([&] { return local_->certificates(); });
    }
    std::optional<Certificate> certificate(std::string_view id) override {
        return locked([&] { return local_->certificate(id); });
    }
    bool status_index_used(std::string_view status_list, std::int64_t index) override {
        return locked([&] { return local_->status_index_used(status_list, index); });
    }
    std::vector<std::int64_t> revoked_status_indices(std::string_view status_list) override {
        return locked([&] { return local_->revoked_status_indices(status_list); });
    }

    std::string location() const override {
        return server_location_ + " (queued offline in " + local_->location() + ")";
    }

  private:
    template <class F>
    auto locked(F read) -> decltype(read()) {
        const std::lock_guard lock(local_mutex_);
        return read();
    }

    static std::unique_ptr<sql::Database> open_outbox(const fs::path& file, int busy_timeout_ms) {
        auto db = std::make_unique<sql::Database>(file.string(), busy_timeout_ms);
        ::chmod(file.c_str(), 0600);
        sql::Statement(*db, "PRAGMA journal_mode=WAL").run();
        // A power cut may drop the outbox's last transactions (ops and marks
        // together); reconcile() re-queues them from the local store, which is
        // synchronous=FULL. So the outbox need not wait for the disk.
        db->exec("PRAGMA synchronous=NORMAL;");
        db->exec(kOutboxSchema);
        return db;
    }

    // Queues `ops` with their marks in one outbox transaction (and clears the
    // attestation intent `intent`). A failure leaves the write in the local
    // store, which reconcile() finds: tried again before the next write.
    void queue(const std::vector<Pending>& ops, const std::vector<Mark>& marks,
               const std::string& intent = {}) {
        try {
            if (reconcile_needed_) {
                reconcile();
                reconcile_needed_ = false;
            }
            const std::lock_guard lock(outbox_mutex_);
            sql::Transaction transaction(*outbox_);
            write_queue(ops, marks);
            if (!intent.empty()) {
                sql::Statement(*outbox_,
                               "DELETE FROM intents WHERE kind = 'attestation' AND key = ?")
                    .bind(intent)
                    .run();
            }
            transaction.commit();
        } catch (const RecordsError& e) {
            reconcile_needed_ = true;
            const std::lock_guard lock(state_mutex_);
            problem_ =
                std::string("kept on this machine but not yet queued for the server: ") + e.what();
            return;
        }
        {
            const std::lock_guard lock(state_mutex_);
            queued_ += ops.size();
        }
        wake_.notify_all();
    }

    // Inside an outbox transaction.
    void write_queue(const std::vector<Pending>& ops, const std::vector<Mark>& marks) {
        sql::Statement insert(*outbox_, "INSERT INTO ops (kind, payload, save) VALUES (?, ?, ?)");
        for (const Pending& op : ops) {
            insert.bind(op.kind).bind(op.payload.dump());
            if (op.save.empty()) {
                insert.bind_null();
            } else {
                insert.bind(op.save);
            }
            insert.run();
            insert.reset();
        }
        sql::Statement mark(*outbox_, "INSERT OR REPLACE INTO marks (kind, key, fingerprint, "
                                      "events) VALUES (?, ?, ?, ?)");
        for (const Mark& m : marks) {
            mark.bind(m.kind).bind(m.key).bind(m.fingerprint).bind(m.events).run();
            mark.reset();
        }
    }

    // The attempt's events `events` (already committed locally), then its
    // state as it now stands.
    void queue_attempt(const Attempt& a, const std::vector<Event>& events) {
        std::vector<Pending> ops;
        for (const Event& e : events) {
            ops.push_back({kEvent, event_payload(e), {}});
        }
        json p = attempt_payload(a);
        const std::string fingerprint = p.dump();
        ops.push_back({kAttempt, std::move(p), a.save});
        queue(ops, {{"attempt", a.id, fingerprint, a.events}});
    }

    std::optional<Mark> mark_of(const char* kind, const std::string& key) {
        sql::Statement row(*outbox_,
                           "SELECT fingerprint, events FROM marks WHERE kind = ? AND key = ?");
        row.bind(kind).bind(key);
        if (!row.step()) {
            return std::nullopt;
        }
        return Mark{kind, key, row.text(0), row.integer(1)};
    }

    // Queues whatever the local store holds that its mark does not say was
    // queued: after a kill between a local commit and its queueing, or a
    // lost outbox. Parents before children (learners, attempts, events), as
    // the server's foreign keys want.
    void reconcile() {
        const std::lock_guard lock(outbox_mutex_);
        sql::Transaction transaction(*outbox_);
        std::vector<Pending> ops;
        std::vector<Mark> marks;
        const auto differs = [&](const char* kind, const std::string& key,
                                 const std::string& fingerprint) {
            const auto mark = mark_of(kind, key);
            return !mark || mark->fingerprint != fingerprint;
        };
        const std::vector<Learner> learners = local_->learners();
        for (const Learner& l : learners) {
            const json p = learner_payload(l);
            const auto mark = mark_of("learner", l.id);
            if (!mark || mark->fingerprint != p.dump()) {
                ops.push_back({mark ? kLearnerUpdate : kLearnerAdd, p, {}});
                marks.push_back({"learner", l.id, p.dump(), 0});
            }
        }
        for (const Attempt& summary : local_->attempts(std::nullopt, /*with_saves=*/false)) {
            const json p = attempt_payload(summary);
            const auto mark = mark_of("attempt", summary.id);
            if (mark && mark->fingerprint == p.dump()) {
                continue;
            }
            const Attempt a = *local_->attempt(summary.id);
            const json full = attempt_payload(a);
            ops.push_back({kAttempt, full, a.save});
            const std::int64_t queued_events = mark ? mark->events : 0;
            if (queued_events < a.events) {
                for (const Event& e : local_->events(a.id)) {
                    if (e.sequence > queued_events) {
                        ops.push_back({kEvent, event_payload(e), {}});
                    }
                }
                ops.push_back({kAttempt, full, a.save}); // its count now matches the events
            }
            marks.push_back({"attempt", a.id, full.dump(), a.events});
        }
        for (const ClassroomSession& c : local_->classroom_sessions()) {
            const json p = classroom_payload(c);
            if (differs("classroom", c.attempt_id, p.dump())) {
                ops.push_back({kClassroom, p, {}});
                marks.push_back({"classroom", c.attempt_id, p.dump(), 0});
            }
        }
        for (const Learner& l : learners) {
            for (const Completion& c : local_->completions(l.id)) {
                const json p = completion_payload(c);
                if (differs("completion", completion_key(c), p.dump())) {
                    ops.push_back({kCompletion, p, {}});
                    marks.push_back({"completion", completion_key(c), p.dump(), 0});
                }
            }
        }
        std::vector<std::string> intents;
        {
            sql::Statement rows(*outbox_, "SELECT key FROM intents WHERE kind = 'attestation'");
            while (rows.step()) {
                intents.push_back(rows.text(0));
            }
        }
        for (const std::string& key : intents) {
            const json parts = json::parse(key);
            const auto a =
                local_->attestation(parts.at(0).get<std::string>(), parts.at(1).get<std::string>());
            if (a) {
                const json p = attestation_payload(*a);
                if (differs("attestation", key, p.dump())) {
                    ops.push_back({kAttestation, p, {}});
                    marks.push_back({"attestation", key, p.dump(), 0});
                }
            }
        }
        outbox_->exec("DELETE FROM intents");
        write_queue(ops, marks);
        transaction.commit();
        const std::lock_guard state(state_mutex_);
        queued_ += ops.size();
    }

    void remember_setting(std::string_view key, std::string_view value) {
        const std::lock_guard lock(local_mutex_);
        try {
            if (local_->setting(key) != std::optional<std::string>(value)) {
                local_->set_setting(key, value);
            }
        } catch (const RecordsError&) {
            // Only a copy for offline use; the server has it.
        }
    }

    // ---- The sender (its own thread).

    // With server_mutex_ held.
    void connect() {
        auto conn = std::make_unique<pg::Connection>(conninfo_, options_.store);
        pg::migrate(*conn);
        server_ = std::move(conn);
    }

    // With server_mutex_ held: forgets a connection that no longer works.
    void drop_if_broken() {
        if (server_ && PQstatus(server_->handle()) != CONNECTION_OK) {
            server_.reset();
        }
    }

    void set_state(bool online, std::string problem) {
        const std::lock_guard lock(state_mutex_);
        online_ = online;
        if (online && problem.empty() && rejected_ > 0) {
            problem = std::to_string(rejected_) +
                      " write(s) were refused by the server and set aside in the outbox's "
                      "'rejected' table";
        }
        problem_ = std::move(problem);
    }

    std::vector<Op> next_batch() {
        const std::lock_guard lock(outbox_mutex_);
        sql::Statement rows(*outbox_,
                            "SELECT seq, kind, payload, save FROM ops ORDER BY seq LIMIT ?");
        rows.bind(std::int64_t{options_.batch});
        std::vector<Op> out;
        while (rows.step()) {
            out.push_back({rows.integer(0), rows.text(1), rows.text(2),
                           rows.is_null(3) ? std::vector<std::uint8_t>{} : rows.blob(3)});
        }
        return out;
    }

    // Applies the batch in one server transaction. Of several attempt
    // states of one attempt, only the first (it may create the row the
    // events need) and the last (the newest absolute values) are sent.
    void deliver(const std::vector<Op>& ops) {
        std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> span;
        std::vector<std::string> ids(ops.size());
        for (std::size_t i = 0; i < ops.size(); ++i) {
            if (ops[i].kind == kAttempt) {
                ids[i] = json::parse(ops[i].payload).at("id").get<std::string>();
                const auto [at, fresh] = span.try_emplace(ids[i], i, i);
                if (!fresh) {
                    at->second.second = i;
                }
            }
        }
        const std::lock_guard lock(server_mutex_);
        if (!server_) {
            connect();
        }
        pg::Transaction transaction(*server_);
        for (std::size_t i = 0; i < ops.size(); ++i) {
            if (ops[i].kind == kAttempt) {
                const auto& s = span.at(ids[i]);
                if (i != s.first && i != s.second) {
                    continue;
                }
            }
            apply(*server_, ops[i]);
        }
        transaction.commit();
    }

    // Deletes the queue up to `last`, `count` writes now on the server.
    void forget(std::int64_t last, std::size_t count) {
        {
            const std::lock_guard lock(outbox_mutex_);
            sql::Statement(*outbox_, "DELETE FROM ops WHERE seq <= ?").bind(last).run();
        }
        {
            // Online as the queue shrinks, so that drain() never returns
            // while delivery() still says offline.
            const std::lock_guard lock(state_mutex_);
            queued_ -= std::min<std::uint64_t>(queued_, count);
            online_ = true;
            if (rejected_ == 0) {
                problem_.clear();
            }
        }
        drained_.notify_all();
    }

    void reject(const Op& op, const std::string& reason) {
        {
            const std::lock_guard lock(outbox_mutex_);
            sql::Transaction transaction(*outbox_);
            sql::Statement(*outbox_, "INSERT OR REPLACE INTO rejected (seq, kind, payload, save, "
                                     "reason, time_ms) VALUES (?, ?, ?, ?, ?, ?)")
                .bind(op.seq)
                .bind(op.kind)
                .bind(op.payload)
                .bind(op.save)
                .bind(reason)
                .bind(now_ms())
                .run();
            sql::Statement(*outbox_, "DELETE FROM ops WHERE seq = ?").bind(op.seq).run();
            transaction.commit();
        }
        const std::lock_guard lock(state_mutex_);
        ++rejected_;
        queued_ -= std::min<std::uint64_t>(queued_, 1);
    }

    // Whether the last failure left the connection working: the server
    // refused the data, rather than being unreachable.
    bool connection_alive() {
        const std::lock_guard lock(server_mutex_);
        drop_if_broken();
        return server_ != nullptr;
    }

    void send() {
        auto wait = options_.retry_min;
        int refusals = 0;
        try {
            // At once, so that the player can tell the learner it is offline
            // before anything is queued.
            const std::lock_guard lock(server_mutex_);
            connect();
            set_state(true, {});
        } catch (const RecordsError& e) {
            set_state(false, e.what());
        }
        {
            const std::lock_guard lock(state_mutex_);
            first_contact_done_ = true;
        }
        first_contact_.notify_all();
        for (;;) {
            {
                std::unique_lock lock(state_mutex_);
                wake_.wait(lock, [this] { return stop_ || queued_ > 0; });
                // A moment for more writes to join the batch: one server
                // commit (one fsync there) carries many of them.
                wake_.wait_for(lock, options_.gather, [this] {
                    return stop_ || queued_ >= static_cast<std::uint64_t>(options_.batch);
                });
                if (stop_) {
                    return;
                }
            }
            std::string failure;
            bool refused = false; // the server answers but refused a write
            try {
                const std::vector<Op> ops = next_batch();
                if (ops.empty()) {
                    const std::lock_guard lock(state_mutex_);
                    queued_ = 0; // cannot happen: the count follows the table
                    drained_.notify_all();
                    continue;
                }
                try {
                    deliver(ops);
                    forget(ops.back().seq, ops.size());
                    refusals = 0;
                } catch (const RecordsError&) {
                    if (!connection_alive()) {
                        throw;
                    }
                    // The server refused something: find what, one write at a time.
                    for (const Op& op : ops) {
                        try {
                            deliver({op});
                            forget(op.seq, 1);
                        } catch (const RecordsError& one) {
                            if (!connection_alive()) {
                                throw;
                            }
                            if (++refusals >= kRefusalsBeforeReject) {
                                reject(op, one.what());
                                refusals = 0;
                            } else {
                                failure = one.what();
                                refused = true;
                            }
                            break;
                        }
                    }
                }
                if (!refused) {
                    set_state(true, {});
                    wait = options_.retry_min;
                    continue;
                }
            } catch (const RecordsError& e) {
                failure = e.what();
                const std::lock_guard lock(server_mutex_);
                drop_if_broken();
            } catch (const std::exception& e) {
                failure = std::string("the offline queue is damaged: ") + e.what();
            }
            set_state(refused, failure);
            std::unique_lock lock(state_mutex_);
            wake_.wait_for(lock, wait, [this] { return stop_; });
            wait = std::min(wait * 2, options_.retry_max);
        }
    }

    const std::string conninfo_;
    const std::string server_location_;
    const OrganisationOptions options_;
    const FolderLock lock_;

    std::mutex local_mutex_; // the local store, and the writers' order
    std::unique_ptr<Store> local_;
    bool reconcile_needed_ = false; // with local_mutex_

    std::mutex outbox_mutex_;
    std::unique_ptr<sql::Database> outbox_;

    std::timed_mutex server_mutex_;
    std::unique_ptr<pg::Connection> server_;

    std::mutex state_mutex_;
    std::condition_variable wake_;          // the sender: something queued, or stop
    std::condition_variable drained_;       // drain(): the queue shrank
    std::condition_variable first_contact_; // delivery(): the sender's first connection tried
    bool first_contact_done_ = false;
    // How long delivery() waits for that first try; a server over TCP that does
    // not answer at all takes libpq's connect_timeout, and the player then
    // starts as online and learns otherwise at a later step.
    static constexpr std::chrono::seconds kFirstContactWait{3};
    std::uint64_t queued_ = 0;
    bool online_ = true;
    std::string problem_;
    std::uint64_t rejected_ = 0;
    bool stop_ = false;

    std::thread sender_;
};

} // namespace

std::unique_ptr<OrganisationStore> open_organisation_store(const std::string& conninfo,
                                                           const fs::path& local_dir,
                                                           const OrganisationOptions& options) {
    return std::make_unique<OrganisationStoreImpl>(conninfo, local_dir, options);
}

} // namespace sightline::records
