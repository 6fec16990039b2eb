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
#include "learning/credit.hpp"
#include "records/paths.hpp"
#include "records/store.hpp"
#include "records_location.hpp"
#include "tools/common/command_line.hpp"

#include <algorithm>
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

constexpr const char* kProviderFooter =
    "init creates the training provider's details and an Ed25519 key pair in\n"
    "<config-dir>/provider/: provider.json and signing-key (owner-only). It refuses to\n"
    "replace an existing provider without --force.\n"
    "show prints the details, the public key as a Multikey (base58btc, 'z6Mk...'),\n"
    "the issuer id (did:key) and the key's fingerprint: SHA-256 of the 32 key bytes\n"
    "in groups of four hex digits. Publish the key or fingerprint so that licensing\n"
    "boards and employers can check certificates with 'sightline cert verify --key'.\n"
    "Exit codes: 0 ok, 2 usage error or unreadable configuration.\n";

constexpr const char* kCertFooter =
    "verify checks a signed credential (the .json written next to each PDF) offline\n"
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
    "error or unreadable input.\n";

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
    env.err << "sightline " << command << ": " << message << " (see 'sightline "
            << command.substr(0, command.find(' ')) << " --help')\n";
    return kUsage;
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

constexpr const char* kOutRequired =
    "with --records, give --out DIR: the folder on this computer to write the certificate into";

int provider_init(const Options& o, const Environment& env) {
    if (!o.positional.empty()) {
        return usage_error(env, "provider init", "unexpected argument '" + o.positional[0] + "'");
    }
    for (const char* required : {"organisation", "contact", "signatory", "title"}) {
        if (o.get(required).empty()) {
            return usage_error(env, "provider init", std::string("--") + required + " is required");
        }
    }
    const cr::ProviderInfo info{o.get("organisation"), o.get("approval"), o.get("contact"),
                                o.get("signatory"), o.get("title")};
    const cr::ProviderLinks links{o.get("did-web"), o.get("status-url"), o.get("verify-url")};
    try {
        const cr::Provider provider = cr::init_provider(
            config_dir(o), info, links, o.flags.count("force") > 0, records::now_ms());
        const fs::path dir = cr::provider_dir(config_dir(o));
        env.out << "created the provider " << provider.info.organisation << " in " << dir.string()
                << '\n'
                << "issuer id:   " << provider.did() << '\n'
                << "public key:  " << cr::public_multibase(provider.public_key) << '\n'
                << "fingerprint: " << cr::fingerprint(provider.public_key) << '\n';
        if (!provider.links.did_web_domain.empty()) {
            env.out << "publish " << (dir / "did.json").string() << " at https://"
                    << provider.links.did_web_domain << "/.well-known/did.json\n";
        }
        if (!provider.links.status_list_url.empty()) {
            env.out << "publish the status list ('sightline cert status-list') at "
                    << provider.links.status_list_url << '\n';
        }
    } catch (const cr::CredentialError& e) {
        env.err << "sightline provider init: " << e.what() << '\n';
        return kUsage;
    }
    return kOk;
}

int provider_show(const Options& o, const Environment& env) {
    if (!o.positional.empty()) {
        return usage_error(env, "provider show", "unexpected argument '" + o.positional[0] + "'");
    }
    try {
        const cr::Provider p = cr::load_provider(config_dir(o), false);
        env.out << "organisation: " << p.info.organisation << '\n'
                << "approval:     " << (p.info.approval.empty() ? "(none)" : p.info.approval)
                << '\n'
                << "contact:      " << p.info.contact << '\n'
                << "signatory:    " << p.info.signatory
                << (p.info.title.empty() ? "" : ", " + p.info.title) << '\n'
                << "created:      " << p.created << '\n'
                << "public key:   " << cr::public_multibase(p.public_key)
                << "  (Ed25519 Multikey, base58btc)\n"
                << "hex:          " << cr::to_hex(p.public_key) << '\n'
                << "issuer id:    " << p.did() << '\n'
                << "fingerprint:  " << cr::fingerprint(p.public_key) << "  (SHA-256 of the key)\n"
                << "status list:  "
                << (p.links.status_list_url.empty() ? "(none: certificates cannot be revoked)"
                                                    : p.links.status_list_url)
                << '\n'
                << "verify page:  "
                << (p.links.verify_url.empty() ? "(none: the QR code carries the code)"
                                               : p.links.verify_url)
                << '\n';
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
        return usage_error(env, "cert verify", "expected exactly one credential file");
    }
    std::optional<cr::PublicKey> key;
    if (o.has("key")) {
        key = cr::parse_public_key(o.get("key"));
        if (!key) {
            return usage_error(env, "cert verify",
                               "--key is not an Ed25519 public key (z6Mk..., did:key:z6Mk... or "
                               "64 hex digits)");
        }
    }
    if (o.has("did-document") && key) {
        return usage_error(env, "cert verify", "give --key or --did-document, not both");
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
        env.out << "invalid: " << e.what() << '\n';
        return kInvalid;
    }
    const cr::Verification result = cr::verify_credential(credential, key);
    if (!result.valid) {
        env.out << "invalid: " << result.reason << '\n';
        return kInvalid;
    }
    std::optional<cr::StatusCheck> status;
    if (o.has("status-list")) {
        try {
            status = cr::check_status(
                credential, result.signer,
                cr::read_file_limited(o.get("status-list"), cr::kMaxCredentialBytes));
        } catch (const cr::CredentialError& e) {
            env.err << "sightline cert verify: cannot check the status: " << e.what() << '\n';
            return kUsage;
        }
    }
    if (status && status->revoked) {
        env.out << "revoked: the provider revoked this certificate (status list "
                << status->entry.list_url << " of " << status->list_issued << ", index "
                << status->entry.index << ")\n";
    } else {
        env.out << "valid\n";
    }
    env.out << "credential:  " << result.credential_id << '\n'
            << "issuer:      " << result.issuer_name << '\n'
            << "issuer id:   " << issuer_of(credential) << '\n'
            << "signed by:   " << cr::did_key(result.signer) << '\n'
            << "fingerprint: " << cr::fingerprint(result.signer) << '\n'
            << "proof:       " << result.cryptosuite << '\n'
            << "digest:      sha256:" << result.digest << '\n';
    if (status) {
        env.out << "status:      " << (status->revoked ? "revoked" : "not revoked")
                << " (status list of " << status->list_issued << ")\n";
    } else if (const auto entry = cr::status_entry_of(credential)) {
        env.out << "status:      not checked; the provider publishes it at " << entry->list_url
                << " (check it with --status-list)\n";
    }
    if (result.cryptosuite != cr::cryptosuite_name(cr::kIssuingCryptosuite)) {
        env.out << "note: issued with " << result.cryptosuite
                << ", which only Sightline verifies; reissue it for Open Badges verifiers\n";
    }
    if (!key) {
        env.out << "note: checked against the key the credential names; compare the "
                   "fingerprint with the provider's, or pass --key\n";
    }
    return status && status->revoked ? kInvalid : kOk;
}

int cert_revoke(const Options& o, const Environment& env) {
    if (o.positional.size() != 1) {
        return usage_error(env, "cert revoke", "expected one certificate id or verification code");
    }
    if (o.get("reason").empty()) {
        return usage_error(env, "cert revoke", "--reason is required (it is kept in the records)");
    }
    try {
        const std::unique_ptr<records::Store> store = open_records(o);
        const std::optional<records::Certificate> found = store->certificate(o.positional[0]);
        if (!found) {
            env.err << "sightline cert revoke: no certificate '" << o.positional[0] << "' in "
                    << store->location() << '\n';
            return kUsage;
        }
        if (found->revoked) {
            env.out << "certificate " << found->id << " was already revoked at "
                    << cr::format_timestamp(*found->revoked,
                                            cr::local_offset_minutes(*found->revoked))
                    << ": " << found->revocation_reason << '\n';
            return kOk;
        }
        const records::TimeMs now = records::now_ms();
        const records::Certificate revoked =
            store->revoke_certificate(found->id, now, o.get("reason"));
        env.out << "revoked certificate " << revoked.id << " (verification code "
                << revoked.verification_code << ") at "
                << cr::format_timestamp(now, cr::local_offset_minutes(now)) << '\n';
        if (revoked.status_index) {
            env.out << "publish the new status list so that verifiers see it: sightline cert "
                       "status-list --out FILE, then put FILE at "
                    << revoked.status_list << '\n';
        } else {
            env.out << "note: this certificate was issued without a status list entry, so "
                       "verifiers cannot learn of the revocation from it; tell the licensing "
                       "board or employer who received it\n";
        }
    } catch (const records::RecordsError& e) {
        env.err << "sightline cert revoke: " << e.what() << '\n';
        return kUsage;
    }
    return kOk;
}

int cert_status_list(const Options& o, const Environment& env) {
    if (!o.positional.empty() || o.get("out").empty()) {
        return usage_error(env, "cert status-list", "needs --out FILE");
    }
    try {
        const cr::Provider provider = cr::load_provider(config_dir(o), true);
        const std::string& url = provider.links.status_list_url;
        if (url.empty()) {
            env.err << "sightline cert status-list: the provider has no status list URL (set "
                       "one with 'sightline provider init --status-url URL')\n";
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
        env.out << "wrote " << o.get("out") << ": " << revoked.size() << " revoked of "
                << cr::kStatusListBits << " entries, signed " << issued << '\n'
                << "publish it at " << url << '\n';
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
        env.err << "sightline " << command << ": no course '" << o.get("course") << "' in "
                << path.string() << '\n';
        return std::nullopt;
    }
    return loaded;
}

int cert_issue(const Options& o, const Environment& env) {
    if (!o.positional.empty() || o.get("learner").empty() || o.get("course").empty()) {
        return usage_error(env, "cert issue", "needs --learner ID and --course ID");
    }
    if (!out_dir(o)) {
        return usage_error(env, "cert issue", kOutRequired);
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
        env.out << "issued certificate " << issued.certificate.id << " (verification code "
                << issued.certificate.verification_code << ")\n"
                << "wrote " << issued.files.pdf.string() << '\n'
                << "wrote " << issued.files.json.string() << '\n';
        return kOk;
    } catch (const cr::NotEligible& e) {
        env.err << "sightline cert issue: " << e.what() << '\n';
        return kInvalid;
    } catch (const cr::AlreadyIssued& e) {
        env.err << "sightline cert issue: " << e.what() << "; use 'sightline cert reprint "
                << e.existing().id << "'\n";
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
        return usage_error(env, "cert list", "unexpected argument '" + o.positional[0] + "'");
    }
    try {
        const std::unique_ptr<records::Store> store = open_records(o);
        const std::vector<records::Certificate> certificates = store->certificates();
        if (certificates.empty()) {
            env.out << "no certificates issued (records: " << store->location() << ")\n";
            return kOk;
        }
        env.out
            << "issued      code       certificate id                        learner / course\n";
        for (const records::Certificate& c : certificates) {
            const std::optional<records::Learner> learner = store->learner(c.learner_id);
            const std::string date =
                cr::format_timestamp(c.issued, cr::local_offset_minutes(c.issued)).substr(0, 10);
            env.out << date << "  " << c.verification_code << "  " << c.id << "  "
                    << (learner ? learner->display_name : "(learner deleted)") << " / "
                    << c.course_id << (c.revoked ? "  REVOKED: " + c.revocation_reason : "")
                    << '\n';
        }
    } catch (const records::RecordsError& e) {
        env.err << "sightline cert list: " << e.what() << '\n';
        return kUsage;
    }
    return kOk;
}

int cert_reprint(const Options& o, const Environment& env) {
    if (o.positional.size() != 1) {
        return usage_error(env, "cert reprint", "expected one certificate id or verification code");
    }
    if (!out_dir(o)) {
        return usage_error(env, "cert reprint", kOutRequired);
    }
    try {
        const std::unique_ptr<records::Store> store = open_records(o);
        const std::optional<records::Certificate> certificate = store->certificate(o.positional[0]);
        if (!certificate) {
            env.err << "sightline cert reprint: no certificate '" << o.positional[0] << "' in "
                    << store->location() << '\n';
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
        env.out << "reprinted certificate " << certificate->id << " (verification code "
                << certificate->verification_code << ")\n"
                << "wrote " << files.pdf.string() << '\n'
                << "wrote " << files.json.string() << '\n';
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
        return usage_error(env, "cert attest", "needs --learner ID and --course ID");
    }
    std::optional<LoadedCourse> loaded = load_course(o, env, "cert attest");
    if (!loaded) {
        return kUsage;
    }
    try {
        const std::unique_ptr<records::Store> store = open_records(o);
        const std::optional<records::Learner> learner = store->learner(o.get("learner"));
        if (!learner) {
            env.err << "sightline cert attest: no learner '" << o.get("learner") << "' in "
                    << store->location() << '\n';
            return kUsage;
        }
        env.out << "Learner: " << learner->display_name << '\n'
                << "Course:  " << loaded->course().title << '\n'
                << "\"" << learning::attestation_statement_shown() << "\"\n" // as recorded
                << "Do you confirm this statement? [y/N] " << std::flush;
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
        if (answer != "y" && answer != "yes") {
            env.out << "not recorded: the statement was not confirmed\n";
            return kInvalid;
        }
        const records::TimeMs now = records::now_ms();
        learning::attest(*store, learner->id, loaded->course().id, now);
        env.out << "recorded at " << cr::format_timestamp(now, cr::local_offset_minutes(now))
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

constexpr Option kConfigDir{
    "config-dir", "DIR",
    "the provider's folder (default $SIGHTLINE_CONFIG_DIR or ~/.config/sightline)"};
constexpr Option kDataDir{
    "data-dir", "DIR",
    "the learner records (default $SIGHTLINE_DATA_DIR or ~/.local/share/sightline)"};
constexpr Option kLearner{"learner", "ID", "the learner's id (see sightline records list)"};
constexpr Option kCourse{"course", "ID", "the course's id"};
constexpr Option kBundle{"bundle", "FILE",
                         "the courses (default: the courses installed with sightline)"};
constexpr Option kRecords{"records", "URI", kRecordsHelp};
constexpr Option kOut{"out", "DIR",
                      "write the PDF and JSON here (default <data-dir>/certificates; required "
                      "with --records)"};

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

CommandRun runner(CLI::App* group, Declarations all, std::string_view usage) {
    return [group, all = std::move(all), usage](const Environment& env) {
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
    CLI::App* provider = sightline.add_subcommand(
        "provider", "the training provider's details and the key that signs certificates");
    provider->footer(kProviderFooter);
    provider->require_subcommand(0, 1);
    Declarations all;
    declare(*provider, all, "init", "create the provider's details and an Ed25519 key pair",
            provider_init,
            {{"organisation", "NAME", "the training provider's name"},
             {"approval", "NUMBER", "the provider's approval number with the licensing board"},
             {"contact", "CONTACT", "an email address or phone number"},
             {"signatory", "NAME", "who signs the certificates"},
             {"title", "TITLE", "the signatory's title"},
             {"did-web", "DOMAIN",
              "issue as did:web:DOMAIN (publish the did.json written next to provider.json "
              "at https://DOMAIN/.well-known/did.json); default: the key's did:key"},
             {"status-url", "URL",
              "where you will publish the status list (sightline cert status-list); "
              "certificates issued from then on can be revoked"},
             {"verify-url", "URL",
              "your certificate verification page; the PDF's QR code opens it with the "
              "certificate's code ({code} in URL, else ?code=)"},
             {"force", nullptr, "replace an existing provider (and its key)"},
             kConfigDir});
    declare(*provider, all, "show", "the details, the public key and its fingerprint",
            provider_show, {kConfigDir});
    return runner(provider, std::move(all), "sightline provider: which command? init or show");
}

CommandRun add_cert_command(CLI::App& sightline) {
    CLI::App* cert = sightline.add_subcommand(
        "cert", "certificates for licensing credit: verify, issue, list, reprint, attest, revoke, "
                "status-list");
    cert->footer(kCertFooter);
    cert->require_subcommand(0, 1);
    Declarations all;
    declare(*cert, all, "verify", "check a signed credential offline", cert_verify,
            {{"key", "PUBLIC_KEY",
              "the provider's public key (z6Mk..., did:key:z6Mk... or 64 hex digits)"},
             {"did-document", "FILE",
              "the did:web provider's did.json (from https://DOMAIN/.well-known/did.json)"},
             {"status-list", "FILE",
              "the provider's published status list: also check the certificate was not "
              "revoked"}},
            "FILE.json", "the credential (the .json next to each certificate PDF)");
    declare(*cert, all, "issue", "check the completion rules, then sign and write a certificate",
            cert_issue, {kLearner, kCourse, kOut, kBundle, kDataDir, kRecords, kConfigDir});
    declare(*cert, all, "list", "every issued certificate", cert_list, {kDataDir, kRecords});
    declare(*cert, all, "reprint", "write an issued certificate again (same ids, same bytes)",
            cert_reprint, {kOut, kDataDir, kRecords, kConfigDir}, "ID|CODE",
            "the certificate's id or verification code");
    declare(*cert, all, "revoke", "record that a certificate is revoked, with the reason",
            cert_revoke, {{"reason", "TEXT", "why (kept in the records)"}, kDataDir, kRecords},
            "ID|CODE", "the certificate's id or verification code");
    declare(*cert, all, "status-list", "write the signed status list to publish", cert_status_list,
            {{"out", "FILE", "where to write the BitstringStatusListCredential"},
             kDataDir,
             kRecords,
             kConfigDir});
    declare(*cert, all, "attest",
            "record the learner's statement that they did the training themselves", cert_attest,
            {kLearner, kCourse, kBundle, kDataDir, kRecords});
    return runner(cert, std::move(all),
                  "sightline cert: which command? verify, issue, list, reprint, attest, revoke or "
                  "status-list");
}

} // namespace sightline::cli
