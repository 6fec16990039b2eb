// Issuing certificates: the credential is built from what the learner's
// records show, signed, stored and the PDF rendered. Whether the learner is
// eligible is the learning layer's question (learning/credit.hpp), which
// players and `sightline cert` call; it calls issue_certificate below.
#pragma once

#include "credentials/credential.hpp"
#include "credentials/provider.hpp"
#include "model/model.hpp"
#include "records/store.hpp"

#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::credentials {

// A short code to read over the phone or type: "ABCD-EFGH" from an alphabet
// without look-alikes (no 0/O, 1/I/L, U), about 39 bits.
std::string new_verification_code();
bool is_verification_code(std::string_view text);

// Thrown by learning::issue_certificate when a rule is unmet.
class NotEligible : public CredentialError {
  public:
    explicit NotEligible(std::vector<std::string> unmet);
    const std::vector<std::string>& unmet() const { return unmet_; }

  private:
    std::vector<std::string> unmet_;
};

// Thrown by issue_certificate when the learner already has a certificate for
// the course (reprint it instead).
class AlreadyIssued : public CredentialError {
  public:
    explicit AlreadyIssued(records::Certificate existing);
    const records::Certificate& existing() const { return existing_; }

  private:
    records::Certificate existing_;
};

struct IssueOptions {
    std::filesystem::path out_dir; // where the PDF and JSON go; empty: write no files
    records::TimeMs now = records::now_ms();
    // The UTC offset (minutes) timestamps are written in; nullopt: this machine's.
    std::optional<int> utc_offset_minutes;
    std::string bundle_hash; // recorded as the achievement's version when given
    // The compliance rules the course is designed to meet (rules_met below):
    // named, with their citations, in the signed criteria and on the PDF.
    std::vector<model::Rule> rules;
    // Only certificates issued at or after this count as issued before
    // (AlreadyIssued): a renewal's certificate is issued after its completion
    // (learning/progress.hpp, Renewal::certificates_since).
    records::TimeMs certificates_since = std::numeric_limits<records::TimeMs>::min();
};

// The bundle's rules that `course` names in its `meets`, in that order
// (unknown ids are left out).
std::vector<model::Rule> rules_met(const model::Bundle& bundle, const model::Course& course);

// How a certificate names a rule: "<title> (<citation>)", or the title alone.
std::string rule_line(const model::Rule& rule);

struct CertificateFiles {
    std::filesystem::path pdf;  // <out_dir>/certificate-<CODE>.pdf
    std::filesystem::path json; // <out_dir>/certificate-<CODE>.json (the signed credential)
};

struct IssuedCertificate {
    records::Certificate certificate;
    CertificateFiles files; // empty paths when no out_dir was given
};

// The learner's certificate for the course, if one was issued (at or after
// `issued_since`: the latest such).
std::optional<records::Certificate>
find_certificate(records::Store& store, std::string_view learner_id, std::string_view course_id,
                 records::TimeMs issued_since = std::numeric_limits<records::TimeMs>::min());

// What the learner's records show for a course whose completion rules are
// all met (learning::issue_certificate checks them first).
struct CourseEvidence {
    int required_total = 0;
    std::optional<int> score_percent;
    records::Attestation attestation;
    records::TimeMs completed = 0; // when the last rule was met
    // The language of the attempt that completed the course (the last one
    // finished), which the certificate states; `course` is given in it.
    std::string language = "en";
};

// Refuses a second certificate (AlreadyIssued), then signs the credential with
// the provider's key (which must be loaded), with a status list entry at a
// free random index when the provider has a status list URL, stores the certificate
// (Store::add_certificate) and writes the files. The PDF is rendered before
// anything is stored. Throws CredentialError (or records::RecordsError from
// the store).
IssuedCertificate issue_certificate(records::Store& store, const model::Course& course,
                                    std::string_view learner_id, const CourseEvidence& evidence,
                                    const Provider& provider, const IssueOptions& options = {});

// Renders a stored certificate again from its credential (ids and text
// unchanged) and writes both files into `out_dir`; the QR code opens
// `verify_url` (the provider's, ProviderLinks) when given. Throws CredentialError.
CertificateFiles write_certificate_files(const records::Certificate& certificate,
                                         const std::filesystem::path& out_dir,
                                         std::string_view verify_url = {});

} // namespace sightline::credentials
