#include "credentials/issue.hpp"

#include "credentials/jcs.hpp"
#include "credentials/pdf.hpp"
#include "credentials/timestamps.hpp"
#include "records/paths.hpp"
#include "records/uuid.hpp"

#include <sodium.h>

#include <algorithm>
#include <cmath>

namespace sightline::credentials {

namespace fs = std::filesystem;

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

std::vector<std::string> unmet_rules(const records::CourseProgress& p) {
    std::vector<std::string> unmet;
    if (!p.all_required_completed()) {
        unmet.push_back(std::to_string(p.required_completed) + " of " +
                        plural(p.required_total, "required scenario", "required scenarios") +
                        " completed");
    }
    const int passing = p.course ? static_cast<int>(p.course->passing_score) : 0;
    if (!p.passing()) {
        unmet.push_back(p.score_percent
                            ? "score " + std::to_string(*p.score_percent) +
                                  "% is below the passing score of " + std::to_string(passing) + "%"
                            : "no score yet (the score counts once every required scenario is "
                              "completed; passing is " +
                                  std::to_string(passing) + "%)");
    }
    if (!p.enough_time()) {
        const std::int64_t minutes = p.active_ms / 60000;
        unmet.push_back("active time " + std::to_string(minutes) + " min of the " +
                        std::to_string(p.course ? p.course->credit_minutes : 0) +
                        " min the course requires");
    }
    if (!p.attested()) {
        unmet.push_back("the learner has not yet attested that they completed the training "
                        "themselves");
    }
    return unmet;
}

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
          std::string text = "not eligible for a certificate yet: ";
          for (std::size_t i = 0; i < unmet.size(); ++i) {
              text += (i ? "; " : "") + unmet[i];
          }
          return text;
      }()),
      unmet_(std::move(unmet)) {}

AlreadyIssued::AlreadyIssued(records::Certificate existing)
    : CredentialError("a certificate was already issued for this learner and course: " +
                      existing.id + " (verification code " + existing.verification_code + ")"),
      existing_(std::move(existing)) {}

std::optional<records::Certificate>
find_certificate(records::Store& store, std::string_view learner_id, std::string_view course_id) {
    for (records::Certificate& c : store.certificates()) {
        if (c.learner_id == learner_id && c.course_id == course_id) {
            return std::move(c);
        }
    }
    return std::nullopt;
}

IssuedCertificate issue_certificate(records::Store& store, const model::Bundle& bundle,
                                    const model::Course& course, std::string_view learner_id,
                                    const Provider& provider, const IssueOptions& options) {
    if (!provider.key) {
        throw CredentialError("the provider's signing key is not loaded");
    }
    const std::optional<records::Learner> learner = store.learner(learner_id);
    if (!learner) {
        throw CredentialError("no learner '" + std::string(learner_id) + "' in " +
                              store.location());
    }
    const records::CourseProgress progress =
        records::course_progress(store, bundle, course, learner_id);
    if (std::vector<std::string> unmet = unmet_rules(progress); !unmet.empty()) {
        throw NotEligible(std::move(unmet));
    }
    if (std::optional<records::Certificate> existing =
            find_certificate(store, learner_id, course.id)) {
        throw AlreadyIssued(std::move(*existing));
    }

    // When the last rule was met: the last finished attempt or the attestation.
    records::TimeMs completed = progress.attestation->time;
    for (const records::Attempt& a : store.attempts(learner_id)) {
        if (a.course_id == course.id && a.status == records::Status::Completed && a.finished &&
            a.mode == records::Mode::SelfPaced) {
            completed = std::max(completed, *a.finished);
        }
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
    f.completed = stamp(completed);
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
    f.credit_hours = std::round(course.credit_minutes / 60.0 * 100) / 100;
    f.criteria = "Completed all " +
                 plural(progress.required_total, "required scenario", "required scenarios") +
                 ", scored at least " + std::to_string(course.passing_score) +
                 "% overall, spent at least " + std::to_string(course.credit_minutes) +
                 " minutes of active time on the course, and attested to completing it "
                 "personally.";
    f.score_percent = progress.score_percent;
    f.attestation_statement = progress.attestation->statement;
    f.attestation_time = stamp(progress.attestation->time);
    f.issuer_id = provider.did();
    f.provider = provider.info;

    const nlohmann::ordered_json credential = sign_credential(
        build_credential(f), *provider.key, provider.verification_method(), f.issued);
    const std::string text = credential_text(credential);
    const std::string digest = credential_digest(parse_strict_json(text));
    const std::string pdf = render_certificate_pdf(f, qr_payload(f.certificate_id, digest));

    IssuedCertificate issued;
    issued.certificate = {f.certificate_id, std::string(learner_id), course.id,
                          options.now,      f.verification_code,     text};
    store.add_certificate(issued.certificate);
    bool has_completion = false;
    for (const records::Completion& c : store.completions(learner_id)) {
        has_completion = has_completion || c.course_id == course.id;
    }
    if (!has_completion) {
        store.record_completion({std::string(learner_id), course.id, completed,
                                 progress.score_percent.value_or(0), progress.active_ms / 60000});
    }
    if (!options.out_dir.empty()) {
        issued.files = file_names(options.out_dir, f.verification_code);
        write_files(issued.files, pdf, text);
    }
    return issued;
}

CertificateFiles write_certificate_files(const records::Certificate& certificate,
                                         const fs::path& out_dir) {
    nlohmann::json credential;
    try {
        credential = parse_strict_json(certificate.credential_json);
    } catch (const JsonError& e) {
        throw CredentialError("certificate " + certificate.id + ": the stored credential is " +
                              "unreadable: " + e.what());
    }
    const CertificateFacts facts = facts_from_credential(credential);
    const std::string pdf = render_certificate_pdf(
        facts, qr_payload(facts.certificate_id, credential_digest(credential)));
    const CertificateFiles files = file_names(out_dir, certificate.verification_code);
    write_files(files, pdf, certificate.credential_json);
    return files;
}

} // namespace sightline::credentials
