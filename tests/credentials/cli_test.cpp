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
#include <sqlite3.h>

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

// The content hash of the example bundle example_bundle() writes: what a
// player records with each attempt, and what issuing replays them against.
std::string example_hash() {
    const auto bytes =
        bundle::write_bundle(test::format_example(), bundle::compiler_version_number());
    return bundle::read_bundle(bytes, "example.slpack").content_hash();
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
    learning::Session session = learning::Session::start(store, test::format_example(),
                                                         {example_hash(), "0.1.0"}, start, 0);
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
            store->add_learner({"Dana Okafor", "Registered nurse", "4704-298113", "MI", "", "", ""})
                .id;
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

TEST_CASE("issue replays the learner's attempts: a forged one is refused, nothing is issued") {
    test::TempDir temp;
    const fs::path data = temp.path() / "data";
    const fs::path config = temp.path() / "config";
    REQUIRE(run(Which::Provider, init_args(config)).code == 0);
    const fs::path bundle_file = example_bundle(temp.path());
    std::string learner_id;
    std::string attempt_id;
    {
        const auto store = records::open_store(data);
        learner_id = store->add_learner({"Dana Okafor", "", "", "", "", "", ""}).id;
        complete_course(*store, learner_id);
        attempt_id = store->attempts(learner_id, false).at(0).id;
        learning::attest(*store, learner_id, "hotel-example", 12 * 60'000);
    }
    // The learner's answer edited in the database: the cash option added to
    // a right answer, still recorded as correct with its points.
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open((data / "records.db").c_str(), &db) == SQLITE_OK);
        const int rc = sqlite3_exec(db,
                                    "UPDATE events SET response = '[\"id\",\"answers\",\"cash\"]' "
                                    "WHERE sequence = 2",
                                    nullptr, nullptr, nullptr);
        sqlite3_close(db);
        REQUIRE(rc == SQLITE_OK);
    }
    const fs::path out = temp.path() / "out";
    const std::vector<std::string> issue = {
        "issue",         "--learner",    learner_id,           "--course",
        "hotel-example", "--bundle",     bundle_file.string(), "--data-dir",
        data.string(),   "--config-dir", config.string(),      "--out",
        out.string()};
    Result r = run(Which::Cert, issue);
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err == "sightline cert issue: cannot issue the certificate: attempt " + attempt_id +
                       " (scenario hotel.example), event 2 at node check-signs: the answer 'id', "
                       "'answers', 'cash': it is recorded as correct but the scenario makes it "
                       "not correct\n");
    CHECK_FALSE(fs::exists(out));
    r = run(Which::Cert, {"list", "--data-dir", data.string()});
    CHECK(contains(r.out, "no certificates issued"));
    {
        const auto store = records::open_store(data);
        CHECK(store->certificates().empty());
        CHECK(store->completions(learner_id).empty());
    }
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

TEST_CASE("a did:web provider issues a revocable certificate, revokes it and publishes the list") {
    test::TempDir temp;
    const fs::path data = temp.path() / "data";
    const fs::path config = temp.path() / "config";
    const std::string status_url = "https://training.greatlakes.example/status/1";
    const std::string verify_url = "https://training.greatlakes.example/verify?code={code}";
    std::vector<std::string> init = init_args(config);
    init.insert(init.end(), {"--did-web", "training.greatlakes.example", "--status-url", status_url,
                             "--verify-url", verify_url});
    Result r = run(Which::Provider, init);
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CHECK(line_after(r.out, "issuer id:") == "did:web:training.greatlakes.example");
    CHECK(contains(r.out, "at https://training.greatlakes.example/.well-known/did.json"));
    CHECK(contains(r.out, "('sightline cert status-list') at " + status_url));
    const fs::path did_json = config / "provider" / "did.json";
    REQUIRE(fs::exists(did_json));

    r = run(Which::Provider, {"show", "--config-dir", config.string()});
    CHECK(line_after(r.out, "issuer id:") == "did:web:training.greatlakes.example");
    CHECK(line_after(r.out, "status list:") == status_url);
    CHECK(line_after(r.out, "verify page:") == verify_url);

    // Issue, attested through the command as a learner would.
    const fs::path bundle_file = example_bundle(temp.path());
    std::string learner_id;
    {
        const auto store = records::open_store(data);
        learner_id =
            store->add_learner({"Tomasz Nowak", "Paramedic", "EMT-88213", "MI", "", "", ""}).id;
        complete_course(*store, learner_id);
    }
    const std::vector<std::string> where = {"--data-dir", data.string(), "--config-dir",
                                            config.string()};
    const auto with_dirs = [&](std::vector<std::string> args) {
        args.insert(args.end(), where.begin(), where.end());
        return args;
    };
    const auto with_data = [&](std::vector<std::string> args) {
        args.insert(args.end(), {"--data-dir", data.string()});
        return args;
    };
    REQUIRE(run(Which::Cert,
                {"attest", "--learner", learner_id, "--course", "hotel-example", "--bundle",
                 bundle_file.string(), "--data-dir", data.string()},
                "y\n")
                .code == 0);
    r = run(Which::Cert,
            with_dirs({"issue", "--learner", learner_id, "--course", "hotel-example", "--bundle",
                       bundle_file.string(), "--out", (temp.path() / "out").string()}));
    REQUIRE_MESSAGE(r.code == 0, r.err);
    const std::string id = line_after(r.out, "issued certificate");
    const std::string code = line_after(r.out, "(verification code").substr(0, 9);
    const fs::path credential = temp.path() / "out" / ("certificate-" + code + ".json");
    const fs::path pdf = temp.path() / "out" / ("certificate-" + code + ".pdf");

    // did:web: the key comes from the published did.json, not from the credential.
    r = run(Which::Cert, {"verify", credential.string()});
    CHECK(r.code == 1);
    CHECK(r.out.starts_with("invalid: "));
    r = run(Which::Cert, {"verify", credential.string(), "--did-document", did_json.string()});
    REQUIRE_MESSAGE(r.code == 0, (r.out + r.err));
    CHECK(r.out.starts_with("valid\n"));
    CHECK(line_after(r.out, "issuer id:") == "did:web:training.greatlakes.example");
    CHECK(contains(r.out, "status:      not checked; the provider publishes it at " + status_url));
    CHECK_FALSE(contains(r.out, "note: checked against the key the credential names"));

    // Another provider's did.json is refused; an unreadable one is a usage error.
    const fs::path other = temp.path() / "other";
    std::vector<std::string> other_init = init_args(other);
    other_init.insert(other_init.end(), {"--did-web", "training.greatlakes.example"});
    REQUIRE(run(Which::Provider, other_init).code == 0);
    r = run(Which::Cert, {"verify", credential.string(), "--did-document",
                          (other / "provider" / "did.json").string()});
    CHECK(r.code == 1);
    CHECK(contains(r.out, "invalid: the DID document does not list"));
    r = run(Which::Cert, {"verify", credential.string(), "--did-document",
                          (temp.path() / "missing.json").string()});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "missing.json: no such file"));
    CHECK(run(Which::Cert, {"verify", credential.string(), "--did-document", did_json.string(),
                            "--key", "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"})
              .code == 2);

    // Published before the revocation: not revoked.
    const fs::path before = temp.path() / "status-before.json";
    r = run(Which::Cert, with_dirs({"status-list", "--out", before.string()}));
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CHECK(contains(r.out, ": 0 revoked of 131072 entries, signed "));
    CHECK(contains(r.out, "publish it at " + status_url));
    CHECK(mode_of(before) == 0600);
    const std::vector<std::string> verify_with_status = {
        "verify", credential.string(), "--did-document", did_json.string(), "--status-list", ""};
    auto verify_against = [&](const fs::path& list) {
        std::vector<std::string> args = verify_with_status;
        args.back() = list.string();
        return run(Which::Cert, args);
    };
    r = verify_against(before);
    CHECK(r.code == 0);
    CHECK(r.out.starts_with("valid\n"));
    CHECK(contains(r.out, "status:      not revoked (status list of "));

    // Revoke by code; a second revocation keeps the first.
    CHECK(run(Which::Cert, with_data({"revoke", code})).code == 2); // --reason is required
    r = run(Which::Cert, with_data({"revoke", code, "--reason", "issued to the wrong learner"}));
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CHECK(contains(r.out, "revoked certificate " + id + " (verification code " + code + ")"));
    CHECK(contains(r.out, "then put FILE at " + status_url));
    r = run(Which::Cert, with_data({"revoke", id, "--reason", "another reason"}));
    CHECK(r.code == 0);
    CHECK(contains(r.out, "was already revoked at "));
    CHECK(contains(r.out, ": issued to the wrong learner"));
    r = run(Which::Cert, with_data({"revoke", "NOPE-NOPE", "--reason", "x"}));
    CHECK(r.code == 2);
    CHECK(contains(r.err, "no certificate 'NOPE-NOPE'"));

    r = run(Which::Cert, with_data({"list"}));
    CHECK(contains(r.out, code + "  " + id +
                              "  Tomasz Nowak / hotel-example  REVOKED: issued "
                              "to the wrong learner"));

    // The old list still says not revoked; the new one says revoked (exit 1).
    CHECK(verify_against(before).code == 0);
    const fs::path after = temp.path() / "status-after.json";
    r = run(Which::Cert, with_dirs({"status-list", "--out", after.string()}));
    REQUIRE(r.code == 0);
    CHECK(contains(r.out, ": 1 revoked of 131072 entries"));
    r = verify_against(after);
    CHECK(r.code == 1);
    CHECK(r.out.starts_with("revoked: the provider revoked this certificate (status list " +
                            status_url + " of "));
    CHECK(contains(r.out, "status:      revoked"));

    // A list that is not one: a usage error naming the problem, not a verdict.
    const fs::path broken = temp.path() / "status-broken.json";
    write(broken, read(after).substr(0, 200));
    r = verify_against(broken);
    CHECK(r.code == 2);
    CHECK(contains(r.err, "sightline cert verify: cannot check the status: "));

    // A reprint draws the QR code for the provider's verification page.
    const fs::path again = temp.path() / "again";
    r = run(Which::Cert, with_dirs({"reprint", code, "--out", again.string()}));
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CHECK(read(again / pdf.filename()) == read(pdf));
    const auto store = records::open_store(data);
    const auto stored = store->certificate(id);
    REQUIRE(stored);
    CHECK(stored->revoked.has_value());
    const fs::path without_url = temp.path() / "without-url";
    credentials::write_certificate_files(*stored, without_url);
    CHECK(read(without_url / pdf.filename()) != read(pdf));
    const fs::path with_url = temp.path() / "with-url";
    credentials::write_certificate_files(*stored, with_url, verify_url);
    CHECK(read(with_url / pdf.filename()) == read(pdf));
}

TEST_CASE("status-list needs a provider with a status URL and an output file") {
    test::TempDir temp;
    const fs::path config = temp.path() / "config";
    REQUIRE(run(Which::Provider, init_args(config)).code == 0);
    Result r = run(Which::Cert, {"status-list", "--config-dir", config.string()});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "needs --out FILE"));
    r = run(Which::Cert,
            {"status-list", "--out", (temp.path() / "list.json").string(), "--config-dir",
             config.string(), "--data-dir", (temp.path() / "data").string()});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "the provider has no status list URL"));
    CHECK_FALSE(fs::exists(temp.path() / "list.json"));
}
