// `sightline records learner ID`: shows or changes the profile fields rosters
// need (hire date, job role, site) and the learner's language.
#include "compliance_subcommands.hpp"
#include "i18n/i18n.hpp"
#include "records/records.hpp"

#include <CLI/CLI.hpp>
#include <optional>
#include <vector>

namespace sightline::cli::compliance_cli {

using i18n::tr;

namespace {

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

} // namespace

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

} // namespace sightline::cli::compliance_cli
