// `sightline provider init | show`: the training provider's details and the
// Ed25519 key that signs certificates (engine/credentials/provider.hpp).
// Exit codes: 0 ok, 2 usage error or unreadable configuration.
#include "commands.hpp"
#include "credentials/error.hpp"
#include "credentials/keys.hpp"
#include "credentials/provider.hpp"
#include "credentials_common.hpp"
#include "credentials_subcommands.hpp"
#include "i18n/i18n.hpp"
#include "records/records.hpp"

#include <string>
#include <utility>

namespace sightline::cli {

namespace {

using namespace credentials_cli;
namespace cr = credentials;
using i18n::tr;

// TRANSLATORS: the end of `sightline provider --help`; keep each line under 80 columns and
// the file, command and option names as they are.
const char* provider_footer() {
    return tr("init creates the training provider's details and an Ed25519 key pair in\n"
              "<config-dir>/provider/: provider.json and signing-key (owner-only). It refuses to\n"
              "replace an existing provider without --force.\n"
              "show prints the details, the public key as a Multikey (base58btc, 'z6Mk...'),\n"
              "the issuer id (did:key) and the key's fingerprint: SHA-256 of the 32 key bytes\n"
              "in groups of four hex digits. Publish the key or fingerprint so that licensing\n"
              "boards and employers can check certificates with 'sightline cert verify --key'.\n"
              "Exit codes: 0 ok, 2 usage error or unreadable configuration.\n");
}

int provider_init(const Options& o, const Environment& env) {
    if (!o.positional.empty()) {
        return usage_error(env, "provider init", unexpected(o.positional[0]));
    }
    for (const char* required : {"organisation", "contact", "signatory", "title"}) {
        if (o.get(required).empty()) {
            // TRANSLATORS: {1} an option, --contact.
            return usage_error(env, "provider init",
                               i18n::format(tr("{1} is required"), {std::string("--") + required}));
        }
    }
    const cr::ProviderInfo info{o.get("organisation"), o.get("approval"), o.get("contact"),
                                o.get("signatory"), o.get("title")};
    const cr::ProviderLinks links{o.get("did-web"), o.get("status-url"), o.get("verify-url")};
    try {
        const cr::Provider provider = cr::init_provider(
            config_dir(o), info, links, o.flags.count("force") > 0, records::now_ms());
        const fs::path dir = cr::provider_dir(config_dir(o));
        // TRANSLATORS: {1} the organisation's name, {2} a folder.
        env.out << i18n::format(tr("created the provider {1} in {2}"),
                                {provider.info.organisation, dir.string()})
                << '\n';
        // TRANSLATORS: labels in front of values, aligned by the program; keep the colon.
        const char* issuer = tr("issuer id:");
        const char* key = tr("public key:");
        const char* fingerprint = tr("fingerprint:");
        const Fields field{issuer, key, fingerprint};
        env.out << field(issuer, provider.did())
                << field(key, cr::public_multibase(provider.public_key))
                << field(fingerprint, cr::fingerprint(provider.public_key));
        if (!provider.links.did_web_domain.empty()) {
            // TRANSLATORS: {1} a file, {2} a web address.
            env.out << i18n::format(
                           tr("publish {1} at {2}"),
                           {(dir / "did.json").string(),
                            "https://" + provider.links.did_web_domain + "/.well-known/did.json"})
                    << '\n';
        }
        if (!provider.links.status_list_url.empty()) {
            // TRANSLATORS: {1} a web address.
            env.out << i18n::format(
                           tr("publish the status list ('sightline cert status-list') at {1}"),
                           {provider.links.status_list_url})
                    << '\n';
        }
    } catch (const cr::CredentialError& e) {
        env.err << "sightline provider init: " << e.what() << '\n';
        return kUsage;
    }
    return kOk;
}

int provider_show(const Options& o, const Environment& env) {
    if (!o.positional.empty()) {
        return usage_error(env, "provider show", unexpected(o.positional[0]));
    }
    try {
        const cr::Provider p = cr::load_provider(config_dir(o), false);
        // TRANSLATORS: labels in front of values, aligned by the program; keep the colon.
        const char* organisation = tr("organisation:");
        const char* approval = tr("approval:");
        const char* contact = tr("contact:");
        const char* signatory = tr("signatory:");
        const char* created = tr("created:");
        const char* key = tr("public key:");
        const char* hex = tr("hex:");
        const char* issuer = tr("issuer id:");
        const char* fingerprint = tr("fingerprint:");
        const char* status = tr("status list:");
        const char* verify = tr("verify page:");
        const Fields field{organisation, approval, contact,     signatory, created, key,
                           hex,          issuer,   fingerprint, status,    verify};
        env.out << field(organisation, p.info.organisation)
                // TRANSLATORS: in `sightline provider show`, for an approval number not given.
                << field(approval, p.info.approval.empty() ? tr("(none)") : p.info.approval)
                << field(contact, p.info.contact)
                << field(signatory,
                         p.info.signatory + (p.info.title.empty() ? "" : ", " + p.info.title))
                << field(created, p.created)
                // TRANSLATORS: {1} the public key.
                << field(key, i18n::format(tr("{1}  (Ed25519 Multikey, base58btc)"),
                                           {cr::public_multibase(p.public_key)}))
                << field(hex, cr::to_hex(p.public_key))
                << field(issuer, p.did())
                // TRANSLATORS: {1} the key's fingerprint.
                << field(fingerprint, i18n::format(tr("{1}  (SHA-256 of the key)"),
                                                   {cr::fingerprint(p.public_key)}))
                << field(status, p.links.status_list_url.empty()
                                     ? tr("(none: certificates cannot be revoked)")
                                     : p.links.status_list_url)
                << field(verify, p.links.verify_url.empty()
                                     ? tr("(none: the QR code carries the code)")
                                     : p.links.verify_url);
    } catch (const cr::CredentialError& e) {
        env.err << "sightline provider show: " << e.what() << '\n';
        return kUsage;
    }
    return kOk;
}

} // namespace

CommandRun add_provider_command(CLI::App& sightline) {
    // TRANSLATORS: the descriptions and options of `sightline provider`, `sightline cert` and
    // their subcommands. Command, option and file names and values (DIR, ID) stay in English.
    CLI::App* provider = sightline.add_subcommand(
        "provider", tr("the training provider's details and the key that signs certificates"));
    provider->footer(provider_footer());
    provider->require_subcommand(0, 1);
    Declarations all;
    declare(*provider, all, "init", tr("create the provider's details and an Ed25519 key pair"),
            provider_init,
            {{"organisation", "NAME", tr("the training provider's name")},
             {"approval", "NUMBER", tr("the provider's approval number with the licensing board")},
             {"contact", "CONTACT", tr("an email address or phone number")},
             {"signatory", "NAME", tr("who signs the certificates")},
             {"title", "TITLE", tr("the signatory's title")},
             {"did-web", "DOMAIN",
              tr("issue as did:web:DOMAIN (publish the did.json written next to provider.json "
                 "at https://DOMAIN/.well-known/did.json); default: the key's did:key")},
             {"status-url", "URL",
              tr("where you will publish the status list (sightline cert status-list); "
                 "certificates issued from then on can be revoked")},
             {"verify-url", "URL",
              // TRANSLATORS: keep {code} and ?code= as they are: they are typed in the URL.
              tr("your certificate verification page; the PDF's QR code opens it with the "
                 "certificate's code ({code} in URL, else ?code=)")},
             {"force", nullptr, tr("replace an existing provider (and its key)")},
             config_dir_option()});
    declare(*provider, all, "show", tr("the details, the public key and its fingerprint"),
            provider_show, {config_dir_option()});
    return runner(provider, std::move(all),
                  // TRANSLATORS: the subcommands' names stay in English.
                  std::string("sightline provider: ") + tr("which command? init or show"));
}

} // namespace sightline::cli
