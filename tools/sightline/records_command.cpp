// `sightline records`: what administrators do with the learner records.
#include "bundle/bundle.hpp"
#include "classroom/report.hpp"
#include "commands.hpp"
#include "compliance_command.hpp"
#include "organisation_command.hpp"
#include "records/export.hpp"
#include "records/paths.hpp"
#include "records/store.hpp"
#include "records_location.hpp"
#include "tools/common/command_line.hpp"

#include <fstream>
#include <iomanip>
#include <memory>

namespace sightline::cli {

namespace {

constexpr int kOk = 0;
constexpr int kRefused = 1;
constexpr int kUsage = 2;

constexpr const char* kFooter =
    "Exports are anonymous (learners appear only as opaque ids) unless --identify\n"
    "is given.\n"
    "Exit status: 0 done, 1 nothing done (unknown learner, or not confirmed),\n"
    "2 bad options or records that cannot be read or written.\n";

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

int list_records(records::Store& store, const Environment& env) {
    const auto learners = store.learners();
    env.out << "Records: " << store.location() << "\n";
    if (learners.empty()) {
        env.out << "No learners yet.\n";
    }
    for (const records::Learner& l : learners) {
        env.out << "\n" << l.display_name << "  (" << l.id << ")\n";
        if (!l.profession.empty() || !l.licence_number.empty()) {
            env.out << "  " << l.profession
                    << (l.licence_number.empty()
                            ? ""
                            : ", licence " + l.licence_number + " " + l.licence_state)
                    << "\n";
        }
        const auto attempts = store.attempts(l.id, false);
        if (attempts.empty()) {
            env.out << "  no attempts\n";
        }
        for (const records::Attempt& a : attempts) {
            env.out << "  " << date(a.started) << "  " << std::left << std::setw(28)
                    << a.scenario_id << " " << std::setw(11) << records::status_name(a.status);
            if (a.result) {
                env.out << " " << static_cast<int>(a.result->scaled() * 100.0 + 0.5) << "% "
                        << (a.result->passed ? "passed" : "not passed");
            } else {
                env.out << " " << a.events << " answers";
            }
            env.out << ", " << (a.active_ms + 30'000) / 60'000 << " min\n";
        }
    }
    const auto sessions = store.classroom_sessions();
    if (!sessions.empty()) {
        env.out << "\nClassroom sessions (anonymous; head count only)\n";
    }
    for (const records::ClassroomSession& s : sessions) {
        const auto a = store.attempt(s.attempt_id);
        env.out << "  " << (a ? date(a->started) : std::string(16, ' ')) << "  " << s.name << ", "
                << s.head_count << " people, " << (a ? a->scenario_id : "") << "  (" << s.attempt_id
                << ")\n";
    }
    return kOk;
}

int export_records(records::Store& store, const Args& a, const Environment& env) {
    if (!a.csv_dir.empty()) {
        const auto counts = records::export_csv(store, a.csv_dir, a.exports);
        env.err << "Wrote " << counts.attempts << " attempts and " << counts.events << " events to "
                << a.csv_dir << "/attempts.csv and events.csv"
                << (a.exports.identify ? " (with names and licence numbers)" : "") << ".\n";
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
                throw records::RecordsError("cannot write " + a.xapi_file);
            }
            counts = records::export_xapi(store, out, a.exports);
        }
        env.err << "Wrote " << counts.statements << " xAPI statements"
                << (a.xapi_file == "-" ? "" : " to " + a.xapi_file) << ".\n";
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
        env.out << "Wrote " << (out / "session-report.csv").string() << " and "
                << (out / "session-report.pdf").string() << ".\n";
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
        env.err << "sightline records: there is no learner " << a.target << " in "
                << store.location() << "\n";
        return kRefused;
    }
    const auto attempts = store.attempts(learner->id, false);
    if (!a.yes) {
        env.out << "Erase " << learner->display_name << " and all their records ("
                << attempts.size()
                << " attempts, certificates and completions)? This cannot be undone.\n"
                << "Type yes to erase: " << std::flush;
        std::string answer;
        if (!std::getline(env.in, answer) || answer != "yes") {
            env.out << "Nothing was erased.\n";
            return kRefused;
        }
    }
    store.delete_learner(learner->id);
    env.out << "Erased " << learner->display_name << " and " << attempts.size() << " attempts.\n";
    return kOk;
}

} // namespace

CommandRun add_records_command(CLI::App& sightline) {
    const auto a = std::make_shared<Args>();
    CLI::App* records = sightline.add_subcommand(
        "records", "the learner records on this computer or an organisation's server: show, export "
                   "and erase them, list who is due for training, purge old records");
    records->footer(kFooter);
    records->require_subcommand(0, 1);
    records
        ->add_option("--data-dir", a->location.data_dir,
                     "the records folder (default: $SIGHTLINE_DATA_DIR, or "
                     "$XDG_DATA_HOME/sightline, or ~/.local/share/sightline)")
        ->type_name("DIR");
    records->add_option("--records", a->location.records, kRecordsHelp)->type_name("URI");

    CLI::App* list = records->add_subcommand("list", "learners and their attempts");
    CLI::App* exports = records->add_subcommand(
        "export", "write the records as CSV (--csv DIR) or xAPI statements (--xapi FILE)");
    exports->add_option("--csv", a->csv_dir, "write DIR/attempts.csv and DIR/events.csv")
        ->type_name("DIR");
    exports
        ->add_option("--xapi", a->xapi_file,
                     "write xAPI 1.0.3 statements, one JSON object per line (- writes to "
                     "standard output)")
        ->type_name("FILE");
    exports->add_flag("--identify", a->exports.identify,
                      "include names, professions and licence numbers (without it learners "
                      "appear only as opaque ids)");
    exports
        ->add_option("--base-iri", a->exports.base_iri,
                     "the IRI that xAPI activity and account ids start with (default: the "
                     "organisation's iri-base setting, else https://sightline.invalid/)")
        ->type_name("IRI");
    CLI::App* erase = records->add_subcommand(
        "delete-learner", "erase a learner and everything recorded about them (asks first)");
    erase->add_option("id", a->target, "the learner's id (see sightline records list)")
        ->type_name("ID");
    erase->add_flag("--yes", a->yes, "erase without asking");
    CLI::App* report = records->add_subcommand(
        "session-report", "write DIR/session-report.csv and .pdf for a classroom session");
    report->add_option("id", a->target, "the classroom session's id (see sightline records list)")
        ->type_name("ID");
    report->add_option("--out", a->out_dir, "the folder to write the report into")
        ->type_name("DIR");
    report
        ->add_option("--bundle", a->bundle,
                     "the courses the session was played from (default: the courses installed "
                     "with sightline)")
        ->type_name("FILE");
    for (CLI::App* sub : {list, exports, erase, report}) {
        // --data-dir before or after the command
        sub->add_option("--data-dir", a->location.data_dir,
                        "the records folder (as for sightline records)")
            ->type_name("DIR");
        sub->add_option("--records", a->location.records, kRecordsHelp)->type_name("URI");
        sub->footer(kFooter);
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
            return usage(*records, "which command? list, export, delete-learner, session-report, "
                                   "learner, due, purge, settings or grant");
        }
        if (exports->parsed() && a->csv_dir.empty() && a->xapi_file.empty()) {
            return usage(*exports, "export needs --csv DIR or --xapi FILE");
        }
        if (erase->parsed() && a->target.empty()) {
            return usage(*erase,
                         "delete-learner needs the learner's id (see sightline records list)");
        }
        if (report->parsed() && (a->target.empty() || a->out_dir.empty())) {
            return usage(*report, "session-report needs the session's id and --out DIR");
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
