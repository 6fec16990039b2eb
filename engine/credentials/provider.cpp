#include "credentials/provider.hpp"

#include "credentials/files.hpp"
#include "credentials/jcs.hpp"
#include "credentials/timestamps.hpp"
#include "i18n/i18n.hpp"
#include "records/paths.hpp"
#include "records/records.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <sys/stat.h>

namespace sightline::credentials {

namespace fs = std::filesystem;
using i18n::tr;

namespace {

constexpr std::size_t kMaxProviderFile = 64 * 1024;

std::string trimmed(std::string_view text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) {
        text.remove_suffix(1);
    }
    while (!text.empty() && text.front() == ' ') {
        text.remove_prefix(1);
    }
    return std::string(text);
}

std::string field(const nlohmann::json& json, const char* name, const fs::path& file,
                  bool required) {
    const auto it = json.find(name);
    if (it == json.end()) {
        if (required) {
            // TRANSLATORS: {1} a file, {2} a field name of provider.json, as it is.
            throw CredentialError(
                i18n::format(tr("{1}: missing field \"{2}\""), {file.string(), name}));
        }
        return {};
    }
    if (!it->is_string()) {
        // TRANSLATORS: {1} a file, {2} a field name of provider.json, as it is.
        throw CredentialError(
            i18n::format(tr("{1}: field \"{2}\" must be a string"), {file.string(), name}));
    }
    return it->get<std::string>();
}

// A host name as did:web carries it: labels of letters, digits and hyphens.
// (A port or a path would need percent-encoding; providers publish at a domain.)
bool is_host_name(std::string_view text) {
    if (text.empty() || text.size() > 253 || text.front() == '.' || text.back() == '.' ||
        text.find("..") != std::string_view::npos || text.find('.') == std::string_view::npos) {
        return text == "localhost";
    }
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    });
}

// Verifiers fetch these over the internet, so they must be https (a local
// server for testing may be http://localhost or http://127.0.0.1).
void check_url(std::string_view url, std::string_view option) {
    const bool https = url.starts_with("https://") && url.size() > 8;
    const bool local = url.starts_with("http://localhost") || url.starts_with("http://127.0.0.1");
    if (!(https || local) || url.find_first_of(" \t\n\"<>") != std::string_view::npos) {
        // TRANSLATORS: {1} an option (--status-url), {2} the URL given.
        throw CredentialError(i18n::format(tr("{1} must be an https:// URL: {2}"), {option, url}));
    }
}

constexpr std::string_view kDidContext = "https://www.w3.org/ns/did/v1";
constexpr std::string_view kMultikeyContext = "https://w3id.org/security/multikey/v1";

} // namespace

std::string Provider::did() const {
    return links.did_web_domain.empty() ? did_key(public_key) : "did:web:" + links.did_web_domain;
}

std::string Provider::verification_method() const {
    return did() + "#" + public_multibase(public_key);
}

fs::path provider_dir(const fs::path& config_dir) {
    return config_dir / "provider";
}

Provider init_provider(const fs::path& config_dir, const ProviderInfo& info,
                       const ProviderLinks& links, bool force, std::int64_t created_ms) {
    if (trimmed(info.organisation).empty()) {
        throw CredentialError(tr("the organisation name must not be empty"));
    }
    if (trimmed(info.signatory).empty()) {
        throw CredentialError(tr("the signatory's name must not be empty"));
    }
    ProviderLinks checked{trimmed(links.did_web_domain), trimmed(links.status_list_url),
                          trimmed(links.verify_url)};
    std::transform(checked.did_web_domain.begin(), checked.did_web_domain.end(),
                   checked.did_web_domain.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (!checked.did_web_domain.empty() && !is_host_name(checked.did_web_domain)) {
        // TRANSLATORS: {1} what was given.
        throw CredentialError(
            i18n::format(tr("--did-web must be a domain name such as training.example.org: {1}"),
                         {checked.did_web_domain}));
    }
    if (!checked.status_list_url.empty()) {
        check_url(checked.status_list_url, "--status-url");
    }
    if (!checked.verify_url.empty()) {
        check_url(checked.verify_url, "--verify-url");
    }
    const fs::path dir = provider_dir(config_dir);
    const fs::path json_file = dir / "provider.json";
    const fs::path key_file = dir / "signing-key";
    const fs::path did_file = dir / "did.json";
    std::error_code error;
    if (!force && (fs::exists(json_file, error) || fs::exists(key_file, error))) {
        // TRANSLATORS: {1} a folder.
        throw CredentialError(
            i18n::format(tr("a provider already exists in {1}; use --force to replace it "
                            "(certificates signed with the old key will then only verify against "
                            "the old key)"),
                         {dir.string()}));
    }
    Provider provider;
    provider.info = {trimmed(info.organisation), trimmed(info.approval), trimmed(info.contact),
                     trimmed(info.signatory), trimmed(info.title)};
    provider.links = checked;
    provider.key = KeyPair::generate();
    provider.public_key = provider.key->public_key();
    provider.created = format_timestamp(created_ms);

    nlohmann::ordered_json json;
    json["organisation"] = provider.info.organisation;
    json["approval"] = provider.info.approval;
    json["contact"] = provider.info.contact;
    json["signatory"] = provider.info.signatory;
    json["title"] = provider.info.title;
    json["publicKeyMultibase"] = public_multibase(provider.public_key);
    json["id"] = provider.did();
    json["created"] = provider.created;
    json["didWebDomain"] = provider.links.did_web_domain;
    json["statusListUrl"] = provider.links.status_list_url;
    json["verifyUrl"] = provider.links.verify_url;
    std::string text, did_text;
    try {
        text = json.dump(2, ' ', false, nlohmann::json::error_handler_t::strict) + "\n";
        did_text = did_document(provider).dump(2) + "\n";
    } catch (const nlohmann::json::exception&) {
        throw CredentialError(tr("the provider details are not valid UTF-8 text"));
    }
    try {
        records::ensure_private_dir(config_dir);
        records::ensure_private_dir(dir);
        std::string secret = provider.key->secret_multibase() + "\n";
        records::write_private_file(key_file, secret);
        std::fill(secret.begin(), secret.end(), '\0');
        records::write_private_file(json_file, text);
        if (provider.links.did_web_domain.empty()) {
            fs::remove(did_file, error); // a replaced did:web provider's
        } else {
            records::write_private_file(did_file, did_text);
        }
    } catch (const records::RecordsError& e) {
        throw CredentialError(e.what());
    }
    return provider;
}

Provider load_provider(const fs::path& config_dir, bool with_signing_key) {
    const fs::path dir = provider_dir(config_dir);
    const fs::path json_file = dir / "provider.json";
    std::error_code error;
    if (!fs::exists(json_file, error)) {
        // TRANSLATORS: {1} a folder; the command stays as it is.
        throw CredentialError(
            i18n::format(tr("no provider configured in {1} (create one with 'sightline provider "
                            "init')"),
                         {dir.string()}));
    }
    nlohmann::json json;
    try {
        json = parse_strict_json(read_file_limited(json_file, kMaxProviderFile));
    } catch (const JsonError& e) {
        throw CredentialError(json_file.string() + ": " + e.what());
    }
    if (!json.is_object()) {
        // TRANSLATORS: {1} a file.
        throw CredentialError(i18n::format(tr("{1}: not a JSON object"), {json_file.string()}));
    }
    Provider provider;
    provider.info.organisation = field(json, "organisation", json_file, true);
    provider.info.approval = field(json, "approval", json_file, false);
    provider.info.contact = field(json, "contact", json_file, false);
    provider.info.signatory = field(json, "signatory", json_file, true);
    provider.info.title = field(json, "title", json_file, false);
    provider.created = field(json, "created", json_file, false);
    provider.links.did_web_domain = field(json, "didWebDomain", json_file, false);
    provider.links.status_list_url = field(json, "statusListUrl", json_file, false);
    provider.links.verify_url = field(json, "verifyUrl", json_file, false);
    if (!provider.links.did_web_domain.empty() && !is_host_name(provider.links.did_web_domain)) {
        // TRANSLATORS: {1} a file; didWebDomain is a field name, as it is.
        throw CredentialError(
            i18n::format(tr("{1}: didWebDomain is not a domain name"), {json_file.string()}));
    }
    const std::string key_text = field(json, "publicKeyMultibase", json_file, true);
    const std::optional<PublicKey> key = parse_public_key(key_text);
    if (!key || key_text.front() != 'z') {
        // TRANSLATORS: {1} a file; publicKeyMultibase is a field name, as it is.
        throw CredentialError(
            i18n::format(tr("{1}: publicKeyMultibase is not an Ed25519 Multikey (z6Mk...)"),
                         {json_file.string()}));
    }
    provider.public_key = *key;
    if (!with_signing_key) {
        return provider;
    }
    const fs::path key_file = dir / "signing-key";
    struct stat st {};
    if (::stat(key_file.c_str(), &st) != 0) {
        // TRANSLATORS: {1} the signing key's file.
        throw CredentialError(
            i18n::format(tr("{1}: the signing key is missing"), {key_file.string()}));
    }
    if ((st.st_mode & 077) != 0) {
        // TRANSLATORS: {1} the signing key's file; chmod 600 is a command, as it is.
        throw CredentialError(i18n::format(tr("{1}: the signing key is readable by other users; "
                                              "make it owner-only (chmod 600) before signing "
                                              "with it"),
                                           {key_file.string()}));
    }
    std::string secret = read_file_limited(key_file, 1024);
    std::optional<KeyPair> pair = parse_secret_multibase(trimmed(secret));
    std::fill(secret.begin(), secret.end(), '\0');
    if (!pair) {
        // TRANSLATORS: {1} the signing key's file.
        throw CredentialError(
            i18n::format(tr("{1}: not an Ed25519 secret key (Multikey secretKeyMultibase)"),
                         {key_file.string()}));
    }
    if (pair->public_key() != provider.public_key) {
        // TRANSLATORS: {1} the signing key's file, {2} the provider's provider.json.
        throw CredentialError(
            i18n::format(tr("{1}: the signing key does not match the public key in {2}"),
                         {key_file.string(), json_file.string()}));
    }
    provider.key = std::move(pair);
    return provider;
}

nlohmann::ordered_json did_document(const Provider& provider) {
    const std::string method = provider.verification_method();
    nlohmann::ordered_json doc;
    doc["@context"] = nlohmann::ordered_json::array({kDidContext, kMultikeyContext});
    doc["id"] = provider.did();
    doc["verificationMethod"] = nlohmann::ordered_json::array(
        {{{"id", method},
          {"type", "Multikey"},
          {"controller", provider.did()},
          {"publicKeyMultibase", public_multibase(provider.public_key)}}});
    doc["assertionMethod"] = nlohmann::ordered_json::array({method});
    return doc;
}

PublicKey key_from_did_document(std::string_view text, std::string_view issuer_did,
                                std::string_view verification_method) {
    nlohmann::json doc;
    try {
        doc = parse_strict_json(text);
    } catch (const JsonError& e) {
        // TRANSLATORS: {1} the JSON parser's reason.
        throw CredentialError(i18n::format(tr("the DID document is not JSON: {1}"), {e.what()}));
    }
    if (!doc.is_object() || doc.value("id", "") != issuer_did) {
        // TRANSLATORS: {1} the issuer's DID (did:web:...).
        throw CredentialError(
            i18n::format(tr("the DID document is not the issuer's ({1})"), {issuer_did}));
    }
    const auto listed = [&](const char* relation) {
        const auto it = doc.find(relation);
        return it != doc.end() && it->is_array() &&
               std::find(it->begin(), it->end(), verification_method) != it->end();
    };
    if (!listed("assertionMethod")) {
        // TRANSLATORS: {1} a verification method (a DID with #key); assertionMethod is a
        // field name, as it is.
        throw CredentialError(i18n::format(
            tr("the DID document does not list {1} for assertionMethod"), {verification_method}));
    }
    const auto methods = doc.find("verificationMethod");
    if (methods != doc.end() && methods->is_array()) {
        for (const nlohmann::json& method : *methods) {
            if (method.is_object() && method.value("id", "") == verification_method) {
                const std::optional<PublicKey> key =
                    parse_public_key(method.value("publicKeyMultibase", ""));
                if (!key) {
                    // TRANSLATORS: {1} a verification method (a DID with #key).
                    throw CredentialError(
                        i18n::format(tr("the DID document's key {1} is not an Ed25519 Multikey"),
                                     {verification_method}));
                }
                return *key;
            }
        }
    }
    // TRANSLATORS: {1} a verification method (a DID with #key).
    throw CredentialError(
        i18n::format(tr("the DID document has no verification method {1}"), {verification_method}));
}

} // namespace sightline::credentials
