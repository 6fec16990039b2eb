// `sightline cert verify`: checks a signed credential offline (signature,
// issuer key, optionally the published status list) and prints the verdict.
#include "cert_subcommands.hpp"
#include "credentials/credential.hpp"
#include "credentials/error.hpp"
#include "credentials/files.hpp"
#include "credentials/jcs.hpp"
#include "credentials/keys.hpp"
#include "credentials/provider.hpp"
#include "credentials/status_list.hpp"
#include "i18n/i18n.hpp"

#include <optional>

namespace sightline::cli::credentials_cli {

namespace cr = credentials;

using i18n::tr;

namespace {

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

} // namespace

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

} // namespace sightline::cli::credentials_cli
