// Sightline's certificates against implementations that share no code with it:
// the Digital Credentials Consortium's verifier (npm, the engine of VerifierPlus
// and the Learner Credential Wallet), run offline, and Debian's pyld (JSON-LD
// expansion and URDNA2015/RDFC-1.0). `tools/setup.sh --tests` installs both.
#include "credentials/contexts.hpp"
#include "credentials/credential.hpp"
#include "credentials/cryptosuite.hpp"
#include "credentials/provider.hpp"
#include "credentials/status_list.hpp"
#include "linkeddata/jsonld.hpp"
#include "support/commands.hpp"
#include "support/credential_fixtures.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace sightline;
using namespace sightline::credentials;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const fs::path kSource = SIGHTLINE_SOURCE_DIR;
const fs::path kOracles = kSource / "tools/oracles";
const fs::path kScripts = kSource / "tests/credentials/oracles";
const fs::path kPinned = kSource / "engine/credentials/contexts";

void require_oracles() {
    REQUIRE_MESSAGE(fs::exists(kOracles / "node_modules/@digitalcredentials/verifier-core"),
                    "the npm test oracles are missing: run tools/setup.sh --tests");
    REQUIRE_MESSAGE(std::system("/usr/bin/python3 -c 'import pyld' 2>/dev/null") == 0,
                    "Debian's python3-pyld is missing: run tools/setup.sh --tests");
}

std::string quoted(const fs::path& path) {
    return "'" + path.string() + "'";
}

void write(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) {
        text.pop_back();
    }
    return text;
}

// What a provider's web server answers: URL -> the file's text.
using Served = std::vector<std::pair<std::string, std::string>>;

// Credentials for the DCC verifier, checked in one run of it (it takes about a
// second to start): expect() each with the verdict it must get, then check().
// The verifier caches what it resolves (DID documents) for the run's lifetime,
// so a job that must not see an earlier job's served pages needs a batch of its own.
// A verdict is "valid", "revoked", "status unknown: ..." or "invalid: ...";
// an expectation ending in "..." is a prefix.
class DccBatch {
  public:
    void expect(std::string label, const std::string& text, const Served& served,
                std::string verdict) {
        json pages = json::object();
        for (const auto& [url, page] : served) {
            pages[url] = page;
        }
        jobs_.push_back({{"credential", text}, {"served", pages}});
        expected_.push_back({std::move(label), std::move(verdict)});
    }

    void check(const test::TempDir& temp) const {
        const fs::path file = temp.path() / "dcc-jobs.json";
        write(file, jobs_.dump());
        const std::string output = test::capture("node " + quoted(kScripts / "dcc_verify.mjs") +
                                                 " " + quoted(kOracles) + " " + quoted(file));
        const json verdicts = json::parse(output, nullptr, false);
        REQUIRE_MESSAGE((verdicts.is_array() && verdicts.size() == expected_.size()),
                        "dcc_verify.mjs answered: " << output);
        for (std::size_t i = 0; i < expected_.size(); ++i) {
            const std::string& label = expected_[i].first;
            const std::string& wanted = expected_[i].second;
            CAPTURE(label);
            const std::string verdict = verdicts[i].get<std::string>();
            if (wanted.ends_with("...")) {
                CHECK_MESSAGE(verdict.starts_with(wanted.substr(0, wanted.size() - 3)), verdict);
            } else {
                CHECK(verdict == wanted);
            }
        }
    }

  private:
    json jobs_ = json::array();
    std::vector<std::pair<std::string, std::string>> expected_;
};

constexpr const char* kDomain = "training.example.org";
constexpr const char* kListUrl = "https://training.example.org/status/1";
constexpr std::int64_t kIndex = 94567;

struct Shape {
    const char* name;
    CertificateFacts facts;
    std::string method = test::fixed_verification_method();
};

// The provider fixed_key() is the key of, with a domain.
Provider web_provider() {
    Provider provider;
    provider.public_key = test::fixed_key().public_key();
    provider.links.did_web_domain = kDomain;
    provider.links.status_list_url = kListUrl;
    return provider;
}

// Every shape of credential Sightline issues: with every optional field, with
// none, naming the compliance rules its course meets, revocable (a status list
// entry), and from a did:web issuer.
std::vector<Shape> issued_shapes() {
    CertificateFacts bare = test::fixed_facts();
    bare.profession.clear();
    bare.licence_number.clear();
    bare.licence_state.clear();
    bare.score_percent.reset();
    bare.provider.approval.clear();
    bare.provider.contact = "+1 313 555 0142";
    bare.provider.title.clear();
    bare.course_approval.clear();
    bare.course_version.clear();
    CertificateFacts revocable = test::fixed_facts();
    revocable.status = StatusEntry{kListUrl, kIndex};
    CertificateFacts web = revocable;
    web.issuer_id = web_provider().did();
    CertificateFacts meets = test::fixed_facts(); // names the compliance rules it meets
    meets.rules = {"Texas hotel employee training (1 TAC §54.100-101)",
                   "Michigan human trafficking training (R 338.10)"};
    return {{"every optional field", test::fixed_facts()},
            {"naming compliance rules", meets},
            {"no optional field", bare},
            {"revocable", revocable},
            {"did:web and revocable", web, web_provider().verification_method()}};
}

std::string signed_text(const Shape& shape) {
    return credential_text(sign_credential(build_credential(shape.facts), test::fixed_key(),
                                           shape.method, shape.facts.issued));
}

// The shape's provider's published status list, with `revoked` set.
std::string status_list_text(const Shape& shape, std::vector<std::int64_t> revoked) {
    return credential_text(
        sign_credential(build_status_list_credential(kListUrl, shape.facts.issuer_id,
                                                     "2025-03-15T09:00:00Z", revoked),
                        test::fixed_key(), shape.method, "2025-03-15T09:00:00Z"));
}

// What the shape's provider publishes: its status list and, for did:web, did.json.
Served provider_site(const Shape& shape, std::vector<std::int64_t> revoked = {}) {
    Served served;
    if (shape.facts.status) {
        served.emplace_back(kListUrl, status_list_text(shape, std::move(revoked)));
    }
    if (shape.facts.issuer_id.starts_with("did:web:")) {
        served.emplace_back(std::string("https://") + kDomain + "/.well-known/did.json",
                            did_document(web_provider()).dump(2));
    }
    return served;
}

} // namespace

TEST_CASE("the DCC verifier accepts every credential shape Sightline issues, offline, and "
          "refuses a changed one") {
    require_oracles();
    DccBatch batch;
    DccBatch without_did_json;
    for (const Shape& shape : issued_shapes()) {
        const std::string name = shape.name;
        const std::string text = signed_text(shape);
        batch.expect(name + ": as issued", text, provider_site(shape), "valid");

        json changed = json::parse(text);
        changed["credentialSubject"]["creditsEarned"] = 20;
        batch.expect(name + ": credits changed", changed.dump(), provider_site(shape),
                     "invalid...");
        json renamed = json::parse(text);
        renamed["credentialSubject"]["identifier"][0]["identityHash"] = "Someone Else";
        batch.expect(name + ": renamed", renamed.dump(), provider_site(shape), "invalid...");
        if (shape.facts.status) {
            // Revoked: the published list has the certificate's index set.
            batch.expect(name + ": revoked", text, provider_site(shape, {kIndex}), "revoked");
            // Other certificates' revocations leave it valid.
            batch.expect(name + ": neighbours revoked", text,
                         provider_site(shape, {kIndex - 1, kIndex + 1, 0, kStatusListBits - 1}),
                         "valid");
            // The verifier really looked: without the published list there is no answer.
            Served unpublished = provider_site(shape);
            unpublished.erase(unpublished.begin());
            batch.expect(name + ": list not published", text, unpublished,
                         "status unknown: status_list_not_found");
            // A list signed by someone else is not the provider's answer.
            Served forged = provider_site(shape);
            json list = json::parse(forged.front().second);
            list["validFrom"] = "2025-03-16T09:00:00Z";
            forged.front().second = list.dump();
            batch.expect(name + ": forged list", text, forged, "status unknown...");
        }
        if (shape.facts.issuer_id.starts_with("did:web:")) {
            // And it resolved the issuer through did.json: without it, no key.
            // In a run of its own: the verifier keeps a DID document it resolved.
            without_did_json.expect(name + ": no did.json", text, {provider_site(shape).front()},
                                    "invalid...");
        }
    }
    // A certificate issued before eddsa-rdfc-2022 is one no Open Badges verifier
    // accepts: the reason this suite changed.
    const std::string legacy = test::capture(
        "cat " + quoted(kSource / "tests/credentials/data/certificate-eddsa-jcs-2022.json"));
    batch.expect("eddsa-jcs-2022", legacy, {}, "invalid...");
    test::TempDir temp;
    batch.check(temp);
    without_did_json.check(temp);
}

TEST_CASE("pyld expands and canonicalises every credential shape as Sightline does, under "
          "the pinned and under the published contexts") {
    require_oracles();
    test::TempDir temp;
    const fs::path published = temp.path() / "published";
    fs::create_directories(published);
    REQUIRE(std::system(("node " + quoted(kScripts / "dump_published_contexts.mjs") + " " +
                         quoted(kOracles) + " " + quoted(published))
                            .c_str()) == 0);
    std::vector<std::pair<std::string, std::string>> documents;
    for (const Shape& shape : issued_shapes()) {
        documents.emplace_back(shape.name, signed_text(shape));
    }
    // The status list is a credential Sightline issues too.
    documents.emplace_back("status list", status_list_text(issued_shapes().back(), {kIndex, 7}));
    for (const auto& named : documents) {
        const std::string& name = named.first;
        const std::string& text = named.second;
        CAPTURE(name);
        const fs::path file = temp.path() / "credential.json";
        write(file, text);
        json document = json::parse(text);
        document.erase("proof");
        const json ours = linkeddata::expand(document, pinned_contexts());
        const std::string our_nquads = canonical_nquads(document);

        for (const fs::path& contexts : {kPinned, published}) {
            CAPTURE(contexts.string());
            const json pyld = json::parse(
                test::capture("/usr/bin/python3 " + quoted(kScripts / "pyld_canonical.py") + " " +
                              quoted(contexts / "credentials-v2.jsonld") + " " +
                              quoted(contexts / "ob-context-3.0.3.json") + " " + quoted(file)));
            CHECK(pyld["expanded"] == ours);
            CHECK(pyld["nquads"].get<std::string>() == our_nquads);
        }
    }
}

TEST_CASE("the pinned contexts define every term as the published contexts do") {
    require_oracles();
    CHECK(trimmed(test::capture("node " + quoted(kScripts / "check_contexts.mjs") + " " +
                                quoted(kOracles) + " " + quoted(kPinned) + " 2>&1")) == "same");
}

namespace {

// What Ajv says of each file against `schema`: "valid" or "invalid: ...".
std::vector<std::string> schema_verdicts(const fs::path& schema,
                                         const std::vector<fs::path>& files) {
    std::string command = "node " + quoted(kScripts / "ob3_schema.mjs") + " " + quoted(kOracles) +
                          " " + quoted(schema);
    for (const fs::path& file : files) {
        command += " " + quoted(file);
    }
    std::vector<std::string> verdicts;
    std::istringstream lines(test::capture(command + " 2>&1"));
    for (std::string line; std::getline(lines, line);) {
        verdicts.push_back(line);
    }
    return verdicts;
}

} // namespace

TEST_CASE("every credential shape Sightline issues fits the Open Badges 3.0 data model's "
          "JSON Schema, and a credential that breaks a rule does not") {
    require_oracles();
    test::TempDir temp;
    std::vector<fs::path> issued;
    for (const Shape& shape : issued_shapes()) {
        issued.push_back(temp.path() / ("issued-" + std::to_string(issued.size()) + ".json"));
        write(issued.back(), signed_text(shape));
    }
    const fs::path ours = kScripts / "ob3_data_model.schema.json";
    CHECK(schema_verdicts(ours, issued) == std::vector<std::string>(issued.size(), "valid"));

    // Each break of a data model rule is found, and named.
    const json good = json::parse(signed_text(issued_shapes().front()));
    const std::vector<std::pair<std::string, std::string>> breaks = {
        {"/validFrom", "must have required property 'validFrom'"},
        {"/credentialSubject/achievement/criteria", "must have required property 'criteria'"},
        {"/credentialSubject/identifier/1/identityType", "must match pattern"},
        {"/issuer/type", "must contain at least 1 valid item"},
        {"/@context/0", "must be equal to constant"},
        {"/proof/cryptosuite", "must be equal to constant"},
    };
    std::vector<fs::path> broken;
    for (const auto& [where, _] : breaks) {
        json changed = good;
        const json::json_pointer at(where);
        if (where == "/credentialSubject/identifier/1/identityType") {
            changed[at] = "licence number"; // not a listed type, and not "ext:..."
        } else if (where == "/issuer/type") {
            changed[at] = json::array({"Organization"});
        } else if (where == "/@context/0") {
            changed[at] = "https://www.w3.org/2018/credentials/v1";
        } else if (where == "/proof/cryptosuite") {
            changed[at] = "eddsa-jcs-2022";
        } else {
            changed[at.parent_pointer()].erase(at.back());
        }
        broken.push_back(temp.path() / ("broken-" + std::to_string(broken.size()) + ".json"));
        write(broken.back(), changed.dump());
    }
    const std::vector<std::string> verdicts = schema_verdicts(ours, broken);
    REQUIRE(verdicts.size() == breaks.size());
    for (std::size_t i = 0; i < breaks.size(); ++i) {
        CAPTURE(breaks[i].first);
        CHECK(verdicts[i].starts_with("invalid: "));
        CHECK(verdicts[i].find(breaks[i].second) != std::string::npos);
    }

    // 1EdTech's own schema, when someone provides a copy (it is published at
    // purl.imsglobal.org and cannot be fetched or committed here).
    if (const char* official = std::getenv("SIGHTLINE_OB3_SCHEMA")) {
        INFO("validated against " << official);
        CHECK(schema_verdicts(official, issued) ==
              std::vector<std::string>(issued.size(), "valid"));
    } else {
        MESSAGE("1EdTech's ob_v3p0_achievementcredential_schema.json not given "
                "(SIGHTLINE_OB3_SCHEMA): validated against the data model's rules only");
    }
}
