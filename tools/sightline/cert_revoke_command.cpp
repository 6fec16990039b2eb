// `sightline cert revoke` and `cert status-list`: recording a revocation and
// writing the signed W3C Bitstring Status List that tells verifiers of it.
#include "cert_subcommands.hpp"
#include "credentials/credential.hpp"
#include "credentials/error.hpp"
#include "credentials/provider.hpp"
#include "credentials/status_list.hpp"
#include "credentials/timestamps.hpp"
#include "i18n/i18n.hpp"
#include "records/paths.hpp"
#include "records/records.hpp"

#include <cstdint>

namespace sightline::cli::credentials_cli {

namespace cr = credentials;

using i18n::tr;
using i18n::tr_n;

int cert_revoke(const Options& o, const Environment& env) {
    if (o.positional.size() != 1) {
        return usage_error(env, "cert revoke",
                           tr("expected one certificate id or verification code"));
    }
    if (o.get("reason").empty()) {
        return usage_error(env, "cert revoke",
                           tr("--reason is required (it is kept in the records)"));
    }
    try {
        const std::unique_ptr<records::Store> store = open_records(o);
        const std::optional<records::Certificate> found = store->certificate(o.positional[0]);
        if (!found) {
            // TRANSLATORS: {1} a certificate's id or code, {2} where the records are.
            env.err << "sightline cert revoke: "
                    << i18n::format(tr("no certificate '{1}' in {2}"),
                                    {o.positional[0], store->location()})
                    << '\n';
            return kUsage;
        }
        if (found->revoked) {
            // TRANSLATORS: {1} a certificate's id, {2} when, {3} the reason given.
            env.out << i18n::format(tr("certificate {1} was already revoked at {2}: {3}"),
                                    {found->id,
                                     cr::format_timestamp(*found->revoked, cr::local_offset_minutes(
                                                                               *found->revoked)),
                                     found->revocation_reason})
                    << '\n';
            return kOk;
        }
        const records::TimeMs now = records::now_ms();
        const records::Certificate revoked =
            store->revoke_certificate(found->id, now, o.get("reason"));
        // TRANSLATORS: {1} a certificate's id, {2} its verification code, {3} when.
        env.out << i18n::format(tr("revoked certificate {1} (verification code {2}) at {3}"),
                                {revoked.id, revoked.verification_code,
                                 cr::format_timestamp(now, cr::local_offset_minutes(now))})
                << '\n';
        if (revoked.status_index) {
            // TRANSLATORS: {1} the address of the status list.
            env.out << i18n::format(tr("publish the new status list so that verifiers see it: "
                                       "sightline cert status-list --out FILE, then put FILE at "
                                       "{1}"),
                                    {revoked.status_list})
                    << '\n';
        } else {
            env.out << tr("note: this certificate was issued without a status list entry, so "
                          "verifiers cannot learn of the revocation from it; tell the licensing "
                          "board or employer who received it")
                    << '\n';
        }
    } catch (const records::RecordsError& e) {
        env.err << "sightline cert revoke: " << e.what() << '\n';
        return kUsage;
    }
    return kOk;
}

int cert_status_list(const Options& o, const Environment& env) {
    if (!o.positional.empty() || o.get("out").empty()) {
        return usage_error(env, "cert status-list", tr("needs --out FILE"));
    }
    try {
        const cr::Provider provider = cr::load_provider(config_dir(o), true);
        const std::string& url = provider.links.status_list_url;
        if (url.empty()) {
            env.err << "sightline cert status-list: "
                    << tr("the provider has no status list URL (set one with 'sightline provider "
                          "init --status-url URL')")
                    << '\n';
            return kUsage;
        }
        const std::unique_ptr<records::Store> store = open_records(o);
        const std::vector<std::int64_t> revoked = store->revoked_status_indices(url);
        const records::TimeMs now = records::now_ms();
        const std::string issued = cr::format_timestamp(now, cr::local_offset_minutes(now));
        const nlohmann::ordered_json list = cr::sign_credential(
            cr::build_status_list_credential(url, provider.did(), issued, revoked), *provider.key,
            provider.verification_method(), issued);
        records::write_private_file(o.get("out"), cr::credential_text(list));
        // TRANSLATORS: {1} a file, {2} how many certificates are revoked, {3} how many entries
        // the list has, {4} when it was signed.
        env.out << i18n::format(tr_n("wrote {1}: {2} revoked of {3} entries, signed {4}",
                                     "wrote {1}: {2} revoked of {3} entries, signed {4}",
                                     revoked.size()),
                                {o.get("out"), std::to_string(revoked.size()),
                                 std::to_string(cr::kStatusListBits), issued})
                << '\n'
                // TRANSLATORS: {1} a web address.
                << i18n::format(tr("publish it at {1}"), {url}) << '\n';
    } catch (const cr::CredentialError& e) {
        env.err << "sightline cert status-list: " << e.what() << '\n';
        return kUsage;
    } catch (const records::RecordsError& e) {
        env.err << "sightline cert status-list: " << e.what() << '\n';
        return kUsage;
    }
    return kOk;
}

} // namespace sightline::cli::credentials_cli
