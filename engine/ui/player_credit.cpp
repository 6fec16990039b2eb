// The player controller: progress towards the credit rules, attestation and
// issuing the certificate.
#include "classroom/report.hpp"
#include "classroom/views.hpp"
#include "credentials/issue.hpp"
#include "credentials/provider.hpp"
#include "model/link.hpp"
#include "records/paths.hpp"
#include "records/progress.hpp"
#include "runtime/catalogue.hpp"
#include "ui/player.hpp"
#include "ui/player_text.hpp"

#include <algorithm>

namespace sightline::ui {

// ---------------------------------------------------------------- credit

namespace {

// Where certificates go by default: beside the records.
std::filesystem::path certificates_beside(const records::Store& store) {
    const std::filesystem::path db(store.location());
    return (db.has_parent_path() ? db.parent_path() : records::default_data_dir()) / "certificates";
}

std::string elsewhere(std::string why) {
    while (!why.empty() && (why.back() == '.' || why.back() == ' ')) {
        why.pop_back();
    }
    return "You have met every rule. The certificate could not be issued here yet: " + why +
           ". Your completion is recorded; an administrator can issue it later with sightline "
           "cert issue.";
}

} // namespace

void Player::show_credit(const model::Course& course) {
    CreditState& c = screen_.credit;
    c = {};
    c.course_id = course.id;
    c.course_title = course.title;
    try {
        const records::CourseProgress p =
            records::course_progress(store_, bundle_, course, learner_id_);
        // The text player's words (textplay/recording.cpp).
        c.rules.push_back({std::to_string(p.required_completed) + " of " +
                               std::to_string(p.required_total) + " required scenarios completed.",
                           p.all_required_completed()});
        const std::string passing = std::to_string(course.passing_score) + "%.";
        c.rules.push_back(
            {p.score_percent
                 ? "Score " + std::to_string(*p.score_percent) + "%; passing is " + passing
                 : "Score: counted once every required scenario is completed; "
                   "passing is " +
                       passing,
             p.passing()});
        if (course.credit_minutes > 0) {
            c.rules.push_back({"Time on task " + std::to_string(p.active_ms / 60000) + " of " +
                                   std::to_string(course.credit_minutes) + " minutes.",
                               p.enough_time()});
        }
        c.rules.push_back({p.attested() ? "You confirmed that you did this training yourself."
                                        : "Your confirmation that you did this training yourself.",
                           p.attested()});

        if (const std::optional<records::Certificate> existing =
                credentials::find_certificate(store_, learner_id_, course.id)) {
            c.certificate = CertificateInfo{existing->verification_code, {}, {}};
            return;
        }
        if (!(p.all_required_completed() && p.passing() && p.enough_time())) {
            return;
        }
        if (!p.attested()) {
            c.attestation_offered = true;
            c.attestation_statement = std::string(credentials::kAttestationStatement);
            return;
        }
        // Every rule is met: the certificate can be issued here only where
        // the training provider has been set up.
        const std::filesystem::path config =
            options_.config_dir.empty() ? records::default_config_dir() : options_.config_dir;
        try {
            (void)credentials::load_provider(config, false);
            c.issue_offered = true;
        } catch (const credentials::CredentialError& e) {
            c.issue_elsewhere = elsewhere(e.what());
        }
    } catch (const records::RecordsError& e) {
        c.error = e.what();
    }
}

void Player::attest() {
    const model::Course* course = model::find_by_id(bundle_.courses, course_id_);
    if (course == nullptr || learner_id_.empty() || !screen_.credit.attestation_offered ||
        screen_.credit.course_id != course_id_) {
        return;
    }
    try {
        store_.record_attestation({learner_id_, course->id,
                                   std::string(credentials::kAttestationStatement),
                                   records::now_ms()});
    } catch (const records::RecordsError& e) {
        screen_.credit.error = std::string("Your confirmation could not be recorded: ") + e.what();
        return;
    }
    show_credit(*course);
}

void Player::issue_certificate() {
    const model::Course* course = model::find_by_id(bundle_.courses, course_id_);
    if (course == nullptr || learner_id_.empty() || !screen_.credit.issue_offered ||
        screen_.credit.course_id != course_id_) {
        return;
    }
    try {
        const std::filesystem::path config =
            options_.config_dir.empty() ? records::default_config_dir() : options_.config_dir;
        const credentials::Provider provider = credentials::load_provider(config, true);
        credentials::IssueOptions options;
        options.out_dir = options_.certificates_dir.empty() ? certificates_beside(store_)
                                                            : options_.certificates_dir;
        const credentials::IssuedCertificate issued = credentials::issue_certificate(
            store_, bundle_, *course, learner_id_, provider, options);
        show_credit(*course);
        screen_.credit.certificate =
            CertificateInfo{issued.certificate.verification_code, issued.files.pdf.string(),
                            issued.files.json.string()};
        screen_.credit.issued_now = true;
    } catch (const credentials::AlreadyIssued&) {
        show_credit(*course); // shows the certificate issued before
    } catch (const std::exception& e) {
        // CredentialError (no provider, key unreadable, rules unmet after
        // all, the PDF not written) or RecordsError.
        show_credit(*course);
        screen_.credit.issue_offered = false;
        screen_.credit.error = elsewhere(e.what());
    }
}

} // namespace sightline::ui
