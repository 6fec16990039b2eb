#include "learning/compliance.hpp"

#include <algorithm>
#include <chrono>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <unordered_map>

namespace sightline::learning {

namespace {

using namespace std::chrono;

constexpr std::int64_t kMsPerDay = 86'400'000;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

year_month_day civil(Day day) {
    return year_month_day(sys_days(days(day.days)));
}

Day day_from(const year_month_day& ymd) {
    return Day{static_cast<std::int32_t>(sys_days(ymd).time_since_epoch().count())};
}

void csv_field(std::string& out, std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += text;
        return;
    }
    out += '"';
    for (const char c : text) {
        if (c == '"') {
            out += '"';
        }
        out += c;
    }
    out += '"';
}

// The time `months` calendar months before `now`, at the same time of day (UTC).
records::TimeMs months_before(records::TimeMs now, int months) {
    const Day today = day_of(now);
    const records::TimeMs time_of_day = now - static_cast<records::TimeMs>(today.days) * kMsPerDay;
    return static_cast<records::TimeMs>(add_months(today, -months).days) * kMsPerDay + time_of_day;
}

// For each course, the indices of the rules it meets.
std::unordered_map<std::string_view, std::vector<std::uint32_t>>
rules_by_course(const std::vector<model::Rule>& rules, const std::vector<model::Course>& courses) {
    std::unordered_map<std::string_view, std::uint32_t> rule_index;
    for (std::uint32_t r = 0; r < rules.size(); ++r) {
        rule_index.emplace(rules[r].id, r);
    }
    std::unordered_map<std::string_view, std::vector<std::uint32_t>> out;
    for (const model::Course& course : courses) {
        for (const std::string& id : course.meets) {
            if (const auto it = rule_index.find(id); it != rule_index.end()) {
                out[course.id].push_back(it->second);
            }
        }
    }
    return out;
}

} // namespace

std::optional<Day> parse_day(std::string_view text) {
    if (!records::is_calendar_date(text)) {
        return std::nullopt;
    }
    const auto number = [&](std::size_t from, std::size_t count) {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    return day_from(year_month_day(year(number(0, 4)), month(static_cast<unsigned>(number(5, 2))),
                                   std::chrono::day(static_cast<unsigned>(number(8, 2)))));
}

std::string format_day(Day d) {
    const year_month_day ymd = civil(d);
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buffer;
}

Day day_of(records::TimeMs time, int utc_offset_minutes) {
    return Day{static_cast<std::int32_t>(
        floor_div(time + std::int64_t{utc_offset_minutes} * 60'000, kMsPerDay))};
}

Day add_months(Day d, int months) {
    const year_month_day ymd = civil(d);
    year_month_day moved = ymd + std::chrono::months(months);
    if (!moved.ok()) {
        moved = year_month_day(year_month_day_last(moved.year(), month_day_last(moved.month())));
    }
    return day_from(moved);
}

Day add_days(Day d, int count) {
    return Day{d.days + count};
}

bool rule_applies(const model::Rule& rule, std::string_view job_role) {
    if (job_role.empty()) {
        return false;
    }
    for (const std::string& role : rule.applies_to) {
        if (job_role == role || (job_role.size() > role.size() && job_role.starts_with(role) &&
                                 job_role[role.size()] == '/')) {
            return true;
        }
    }
    return false;
}

bool jurisdiction_covers(const model::Rule& rule, std::string_view site_jurisdiction) {
    const std::string_view a = rule.jurisdiction;
    const std::string_view b = site_jurisdiction;
    if (a.empty() || b.empty()) {
        return true;
    }
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [&](char x, char y) { return lower(x) == lower(y); });
}

Day due_window_opens(Day deadline) {
    return add_days(deadline, -kDueWindowDays);
}

std::optional<int> renewal_months(const std::vector<model::Rule>& rules,
                                  const model::Course& course, std::string_view job_role) {
    std::optional<int> shortest;
    for (const model::Rule& rule : rules) {
        if (rule.recurrence_months == 0 || !rule_applies(rule, job_role) ||
            std::find(course.meets.begin(), course.meets.end(), rule.id) == course.meets.end()) {
            continue;
        }
        const int months = static_cast<int>(rule.recurrence_months);
        shortest = shortest ? std::min(*shortest, months) : months;
    }
    return shortest;
}

const char* due_status_name(DueStatus status) {
    switch (status) {
    case DueStatus::Overdue:
        return "overdue";
    case DueStatus::Due:
        return "due";
    case DueStatus::Current:
        return "current";
    }
    return "overdue";
}

std::vector<ComplianceRow> compliance_rows(const std::vector<model::Rule>& rules,
                                           const std::vector<model::Course>& courses,
                                           const std::vector<records::Learner>& learners,
                                           const std::vector<records::Completion>& completions,
                                           const ComplianceQuery& query) {
    // The learners listed, in roster order: site, name, id.
    std::vector<std::uint32_t> order;
    order.reserve(learners.size());
    for (std::uint32_t i = 0; i < learners.size(); ++i) {
        const records::Learner& l = learners[i];
        if (!l.job_role.empty() && (query.site.empty() || l.site == query.site)) {
            order.push_back(i);
        }
    }
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        const records::Learner& x = learners[a];
        const records::Learner& y = learners[b];
        if (const int c = x.site.compare(y.site); c != 0) {
            return c < 0;
        }
        if (const int c = x.display_name.compare(y.display_name); c != 0) {
            return c < 0;
        }
        return x.id < y.id;
    });

    std::vector<std::uint32_t> wanted; // rule indices
    for (std::uint32_t r = 0; r < rules.size(); ++r) {
        if (query.rule.empty() || rules[r].id == query.rule) {
            wanted.push_back(r);
        }
    }
    if (order.empty() || wanted.empty()) {
        return {};
    }

    // The last qualifying completion of each learner for each rule.
    std::unordered_map<std::string_view, std::uint32_t> learner_index;
    learner_index.reserve(order.size());
    for (const std::uint32_t i : order) {
        learner_index.emplace(learners[i].id, i);
    }
    const auto meets = rules_by_course(rules, courses);
    constexpr records::TimeMs kNever = std::numeric_limits<records::TimeMs>::min();
    const std::size_t width = rules.size();
    std::vector<records::TimeMs> last(learners.size() * width, kNever);
    std::vector<const records::Completion*> last_of(learners.size() * width, nullptr);
    for (const records::Completion& c : completions) {
        const auto course = meets.find(c.course_id);
        if (course == meets.end()) {
            continue;
        }
        const auto learner = learner_index.find(c.learner_id);
        if (learner == learner_index.end() ||
            day_of(c.completed, query.utc_offset_minutes) > query.as_of) {
            continue;
        }
        for (const std::uint32_t r : course->second) {
            const std::size_t at = learner->second * width + r;
            if (c.completed > last[at]) {
                last[at] = c.completed;
                last_of[at] = &c;
            }
        }
    }

    // Each listed learner's site's jurisdiction; empty when the site has none.
    std::vector<std::string_view> jurisdiction_of(learners.size());
    for (const std::uint32_t i : order) {
        if (const auto it = query.site_jurisdictions.find(learners[i].site);
            it != query.site_jurisdictions.end()) {
            jurisdiction_of[i] = it->second;
        }
    }

    std::vector<ComplianceRow> rows;
    for (const std::uint32_t r : wanted) {
        const model::Rule& rule = rules[r];
        for (const std::uint32_t i : order) {
            const records::Learner& l = learners[i];
            if (!rule_applies(rule, l.job_role) || !jurisdiction_covers(rule, jurisdiction_of[i])) {
                continue;
            }
            ComplianceRow row;
            row.learner_id = l.id;
            row.learner_name = l.display_name;
            row.job_role = l.job_role;
            row.site = l.site;
            row.hire_date = l.hire_date;
            row.rule_id = rule.id;
            if (const records::Completion* done = last_of[i * width + r]; done != nullptr) {
                const Day completed = day_of(done->completed, query.utc_offset_minutes);
                row.last_completion = completed;
                row.last_course = done->course_id;
                if (rule.recurrence_months == 0) {
                    row.status = DueStatus::Current;
                } else {
                    const Day deadline =
                        add_months(completed, static_cast<int>(rule.recurrence_months));
                    row.next_deadline = deadline;
                    row.status = query.as_of > deadline                      ? DueStatus::Overdue
                                 : query.as_of >= due_window_opens(deadline) ? DueStatus::Due
                                                                             : DueStatus::Current;
                }
            } else if (const std::optional<Day> hired = parse_day(l.hire_date)) {
                const Day deadline = add_days(*hired, static_cast<int>(rule.new_hire_days));
                row.next_deadline = deadline;
                row.status = query.as_of > deadline ? DueStatus::Overdue : DueStatus::Due;
            } else {
                row.status = DueStatus::Overdue;
            }
            rows.push_back(std::move(row));
        }
    }
    return rows;
}

std::vector<std::pair<std::string, StatusCounts>>
count_by_rule(const std::vector<ComplianceRow>& rows) {
    std::vector<std::pair<std::string, StatusCounts>> out;
    for (const ComplianceRow& row : rows) {
        if (out.empty() || out.back().first != row.rule_id) {
            const auto found = std::find_if(out.begin(), out.end(),
                                            [&](const auto& e) { return e.first == row.rule_id; });
            if (found == out.end()) {
                out.emplace_back(row.rule_id, StatusCounts{});
            } else {
                std::rotate(found, found + 1, out.end()); // rows come grouped by rule
            }
        }
        StatusCounts& n = out.back().second;
        switch (row.status) {
        case DueStatus::Overdue:
            ++n.overdue;
            break;
        case DueStatus::Due:
            ++n.due;
            break;
        case DueStatus::Current:
            ++n.current;
            break;
        }
    }
    return out;
}

std::string compliance_csv(const std::vector<ComplianceRow>& rows) {
    std::string out = "learner_id,learner,job_role,site,hire_date,rule,status,last_completion,"
                      "last_course,next_deadline\r\n";
    for (const ComplianceRow& row : rows) {
        for (const std::string_view field :
             {std::string_view(row.learner_id), std::string_view(row.learner_name),
              std::string_view(row.job_role), std::string_view(row.site),
              std::string_view(row.hire_date), std::string_view(row.rule_id)}) {
            csv_field(out, field);
            out += ',';
        }
        out += due_status_name(row.status);
        out += ',';
        if (row.last_completion) {
            out += format_day(*row.last_completion);
        }
        out += ',';
        csv_field(out, row.last_course);
        out += ',';
        if (row.next_deadline) {
            out += format_day(*row.next_deadline);
        }
        out += "\r\n";
    }
    return out;
}

PurgeDecision plan_purge(const std::vector<model::Rule>& rules,
                         const std::vector<model::Course>& courses, const RetentionInput& input,
                         int older_than_months, records::TimeMs now) {
    if (older_than_months < 0) {
        throw std::invalid_argument("the age of records to purge cannot be negative");
    }
    PurgeDecision d;
    d.cutoff = months_before(now, older_than_months);
    const auto meets = rules_by_course(rules, courses);

    std::unordered_map<std::string_view, const records::Learner*> learner_of;
    for (const records::Learner& l : input.learners) {
        learner_of.emplace(l.id, &l);
    }
    // The rules that apply to a learner and that a course meets. Sites'
    // jurisdictions are left out on purpose: an unsure purge keeps more.
    const auto applicable = [&](std::string_view learner_id, std::string_view course_id) {
        std::vector<const model::Rule*> out;
        const auto course = meets.find(course_id);
        const auto learner = learner_of.find(learner_id);
        if (course == meets.end() || learner == learner_of.end()) {
            return out;
        }
        for (const std::uint32_t r : course->second) {
            if (rule_applies(rules[r], learner->second->job_role)) {
                out.push_back(&rules[r]);
            }
        }
        return out;
    };
    // Rule 1: younger than the longest retention of the rules that apply.
    const auto retained = [&](std::string_view learner_id, std::string_view course_id,
                              records::TimeMs time) {
        std::uint32_t months = 0;
        for (const model::Rule* rule : applicable(learner_id, course_id)) {
            months = std::max(months, rule->retention_months);
        }
        return months > 0 && time >= months_before(now, static_cast<int>(months));
    };

    // Rule 2: each learner's latest qualifying completion for each rule that
    // applies, and that course's attestation and latest certificate.
    struct Key {
        std::string learner;
        std::string course;
        bool operator==(const Key&) const = default;
    };
    struct KeyHash {
        std::size_t operator()(const Key& k) const {
            return std::hash<std::string>()(k.learner) * 31 ^ std::hash<std::string>()(k.course);
        }
    };
    std::unordered_map<std::string, const records::Completion*> latest; // learner + '\n' + rule
    for (const records::Completion& c : input.completions) {
        for (const model::Rule* rule : applicable(c.learner_id, c.course_id)) {
            const records::Completion*& best = latest[c.learner_id + '\n' + rule->id];
            if (best == nullptr || c.completed > best->completed) {
                best = &c;
            }
        }
    }
    std::unordered_map<Key, records::TimeMs, KeyHash> proof; // -> the completion's time
    for (const auto& entry : latest) {
        const records::Completion* c = entry.second;
        proof.emplace(Key{c->learner_id, c->course_id}, c->completed);
    }
    std::unordered_map<Key, const records::Certificate*, KeyHash> latest_certificate;
    for (const records::Certificate& c : input.certificates) {
        const Key key{c.learner_id, c.course_id};
        if (!proof.contains(key)) {
            continue;
        }
        const records::Certificate*& best = latest_certificate[key];
        if (best == nullptr || c.issued > best->issued) {
            best = &c;
        }
    }

    const auto old = [&](records::TimeMs time) { return time < d.cutoff; };
    for (const records::Attempt& a : input.attempts) {
        const records::TimeMs time = std::max(a.last_activity, a.finished.value_or(a.started));
        if (!old(time)) {
            continue;
        }
        if (!a.learner_id.empty() && retained(a.learner_id, a.course_id, time)) {
            ++d.kept_by_rule;
            continue;
        }
        d.selection.attempts.push_back(a.id);
    }
    for (const records::Completion& c : input.completions) {
        if (!old(c.completed)) {
            continue;
        }
        const auto kept = proof.find(Key{c.learner_id, c.course_id});
        if ((kept != proof.end() && kept->second == c.completed) ||
            retained(c.learner_id, c.course_id, c.completed)) {
            ++d.kept_by_rule;
            continue;
        }
        d.selection.completions.push_back(c);
    }
    for (const records::Attestation& a : input.attestations) {
        if (!old(a.time)) {
            continue;
        }
        if (proof.contains(Key{a.learner_id, a.course_id}) ||
            retained(a.learner_id, a.course_id, a.time)) {
            ++d.kept_by_rule;
            continue;
        }
        d.selection.attestations.push_back(a);
    }
    for (const records::Certificate& c : input.certificates) {
        if (!old(c.issued)) {
            continue;
        }
        const auto kept = latest_certificate.find(Key{c.learner_id, c.course_id});
        if ((kept != latest_certificate.end() && kept->second == &c) ||
            retained(c.learner_id, c.course_id, c.issued)) {
            ++d.kept_by_rule;
            continue;
        }
        d.selection.certificates.push_back(c.id);
    }
    return d;
}

} // namespace sightline::learning
