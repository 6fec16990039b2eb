#include "credentials/credential.hpp"

#include "credentials/contexts.hpp"
#include "credentials/cryptosuite.hpp"
#include "credentials/jcs.hpp"
#include "credentials/status_list.hpp"
#include "credentials/timestamps.hpp"
#include "i18n/i18n.hpp"

#include <sodium.h>

#include <cmath>
#include <cstdlib>

namespace sightline::credentials {

using i18n::tr;

using ojson = nlohmann::ordered_json;
using json = nlohmann::json;

namespace {

// Thrown inside verification; becomes the reason.
struct Invalid {
    std::string reason;
};

std::string join_path(std::string_view path, std::string_view name) {
    return path.empty() ? std::string(name) : std::string(path) + "." + std::string(name);
}

const json& need(const json& parent, std::string_view name, std::string_view path = {}) {
    const auto it = parent.find(name);
    if (it == parent.end()) {
        // TRANSLATORS: {1} a credential's field (proof.type), as it is.
        throw Invalid{i18n::format(tr("missing field {1}"), {join_path(path, name)})};
    }
    return *it;
}

const json& need_object(const json& parent, std::string_view name, std::string_view path = {}) {
    const json& value = need(parent, name, path);
    if (!value.is_object()) {
        // TRANSLATORS: {1} a credential's field (proof.type), as it is.
        throw Invalid{i18n::format(tr("{1} must be an object"), {join_path(path, name)})};
    }
    return value;
}

const std::string& need_string(const json& parent, std::string_view name,
                               std::string_view path = {}) {
    const json& value = need(parent, name, path);
    if (!value.is_string()) {
        // TRANSLATORS: {1} a credential's field (proof.type), as it is.
        throw Invalid{i18n::format(tr("{1} must be a string"), {join_path(path, name)})};
    }
    return value.get_ref<const std::string&>();
}

std::string optional_string(const json& parent, std::string_view name, std::string_view path) {
    const auto it = parent.find(name);
    if (it == parent.end()) {
        return {};
    }
    if (!it->is_string()) {
        throw Invalid{i18n::format(tr("{1} must be a string"), {join_path(path, name)})};
    }
    return it->get<std::string>();
}

bool contains_string(const json& value, std::string_view wanted) {
    if (value.is_string()) {
        return value.get_ref<const std::string&>() == wanted;
    }
    if (value.is_array()) {
        for (const json& v : value) {
            if (v.is_string() && v.get_ref<const std::string&>() == wanted) {
                return true;
            }
        }
    }
    return false;
}

std::string short_fingerprint(const PublicKey& key) {
    return fingerprint(key).substr(0, 19);
}

Verification check(const json& doc, const std::optional<PublicKey>& expected_key) {
    if (!doc.is_object()) {
        throw Invalid{tr("the credential is not a JSON object")};
    }
    const json& context = need(doc, "@context");
    if (!context.is_array() || context.empty() || context[0] != kVcContextUrl) {
        // TRANSLATORS: {1} a URL; @context is a field name, as it is.
        throw Invalid{
            i18n::format(tr("@context must be an array starting with {1}"), {kVcContextUrl})};
    }
    if (!contains_string(need(doc, "type"), "VerifiableCredential")) {
        throw Invalid{tr("type must include VerifiableCredential")};
    }
    const std::string& id = need_string(doc, "id");
    const json& issuer = need(doc, "issuer");
    std::string issuer_id, issuer_name;
    if (issuer.is_string()) {
        issuer_id = issuer.get<std::string>();
    } else if (issuer.is_object()) {
        issuer_id = need_string(issuer, "id", "issuer");
        issuer_name = optional_string(issuer, "name", "issuer");
    } else {
        throw Invalid{tr("issuer must be a string or an object")};
    }
    if (!is_timestamp(need_string(doc, "validFrom"))) {
        throw Invalid{tr("validFrom is not a date and time (YYYY-MM-DDThh:mm:ssZ)")};
    }
    need_object(doc, "credentialSubject");
    const json& proof = need(doc, "proof");
    if (!proof.is_object()) {
        throw Invalid{tr("proof must be one object")};
    }
    if (need_string(proof, "type", "proof") != "DataIntegrityProof") {
        throw Invalid{tr("proof.type must be DataIntegrityProof")};
    }
    const std::optional<Cryptosuite> suite =
        parse_cryptosuite(need_string(proof, "cryptosuite", "proof"));
    if (!suite) {
        throw Invalid{tr("proof.cryptosuite must be eddsa-rdfc-2022 (or, for certificates issued "
                         "before it, eddsa-jcs-2022)")};
    }
    if (need_string(proof, "proofPurpose", "proof") != "assertionMethod") {
        throw Invalid{tr("proof.proofPurpose must be assertionMethod")};
    }
    const std::string& method = need_string(proof, "verificationMethod", "proof");
    const std::string& proof_value = need_string(proof, "proofValue", "proof");
    if (proof.contains("created") &&
        !(proof["created"].is_string() &&
          is_timestamp(proof["created"].get_ref<const std::string&>()))) {
        throw Invalid{tr("proof.created is not a date and time")};
    }
    if (const auto it = proof.find("@context"); it != proof.end()) {
        // The proof's context must be the document's, or the start of it.
        if (!it->is_array() || it->size() > context.size() ||
            !std::equal(it->begin(), it->end(), context.begin())) {
            throw Invalid{tr("proof.@context does not match the credential's @context")};
        }
    }

    // Which key the proof says signed it.
    std::optional<PublicKey> named_key;
    if (method.starts_with("did:key:")) {
        named_key = parse_public_key(method);
        if (!named_key) {
            throw Invalid{tr("proof.verificationMethod is not an Ed25519 did:key")};
        }
    } else if (const std::size_t hash = method.find('#'); hash != std::string::npos) {
        named_key = parse_public_key(std::string_view(method).substr(hash + 1));
    }
    PublicKey key{};
    if (expected_key) {
        if (named_key && *named_key != *expected_key) {
            // TRANSLATORS: {1} and {2} the start of two keys' fingerprints (A181 2F0C ...).
            throw Invalid{
                i18n::format(tr("wrong key: signed with key {1}..., not the expected "
                                "key {2}..."),
                             {short_fingerprint(*named_key), short_fingerprint(*expected_key)})};
        }
        key = *expected_key;
    } else {
        if (!method.starts_with("did:key:")) {
            // TRANSLATORS: {1} a verification method (did:web:...#key); the options stay.
            throw Invalid{i18n::format(tr("proof.verificationMethod {1} cannot be resolved "
                                          "offline; give the provider's key with --key or its "
                                          "DID document with --did-document"),
                                       {method})};
        }
        const std::string did = method.substr(0, method.find('#'));
        if (did != issuer_id) {
            // TRANSLATORS: {1} the DID of the key that signed, {2} the issuer's DID.
            throw Invalid{i18n::format(tr("the proof's key ({1}) is not the issuer's ({2})"),
                                       {did, issuer_id})};
        }
        key = *named_key;
    }

    const auto signature_bytes =
        proof_value.starts_with('z')
            ? base58btc_decode(std::string_view(proof_value).substr(1), 128)
            : std::nullopt;
    if (!signature_bytes || signature_bytes->size() != 64) {
        throw Invalid{tr("proof.proofValue is not a base58btc Ed25519 signature")};
    }
    Signature signature{};
    std::copy(signature_bytes->begin(), signature_bytes->end(), signature.begin());

    json document = doc;
    document.erase("proof");
    json config = proof;
    config.erase("proofValue");
    config["@context"] = context;
    std::array<std::uint8_t, 64> data{};
    try {
        data = hash_data(*suite, config, document);
    } catch (const CredentialError& e) {
        throw Invalid{e.what()};
    }
    if (!verify_signature(key, data, signature)) {
        throw Invalid{tr("bad signature (the credential or its proof was changed after signing, "
                         "or it was signed with another key)")};
    }
    Verification result;
    result.valid = true;
    result.signer = key;
    result.credential_id = id;
    result.issuer_name = issuer_name;
    result.digest = to_hex(sha256(canonicalize(doc)));
    result.cryptosuite = cryptosuite_name(*suite);
    return result;
}

} // namespace

namespace {

// The contact is an email address, or else said in the issuer's description.
bool is_email(std::string_view text) {
    const std::size_t at = text.find('@');
    return at != std::string_view::npos && at > 0 && at + 1 < text.size() &&
           text.find_first_of(" \t\n,;<>") == std::string_view::npos;
}

constexpr std::string_view kContactPrefix = "Contact: ";
constexpr std::string_view kAttestedPrefix = "Attested at ";
constexpr std::string_view kApprovalPrefix = "\n\nApproval: ";
constexpr std::string_view kRulesPrefix = "\n\nDesigned to meet:";
constexpr std::string_view kRuleBullet = "\n- ";

// The criteria narrative: the completion rules, the compliance rules the course
// is designed to meet (one per line), and the course's approval statement.
std::string narrative_of(const CertificateFacts& f) {
    std::string text = f.criteria;
    if (!f.rules.empty()) {
        text += kRulesPrefix;
        for (const std::string& rule : f.rules) {
            text += kRuleBullet;
            text += rule;
        }
    }
    if (!f.course_approval.empty()) {
        text += kApprovalPrefix;
        text += f.course_approval;
    }
    return text;
}

// The reverse of narrative_of.
void read_narrative(const std::string& narrative, CertificateFacts& f) {
    const std::size_t approval = narrative.find(kApprovalPrefix);
    std::string criteria = narrative.substr(0, approval);
    if (approval != std::string::npos) {
        f.course_approval = narrative.substr(approval + kApprovalPrefix.size());
    }
    if (const std::size_t rules = criteria.find(kRulesPrefix); rules != std::string::npos) {
        std::string_view list = std::string_view(criteria).substr(rules + kRulesPrefix.size());
        while (list.starts_with(kRuleBullet)) {
            list.remove_prefix(kRuleBullet.size());
            const std::size_t end = list.find(kRuleBullet);
            f.rules.emplace_back(list.substr(0, end));
            list = end == std::string_view::npos ? std::string_view() : list.substr(end);
        }
        criteria.resize(rules);
    }
    f.criteria = std::move(criteria);
}
constexpr std::string_view kLicenceNumberType = "ext:licenseNumber";
constexpr std::string_view kLicenceStateType = "ext:licenseState";

ojson identity(std::string_view value, std::string_view type) {
    return {{"type", "IdentityObject"},
            {"identityHash", value},
            {"identityType", type},
            {"hashed", false}};
}

} // namespace

// Every member is a term the pinned contexts define (contexts.hpp), so the
// credential passes JSON-LD safe mode: the learner's attestation is Open Badges
// evidence, licence details are identity objects of the subject, the signatory is
// the issuer's official, and the verification code is printed on the PDF only.
ojson build_credential(const CertificateFacts& f) {
    ojson c;
    c["@context"] = ojson::array({kVcContextUrl, kObContextUrl});
    c["id"] = "urn:uuid:" + f.certificate_id;
    c["type"] = ojson::array({"VerifiableCredential", "OpenBadgeCredential"});
    c["name"] = "Certificate of completion: " + f.course_title;

    ojson issuer;
    issuer["id"] = f.issuer_id;
    issuer["type"] = ojson::array({"Profile"});
    issuer["name"] = f.provider.organisation;
    if (!f.provider.contact.empty()) {
        if (is_email(f.provider.contact)) {
            issuer["email"] = f.provider.contact;
        } else {
            issuer["description"] = std::string(kContactPrefix) + f.provider.contact;
        }
    }
    issuer["official"] = f.provider.title.empty() ? f.provider.signatory
                                                  : f.provider.signatory + ", " + f.provider.title;
    if (!f.provider.approval.empty()) {
        issuer["otherIdentifier"] = ojson::array({{{"type", "IdentifierEntry"},
                                                   {"identifier", f.provider.approval},
                                                   {"identifierType", "identifier"}}});
    }
    c["issuer"] = std::move(issuer);
    c["validFrom"] = f.issued;
    c["awardedDate"] = f.issued;
    if (f.status) {
        c["credentialStatus"] = status_entry_json(*f.status);
    }

    ojson achievement;
    achievement["id"] = "urn:sightline:course:" + f.course_id;
    achievement["type"] = ojson::array({"Achievement"});
    achievement["achievementType"] = "CertificateOfCompletion";
    achievement["name"] = f.course_title;
    achievement["description"] = f.course_description;
    achievement["criteria"] = {{"narrative", narrative_of(f)}};
    achievement["creditsAvailable"] = f.credit_hours;
    achievement["tag"] = f.topics;
    if (!f.course_version.empty()) {
        achievement["version"] = f.course_version;
    }
    achievement["inLanguage"] = f.language.empty() ? std::string("en") : f.language;

    ojson subject;
    subject["type"] = ojson::array({"AchievementSubject"});
    ojson identifiers = ojson::array({identity(f.learner_name, "name")});
    if (!f.licence_number.empty()) {
        identifiers.push_back(identity(f.licence_number, kLicenceNumberType));
    }
    if (!f.licence_state.empty()) {
        identifiers.push_back(identity(f.licence_state, kLicenceStateType));
    }
    subject["identifier"] = std::move(identifiers);
    if (!f.profession.empty()) {
        subject["role"] = f.profession;
    }
    subject["creditsEarned"] = f.credit_hours;
    subject["activityEndDate"] = f.completed;
    if (f.score_percent) {
        subject["result"] = ojson::array({{{"type", ojson::array({"Result"})},
                                           {"value", std::to_string(*f.score_percent) + "%"},
                                           {"status", "Completed"}}});
    }
    subject["achievement"] = std::move(achievement);
    c["credentialSubject"] = std::move(subject);
    c["evidence"] =
        ojson::array({{{"type", ojson::array({"Evidence"})},
                       {"name", "The learner's attestation"},
                       {"narrative", f.attestation_statement},
                       {"description", std::string(kAttestedPrefix) + f.attestation_time},
                       {"genre", "Attestation"}}});
    try {
        (void)canonicalize(c); // every string UTF-8, every number finite
    } catch (const JsonError& e) {
        throw CredentialError(std::string("cannot build the credential: ") + e.what());
    }
    return c;
}

ojson sign_credential(ojson credential, const KeyPair& key, std::string_view verification_method,
                      std::string_view created, Cryptosuite suite) {
    credential.erase("proof");
    ojson proof;
    proof["type"] = "DataIntegrityProof";
    proof["cryptosuite"] = cryptosuite_name(suite);
    proof["created"] = created;
    proof["verificationMethod"] = verification_method;
    proof["proofPurpose"] = "assertionMethod";
    json config(proof);
    config["@context"] = json(credential["@context"]);
    const auto data = hash_data(suite, config, json(credential));
    const Signature signature = key.sign(data);
    proof["proofValue"] = "z" + base58btc_encode(signature);
    credential["proof"] = std::move(proof);
    return credential;
}

std::string credential_text(const ojson& credential) {
    try {
        return credential.dump(2, ' ', false, ojson::error_handler_t::strict) + "\n";
    } catch (const ojson::exception&) {
        throw CredentialError(tr("the credential has text that is not valid UTF-8"));
    }
}

Verification verify_credential(const json& credential,
                               const std::optional<PublicKey>& expected_key) {
    try {
        return check(credential, expected_key);
    } catch (const Invalid& invalid) {
        Verification result;
        result.reason = invalid.reason;
        return result;
    } catch (const JsonError& e) {
        Verification result;
        result.reason = e.what();
        return result;
    }
}

Verification verify_credential_text(std::string_view text,
                                    const std::optional<PublicKey>& expected_key) {
    json doc;
    try {
        doc = parse_strict_json(text);
    } catch (const JsonError& e) {
        Verification result;
        result.reason = e.what();
        return result;
    }
    return verify_credential(doc, expected_key);
}

namespace {

std::string after_prefix(const std::string& text, std::string_view prefix) {
    return text.starts_with(prefix) ? text.substr(prefix.size()) : text;
}

// The issuer, the subject's licence details and the attestation as issued since
// eddsa-rdfc-2022 (build_credential).
void read_current_shape(const json& c, CertificateFacts& f) {
    const json& issuer = need_object(c, "issuer");
    if (const std::string email = optional_string(issuer, "email", "issuer"); !email.empty()) {
        f.provider.contact = email;
    } else {
        f.provider.contact =
            after_prefix(optional_string(issuer, "description", "issuer"), kContactPrefix);
    }
    f.provider.signatory = need_string(issuer, "official", "issuer");
    if (const auto it = issuer.find("otherIdentifier"); it != issuer.end()) {
        if (!it->is_array() || it->empty() || !(*it)[0].is_object()) {
            throw Invalid{"issuer.otherIdentifier must be a list of identifier entries"};
        }
        f.provider.approval = need_string((*it)[0], "identifier", "issuer.otherIdentifier[0]");
    }

    const json& s = need_object(c, "credentialSubject");
    const json& identifiers = need(s, "identifier", "credentialSubject");
    if (!identifiers.is_array() || identifiers.empty()) {
        throw Invalid{"credentialSubject.identifier must be a list of identity objects"};
    }
    for (const json& entry : identifiers) {
        if (!entry.is_object()) {
            throw Invalid{"credentialSubject.identifier must be a list of identity objects"};
        }
        const std::string& type =
            need_string(entry, "identityType", "credentialSubject.identifier");
        const std::string& value =
            need_string(entry, "identityHash", "credentialSubject.identifier");
        if (type == "name" && f.learner_name.empty()) {
            f.learner_name = value;
        } else if (type == kLicenceNumberType) {
            f.licence_number = value;
        } else if (type == kLicenceStateType) {
            f.licence_state = value;
        }
    }
    if (f.learner_name.empty()) {
        throw Invalid{"credentialSubject.identifier has no name"};
    }
    f.profession = optional_string(s, "role", "credentialSubject");

    const json& evidence = need(c, "evidence");
    if (!evidence.is_array() || evidence.empty() || !evidence[0].is_object()) {
        throw Invalid{"evidence must be a list with the learner's attestation"};
    }
    f.attestation_statement = need_string(evidence[0], "narrative", "evidence[0]");
    f.attestation_time =
        after_prefix(need_string(evidence[0], "description", "evidence[0]"), kAttestedPrefix);

    const json& a = need_object(s, "achievement", "credentialSubject");
    const std::string narrative =
        need_string(need_object(a, "criteria", "credentialSubject.achievement"), "narrative",
                    "credentialSubject.achievement.criteria");
    read_narrative(narrative, f);
    const json& tags = need(a, "tag", "credentialSubject.achievement");
    if (!tags.is_array()) {
        throw Invalid{"credentialSubject.achievement.tag must be a list"};
    }
    for (const json& tag : tags) {
        if (!tag.is_string()) {
            throw Invalid{"credentialSubject.achievement.tag must be a list of strings"};
        }
        f.topics.push_back(tag.get<std::string>());
    }
}

// The same facts as eddsa-jcs-2022 certificates carried them, in members the Open
// Badges contexts do not define (verificationCode, signatory, attestation, ...).
void read_first_shape(const json& c, CertificateFacts& f) {
    f.verification_code = need_string(c, "verificationCode");
    const json& issuer = need_object(c, "issuer");
    f.provider.approval = optional_string(issuer, "approvalNumber", "issuer");
    f.provider.contact = optional_string(issuer, "contact", "issuer");
    const json& signatory = need_object(issuer, "signatory", "issuer");
    f.provider.signatory = need_string(signatory, "name", "issuer.signatory");
    f.provider.title = need_string(signatory, "title", "issuer.signatory");

    const json& s = need_object(c, "credentialSubject");
    const std::string sp = "credentialSubject";
    const json& identifiers = need(s, "identifier", sp);
    if (!identifiers.is_array() || identifiers.empty() || !identifiers[0].is_object()) {
        throw Invalid{"credentialSubject.identifier must be a list of identity objects"};
    }
    f.learner_name = need_string(identifiers[0], "identityHash", sp + ".identifier[0]");
    f.profession = optional_string(s, "profession", sp);
    f.licence_number = optional_string(s, "licenseNumber", sp);
    f.licence_state = optional_string(s, "licenseState", sp);
    const json& attestation = need_object(s, "attestation", sp);
    f.attestation_statement = need_string(attestation, "statement", sp + ".attestation");
    f.attestation_time = need_string(attestation, "time", sp + ".attestation");

    const std::string ap = sp + ".achievement";
    const json& a = need_object(s, "achievement", sp);
    f.criteria = need_string(need_object(a, "criteria", ap), "narrative", ap + ".criteria");
    const json& topics = need(a, "topics", ap);
    if (!topics.is_array()) {
        throw Invalid{ap + ".topics must be a list"};
    }
    for (const json& topic : topics) {
        if (!topic.is_string()) {
            throw Invalid{ap + ".topics must be a list of strings"};
        }
        f.topics.push_back(topic.get<std::string>());
    }
    f.course_approval = optional_string(a, "approval", ap);
}

} // namespace

CertificateFacts facts_from_credential(const json& c) {
    try {
        CertificateFacts f;
        const std::string& id = need_string(c, "id");
        if (!id.starts_with("urn:uuid:")) {
            throw Invalid{"id is not a urn:uuid"};
        }
        f.certificate_id = id.substr(9);
        f.issued = need_string(c, "validFrom");
        const json& issuer = need_object(c, "issuer");
        f.issuer_id = need_string(issuer, "id", "issuer");
        f.provider.organisation = need_string(issuer, "name", "issuer");
        if (c.contains("verificationCode")) {
            read_first_shape(c, f);
        } else {
            read_current_shape(c, f);
        }

        const json& s = need_object(c, "credentialSubject");
        const std::string sp = "credentialSubject";
        const json& credits = need(s, "creditsEarned", sp);
        if (!credits.is_number()) {
            throw Invalid{"credentialSubject.creditsEarned must be a number"};
        }
        f.credit_hours = credits.get<double>();
        f.completed = need_string(s, "activityEndDate", sp);
        if (const auto it = s.find("result"); it != s.end()) {
            if (!it->is_array() || it->empty() || !(*it)[0].is_object()) {
                throw Invalid{"credentialSubject.result must be a list of results"};
            }
            const std::string& value = need_string((*it)[0], "value", sp + ".result[0]");
            char* end = nullptr;
            const long percent = std::strtol(value.c_str(), &end, 10);
            if (end == value.c_str() || std::string_view(end) != "%" || percent < 0 ||
                percent > 100) {
                throw Invalid{"credentialSubject.result[0].value is not a percentage"};
            }
            f.score_percent = static_cast<int>(percent);
        }

        const std::string ap = sp + ".achievement";
        const json& a = need_object(s, "achievement", sp);
        const std::string& achievement_id = need_string(a, "id", ap);
        constexpr std::string_view kCoursePrefix = "urn:sightline:course:";
        f.course_id = achievement_id.starts_with(kCoursePrefix)
                          ? achievement_id.substr(kCoursePrefix.size())
                          : achievement_id;
        f.course_title = need_string(a, "name", ap);
        f.course_description = need_string(a, "description", ap);
        f.course_version = optional_string(a, "version", ap);
        f.language = optional_string(a, "inLanguage", ap);
        if (f.language.empty()) {
            f.language = "en";
        }
        try {
            f.status = status_entry_of(c);
        } catch (const CredentialError& e) {
            throw Invalid{e.what()};
        }
        if (const auto proof = c.find("proof"); proof != c.end() && proof->is_object()) {
            f.cryptosuite = optional_string(*proof, "cryptosuite", "proof");
        }
        return f;
    } catch (const Invalid& invalid) {
        // TRANSLATORS: {1} what is wrong with it.
        throw CredentialError(
            i18n::format(tr("not a Sightline certificate: {1}"), {invalid.reason}));
    }
}

std::string credential_digest(const json& credential) {
    return to_hex(sha256(canonicalize(credential)));
}

std::string qr_payload(std::string_view verify_url, std::string_view verification_code) {
    if (verify_url.empty()) {
        return std::string(verification_code);
    }
    std::string url(verify_url);
    if (const std::size_t at = url.find("{code}"); at != std::string::npos) {
        return url.replace(at, 6, verification_code);
    }
    return url + (url.find('?') == std::string::npos ? "?code=" : "&code=") +
           std::string(verification_code);
}

} // namespace sightline::credentials
