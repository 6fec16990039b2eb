// A certificate names the compliance rules its course is designed to meet:
// in the signed criteria narrative (still a valid Open Badges 3.0 credential
// of the same shape) and on the PDF.
#include "credentials/credential.hpp"
#include "credentials/issue.hpp"
#include "credentials/jcs.hpp"
#include "credentials/pdf.hpp"
#include "records/paths.hpp"
#include "support/credential_fixtures.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>

using namespace sightline;
using namespace sightline::credentials;
using nlohmann::json;

namespace {

const std::vector<std::string> kRules = {
    "Texas hotel employee training (1 TAC §54.100-101)",
    "Florida public lodging staff training (§509.096, Florida Statutes)"};

std::string narrative_of(const json& credential) {
    return credential["credentialSubject"]["achievement"]["criteria"]["narrative"];
}

std::string pdf_text(const std::string& pdf, const std::filesystem::path& dir) {
    const auto file = dir / "certificate.pdf";
    {
        std::ofstream out(file, std::ios::binary);
        out << pdf;
    }
    const auto text = dir / "certificate.txt";
    const std::string command = "pdftotext '" + file.string() + "' '" + text.string() + "'";
    REQUIRE(std::system(command.c_str()) == 0);
    std::ifstream in(text);
    return {std::istreambuf_iterator<char>(in), {}};
}

model::Rule rule(std::string id, std::string title, std::string citation) {
    model::Rule r;
    r.id = std::move(id);
    r.title = std::move(title);
    r.citation = std::move(citation);
    return r;
}

} // namespace

TEST_CASE("the rules a course meets are signed in the criteria and read back") {
    CertificateFacts facts = test::fixed_facts();
    facts.rules = kRules;
    const auto signed_credential = sign_credential(build_credential(facts), test::fixed_key(),
                                                   test::fixed_verification_method(), facts.issued);
    const std::string text = credential_text(signed_credential);
    const Verification v = verify_credential_text(text);
    CHECK_MESSAGE(v.valid, v.reason);

    const json c = json::parse(text);
    const std::string narrative = narrative_of(c);
    CHECK(narrative.starts_with(facts.criteria + "\n\nDesigned to meet:\n- " + kRules[0] + "\n- " +
                                kRules[1] + "\n\nApproval: "));
    // The same members as before: only the narrative's text grew.
    const json without = json::parse(credential_text(build_credential(test::fixed_facts())));
    CHECK(c["credentialSubject"]["achievement"].size() ==
          without["credentialSubject"]["achievement"].size());

    CertificateFacts read = facts_from_credential(c);
    CHECK(read.rules == kRules);
    CHECK(read.criteria == facts.criteria);
    CHECK(read.course_approval == facts.course_approval);

    // Without an approval statement, and without rules: unchanged.
    facts.course_approval.clear();
    read = facts_from_credential(json::parse(credential_text(build_credential(facts))));
    CHECK(read.rules == kRules);
    CHECK(read.course_approval.empty());
    CHECK(facts_from_credential(json::parse(credential_text(build_credential(test::fixed_facts()))))
              .rules.empty());
    CHECK(narrative_of(without).find("Designed to meet") == std::string::npos);
}

TEST_CASE("the certificate PDF names each rule with its citation, still on one page") {
    test::TempDir temp;
    CertificateFacts facts = test::fixed_facts();
    facts.rules = kRules;
    facts.verification_code = "ABCD-EFGH";
    const std::string pdf = render_certificate_pdf(facts, "ABCD-EFGH");
    CHECK(pdf.find("/Count 1") != std::string::npos);
    const std::string text = pdf_text(pdf, temp.path());
    std::string squeezed = text; // the label is letter-spaced
    std::erase(squeezed, ' ');
    CHECK(squeezed.find("DESIGNEDTOMEET") != std::string::npos);
    CHECK(text.find("Texas hotel employee training (1 TAC §54.100-101)") != std::string::npos);
    CHECK(text.find("§509.096") != std::string::npos);
    // Every topic is still listed.
    for (const std::string& topic : facts.topics) {
        CHECK(text.find(topic.substr(0, 20)) != std::string::npos);
    }
}

TEST_CASE("issuing names the bundle's rules the course meets, in its order") {
    model::Bundle bundle;
    bundle.rules = {rule("texas-hotels", "Texas hotel employee training", "1 TAC §54.100-101"),
                    rule("florida-hotels", "Florida hotel staff training", ""),
                    rule("michigan-health", "Michigan health professions", "R 338.10")};
    model::Course course;
    course.id = "hotel-course";
    course.title = "Hotel course";
    course.meets = {"florida-hotels", "texas-hotels", "no-such-rule"};
    const std::vector<model::Rule> met = rules_met(bundle, course);
    REQUIRE(met.size() == 2);
    CHECK(rule_line(met[0]) == "Florida hotel staff training");
    CHECK(rule_line(met[1]) == "Texas hotel employee training (1 TAC §54.100-101)");

    test::TempDir temp;
    auto store = records::open_store(temp.path());
    const records::Learner ana = store->add_learner({"Ana Ortiz", "", "", "", "", "", ""});
    Provider provider;
    provider.info = {"Lone Star Training", "", "training@example.org", "Kim Lee", "Director"};
    provider.public_key = test::fixed_key().public_key();
    provider.key = test::fixed_key();
    CourseEvidence evidence;
    evidence.required_total = 1;
    evidence.attestation = {ana.id, course.id, "I completed it myself.", 1000};
    evidence.completed = 1000;
    IssueOptions options;
    options.now = 2000;
    options.utc_offset_minutes = 0;
    options.rules = met;
    const IssuedCertificate issued =
        issue_certificate(*store, course, ana.id, evidence, provider, options);
    const Verification v = verify_credential_text(issued.certificate.credential_json);
    CHECK_MESSAGE(v.valid, v.reason);
    const CertificateFacts read =
        facts_from_credential(json::parse(issued.certificate.credential_json));
    CHECK(read.rules == std::vector<std::string>{"Florida hotel staff training",
                                                 "Texas hotel employee training (1 TAC "
                                                 "§54.100-101)"});
}

TEST_CASE("the credential states the language the course was completed in, and reads it back") {
    test::TempDir temp;
    auto store = records::open_store(temp.path());
    const records::Learner ana = store->add_learner({"Ana Ortiz", "", "", "", "", "", ""});
    model::Course course;
    course.id = "hotel-course";
    course.title = "Curso de hotel"; // given in the language it was completed in
    course.description = "Un turno en la recepci\u00F3n.";
    Provider provider;
    provider.info = {"Lone Star Training", "", "training@example.org", "Kim Lee", "Director"};
    provider.public_key = test::fixed_key().public_key();
    provider.key = test::fixed_key();
    CourseEvidence evidence;
    evidence.required_total = 1;
    evidence.attestation = {ana.id, course.id, "I completed it myself.", 1000};
    evidence.completed = 1000;
    evidence.language = "es";
    IssueOptions options;
    options.now = 2000;
    options.utc_offset_minutes = 0;
    const IssuedCertificate issued =
        issue_certificate(*store, course, ana.id, evidence, provider, options);
    const json credential = json::parse(issued.certificate.credential_json);
    CHECK(credential.at("credentialSubject").at("achievement").at("inLanguage") == "es");
    const Verification v = verify_credential(credential);
    CHECK_MESSAGE(v.valid, v.reason);
    const CertificateFacts read = facts_from_credential(credential);
    CHECK(read.language == "es");
    CHECK(read.course_title == "Curso de hotel");

    // English when not said, as every credential issued before said.
    CertificateFacts facts = test::fixed_facts();
    CHECK(facts.language == "en");
    nlohmann::ordered_json built = build_credential(facts);
    CHECK(built.at("credentialSubject").at("achievement").at("inLanguage") == "en");
    built.at("credentialSubject").at("achievement").erase("inLanguage");
    CHECK(facts_from_credential(json::parse(built.dump())).language == "en");
}
