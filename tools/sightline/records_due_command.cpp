// `sightline records due`: who is current, due or overdue for each compliance
// rule, as a table, CSV and a PDF for an inspector. The rules themselves are
// learning/compliance.hpp's; this file reads the store and prints.
#include "compliance_subcommands.hpp"
#include "credentials/provider.hpp"
#include "credentials/timestamps.hpp"
#include "i18n/i18n.hpp"
#include "organisation_command.hpp"
#include "records/paths.hpp"
#include "records/records.hpp"

#include <cctype>
#include <ostream>
#include <set>
#include <stdexcept>
#include <vector>

namespace sightline::cli::compliance_cli {

using i18n::tr;
using i18n::tr_n;

namespace {

// A roster status for people (learning::due_status_name() is the CSV's word),
// as the roster PDF shows it.
const char* status_text(learning::DueStatus status) {
    switch (status) {
    case learning::DueStatus::Overdue:
        return tr("compliance status", "overdue");
    case learning::DueStatus::Due:
        return tr("compliance status", "due");
    case learning::DueStatus::Current:
        return tr("compliance status", "current");
    }
    return tr("compliance status", "overdue");
}

int local_offset() {
    return credentials::local_offset_minutes(records::now_ms());
}

void print_table(std::ostream& out, const std::vector<std::vector<std::string>>& table) {
    std::vector<std::size_t> widths;
    for (const auto& row : table) {
        widths.resize(std::max(widths.size(), row.size()));
        for (std::size_t i = 0; i < row.size(); ++i) {
            widths[i] = std::max(widths[i], characters(row[i]));
        }
    }
    for (const auto& row : table) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            line += row[i];
            if (i + 1 < row.size()) {
                line += std::string(widths[i] - characters(row[i]) + 2, ' ');
            }
        }
        out << line << "\n";
    }
}

std::string organisation_name(const ComplianceArgs& a) {
    if (!a.organisation.empty()) {
        return a.organisation;
    }
    try {
        return credentials::load_provider(records::default_config_dir(), false).info.organisation;
    } catch (const std::exception&) {
        return {}; // no provider set up on this machine
    }
}

std::string rule_heading(const model::Rule& rule) {
    std::string text = rule.title.empty() ? rule.id : rule.title;
    std::string where = rule.jurisdiction;
    if (!rule.citation.empty()) {
        where += (where.empty() ? "" : ", ") + rule.citation;
    }
    return where.empty() ? text : text + " (" + where + ")";
}

// How many learners in the roster are at a site with no jurisdiction set,
// when that matters: the listed rules name more than one jurisdiction.
std::size_t unmapped_learners(const std::vector<learning::ComplianceRow>& rows,
                              const std::vector<model::Rule>& listed,
                              const learning::ComplianceQuery& query) {
    std::set<std::string> jurisdictions;
    for (const model::Rule& rule : listed) {
        if (!rule.jurisdiction.empty()) {
            std::string key = rule.jurisdiction;
            std::transform(key.begin(), key.end(), key.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            jurisdictions.insert(std::move(key));
        }
    }
    if (jurisdictions.size() < 2) {
        return 0;
    }
    std::set<std::string_view> unmapped;
    for (const learning::ComplianceRow& row : rows) {
        if (!query.site_jurisdictions.contains(row.site)) {
            unmapped.insert(row.learner_id);
        }
    }
    return unmapped.size();
}

} // namespace

int due(records::Store& store, const model::Bundle& bundle, const ComplianceArgs& a,
        const learning::Day as_of, const Environment& env) {
    learning::ComplianceQuery query;
    query.as_of = as_of;
    query.site = a.site;
    query.rule = a.rule;
    query.utc_offset_minutes = local_offset();
    query.site_jurisdictions = site_jurisdictions(store);
    const std::vector<records::Learner> learners = store.learners();
    const std::vector<learning::ComplianceRow> rows = learning::compliance_rows(
        bundle.rules, bundle.courses, learners, store.all_completions(), query);
    std::vector<model::Rule> listed;
    for (const model::Rule& rule : bundle.rules) {
        if (a.rule.empty() || rule.id == a.rule) {
            listed.push_back(rule);
        }
    }

    // TRANSLATORS: {1} a date, {2} a site, {3} where the records are.
    env.out << (a.site.empty()
                    ? i18n::format(tr("Compliance as of {1}  (records: {3})"),
                                   {learning::format_day(as_of), a.site, store.location()})
                    : i18n::format(tr("Compliance as of {1}, site {2}  (records: {3})"),
                                   {learning::format_day(as_of), a.site, store.location()}))
            << "\n";
    const auto counts = learning::count_by_rule(rows);
    for (const model::Rule& rule : listed) {
        learning::StatusCounts n;
        for (const auto& entry : counts) {
            if (entry.first == rule.id) {
                n = entry.second;
            }
        }
        // TRANSLATORS: how many learners a rule lists in each status, after the rule's name.
        env.out << "  " << rule.id << ": " << rule_heading(rule) << ": "
                << i18n::format(tr("{1} overdue, {2} due, {3} current"),
                                {std::to_string(n.overdue), std::to_string(n.due),
                                 std::to_string(n.current)})
                << "\n";
    }
    env.out << "\n";
    if (rows.empty()) {
        const bool mapped = !query.site_jurisdictions.empty();
        // TRANSLATORS: the roster is empty. {1} a site. Keep the command as it is.
        const char* pattern =
            a.site.empty()
                ? (mapped ? tr("Nobody is listed: no learner has a job role these rules cover at a "
                               "site in their jurisdiction (set one with sightline records learner "
                               "ID --job-role ROLE; sites' jurisdictions are shown by sightline "
                               "records settings).")
                          : tr("Nobody is listed: no learner has a job role these rules cover (set "
                               "one with sightline records learner ID --job-role ROLE)."))
                : (mapped
                       ? tr("Nobody is listed: no learner at site {1} has a job role these rules "
                            "cover at a site in their jurisdiction (set one with sightline "
                            "records learner ID --job-role ROLE; sites' jurisdictions are shown "
                            "by sightline records settings).")
                       : tr("Nobody is listed: no learner at site {1} has a job role these rules "
                            "cover (set one with sightline records learner ID --job-role "
                            "ROLE)."));
        env.out << i18n::format(pattern, {a.site}) << "\n";
    } else {
        std::vector<std::vector<std::string>> table;
        // TRANSLATORS: the column headings of `sightline records due`.
        table.push_back({tr("roster", "Learner"), tr("roster", "Job role"), tr("roster", "Site"),
                         tr("roster", "Rule"), tr("roster", "Status"),
                         tr("roster", "Last completion"), tr("roster", "Next deadline")});
        for (const learning::ComplianceRow& r : rows) {
            table.push_back(
                {r.learner_name, r.job_role, r.site.empty() ? "-" : r.site, r.rule_id,
                 status_text(r.status),
                 // TRANSLATORS: in the roster's "Last completion" column: never trained.
                 r.last_completion ? learning::format_day(*r.last_completion) : tr("never"),
                 r.next_deadline ? learning::format_day(*r.next_deadline) : "-"});
        }
        print_table(env.out, table);
        if (const std::size_t unmapped = unmapped_learners(rows, listed, query); unmapped > 0) {
            // TRANSLATORS: {1} how many learners.
            env.out << "\n"
                    << i18n::format(tr_n("{1} learner is at a site with no jurisdiction set, so "
                                         "listed for every rule; set one with: sightline records "
                                         "settings --site-jurisdiction SITE=STATE",
                                         "{1} learners are at a site with no jurisdiction set, so "
                                         "listed for every rule; set one with: sightline records "
                                         "settings --site-jurisdiction SITE=STATE",
                                         unmapped),
                                    {std::to_string(unmapped)})
                    << "\n";
        }
    }

    if (!a.csv.empty()) {
        records::write_private_file(a.csv, learning::compliance_csv(rows));
        // TRANSLATORS: {1} how many rows, {2} a file.
        env.err << i18n::format(
                       tr_n("Wrote {1} row to {2}.", "Wrote {1} rows to {2}.", rows.size()),
                       {std::to_string(rows.size()), a.csv})
                << "\n";
    }
    if (!a.pdf.empty()) {
        learning::RosterHeading heading;
        heading.organisation = organisation_name(a);
        heading.records_location = store.location();
        heading.as_of = as_of;
        heading.site = a.site;
        std::string pdf;
        try {
            pdf = learning::render_compliance_pdf(listed, rows, heading);
        } catch (const std::runtime_error& e) {
            throw records::RecordsError(e.what());
        }
        records::write_private_file(a.pdf, pdf);
        // TRANSLATORS: {1} a file.
        env.err << i18n::format(tr("Wrote the roster to {1}."), {a.pdf}) << "\n";
    }
    return kOk;
}

} // namespace sightline::cli::compliance_cli
