// The shared store on PostgreSQL through libpq. Every value travels as a
// parameter of PQexecParams (text, or binary for bytea; postgres_connection.hpp);
// no SQL is built from data. Each write is one transaction, as in the SQLite
// store; a row lock on the attempt (SELECT ... FOR UPDATE) orders concurrent
// writers of one attempt, as SQLite's BEGIN IMMEDIATE does. Text columns sort
// with COLLATE "C" so lists come in the same byte order as from SQLite,
// whatever the server's locale. The schema is postgres_schema.cpp's.
#include "records/postgres_store.hpp"

#include "i18n/i18n.hpp"
#include "records/postgres_connection.hpp"
#include "records/postgres_schema.hpp"
#include "records/sqlite_rows.hpp"
#include "records/uuid.hpp"

#include <nlohmann/json.hpp>

#include <unordered_set>
#include <utility>

namespace sightline::records {
using nlohmann::json;

namespace {

using pg::Connection;
using pg::Params;
using pg::Result;
using pg::Row;
using pg::Transaction;

using namespace rows;

std::string attempt_query(std::string_view where_and_order, bool with_saves = true) {
    std::string columns = kAttemptColumns;
    if (!with_saves) {
        columns.replace(columns.find(" save,"), 6, " ''::bytea,"); // keeps the column numbers
    }
    return "SELECT " + columns + " FROM attempts" + std::string(where_and_order);
}

class PostgresStore final : public Store {
  public:
    PostgresStore(const std::string& conninfo, const StoreOptions& options)
        : conn_(conninfo, options), options_(options) {
        pg::migrate(conn_);
    }

    Learner add_learner(const LearnerInput& input) override {
        check_learner_input(input);
        const Learner learner = make_learner(new_uuid(), input, now_ms());
        Transaction transaction(conn_);
        static const std::string insert = std::string("INSERT INTO learners (") + kLearnerColumns +
                                          ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
        conn_.exec(i18n::tr("records database action", "add a learner"), insert.c_str(),
                   Params()
                       .add(learner.id)
                       .add(learner.display_name)
                       .add(learner.profession)
                       .add(learner.licence_number)
                       .add(learner.licence_state)
                       .add(learner.created)
                       .add(learner.hire_date)
                       .add(learner.job_role)
                       .add(learner.site)
                       .add(learner.language));
        transaction.commit();
        return learner;
    }

    std::optional<Learner> update_learner(std::string_view id, const LearnerInput& input) override {
        check_learner_input(input);
        Transaction transaction(conn_);
        const Result updated =
            conn_.exec(i18n::tr("records database action", "update a learner"),
                       "UPDATE learners SET display_name = $1, profession = $2, "
                       "licence_number = $3, licence_state = $4, hire_date = $5, job_role = $6, "
                       "site = $7, language = $8 WHERE id = $9",
                       Params()
                           .add(input.display_name)
                           .add(input.profession)
                           .add(input.licence_number)
                           .add(input.licence_state)
                           .add(input.hire_date)
                           .add(input.job_role)
                           .add(input.site)
                           .add(input.language)
                           .add(id));
        transaction.commit();
        return updated.affected() > 0 ? learner(id) : std::nullopt;
    }

    std::vector<Learner> learners() override {
        const Result rows = conn_.exec(i18n::tr("records database action", "list the learners"),
                                       kLearnerQuery.c_str(), {});
        std::vector<Learner> out;
        for (int i = 0; i < rows.rows(); ++i) {
            out.push_back(read_learner(rows.row(i)));
        }
        return out;
    }

    std::optional<Learner> learner(std::string_view id) override {
        static const std::string query =
            std::string("SELECT ") + kLearnerColumns + " FROM learners WHERE id = $1";
        const Result row = conn_.exec(i18n::tr("records database action", "read a learner"),
                                      query.c_str(), Params().add(id));
        if (row.rows() == 0) {
            return std::nullopt;
        }
        return read_learner(row.row(0));
    }

    bool delete_learner(std::string_view id) override {
        Transaction transaction(conn_);
        const Result deleted = conn_.exec(i18n::tr("records database action", "delete a learner"),
                                          "DELETE FROM learners WHERE id = $1", Params().add(id));
        transaction.commit();
        return deleted.affected() > 0;
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
        Params params;
        params.add(a.id);
        if (a.learner_id.empty()) {
            params.add_null();
        } else {
            params.add(a.learner_id);
        }
        params.add(a.course_id)
            .add(a.scenario_id)
            .add(a.bundle_hash)
            .add(a.bundle_version)
            .add(mode_name(a.mode))
            .add(a.language)
            .add(static_cast<std::int64_t>(a.seed))
            .add(a.started)
            .add(a.last_activity)
            .add(a.save);
        Transaction transaction(conn_);
        conn_.exec(
            i18n::tr("records database action", "start an attempt"),
            "INSERT INTO attempts (id, learner_id, course_id, scenario_id, bundle_hash, "
            "bundle_version, mode, language, seed, started_ms, status, last_activity_ms, "
            "save) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'in-progress', $11, $12)",
            params);
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
        Transaction transaction(conn_);
        const auto expected = next_sequence(event.attempt_id);
        if (event.sequence != expected) {
            // TRANSLATORS: {1} an event's number, {2} an attempt's id, {3} the number expected.
            throw RecordsError(i18n::format(
                i18n::tr("event {1} of attempt {2} is out of order (expected {3})"),
                {std::to_string(event.sequence), event.attempt_id, std::to_string(expected)}));
        }
        static const std::string insert = std::string("INSERT INTO events (") + kEventColumns +
                                          ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
                                          "$11, $12, $13, $14)";
        conn_.exec(i18n::tr("records database action", "record an event"), insert.c_str(),
                   Params()
                       .add(event.attempt_id)
                       .add(std::int64_t{event.sequence})
                       .add(event.time)
                       .add(event.node_id)
                       .add(event.prompt)
                       .add(event.kind == EventKind::Answer ? "answer" : "choice")
                       .add(json(event.response).dump())
                       .add(offered.dump())
                       .add(event.tier)
                       .add(std::int64_t{event.correct ? 1 : 0})
                       .add(changes.dump())
                       .add(json(event.indicators).dump())
                       .add(event.time_on_node_ms)
                       .add(std::int64_t{event.branch}));
        for (const VoteCount& v : event.votes) {
            if (v.count < 0 || v.phones < 0 || v.phones > v.count) {
                // TRANSLATORS: {1} a vote's id.
                throw RecordsError(i18n::format(i18n::tr("a vote count cannot be negative, nor "
                                                         "have more phone votes than votes ({1})"),
                                                {v.id}));
            }
            conn_.exec(i18n::tr("records database action", "record a vote"),
                       "INSERT INTO votes (attempt_id, sequence, option_id, count, phone_count) "
                       "VALUES ($1, $2, $3, $4, $5)",
                       Params()
                           .add(event.attempt_id)
                           .add(std::int64_t{event.sequence})
                           .add(v.id)
                           .add(v.count)
                           .add(v.phones));
        }
        mark_activity(event.attempt_id, event.time, &save_after, /*count_event=*/true);
        transaction.commit();
    }

    void touch(std::string_view attempt_id, TimeMs when) override {
        Transaction transaction(conn_);
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
        Transaction transaction(conn_);
        mark_activity(attempt_id, when, nullptr, false);
        conn_.exec(i18n::tr("records database action", "finish an attempt"),
                   "UPDATE attempts SET status = 'completed', finished_ms = $1, ending_node = $2, "
                   "outcome = $3, score_raw = $4, score_min = $5, score_max = $6, passed = $7, "
                   "scores = $8 WHERE id = $9",
                   Params()
                       .add(when)
                       .add(result.ending_node)
                       .add(result.outcome)
                       .add(result.raw)
                       .add(result.min)
                       .add(result.max)
                       .add(std::int64_t{result.passed ? 1 : 0})
                       .add(scores.dump())
                       .add(attempt_id));
        transaction.commit();
    }

    void abandon_attempt(std::string_view attempt_id, TimeMs when) override {
        Transaction transaction(conn_);
        lock_attempt(attempt_id);
        conn_.exec(i18n::tr("records database action", "abandon an attempt"),
                   "UPDATE attempts SET status = 'abandoned', finished_ms = $1 WHERE id = $2 "
                   "AND status = 'in-progress'",
                   Params().add(when).add(attempt_id));
        transaction.commit();
    }

    std::optional<Attempt> attempt(std::string_view id) override {
        static const std::string query = attempt_query(" WHERE id = $1");
        const Result row = conn_.exec(i18n::tr("records database action", "read an attempt"),
                                      query.c_str(), Params().add(id));
        if (row.rows() == 0) {
            return std::nullopt;
        }
        return read_attempt(row.row(0));
    }

    std::vector<Attempt> attempts(std::optional<std::string_view> learner_id,
                                  bool with_saves) override {
        const std::string query = attempt_query(
            learner_id ? " WHERE learner_id = $1 ORDER BY started_ms, id COLLATE \"C\""
                       : " ORDER BY started_ms, id COLLATE \"C\"",
            with_saves);
        Params params;
        if (learner_id) {
            params.add(*learner_id);
        }
        const Result rows = conn_.exec(i18n::tr("records database action", "list the attempts"),
                                       query.c_str(), params);
        std::vector<Attempt> out;
        for (int i = 0; i < rows.rows(); ++i) {
            out.push_back(read_attempt(rows.row(i)));
        }
        return out;
    }

    std::optional<Attempt> unfinished_attempt(std::string_view learner_id,
                                              std::string_view scenario_id) override {
        static const std::string query =
            attempt_query(" WHERE learner_id = $1 AND scenario_id = $2 AND status = "
                          "'in-progress' ORDER BY started_ms DESC LIMIT 1");
        const Result row =
            conn_.exec(i18n::tr("records database action", "find an unfinished attempt"),
                       query.c_str(), Params().add(learner_id).add(scenario_id));
        if (row.rows() == 0) {
            return std::nullopt;
        }
        return read_attempt(row.row(0));
    }

    std::vector<Event> events(std::string_view attempt_id) override {
        static const std::string query = std::string("SELECT ") + kEventColumns +
                                         " FROM events WHERE attempt_id = $1 ORDER BY sequence";
        const Result rows = conn_.exec(i18n::tr("records database action", "read the events"),
                                       query.c_str(), Params().add(attempt_id));
        std::vector<Event> out;
        DecodeCache cache;
        for (int i = 0; i < rows.rows(); ++i) {
            out.push_back(read_event(rows.row(i), cache));
        }
        const Result votes = conn_.exec(
            i18n::tr("records database action", "read the votes"),
            "SELECT sequence, option_id, count, phone_count FROM votes WHERE attempt_id = $1 "
            "ORDER BY sequence, ordinal",
            Params().add(attempt_id));
        for (int i = 0; i < votes.rows(); ++i) {
            const Row vote = votes.row(i);
            const auto sequence = static_cast<std::uint32_t>(vote.integer(0));
            for (Event& e : out) {
                if (e.sequence == sequence) {
                    e.votes.push_back({vote.text(1), vote.integer(2), vote.integer(3)});
                }
            }
        }
        return out;
    }

    void for_each_event(const std::function<void(const Event&)>& visit) override {
        // A cursor in one transaction: a consistent view, fetched in batches so
        // the client never holds every event at once.
        Transaction transaction(conn_);
        std::unordered_set<std::string> classroom;
        const Result modes =
            conn_.exec(i18n::tr("records database action", "list the classroom sessions"),
                       "SELECT id FROM attempts WHERE mode = 'classroom'");
        for (int i = 0; i < modes.rows(); ++i) {
            classroom.insert(modes.row(i).text(0));
        }
        static const std::string declare =
            std::string("DECLARE sightline_events NO SCROLL CURSOR FOR SELECT ") + kEventColumns +
            " FROM events ORDER BY ordinal";
        conn_.exec(i18n::tr("records database action", "read the events"), declare.c_str());
        DecodeCache cache;
        for (;;) {
            const Result batch = conn_.exec(i18n::tr("records database action", "read the events"),
                                            "FETCH 1000 FROM sightline_events");
            if (batch.rows() == 0) {
                break;
            }
            for (int i = 0; i < batch.rows(); ++i) {
                Event e = read_event(batch.row(i), cache);
                if (classroom.contains(e.attempt_id)) {
                    const Result votes = conn_.exec(
                        i18n::tr("records database action", "read the votes"),
                        "SELECT option_id, count, phone_count FROM votes WHERE attempt_id = $1 "
                        "AND sequence = $2 ORDER BY ordinal",
                        Params().add(e.attempt_id).add(std::int64_t{e.sequence}));
                    for (int v = 0; v < votes.rows(); ++v) {
                        const Row vote = votes.row(v);
                        e.votes.push_back({vote.text(0), vote.integer(1), vote.integer(2)});
                    }
                }
                visit(e);
            }
        }
        conn_.exec(i18n::tr("records database action", "read the events"),
                   "CLOSE sightline_events");
        transaction.commit();
    }

    void record_classroom_session(const ClassroomSession& c) override {
        if (c.head_count < 0) {
            throw RecordsError(i18n::tr("a head count cannot be negative"));
        }
        Transaction transaction(conn_);
        conn_.exec(i18n::tr("records database action", "record a classroom session"),
                   "INSERT INTO classroom_sessions (attempt_id, name, facilitator, head_count) "
                   "VALUES ($1, $2, $3, $4) ON CONFLICT (attempt_id) DO UPDATE SET name = "
                   "excluded.name, facilitator = excluded.facilitator, head_count = "
                   "excluded.head_count",
                   Params().add(c.attempt_id).add(c.name).add(c.facilitator).add(c.head_count));
        transaction.commit();
    }

    std::optional<ClassroomSession> classroom_session(std::string_view attempt_id) override {
        const Result rows =
            conn_.exec(i18n::tr("records database action", "read a classroom session"),
                       "SELECT attempt_id, name, facilitator, head_count FROM "
                       "classroom_sessions WHERE attempt_id = $1",
                       Params().add(attempt_id));
        if (rows.rows() == 0) {
            return std::nullopt;
        }
        const Row row = rows.row(0);
        return ClassroomSession{row.text(0), row.text(1), row.text(2), row.integer(3)};
    }

    std::vector<ClassroomSession> classroom_sessions() override {
        const Result rows = conn_.exec(
            i18n::tr("records database action", "list the classroom sessions"),
            "SELECT s.attempt_id, s.name, s.facilitator, s.head_count FROM classroom_sessions AS "
            "s JOIN attempts AS a ON a.id = s.attempt_id ORDER BY a.started_ms, a.id COLLATE "
            "\"C\"");
        std::vector<ClassroomSession> out;
        for (int i = 0; i < rows.rows(); ++i) {
            const Row row = rows.row(i);
            out.push_back({row.text(0), row.text(1), row.text(2), row.integer(3)});
        }
        return out;
    }

    void record_completion(const Completion& c) override {
        Transaction transaction(conn_);
        conn_.exec(i18n::tr("records database action", "record a completion"),
                   "INSERT INTO completions (learner_id, course_id, completed_ms, score_percent, "
                   "minutes) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (learner_id, course_id, "
                   "completed_ms) DO UPDATE SET score_percent = excluded.score_percent, minutes = "
                   "excluded.minutes",
                   Params()
                       .add(c.learner_id)
                       .add(c.course_id)
                       .add(c.completed)
                       .add(c.score_percent)
                       .add(c.minutes));
        transaction.commit();
    }

    std::vector<Completion> completions(std::string_view learner_id) override {
        const Result rows = conn_.exec(i18n::tr("records database action", "list the completions"),
                                       "SELECT learner_id, course_id, completed_ms, "
                                       "score_percent, minutes FROM completions WHERE learner_id "
                                       "= $1 ORDER BY completed_ms",
                                       Params().add(learner_id));
        std::vector<Completion> out;
        for (int i = 0; i < rows.rows(); ++i) {
            const Row row = rows.row(i);
            out.push_back(
                {row.text(0), row.text(1), row.integer(2), row.integer(3), row.integer(4)});
        }
        return out;
    }

    std::vector<Completion> all_completions() override {
        const Result rows = conn_.exec(i18n::tr("records database action", "list the completions"),
                                       "SELECT learner_id, course_id, completed_ms, "
                                       "score_percent, minutes FROM completions ORDER BY "
                                       "learner_id COLLATE \"C\", completed_ms");
        std::vector<Completion> out;
        out.reserve(static_cast<std::size_t>(rows.rows()));
        for (int i = 0; i < rows.rows(); ++i) {
            const Row row = rows.row(i);
            out.push_back(
                {row.text(0), row.text(1), row.integer(2), row.integer(3), row.integer(4)});
        }
        return out;
    }

    std::vector<Attestation> all_attestations() override {
        const Result rows = conn_.exec(i18n::tr("records database action", "list the attestations"),
                                       "SELECT learner_id, course_id, statement, time_ms FROM "
                                       "attestations ORDER BY learner_id COLLATE \"C\", "
                                       "course_id COLLATE \"C\"");
        std::vector<Attestation> out;
        for (int i = 0; i < rows.rows(); ++i) {
            const Row row = rows.row(i);
            out.push_back({row.text(0), row.text(1), row.text(2), row.integer(3)});
        }
        return out;
    }

    PurgeCounts purge(const PurgeSelection& selection, bool dry_run) override {
        PurgeCounts n;
        Transaction transaction(conn_);
        const auto remove = [&](const char* sql, const Params& params) {
            return conn_.exec(i18n::tr("records database action", "purge old records"), sql, params)
                .affected();
        };
        // Children first, so the counts do not depend on cascades.
        for (const std::string& id : selection.attempts) {
            n.votes += remove("DELETE FROM votes WHERE attempt_id = $1", Params().add(id));
            n.events += remove("DELETE FROM events WHERE attempt_id = $1", Params().add(id));
            n.classroom_sessions +=
                remove("DELETE FROM classroom_sessions WHERE attempt_id = $1", Params().add(id));
            n.attempts += remove("DELETE FROM attempts WHERE id = $1", Params().add(id));
        }
        for (const Completion& c : selection.completions) {
            n.completions += remove("DELETE FROM completions WHERE learner_id = $1 AND course_id "
                                    "= $2 AND completed_ms = $3",
                                    Params().add(c.learner_id).add(c.course_id).add(c.completed));
        }
        for (const Attestation& a : selection.attestations) {
            n.attestations +=
                remove("DELETE FROM attestations WHERE learner_id = $1 AND course_id = $2",
                       Params().add(a.learner_id).add(a.course_id));
        }
        // certificate_status rows stay: an index is never given out again and
        // a revoked certificate stays revoked.
        for (const std::string& id : selection.certificates) {
            n.certificates += remove("DELETE FROM certificates WHERE id = $1", Params().add(id));
        }
        if (!dry_run) {
            transaction.commit();
        }
        return n; // a dry run is rolled back
    }

    void record_attestation(const Attestation& a) override {
        Transaction transaction(conn_);
        conn_.exec(i18n::tr("records database action", "record an attestation"),
                   "INSERT INTO attestations (learner_id, course_id, statement, time_ms) VALUES "
                   "($1, $2, $3, $4) ON CONFLICT (learner_id, course_id) DO UPDATE SET statement "
                   "= excluded.statement, time_ms = excluded.time_ms WHERE excluded.time_ms >= "
                   "attestations.time_ms", // confirmed again (a renewal); never an older one
                   Params().add(a.learner_id).add(a.course_id).add(a.statement).add(a.time));
        transaction.commit();
    }

    std::optional<Attestation> attestation(std::string_view learner_id,
                                           std::string_view course_id) override {
        const Result rows = conn_.exec(i18n::tr("records database action", "read an attestation"),
                                       "SELECT learner_id, course_id, statement, time_ms FROM "
                                       "attestations WHERE learner_id = $1 AND course_id = $2",
                                       Params().add(learner_id).add(course_id));
        if (rows.rows() == 0) {
            return std::nullopt;
        }
        const Row row = rows.row(0);
        return Attestation{row.text(0), row.text(1), row.text(2), row.integer(3)};
    }

    void add_certificate(const Certificate& c) override {
        Transaction transaction(conn_);
        conn_.exec(i18n::tr("records database action", "add a certificate"),
                   "INSERT INTO certificates (id, learner_id, course_id, issued_ms, "
                   "verification_code, credential_json) VALUES ($1, $2, $3, $4, $5, $6)",
                   Params()
                       .add(c.id)
                       .add(c.learner_id)
                       .add(c.course_id)
                       .add(c.issued)
                       .add(c.verification_code)
                       .add(c.credential_json));
        if (c.status_index || c.revoked) {
            if (c.status_index && status_index_used(c.status_list, *c.status_index)) {
                // TRANSLATORS: {1} an index, {2} a status list's URL, {3} where the records are.
                throw RecordsError(i18n::format(
                    i18n::tr("status list index {1} of {2} is already in use in {3}"),
                    {std::to_string(*c.status_index), c.status_list, conn_.location()}));
            }
            conn_.exec(i18n::tr("records database action", "add a certificate"),
                       "INSERT INTO certificate_status (certificate_id, status_list, "
                       "status_index, revoked_ms, reason) VALUES ($1, $2, $3, $4, $5)",
                       Params()
                           .add(c.id)
                           .add(c.status_list)
                           .add(c.status_index)
                           .add(c.revoked)
                           .add(c.revocation_reason));
        }
        transaction.commit();
    }

    std::vector<Certificate> certificates() override {
        static const std::string query =
            std::string(kCertificateQuery) + " ORDER BY c.issued_ms, c.id COLLATE \"C\"";
        const Result rows =
            conn_.exec(i18n::tr("records database action", "list the certificates"), query.c_str());
        std::vector<Certificate> out;
        for (int i = 0; i < rows.rows(); ++i) {
            out.push_back(read_certificate(rows.row(i)));
        }
        return out;
    }

    std::optional<Certificate> certificate(std::string_view id) override {
        static const std::string query =
            std::string(kCertificateQuery) + " WHERE c.id = $1 OR c.verification_code = $1";
        const Result rows = conn_.exec(i18n::tr("records database action", "read a certificate"),
                                       query.c_str(), Params().add(id));
        if (rows.rows() == 0) {
            return std::nullopt;
        }
        return read_certificate(rows.row(0));
    }

    Certificate revoke_certificate(std::string_view id, TimeMs when,
                                   std::string_view reason) override {
        std::optional<Certificate> found = certificate(id);
        if (!found) {
            // TRANSLATORS: {1} a certificate's id, {2} where the records are.
            throw RecordsError(
                i18n::format(i18n::tr("no certificate '{1}' in {2}"), {id, conn_.location()}));
        }
        if (found->revoked) {
            return *found;
        }
        Transaction transaction(conn_);
        // A certificate issued without a status list gets a row without an
        // index; of two revocations at once, the first one to commit stays.
        conn_.exec(i18n::tr("records database action", "revoke a certificate"),
                   "INSERT INTO certificate_status (certificate_id, revoked_ms, reason) VALUES "
                   "($1, $2, $3) ON CONFLICT (certificate_id) DO UPDATE SET revoked_ms = "
                   "excluded.revoked_ms, reason = excluded.reason WHERE "
                   "certificate_status.revoked_ms IS NULL",
                   Params().add(found->id).add(when).add(reason));
        transaction.commit();
        return *certificate(found->id);
    }

    bool status_index_used(std::string_view status_list, std::int64_t index) override {
        const Result rows =
            conn_.exec(i18n::tr("records database action", "look up a status list index"),
                       "SELECT 1 FROM certificate_status WHERE status_list = $1 "
                       "AND status_index = $2",
                       Params().add(status_list).add(index));
        return rows.rows() > 0;
    }

    std::vector<std::int64_t> revoked_status_indices(std::string_view status_list) override {
        const Result rows = conn_.exec(
            i18n::tr("records database action", "list the revoked status list indices"),
            "SELECT status_index FROM certificate_status WHERE status_list = $1 AND status_index "
            "IS NOT NULL AND revoked_ms IS NOT NULL ORDER BY status_index",
            Params().add(status_list));
        std::vector<std::int64_t> out;
        for (int i = 0; i < rows.rows(); ++i) {
            out.push_back(rows.row(i).integer(0));
        }
        return out;
    }

    std::optional<std::string> setting(std::string_view key) override {
        const Result row =
            conn_.exec(i18n::tr("records database action", "read a setting"),
                       "SELECT value FROM settings WHERE key = $1", Params().add(key));
        if (row.rows() == 0) {
            return std::nullopt;
        }
        return row.row(0).text(0);
    }

    void set_setting(std::string_view key, std::string_view value) override {
        Transaction transaction(conn_);
        conn_.exec(i18n::tr("records database action", "change a setting"),
                   "INSERT INTO settings (key, value) VALUES ($1, $2) "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                   Params().add(key).add(value));
        transaction.commit();
    }

    std::map<std::string, std::string> settings() override {
        const Result rows = conn_.exec(i18n::tr("records database action", "read the settings"),
                                       "SELECT key, value FROM settings");
        std::map<std::string, std::string> out;
        for (int i = 0; i < rows.rows(); ++i) {
            out.emplace(rows.row(i).text(0), rows.row(i).text(1));
        }
        return out;
    }

    std::string location() const override { return conn_.location(); }

  private:
    inline static const std::string kLearnerQuery = std::string("SELECT ") + kLearnerColumns +
                                                    " FROM learners ORDER BY created_ms, id "
                                                    "COLLATE \"C\"";

    // Locks the attempt's row until the transaction ends: writers of one
    // attempt take turns, so sequences and active time stay consistent.
    void lock_attempt(std::string_view attempt_id) {
        const Result row =
            conn_.exec(i18n::tr("records database action", "read an attempt"),
                       "SELECT 1 FROM attempts WHERE id = $1 FOR UPDATE", Params().add(attempt_id));
        if (row.rows() == 0) {
            // TRANSLATORS: {1} an attempt's id, {2} where the records are.
            throw RecordsError(
                i18n::format(i18n::tr("no attempt {1} in {2}"), {attempt_id, conn_.location()}));
        }
    }

    std::uint32_t next_sequence(std::string_view attempt_id) {
        const Result rows = conn_.exec(i18n::tr("records database action", "read an attempt"),
                                       "SELECT events, status FROM attempts WHERE id = $1 FOR "
                                       "UPDATE",
                                       Params().add(attempt_id));
        if (rows.rows() == 0) {
            // TRANSLATORS: {1} an attempt's id, {2} where the records are.
            throw RecordsError(
                i18n::format(i18n::tr("no attempt {1} in {2}"), {attempt_id, conn_.location()}));
        }
        const Row row = rows.row(0);
        if (row.text(1) != "in-progress") {
            // TRANSLATORS: {1} an attempt's id, {2} its status as the records keep it (completed,
            // abandoned).
            throw RecordsError(
                i18n::format(i18n::tr("attempt {1} is already {2}"), {attempt_id, row.text(1)}));
        }
        return static_cast<std::uint32_t>(row.integer(0)) + 1;
    }

    // Adds the gap since the last activity to the active time unless it is
    // longer than the idle limit; a clock that went backwards adds nothing.
    void mark_activity(std::string_view attempt_id, TimeMs when,
                       const std::vector<std::uint8_t>* save, bool count_event) {
        const Result rows =
            conn_.exec(i18n::tr("records database action", "read an attempt"),
                       "SELECT last_activity_ms FROM attempts WHERE id = $1 FOR UPDATE",
                       Params().add(attempt_id));
        if (rows.rows() == 0) {
            // TRANSLATORS: {1} an attempt's id, {2} where the records are.
            throw RecordsError(
                i18n::format(i18n::tr("no attempt {1} in {2}"), {attempt_id, conn_.location()}));
        }
        const TimeMs last = rows.row(0).integer(0);
        const TimeMs gap = when - last;
        const std::int64_t add = gap > 0 && gap <= options_.idle_limit_ms ? gap : 0;
        Params params;
        params.add(add).add(when).add(std::int64_t{count_event ? 1 : 0});
        if (save != nullptr) {
            params.add(*save);
        }
        params.add(attempt_id);
        conn_.exec(i18n::tr("records database action", "record activity"),
                   save != nullptr ? "UPDATE attempts SET active_ms = active_ms + $1::bigint, "
                                     "last_activity_ms = greatest(last_activity_ms, $2::bigint), "
                                     "events = events + $3::bigint, save = $4 WHERE id = $5"
                                   : "UPDATE attempts SET active_ms = active_ms + $1::bigint, "
                                     "last_activity_ms = greatest(last_activity_ms, $2::bigint), "
                                     "events = events + $3::bigint WHERE id = $4",
                   params);
    }

    Connection conn_;
    StoreOptions options_;
};

} // namespace

bool is_postgres_conninfo(const std::string& records) {
    return records.starts_with("postgresql://") || records.starts_with("postgres://");
}

bool conninfo_has_password(const std::string& conninfo) {
    return !pg::describe(conninfo).password.empty();
}

std::unique_ptr<Store> open_postgres_store(const std::string& conninfo,
                                           const StoreOptions& options) {
    return std::make_unique<PostgresStore>(conninfo, options);
}

} // namespace sightline::records
