// A course's credit: the completion rules in the words every player shows,
// the learner's attestation, eligibility, and issuing the certificate once
// every rule is met. Players, `sightline cert` and (later) an administrator's
// server all go through here, so a certificate means the same everywhere.
#pragma once

#include "credentials/issue.hpp"
#include "credentials/provider.hpp"
#include "learning/progress.hpp"
#include "learning/replay.hpp"
#include "records/store.hpp"

#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::learning {

// What a learner agrees to (in a player, or with `sightline cert attest`)
// before a certificate can be issued; stored with its time.
inline constexpr std::string_view kAttestationStatement =
    "I completed this training myself: I read every scenario and made every choice and answer "
    "on my own.";

// kAttestationStatement in the program's language: what the learner reads and
// agrees to, and so what attest() records (a Spanish learner's attestation is
// kept in Spanish, the words they confirmed).
std::string attestation_statement_shown();

// One completion rule as the learner sees it: "2 of 3 required scenarios completed."
struct RuleLine {
    std::string text;
    bool met = false;
};

// Every rule of the course, in the order players show them.
std::vector<RuleLine> rule_lines(const CourseProgress& progress);

// The rules that are not met yet, each as a clause ("score 72% is below the
// passing score of 80%"); empty when the course is complete.
std::vector<std::string> unmet_rules(const CourseProgress& progress);

// Where the learner stands on a course's credit, and what a player may offer next.
struct Credit {
    CourseProgress progress;
    std::vector<RuleLine> rules;
    // Issued before, for the current cycle (progress.renewal): none while the
    // course is open for renewal, the renewal's once it is issued.
    std::optional<records::Certificate> certificate;
    // Every rule but the attestation is met and no certificate exists.
    bool attestation_offered = false;
    // Every rule is met, no certificate exists and the provider is set up here.
    bool issue_offered = false;
    // Every rule is met but the certificate cannot be issued here: why, and who can.
    std::string issue_elsewhere;
};

// Records the learner's attestation for the course.
void attest(records::Store& store, std::string_view learner_id, std::string_view course_id,
            records::TimeMs when = records::now_ms());

// Thrown by issue_certificate when an attempt that counts toward the course
// does not replay as recorded (replay.hpp): what() is "cannot issue the
// certificate: " and the replay's reason, naming the attempt, event and node.
class AttemptRefused : public credentials::CredentialError {
  public:
    explicit AttemptRefused(ReplayResult replay);
    const ReplayResult& replay() const { return replay_; }

  private:
    ReplayResult replay_;
};

// Checks the completion rules of the current cycle as of `options.now`
// (progress.hpp: Renewal; credentials::NotEligible lists what is unmet),
// then, unless the cycle's certificate exists already, replays every attempt
// that counts toward the course (the learner's self-paced attempts at its
// scenarios in the cycle, finished or not) against `bundle`, whose content
// hash is `options.bundle_hash` (replay_attempt); the first that does not
// replay exactly stops issuing with AttemptRefused. Then issues the
// certificate (credentials::issue_certificate: one per learner and course,
// and one more per renewal, signed with the provider's loaded key) and makes
// sure the course's completion is recorded (the renewal's, in a cycle still
// open). The certificate is in the language of the attempt that completed the
// course: of the counted attempts, the one finished last, even when earlier
// ones were played in other languages. Its credential says so (the
// achievement's inLanguage) and gives the course's title, description,
// topics and rules in that language (English where the translation has none,
// or when the bundle no longer has the language). Throws
// credentials::CredentialError or records::RecordsError.
credentials::IssuedCertificate issue_certificate(records::Store& store, const model::Bundle& bundle,
                                                 const model::Course& course,
                                                 std::string_view learner_id,
                                                 const credentials::Provider& provider,
                                                 const credentials::IssueOptions& options = {});

// "You have met every rule. The certificate could not be issued here yet: ..."
std::string issue_elsewhere_message(std::string why);

// What both players say when issuing failed: for a refused attempt
// (AttemptRefused), that the records do not replay and why, which no later
// issuing will change; for anything else, issue_elsewhere_message().
std::string issue_failed_message(const std::exception& error);

} // namespace sightline::learning
