// The embedded store: one SQLite file, WAL journal, synchronous=FULL, foreign
// keys on. JSON columns (lists of ids, offered options, score changes) use
// nlohmann::json so the data stays readable with any SQLite tool.
#include "i18n/i18n.hpp"
#include "records/migrations.hpp"
#include "records/paths.hpp"
#include "records/sqlite.hpp"
#include "records/sqlite_rows.hpp"
#include "records/store.hpp"
#include "records/uuid.hpp"

#include <nlohmann/json.hpp>

#include <unordered_map>

namespace sightline::records {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using namespace rows;

class SqliteStore final : public Store {
  public:
    SqliteStore(const fs::path& file, const StoreOptions& options)
        : db_(file.string(), options.busy_timeout_ms), options_(options) {
        // journal_mode answers with a row; a file that is not a database fails here.
        sql::Statement(db_, "PRAGMA journal_mode=WAL").run();
        db_.exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
        migrate(db_, schema_version());
    }

    Learner add_learner(const LearnerInput& input) override {
        check_learner_input(input);
        const Learner learner = make_learner(new_uuid(), input, now_ms());
        sql::Transaction transaction(db_);
        sql::Statement(db_, (std::string("INSERT INTO learners (") + kLearnerColumns +
                             ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                                .c_str())
            .bind(learner.id)
            .bind(learner.display_name)
            .bind(learner.profession)
            .bind(learner.licence_number)
            .bind(learner.licence_state)
            .bind(learner.created)
            .bind(learner.hire_date)
            .bind(learner.job_role)
            .bind(learner.site)
            .bind(learner.language)
            .run();
        transaction.commit();
        return learner;
    }

    std::optional<Learner> update_learner(std::string_view id, const LearnerInput& input) override {
        check_learner_input(input);
        sql::Transaction transaction(db_);
        sql::Statement(db_, "UPDATE learners SET display_name = ?, profession = ?, "
                            "licence_number = ?, licence_state = ?, hire_date = ?, job_role = ?, "
                            "site = ?, language = ? WHERE id = ?")
            .bind(input.display_name)
            .bind(input.profession)
            .bind(input.licence_number)
            .bind(input.licence_state)
            .bind(input.hire_date)
            .bind(input.job_role)
            .bind(input.site)
            .bind(input.language)
            .bind(id)
            .run();
        const bool updated = db_.changes() > 0;
        transaction.commit();
        return updated ? learner(id) : std::nullopt;
    }

    std::vector<Learner> learners() override {
        sql::Statement rows(db_, (std::string("SELECT ") + kLearnerColumns +
                                  " FROM learners ORDER BY created_ms, id")
                                     .c_str());
        std::vector<Learner> out;
        while (rows.step()) {
            out.push_back(read_learner(rows));
        }
        return out;
    }

    std::optional<Learner> learner(std::string_view id) override {
        sql::Statement row(
            db_,
            (std::string("SELECT ") + kLearnerColumns + " FROM learners WHERE id = ?").c_str());
        row.bind(id);
        if (!row.step()) {
            return std::nullopt;
        }
        return read_learner(row);
    }

    bool delete_learner(std::string_view id) override {
        sql::Transaction transaction(db_);
        sql::Statement(db_, "DELETE FROM learners WHERE id = ?").bind(id).run();
        const bool deleted = db_.changes() > 0;
        transaction.commit();
        if (deleted) {
            // Erased means erased: clear the freed pages and the WAL copies.
            db_.exec("PRAGMA wal_checkpoint(TRUNCATE); VACUUM;");
        }
        return deleted;
    }

    Attempt start_attempt(const AttemptStart& start, TimeMs when) override {
        Attempt a;
        a.id = new_uuid();
        a.learner_id = start.learner_id;
        a.course_id = start.course_id;
        a.scenario_id = start.scenario_id;
        a.bundle_hash = start.bundle_hash;
        a.bundle_version = start.bundle_version;
        a.mode = start.mode;
        a.language = start.language;
        a.seed = start.seed;
        a.started = when;
        a.last_activity = when;
        a.save = start.save;
        sql::Transaction transaction(db_);
        sql::Statement insert(
            db_,
            "INSERT INTO attempts (id, learner_id, course_id, scenario_id, bundle_hash, "
            "bundle_version, mode, language, seed, started_ms, status, last_activity_ms, save) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'in-progress', ?, ?)");
        insert.bind(a.id);
        if (a.learner_id.empty()) {
            insert.bind_null();
        } else {
            insert.bind(a.learner_id);
        }
        insert.bind(a.course_id)
            .bind(a.scenario_id)
            .bind(a.bundle_hash)
            .bind(a.bundle_version)
            .bind(mode_name(a.mode))
            .bind(a.language)
            .bind(static_cast<std::int64_t>(a.seed))
            .bind(a.started)
            .bind(a.last_activity)
            .bind(a.save)
            .run();
        transaction.commit();
        return a;
    }

    void record_event(const Event& event, const std::vector<std::uint8_t>& save_after) override {
        json offered = json::array();
        for (const auto& option : event.offered) {
            offered.push_back({{"id", option.id}, {"text", option.text}, {"best", option.best}});
        }
        json changes = json::array();
        for (const auto& change : event.score_changes) {
            changes.push_back({{"dimension", change.dimension}, {"delta", change.delta}});
        }
        sql::Transaction transaction(db_);
        const auto expected = next_sequence(event.attempt_id);
        if (event.sequence != expected) {
            // TRANSLATORS: {1} an event's number, {2} an attempt's id, {3} the number expected.
            throw RecordsError(i18n::format(
                i18n::tr("event {1} of attempt {2} is out of order (expected {3})"),
                {std::to_string(event.sequence), event.attempt_id, std::to_string(expected)}));
        }
        sql::Statement(db_, std::string("INSERT INTO events (") + kEventColumns +
                                ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .bind(event.attempt_id)
            .bind(std::int64_t{event.sequence})
            .bind(event.time)
            .bind(event.node_id)
            .bind(event.prompt)
            .bind(event.kind == EventKind::Answer ? "answer" : "choice")
            .bind(json(event.response).dump())
            .bind(offered.dump())
            .bind(event.tier)
            .bind(std::int64_t{event.correct ? 1 : 0})
            .bind(changes.dump())
            .bind(json(event.indicators).dump())
            .bind(event.time_on_node_ms)
            .bind(std::int64_t{event.branch})
            .run();
        if (!event.votes.empty()) {
            sql::Statement vote(
                db_, "INSERT INTO votes (attempt_id, sequence, option_id, count, phone_count) "
                     "VALUES (?, ?, ?, ?, ?)");
            for (const VoteCount& v : event.votes) {
                if (v.count < 0 || v.phones < 0 || v.phones > v.count) {
                    // TRANSLATORS: {1} a vote's id.
                    throw RecordsError(
                        i18n::format(i18n::tr("a vote count cannot be negative, nor have more "
                                              "phone votes than votes ({1})"),
                                     {v.id}));
                }
                vote.reset();
                vote.bind(event.attempt_id)
                    .bind(std::int64_t{event.sequence})
                    .bind(v.id)
                    .bind(v.count)
                    .bind(v.phones)
                    .run();
            }
        }
        mark_activity(event.attempt_id, event.time, &save_after, /*count_event=*/true);
        transaction.commit();
    }

    void touch(std::string_view attempt_id, TimeMs when) override {
        sql::Transaction transaction(db_);
        mark_activity(attempt_id, when, nullptr, false);
        transaction.commit();
    }

    void finish_attempt(std::string_view attempt_id, const AttemptResult& result,
                        TimeMs when) override {
        json scores = json::array();
        for (const auto& s : result.scores) {
            scores.push_back(
                {{"dimension", s.dimension}, {"score", s.score}, {"min", s.min}, {"max", s.max}});
        }
        sql::Transaction transaction(db_);
        mark_activity(attempt_id, when, nullptr, false);
        sql::Statement(
            db_, "UPDATE attempts SET status = 'completed', finished_ms = ?, ending_node = ?, "
                 "outcome = ?, score_raw = ?, score_min = ?, score_max = ?, passed = ?, "
                 "scores = ? WHERE id = ?")
            .bind(when)
            .bind(result.ending_node)
            .bind(result.outcome)
            .bind(result.raw)
            .bind(result.min)
            .bind(result.max)
            .bind(std::int64_t{result.passed ? 1 : 0})
            .bind(scores.dump())
            .bind(attempt_id)
            .run();
        transaction.commit();
    }

    void abandon_attempt(std::string_view attempt_id, TimeMs when) override {
        sql::Transaction transaction(db_);
        require_attempt(attempt_id);
        sql::Statement(db_,
                       "UPDATE attempts SET status = 'abandoned', finished_ms = ? WHERE id = ? "
                       "AND status = 'in-progress'")
            .bind(when)
            .bind(attempt_id)
            .run();
        transaction.commit();
    }

    std::optional<Attempt> attempt(std::string_view id) override {
        sql::Statement row(db_, std::string("SELECT ") + kAttemptColumns +
                                    " FROM attempts WHERE id = ?");
        row.bind(id);
        if (!row.step()) {
            return std::nullopt;
        }
        return read_attempt(row);
    }

    std::vector<Attempt> attempts(std::optional<std::string_view> learner_id,
                                  bool with_saves) override {
        std::string columns = kAttemptColumns;
        if (!with_saves) {
            columns.replace(columns.find(" save,"), 6, " x'',"); // keeps the column numbers
        }
        sql::Statement rows(db_, "SELECT " + columns + " FROM attempts" +
                                     (learner_id ? " WHERE learner_id = ?" : "") +
                                     " ORDER BY started_ms, id");
        if (learner_id) {
            rows.bind(*learner_id);
        }
        std::vector<Attempt> out;
        while (rows.step()) {
            out.push_back(read_attempt(rows));
        }
        return out;
    }

    std::optional<Attempt> unfinished_attempt(std::string_view learner_id,
                                              std::string_view scenario_id) override {
        sql::Statement row(db_, std::string("SELECT ") + kAttemptColumns +
                                    " FROM attempts WHERE learner_id = ? AND scenario_id = ? AND "
                                    "status = 'in-progress' ORDER BY started_ms DESC LIMIT 1");
        row.bind(learner_id).bind(scenario_id);
        if (!row.step()) {
            return std::nullopt;
        }
        return read_attempt(row);
    }

    std::vector<Event> events(std::string_view attempt_id) override {
        sql::Statement rows(db_, std::string("SELECT ") + kEventColumns +
                                     " FROM events WHERE attempt_id = ? ORDER BY sequence");
        rows.bind(attempt_id);
        std::vector<Event> out;
        DecodeCache cache;
        while (rows.step()) {
            out.push_back(read_event(rows, cache));
        }
        sql::Statement votes(db_, "SELECT sequence, option_id, count, phone_count FROM votes WHERE "
                                  "attempt_id = ? "
                                  "ORDER BY sequence, rowid");
        votes.bind(attempt_id);
        while (votes.step()) {
            const auto sequence = static_cast<std::uint32_t>(votes.integer(0));
            for (Event& e : out) {
                if (e.sequence == sequence) {
                    e.votes.push_back({votes.text(1), votes.integer(2), votes.integer(3)});
                }
            }
        }
        return out;
    }

    void for_each_event(const std::function<void(const Event&)>& visit) override {
        // The order they were recorded in, which is the order of the file.
        sql::Statement rows(db_,
                            std::string("SELECT ") + kEventColumns + " FROM events ORDER BY rowid");
        DecodeCache cache;
        // Votes exist only for classroom steps; they are looked up for those.
        sql::Statement votes(db_, "SELECT option_id, count, phone_count FROM votes WHERE "
                                  "attempt_id = ? AND "
                                  "sequence = ? ORDER BY rowid");
        std::unordered_map<std::string, bool> classroom;
        sql::Statement modes(db_, "SELECT id FROM attempts WHERE mode = 'classroom'");
        while (modes.step()) {
            classroom.emplace(modes.text(0), true);
        }
        while (rows.step()) {
            Event e = read_event(rows, cache);
            if (classroom.contains(e.attempt_id)) {
                votes.reset();
                votes.bind(e.attempt_id).bind(std::int64_t{e.sequence});
                while (votes.step()) {
                    e.votes.push_back({votes.text(0), votes.integer(1), votes.integer(2)});
                }
            }
            visit(e);
        }
    }

    void record_classroom_session(const ClassroomSession& c) override {
        if (c.head_count < 0) {
            throw RecordsError(i18n::tr("a head count cannot be negative"));
        }
        sql::Transaction transaction(db_);
        sql::Statement(db_, "INSERT OR REPLACE INTO classroom_sessions VALUES (?, ?, ?, ?)")
            .bind(c.attempt_id)
            .bind(c.name)
            .bind(c.facilitator)
            .bind(c.head_count)
            .run();
        transaction.commit();
    }

    std::optional<ClassroomSession> classroom_session(std::string_view attempt_id) override {
        sql::Statement row(db_, "SELECT * FROM classroom_sessions WHERE attempt_id = ?");
        row.bind(attempt_id);
        if (!row.step()) {
            return std::nullopt;
        }
        return ClassroomSession{row.text(0), row.text(1), row.text(2), row.integer(3)};
    }

    std::vector<ClassroomSession> classroom_sessions() override {
        sql::Statement rows(db_, "SELECT s.* FROM classroom_sessions AS s JOIN attempts AS a ON "
                                 "a.id = s.attempt_id ORDER BY a.started_ms, a.id");
        std::vector<ClassroomSession> out;
        while (rows.step()) {
            out.push_back({rows.text(0), rows.text(1), rows.text(2), rows.integer(3)});
        }
        return out;
    }

    void record_completion(const Completion& c) override {
        sql::Transaction transaction(db_);
        sql::Statement(db_, "INSERT OR REPLACE INTO completions VALUES (?, ?, ?, ?, ?)")
            .bind(c.learner_id)
            .bind(c.course_id)
            .bind(c.completed)
            .bind(c.score_percent)
            .bind(c.minutes)
            .run();
        transaction.commit();
    }

    std::vector<Completion> completions(std::string_view learner_id) override {
        sql::Statement rows(db_,
                            "SELECT * FROM completions WHERE learner_id = ? ORDER BY completed_ms");
        rows.bind(learner_id);
        std::vector<Completion> out;
        while (rows.step()) {
            out.push_back(
                {rows.text(0), rows.text(1), rows.integer(2), rows.integer(3), rows.integer(4)});
        }
        return out;
    }

    std::vector<Completion> all_completions() override {
        sql::Statement rows(db_, "SELECT * FROM completions ORDER BY learner_id, completed_ms");
        std::vector<Completion> out;
        while (rows.step()) {
            out.push_back(
                {rows.text(0), rows.text(1), rows.integer(2), rows.integer(3), rows.integer(4)});
        }
        return out;
    }

    std::vector<Attestation> all_attestations() override {
        sql::Statement rows(db_, "SELECT * FROM attestations ORDER BY learner_id, course_id");
        std::vector<Attestation> out;
        while (rows.step()) {
            out.push_back({rows.text(0), rows.text(1), rows.text(2), rows.integer(3)});
        }
        return out;
    }

    PurgeCounts purge(const PurgeSelection& selection, bool dry_run) override {
        PurgeCounts n;
        sql::Transaction transaction(db_);
        const auto remove = [&](sql::Statement& statement, auto&&... values) {
            statement.reset();
            (statement.bind(values), ...);
            statement.run();
            return db_.changes();
        };
        // Children first, so the counts do not depend on cascades.
        sql::Statement votes(db_, "DELETE FROM votes WHERE attempt_id = ?");
        sql::Statement events(db_, "DELETE FROM events WHERE attempt_id = ?");
        sql::Statement sessions(db_, "DELETE FROM classroom_sessions WHERE attempt_id = ?");
        sql::Statement attempts(db_, "DELETE FROM attempts WHERE id = ?");
        for (const std::string& id : selection.attempts) {
            n.votes += remove(votes, id);
            n.events += remove(events, id);
            n.classroom_sessions += remove(sessions, id);
            n.attempts += remove(attempts, id);
        }
        sql::Statement completions(
            db_, "DELETE FROM completions WHERE learner_id = ? AND course_id = ? AND "
                 "completed_ms = ?");
        for (const Completion& c : selection.completions) {
            n.completions += remove(completions, c.learner_id, c.course_id, c.completed);
        }
        sql::Statement attestations(
            db_, "DELETE FROM attestations WHERE learner_id = ? AND course_id = ?");
        for (const Attestation& a : selection.attestations) {
            n.attestations += remove(attestations, a.learner_id, a.course_id);
        }
        // certificate_status rows stay: an index is never given out again and
        // a revoked certificate stays revoked.
        sql::Statement certificates(db_, "DELETE FROM certificates WHERE id = ?");
        for (const std::string& id : selection.certificates) {
            n.certificates += remove(certificates, id);
        }
        if (dry_run) {
            return n; // rolled back
        }
        transaction.commit();
        // Removed means removed: clear the freed pages and the WAL copies.
        db_.exec("PRAGMA wal_checkpoint(TRUNCATE); VACUUM;");
        return n;
    }

    void record_attestation(const Attestation& a) override {
        sql::Transaction transaction(db_);
        // One per learner and course: confirming again (a renewal) replaces
        // it, but never with an older one.
        sql::Statement(db_, "INSERT INTO attestations VALUES (?, ?, ?, ?) ON CONFLICT (learner_id, "
                            "course_id) DO UPDATE SET statement = excluded.statement, time_ms = "
                            "excluded.time_ms WHERE excluded.time_ms >= attestations.time_ms")
            .bind(a.learner_id)
            .bind(a.course_id)
            .bind(a.statement)
            .bind(a.time)
            .run();
        transaction.commit();
    }

    std::optional<Attestation> attestation(std::string_view learner_id,
                                           std::string_view course_id) override {
        sql::Statement row(db_,
                           "SELECT * FROM attestations WHERE learner_id = ? AND course_id = ?");
        row.bind(learner_id).bind(course_id);
        if (!row.step()) {
            return std::nullopt;
        }
        return Attestation{row.text(0), row.text(1), row.text(2), row.integer(3)};
    }

    void add_certificate(const Certificate& c) override {
        sql::Transaction transaction(db_);
        sql::Statement(db_, "INSERT INTO certificates VALUES (?, ?, ?, ?, ?, ?)")
            .bind(c.id)
            .bind(c.learner_id)
            .bind(c.course_id)
            .bind(c.issued)
            .bind(c.verification_code)
            .bind(c.credential_json)
            .run();
        if (c.status_index || c.revoked) {
            if (c.status_index && status_index_used(c.status_list, *c.status_index)) {
                // TRANSLATORS: {1} an index, {2} a status list's URL, {3} where the records are.
                throw RecordsError(
                    i18n::format(i18n::tr("status list index {1} of {2} is already in use in {3}"),
                                 {std::to_string(*c.status_index), c.status_list, db_.path()}));
            }
            sql::Statement(db_, "INSERT INTO certificate_status VALUES (?, ?, ?, ?, ?)")
                .bind(c.id)
                .bind(c.status_list)
                .bind_optional(c.status_index)
                .bind_optional(c.revoked)
                .bind(c.revocation_reason)
                .run();
        }
        transaction.commit();
    }

    std::vector<Certificate> certificates() override {
        sql::Statement rows(db_, std::string(kCertificateQuery) + " ORDER BY c.issued_ms, c.id");
        std::vector<Certificate> out;
        while (rows.step()) {
            out.push_back(read_certificate(rows));
        }
        return out;
    }

    std::optional<Certificate> certificate(std::string_view id) override {
        sql::Statement row(db_, std::string(kCertificateQuery) +
                                    " WHERE c.id = ? OR c.verification_code = ?");
        row.bind(id).bind(id);
        if (!row.step()) {
            return std::nullopt;
        }
        return read_certificate(row);
    }

    Certificate revoke_certificate(std::string_view id, TimeMs when,
                                   std::string_view reason) override {
        std::optional<Certificate> found = certificate(id);
        if (!found) {
            // TRANSLATORS: {1} a certificate's id, {2} where the records are.
            throw RecordsError(
                i18n::format(i18n::tr("no certificate '{1}' in {2}"), {id, db_.path()}));
        }
        if (found->revoked) {
            return *found;
        }
        sql::Transaction transaction(db_);
        // A certificate issued without a status list gets a row without an index.
        sql::Statement(db_, "INSERT INTO certificate_status (certificate_id, revoked_ms, reason) "
                            "VALUES (?, ?, ?) ON CONFLICT (certificate_id) DO UPDATE SET "
                            "revoked_ms = excluded.revoked_ms, reason = excluded.reason")
            .bind(found->id)
            .bind(when)
            .bind(reason)
            .run();
        transaction.commit();
        found->revoked = when;
        found->revocation_reason = std::string(reason);
        return *found;
    }

    bool status_index_used(std::string_view status_list, std::int64_t index) override {
        sql::Statement row(db_, "SELECT 1 FROM certificate_status WHERE status_list = ? AND "
                                "status_index = ?");
        row.bind(status_list).bind(index);
        return row.step();
    }

    std::vector<std::int64_t> revoked_status_indices(std::string_view status_list) override {
        sql::Statement rows(db_, "SELECT status_index FROM certificate_status WHERE status_list = "
                                 "? AND status_index IS NOT NULL AND revoked_ms IS NOT NULL "
                                 "ORDER BY status_index");
        rows.bind(status_list);
        std::vector<std::int64_t> out;
        while (rows.step()) {
            out.push_back(rows.integer(0));
        }
        return out;
    }

    std::optional<std::string> setting(std::string_view key) override {
        sql::Statement row(db_, "SELECT value FROM settings WHERE key = ?");
        row.bind(key);
        if (!row.step()) {
            return std::nullopt;
        }
        return row.text(0);
    }

    void set_setting(std::string_view key, std::string_view value) override {
        sql::Transaction transaction(db_);
        sql::Statement(db_, "INSERT INTO settings (key, value) VALUES (?, ?) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
            .bind(key)
            .bind(value)
            .run();
        transaction.commit();
    }

    std::map<std::string, std::string> settings() override {
        sql::Statement rows(db_, "SELECT key, value FROM settings");
        std::map<std::string, std::string> out;
        while (rows.step()) {
            out.emplace(rows.text(0), rows.text(1));
        }
        return out;
    }

    std::string location() const override { return db_.path(); }

  private:
    std::uint32_t next_sequence(std::string_view attempt_id) {
        sql::Statement row(db_, "SELECT events, status FROM attempts WHERE id = ?");
        row.bind(attempt_id);
        if (!row.step()) {
            // TRANSLATORS: {1} an attempt's id, {2} where the records are.
            throw RecordsError(
                i18n::format(i18n::tr("no attempt {1} in {2}"), {attempt_id, db_.path()}));
        }
        if (row.text(1) != "in-progress") {
            // TRANSLATORS: {1} an attempt's id, {2} its status as the records keep it (completed,
            // abandoned).
            throw RecordsError(
                i18n::format(i18n::tr("attempt {1} is already {2}"), {attempt_id, row.text(1)}));
        }
        return static_cast<std::uint32_t>(row.integer(0)) + 1;
    }

    void require_attempt(std::string_view attempt_id) {
        sql::Statement row(db_, "SELECT 1 FROM attempts WHERE id = ?");
        row.bind(attempt_id);
        if (!row.step()) {
            // TRANSLATORS: {1} an attempt's id, {2} where the records are.
            throw RecordsError(
                i18n::format(i18n::tr("no attempt {1} in {2}"), {attempt_id, db_.path()}));
        }
    }

    // Adds the gap since the last activity to the active time unless it is
    // longer than the idle limit; a clock that went backwards adds nothing.
    void mark_activity(std::string_view attempt_id, TimeMs when,
                       const std::vector<std::uint8_t>* save, bool count_event) {
        sql::Statement row(db_, "SELECT last_activity_ms FROM attempts WHERE id = ?");
        row.bind(attempt_id);
        if (!row.step()) {
            // TRANSLATORS: {1} an attempt's id, {2} where the records are.
            throw RecordsError(
                i18n::format(i18n::tr("no attempt {1} in {2}"), {attempt_id, db_.path()}));
        }
        const TimeMs last = row.integer(0);
        const TimeMs gap = when - last;
        const std::int64_t add = gap > 0 && gap <= options_.idle_limit_ms ? gap : 0;
        sql::Statement update(db_, save != nullptr
                                       ? "UPDATE attempts SET active_ms = active_ms + ?, "
                                         "last_activity_ms = max(last_activity_ms, ?), "
                                         "events = events + ?, save = ? WHERE id = ?"
                                       : "UPDATE attempts SET active_ms = active_ms + ?, "
                                         "last_activity_ms = max(last_activity_ms, ?), "
                                         "events = events + ? WHERE id = ?");
        update.bind(add).bind(when).bind(std::int64_t{count_event ? 1 : 0});
        if (save != nullptr) {
            update.bind(*save);
        }
        update.bind(attempt_id).run();
    }

    sql::Database db_;
    StoreOptions options_;
};

} // namespace

std::unique_ptr<Store> open_store(const fs::path& data_dir, const StoreOptions& options) {
    ensure_private_dir(data_dir);
    const fs::path file = data_dir / "records.db";
    create_private_file(file); // before SQLite: its -wal and -shm files copy the mode
    return std::make_unique<SqliteStore>(file, options);
}

} // namespace sightline::records
