// Revocation: the status list entry, the GZIP'd bitstring, the signed list and
// the status check, including lists that are hostile or not the provider's. The
// DCC verifier reads the same lists in oracles_test.cpp.
#include "credentials/provider.hpp"
#include "credentials/status_list.hpp"
#include "support/credential_fixtures.hpp"

#include <doctest/doctest.h>
#include <sodium.h>

#include <set>
#include <zlib.h>

using namespace sightline::credentials;
namespace test = sightline::test;
using nlohmann::json;

namespace {

constexpr const char* kList = "https://training.example.org/status/1";

std::string signed_list(std::vector<std::int64_t> revoked, const KeyPair& key = test::fixed_key(),
                        const char* url = kList) {
    return credential_text(
        sign_credential(build_status_list_credential(url, did_key(key.public_key()),
                                                     "2025-03-15T09:00:00Z", revoked),
                        key, did_key(key.public_key()) + "#" + public_multibase(key.public_key()),
                        "2025-03-15T09:00:00Z"));
}

json revocable_credential(std::int64_t index) {
    CertificateFacts facts = test::fixed_facts();
    facts.status = StatusEntry{kList, index};
    return json(sign_credential(build_credential(facts), test::fixed_key(),
                                test::fixed_verification_method(), facts.issued));
}

// base64url(gzip(bytes)) with the multibase prefix, as a hostile list would be made.
std::string encoded(const std::string& gzip_bytes) {
    std::string out(
        sodium_base64_encoded_len(gzip_bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING),
        '\0');
    sodium_bin2base64(out.data(), out.size(),
                      reinterpret_cast<const unsigned char*>(gzip_bytes.data()), gzip_bytes.size(),
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    out.resize(std::char_traits<char>::length(out.c_str()));
    return "u" + out;
}

std::string gzip_of(const std::string& bytes) {
    z_stream stream{};
    REQUIRE(deflateInit2(&stream, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out(deflateBound(&stream, static_cast<uLong>(bytes.size())) + 32, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    stream.avail_in = static_cast<uInt>(bytes.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    REQUIRE(deflate(&stream, Z_FINISH) == Z_STREAM_END);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

} // namespace

TEST_CASE("a status list entry is written and read back as Bitstring Status List describes it") {
    const json entry = json(status_entry_json({kList, 4711}));
    CHECK(entry == json::parse(R"({"id": "https://training.example.org/status/1#4711",
        "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
        "statusListIndex": "4711", "statusListCredential": "https://training.example.org/status/1"})"));
    CHECK(status_entry_of(json{{"credentialStatus", entry}}) == StatusEntry{kList, 4711});
    CHECK(status_entry_of(json::object()) == std::nullopt);
    // Among several entries, the revocation one; a suspension list alone is not ours.
    json suspension = entry;
    suspension["statusPurpose"] = "suspension";
    CHECK(status_entry_of(json{{"credentialStatus", json::array({suspension, entry})}}) ==
          StatusEntry{kList, 4711});
    CHECK(status_entry_of(json{{"credentialStatus", suspension}}) == std::nullopt);

    for (const char* index : {"-1", "4x", "", "99999999999999999999"}) {
        CAPTURE(index);
        json bad = entry;
        bad["statusListIndex"] = index;
        CHECK_THROWS_WITH_AS(status_entry_of(json{{"credentialStatus", bad}}),
                             doctest::Contains("statusListIndex"), CredentialError);
    }
    json untyped = entry;
    untyped["type"] = "StatusList2021Entry";
    CHECK_THROWS_AS(status_entry_of(json{{"credentialStatus", untyped}}), CredentialError);
}

TEST_CASE("the bitstring is 16 KB, index 0 is the first byte's high bit, and it survives GZIP "
          "and base64url") {
    const std::vector<std::int64_t> revoked = {0, 9, kStatusListBits - 1};
    const std::string list = encode_status_list(revoked);
    CHECK(list.starts_with("u"));
    CHECK(list.find_first_of("+/=") == std::string::npos); // base64url without padding
    const std::vector<std::uint8_t> bits = decode_status_list(list);
    REQUIRE(bits.size() == 16384);
    CHECK(bits[0] == 0x80);
    CHECK(bits[1] == 0x40);
    CHECK(bits[16383] == 0x01);
    std::set<std::int64_t> set_bits;
    for (std::int64_t i = 0; i < kStatusListBits; ++i) {
        if (status_bit(bits, i)) {
            set_bits.insert(i);
        }
    }
    CHECK(set_bits == std::set<std::int64_t>(revoked.begin(), revoked.end()));
    // An empty list compresses to almost nothing: publishing it costs little.
    CHECK(encode_status_list({}).size() < 100);
    CHECK_THROWS_AS(encode_status_list(std::vector<std::int64_t>{kStatusListBits}),
                    CredentialError);
    CHECK_THROWS_AS(encode_status_list(std::vector<std::int64_t>{-1}), CredentialError);
}

TEST_CASE("hostile encoded lists are refused with a reason, never inflated without bound") {
    CHECK_THROWS_WITH_AS(decode_status_list("zABC"), doctest::Contains("multibase base64url"),
                         CredentialError);
    CHECK_THROWS_WITH_AS(decode_status_list("u!!!!"), doctest::Contains("not base64url"),
                         CredentialError);
    CHECK_THROWS_WITH_AS(decode_status_list(encoded("not gzip at all")),
                         doctest::Contains("not GZIP"), CredentialError);
    const std::string whole = gzip_of(std::string(1000, '\0'));
    CHECK_THROWS_WITH_AS(decode_status_list(encoded(whole.substr(0, whole.size() / 2))),
                         doctest::Contains("truncated"), CredentialError);
    // 64 MB of zeros compress to about 64 KB: refused once 1 MB has come out.
    const std::string bomb = gzip_of(std::string(64u << 20, '\0'));
    CHECK(bomb.size() < 100'000);
    CHECK_THROWS_WITH_AS(decode_status_list(encoded(bomb)), doctest::Contains("larger than"),
                         CredentialError);
    CHECK_THROWS_WITH_AS(decode_status_list("u" + std::string(2u << 20, 'A')),
                         doctest::Contains("too long"), CredentialError);
}

TEST_CASE("random indices avoid those in use and the list says when it is full") {
    std::set<std::int64_t> used;
    for (int i = 0; i < 200; ++i) {
        const std::int64_t index =
            pick_status_index([&](std::int64_t n) { return used.count(n) > 0; });
        CHECK(index >= 0);
        CHECK(index < kStatusListBits);
        CHECK(used.insert(index).second);
    }
    // Spread over the whole list, not handed out in order (herd privacy); 200
    // random draws fall within one half of it with probability 2^-199.
    CHECK(*used.rbegin() - *used.begin() > kStatusListBits / 2);
    CHECK_THROWS_WITH_AS(pick_status_index([](std::int64_t) { return true; }),
                         doctest::Contains("status list is full"), CredentialError);
}

TEST_CASE("a certificate is revoked or not according to the provider's signed list") {
    const json credential = revocable_credential(4711);
    const PublicKey signer = test::fixed_key().public_key();

    StatusCheck check = check_status(credential, signer, signed_list({}));
    CHECK_FALSE(check.revoked);
    CHECK(check.entry == StatusEntry{kList, 4711});
    CHECK(check.list_issued == "2025-03-15T09:00:00Z");
    CHECK_FALSE(check_status(credential, signer, signed_list({4710, 4712})).revoked);
    CHECK(check_status(credential, signer, signed_list({4711})).revoked);

    // Lists that are not the answer: changed after signing, signed by another
    // key, another list, or a credential without a status entry.
    json changed = json::parse(signed_list({4711}));
    changed["credentialSubject"]["encodedList"] = encode_status_list({});
    CHECK_THROWS_WITH_AS(check_status(credential, signer, changed.dump()),
                         doctest::Contains("the status list does not verify: bad signature"),
                         CredentialError);
    const KeyPair other = KeyPair::generate();
    CHECK_THROWS_WITH_AS(check_status(credential, signer, signed_list({}, other)),
                         doctest::Contains("wrong key"), CredentialError);
    CHECK_THROWS_WITH_AS(
        check_status(credential, signer,
                     signed_list({}, test::fixed_key(), "https://training.example.org/status/2")),
        doctest::Contains("but the credential's status is in"), CredentialError);
    CHECK_THROWS_WITH_AS(check_status(json(test::fixed_credential()), signer, signed_list({})),
                         doctest::Contains("no status list entry"), CredentialError);
    CHECK_THROWS_WITH_AS(check_status(credential, signer, "{\"truncated\": "),
                         doctest::Contains("does not verify: malformed JSON"), CredentialError);
}

TEST_CASE("a did:web provider's DID document names its key for assertions") {
    Provider provider;
    provider.public_key = test::fixed_key().public_key();
    provider.links.did_web_domain = "training.example.org";
    CHECK(provider.did() == "did:web:training.example.org");
    const std::string method = provider.verification_method();
    CHECK(method == "did:web:training.example.org#" + public_multibase(provider.public_key));
    const std::string text = did_document(provider).dump();
    CHECK(key_from_did_document(text, provider.did(), method) == provider.public_key);

    CHECK_THROWS_WITH_AS(key_from_did_document(text, "did:web:other.example", method),
                         doctest::Contains("not the issuer's"), CredentialError);
    CHECK_THROWS_WITH_AS(key_from_did_document(text, provider.did(), provider.did() + "#key-2"),
                         doctest::Contains("does not list"), CredentialError);
    CHECK_THROWS_WITH_AS(key_from_did_document("[1,", provider.did(), method),
                         doctest::Contains("not JSON"), CredentialError);

    // The credential names the DID, the proof the DID's key: it verifies with it.
    CertificateFacts facts = test::fixed_facts();
    facts.issuer_id = provider.did();
    const json credential =
        json(sign_credential(build_credential(facts), test::fixed_key(), method, facts.issued));
    CHECK(verify_credential(credential, provider.public_key).valid);
    // Without the key, did:web is not resolved over the network: the reason says how.
    CHECK(verify_credential(credential).reason.find("--did-document") != std::string::npos);
}
