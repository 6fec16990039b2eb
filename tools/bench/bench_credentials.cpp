// Certificate benchmark (see BENCHMARKS.md):
//   bench_credentials [N]   signs N distinct credentials with eddsa-rdfc-2022, verifies
//                           them, renders N certificate PDFs, and prints each rate.
// The facts are those of a healthcare certificate with every optional field set, the
// largest shape Sightline issues; each credential has its own id and learner.
#include "credentials/credential.hpp"
#include "credentials/keys.hpp"
#include "credentials/pdf.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace sightline::credentials;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

CertificateFacts facts(const KeyPair& key, int i) {
    CertificateFacts f;
    char id[40];
    std::snprintf(id, sizeof id, "3f6c1d2e-8a41-4b7e-9c55-%012d", i);
    f.certificate_id = id;
    f.verification_code = "K7QM-4TXR";
    f.issued = "2026-12-05T16:20:00-05:00";
    f.completed = "2026-12-05T16:05:12-05:00";
    f.learner_name = "Learner " + std::to_string(i);
    f.profession = "Registered nurse";
    f.licence_number = "4704-" + std::to_string(100000 + i);
    f.licence_state = "Michigan";
    f.course_id = "healthcare";
    f.course_title = "Nurses and health-care staff: warning signs in care settings";
    f.course_description = "Six visits at Michigan care sites.";
    f.topics = {"Types and venues of human trafficking", "Identifying victims",
                "Warning signs for adults and minors", "Resources for reporting"};
    f.course_approval = "Built to meet Michigan's one-time training rule.";
    f.course_version = "9b1f0c7d3e5a";
    f.credit_hours = 1;
    f.criteria = "Completed all 6 required scenarios and scored at least 80% overall.";
    f.score_percent = 92;
    f.attestation_statement = "I completed this training myself.";
    f.attestation_time = "2026-12-05T16:05:12-05:00";
    f.issuer_id = did_key(key.public_key());
    f.provider = {"Great Lakes Care Training", "MI-HT-0042", "training@greatlakes.example",
                  "Dr. Amara Lindqvist", "Director of Clinical Education"};
    return f;
}

} // namespace

int main(int argc, char** argv) {
    const int n = argc > 1 ? std::atoi(argv[1]) : 1000;
    const KeyPair key = KeyPair::generate();
    const std::string method = did_key(key.public_key()) + "#" + public_multibase(key.public_key());

    std::vector<std::string> texts;
    texts.reserve(static_cast<std::size_t>(n));
    auto start = Clock::now();
    for (int i = 0; i < n; ++i) {
        const CertificateFacts f = facts(key, i);
        texts.push_back(
            credential_text(sign_credential(build_credential(f), key, method, f.issued)));
    }
    const double sign_s = seconds_since(start);

    start = Clock::now();
    int valid = 0;
    for (const std::string& text : texts) {
        valid += verify_credential_text(text, key.public_key()).valid ? 1 : 0;
    }
    const double verify_s = seconds_since(start);

    start = Clock::now();
    std::size_t pdf_bytes = 0;
    for (int i = 0; i < n; ++i) {
        pdf_bytes += render_certificate_pdf(facts(key, i), "urn:uuid:x sha256:y").size();
    }
    const double pdf_s = seconds_since(start);

    std::printf("credentials: %d (%zu bytes each), eddsa-rdfc-2022\n", n, texts.front().size());
    std::printf("sign:    %.2f s (%.2f ms each)\n", sign_s, sign_s * 1000 / n);
    std::printf("verify:  %.2f s (%.2f ms each), %d of %d valid\n", verify_s, verify_s * 1000 / n,
                valid, n);
    std::printf("pdf:     %.2f s (%.2f ms each, %zu bytes each)\n", pdf_s, pdf_s * 1000 / n,
                pdf_bytes / static_cast<std::size_t>(n));
    return valid == n ? 0 : 1;
}
