#include "credentials/issue.hpp"

#include "credentials/jcs.hpp"
#include "credentials/pdf.hpp"
#include "credentials/status_list.hpp"
#include "credentials/timestamps.hpp"
#include "i18n/i18n.hpp"
#include "records/paths.hpp"
#include "records/uuid.hpp"

#include <sodium.h>

#include <cmath>

namespace sightline::credentials {

namespace fs = std::filesystem;
using i18n::tr;

namespace {

constexpr std::string_view kCodeAlphabet = "ABCDEFGHJKMNPQRSTVWXYZ23456789";

std::string plural(std::int64_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

CertificateFiles file_names(const fs::path& out_dir, std::string_view code) {
    const std::string stem = "certificate-" + std::string(code);
    return {out_dir / (stem + ".pdf"), out_dir / (stem + ".json")};
}

void write_files(const CertificateFiles& files, std::string_view pdf, std::string_view json) {
    try {
        records::ensure_private_dir(files.pdf.parent_path());
        records::write_private_file(files.pdf, pdf);
        records::write_private_file(files.json, json);
    } catch (const records::RecordsError& e) {
        throw CredentialError(e.what());
    }
}

} // namespace

std::string new_verification_code() {
    static const int ready = sodium_init();
    (void)ready;
    std::string code;
    for (int i = 0; i < 8; ++i) {
        if (i == 4) {
            code += '-';
        }
        code +=
            kCodeAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kCodeAlphabet.size()))];
    }
    return code;
}

bool is_verification_code(std::string_view text) {
    if (text.size() != 9 || text[4] != '-') {
        return false;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i != 4 && kCodeAlphabet.find(text[i]) == std::string_view::npos) {
            return false;
        }
    }
    return true;
}

NotEligible::NotEligible(std::vector<std::string> unmet)
    : CredentialError([&] {
          std::string reasons;
          for (std::size_t i = 0; i < unmet.size(); ++i) {
              reasons += (i ? "; " : "") + unmet[i];
          }
          // TRANSLATORS: {1} what is still missing, the rules not yet met separated by "; ".
          return i18n::format(tr("not eligible for a certificate yet: {1}"), {reasons});
      }()),
      unmet_(std::move(unmet)) {}

AlreadyIssued::AlreadyIssued(records::Certificate existing)
    // TRANSLATORS: {1} a certificate's id, {2} its verification code.
    : CredentialError(i18n::format(tr("a certificate was already issued for this learner and "
                                      "course: {1} (verification code {2})"),
                                   {existing.id, existing.verification_code})),
      existing_(std::move(existing)) {}

std::vector<model::Rule> rules_met(const model::Bundle& bundle, const model::Course& course) {
    std::vector<model::Rule> out;
    for (const std::string& id : course.meets) {
        for (const model::Rule& rule : bundle.rules) {
            if (rule.id == id) {
                out.push_back(rule);
            }
        }
    }
    return out;
}

std::string rule_line(const model::Rule& rule) {
    const std::string& title = rule.title.empty() ? rule.id : rule.title;
    return rule.citation.empty() ? title : title + " (" + rule.citation + ")";
}

std::optional<records::Certificate> find_certificate(records::Store& store,
                                                     std::string_view learner_id,
                                                     std::string_view course_id,
                                                     records::TimeMs issued_since) {
    std::optional<records::Certificate> found;
    for (records::Certificate& c : store.certificates()) { // by issue time
        if (c.learner_id == learner_id && c.course_id == course_id && c.issued >= issued_since) {
            found = std::move(c);
        }
    }
    return found;
}

IssuedCertificate issue_certificate(records::Store& store, const model::Course& course,
                                    std::string_view learner_id, const CourseEvidence& evidence,
                                    const Provider& provider, const IssueOptions& options) {
    if (!provider.key) {
        throw CredentialError(tr("the provider's signing key is not loaded"));
    }
    const std::optional<records::Learner> learner = store.learner(learner_id);
    if (!learner) {
        // TRANSLATORS: {1} a learner's id, {2} where the records are.
        throw CredentialError(
            i18n::format(tr("no learner '{1}' in {2}"), {learner_id, store.location()}));
    }
    if (std::optional<records::Certificate> existing =
            find_certificate(store, learner_id, course.id, options.certificates_since)) {
        throw AlreadyIssued(std::move(*existing));
    }
    const auto offset = [&](records::TimeMs t) {
        return options.utc_offset_minutes.value_or(local_offset_minutes(t));
    };
    const auto stamp = [&](records::TimeMs t) { return format_timestamp(t, offset(t)); };

    CertificateFacts f;
    f.certificate_id = records::new_uuid();
    do {
        f.verification_code = new_verification_code();
    } while (store.certificate(f.verification_code));
    f.issued = stamp(options.now);
    f.completed = stamp(evidence.completed);
    f.learner_name = learner->display_name;
    f.profession = learner->profession;
    f.licence_number = learner->licence_number;
    f.licence_state = learner->licence_state;
    f.course_id = course.id;
    f.course_title = course.title;
    f.course_description = course.description;
    f.topics = course.topics;
    f.course_approval = replace_all(course.approval, "[Provider name]", provider.info.organisation);
    f.course_version = options.bundle_hash;
    f.language = evidence.language.empty() ? "en" : evidence.language;
    f.credit_hours = std::round(course.credit_minutes / 60.0 * 100) / 100;
    f.criteria = "Completed all " +
                 plural(evidence.required_total, "required scenario", "required scenarios") +
                 ", scored at least " + std::to_string(course.passing_score) +
                 "% overall, spent at least " + std::to_string(course.credit_minutes) +
                 " minutes of active time on the course, and attested to completing it "
                 "personally.";
    for (const model::Rule& rule : options.rules) {
        f.rules.push_back(rule_line(rule));
    }
    f.score_percent = evidence.score_percent;
    f.attestation_statement = evidence.attestation.statement;
    f.attestation_time = stamp(evidence.attestation.time);
    f.issuer_id = provider.did();
    f.provider = provider.info;
    if (!provider.links.status_list_url.empty()) {
        const std::string& list = provider.links.status_list_url;
        f.status = StatusEntry{list, pick_status_index([&](std::int64_t index) {
                                   return store.status_index_used(list, index);
                               })};
    }

    const nlohmann::ordered_json credential = sign_credential(
        build_credential(f), *provider.key, provider.verification_method(), f.issued);
    const std::string text = credential_text(credential);
    const nlohmann::json stored = parse_strict_json(text);
    // The PDF shows what the credential says, read back as a reprint reads it.
    CertificateFacts printed = facts_from_credential(stored);
    printed.verification_code = f.verification_code;
    const std::string pdf =
        render_certificate_pdf(printed, qr_payload(provider.links.verify_url, f.verification_code));

    IssuedCertificate issued;
    records::Certificate& stored_certificate = issued.certificate;
    stored_certificate.id = f.certificate_id;
    stored_certificate.learner_id = std::string(learner_id);
    stored_certificate.course_id = course.id;
    stored_certificate.issued = options.now;
    stored_certificate.verification_code = f.verification_code;
    stored_certificate.credential_json = text;
    if (f.status) {
        stored_certificate.status_list = f.status->list_url;
        stored_certificate.status_index = f.status->index;
    }
    store.add_certificate(stored_certificate);
    if (!options.out_dir.empty()) {
        issued.files = file_names(options.out_dir, f.verification_code);
        write_files(issued.files, pdf, text);
    }
    return issued;
}

CertificateFiles write_certificate_files(const records::Certificate& certificate,
                                         const fs::path& out_dir, std::string_view verify_url) {
    nlohmann::json credential;
    try {
        credential = parse_strict_json(certificate.credential_json);
    } catch (const JsonError& e) {
        // TRANSLATORS: {1} a certificate's id, {2} the JSON parser's reason.
        throw CredentialError(
            i18n::format(tr("certificate {1}: the stored credential is unreadable: {2}"),
                         {certificate.id, e.what()}));
    }
    CertificateFacts facts = facts_from_credential(credential);
    facts.verification_code = certificate.verification_code;
    const std::string pdf =
        render_certificate_pdf(facts, qr_payload(verify_url, certificate.verification_code));
    const CertificateFiles files = file_names(out_dir, certificate.verification_code);
    write_files(files, pdf, certificate.credential_json);
    return files;
}

} // namespace sightline::credentials
