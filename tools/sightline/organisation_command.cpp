// `sightline records settings [--iri-base URL] [--site-jurisdiction SITE=STATE]`
// and `sightline records grant --player ROLE --admin ROLE`: an organisation's
// settings kept with its records (so that every administrator's export and
// roster agrees) and the database roles of its players and administrators on
// PostgreSQL.
#include "organisation_command.hpp"

#include "i18n/i18n.hpp"
#include "records/postgres_roles.hpp"
#include "records_location.hpp"
#include "tools/common/command_line.hpp"

#include <algorithm>
#include <memory>
#include <optional>

namespace sightline::cli {

namespace {

using i18n::tr;

constexpr int kOk = 0;
constexpr int kUsage = 2;
constexpr const char* kDefaultIriBase = "https://sightline.invalid/";

struct OrganisationArgs {
    RecordsLocation location;
    std::string iri_base;
    std::vector<std::string> site_jurisdictions; // SITE=JURISDICTION each
    std::string player;
    std::string admin;
};

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

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& name : names) {
        out += (out.empty() ? "" : ", ") + name;
    }
    return out;
}

struct SiteJurisdiction {
    std::string site;
    std::string jurisdiction;
};

// "SITE=JURISDICTION" split at the first '='; nullopt (and why) when it is not one.
std::optional<SiteJurisdiction> parse_site_jurisdiction(std::string_view text, std::string& why) {
    const std::size_t equals = text.find('=');
    if (equals == std::string_view::npos) {
        // TRANSLATORS: {1} what was typed; keep SITE=JURISDICTION and Austin=Texas.
        why = i18n::format(
            tr("--site-jurisdiction must be SITE=JURISDICTION (e.g. Austin=Texas), not '{1}'"),
            {text});
        return std::nullopt;
    }
    SiteJurisdiction out{std::string(text.substr(0, equals)), std::string(text.substr(equals + 1))};
    if (out.site.empty()) {
        why = tr("--site-jurisdiction needs a site before '=' (SITE=JURISDICTION)");
        return std::nullopt;
    }
    if (out.jurisdiction.empty()) {
        // Settings can be changed but not removed.
        // TRANSLATORS: {1} a site.
        why = i18n::format(tr("--site-jurisdiction needs a jurisdiction after '=' for {1} (a "
                              "site's jurisdiction can be changed, not removed)"),
                           {out.site});
        return std::nullopt;
    }
    if (std::any_of(text.begin(), text.end(),
                    [](char c) { return static_cast<unsigned char>(c) < ' ' || c == 0x7f; })) {
        why = tr("--site-jurisdiction must not contain control characters");
        return std::nullopt;
    }
    return out;
}

int show_settings(records::Store& store, const Environment& env) {
    const auto iri = store.setting(kIriBaseSetting);
    // TRANSLATORS: {1} where the records are. The settings' names (iri-base,
    // site-jurisdiction) that follow stay in English.
    env.out << i18n::format(tr("Settings of {1}"), {store.location()}) << "\n"
            << "  iri-base  "
            // TRANSLATORS: {1} the IRI exports use when none is set.
            << (iri ? *iri : i18n::format(tr("(not set: exports use {1})"), {kDefaultIriBase}))
            << "\n";
    const auto sites = site_jurisdictions(store);
    if (sites.empty()) {
        env.out << "  site-jurisdiction  "
                << tr("(none set: records due lists every rule at every site)") << "\n";
    }
    for (const auto& [site, jurisdiction] : sites) {
        env.out << "  site-jurisdiction  " << site << "=" << jurisdiction << "\n";
    }
    return kOk;
}

int set_settings(records::Store& store, const OrganisationArgs& a, bool iri_base,
                 const std::vector<SiteJurisdiction>& sites, const Environment& env) {
    if (iri_base) {
        store.set_setting(kIriBaseSetting, a.iri_base);
        // TRANSLATORS: {1} the IRI, {2} where the records are.
        env.out << i18n::format(tr("iri-base is now {1} in {2} (records export names activities "
                                   "and accounts under it unless --base-iri is given)"),
                                {a.iri_base, store.location()})
                << "\n";
    }
    for (const SiteJurisdiction& s : sites) {
        store.set_setting(std::string(kSiteJurisdictionSetting) + s.site, s.jurisdiction);
        // TRANSLATORS: {1} a site, {2} its jurisdiction (a state), {3} where the records are.
        env.out << i18n::format(tr("Site {1} is now in {2} in {3} (records due lists its learners "
                                   "for {2}'s rules and for rules that name no jurisdiction)"),
                                {s.site, s.jurisdiction, store.location()})
                << "\n";
    }
    return kOk;
}

int grant(const OrganisationArgs& a, const RecordsLocation& location, const Environment& env) {
    const records::GrantReport report = records::grant_roles(location.records, {a.player, a.admin});
    // TRANSLATORS: {1} a database, {2} a schema, {3} how many tables.
    env.out << i18n::format(i18n::tr_n("Granted on database {1}, schema {2} ({3} table):",
                                       "Granted on database {1}, schema {2} ({3} tables):",
                                       report.tables.size()),
                            {report.database, report.schema, std::to_string(report.tables.size())})
            << "\n";
    if (!a.player.empty()) {
        // TRANSLATORS: {1} the players' database role, {2} and {3} lists of table names.
        env.out << "  "
                << i18n::format(
                       tr("players ({1}): read, add and update {2}; read {3}; never "
                          "delete, never issue a certificate"),
                       {a.player, joined(report.player_writes), joined(report.player_reads)})
                << "\n";
    }
    if (!a.admin.empty()) {
        // TRANSLATORS: {1} the administrators' database role.
        env.out << "  "
                << i18n::format(tr("administrators ({1}): read, add, update and delete every "
                                   "table (also tables added later); no schema changes"),
                                {a.admin})
                << "\n";
    }
    env.out << tr("Run grant again after upgrading Sightline, so that players may use new tables.")
            << "\n";
    return kOk;
}

} // namespace

std::string check_iri_base(std::string_view iri) {
    std::string_view rest = iri;
    if (rest.starts_with("https://")) {
        rest.remove_prefix(8);
    } else if (rest.starts_with("http://")) {
        rest.remove_prefix(7);
    } else {
        return tr("the IRI base must be an absolute https:// (or http://) URL, e.g. "
                  "https://training.example.org/xapi/");
    }
    const std::size_t host_end = rest.find('/');
    if (host_end == 0 || rest.empty()) {
        return tr("the IRI base must name a host (https://HOST/...)");
    }
    if (!iri.ends_with('/')) {
        return tr("the IRI base must end with '/' (ids are appended to it)");
    }
    for (const char c : iri) {
        if (c == '?' || c == '#') {
            return tr("the IRI base must not have a query or fragment ('?' or '#')");
        }
        if (static_cast<unsigned char>(c) <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\' ||
            c == '{' || c == '}' || c == '|' || c == '^' || c == '`' || c == 0x7f) {
            return tr("the IRI base must not contain spaces, control characters or any of "
                      "\"<>\\{}|^`");
        }
    }
    if (rest.substr(0, host_end).find('@') != std::string_view::npos) {
        return tr("the IRI base must not carry a user name or password");
    }
    return {};
}

std::map<std::string, std::string, std::less<>> site_jurisdictions(records::Store& store) {
    std::map<std::string, std::string, std::less<>> out;
    for (const auto& [key, value] : store.settings()) {
        if (key.starts_with(kSiteJurisdictionSetting)) {
            out.emplace(key.substr(kSiteJurisdictionSetting.size()), value);
        }
    }
    return out;
}

void apply_organisation_settings(records::Store& store, records::ExportOptions& options,
                                 bool base_iri_given) {
    if (!base_iri_given) {
        if (const auto stored = store.setting(kIriBaseSetting)) {
            options.base_iri = *stored;
        }
    }
    if (const std::string wrong = check_iri_base(options.base_iri); !wrong.empty()) {
        // TRANSLATORS: {1} what is wrong with the IRI base.
        throw records::RecordsError(i18n::format(
            base_iri_given ? tr("--base-iri: {1}") : tr("the stored iri-base: {1}"), {wrong}));
    }
}

SubcommandRun add_organisation_commands(CLI::App& records) {
    const auto a = std::make_shared<OrganisationArgs>();
    CLI::App* settings = records.add_subcommand(
        "settings", tr("show the organisation's settings kept with the records, or change one"));
    settings
        ->add_option("--iri-base", a->iri_base,
                     tr("the organisation's IRI that xAPI activity and account ids start with "
                        "(https://HOST/PATH/, ending in '/'; records export uses it unless "
                        "--base-iri is given)"))
        ->type_name("URL");
    settings
        ->add_option("--site-jurisdiction", a->site_jurisdictions,
                     tr("the jurisdiction (state) of a site, as rules name it (e.g. "
                        "Austin=Texas): records due lists the site's learners for that "
                        "jurisdiction's rules only; repeat for more sites"))
        ->type_name("SITE=JURISDICTION")
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    // TRANSLATORS: the end of `sightline records settings --help`; keep each line under 80
    // columns.
    settings->footer(tr("A site with no jurisdiction set is listed for every rule, so that no "
                        "duty is hidden.\nA site's jurisdiction can be changed but not removed. "
                        "Jurisdictions are compared\nignoring case.\n"
                        "Exit status: 0 shown or changed, 2 bad options or records that cannot "
                        "be read.\n"));
    CLI::App* grants = records.add_subcommand(
        "grant", tr("give the players' and administrators' database roles their privileges "
                    "(PostgreSQL; run as the database owner)"));
    grants
        ->add_option("--player", a->player,
                     tr("the players' role: read, add and update learners and attempts; no "
                        "delete, no issuing"))
        ->type_name("ROLE");
    grants
        ->add_option("--admin", a->admin,
                     tr("the administrators' role: everything on the records but schema changes"))
        ->type_name("ROLE");
    // TRANSLATORS: the end of `sightline records grant --help`; keep each line under 80 columns
    // and CREATE ROLE NAME LOGIN as it is.
    grants->footer(tr("Roles are created first by the database owner (CREATE ROLE NAME LOGIN).\n"
                      "Each organisation has its own database: nothing is shared between them.\n"
                      "Exit status: 0 done, 2 bad options or a refused grant.\n"));
    for (CLI::App* sub : {settings, grants}) {
        sub->add_option("--data-dir", a->location.data_dir,
                        tr("the records folder (as for sightline records)"))
            ->type_name("DIR");
        sub->add_option("--records", a->location.records, records_help())->type_name("URI");
    }

    return [a, settings, grants, parent = &records](const Environment& env) -> std::optional<int> {
        if (!settings->parsed() && !grants->parsed()) {
            return std::nullopt;
        }
        const RecordsLocation location = location_of(*parent, a->location);
        const auto usage = [&](const CLI::App& app, const std::string& message) {
            return command_line::usage_error(app, message, env.err);
        };
        if (const std::string wrong = check_records_location(location); !wrong.empty()) {
            return usage(*parent, wrong);
        }
        const bool iri_base = settings->parsed() && settings->count("--iri-base") > 0;
        if (iri_base) {
            if (const std::string wrong = check_iri_base(a->iri_base); !wrong.empty()) {
                return usage(*settings, wrong);
            }
        }
        std::vector<SiteJurisdiction> sites;
        if (settings->parsed()) {
            for (const std::string& given : a->site_jurisdictions) {
                std::string why;
                const std::optional<SiteJurisdiction> site = parse_site_jurisdiction(given, why);
                if (!site) {
                    return usage(*settings, why);
                }
                sites.push_back(*site);
            }
        }
        if (grants->parsed()) {
            if (location.records.empty()) {
                return usage(*grants, tr("grant needs --records postgresql://OWNER@HOST/DATABASE "
                                         "(roles exist only on a PostgreSQL server)"));
            }
            if (a->player.empty() && a->admin.empty()) {
                return usage(*grants, tr("grant needs --player ROLE, --admin ROLE or both"));
            }
        }
        try {
            if (grants->parsed()) {
                return grant(*a, location, env);
            }
            const auto store = open_records_store(location);
            return iri_base || !sites.empty() ? set_settings(*store, *a, iri_base, sites, env)
                                              : show_settings(*store, env);
        } catch (const records::RecordsError& e) {
            env.out.flush();
            env.err << "sightline records: " << e.what() << "\n";
            return kUsage;
        }
    };
}

} // namespace sightline::cli
