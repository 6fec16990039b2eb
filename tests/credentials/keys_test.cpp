#include "credentials/keys.hpp"

#include <doctest/doctest.h>

using namespace sightline::credentials;

namespace {

std::vector<std::uint8_t> bytes(std::string_view text) {
    return {text.begin(), text.end()};
}

} // namespace

TEST_CASE("base58btc: known vectors, leading zeros and refusals") {
    CHECK(base58btc_encode(bytes("Hello World!")) == "2NEpo7TZRRrLZSi2U");
    CHECK(base58btc_encode(bytes("The quick brown fox jumps over the lazy dog.")) ==
          "USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z");
    const std::vector<std::uint8_t> zeros{0, 0, 0x28, 0x7f, 0xb4, 0xcd};
    CHECK(base58btc_encode(zeros) == "11233QC4");
    CHECK(base58btc_decode("11233QC4") == zeros);
    CHECK(base58btc_encode({}) == "");
    CHECK(base58btc_decode("") == std::vector<std::uint8_t>{});
    CHECK_FALSE(base58btc_decode("0OIl"));
    CHECK_FALSE(base58btc_decode(std::string(300, '2')));
    for (int n = 0; n < 40; ++n) {
        std::vector<std::uint8_t> data(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) {
            data[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(i * 37 + n);
        }
        CHECK(base58btc_decode(base58btc_encode(data)) == data);
    }
}

TEST_CASE("Multikey and did:key: the W3C Data Integrity EdDSA test key pair") {
    // w3c/vc-di-eddsa TestVectors/keyPair.json
    const std::optional<KeyPair> pair =
        parse_secret_multibase("z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq");
    REQUIRE(pair);
    CHECK(public_multibase(pair->public_key()) ==
          "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");
    CHECK(pair->secret_multibase() == "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq");
    CHECK(did_key(pair->public_key()) ==
          "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");

    const PublicKey key = pair->public_key();
    CHECK(parse_public_key("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2") == key);
    CHECK(parse_public_key("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2") == key);
    CHECK(parse_public_key("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
                           "#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2") == key);
    CHECK(parse_public_key(to_hex(key)) == key);
    CHECK_FALSE(parse_public_key("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#other"));
    CHECK_FALSE(parse_public_key("z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq")); // secret
    CHECK_FALSE(parse_public_key("z6Mk"));
    CHECK_FALSE(parse_public_key(""));
    CHECK_FALSE(parse_public_key(std::string(63, 'a')));
    CHECK_FALSE(parse_secret_multibase("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"));
}

TEST_CASE("signatures verify with their key only, and the fingerprint is grouped SHA-256") {
    const KeyPair a = KeyPair::generate();
    const KeyPair b = KeyPair::generate();
    CHECK(a.public_key() != b.public_key());
    const auto message = bytes("certificate");
    const Signature signature = a.sign(message);
    CHECK(verify_signature(a.public_key(), message, signature));
    CHECK_FALSE(verify_signature(b.public_key(), message, signature));
    CHECK_FALSE(verify_signature(a.public_key(), bytes("certificatf"), signature));

    const std::string print = fingerprint(a.public_key());
    CHECK(print.size() == 16 * 4 + 15);
    CHECK(print[4] == ' ');
    std::string hex;
    for (char c : print) {
        if (c != ' ') {
            hex += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    CHECK(hex == to_hex(sha256(std::span<const std::uint8_t>(a.public_key()))));
    CHECK(to_hex(sha256(std::string_view("abc"))) ==
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
