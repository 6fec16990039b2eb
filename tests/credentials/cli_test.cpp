// `sightline provider ...` and `sightline cert ...` called as the binary calls
// them, with temporary data and configuration directories.
#include "bundle/bundle.hpp"
#include "commands.hpp"
#include "credentials/credential.hpp"
#include "credentials/files.hpp"
#include "credentials/issue.hpp"
#include "credentials/provider.hpp"
#include "learning/credit.hpp"
#include "learning/session.hpp"
#include "support/credential_fixtures.hpp"
#include "support/scenario_fixtures.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <sys/stat.h>

using namespace sightline;
namespace fs = std::filesystem;

namespace {

struct Result {
    int code = 0;
    std::string out;
    std::string err;
};

enum class Which { Provider, Cert };

Result run(Which which, std::vector<std::string> args, const std::string& input = "") {
    std::istringstream in(input);
    std::ostringstream out, err;
    const cli::Environment env{in, out, err, "/nonexistent/bin/sightline", false, 0};
    Result r;
    r.code =
        which == Which::Provider ? cli::provider_command(args, env) : cli::cert_command(args, env);
    r.out = out.str();
    r.err = err.str();
    return r;
}

bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void write(const fs::path& path, std::string_view text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

unsigned mode_of(const fs::path& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

std::vector<std::string> init_args(const fs::path& config) {
    return {"init",
            "--organisation",
            "Great Lakes Care Training",
            "--approval",
            "MI-HT-0042",
            "--contact",
            "training@greatlakes.example",
            "--signatory",
            "Dr. Amara Lindqvist",
            "--title",
            "Director of Clinical Education",
            "--config-dir",
            config.string()};
}

std::string line_after(const std::string& text, std::string_view label) {
    const std::size_t at = text.find(label);
    REQUIRE(at != std::string::npos);
    const std::size_t start = text.find_first_not_of(' ', at + label.size());
    return text.substr(start, text.find_first_of(" \n", start) - start);
}

// Plays the FORMAT.md example course to the end as `learner`, attested.
void complete_course(records::Store& store, const std::string& learner) {
    const model::Course& course = test::format_example().courses.at(0);
    learning::SessionStart start;
    start.learner_id = learner;
    start.course_id = course.id;
    start.scenario_id = "hotel.example";
    start.options.seed = 7;
    const records::TimeMs minute = 60'000;
    learning::Session session =
        learning::Session::start(store, test::format_example(), {"hash", "0.1.0"}, start, 0);
    session.choose("log-and-tell", 4 * minute);
    session.answer({"id", "answers"}, 8 * minute);
    session.advance(11 * minute);
    session.finish(course.passing_score, 11 * minute);
}

fs::path example_bundle(const fs::path& dir) {
    const auto bytes =
        bundle::write_bundle(test::format_example(), bundle::compiler_version_number());
    const fs::path path = dir / "example.slpack";
    write(path, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
    return path;
}

} // namespace

TEST_CASE(
    "provider init writes the details and an owner-only key, show prints key and fingerprint") {
    test::TempDir temp;
    const fs::path config = temp.path() / "config";
    const Result created = run(Which::Provider, init_args(config));
    REQUIRE_MESSAGE(created.code == 0, created.err);
    CHECK(contains(created.out, "created the provider Great Lakes Care Training"));
    const fs::path dir = config / "provider";
    CHECK(mode_of(dir) == 0700);
    CHECK(mode_of(dir / "signing-key") == 0600);
    CHECK(read(dir / "signing-key").starts_with("z3u2"));

    const Result shown = run(Which::Provider, {"show", "--config-dir", config.string()});
    REQUIRE(shown.code == 0);
    const std::string key = line_after(shown.out, "public key:");
    CHECK(key.starts_with("z6Mk"));
    CHECK(line_after(shown.out, "issuer id:") == "did:key:" + key);
    CHECK(contains(shown.out, "approval:     MI-HT-0042"));
    CHECK(contains(shown.out, "signatory:    Dr. Amara Lindqvist, Director of Clinical Education"));
    const auto parsed = credentials::parse_public_key(key);
    REQUIRE(parsed);
    CHECK(contains(shown.out, "fingerprint:  " + credentials::fingerprint(*parsed)));
    CHECK(contains(created.out, credentials::fingerprint(*parsed)));

    // The signing key loads and belongs to the public key.
    const credentials::Provider provider = credentials::load_provider(config, true);
    REQUIRE(provider.key);
    CHECK(provider.key->public_key() == *parsed);
}

TEST_CASE("provider init refuses to replace a provider without --force") {
    test::TempDir temp;
    const fs::path config = temp.path();
    REQUIRE(run(Which::Provider, init_args(config)).code == 0);
    const std::string first_key = read(config / "provider" / "provider.json");
    const Result again = run(Which::Provider, init_args(config));
    CHECK(again.code == 2);
    CHECK(contains(again.err, "a provider already exists in"));
    CHECK(contains(again.err, "--force"));
    CHECK(read(config / "provider" / "provider.json") == first_key);

    auto forced = init_args(config);
    forced.push_back("--force");
    CHECK(run(Which::Provider, forced).code == 0);
    CHECK(read(config / "provider" / "provider.json") != first_key);
}

TEST_CASE("provider usage errors and unreadable configuration") {
    test::TempDir temp;
    CHECK(run(Which::Provider, {}).code == 2);
    CHECK(run(Which::Provider, {"--help"}).code == 0);
    CHECK(contains(run(Which::Provider, {"--help"}).out, "fingerprint"));
    CHECK(contains(run(Which::Provider, {"frob"}).err, "unknown command 'frob'"));
    const Result missing =
        run(Which::Provider, {"init", "--organisation", "X", "--config-dir", temp.path().string()});
    CHECK(missing.code == 2);
    CHECK(contains(missing.err, "--contact is required"));
    CHECK(contains(run(Which::Provider, {"init", "--bogus"}).err, "unknown option '--bogus'"));
    CHECK(contains(run(Which::Provider, {"init", "--title"}).err, "--title needs a value"));

    const Result none = run(Which::Provider, {"show", "--config-dir", temp.path().string()});
    CHECK(none.code == 2);
    CHECK(contains(none.err, "no provider configured in"));

    REQUIRE(run(Which::Provider, init_args(temp.path())).code == 0);
    const fs::path key = temp.path() / "provider" / "signing-key";
    ::chmod(key.c_str(), 0644);
    CHECK_THROWS_WITH_AS(credentials::load_provider(temp.path(), true),
                         (key.string() + ": the signing key is readable by other users; make it "
                                         "owner-only (chmod 600) before signing with it")
                             .c_str(),
                         credentials::CredentialError);
    ::chmod(key.c_str(), 0600);
    write(key, credentials::KeyPair::generate().secret_multibase());
    ::chmod(key.c_str(), 0600);
    CHECK_THROWS_WITH_AS(credentials::load_provider(temp.path(), true),
                         (key.string() + ": the signing key does not match the public key in " +
                          (temp.path() / "provider" / "provider.json").string())
                             .c_str(),
                         credentials::CredentialError);
    write(temp.path() / "provider" / "provider.json", R"({"organisation":"A","organisation":"B"})");
    const Result dup = run(Which::Provider, {"show", "--config-dir", temp.path().string()});
    CHECK(dup.code == 2);
    CHECK(contains(dup.err, "provider.json: duplicate key \"organisation\" in /"));
}

TEST_CASE("cert verify: valid, invalid with a reason, unreadable, and the pinned key") {
    test::TempDir temp;
    const fs::path good = temp.path() / "good.json";
    write(good, test::fixed_credential_text());
    const std::string key = credentials::public_multibase(test::fixed_key().public_key());

    Result r = run(Which::Cert, {"verify", good.string()});
    CHECK(r.code == 0);
    CHECK(r.out.starts_with("valid\n"));
    CHECK(contains(r.out, "issuer:      Great Lakes Care Training"));
    CHECK(contains(r.out, "note: checked against the key the credential names"));
    r = run(Which::Cert, {"verify", good.string(), "--key", key});
    CHECK(r.code == 0);
    CHECK_FALSE(contains(r.out, "note:"));
    r = run(Which::Cert, {"verify", good.string(), "--key",
                          credentials::to_hex(test::fixed_key().public_key())});
    CHECK(r.code == 0);

    r = run(Which::Cert,
            {"verify", good.string(), "--key",
             credentials::public_multibase(credentials::KeyPair::generate().public_key())});
    CHECK(r.code == 1);
    CHECK(r.out.starts_with("invalid: wrong key"));

    std::string text = test::fixed_credential_text();
    const std::size_t at = text.find("4704-298113");
    text[at] = '5';
    const fs::path tampered = temp.path() / "tampered.json";
    write(tampered, text);
    r = run(Which::Cert, {"verify", tampered.string()});
    CHECK(r.code == 1);
    CHECK(r.out.starts_with("invalid: bad signature"));

    const fs::path truncated = temp.path() / "truncated.json";
    write(truncated, test::fixed_credential_text().substr(0, 100));
    r = run(Which::Cert, {"verify", truncated.string()});
    CHECK(r.code == 1);
    CHECK(r.out.starts_with("invalid: malformed JSON at byte 100 (line "));

    const fs::path huge = temp.path() / "huge.json";
    write(huge, std::string(2 * credentials::kMaxCredentialBytes, '['));
    r = run(Which::Cert, {"verify", huge.string()});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "huge.json: larger than 1048576 bytes"));

    r = run(Which::Cert, {"verify", (temp.path() / "missing.json").string()});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "missing.json: no such file"));
    CHECK(run(Which::Cert, {"verify"}).code == 2);
    r = run(Which::Cert, {"verify", good.string(), "--key", "nonsense"});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "--key is not an Ed25519 public key"));
    CHECK(contains(run(Which::Cert, {"frob"}).err, "unknown command 'frob'"));
    CHECK(run(Which::Cert, {"--help"}).code == 0);
}

TEST_CASE("issuing checks the rules, stores the certificate, and a reprint keeps every id") {
    test::TempDir temp;
    const fs::path data = temp.path() / "data";
    const fs::path config = temp.path() / "config";
    REQUIRE(run(Which::Provider, init_args(config)).code == 0);
    const fs::path bundle_file = example_bundle(temp.path());
    std::string learner_id;
    {
        const auto store = records::open_store(data);
        learner_id =
            store->add_learner({"Dana Okafor", "Registered nurse", "4704-298113", "MI"}).id;
    }
    const std::vector<std::string> issue = {"issue",
                                            "--learner",
                                            learner_id,
                                            "--course",
                                            "hotel-example",
                                            "--bundle",
                                            bundle_file.string(),
                                            "--data-dir",
                                            data.string(),
                                            "--config-dir",
                                            config.string(),
                                            "--out",
                                            (temp.path() / "out").string()};

    Result r = run(Which::Cert, issue);
    CHECK(r.code == 1);
    CHECK(contains(r.err, "not eligible for a certificate yet: 0 of 1 required scenario completed; "
                          "no score yet"));
    CHECK(contains(r.err, "active time 0 min of the 10 min the course requires"));
    CHECK(contains(r.err, "has not yet attested"));

    {
        const auto store = records::open_store(data);
        complete_course(*store, learner_id);
    }
    r = run(Which::Cert, issue);
    CHECK(r.code == 1);
    CHECK(r.err == "sightline cert issue: not eligible for a certificate yet: the learner has not "
                   "yet attested that they completed the training themselves\n");

    const std::vector<std::string> attest = {
        "attest",   "--learner",          learner_id,   "--course",   "hotel-example",
        "--bundle", bundle_file.string(), "--data-dir", data.string()};
    r = run(Which::Cert, attest, "n\n");
    CHECK(r.code == 1);
    CHECK(contains(r.out, "Do you confirm this statement? [y/N]"));
    CHECK(contains(r.out, "not recorded"));
    r = run(Which::Cert, attest, "");
    CHECK(r.code == 1);
    r = run(Which::Cert, attest, "Y\n");
    CHECK(r.code == 0);
    CHECK(contains(r.out, "Learner: Dana Okafor"));
    CHECK(contains(r.out, "Course:  Hotel example course"));
    CHECK(contains(r.out, "recorded at "));

    r = run(Which::Cert, issue);
    REQUIRE_MESSAGE(r.code == 0, r.err);
    const std::string id = line_after(r.out, "issued certificate");
    const std::string code = line_after(r.out, "(verification code");
    CHECK(code.size() == 10); // with the closing parenthesis
    const std::string verification_code = code.substr(0, 9);
    CHECK(credentials::is_verification_code(verification_code));
    const fs::path pdf = temp.path() / "out" / ("certificate-" + verification_code + ".pdf");
    const fs::path json_file = temp.path() / "out" / ("certificate-" + verification_code + ".json");
    CHECK(read(pdf).starts_with("%PDF-1.5"));
    const std::string credential = read(json_file);

    // The stored certificate, the credential on disk and the provider's key agree.
    const credentials::Provider provider = credentials::load_provider(config, false);
    const auto verified = credentials::verify_credential_text(credential, provider.public_key);
    REQUIRE(verified.valid);
    CHECK(verified.credential_id == "urn:uuid:" + id);
    const auto facts = credentials::facts_from_credential(nlohmann::json::parse(credential));
    CHECK(facts.learner_name == "Dana Okafor");
    CHECK(facts.licence_number == "4704-298113");
    CHECK(facts.course_title == "Hotel example course");
    CHECK(facts.topics == std::vector<std::string>{"Recognising signs at check-in"});
    CHECK(facts.score_percent == 100);
    CHECK(facts.credit_hours == doctest::Approx(0.17));
    CHECK(facts.provider.approval == "MI-HT-0042");
    CHECK(facts.verification_code.empty()); // printed on the PDF and kept in the records
    CHECK(facts.course_version.size() == 64);
    {
        const auto store = records::open_store(data);
        const auto stored = store->certificate(id);
        REQUIRE(stored);
        CHECK(stored->credential_json == credential);
        CHECK(store->certificate(verification_code)->id == id);
        CHECK(store->completions(learner_id).size() == 1);
    }

    // Issuing again is refused; the existing certificate is named.
    r = run(Which::Cert, issue);
    CHECK(r.code == 1);
    CHECK(contains(r.err, "already issued"));
    CHECK(contains(r.err, "sightline cert reprint " + id));

    r = run(Which::Cert, {"list", "--data-dir", data.string()});
    CHECK(r.code == 0);
    CHECK(contains(r.out, verification_code + "  " + id + "  Dana Okafor / hotel-example"));

    // A reprint, by code, into another folder: the same credential, the same PDF.
    const fs::path again = temp.path() / "again";
    r = run(Which::Cert,
            {"reprint", verification_code, "--data-dir", data.string(), "--out", again.string()});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CHECK(contains(r.out, "reprinted certificate " + id));
    CHECK(read(again / json_file.filename()) == credential);
    CHECK(read(again / pdf.filename()) == read(pdf));

    r = run(Which::Cert, {"reprint", "NOPE-NOPE", "--data-dir", data.string()});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "no certificate 'NOPE-NOPE'"));
}

TEST_CASE("issue and attest name what they cannot find") {
    test::TempDir temp;
    const fs::path bundle_file = example_bundle(temp.path());
    Result r = run(Which::Cert, {"issue", "--learner", "x", "--course", "nope", "--bundle",
                                 bundle_file.string(), "--data-dir", temp.path().string()});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "no course 'nope' in "));
    r = run(Which::Cert, {"issue", "--learner", "x", "--course", "hotel-example", "--bundle",
                          bundle_file.string(), "--data-dir", temp.path().string(), "--config-dir",
                          temp.path().string()});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "no provider configured"));
    r = run(Which::Cert, {"attest", "--learner", "x", "--course", "hotel-example", "--bundle",
                          bundle_file.string(), "--data-dir", temp.path().string()});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "no learner 'x'"));
    r = run(Which::Cert, {"issue", "--course", "hotel-example"});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "needs --learner ID and --course ID"));
    r = run(Which::Cert, {"attest", "--learner", "x", "--course", "c", "--bundle",
                          (temp.path() / "missing.slpack").string()});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "missing.slpack"));
    r = run(Which::Cert, {"list", "--data-dir", temp.path().string()});
    CHECK(r.code == 0);
    CHECK(contains(r.out, "no certificates issued"));
}

TEST_CASE("unmet rules are each said in words") {
    model::Course course;
    course.passing_score = 80;
    course.credit_minutes = 60;
    learning::CourseProgress p;
    p.course = &course;
    p.required_total = 3;
    p.required_completed = 3;
    p.score_percent = 72;
    p.active_ms = 41 * 60'000 + 59'999;
    CHECK(learning::unmet_rules(p) ==
          std::vector<std::string>{"score 72% is below the passing score of 80%",
                                   "active time 41 min of the 60 min the course requires",
                                   "the learner has not yet attested that they completed the "
                                   "training themselves"});
    p.score_percent = 80;
    p.active_ms = 60 * 60'000;
    p.attestation = records::Attestation{"l", "c", "s", 1};
    CHECK(learning::unmet_rules(p).empty());
    CHECK(p.complete());
}

TEST_CASE("verification codes use the unambiguous alphabet") {
    std::set<std::string> seen;
    for (int i = 0; i < 200; ++i) {
        const std::string code = credentials::new_verification_code();
        CHECK(credentials::is_verification_code(code));
        CHECK(code.find_first_of("01ILOU") == std::string::npos);
        seen.insert(code);
    }
    CHECK(seen.size() == 200);
    CHECK_FALSE(credentials::is_verification_code("ABCD-EFG1"));
    CHECK_FALSE(credentials::is_verification_code("ABCDEFGH"));
}
