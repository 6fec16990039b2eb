// `sightline records`: what administrators do with the learner records.
#include "bundle/bundle.hpp"
#include "classroom/report.hpp"
#include "commands.hpp"
#include "compliance_command.hpp"
#include "i18n/i18n.hpp"
#include "organisation_command.hpp"
#include "records/export.hpp"
#include "records/paths.hpp"
#include "records/store.hpp"
#include "records_location.hpp"
#include "tools/common/command_line.hpp"

#include <algorithm>
#include <fstream>
#include <memory>

namespace sightline::cli {

namespace {

constexpr int kOk = 0;
constexpr int kRefused = 1;
constexpr int kUsage = 2;

using i18n::tr;
using i18n::tr_n;

// TRANSLATORS: the end of `sightline records --help`; keep each line under 80 columns.
const char* footer() {
    return tr("Exports are anonymous (learners appear only as opaque ids) unless --identify\n"
              "is given.\n"
              "Exit status: 0 done, 1 nothing done (unknown learner, or not confirmed),\n"
              "2 bad options or records that cannot be read or written.\n");
}

struct Args {
    std::string target; // delete-learner's and session-report's id
    RecordsLocation location;
    std::string csv_dir;
    std::string xapi_file;
    std::string out_dir;
    std::string bundle;
    records::ExportOptions exports;
    bool yes = false;
};

std::string date(records::TimeMs time) {
    return records::iso8601_utc(time).substr(0, 16).replace(10, 1, " ");
}

// `text` and spaces up to `width` characters (UTF-8 aware: translations have accents).
std::string padded(std::string text, std::size_t width) {
    const auto characters =
        static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
            return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        }));
    return characters < width ? text.append(width - characters, ' ') : text;
}

// An attempt's status for people (records::status_name() is the exports' word).
const char* status_text(records::Status status) {
    switch (status) {
    case records::Status::Completed:
        // TRANSLATORS: an attempt's status in `sightline records list`; at most 11 characters.
        return tr("attempt status", "completed");
    case records::Status::Abandoned:
        return tr("attempt status", "abandoned");
    case records::Status::InProgress:
        break;
    }
    return tr("attempt status", "in-progress");
}

// The word to type to confirm an erasure: "yes" always works, so scripts do in every language.
bool confirmed(const std::string& answer) {
    // TRANSLATORS: the word an administrator types to confirm an erasure ("Type yes to erase").
    return answer == "yes" || answer == tr("word to type", "yes");
}

int list_records(records::Store& store, const Environment& env) {
    const auto learners = store.learners();
    // TRANSLATORS: {1} where the records are (a file or a database server).
    env.out << i18n::format(tr("Records: {1}"), {store.location()}) << "\n";
    if (learners.empty()) {
        env.out << tr("No learners yet.") << "\n";
    }
    for (const records::Learner& l : learners) {
        env.out << "\n" << l.display_name << "  (" << l.id << ")\n";
        if (!l.profession.empty() || !l.licence_number.empty()) {
            env.out << "  "
                    << (l.licence_number.empty()
                            ? l.profession
                            // TRANSLATORS: {1} a profession (may be empty), {2} a licence
                            // number, {3} the state that issued it.
                            : i18n::format(tr("{1}, licence {2} {3}"),
                                           {l.profession, l.licence_number, l.licence_state}))
                    << "\n";
        }
        const auto attempts = store.attempts(l.id, false);
        if (attempts.empty()) {
            env.out << "  " << tr("no attempts") << "\n";
        }
        for (const records::Attempt& a : attempts) {
            env.out << "  " << date(a.started) << "  " << padded(a.scenario_id, 28) << " "
                    << padded(status_text(a.status), 11) << " ";
            if (a.result) {
                const std::string percent =
                    std::to_string(static_cast<int>(a.result->scaled() * 100.0 + 0.5));
                // TRANSLATORS: an attempt's score in `sightline records list`, 85% passed.
                // xgettext:no-c-format (the % sign is a percentage)
                const char* passed = tr("{1}% passed");
                // xgettext:no-c-format
                const char* not_passed = tr("{1}% not passed");
                env.out << i18n::format(a.result->passed ? passed : not_passed, {percent});
            } else {
                env.out << i18n::format(
                    tr_n("{1} answer", "{1} answers", static_cast<unsigned long>(a.events)),
                    {std::to_string(a.events)});
            }
            // TRANSLATORS: time on task in minutes, after an attempt's score: ", 12 min".
            env.out << ", "
                    << i18n::format(tr("{1} min"),
                                    {std::to_string((a.active_ms + 30'000) / 60'000)})
                    << "\n";
        }
    }
    const auto sessions = store.classroom_sessions();
    if (!sessions.empty()) {
        env.out << "\n" << tr("Classroom sessions (anonymous; head count only)") << "\n";
    }
    for (const records::ClassroomSession& s : sessions) {
        const auto a = store.attempt(s.attempt_id);
        // TRANSLATORS: a classroom session: {1} its name, {2} the head count, {3} the
        // scenario's id.
        env.out << "  " << (a ? date(a->started) : std::string(16, ' ')) << "  "
                << i18n::format(tr_n("{1}, {2} person, {3}", "{1}, {2} people, {3}",
                                     static_cast<unsigned long>(s.head_count)),
                                {s.name, std::to_string(s.head_count), a ? a->scenario_id : ""})
                << "  (" << s.attempt_id << ")\n";
    }
    return kOk;
}

int export_records(records::Store& store, const Args& a, const Environment& env) {
    if (!a.csv_dir.empty()) {
        const auto counts = records::export_csv(store, a.csv_dir, a.exports);
        const std::string attempts = i18n::format(
            tr_n("{1} attempt", "{1} attempts", static_cast<unsigned long>(counts.attempts)),
            {std::to_string(counts.attempts)});
        const std::string events =
            i18n::format(tr_n("{1} event", "{1} events", static_cast<unsigned long>(counts.events)),
                         {std::to_string(counts.events)});
        // TRANSLATORS: {1} "3 attempts", {2} "40 events", {3} a folder; keep the file names.
        env.err << i18n::format(
                       a.exports.identify
                           ? tr("Wrote {1} and {2} to {3}/attempts.csv and events.csv (with names "
                                "and licence numbers).")
                           : tr("Wrote {1} and {2} to {3}/attempts.csv and events.csv."),
                       {attempts, events, a.csv_dir})
                << "\n";
    }
    if (!a.xapi_file.empty()) {
        records::ExportCounts counts;
        if (a.xapi_file == "-") {
            counts = records::export_xapi(store, env.out, a.exports);
        } else {
            records::create_private_file(a.xapi_file); // it may hold names (--identify)
            std::vector<char> buffer(1 << 20);         // large writes: exports run to gigabytes
            std::ofstream out;
            out.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
            out.open(a.xapi_file, std::ios::binary | std::ios::trunc);
            if (!out) {
                // TRANSLATORS: {1} a file.
                throw records::RecordsError(i18n::format(tr("cannot write {1}"), {a.xapi_file}));
            }
            counts = records::export_xapi(store, out, a.exports);
        }
        const auto n = static_cast<unsigned long>(counts.statements);
        const std::string statements = std::to_string(counts.statements);
        env.err << (a.xapi_file == "-" ? i18n::format(tr_n("Wrote {1} xAPI statement.",
                                                           "Wrote {1} xAPI statements.", n),
                                                      {statements})
                                       // TRANSLATORS: {2} a file.
                                       : i18n::format(tr_n("Wrote {1} xAPI statement to {2}.",
                                                           "Wrote {1} xAPI statements to {2}.", n),
                                                      {statements, a.xapi_file}))
                << "\n";
    }
    return kOk;
}

int session_report(records::Store& store, const Args& a, const Environment& env) {
    const std::filesystem::path bundle_path =
        a.bundle.empty() ? default_bundle_path(env.executable) : std::filesystem::path(a.bundle);
    try {
        const bundle::LoadedBundle loaded = bundle::read_bundle_file(bundle_path);
        const classroom::SessionReport report =
            classroom::make_report(store, a.target, loaded.model);
        records::ensure_private_dir(a.out_dir);
        const std::filesystem::path out(a.out_dir);
        classroom::save_report_csv(report, out / "session-report.csv");
        classroom::save_report_pdf(report, out / "session-report.pdf");
        // TRANSLATORS: {1} and {2} the files written.
        env.out << i18n::format(tr("Wrote {1} and {2}."), {(out / "session-report.csv").string(),
                                                           (out / "session-report.pdf").string()})
                << "\n";
        return kOk;
    } catch (const bundle::BundleError& e) {
        env.err << "sightline records: " << e.what() << "\n";
    } catch (const classroom::FacilitationError& e) {
        env.err << "sightline records: " << e.what() << "\n";
    }
    return kUsage;
}

int delete_learner(records::Store& store, const Args& a, const Environment& env) {
    const auto learner = store.learner(a.target);
    if (!learner) {
        // TRANSLATORS: {1} a learner's id, {2} where the records are.
        env.err << "sightline records: "
                << i18n::format(tr("there is no learner {1} in {2}"), {a.target, store.location()})
                << "\n";
        return kRefused;
    }
    const auto attempts = store.attempts(learner->id, false);
    if (!a.yes) {
        // TRANSLATORS: {1} the learner's name, {2} how many attempts.
        env.out << i18n::format(tr_n("Erase {1} and all their records ({2} attempt, certificates "
                                     "and completions)? This cannot be undone.",
                                     "Erase {1} and all their records ({2} attempts, certificates "
                                     "and completions)? This cannot be undone.",
                                     attempts.size()),
                                {learner->display_name, std::to_string(attempts.size())})
                << "\n"
                // TRANSLATORS: {1} the word to type, "yes" translated with context "word to type".
                << i18n::format(tr("Type {1} to erase: "), {tr("word to type", "yes")})
                << std::flush;
        std::string answer;
        if (!std::getline(env.in, answer) || !confirmed(answer)) {
            env.out << tr("Nothing was erased.") << "\n";
            return kRefused;
        }
    }
    store.delete_learner(learner->id);
    // TRANSLATORS: {1} the learner's name, {2} how many attempts.
    env.out << i18n::format(tr_n("Erased {1} and {2} attempt.", "Erased {1} and {2} attempts.",
                                 attempts.size()),
                            {learner->display_name, std::to_string(attempts.size())})
            << "\n";
    return kOk;
}

} // namespace

CommandRun add_records_command(CLI::App& sightline) {
    const auto a = std::make_shared<Args>();
    // TRANSLATORS: the descriptions and options of `sightline records` and its subcommands.
    // Command and option names, file names (attempts.csv) and values (DIR, ID) stay in English.
    CLI::App* records = sightline.add_subcommand(
        "records", tr("the learner records on this computer or an organisation's server: show, "
                      "export and erase them, list who is due for training, purge old records"));
    records->footer(footer());
    records->require_subcommand(0, 1);
    records
        ->add_option("--data-dir", a->location.data_dir,
                     tr("the records folder (default: $SIGHTLINE_DATA_DIR, or "
                        "$XDG_DATA_HOME/sightline, or ~/.local/share/sightline)"))
        ->type_name("DIR");
    records->add_option("--records", a->location.records, records_help())->type_name("URI");

    CLI::App* list = records->add_subcommand("list", tr("learners and their attempts"));
    CLI::App* exports = records->add_subcommand(
        "export", tr("write the records as CSV (--csv DIR) or xAPI statements (--xapi FILE)"));
    exports->add_option("--csv", a->csv_dir, tr("write DIR/attempts.csv and DIR/events.csv"))
        ->type_name("DIR");
    exports
        ->add_option("--xapi", a->xapi_file,
                     tr("write xAPI 1.0.3 statements, one JSON object per line (- writes to "
                        "standard output)"))
        ->type_name("FILE");
    exports->add_flag("--identify", a->exports.identify,
                      tr("include names, professions and licence numbers (without it learners "
                         "appear only as opaque ids)"));
    exports
        ->add_option("--base-iri", a->exports.base_iri,
                     tr("the IRI that xAPI activity and account ids start with (default: the "
                        "organisation's iri-base setting, else https://sightline.invalid/)"))
        ->type_name("IRI");
    CLI::App* erase = records->add_subcommand(
        "delete-learner", tr("erase a learner and everything recorded about them (asks first)"));
    erase->add_option("id", a->target, tr("the learner's id (see sightline records list)"))
        ->type_name("ID");
    erase->add_flag("--yes", a->yes, tr("erase without asking"));
    CLI::App* report = records->add_subcommand(
        "session-report", tr("write DIR/session-report.csv and .pdf for a classroom session"));
    report
        ->add_option("id", a->target, tr("the classroom session's id (see sightline records list)"))
        ->type_name("ID");
    report->add_option("--out", a->out_dir, tr("the folder to write the report into"))
        ->type_name("DIR");
    report
        ->add_option("--bundle", a->bundle,
                     tr("the courses the session was played from (default: the courses "
                        "installed with sightline)"))
        ->type_name("FILE");
    for (CLI::App* sub : {list, exports, erase, report}) {
        // --data-dir before or after the command
        sub->add_option("--data-dir", a->location.data_dir,
                        tr("the records folder (as for sightline records)"))
            ->type_name("DIR");
        sub->add_option("--records", a->location.records, records_help())->type_name("URI");
        sub->footer(footer());
    }

    const SubcommandRun organisation = add_organisation_commands(*records);
    const SubcommandRun compliance = add_compliance_commands(*records);

    return [=](const Environment& env) {
        if (const std::optional<int> done = organisation(env)) {
            return *done;
        }
        if (const std::optional<int> done = compliance(env)) {
            return *done;
        }
        const auto usage = [&](const CLI::App& app, const std::string& message) {
            return command_line::usage_error(app, message, env.err);
        };
        if (!list->parsed() && !exports->parsed() && !erase->parsed() && !report->parsed()) {
            // TRANSLATORS: the subcommands' names stay in English.
            return usage(*records, tr("which command? list, export, delete-learner, "
                                      "session-report, learner, due, purge, settings or grant"));
        }
        if (exports->parsed() && a->csv_dir.empty() && a->xapi_file.empty()) {
            return usage(*exports, tr("export needs --csv DIR or --xapi FILE"));
        }
        if (erase->parsed() && a->target.empty()) {
            return usage(*erase,
                         tr("delete-learner needs the learner's id (see sightline records list)"));
        }
        if (report->parsed() && (a->target.empty() || a->out_dir.empty())) {
            return usage(*report, tr("session-report needs the session's id and --out DIR"));
        }
        if (const std::string wrong = check_records_location(a->location); !wrong.empty()) {
            return usage(*records, wrong);
        }
        try {
            const auto store = open_records_store(a->location);
            if (list->parsed()) {
                return list_records(*store, env);
            }
            if (exports->parsed()) {
                apply_organisation_settings(*store, a->exports, exports->count("--base-iri") > 0);
                return export_records(*store, *a, env);
            }
            if (report->parsed()) {
                return session_report(*store, *a, env);
            }
            return delete_learner(*store, *a, env);
        } catch (const records::RecordsError& e) {
            env.out.flush();
            env.err << "sightline records: " << e.what() << "\n";
            return kUsage;
        }
    };
}

} // namespace sightline::cli
