// `sightline records due | learner | purge`: who is current, due or overdue
// for each compliance rule (a table, CSV and a PDF for an inspector), the
// profile fields rosters need, and the retention purge. The rules themselves
// are learning/compliance.hpp's; this file reads the store and the bundle and
// prints.
#include "compliance_command.hpp"

#include "bundle/bundle.hpp"
#include "credentials/provider.hpp"
#include "credentials/timestamps.hpp"
#include "learning/compliance.hpp"
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

constexpr const char* kDueFooter =
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
    "Exit status: 0 listed, 2 bad options, or records or courses that cannot be read.\n";

constexpr const char* kLearnerFooter =
    "Give an option with an empty value to clear it (--site \"\"). The hire date is\n"
    "YYYY-MM-DD. Job roles are the ones the courses' rules name, e.g. hotel/front-desk.\n"
    "The language is a tag such as es: the players show courses in it where they have\n"
    "it (a learner also sets it with the player's language switch or --lang).\n"
    "Exit status: 0 shown or changed, 1 no such learner, 2 bad options.\n";

constexpr const char* kPurgeFooter =
    "Removes attempts (with their events, classroom votes and sessions), completions,\n"
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
    "Exit status: 0 done (or nothing to do), 1 not confirmed, 2 bad options.\n";

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

    env.out << "Compliance as of " << learning::format_day(as_of)
            << (a.site.empty() ? "" : ", site " + a.site) << "  (records: " << store.location()
            << ")\n";
    const auto counts = learning::count_by_rule(rows);
    for (const model::Rule& rule : listed) {
        learning::StatusCounts n;
        for (const auto& entry : counts) {
            if (entry.first == rule.id) {
                n = entry.second;
            }
        }
        env.out << "  " << rule.id << ": " << rule_heading(rule) << ": " << n.overdue
                << " overdue, " << n.due << " due, " << n.current << " current\n";
    }
    env.out << "\n";
    if (rows.empty()) {
        env.out << "Nobody is listed: no learner" << (a.site.empty() ? "" : " at site " + a.site)
                << " has a job role these rules cover"
                << (query.site_jurisdictions.empty() ? "" : " at a site in their jurisdiction")
                << " (set one with sightline records learner ID --job-role ROLE"
                << (query.site_jurisdictions.empty()
                        ? ""
                        : "; sites' jurisdictions are shown by sightline records settings")
                << ").\n";
    } else {
        std::vector<std::vector<std::string>> table;
        table.push_back(
            {"Learner", "Job role", "Site", "Rule", "Status", "Last completion", "Next deadline"});
        for (const learning::ComplianceRow& r : rows) {
            table.push_back({r.learner_name, r.job_role, r.site.empty() ? "-" : r.site, r.rule_id,
                             learning::due_status_name(r.status),
                             r.last_completion ? learning::format_day(*r.last_completion) : "never",
                             r.next_deadline ? learning::format_day(*r.next_deadline) : "-"});
        }
        print_table(env.out, table);
        if (const std::size_t unmapped = unmapped_learners(rows, listed, query); unmapped > 0) {
            env.out << "\n"
                    << unmapped << (unmapped == 1 ? " learner is" : " learners are")
                    << " at a site with no jurisdiction set, so listed for every rule; set one "
                       "with: sightline records settings --site-jurisdiction SITE=STATE\n";
        }
    }

    if (!a.csv.empty()) {
        records::write_private_file(a.csv, learning::compliance_csv(rows));
        env.err << "Wrote " << rows.size() << " rows to " << a.csv << ".\n";
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
        env.err << "Wrote the roster to " << a.pdf << ".\n";
    }
    return kOk;
}

void show_learner(const records::Learner& l, const Environment& env) {
    const auto or_dash = [](const std::string& s) { return s.empty() ? std::string("-") : s; };
    env.out << l.display_name << "  (" << l.id << ")\n"
            << "  hire date:  " << or_dash(l.hire_date) << "\n"
            << "  job role:   " << or_dash(l.job_role) << "\n"
            << "  site:       " << or_dash(l.site) << "\n"
            << "  language:   " << or_dash(l.language) << "\n";
    if (!l.profession.empty() || !l.licence_number.empty()) {
        env.out << "  profession: " << or_dash(l.profession)
                << (l.licence_number.empty()
                        ? ""
                        : ", licence " + l.licence_number + " " + l.licence_state)
                << "\n";
    }
}

int learner(records::Store& store, const ComplianceArgs& a, const CLI::App& app,
            const Environment& env) {
    const std::optional<records::Learner> found = store.learner(a.learner);
    if (!found) {
        env.err << "sightline records: there is no learner " << a.learner << " in "
                << store.location() << "\n";
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
        env.err << "sightline records: there is no learner " << a.learner << " in "
                << store.location() << "\n";
        return kRefused;
    }
    show_learner(*updated, env);
    return kOk;
}

std::string count_text(std::int64_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
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
        return learner_id.empty() ? std::string("(classroom sessions, anonymous)")
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
    env.out << "Records older than " << a.older_than << " months (before " << cutoff << ") in "
            << store.location() << ":\n";
    if (nothing) {
        env.out << "Nothing to remove; ";
    } else {
        for (const auto& [person, kinds] : by_learner) {
            std::string line;
            for (const auto& [kind, n] : kinds) {
                line += (line.empty() ? "" : ", ") + std::to_string(n) + " " + kind;
            }
            env.out << "  " << person << ": " << line << "\n";
        }
    }
    env.out << d.kept_by_rule << " older records are kept because a rule requires them.\n";
    if (nothing) {
        return kOk;
    }
    if (!a.dry_run && !a.yes) {
        env.out << "Remove them? This cannot be undone. Type yes to remove: " << std::flush;
        std::string answer;
        if (!std::getline(env.in, answer) || answer != "yes") {
            env.out << "Nothing was removed.\n";
            return kRefused;
        }
    }
    const records::PurgeCounts n = store.purge(s, a.dry_run);
    env.out << (a.dry_run ? "Would remove " : "Removed ")
            << count_text(n.attempts, "attempt", "attempts") << " ("
            << count_text(n.events, "event", "events") << ", "
            << count_text(n.votes, "classroom vote count", "classroom vote counts") << ", "
            << count_text(n.classroom_sessions, "classroom session", "classroom sessions") << "), "
            << count_text(n.completions, "completion", "completions") << ", "
            << count_text(n.attestations, "attestation", "attestations") << " and "
            << count_text(n.certificates, "certificate", "certificates")
            << (a.dry_run ? " (dry run: nothing was removed)." : ".")
            << " Certificate revocations and status list entries are kept.\n";
    return kOk;
}

} // namespace

SubcommandRun add_compliance_commands(CLI::App& records) {
    const auto a = std::make_shared<ComplianceArgs>();
    CLI::App* due_cmd = records.add_subcommand(
        "due", "who is current, due or overdue for each compliance rule (names shown: for the "
               "employer's inspector), as a table, CSV or PDF");
    due_cmd->add_option("--site", a->site, "only learners at this site")->type_name("SITE");
    due_cmd->add_option("--rule", a->rule, "only this rule (its id)")->type_name("RULE");
    due_cmd->add_option("--as-of", a->as_of, "the date the roster is for (default: today)")
        ->type_name("YYYY-MM-DD");
    due_cmd->add_option("--csv", a->csv, "also write the roster as CSV")->type_name("FILE");
    due_cmd
        ->add_option("--pdf", a->pdf,
                     "also write the roster as a PDF for an inspector (one page; a long roster "
                     "continues on numbered pages)")
        ->type_name("FILE");
    due_cmd
        ->add_option("--organisation", a->organisation,
                     "the employer's name on the PDF (default: the training provider's, when set "
                     "up on this computer)")
        ->type_name("NAME");
    due_cmd->footer(kDueFooter);

    CLI::App* learner_cmd = records.add_subcommand(
        "learner", "show a learner's hire date, job role, site and language, or change them");
    learner_cmd->add_option("id", a->learner, "the learner's id (see sightline records list)")
        ->type_name("ID");
    learner_cmd->add_option("--hire-date", a->hire_date, "the hire date")->type_name("YYYY-MM-DD");
    learner_cmd
        ->add_option("--job-role", a->job_role,
                     "the job role rules are matched against, e.g. hotel/front-desk")
        ->type_name("ROLE");
    learner_cmd->add_option("--site", a->learner_site, "the workplace")->type_name("SITE");
    learner_cmd
        ->add_option("--language", a->language,
                     "the language the learner trains in, a tag such as es (empty: none; the "
                     "players then follow the system's language)")
        ->type_name("TAG");
    learner_cmd->footer(kLearnerFooter);

    CLI::App* purge_cmd = records.add_subcommand(
        "purge", "remove records older than MONTHS, except what compliance rules require kept");
    purge_cmd->add_option("--older-than", a->older_than, "the age, in months, of what goes")
        ->type_name("MONTHS");
    purge_cmd->add_flag("--dry-run", a->dry_run, "list and count what would go; remove nothing");
    purge_cmd->add_flag("--yes", a->yes, "remove without asking");
    purge_cmd->footer(kPurgeFooter);

    for (CLI::App* sub : {due_cmd, purge_cmd}) {
        sub->add_option("--bundle", a->bundle,
                        "the courses whose rules apply (default: the courses installed with "
                        "sightline)")
            ->type_name("FILE");
    }
    for (CLI::App* sub : {due_cmd, learner_cmd, purge_cmd}) {
        sub->add_option("--data-dir", a->location.data_dir,
                        "the records folder (as for sightline records)")
            ->type_name("DIR");
        sub->add_option("--records", a->location.records, kRecordsHelp)->type_name("URI");
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
                return usage(*due_cmd, "--as-of must be a date written YYYY-MM-DD");
            }
            as_of = *day;
        }
        if (learner_cmd->parsed()) {
            if (a->learner.empty()) {
                return usage(*learner_cmd,
                             "learner needs the learner's id (see sightline records list)");
            }
            if (!a->hire_date.empty() && !records::is_calendar_date(a->hire_date)) {
                return usage(*learner_cmd,
                             "--hire-date must be a real date written YYYY-MM-DD, or empty");
            }
        }
        if (purge_cmd->parsed() && a->older_than < 0) {
            return usage(*purge_cmd, "purge needs --older-than MONTHS (0 or more)");
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
                    return usage(*due_cmd, "no rule '" + a->rule + "' in " + bundle_path.string() +
                                               " (its rules: " + (known.empty() ? "none" : known) +
                                               ")");
                }
                return due(*store, loaded.model, *a, as_of, env);
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
