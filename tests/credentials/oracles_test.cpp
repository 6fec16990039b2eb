// Sightline's certificates against implementations that share no code with it:
// the Digital Credentials Consortium's verifier (npm, the engine of VerifierPlus
// and the Learner Credential Wallet), run offline, and Debian's pyld (JSON-LD
// expansion and URDNA2015/RDFC-1.0). `tools/setup.sh --tests` installs both.
#include "credentials/contexts.hpp"
#include "credentials/credential.hpp"
#include "credentials/cryptosuite.hpp"
#include "linkeddata/jsonld.hpp"
#include "support/commands.hpp"
#include "support/credential_fixtures.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

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

// What the DCC verifier says of a credential: "valid" or "invalid: ...".
std::string dcc_verify(const test::TempDir& temp, const std::string& name,
                       const std::string& text) {
    const fs::path file = temp.path() / (name + ".json");
    write(file, text);
    return trimmed(test::capture("node " + quoted(kScripts / "dcc_verify.mjs") + " " +
                                 quoted(kOracles) + " " + quoted(file) + " 2>&1"));
}

struct Shape {
    const char* name;
    CertificateFacts facts;
};

// Every shape of credential Sightline issues: with every optional field, and with none.
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
    return {{"every optional field", test::fixed_facts()}, {"no optional field", bare}};
}

std::string signed_text(const CertificateFacts& facts) {
    return credential_text(sign_credential(build_credential(facts), test::fixed_key(),
                                           test::fixed_verification_method(), facts.issued));
}

} // namespace

TEST_CASE("the DCC verifier accepts every credential shape Sightline issues, offline, and "
          "refuses a changed one") {
    require_oracles();
    test::TempDir temp;
    for (const Shape& shape : issued_shapes()) {
        CAPTURE(shape.name);
        const std::string text = signed_text(shape.facts);
        CHECK(dcc_verify(temp, "issued", text) == "valid");

        json changed = json::parse(text);
        changed["credentialSubject"]["creditsEarned"] = 20;
        CHECK(dcc_verify(temp, "credits", changed.dump()).starts_with("invalid"));
        json renamed = json::parse(text);
        renamed["credentialSubject"]["identifier"][0]["identityHash"] = "Someone Else";
        CHECK(dcc_verify(temp, "renamed", renamed.dump()).starts_with("invalid"));
    }
    // A certificate issued before eddsa-rdfc-2022 is one no Open Badges verifier
    // accepts: the reason this suite changed.
    const std::string legacy = test::capture(
        "cat " + quoted(kSource / "tests/credentials/data/certificate-eddsa-jcs-2022.json"));
    CHECK(dcc_verify(temp, "legacy", legacy).starts_with("invalid"));
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
    for (const Shape& shape : issued_shapes()) {
        CAPTURE(shape.name);
        const fs::path file = temp.path() / "credential.json";
        write(file, signed_text(shape.facts));
        json document = json::parse(signed_text(shape.facts));
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
