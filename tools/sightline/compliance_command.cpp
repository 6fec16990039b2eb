// `sightline records due | learner | purge`: their options and help, and the
// checks and the records and courses they share before each runs (one file
// each: records_due_command.cpp, records_learner_command.cpp,
// records_purge_command.cpp). The rules themselves are learning/compliance.hpp's.
#include "compliance_command.hpp"

#include "bundle/bundle.hpp"
#include "compliance_subcommands.hpp"
#include "credentials/timestamps.hpp"
#include "i18n/i18n.hpp"
#include "model/translation.hpp"
#include "records/records.hpp"
#include "records_location.hpp"
#include "tools/common/command_line.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <memory>

namespace sightline::cli {

namespace {

using i18n::tr;

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

} // namespace

SubcommandRun add_compliance_commands(CLI::App& records) {
    using namespace compliance_cli;
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
