// `sightline provider init | show` and `sightline cert verify | issue | list |
// reprint | attest | revoke | status-list`: the training provider's key and the certificates signed
// with it. The work is in engine/credentials; this file reads options and
// prints. Exit codes: 0 ok, 1 invalid (a credential that does not verify, a
// learner not yet eligible, an attestation declined), 2 usage error or input
// that cannot be read.
#include "bundle/bundle.hpp"
#include "commands.hpp"
#include "credentials/credential.hpp"
#include "credentials/files.hpp"
#include "credentials/issue.hpp"
#include "credentials/jcs.hpp"
#include "credentials/keys.hpp"
#include "credentials/provider.hpp"
#include "credentials/status_list.hpp"
#include "credentials/timestamps.hpp"
#include "i18n/i18n.hpp"
#include "learning/credit.hpp"
#include "model/translation.hpp"
#include "records/paths.hpp"
#include "records/store.hpp"
#include "records_location.hpp"
#include "tools/common/command_line.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string_view>

namespace sightline::cli {

namespace {

namespace fs = std::filesystem;
namespace cr = credentials;

constexpr int kOk = 0;
constexpr int kInvalid = 1;
constexpr int kUsage = 2;

using i18n::tr;
using i18n::tr_n;

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

// TRANSLATORS: the end of `sightline cert --help`; keep each line under 80 columns and the
// file, command and option names as they are.
const char* cert_footer() {
    return tr("verify checks a signed credential (the .json written next to each PDF) offline\n"
              "and prints 'valid' or 'invalid: <reason>'. PUBLIC_KEY (the provider's, from\n"
              "'sightline provider show': z6Mk..., did:key:z6Mk... or 64 hex digits) makes\n"
              "it also check who signed; without it the key named in the credential is used.\n"
              "issue checks the completion rules (every required scenario completed, passing\n"
              "score, active time, attestation) and replays each of the learner's attempts at\n"
              "the course against the bundle (refusing one that was edited or played on\n"
              "another edition of the courses, with the reason), then signs, stores and writes\n"
              "certificate-<CODE>.pdf and .json into DIR (default <data-dir>/certificates).\n"
              "--records postgresql://... reads and writes an organisation's shared records on\n"
              "its server instead of a folder (run issue on the administrator's computer, which\n"
              "holds the provider key); issue and reprint then need --out DIR.\n"
              "list shows every issued certificate; reprint writes one again from the stored\n"
              "credential (its id and code never change); attest records the learner's\n"
              "statement that they completed the training themselves, after they confirm it.\n"
              "revoke records a revocation; status-list writes the signed W3C Bitstring Status\n"
              "List that the provider publishes at its --status-url, and 'verify --status-list'\n"
              "checks a certificate against it offline.\n"
              "Exit codes: 0 ok; 1 invalid or revoked credential, learner not eligible, an\n"
              "attempt refused by replay, already issued or attestation declined; 2 usage\n"
              "error or unreadable input.\n");
}

// Options of one subcommand: --name VALUE pairs, --flags and positional words.
struct Options {
    std::map<std::string, std::string> values;
    std::set<std::string> flags;
    std::vector<std::string> positional;

    std::string get(const std::string& name) const {
        const auto it = values.find(name);
        return it == values.end() ? std::string() : it->second;
    }
    bool has(const std::string& name) const { return values.count(name) > 0; }
};

int usage_error(const Environment& env, std::string_view command, const std::string& message) {
    // TRANSLATORS: a usage error. {1} the command (cert issue), {2} what is wrong, {3} the
    // command whose help to see (cert).
    env.err << i18n::format(tr("sightline {1}: {2} (see 'sightline {3} --help')"),
                            {command, message, command.substr(0, command.find(' '))})
            << '\n';
    return kUsage;
}

// What was typed where nothing more is taken.
std::string unexpected(const std::string& argument) {
    // TRANSLATORS: {1} what was typed.
    return i18n::format(tr("unexpected argument '{1}'"), {argument});
}

// Lines "label value" with the values one column after the longest label,
// whatever the language: `sightline provider show`, `cert verify`.
class Fields {
  public:
    explicit Fields(std::initializer_list<const char*> labels) {
        for (const char* label : labels) {
            width_ = std::max(width_, characters(label) + 1);
        }
    }

    std::string operator()(const char* label, const std::string& value) const {
        return label + std::string(width_ - std::min(width_, characters(label)), ' ') + value +
               '\n';
    }

  private:
    static std::size_t characters(std::string_view text) {
        return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
            return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        }));
    }

    std::size_t width_ = 0;
};

// A table heading padded to `width` characters (at least one space after it).
std::string column(const char* heading, std::size_t width) {
    const std::size_t characters =
        static_cast<std::size_t>(std::count_if(heading, heading + std::strlen(heading), [](char c) {
            return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        }));
    return heading + std::string(characters < width ? width - characters : 1, ' ');
}

fs::path config_dir(const Options& o) {
    return o.has("config-dir") ? fs::path(o.get("config-dir")) : records::default_config_dir();
}

fs::path data_dir(const Options& o) {
    return o.has("data-dir") ? fs::path(o.get("data-dir")) : records::default_data_dir();
}

// The records --data-dir or --records names (records_location.hpp). Throws
// records::RecordsError, also for a location that may not be used.
std::unique_ptr<records::Store> open_records(const Options& o) {
    const RecordsLocation location{o.get("data-dir"), o.get("records")};
    if (const std::string wrong = check_records_location(location); !wrong.empty()) {
        throw records::RecordsError(wrong);
    }
    return open_records_store(location);
}

// Where issue and reprint write the PDF and JSON: --out, else the records
// folder's certificates/. Records on a server have no folder on this
// computer, so there --out is required; nullopt then.
std::optional<fs::path> out_dir(const Options& o) {
    if (o.has("out")) {
        return fs::path(o.get("out"));
    }
    if (o.has("records")) {
        return std::nullopt;
    }
    return data_dir(o) / "certificates";
}

const char* out_required() {
    return tr("with --records, give --out DIR: the folder on this computer to write the "
              "certificate into");
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

// The string at `at` in a credential that may be malformed; empty when absent.
std::string text_at(const nlohmann::json& credential, const nlohmann::json::json_pointer& at) {
    return credential.contains(at) && credential[at].is_string() ? credential[at].get<std::string>()
                                                                 : std::string();
}

// The issuer's id, whether `issuer` is a string or an object.
std::string issuer_of(const nlohmann::json& credential) {
    return credential.contains("issuer") && credential["issuer"].is_string()
               ? text_at(credential, "/issuer"_json_pointer)
               : text_at(credential, "/issuer/id"_json_pointer);
}

// The key a did:web credential's issuer publishes, from the text of its did.json.
cr::PublicKey key_from_did_document(const std::string& document, const nlohmann::json& credential) {
    return cr::key_from_did_document(document, issuer_of(credential),
                                     text_at(credential, "/proof/verificationMethod"_json_pointer));
}

int cert_verify(const Options& o, const Environment& env) {
    if (o.positional.size() != 1) {
        return usage_error(env, "cert verify", tr("expected exactly one credential file"));
    }
    std::optional<cr::PublicKey> key;
    if (o.has("key")) {
        key = cr::parse_public_key(o.get("key"));
        if (!key) {
            return usage_error(env, "cert verify",
                               tr("--key is not an Ed25519 public key (z6Mk..., did:key:z6Mk... "
                                  "or 64 hex digits)"));
        }
    }
    if (o.has("did-document") && key) {
        return usage_error(env, "cert verify", tr("give --key or --did-document, not both"));
    }
    // Files that cannot be read are usage errors (2); what they say is judged below (1).
    std::string text, did_document;
    try {
        text = cr::read_file_limited(o.positional[0], cr::kMaxCredentialBytes);
        if (o.has("did-document")) {
            did_document = cr::read_file_limited(o.get("did-document"), cr::kMaxCredentialBytes);
        }
    } catch (const cr::CredentialError& e) {
        env.err << "sightline cert verify: " << e.what() << '\n';
        return kUsage;
    }
    nlohmann::json credential;
    try {
        credential = cr::parse_strict_json(text);
        if (o.has("did-document")) {
            key = key_from_did_document(did_document, credential);
        }
    } catch (const cr::CredentialError& e) { // JsonError too: "malformed JSON at byte ..."
        // TRANSLATORS: cert verify's verdict; {1} why.
        env.out << i18n::format(tr("invalid: {1}"), {e.what()}) << '\n';
        return kInvalid;
    }
    const cr::Verification result = cr::verify_credential(credential, key);
    if (!result.valid) {
        env.out << i18n::format(tr("invalid: {1}"), {result.reason}) << '\n';
        return kInvalid;
    }
    std::optional<cr::StatusCheck> status;
    if (o.has("status-list")) {
        try {
            status = cr::check_status(
                credential, result.signer,
                cr::read_file_limited(o.get("status-list"), cr::kMaxCredentialBytes));
        } catch (const cr::CredentialError& e) {
            // TRANSLATORS: {1} why.
            env.err << "sightline cert verify: "
                    << i18n::format(tr("cannot check the status: {1}"), {e.what()}) << '\n';
            return kUsage;
        }
    }
    if (status && status->revoked) {
        // TRANSLATORS: cert verify's verdict. {1} the status list's address, {2} when it was
        // issued, {3} the certificate's place in it.
        env.out << i18n::format(tr("revoked: the provider revoked this certificate (status list "
                                   "{1} of {2}, index {3})"),
                                {status->entry.list_url, status->list_issued,
                                 std::to_string(status->entry.index)})
                << '\n';
    } else {
        // TRANSLATORS: cert verify's verdict: the credential's signature and contents check out.
        env.out << tr("valid") << '\n';
    }
    // TRANSLATORS: labels in front of values, aligned by the program; keep the colon.
    const char* credential_label = tr("credential:");
    const char* issuer = tr("issuer:");
    const char* issuer_id = tr("issuer id:");
    const char* signed_by = tr("signed by:");
    const char* fingerprint = tr("fingerprint:");
    const char* proof = tr("proof:");
    const char* digest = tr("digest:");
    const char* status_label = tr("status:");
    const Fields field{credential_label, issuer, issuer_id, signed_by,
                       fingerprint,      proof,  digest,    status_label};
    env.out << field(credential_label, result.credential_id) << field(issuer, result.issuer_name)
            << field(issuer_id, issuer_of(credential))
            << field(signed_by, cr::did_key(result.signer))
            << field(fingerprint, cr::fingerprint(result.signer))
            << field(proof, result.cryptosuite) << field(digest, "sha256:" + result.digest);
    if (status) {
        // TRANSLATORS: {1} when the status list was issued.
        env.out << field(status_label,
                         i18n::format(status->revoked ? tr("revoked (status list of {1})")
                                                      : tr("not revoked (status list of {1})"),
                                      {status->list_issued}));
    } else if (const auto entry = cr::status_entry_of(credential)) {
        // TRANSLATORS: {1} the address of the provider's status list.
        env.out << field(status_label,
                         i18n::format(tr("not checked; the provider publishes it at {1} (check "
                                         "it with --status-list)"),
                                      {entry->list_url}));
    }
    if (result.cryptosuite != cr::cryptosuite_name(cr::kIssuingCryptosuite)) {
        // TRANSLATORS: {1} the name of a signature scheme (a cryptosuite).
        env.out << i18n::format(tr("note: issued with {1}, which only Sightline verifies; "
                                   "reissue it for Open Badges verifiers"),
                                {result.cryptosuite})
                << '\n';
    }
    if (!key) {
        env.out << tr("note: checked against the key the credential names; compare the "
                      "fingerprint with the provider's, or pass --key")
                << '\n';
    }
    return status && status->revoked ? kInvalid : kOk;
}

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

// Finds the course in the bundle (--bundle or the one installed next to the
// executable); prints why not and returns nullopt.
struct LoadedCourse {
    bundle::LoadedBundle bundle;
    std::size_t index = 0;
    const model::Course& course() const { return bundle.model.courses[index]; }
};

std::optional<LoadedCourse> load_course(const Options& o, const Environment& env,
                                        std::string_view command) {
    const fs::path path =
        o.has("bundle") ? fs::path(o.get("bundle")) : default_bundle_path(env.executable);
    LoadedCourse loaded;
    try {
        loaded.bundle = bundle::read_bundle_file(path);
    } catch (const bundle::BundleError& e) {
        env.err << "sightline " << command << ": " << e.what() << '\n';
        return std::nullopt;
    }
    const auto& courses = loaded.bundle.model.courses;
    const auto found = std::find_if(courses.begin(), courses.end(), [&](const model::Course& c) {
        return c.id == o.get("course");
    });
    loaded.index = static_cast<std::size_t>(found - courses.begin());
    if (found == courses.end()) {
        // TRANSLATORS: {1} a course's id, {2} a bundle file.
        env.err << "sightline " << command << ": "
                << i18n::format(tr("no course '{1}' in {2}"), {o.get("course"), path.string()})
                << '\n';
        return std::nullopt;
    }
    return loaded;
}

int cert_issue(const Options& o, const Environment& env) {
    if (!o.positional.empty() || o.get("learner").empty() || o.get("course").empty()) {
        return usage_error(env, "cert issue", tr("needs --learner ID and --course ID"));
    }
    if (!out_dir(o)) {
        return usage_error(env, "cert issue", out_required());
    }
    std::optional<LoadedCourse> loaded = load_course(o, env, "cert issue");
    if (!loaded) {
        return kUsage;
    }
    try {
        const cr::Provider provider = cr::load_provider(config_dir(o), true);
        const std::unique_ptr<records::Store> store = open_records(o);
        cr::IssueOptions options;
        options.out_dir = *out_dir(o);
        options.bundle_hash = loaded->bundle.content_hash();
        const cr::IssuedCertificate issued = learning::issue_certificate(
            *store, loaded->bundle.model, loaded->course(), o.get("learner"), provider, options);
        // TRANSLATORS: {1} a certificate's id, {2} its verification code.
        env.out << i18n::format(tr("issued certificate {1} (verification code {2})"),
                                {issued.certificate.id, issued.certificate.verification_code})
                << '\n'
                // TRANSLATORS: {1} a file written.
                << i18n::format(tr("wrote {1}"), {issued.files.pdf.string()}) << '\n'
                << i18n::format(tr("wrote {1}"), {issued.files.json.string()}) << '\n';
        return kOk;
    } catch (const cr::NotEligible& e) {
        env.err << "sightline cert issue: " << e.what() << '\n';
        return kInvalid;
    } catch (const cr::AlreadyIssued& e) {
        // TRANSLATORS: {1} why, {2} the certificate's id.
        env.err << "sightline cert issue: "
                << i18n::format(tr("{1}; use 'sightline cert reprint {2}'"),
                                {e.what(), e.existing().id})
                << '\n';
        return kInvalid;
    } catch (const learning::AttemptRefused& e) {
        // A forged or edited attempt (or one of another edition): nothing is issued.
        env.err << "sightline cert issue: " << e.what() << '\n';
        return kInvalid;
    } catch (const cr::CredentialError& e) {
        env.err << "sightline cert issue: " << e.what() << '\n';
        return kUsage;
    } catch (const records::RecordsError& e) {
        env.err << "sightline cert issue: " << e.what() << '\n';
        return kUsage;
    }
}

int cert_list(const Options& o, const Environment& env) {
    if (!o.positional.empty()) {
        return usage_error(env, "cert list", unexpected(o.positional[0]));
    }
    try {
        const std::unique_ptr<records::Store> store = open_records(o);
        const std::vector<records::Certificate> certificates = store->certificates();
        if (certificates.empty()) {
            // TRANSLATORS: {1} where the records are.
            env.out << i18n::format(tr("no certificates issued (records: {1})"),
                                    {store->location()})
                    << '\n';
            return kOk;
        }
        // TRANSLATORS: the column headings of `sightline cert list`: the date issued, the
        // verification code, the certificate's id, "learner name / course id".
        env.out << column(tr("cert list", "issued"), 12) << column(tr("cert list", "code"), 11)
                << column(tr("cert list", "certificate id"), 38)
                << tr("cert list", "learner / course") << '\n';
        for (const records::Certificate& c : certificates) {
            const std::optional<records::Learner> learner = store->learner(c.learner_id);
            const std::string date =
                cr::format_timestamp(c.issued, cr::local_offset_minutes(c.issued)).substr(0, 10);
            env.out << date << "  " << c.verification_code << "  " << c.id << "  "
                    << (learner ? learner->display_name : tr("(learner deleted)")) << " / "
                    << c.course_id;
            if (c.revoked) {
                // TRANSLATORS: after a revoked certificate in `sightline cert list`; {1} the
                // reason.
                env.out << "  " << i18n::format(tr("REVOKED: {1}"), {c.revocation_reason});
            }
            env.out << '\n';
        }
    } catch (const records::RecordsError& e) {
        env.err << "sightline cert list: " << e.what() << '\n';
        return kUsage;
    }
    return kOk;
}

int cert_reprint(const Options& o, const Environment& env) {
    if (o.positional.size() != 1) {
        return usage_error(env, "cert reprint",
                           tr("expected one certificate id or verification code"));
    }
    if (!out_dir(o)) {
        return usage_error(env, "cert reprint", out_required());
    }
    try {
        const std::unique_ptr<records::Store> store = open_records(o);
        const std::optional<records::Certificate> certificate = store->certificate(o.positional[0]);
        if (!certificate) {
            env.err << "sightline cert reprint: "
                    << i18n::format(tr("no certificate '{1}' in {2}"),
                                    {o.positional[0], store->location()})
                    << '\n';
            return kUsage;
        }
        const fs::path out = *out_dir(o);
        // The QR code opens the provider's verification page, as it is set now.
        std::string verify_url;
        if (fs::exists(cr::provider_dir(config_dir(o)) / "provider.json")) {
            verify_url = cr::load_provider(config_dir(o), false).links.verify_url;
        }
        const cr::CertificateFiles files =
            cr::write_certificate_files(*certificate, out, verify_url);
        // TRANSLATORS: {1} a certificate's id, {2} its verification code.
        env.out << i18n::format(tr("reprinted certificate {1} (verification code {2})"),
                                {certificate->id, certificate->verification_code})
                << '\n'
                << i18n::format(tr("wrote {1}"), {files.pdf.string()}) << '\n'
                << i18n::format(tr("wrote {1}"), {files.json.string()}) << '\n';
    } catch (const cr::CredentialError& e) {
        env.err << "sightline cert reprint: " << e.what() << '\n';
        return kUsage;
    } catch (const records::RecordsError& e) {
        env.err << "sightline cert reprint: " << e.what() << '\n';
        return kUsage;
    }
    return kOk;
}

int cert_attest(const Options& o, const Environment& env) {
    if (!o.positional.empty() || o.get("learner").empty() || o.get("course").empty()) {
        return usage_error(env, "cert attest", tr("needs --learner ID and --course ID"));
    }
    std::optional<LoadedCourse> loaded = load_course(o, env, "cert attest");
    if (!loaded) {
        return kUsage;
    }
    try {
        const std::unique_ptr<records::Store> store = open_records(o);
        const std::optional<records::Learner> learner = store->learner(o.get("learner"));
        if (!learner) {
            // TRANSLATORS: {1} a learner's id, {2} where the records are.
            env.err << "sightline cert attest: "
                    << i18n::format(tr("no learner '{1}' in {2}"),
                                    {o.get("learner"), store->location()})
                    << '\n';
            return kUsage;
        }
        // TRANSLATORS: labels in front of values, aligned by the program; keep the colon.
        const char* learner_label = tr("Learner:");
        const char* course_label = tr("Course:");
        const Fields field{learner_label, course_label};
        env.out << field(learner_label, learner->display_name)
                // The course's title in the language of the rest, where the bundle has it.
                << field(course_label, model::in_language(loaded->bundle.model, i18n::language())
                                           .courses[loaded->index]
                                           .title)
                << "\"" << learning::attestation_statement_shown()
                << "\"\n" // as recorded
                // TRANSLATORS: y and N are the answers; "y" (context "short answer") and "yes"
                // (context "word to type") translated are accepted too.
                << tr("Do you confirm this statement? [y/N] ") << std::flush;
        std::string answer;
        std::getline(env.in, answer);
        std::transform(answer.begin(), answer.end(), answer.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        while (!answer.empty() && (answer.back() == ' ' || answer.back() == '\r')) {
            answer.pop_back();
        }
        if (!env.input_is_terminal) {
            env.out << answer << '\n';
        }
        // TRANSLATORS: the one-letter answer that confirms, "y" in [y/N].
        if (answer != "y" && answer != "yes" && answer != tr("short answer", "y") &&
            answer != tr("word to type", "yes")) {
            env.out << tr("not recorded: the statement was not confirmed") << '\n';
            return kInvalid;
        }
        const records::TimeMs now = records::now_ms();
        learning::attest(*store, learner->id, loaded->course().id, now);
        // TRANSLATORS: {1} the date and time the statement was recorded.
        env.out << i18n::format(tr("recorded at {1}"),
                                {cr::format_timestamp(now, cr::local_offset_minutes(now))})
                << '\n';
    } catch (const records::RecordsError& e) {
        env.err << "sightline cert attest: " << e.what() << '\n';
        return kUsage;
    }
    return kOk;
}

} // namespace

namespace {

// One subcommand's options as credentials' functions read them: --name VALUE
// pairs, --flags and positional words.
struct Declared {
    CLI::App* app = nullptr;
    std::map<std::string, std::string> values; // CLI11 writes here
    std::map<std::string, bool> flags;
    std::vector<std::string> positional;
    int (*run)(const Options&, const Environment&) = nullptr;

    Options options() const {
        Options o;
        for (const auto& [name, value] : values) {
            if (app->get_option("--" + name)->count() > 0) {
                o.values[name] = value;
            }
        }
        for (const auto& [name, set] : flags) {
            if (set) {
                o.flags.insert(name);
            }
        }
        o.positional = positional;
        return o;
    }
};

struct Option {
    const char* name;
    const char* value; // nullptr: a flag
    const char* help;
};

// The options several subcommands share, in the program's language.
Option config_dir_option() {
    return {"config-dir", "DIR",
            tr("the provider's folder (default $SIGHTLINE_CONFIG_DIR or ~/.config/sightline)")};
}
Option data_dir_option() {
    return {"data-dir", "DIR",
            tr("the learner records (default $SIGHTLINE_DATA_DIR or ~/.local/share/sightline)")};
}
Option learner_option() {
    return {"learner", "ID", tr("the learner's id (see sightline records list)")};
}
Option course_option() {
    return {"course", "ID", tr("the course's id")};
}
Option bundle_option() {
    return {"bundle", "FILE", tr("the courses (default: the courses installed with sightline)")};
}
Option records_option() {
    return {"records", "URI", records_help()};
}
Option out_option() {
    return {"out", "DIR",
            tr("write the PDF and JSON here (default <data-dir>/certificates; required with "
               "--records)")};
}

using Declarations = std::vector<std::shared_ptr<Declared>>;

void declare(CLI::App& parent, Declarations& all, const char* name, const char* summary,
             int (*run)(const Options&, const Environment&), std::initializer_list<Option> options,
             const char* positional = nullptr, const char* positional_help = nullptr) {
    auto d = std::make_shared<Declared>();
    d->app = parent.add_subcommand(name, summary);
    d->app->footer(parent.get_footer());
    d->run = run;
    for (const Option& option : options) {
        const std::string flag = std::string("--") + option.name;
        if (option.value == nullptr) {
            d->app->add_flag(flag, d->flags[option.name], option.help);
        } else {
            d->app->add_option(flag, d->values[option.name], option.help)->type_name(option.value);
        }
    }
    if (positional != nullptr) {
        d->app->add_option(positional, d->positional, positional_help)->type_name(positional);
    }
    all.push_back(std::move(d));
}

CommandRun runner(CLI::App* group, Declarations all, std::string usage) {
    return [group, all = std::move(all), usage = std::move(usage)](const Environment& env) {
        for (const auto& d : all) {
            if (d->app->parsed()) {
                return d->run(d->options(), env);
            }
        }
        env.err << usage << "\n" << command_line::help(*group);
        return kUsage;
    };
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

CommandRun add_cert_command(CLI::App& sightline) {
    CLI::App* cert = sightline.add_subcommand(
        "cert", tr("certificates for licensing credit: verify, issue, list, reprint, attest, "
                   "revoke, status-list"));
    cert->footer(cert_footer());
    cert->require_subcommand(0, 1);
    Declarations all;
    declare(*cert, all, "verify", tr("check a signed credential offline"), cert_verify,
            {{"key", "PUBLIC_KEY",
              tr("the provider's public key (z6Mk..., did:key:z6Mk... or 64 hex digits)")},
             {"did-document", "FILE",
              tr("the did:web provider's did.json (from https://DOMAIN/.well-known/did.json)")},
             {"status-list", "FILE",
              tr("the provider's published status list: also check the certificate was not "
                 "revoked")}},
            "FILE.json", tr("the credential (the .json next to each certificate PDF)"));
    declare(*cert, all, "issue",
            tr("check the completion rules, then sign and write a certificate"), cert_issue,
            {learner_option(), course_option(), out_option(), bundle_option(), data_dir_option(),
             records_option(), config_dir_option()});
    declare(*cert, all, "list", tr("every issued certificate"), cert_list,
            {data_dir_option(), records_option()});
    declare(*cert, all, "reprint", tr("write an issued certificate again (same ids, same bytes)"),
            cert_reprint, {out_option(), data_dir_option(), records_option(), config_dir_option()},
            "ID|CODE", tr("the certificate's id or verification code"));
    declare(
        *cert, all, "revoke", tr("record that a certificate is revoked, with the reason"),
        cert_revoke,
        {{"reason", "TEXT", tr("why (kept in the records)")}, data_dir_option(), records_option()},
        "ID|CODE", tr("the certificate's id or verification code"));
    declare(*cert, all, "status-list", tr("write the signed status list to publish"),
            cert_status_list,
            {{"out", "FILE", tr("where to write the BitstringStatusListCredential")},
             data_dir_option(),
             records_option(),
             config_dir_option()});
    declare(
        *cert, all, "attest",
        tr("record the learner's statement that they did the training themselves"), cert_attest,
        {learner_option(), course_option(), bundle_option(), data_dir_option(), records_option()});
    return runner(cert, std::move(all),
                  std::string("sightline cert: ") +
                      // TRANSLATORS: the subcommands' names stay in English.
                      tr("which command? verify, issue, list, reprint, attest, revoke or "
                         "status-list"));
}

} // namespace sightline::cli
