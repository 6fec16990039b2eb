// The outbox's operations (outbox_ops.hpp).
#include "records/outbox_ops.hpp"

#include "i18n/i18n.hpp"
#include "records/records.hpp"
#include "records/sqlite_rows.hpp"

namespace sightline::records::outbox {
using nlohmann::json;

// ---- Payloads: the server's column values, as postgres_store.cpp writes them.

json learner_payload(const Learner& l) {
    return {{"id", l.id},
            {"display_name", l.display_name},
            {"profession", l.profession},
            {"licence_number", l.licence_number},
            {"licence_state", l.licence_state},
            {"created", l.created},
            {"hire_date", l.hire_date},
            {"job_role", l.job_role},
            {"site", l.site},
            {"language", l.language}};
}

json attempt_payload(const Attempt& a) {
    json p = {{"id", a.id},
              {"learner_id", a.learner_id},
              {"course_id", a.course_id},
              {"scenario_id", a.scenario_id},
              {"bundle_hash", a.bundle_hash},
              {"bundle_version", a.bundle_version},
              {"mode", mode_name(a.mode)},
              {"language", a.language},
              {"seed", static_cast<std::int64_t>(a.seed)},
              {"started", a.started},
              {"finished", a.finished ? json(*a.finished) : json(nullptr)},
              {"status", status_name(a.status)},
              {"active_ms", a.active_ms},
              {"last_activity", a.last_activity},
              {"events", a.events},
              {"result", nullptr}};
    if (a.result) {
        json scores = json::array();
        for (const auto& s : a.result->scores) {
            scores.push_back(
                {{"dimension", s.dimension}, {"score", s.score}, {"min", s.min}, {"max", s.max}});
        }
        p["result"] = {{"ending_node", a.result->ending_node},
                       {"outcome", a.result->outcome},
                       {"raw", a.result->raw},
                       {"min", a.result->min},
                       {"max", a.result->max},
                       {"passed", a.result->passed ? 1 : 0},
                       {"scores", scores.dump()}};
    }
    return p;
}

json event_payload(const Event& e) {
    json offered = json::array();
    for (const auto& option : e.offered) {
        offered.push_back({{"id", option.id}, {"text", option.text}, {"best", option.best}});
    }
    json changes = json::array();
    for (const auto& change : e.score_changes) {
        changes.push_back({{"dimension", change.dimension}, {"delta", change.delta}});
    }
    json votes = json::array();
    for (const VoteCount& v : e.votes) {
        votes.push_back({v.id, v.count, v.phones});
    }
    return {{"attempt_id", e.attempt_id},
            {"sequence", e.sequence},
            {"time", e.time},
            {"node_id", e.node_id},
            {"prompt", e.prompt},
            {"kind", e.kind == EventKind::Answer ? "answer" : "choice"},
            {"response", json(e.response).dump()},
            {"offered", offered.dump()},
            {"tier", e.tier},
            {"correct", e.correct ? 1 : 0},
            {"score_changes", changes.dump()},
            {"indicators", json(e.indicators).dump()},
            {"time_on_node_ms", e.time_on_node_ms},
            {"branch", e.branch},
            {"votes", votes}};
}

json classroom_payload(const ClassroomSession& c) {
    return {{"attempt_id", c.attempt_id},
            {"name", c.name},
            {"facilitator", c.facilitator},
            {"head_count", c.head_count}};
}

json completion_payload(const Completion& c) {
    return {{"learner_id", c.learner_id},
            {"course_id", c.course_id},
            {"completed", c.completed},
            {"score_percent", c.score_percent},
            {"minutes", c.minutes}};
}

json attestation_payload(const Attestation& a) {
    return {{"learner_id", a.learner_id},
            {"course_id", a.course_id},
            {"statement", a.statement},
            {"time", a.time}};
}

std::string completion_key(const Completion& c) {
    return json::array({c.learner_id, c.course_id, c.completed}).dump();
}

std::string attestation_key(std::string_view learner_id, std::string_view course_id) {
    return json::array({learner_id, course_id}).dump();
}

namespace {

// ---- Applying one queued operation on the server.

pg::Params& add_text(pg::Params& params, const json& value) {
    return params.add(value.get<std::string>());
}

void apply_learner(pg::Connection& conn, const json& p, bool update) {
    static const std::string add = std::string("INSERT INTO learners (") + rows::kLearnerColumns +
                                   ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
                                   "ON CONFLICT (id) DO NOTHING";
    static const std::string replace =
        std::string("INSERT INTO learners (") + rows::kLearnerColumns +
        ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO UPDATE SET "
        "display_name = excluded.display_name, profession = excluded.profession, "
        "licence_number = excluded.licence_number, licence_state = excluded.licence_state, "
        "hire_date = excluded.hire_date, job_role = excluded.job_role, site = excluded.site, "
        "language = excluded.language";
    pg::Params params;
    for (const char* field :
         {"id", "display_name", "profession", "licence_number", "licence_state"}) {
        add_text(params, p.at(field));
    }
    params.add(p.at("created").get<std::int64_t>());
    for (const char* field : {"hire_date", "job_role", "site"}) {
        add_text(params, p.at(field));
    }
    // Queued before learners had a preferred language: none.
    params.add(p.value("language", std::string()));
    conn.exec(i18n::tr("records database action", "deliver a learner"),
              update ? replace.c_str() : add.c_str(), params);
}

void apply_attempt(pg::Connection& conn, const json& p, const std::vector<std::uint8_t>& save) {
    static const std::string upsert =
        std::string("INSERT INTO attempts (") + rows::kAttemptColumns +
        ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, "
        "$18, $19, $20, $21, $22, $23) ON CONFLICT (id) DO UPDATE SET "
        "finished_ms = excluded.finished_ms, status = excluded.status, "
        "active_ms = excluded.active_ms, last_activity_ms = excluded.last_activity_ms, "
        "events = excluded.events, save = excluded.save, ending_node = excluded.ending_node, "
        "outcome = excluded.outcome, score_raw = excluded.score_raw, "
        "score_min = excluded.score_min, score_max = excluded.score_max, "
        "passed = excluded.passed, scores = excluded.scores";
    pg::Params params;
    add_text(params, p.at("id"));
    if (p.at("learner_id").get<std::string>().empty()) {
        params.add_null(); // a classroom session: no learner
    } else {
        add_text(params, p.at("learner_id"));
    }
    for (const char* field :
         {"course_id", "scenario_id", "bundle_hash", "bundle_version", "mode", "language"}) {
        add_text(params, p.at(field));
    }
    params.add(p.at("seed").get<std::int64_t>()).add(p.at("started").get<std::int64_t>());
    if (p.at("finished").is_null()) {
        params.add_null();
    } else {
        params.add(p.at("finished").get<std::int64_t>());
    }
    add_text(params, p.at("status"));
    params.add(p.at("active_ms").get<std::int64_t>())
        .add(p.at("last_activity").get<std::int64_t>())
        .add(p.at("events").get<std::int64_t>())
        .add(save);
    const json& r = p.at("result");
    if (r.is_null()) {
        for (int i = 0; i < 7; ++i) {
            params.add_null();
        }
    } else {
        add_text(params, r.at("ending_node"));
        add_text(params, r.at("outcome"));
        params.add(r.at("raw").get<std::int64_t>())
            .add(r.at("min").get<std::int64_t>())
            .add(r.at("max").get<std::int64_t>())
            .add(r.at("passed").get<std::int64_t>());
        add_text(params, r.at("scores"));
    }
    conn.exec(i18n::tr("records database action", "deliver an attempt"), upsert.c_str(), params);
}

void apply_event(pg::Connection& conn, const json& p) {
    static const std::string insert = std::string("INSERT INTO events (") + rows::kEventColumns +
                                      ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
                                      "$12, $13, $14) ON CONFLICT (attempt_id, sequence) DO "
                                      "NOTHING";
    pg::Params params;
    add_text(params, p.at("attempt_id"));
    params.add(p.at("sequence").get<std::int64_t>()).add(p.at("time").get<std::int64_t>());
    for (const char* field : {"node_id", "prompt", "kind", "response", "offered", "tier"}) {
        add_text(params, p.at(field));
    }
    params.add(p.at("correct").get<std::int64_t>());
    add_text(params, p.at("score_changes"));
    add_text(params, p.at("indicators"));
    params.add(p.at("time_on_node_ms").get<std::int64_t>()).add(p.at("branch").get<std::int64_t>());
    conn.exec(i18n::tr("records database action", "deliver an event"), insert.c_str(), params);
    for (const json& v : p.at("votes")) {
        conn.exec(i18n::tr("records database action", "deliver a vote"),
                  "INSERT INTO votes (attempt_id, sequence, option_id, count, phone_count) "
                  "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (attempt_id, sequence, option_id) DO "
                  "NOTHING",
                  pg::Params()
                      .add(p.at("attempt_id").get<std::string>())
                      .add(p.at("sequence").get<std::int64_t>())
                      .add(v.at(0).get<std::string>())
                      .add(v.at(1).get<std::int64_t>())
                      .add(v.at(2).get<std::int64_t>()));
    }
}

} // namespace

void apply(pg::Connection& conn, const Op& op) {
    const json p = json::parse(op.payload);
    if (op.kind == kEvent) {
        apply_event(conn, p);
    } else if (op.kind == kAttempt) {
        apply_attempt(conn, p, op.save);
    } else if (op.kind == kLearnerAdd || op.kind == kLearnerUpdate) {
        apply_learner(conn, p, op.kind == kLearnerUpdate);
    } else if (op.kind == kClassroom) {
        conn.exec(i18n::tr("records database action", "deliver a classroom session"),
                  "INSERT INTO classroom_sessions (attempt_id, name, facilitator, head_count) "
                  "VALUES ($1, $2, $3, $4) ON CONFLICT (attempt_id) DO UPDATE SET name = "
                  "excluded.name, facilitator = excluded.facilitator, head_count = "
                  "excluded.head_count",
                  pg::Params()
                      .add(p.at("attempt_id").get<std::string>())
                      .add(p.at("name").get<std::string>())
                      .add(p.at("facilitator").get<std::string>())
                      .add(p.at("head_count").get<std::int64_t>()));
    } else if (op.kind == kCompletion) {
        conn.exec(i18n::tr("records database action", "deliver a completion"),
                  "INSERT INTO completions (learner_id, course_id, completed_ms, score_percent, "
                  "minutes) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (learner_id, course_id, "
                  "completed_ms) DO UPDATE SET score_percent = excluded.score_percent, minutes = "
                  "excluded.minutes",
                  pg::Params()
                      .add(p.at("learner_id").get<std::string>())
                      .add(p.at("course_id").get<std::string>())
                      .add(p.at("completed").get<std::int64_t>())
                      .add(p.at("score_percent").get<std::int64_t>())
                      .add(p.at("minutes").get<std::int64_t>()));
    } else if (op.kind == kAttestation) {
        conn.exec(i18n::tr("records database action", "deliver an attestation"),
                  "INSERT INTO attestations (learner_id, course_id, statement, time_ms) VALUES "
                  "($1, $2, $3, $4) ON CONFLICT (learner_id, course_id) DO UPDATE SET statement "
                  "= excluded.statement, time_ms = excluded.time_ms",
                  pg::Params()
                      .add(p.at("learner_id").get<std::string>())
                      .add(p.at("course_id").get<std::string>())
                      .add(p.at("statement").get<std::string>())
                      .add(p.at("time").get<std::int64_t>()));
    } else {
        throw RecordsError("the offline queue holds an operation of an unknown kind '" + op.kind +
                           "' (written by a newer Sightline?)");
    }
}

} // namespace sightline::records::outbox
