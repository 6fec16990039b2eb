#include "credentials/provider.hpp"

#include "credentials/files.hpp"
#include "credentials/jcs.hpp"
#include "credentials/timestamps.hpp"
#include "records/paths.hpp"
#include "records/records.hpp"

#include <nlohmann/json.hpp>

#include <sys/stat.h>

namespace sightline::credentials {

namespace fs = std::filesystem;

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
            throw CredentialError(file.string() + ": missing field \"" + name + "\"");
        }
        return {};
    }
    if (!it->is_string()) {
        throw CredentialError(file.string() + ": field \"" + name + "\" must be a string");
    }
    return it->get<std::string>();
}

} // namespace

std::string Provider::verification_method() const {
    return did() + "#" + public_multibase(public_key);
}

fs::path provider_dir(const fs::path& config_dir) {
    return config_dir / "provider";
}

Provider init_provider(const fs::path& config_dir, const ProviderInfo& info, bool force,
                       std::int64_t created_ms) {
    if (trimmed(info.organisation).empty()) {
        throw CredentialError("the organisation name must not be empty");
    }
    if (trimmed(info.signatory).empty()) {
        throw CredentialError("the signatory's name must not be empty");
    }
    const fs::path dir = provider_dir(config_dir);
    const fs::path json_file = dir / "provider.json";
    const fs::path key_file = dir / "signing-key";
    std::error_code error;
    if (!force && (fs::exists(json_file, error) || fs::exists(key_file, error))) {
        throw CredentialError("a provider already exists in " + dir.string() +
                              "; use --force to replace it (certificates signed with the old key "
                              "will then only verify against the old key)");
    }
    Provider provider;
    provider.info = {trimmed(info.organisation), trimmed(info.approval), trimmed(info.contact),
                     trimmed(info.signatory), trimmed(info.title)};
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
    std::string text;
    try {
        text = json.dump(2, ' ', false, nlohmann::json::error_handler_t::strict) + "\n";
    } catch (const nlohmann::json::exception&) {
        throw CredentialError("the provider details are not valid UTF-8 text");
    }
    try {
        records::ensure_private_dir(config_dir);
        records::ensure_private_dir(dir);
        std::string secret = provider.key->secret_multibase() + "\n";
        records::write_private_file(key_file, secret);
        std::fill(secret.begin(), secret.end(), '\0');
        records::write_private_file(json_file, text);
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
        throw CredentialError("no provider configured in " + dir.string() +
                              " (create one with 'sightline provider init')");
    }
    nlohmann::json json;
    try {
        json = parse_strict_json(read_file_limited(json_file, kMaxProviderFile));
    } catch (const JsonError& e) {
        throw CredentialError(json_file.string() + ": " + e.what());
    }
    if (!json.is_object()) {
        throw CredentialError(json_file.string() + ": not a JSON object");
    }
    Provider provider;
    provider.info.organisation = field(json, "organisation", json_file, true);
    provider.info.approval = field(json, "approval", json_file, false);
    provider.info.contact = field(json, "contact", json_file, false);
    provider.info.signatory = field(json, "signatory", json_file, true);
    provider.info.title = field(json, "title", json_file, false);
    provider.created = field(json, "created", json_file, false);
    const std::string key_text = field(json, "publicKeyMultibase", json_file, true);
    const std::optional<PublicKey> key = parse_public_key(key_text);
    if (!key || key_text.front() != 'z') {
        throw CredentialError(json_file.string() +
                              ": publicKeyMultibase is not an Ed25519 Multikey (z6Mk...)");
    }
    provider.public_key = *key;
    if (!with_signing_key) {
        return provider;
    }
    const fs::path key_file = dir / "signing-key";
    struct stat st {};
    if (::stat(key_file.c_str(), &st) != 0) {
        throw CredentialError(key_file.string() + ": the signing key is missing");
    }
    if ((st.st_mode & 077) != 0) {
        throw CredentialError(key_file.string() +
                              ": the signing key is readable by other users; make it owner-only "
                              "(chmod 600) before signing with it");
    }
    std::string secret = read_file_limited(key_file, 1024);
    std::optional<KeyPair> pair = parse_secret_multibase(trimmed(secret));
    std::fill(secret.begin(), secret.end(), '\0');
    if (!pair) {
        throw CredentialError(key_file.string() +
                              ": not an Ed25519 secret key (Multikey secretKeyMultibase)");
    }
    if (pair->public_key() != provider.public_key) {
        throw CredentialError(key_file.string() +
                              ": the signing key does not match the public key in " +
                              json_file.string());
    }
    provider.key = std::move(pair);
    return provider;
}

} // namespace sightline::credentials
