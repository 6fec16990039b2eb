// The player controller: progress towards the credit rules, attestation and
// issuing the certificate, as the learning layer decides them.
#include "i18n/i18n.hpp"
#include "model/link.hpp"
#include "ui/player.hpp"

namespace sightline::ui {

void Player::show_credit(const model::Course& course) {
    CreditState& c = screen_.credit;
    c = {};
    c.course_id = course.id;
    const model::Course* shown_course = model::find_by_id(shown().courses, course.id);
    c.course_title = (shown_course != nullptr ? shown_course : &course)->title;
    try {
        const learning::Credit credit = learning_.credit(course);
        c.renewal = learning::renewal_line(credit.progress.renewal);
        for (const learning::RuleLine& rule : credit.rules) {
            c.rules.push_back({rule.text, rule.met});
        }
        if (credit.certificate) {
            c.certificate = CertificateInfo{credit.certificate->verification_code, {}, {}};
        }
        c.attestation_offered = credit.attestation_offered;
        if (c.attestation_offered) {
            c.attestation_statement = learning::attestation_statement_shown();
        }
        c.issue_offered = credit.issue_offered;
        c.issue_elsewhere = credit.issue_elsewhere;
    } catch (const records::RecordsError& e) {
        c.error = e.what();
    }
}

void Player::attest() {
    const model::Course* course = model::find_by_id(bundle_.courses, course_id_);
    if (course == nullptr || !has_learner() || !screen_.credit.attestation_offered ||
        screen_.credit.course_id != course_id_) {
        return;
    }
    try {
        learning_.attest(*course);
    } catch (const records::RecordsError& e) {
        // TRANSLATORS: {1} is the reason.
        screen_.credit.error =
            i18n::format(i18n::tr("Your confirmation could not be recorded: {1}"), {e.what()});
        return;
    }
    show_credit(*course);
}

void Player::issue_certificate() {
    const model::Course* course = model::find_by_id(bundle_.courses, course_id_);
    if (course == nullptr || !has_learner() || !screen_.credit.issue_offered ||
        screen_.credit.course_id != course_id_) {
        return;
    }
    try {
        const credentials::IssuedCertificate issued = learning_.issue(*course);
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
        screen_.credit.error = learning::issue_failed_message(e);
    }
}

} // namespace sightline::ui
