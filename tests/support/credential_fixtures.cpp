#include "support/credential_fixtures.hpp"

#include "credentials/keys.hpp"

namespace sightline::test {

using namespace credentials;

const KeyPair& fixed_key() {
    static const KeyPair key = [] {
        std::array<std::uint8_t, 32> seed{};
        for (std::size_t i = 0; i < seed.size(); ++i) {
            seed[i] = static_cast<std::uint8_t>(0xA0 + i);
        }
        return KeyPair::from_seed(seed);
    }();
    return key;
}

std::string fixed_verification_method() {
    return did_key(fixed_key().public_key()) + "#" + public_multibase(fixed_key().public_key());
}

CertificateFacts fixed_facts() {
    CertificateFacts f;
    f.certificate_id = "3f6c1d2e-8a41-4b7e-9c55-0d2a7e61b9f4";
    f.verification_code = "K7QM-4TXR";
    f.issued = "2025-03-14T16:20:00-04:00";
    f.completed = "2025-03-14T16:05:12-04:00";
    f.learner_name = "Dana R\u00e9my Okafor";
    f.profession = "Registered nurse";
    f.licence_number = "4704-298113";
    f.licence_state = "Michigan";
    f.course_id = "healthcare";
    f.course_title = "Nurses and health-care staff: warning signs in care settings";
    f.course_description = "Three visits at Michigan care sites.";
    f.topics = {
        "Understanding the types and venues of human trafficking in Michigan and the United States",
        "Identifying victims of human trafficking in health-care settings",
        "Identifying the warning signs of human trafficking in health-care settings for adults and "
        "minors",
        "Resources for reporting suspected victims of human trafficking"};
    f.course_approval =
        "Approval pending. Great Lakes Care Training has applied to offer this course for the "
        "Michigan LARA human-trafficking training requirement. Until approval is confirmed, do not "
        "claim licence credit for it.";
    f.course_version = "9b1f0c7d3e5a";
    f.credit_hours = 1;
    f.criteria = "Completed all 3 required scenarios, scored at least 80% overall, spent at least "
                 "60 minutes of active time on the course, and attested to completing it "
                 "personally.";
    f.score_percent = 92;
    f.attestation_statement = "I completed this training myself.";
    f.attestation_time = "2025-03-14T16:05:12-04:00";
    f.issuer_id = did_key(fixed_key().public_key());
    f.provider = {"Great Lakes Care Training", "MI-HT-0042", "training@greatlakes.example",
                  "Dr. Amara Lindqvist", "Director of Clinical Education"};
    return f;
}

nlohmann::ordered_json fixed_credential() {
    return sign_credential(build_credential(fixed_facts()), fixed_key(),
                           fixed_verification_method(), fixed_facts().issued);
}

std::string fixed_credential_text() {
    return credential_text(fixed_credential());
}

} // namespace sightline::test
