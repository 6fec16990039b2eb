#include "classroom/report.hpp"

#include "i18n/i18n.hpp"
#include "pdf/long_date.hpp"
#include "records/export.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <set>
#include <sstream>
#include <unistd.h>

namespace sightline::classroom {

namespace {

const model::Scenario* find_scenario(const model::Bundle& bundle, std::string_view id) {
    for (const model::Scenario& s : bundle.scenarios) {
        if (s.id == id) {
            return &s;
        }
    }
    return nullptr;
}

const model::Node* find_node(const model::Scenario* scenario, std::string_view id) {
    if (scenario == nullptr) {
        return nullptr;
    }
    for (const model::Node& n : scenario->nodes) {
        if (n.id == id) {
            return &n;
        }
    }
    return nullptr;
}

const model::Indicator* find_indicator(const model::Bundle& bundle, std::string_view id) {
    for (const model::Indicator& i : bundle.indicators) {
        if (i.id == id) {
            return &i;
        }
    }
    return nullptr;
}

ReportIndicator indicator_of(const model::Bundle& bundle, const std::string& id) {
    const model::Indicator* i = find_indicator(bundle, id);
    return i != nullptr ? ReportIndicator{i->id, i->name, i->confounder}
                        : ReportIndicator{id, id, false};
}

std::string join(const std::vector<std::string>& items, const char* separator) {
    std::string out;
    for (const std::string& item : items) {
        out += (out.empty() ? "" : separator) + item;
    }
    return out;
}

std::string seconds_text(double seconds) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", seconds);
    return buffer;
}

void csv_row(std::string& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) {
            out += ',';
        }
        out += records::csv_field(fields[i]);
    }
    out += "\r\n";
}

std::string cannot_write(const std::filesystem::path& file, int error) {
    // TRANSLATORS: {1} is a file's path, {2} the system's reason (it may stay English).
    return i18n::format(i18n::tr("cannot write {1}: {2}"), {file.string(), std::strerror(error)});
}

// Writes `bytes` to `file`, created owner-only (0600).
void write_private(const std::filesystem::path& file, const std::string& bytes) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        throw FacilitationError(cannot_write(file, errno));
    }
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            const int error = errno;
            ::close(fd);
            throw FacilitationError(cannot_write(file, error));
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        throw FacilitationError(cannot_write(file, errno));
    }
}

} // namespace

std::string local_date(records::TimeMs time) {
    const std::time_t seconds = static_cast<std::time_t>(time / 1000);
    std::tm tm{};
    if (::localtime_r(&seconds, &tm) == nullptr) {
        return "";
    }
    return pdf::long_date(std::to_string(tm.tm_year + 1900), tm.tm_mon + 1, tm.tm_mday);
}

SessionReport make_report(const records::ClassroomSession& session, const records::Attempt& attempt,
                          const std::vector<records::Event>& events, const model::Bundle& bundle) {
    SessionReport r;
    r.name = session.name;
    r.facilitator = session.facilitator;
    r.head_count = session.head_count;
    r.attempt_id = attempt.id;
    r.scenario_id = attempt.scenario_id;
    const model::Scenario* scenario = find_scenario(bundle, attempt.scenario_id);
    r.scenario_title = scenario != nullptr ? scenario->title : attempt.scenario_id;
    for (const model::Course& course : bundle.courses) {
        if (course.id == attempt.course_id) {
            r.course_title = course.title;
        }
    }
    r.started = attempt.started;
    r.date = local_date(attempt.started);

    std::uint32_t last_branch = 0;
    for (const records::Event& e : events) {
        ReportStep step;
        step.sequence = e.sequence;
        step.branch = e.branch;
        last_branch = std::max(last_branch, e.branch);
        step.node_id = e.node_id;
        step.check = e.kind == records::EventKind::Answer;
        step.prompt = e.prompt;
        step.chosen = e.response;
        step.tier = e.tier;
        for (const model::Tier& tier : bundle.tiers) {
            if (tier.id == e.tier) {
                step.tier_name = tier.name;
            }
        }
        step.correct = e.correct;
        step.seconds = static_cast<double>(e.time_on_node_ms) / 1000;
        step.indicators = e.indicators;

        // The options as offered, with their votes (matched by id).
        std::vector<std::int64_t> counts;
        std::vector<std::size_t> picked;
        for (const records::Offered& o : e.offered) {
            ReportOption option{o.id, o.text, 0, 0, o.best, false};
            for (const records::VoteCount& v : e.votes) {
                if (v.id == o.id) {
                    option.votes = v.count;
                    option.phones = v.phones;
                }
            }
            option.chosen =
                std::find(e.response.begin(), e.response.end(), o.id) != e.response.end();
            if (option.chosen) {
                picked.push_back(step.options.size());
            }
            counts.push_back(option.votes);
            step.total_votes += option.votes;
            step.phone_votes += option.phones;
            step.options.push_back(std::move(option));
        }
        model::CheckKind kind = model::CheckKind::None;
        if (step.check) {
            const model::Node* node = find_node(scenario, e.node_id);
            kind =
                node != nullptr && node->has_check()
                    ? node->check.kind
                    : (e.response.size() == 1 ? model::CheckKind::Single : model::CheckKind::Multi);
        }
        const Tally tally = tally_votes(counts, kind, session.head_count);
        step.multiple = kind == model::CheckKind::Multi;
        std::int64_t phones = step.phone_votes;
        if (step.multiple) {
            phones = 0;
            for (const ReportOption& o : step.options) {
                phones = std::max(phones, o.phones);
            }
        }
        r.phones = std::max(r.phones, phones);
        step.basis = tally.basis;
        step.decided = decided_by(tally, kind, picked);
        r.steps.push_back(std::move(step));
    }
    r.branches = last_branch + 1;

    // Indicators: the room's own picks first, then the facilitator's.
    std::set<std::string> seen;
    for (const bool room : {true, false}) {
        for (const ReportStep& step : r.steps) {
            if ((step.decided != Decided::Override) != room) {
                continue;
            }
            for (const std::string& id : step.indicators) {
                if (seen.insert(id).second) {
                    (room ? r.recognised : r.shown).push_back(indicator_of(bundle, id));
                }
            }
        }
    }
    if (scenario != nullptr) {
        for (const std::string& id : scenario->indicators) {
            if (!seen.contains(id)) {
                r.missed.push_back(indicator_of(bundle, id));
            }
        }
    }
    return r;
}

SessionReport make_report(const Facilitation& f) {
    const records::ClassroomSession session{f.attempt_id(), f.setup().name, f.setup().facilitator,
                                            f.setup().head_count};
    records::Attempt attempt;
    attempt.id = f.attempt_id();
    attempt.course_id = f.setup().course_id;
    attempt.scenario_id = f.setup().scenario_id;
    attempt.mode = records::Mode::Classroom;
    attempt.started = f.started();
    return make_report(session, attempt, f.log(), f.bundle());
}

SessionReport make_report(records::Store& store, std::string_view attempt_id,
                          const model::Bundle& bundle) {
    const std::optional<records::Attempt> attempt = store.attempt(attempt_id);
    if (!attempt) {
        throw FacilitationError("there is no attempt " + std::string(attempt_id) + " in " +
                                store.location() + ".");
    }
    const std::optional<records::ClassroomSession> session = store.classroom_session(attempt_id);
    if (attempt->mode != records::Mode::Classroom || !session) {
        throw FacilitationError("attempt " + std::string(attempt_id) +
                                " is not a classroom session.");
    }
    return make_report(*session, *attempt, store.events(attempt_id), bundle);
}

void write_report_csv(const SessionReport& report, std::ostream& out) {
    std::size_t width = 0;
    for (const ReportStep& step : report.steps) {
        width = std::max(width, step.options.size());
    }
    std::string text;
    std::vector<std::string> header{
        "step", "branch",  "node",    "kind",        "prompt",     "chosen",      "decided",
        "tier", "correct", "seconds", "total_votes", "hand_votes", "phone_votes", "indicators"};
    for (std::size_t i = 1; i <= width; ++i) {
        const std::string n = std::to_string(i);
        header.insert(header.end(), {"choice_" + n, "text_" + n, "votes_" + n, "hand_votes_" + n,
                                     "phone_votes_" + n});
    }
    csv_row(text, header);
    for (const ReportStep& step : report.steps) {
        std::vector<std::string> row{std::to_string(step.sequence),
                                     std::to_string(step.branch),
                                     step.node_id,
                                     step.check ? "check" : "decision",
                                     step.prompt,
                                     join(step.chosen, ";"),
                                     decided_name(step.decided),
                                     step.tier,
                                     step.correct ? "yes" : "no",
                                     seconds_text(step.seconds),
                                     std::to_string(step.total_votes),
                                     std::to_string(step.total_votes - step.phone_votes),
                                     std::to_string(step.phone_votes),
                                     join(step.indicators, ";")};
        for (std::size_t i = 0; i < width; ++i) {
            if (i < step.options.size()) {
                const ReportOption& o = step.options[i];
                row.insert(row.end(),
                           {o.id, o.text, std::to_string(o.votes),
                            std::to_string(o.votes - o.phones), std::to_string(o.phones)});
            } else {
                row.insert(row.end(), {"", "", "", "", ""});
            }
        }
        csv_row(text, row);
    }
    out << text;
}

void save_report_csv(const SessionReport& report, const std::filesystem::path& file) {
    std::ostringstream out;
    write_report_csv(report, out);
    write_private(file, out.str());
}

void save_report_pdf(const SessionReport& report, const std::filesystem::path& file) {
    write_private(file, render_report_pdf(report));
}

} // namespace sightline::classroom
