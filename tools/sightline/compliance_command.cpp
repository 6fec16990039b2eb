// `sightline records due | learner | purge`: who is current, due or overdue
// for each compliance rule (a table, CSV and a PDF for an inspector), the
// profile fields rosters need, and the retention purge. The rules themselves
// are learning/compliance.hpp's; this file reads the store and the bundle and
// prints.
#include "compliance_command.hpp"

#include "bundle/bundle.hpp"
#include "credentials/provider.hpp"
#include "credentials/timestamps.hpp"
#include "i18n/i18n.hpp"
#include "learning/compliance.hpp"
#include "model/translation.hpp"
#include "organisation_command.hpp"
#include "records/paths.hpp"
#include "records/store.hpp"
#include "records_location.hpp"
#include "tools/common/command_line.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <set>

namespace sightline::cli {

namespace {

using i18n::tr;
using i18n::tr_n;

constexpr int kOk = 0;
constexpr int kRefused = 1;
constexpr int kUsage = 2;

struct ComplianceArgs {
    RecordsLocation location;
    std::string bundle;
    // due
    std::string site;
    std::string rule;
    std::string as_of;
    std::string csv;
    std::string pdf;
    std::string organisation;
    // learner
    std::string learner;
    std::string hire_date;
    std::string job_role;
    std::string learner_site;
    std::string language;
    // purge
    int older_than = -1;
    bool dry_run = false;
    bool yes = false;
};

// TRANSLATORS: the end of `sightline records due --help`; keep each line under 80 columns,
// the status words (current, due, overdue) as the table shows them in your language, and
// `meets`, commands and options as they are.
const char* due_footer() {
    return tr(
        "Status, for each learner and each rule that covers their job role (a rule for\n"
        "\"hotel\" covers \"hotel/front-desk\"; learners without a job role are not listed)\n"
        "and their site's jurisdiction. A site's jurisdiction is set with sightline records\n"
        "settings --site-jurisdiction SITE=STATE and compared with the rule's ignoring case;\n"
        "a rule with no jurisdiction covers every site, and a site with none set is listed\n"
        "for every rule, so that no duty is hidden:\n"
        "  current  trained, and the next deadline is more than 30 days away (or the\n"
        "           rule is once-only and they completed it)\n"
        "  due      not overdue yet: a new hire within the rule's grace period, or the\n"
        "           next deadline within 30 days\n"
        "  overdue  past the deadline; or never trained with no hire date recorded\n"
        "A qualifying completion is one of a course whose `meets` names the rule, on or\n"
        "before the as-of date. Next deadline: the last completion plus the rule's\n"
        "recurrence in calendar months (Jan 31 + 1 month = Feb 28), or for someone never\n"
        "trained the hire date plus the rule's new-hire days. Dates are this computer's\n"
        "local dates.\n"
        "Names are shown: the roster is for the employer and its inspector. The CSV and\n"
        "PDF files are written owner-only.\n"
        "Exit status: 0 listed, 2 bad options, or records or courses that cannot be read.\n");
}

// TRANSLATORS: the end of `sightline records learner --help`; keep each line under 80
// columns.
const char* learner_footer() {
    return tr("Give an option with an empty value to clear it (--site \"\"). The hire date is\n"
              "YYYY-MM-DD. Job roles are the ones the courses' rules name, e.g. hotel/front-desk.\n"
              "The language is a tag such as es: the players show courses in it where they have\n"
              "it (a learner also sets it with the player's language switch or --lang).\n"
              "Exit status: 0 shown or changed, 1 no such learner, 2 bad options.\n");
}

// TRANSLATORS: the end of `sightline records purge --help`; keep each line under 80 columns.
const char* purge_footer() {
    return tr("Removes attempts (with their events, classroom votes and sessions), completions,\n"
              "attestations and certificates dated before now minus MONTHS calendar months\n"
              "(attempts by their last activity, certificates by their issue date), except:\n"
              "  1. records a rule requires to be kept: those of a learner, for a course that\n"
              "     meets a rule covering the learner's job role, younger than the rule's\n"
              "     retention (the longest, when several rules apply);\n"
              "  2. the proof of each learner's standing: for every rule covering their job\n"
              "     role, their latest qualifying completion, the attestation for that course\n"
              "     and that course's latest certificate, whatever their age (a once-only rule\n"
              "     such as Michigan's stays met).\n"
              "Learners themselves are not removed (use delete-learner). Certificate status\n"
              "entries are never removed: a revoked certificate stays revoked and its status\n"
              "list index is never given out again. Classroom sessions are anonymous; no rule\n"
              "keeps them. Asks before removing anything unless --yes or --dry-run is given.\n"
              "Exit status: 0 done (or nothing to do), 1 not confirmed, 2 bad options.\n");
}

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

// --data-dir and --records given on `records` (before the command) or on the command.
RecordsLocation location_of(const CLI::App& records, const RecordsLocation& own) {
    RecordsLocation location = own;
    const auto inherit = [&](const char* name, std::string& value) {
        const CLI::Option* option = records.get_option_no_throw(name);
        if (value.empty() && option != nullptr && option->count() > 0) {
            value = option->as<std::string>();
        }
    };
    inherit("--data-dir", location.data_dir);
    inherit("--records", location.records);
    return location;
}

int local_offset() {
    return credentials::local_offset_minutes(records::now_ms());
}

// Columns of a plain-text table, aligned by characters (UTF-8 aware).
std::size_t characters(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
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

void show_learner(const records::Learner& l, const Environment& env) {
    const auto or_dash = [](const std::string& s) { return s.empty() ? std::string("-") : s; };
    // TRANSLATORS: labels in front of a learner's values, aligned by the program; keep the
    // colon.
    const std::vector<std::string> labels = {tr("hire date:"), tr("job role:"), tr("site:"),
                                             tr("language:"), tr("profession:")};
    std::size_t width = 0;
    for (const std::string& label : labels) {
        width = std::max(width, characters(label) + 1);
    }
    const auto field = [&](std::size_t i, const std::string& value) {
        return "  " + labels[i] + std::string(width - characters(labels[i]), ' ') + value + "\n";
    };
    env.out << l.display_name << "  (" << l.id << ")\n"
            << field(0, or_dash(l.hire_date)) << field(1, or_dash(l.job_role))
            << field(2, or_dash(l.site)) << field(3, or_dash(l.language));
    if (!l.profession.empty() || !l.licence_number.empty()) {
        env.out << field(
            4, l.licence_number.empty()
                   ? or_dash(l.profession)
                   // TRANSLATORS: {1} a profession, {2} a licence number, {3} the
                   // state that issued it.
                   : i18n::format(tr("{1}, licence {2} {3}"),
                                  {or_dash(l.profession), l.licence_number, l.licence_state}));
    }
}

int learner(records::Store& store, const ComplianceArgs& a, const CLI::App& app,
            const Environment& env) {
    const std::optional<records::Learner> found = store.learner(a.learner);
    if (!found) {
        // TRANSLATORS: {1} a learner's id, {2} where the records are.
        env.err << "sightline records: "
                << i18n::format(tr("there is no learner {1} in {2}"), {a.learner, store.location()})
                << "\n";
        return kRefused;
    }
    const bool hire = app.count("--hire-date") > 0;
    const bool role = app.count("--job-role") > 0;
    const bool site = app.count("--site") > 0;
    const bool language = app.count("--language") > 0;
    if (!hire && !role && !site && !language) {
        show_learner(*found, env);
        return kOk;
    }
    records::LearnerInput input = records::input_of(*found);
    if (hire) {
        input.hire_date = a.hire_date;
    }
    if (role) {
        input.job_role = a.job_role;
    }
    if (site) {
        input.site = a.learner_site;
    }
    if (language) {
        input.language = a.language;
    }
    const std::optional<records::Learner> updated = store.update_learner(found->id, input);
    if (!updated) {
        // TRANSLATORS: {1} a learner's id, {2} where the records are.
        env.err << "sightline records: "
                << i18n::format(tr("there is no learner {1} in {2}"), {a.learner, store.location()})
                << "\n";
        return kRefused;
    }
    show_learner(*updated, env);
    return kOk;
}

// "3 attempts", "1 completion": a count of the records a purge removes, by kind
// (the keys below: attempts, events, votes, classroom sessions, completions,
// attestations, certificates).
std::string count_text(std::string_view kind, std::int64_t n) {
    const auto count = static_cast<unsigned long>(n);
    const char* pattern = nullptr;
    if (kind == "attempts") {
        pattern = tr_n("{1} attempt", "{1} attempts", count);
    } else if (kind == "events") {
        pattern = tr_n("{1} event", "{1} events", count);
    } else if (kind == "votes") {
        pattern = tr_n("{1} classroom vote count", "{1} classroom vote counts", count);
    } else if (kind == "classroom sessions") {
        pattern = tr_n("{1} classroom session", "{1} classroom sessions", count);
    } else if (kind == "completions") {
        pattern = tr_n("{1} completion", "{1} completions", count);
    } else if (kind == "attestations") {
        // TRANSLATORS: a learner's statement that they did the training themselves.
        pattern = tr_n("{1} attestation", "{1} attestations", count);
    } else {
        pattern = tr_n("{1} certificate", "{1} certificates", count);
    }
    return i18n::format(pattern, {std::to_string(n)});
}

// The word to type to confirm: "yes" always works, so scripts do in every language.
bool confirmed(const std::string& answer) {
    return answer == "yes" || answer == tr("word to type", "yes");
}

int purge(records::Store& store, const model::Bundle& bundle, const ComplianceArgs& a,
          const Environment& env) {
    learning::RetentionInput input;
    input.learners = store.learners();
    input.attempts = store.attempts(std::nullopt, /*with_saves=*/false);
    input.completions = store.all_completions();
    input.attestations = store.all_attestations();
    input.certificates = store.certificates();
    const records::TimeMs now = records::now_ms();
    const learning::PurgeDecision d =
        learning::plan_purge(bundle.rules, bundle.courses, input, a.older_than, now);
    const records::PurgeSelection& s = d.selection;
    const std::string cutoff =
        learning::format_day(learning::day_of(d.cutoff, credentials::local_offset_minutes(now)));

    // Who loses what, for the listing.
    std::map<std::string, std::map<std::string, std::int64_t>> by_learner;
    std::map<std::string, const records::Attempt*> attempt_of;
    for (const records::Attempt& attempt : input.attempts) {
        attempt_of.emplace(attempt.id, &attempt);
    }
    std::map<std::string, std::string> name_of;
    for (const records::Learner& l : input.learners) {
        name_of.emplace(l.id, l.display_name);
    }
    const auto who = [&](const std::string& learner_id) {
        return learner_id.empty() ? std::string(tr("(classroom sessions, anonymous)"))
                                  : name_of[learner_id] + "  (" + learner_id + ")";
    };
    for (const std::string& id : s.attempts) {
        ++by_learner[who(attempt_of[id]->learner_id)]["attempts"];
    }
    for (const records::Completion& c : s.completions) {
        ++by_learner[who(c.learner_id)]["completions"];
    }
    for (const records::Attestation& at : s.attestations) {
        ++by_learner[who(at.learner_id)]["attestations"];
    }
    for (const std::string& id : s.certificates) {
        for (const records::Certificate& c : input.certificates) {
            if (c.id == id) {
                ++by_learner[who(c.learner_id)]["certificates"];
            }
        }
    }

    const bool nothing = s.attempts.empty() && s.completions.empty() && s.attestations.empty() &&
                         s.certificates.empty();
    // TRANSLATORS: {1} how many months, {2} a date, {3} where the records are.
    env.out << i18n::format(tr_n("Records older than {1} month (before {2}) in {3}:",
                                 "Records older than {1} months (before {2}) in {3}:",
                                 static_cast<unsigned long>(a.older_than)),
                            {std::to_string(a.older_than), cutoff, store.location()})
            << "\n";
    if (!nothing) {
        for (const auto& [person, kinds] : by_learner) {
            std::string line;
            for (const auto& [kind, n] : kinds) {
                line += (line.empty() ? "" : ", ") + count_text(kind, n);
            }
            env.out << "  " << person << ": " << line << "\n";
        }
    }
    const auto kept = static_cast<unsigned long>(d.kept_by_rule);
    // TRANSLATORS: {1} how many records older than the cutoff a compliance rule keeps.
    env.out << i18n::format(
                   nothing ? tr_n("Nothing to remove; {1} older record is kept because a rule "
                                  "requires it.",
                                  "Nothing to remove; {1} older records are kept because a rule "
                                  "requires them.",
                                  kept)
                           : tr_n("{1} older record is kept because a rule requires it.",
                                  "{1} older records are kept because a rule requires them.", kept),
                   {std::to_string(d.kept_by_rule)})
            << "\n";
    if (nothing) {
        return kOk;
    }
    if (!a.dry_run && !a.yes) {
        // TRANSLATORS: {1} the word to type, "yes" translated with context "word to type".
        env.out << i18n::format(tr("Remove them? This cannot be undone. Type {1} to remove: "),
                                {tr("word to type", "yes")})
                << std::flush;
        std::string answer;
        if (!std::getline(env.in, answer) || !confirmed(answer)) {
            env.out << tr("Nothing was removed.") << "\n";
            return kRefused;
        }
    }
    const records::PurgeCounts n = store.purge(s, a.dry_run);
    // TRANSLATORS: {1} "3 attempts", {2} "40 events", {3} "2 classroom vote counts",
    // {4} "1 classroom session", {5} "3 completions", {6} "2 attestations", {7} "1 certificate".
    env.out << i18n::format(a.dry_run ? tr("Would remove {1} ({2}, {3}, {4}), {5}, {6} and {7} "
                                           "(dry run: nothing was removed). Certificate "
                                           "revocations and status list entries are kept.")
                                      : tr("Removed {1} ({2}, {3}, {4}), {5}, {6} and {7}. "
                                           "Certificate revocations and status list entries "
                                           "are kept."),
                            {count_text("attempts", n.attempts), count_text("events", n.events),
                             count_text("votes", n.votes),
                             count_text("classroom sessions", n.classroom_sessions),
                             count_text("completions", n.completions),
                             count_text("attestations", n.attestations),
                             count_text("certificates", n.certificates)})
            << "\n";
    return kOk;
}

} // namespace

SubcommandRun add_compliance_commands(CLI::App& records) {
    const auto a = std::make_shared<ComplianceArgs>();
    CLI::App* due_cmd = records.add_subcommand(
        "due", tr("who is current, due or overdue for each compliance rule (names shown: for the "
                  "employer's inspector), as a table, CSV or PDF"));
    due_cmd->add_option("--site", a->site, tr("only learners at this site"))->type_name("SITE");
    due_cmd->add_option("--rule", a->rule, tr("only this rule (its id)"))->type_name("RULE");
    due_cmd->add_option("--as-of", a->as_of, tr("the date the roster is for (default: today)"))
        ->type_name("YYYY-MM-DD");
    due_cmd->add_option("--csv", a->csv, tr("also write the roster as CSV"))->type_name("FILE");
    due_cmd
        ->add_option("--pdf", a->pdf,
                     tr("also write the roster as a PDF for an inspector (one page; a long "
                        "roster continues on numbered pages)"))
        ->type_name("FILE");
    due_cmd
        ->add_option("--organisation", a->organisation,
                     tr("the employer's name on the PDF (default: the training provider's, when "
                        "set up on this computer)"))
        ->type_name("NAME");
    due_cmd->footer(due_footer());

    CLI::App* learner_cmd = records.add_subcommand(
        "learner", tr("show a learner's hire date, job role, site and language, or change them"));
    learner_cmd->add_option("id", a->learner, tr("the learner's id (see sightline records list)"))
        ->type_name("ID");
    learner_cmd->add_option("--hire-date", a->hire_date, tr("the hire date"))
        ->type_name("YYYY-MM-DD");
    learner_cmd
        ->add_option("--job-role", a->job_role,
                     tr("the job role rules are matched against, e.g. hotel/front-desk"))
        ->type_name("ROLE");
    learner_cmd->add_option("--site", a->learner_site, tr("the workplace"))->type_name("SITE");
    learner_cmd
        ->add_option("--language", a->language,
                     tr("the language the learner trains in, a tag such as es (empty: none; the "
                        "players then follow the system's language)"))
        ->type_name("TAG");
    learner_cmd->footer(learner_footer());

    CLI::App* purge_cmd = records.add_subcommand(
        "purge", tr("remove records older than MONTHS, except what compliance rules require kept"));
    purge_cmd->add_option("--older-than", a->older_than, tr("the age, in months, of what goes"))
        ->type_name("MONTHS");
    purge_cmd->add_flag("--dry-run", a->dry_run,
                        tr("list and count what would go; remove nothing"));
    purge_cmd->add_flag("--yes", a->yes, tr("remove without asking"));
    purge_cmd->footer(purge_footer());

    for (CLI::App* sub : {due_cmd, purge_cmd}) {
        sub->add_option("--bundle", a->bundle,
                        tr("the courses whose rules apply (default: the courses installed with "
                           "sightline)"))
            ->type_name("FILE");
    }
    for (CLI::App* sub : {due_cmd, learner_cmd, purge_cmd}) {
        sub->add_option("--data-dir", a->location.data_dir,
                        tr("the records folder (as for sightline records)"))
            ->type_name("DIR");
        sub->add_option("--records", a->location.records, records_help())->type_name("URI");
    }

    return [a, due_cmd, learner_cmd, purge_cmd,
            parent = &records](const Environment& env) -> std::optional<int> {
        if (!due_cmd->parsed() && !learner_cmd->parsed() && !purge_cmd->parsed()) {
            return std::nullopt;
        }
        const auto usage = [&](const CLI::App& app, const std::string& message) {
            return command_line::usage_error(app, message, env.err);
        };
        const RecordsLocation location = location_of(*parent, a->location);
        if (const std::string wrong = check_records_location(location); !wrong.empty()) {
            return usage(*parent, wrong);
        }
        learning::Day as_of = learning::day_of(
            records::now_ms(), credentials::local_offset_minutes(records::now_ms()));
        if (due_cmd->parsed() && !a->as_of.empty()) {
            const std::optional<learning::Day> day = learning::parse_day(a->as_of);
            if (!day) {
                return usage(*due_cmd, tr("--as-of must be a date written YYYY-MM-DD"));
            }
            as_of = *day;
        }
        if (learner_cmd->parsed()) {
            if (a->learner.empty()) {
                return usage(*learner_cmd,
                             tr("learner needs the learner's id (see sightline records list)"));
            }
            if (!a->hire_date.empty() && !records::is_calendar_date(a->hire_date)) {
                return usage(*learner_cmd,
                             tr("--hire-date must be a real date written YYYY-MM-DD, or empty"));
            }
        }
        if (purge_cmd->parsed() && a->older_than < 0) {
            return usage(*purge_cmd, tr("purge needs --older-than MONTHS (0 or more)"));
        }
        try {
            const auto store = open_records_store(location);
            if (learner_cmd->parsed()) {
                return learner(*store, *a, *learner_cmd, env);
            }
            const std::filesystem::path bundle_path = a->bundle.empty()
                                                          ? default_bundle_path(env.executable)
                                                          : std::filesystem::path(a->bundle);
            const bundle::LoadedBundle loaded = bundle::read_bundle_file(bundle_path);
            if (due_cmd->parsed()) {
                if (!a->rule.empty() &&
                    std::none_of(loaded.model.rules.begin(), loaded.model.rules.end(),
                                 [&](const model::Rule& r) { return r.id == a->rule; })) {
                    std::string known;
                    for (const model::Rule& r : loaded.model.rules) {
                        known += (known.empty() ? "" : ", ") + r.id;
                    }
                    // TRANSLATORS: {1} a rule's id, {2} a bundle file, {3} the rules' ids, or
                    // "none" (context "no rules").
                    return usage(*due_cmd,
                                 i18n::format(tr("no rule '{1}' in {2} (its rules: {3})"),
                                              {a->rule, bundle_path.string(),
                                               known.empty() ? tr("no rules", "none") : known}));
                }
                // The rules' titles in the language of the rest (ids and the CSV unchanged).
                return due(*store, model::in_language(loaded.model, i18n::language()), *a, as_of,
                           env);
            }
            return purge(*store, loaded.model, *a, env);
        } catch (const bundle::BundleError& e) {
            env.err << "sightline records: " << e.what() << "\n";
        } catch (const records::RecordsError& e) {
            env.out.flush();
            env.err << "sightline records: " << e.what() << "\n";
        }
        return kUsage;
    };
}

} // namespace sightline::cli
