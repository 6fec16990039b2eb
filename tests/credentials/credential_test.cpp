// The signed credential: sign then verify, every single change fails, the key
// is checked, and malformed input of every kind is an "invalid" with a reason.
#include "credentials/contexts.hpp"
#include "credentials/credential.hpp"
#include "credentials/cryptosuite.hpp"
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
                        proof["created"].get<std::string>(), Cryptosuite::EddsaJcs2022);
    CHECK(resigned["proof"]["proofValue"] == proof["proofValue"]);
}

TEST_CASE("the W3C eddsa-rdfc-2022 test vector is reproduced byte for byte") {
    // w3c/vc-di-eddsa TestVectors/keyPair.json and eddsa-rdfc-2022/: the unsigned
    // credential, its canonical N-Quads, the proof configuration's, both hashes and
    // the signature. The vector names the VC 2.0 context (pinned) and the examples
    // context, which is only {"@vocab": "https://www.w3.org/ns/credentials/examples#"}.
    linkeddata::ContextStore contexts = pinned_contexts();
    contexts.add("https://www.w3.org/ns/credentials/examples/v2",
                 json{{"@context", {{"@vocab", "https://www.w3.org/ns/credentials/examples#"}}}});
    const json unsigned_vector = json::parse(R"({
  "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
  "id": "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
  "type": ["VerifiableCredential", "AlumniCredential"],
  "name": "Alumni Credential",
  "description": "A minimum viable example of an Alumni Credential.",
  "issuer": "https://vc.example/issuers/5678",
  "validFrom": "2023-01-01T00:00:00Z",
  "credentialSubject": {"id": "did:example:abcdefgh", "alumniOf": "The School of Examples"}
})");
    const json proof_config = json::parse(R"({
  "type": "DataIntegrityProof",
  "cryptosuite": "eddsa-rdfc-2022",
  "created": "2023-02-24T23:36:38Z",
  "verificationMethod": "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
  "proofPurpose": "assertionMethod",
  "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"]
})");
    CHECK(canonical_nquads(unsigned_vector, contexts) ==
          "<did:example:abcdefgh> <https://www.w3.org/ns/credentials/examples#alumniOf> \"The "
          "School of Examples\" .\n"
          "<urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33> "
          "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
          "<https://www.w3.org/2018/credentials#VerifiableCredential> .\n"
          "<urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33> "
          "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
          "<https://www.w3.org/ns/credentials/examples#AlumniCredential> .\n"
          "<urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33> <https://schema.org/description> \"A "
          "minimum viable example of an Alumni Credential.\" .\n"
          "<urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33> <https://schema.org/name> \"Alumni "
          "Credential\" .\n"
          "<urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33> "
          "<https://www.w3.org/2018/credentials#credentialSubject> <did:example:abcdefgh> .\n"
          "<urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33> "
          "<https://www.w3.org/2018/credentials#issuer> <https://vc.example/issuers/5678> .\n"
          "<urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33> "
          "<https://www.w3.org/2018/credentials#validFrom> "
          "\"2023-01-01T00:00:00Z\"^^<http://www.w3.org/2001/XMLSchema#dateTime> .\n");
    CHECK(canonical_nquads(proof_config, contexts) ==
          "_:c14n0 <http://purl.org/dc/terms/created> "
          "\"2023-02-24T23:36:38Z\"^^<http://www.w3.org/2001/XMLSchema#dateTime> .\n"
          "_:c14n0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
          "<https://w3id.org/security#DataIntegrityProof> .\n"
          "_:c14n0 <https://w3id.org/security#cryptosuite> "
          "\"eddsa-rdfc-2022\"^^<https://w3id.org/security#cryptosuiteString> .\n"
          "_:c14n0 <https://w3id.org/security#proofPurpose> "
          "<https://w3id.org/security#assertionMethod> .\n"
          "_:c14n0 <https://w3id.org/security#verificationMethod> "
          "<did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#"
          "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2> .\n");
    const auto data =
        hash_data(Cryptosuite::EddsaRdfc2022, proof_config, unsigned_vector, contexts);
    CHECK(to_hex(std::span(data).first(32)) ==
          "bea7b7acfbad0126b135104024a5f1733e705108f42d59668b05c0c50004c6b0");
    CHECK(to_hex(std::span(data).last(32)) ==
          "517744132ae165a5349155bef0bb0cf2258fff99dfe1dbd914b938d775a36017");
    const auto pair = parse_secret_multibase("z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq");
    REQUIRE(pair);
    const Signature signature = pair->sign(data);
    CHECK(to_hex(signature) == "4d8e53c2d5b3f2a7891753eb16ca993325bdb0d3cfc5be1093d0a18426f5ef85"
                               "78cadc0fd4b5f4dd0d1ce0aefd15ab120b7a894d0eb094ffda4e6553cd1ed50d");
    CHECK("z" + base58btc_encode(signature) ==
          "z2YwC8z3ap7yx1nZYCg4L3j3ApHsF8kgPdSb5xoS1VR7vPG3F561B52hYnQF9iseabecm3ijx4K1FBTQsCZahKZ"
          "me");
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
    CHECK(c["credentialSubject"]["identifier"][1] == json{{"type", "IdentityObject"},
                                                          {"identityHash", "4704-298113"},
                                                          {"identityType", "ext:licenseNumber"},
                                                          {"hashed", false}});
    CHECK(c["credentialSubject"]["creditsEarned"] == 1);
    CHECK(c["credentialSubject"]["achievement"]["type"] == json::array({"Achievement"}));
    CHECK(c["credentialSubject"]["achievement"]["criteria"]["narrative"].is_string());
    CHECK(c["evidence"][0]["narrative"] == "I completed this training myself.");
    CHECK(c["issuer"]["official"] == "Dr. Amara Lindqvist, Director of Clinical Education");
    CHECK_FALSE(c.contains("verificationCode")); // on the PDF only: no Open Badges term
    CHECK(c["proof"]["cryptosuite"] == "eddsa-rdfc-2022");
    CHECK(v.cryptosuite == "eddsa-rdfc-2022");
    CHECK(c["proof"]["proofPurpose"] == "assertionMethod");
    CHECK(c["proof"]["proofValue"].get<std::string>().starts_with("z"));
}

TEST_CASE("the facts read back from the credential are the facts that were signed") {
    // The signatory and their title are one Open Badges "official"; the verification
    // code is not in the credential.
    const auto as_signed = [](CertificateFacts f) {
        if (!f.provider.title.empty()) {
            f.provider.signatory += ", " + f.provider.title;
            f.provider.title.clear();
        }
        f.verification_code.clear();
        return f;
    };
    CHECK(facts_from_credential(fixed()) == as_signed(test::fixed_facts()));
    CertificateFacts no_score = test::fixed_facts();
    no_score.score_percent.reset();
    no_score.licence_number.clear();
    no_score.provider.approval.clear();
    no_score.provider.contact = "+1 313 555 0142";
    no_score.course_approval.clear();
    const json rebuilt =
        json::parse(sign_credential(build_credential(no_score), test::fixed_key(),
                                    test::fixed_verification_method(), no_score.issued)
                        .dump());
    CHECK(facts_from_credential(rebuilt) == as_signed(no_score));

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
    c["credentialSubject"]["identifier"][1]["identityHash"] = "4704-298114";
    CHECK(reason(c).starts_with("bad signature"));
    // JSON-LD safe mode: a member no pinned context defines is refused by name.
    json undefined = fixed();
    undefined["credentialSubject"]["licenseNumber"] = "4704-298113";
    CHECK(reason(undefined) ==
          "not valid JSON-LD: undefined term licenseNumber at credentialSubject.licenseNumber");
    json unknown_context = fixed();
    unknown_context["@context"][1] = "https://example.org/context.json";
    CHECK(reason(unknown_context)
              .starts_with("not valid JSON-LD: unknown context https://example.org/context.json"));

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
    CHECK(with("/proof/cryptosuite", "ecdsa-rdfc-2019")
              .starts_with("proof.cryptosuite must be eddsa-rdfc-2022"));
    CHECK(with("/proof/cryptosuite", "eddsa-jcs-2022").starts_with("bad signature"));
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

TEST_CASE("a certificate issued with eddsa-jcs-2022 still verifies and reprints") {
    // tests/credentials/data/certificate-eddsa-jcs-2022.json: the fixed certificate as
    // Sightline issued it before eddsa-rdfc-2022, never to be regenerated.
    std::ifstream in(std::filesystem::path(SIGHTLINE_SOURCE_DIR) /
                         "tests/credentials/data/certificate-eddsa-jcs-2022.json",
                     std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const Verification v = verify_credential_text(text.str(), test::fixed_key().public_key());
    CHECK(v.valid);
    CHECK(v.cryptosuite == "eddsa-jcs-2022");
    CertificateFacts legacy = test::fixed_facts();
    legacy.cryptosuite = "eddsa-jcs-2022";
    CHECK(facts_from_credential(json::parse(text.str())) == legacy);
    json changed = json::parse(text.str());
    changed["credentialSubject"]["licenseNumber"] = "4704-298114";
    CHECK(reason(changed).starts_with("bad signature"));
}
