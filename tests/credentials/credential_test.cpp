// The signed credential: sign then verify, every single change fails, the key
// is checked, and malformed input of every kind is an "invalid" with a reason.
#include "credentials/credential.hpp"
#include "credentials/files.hpp"
#include "credentials/jcs.hpp"
#include "support/credential_fixtures.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace sightline;
using namespace sightline::credentials;
using nlohmann::json;

namespace {

// Every leaf of `value` (strings, numbers, booleans, nulls, empty containers) as a JSON pointer.
void leaves(const json& value, const json::json_pointer& at, std::vector<json::json_pointer>& out) {
    if (value.is_object() && !value.empty()) {
        for (const auto& [key, child] : value.items()) {
            leaves(child, at / key, out);
        }
    } else if (value.is_array() && !value.empty()) {
        for (std::size_t i = 0; i < value.size(); ++i) {
            leaves(value[i], at / i, out);
        }
    } else {
        out.push_back(at);
    }
}

// Every member of every object, as the pointer of the member.
void members(const json& value, const json::json_pointer& at,
             std::vector<json::json_pointer>& out) {
    if (value.is_object()) {
        for (const auto& [key, child] : value.items()) {
            out.push_back(at / key);
            members(child, at / key, out);
        }
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i) {
            members(value[i], at / i, out);
        }
    }
}

json changed(json leaf) {
    switch (leaf.type()) {
    case json::value_t::string:
        return leaf.get<std::string>() + "x";
    case json::value_t::boolean:
        return !leaf.get<bool>();
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
        return leaf.get<double>() + 0.25;
    case json::value_t::null:
        return 0;
    case json::value_t::array:
        return json::array({1});
    default:
        return json::object({{"x", 1}});
    }
}

json fixed() {
    return json::parse(test::fixed_credential_text());
}

std::filesystem::path fs_path_of_sample() {
    return std::filesystem::path(SIGHTLINE_SOURCE_DIR) / "tests/credentials/data/certificate.json";
}

std::string reason(const json& credential, std::optional<PublicKey> key = std::nullopt) {
    const Verification v = verify_credential(credential, key);
    return v.valid ? "valid" : v.reason;
}

std::string reason_text(std::string_view text, std::optional<PublicKey> key = std::nullopt) {
    const Verification v = verify_credential_text(text, key);
    return v.valid ? "valid" : v.reason;
}

} // namespace

TEST_CASE("the W3C eddsa-jcs-2022 test vector verifies and signing reproduces its proof") {
    // w3c/vc-di-eddsa TestVectors/eddsa-jcs-2022/signedJCS.json and keyPair.json
    const std::string signed_vector = R"({
  "@context": [
    "https://www.w3.org/ns/credentials/v2",
    "https://www.w3.org/ns/credentials/examples/v2"
  ],
  "id": "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
  "type": [
    "VerifiableCredential",
    "AlumniCredential"
  ],
  "name": "Alumni Credential",
  "description": "A minimum viable example of an Alumni Credential.",
  "issuer": "https://vc.example/issuers/5678",
  "validFrom": "2023-01-01T00:00:00Z",
  "credentialSubject": {
    "id": "did:example:abcdefgh",
    "alumniOf": "The School of Examples"
  },
  "proof": {
    "type": "DataIntegrityProof",
    "cryptosuite": "eddsa-jcs-2022",
    "created": "2023-02-24T23:36:38Z",
    "verificationMethod": "https://vc.example/issuers/5678#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
    "proofPurpose": "assertionMethod",
    "@context": [
      "https://www.w3.org/ns/credentials/v2",
      "https://www.w3.org/ns/credentials/examples/v2"
    ],
    "proofValue": "z63t83Y53KfzJ5ZosfKTnqfMcKB2dmTrfjSaQjeNNjAD5srBowQfmWqeRb8rRjmeEuCBEsddF9LsVogtuTsijJKh4"
  }
})";
    const auto key = parse_public_key("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");
    REQUIRE(key);
    CHECK(reason_text(signed_vector, key) == "valid");
    // Without a pinned key an https verificationMethod cannot be fetched offline.
    CHECK(reason_text(signed_vector).find("cannot be resolved offline") != std::string::npos);

    const auto pair = parse_secret_multibase("z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq");
    REQUIRE(pair);
    nlohmann::ordered_json document = nlohmann::ordered_json::parse(signed_vector);
    const auto proof = document["proof"];
    const auto resigned =
        sign_credential(document, *pair, proof["verificationMethod"].get<std::string>(),
                        proof["created"].get<std::string>());
    CHECK(resigned["proof"]["proofValue"] == proof["proofValue"]);
}

TEST_CASE("a signed certificate verifies, names its signer and has a stable digest") {
    const std::string text = test::fixed_credential_text();
    const Verification v = verify_credential_text(text);
    REQUIRE(v.valid);
    CHECK(v.signer == test::fixed_key().public_key());
    CHECK(v.credential_id == "urn:uuid:3f6c1d2e-8a41-4b7e-9c55-0d2a7e61b9f4");
    CHECK(v.issuer_name == "Great Lakes Care Training");
    CHECK(v.digest == credential_digest(json::parse(text)));
    CHECK(verify_credential_text(text, test::fixed_key().public_key()).valid);
    // Signing is deterministic (Ed25519), so the same facts give the same file.
    CHECK(test::fixed_credential_text() == text);

    const json c = json::parse(text);
    CHECK(c["@context"][0] == "https://www.w3.org/ns/credentials/v2");
    CHECK(c["type"] == json::array({"VerifiableCredential", "OpenBadgeCredential"}));
    CHECK(c["issuer"]["type"] == json::array({"Profile"}));
    CHECK(c["credentialSubject"]["type"] == json::array({"AchievementSubject"}));
    CHECK(c["credentialSubject"]["licenseNumber"] == "4704-298113");
    CHECK(c["credentialSubject"]["creditsEarned"] == 1);
    CHECK(c["credentialSubject"]["achievement"]["type"] == json::array({"Achievement"}));
    CHECK(c["credentialSubject"]["achievement"]["criteria"]["narrative"].is_string());
    CHECK(c["proof"]["cryptosuite"] == "eddsa-jcs-2022");
    CHECK(c["proof"]["proofPurpose"] == "assertionMethod");
    CHECK(c["proof"]["proofValue"].get<std::string>().starts_with("z"));
}

TEST_CASE("the facts read back from the credential are the facts that were signed") {
    CHECK(facts_from_credential(fixed()) == test::fixed_facts());
    CertificateFacts no_score = test::fixed_facts();
    no_score.score_percent.reset();
    no_score.licence_number.clear();
    no_score.provider.approval.clear();
    CHECK(facts_from_credential(json::parse(build_credential(no_score).dump())) == no_score);

    json c = fixed();
    c["credentialSubject"]["achievement"].erase("name");
    CHECK_THROWS_WITH_AS(facts_from_credential(c),
                         "not a Sightline certificate: missing field "
                         "credentialSubject.achievement.name",
                         CredentialError);
}

TEST_CASE("changing any single leaf of the credential or its proof makes it invalid") {
    const json original = fixed();
    std::vector<json::json_pointer> all;
    leaves(original, json::json_pointer(), all);
    REQUIRE(all.size() > 40);
    for (const auto& pointer : all) {
        CAPTURE(pointer.to_string());
        json tampered = original;
        tampered[pointer] = changed(tampered[pointer]);
        CHECK(reason(tampered) != "valid");
        CHECK(reason(tampered, test::fixed_key().public_key()) != "valid");
    }
}

TEST_CASE("removing any member, or adding one anywhere, makes it invalid") {
    const json original = fixed();
    std::vector<json::json_pointer> all;
    members(original, json::json_pointer(), all);
    for (const auto& pointer : all) {
        CAPTURE(pointer.to_string());
        json removed = original;
        removed[pointer.parent_pointer()].erase(pointer.back());
        CHECK(reason(removed) != "valid");
        json added = original;
        added[pointer.parent_pointer()]["extra"] = "x";
        CHECK(reason(added) != "valid");
    }
}

TEST_CASE("the specific reasons: bad signature, missing fields, wrong types") {
    json c = fixed();
    c["credentialSubject"]["licenseNumber"] = "4704-298114";
    CHECK(reason(c).starts_with("bad signature"));

    for (const char* field :
         {"@context", "type", "id", "issuer", "validFrom", "credentialSubject", "proof"}) {
        json missing = fixed();
        missing.erase(field);
        CHECK(reason(missing) == std::string("missing field ") + field);
    }
    for (const char* field :
         {"type", "cryptosuite", "verificationMethod", "proofPurpose", "proofValue"}) {
        json missing = fixed();
        missing["proof"].erase(field);
        CHECK(reason(missing) == std::string("missing field proof.") + field);
    }
    const auto with = [](const char* pointer, json value) {
        json c2 = fixed();
        c2[json::json_pointer(pointer)] = std::move(value);
        return reason(c2);
    };
    CHECK(with("/proof", 5) == "proof must be one object");
    CHECK(with("/proof", json::array({fixed()["proof"]})) == "proof must be one object");
    CHECK(
        with("/@context", "https://www.w3.org/ns/credentials/v2").starts_with("@context must be"));
    CHECK(with("/@context/0", "https://example.org/").starts_with("@context must be"));
    CHECK(with("/type", 5) == "type must include VerifiableCredential");
    CHECK(with("/id", 5) == "id must be a string");
    CHECK(with("/issuer", 7) == "issuer must be a string or an object");
    CHECK(with("/issuer/id", json::array()) == "issuer.id must be a string");
    CHECK(with("/validFrom", "yesterday").starts_with("validFrom is not a date"));
    CHECK(with("/credentialSubject", "x") == "credentialSubject must be an object");
    CHECK(with("/proof/proofValue", 5) == "proof.proofValue must be a string");
    CHECK(with("/proof/proofValue", "uABCD") ==
          "proof.proofValue is not a base58btc Ed25519 signature");
    CHECK(with("/proof/proofValue", "z" + std::string(90, '2')) ==
          "proof.proofValue is not a base58btc Ed25519 signature");
    CHECK(with("/proof/type", "Ed25519Signature2020") == "proof.type must be DataIntegrityProof");
    CHECK(with("/proof/cryptosuite", "eddsa-rdfc-2022") ==
          "proof.cryptosuite must be eddsa-jcs-2022");
    CHECK(with("/proof/proofPurpose", "authentication") ==
          "proof.proofPurpose must be assertionMethod");
    CHECK(with("/proof/created", "soon") == "proof.created is not a date and time");
    CHECK(with("/proof/@context", json::array({"https://example.org/"})) ==
          "proof.@context does not match the credential's @context");
    CHECK(with("/proof/verificationMethod", "did:key:zzz")
              .starts_with("proof.verificationMethod is not an Ed25519 did:key"));
    CHECK(reason(json::array()) == "the credential is not a JSON object");
}

TEST_CASE("the key: a pinned key must match, and the proof's key must be the issuer's") {
    const KeyPair other = KeyPair::generate();
    const std::string wrong = reason(fixed(), other.public_key());
    CHECK(wrong.starts_with("wrong key: signed with key "));

    // Someone re-signs a changed certificate with their own key: it verifies on
    // its own terms, but not against the provider's key.
    nlohmann::ordered_json forged = test::fixed_credential();
    forged["credentialSubject"]["creditsEarned"] = 20;
    forged["issuer"]["id"] = did_key(other.public_key());
    const std::string method =
        did_key(other.public_key()) + "#" + public_multibase(other.public_key());
    forged = sign_credential(forged, other, method, "2025-03-14T16:20:00Z");
    const json forged_json = json::parse(forged.dump());
    CHECK(reason(forged_json) == "valid");
    CHECK(reason(forged_json, test::fixed_key().public_key()).starts_with("wrong key"));

    // Pointing the proof at another key without re-signing.
    json swapped = fixed();
    swapped["proof"]["verificationMethod"] = method;
    CHECK(reason(swapped).starts_with("the proof's key"));
    swapped["issuer"]["id"] = did_key(other.public_key());
    CHECK(reason(swapped).starts_with("bad signature"));
    // A proof whose verificationMethod names no key it can be checked against.
    json unnamed = fixed();
    unnamed["proof"]["verificationMethod"] = "https://example.org/keys/1";
    CHECK(reason(unnamed).find("cannot be resolved offline") != std::string::npos);
    CHECK(reason(unnamed, test::fixed_key().public_key()).starts_with("bad signature"));
}

TEST_CASE("a credential truncated at any byte is malformed JSON, with the position") {
    std::string text = test::fixed_credential_text();
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
        text.pop_back();
    }
    REQUIRE(reason_text(text) == "valid");
    for (std::size_t length = 0; length < text.size(); ++length) {
        CAPTURE(length);
        const std::string r = reason_text(std::string_view(text).substr(0, length));
        CHECK(r.starts_with("malformed JSON at byte "));
    }
}

TEST_CASE("duplicate keys and hostile shapes are refused cleanly") {
    std::string text = test::fixed_credential_text();
    const std::size_t brace = text.find('{');
    const std::string duplicated = text.substr(0, brace + 1) +
                                   "\n  \"validFrom\": \"2020-01-01T00:00:00Z\"," +
                                   text.substr(brace + 1);
    CHECK(reason_text(duplicated) == "duplicate key \"validFrom\" in /");
    const std::size_t proof = text.find("\"proofPurpose\"");
    const std::string nested_duplicate =
        text.substr(0, proof) + "\"proofPurpose\": \"x\", " + text.substr(proof);
    CHECK(reason_text(nested_duplicate) == "duplicate key \"proofPurpose\" in /proof");

    CHECK(reason_text(std::string(200000, '[')).starts_with("JSON nested deeper than 64 levels"));
    std::string numbers = "[";
    for (int i = 0; i < 100000; ++i) {
        numbers += "1e308,";
    }
    numbers += "1]";
    CHECK(reason_text(numbers) == "the credential is not a JSON object");
    CHECK(reason_text("\xef\xbb\xbf{}") == "missing field @context"); // a UTF-8 BOM is skipped
    CHECK(reason_text("{}") == "missing field @context");
    CHECK(reason_text("null") == "the credential is not a JSON object");
}

TEST_CASE("credential files are read only up to the size limit") {
    test::TempDir temp;
    const auto huge = temp.path() / "huge.json";
    {
        std::ofstream out(huge, std::ios::binary);
        out << std::string(kMaxCredentialBytes + 1, ' ');
    }
    CHECK_THROWS_WITH_AS(
        read_file_limited(huge, kMaxCredentialBytes),
        (huge.string() + ": larger than 1048576 bytes; refusing to read it").c_str(),
        CredentialError);
    CHECK_THROWS_WITH_AS(read_file_limited(temp.path() / "none.json", 10),
                         ((temp.path() / "none.json").string() + ": no such file").c_str(),
                         CredentialError);
    CHECK_THROWS_AS(read_file_limited(temp.path(), 10), CredentialError);
    // A device without a size is cut off after the limit too.
    CHECK_THROWS_AS(read_file_limited("/dev/zero", 4096), CredentialError);
}

TEST_CASE("tests/credentials/data/certificate.json is the fixed certificate, still valid") {
    // The command-line tests verify this file with the real binary; it must be
    // what the fixtures sign today (regenerate it from fixed_credential_text()).
    const auto path = fs_path_of_sample();
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (std::getenv("SIGHTLINE_UPDATE_GOLDEN") != nullptr) {
        std::ofstream(path, std::ios::binary) << test::fixed_credential_text();
        return;
    }
    CHECK(text.str() == test::fixed_credential_text());
}
