#include "credentials/keys.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>

namespace sightline::credentials {

namespace {

constexpr std::string_view kBase58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
constexpr std::array<std::uint8_t, 2> kEd25519PubPrefix{0xed, 0x01};
constexpr std::array<std::uint8_t, 2> kEd25519PrivPrefix{0x80, 0x26};

void ensure_sodium() {
    static const int ready = sodium_init();
    if (ready < 0) {
        throw CredentialError("libsodium could not be initialised");
    }
}

std::optional<PublicKey> public_from_multibase(std::string_view text) {
    if (text.size() < 2 || text[0] != 'z') {
        return std::nullopt;
    }
    const auto bytes = base58btc_decode(text.substr(1), 64);
    if (!bytes || bytes->size() != 34 || (*bytes)[0] != kEd25519PubPrefix[0] ||
        (*bytes)[1] != kEd25519PubPrefix[1]) {
        return std::nullopt;
    }
    PublicKey key{};
    std::copy(bytes->begin() + 2, bytes->end(), key.begin());
    return key;
}

} // namespace

KeyPair KeyPair::generate() {
    ensure_sodium();
    KeyPair pair;
    crypto_sign_keypair(pair.public_.data(), pair.secret_.data());
    return pair;
}

KeyPair KeyPair::from_seed(std::span<const std::uint8_t, 32> seed) {
    ensure_sodium();
    KeyPair pair;
    crypto_sign_seed_keypair(pair.public_.data(), pair.secret_.data(), seed.data());
    return pair;
}

KeyPair::~KeyPair() {
    sodium_memzero(secret_.data(), secret_.size());
}
KeyPair::KeyPair(const KeyPair&) = default;
KeyPair& KeyPair::operator=(const KeyPair&) = default;

Signature KeyPair::sign(std::span<const std::uint8_t> message) const {
    Signature signature{};
    crypto_sign_detached(signature.data(), nullptr, message.data(), message.size(), secret_.data());
    return signature;
}

std::string KeyPair::secret_multibase() const {
    std::array<std::uint8_t, 34> bytes{};
    std::copy(kEd25519PrivPrefix.begin(), kEd25519PrivPrefix.end(), bytes.begin());
    std::copy(secret_.begin(), secret_.begin() + 32, bytes.begin() + 2); // the seed
    std::string text = "z" + base58btc_encode(bytes);
    sodium_memzero(bytes.data(), bytes.size());
    return text;
}

bool verify_signature(const PublicKey& key, std::span<const std::uint8_t> message,
                      const Signature& signature) {
    ensure_sodium();
    return crypto_sign_verify_detached(signature.data(), message.data(), message.size(),
                                       key.data()) == 0;
}

Digest sha256(std::span<const std::uint8_t> bytes) {
    ensure_sodium();
    Digest digest{};
    crypto_hash_sha256(digest.data(), bytes.data(), bytes.size());
    return digest;
}

Digest sha256(std::string_view text) {
    return sha256(std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

std::string base58btc_encode(std::span<const std::uint8_t> bytes) {
    std::size_t zeros = 0;
    while (zeros < bytes.size() && bytes[zeros] == 0) {
        ++zeros;
    }
    // Repeated division of the big-endian number by 58, digits least significant first.
    std::vector<std::uint8_t> digits;
    digits.reserve(bytes.size() * 138 / 100 + 1);
    for (std::size_t i = zeros; i < bytes.size(); ++i) {
        unsigned carry = bytes[i];
        for (std::uint8_t& d : digits) {
            carry += static_cast<unsigned>(d) << 8;
            d = static_cast<std::uint8_t>(carry % 58);
            carry /= 58;
        }
        while (carry > 0) {
            digits.push_back(static_cast<std::uint8_t>(carry % 58));
            carry /= 58;
        }
    }
    std::string out(zeros, '1');
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        out += kBase58[*it];
    }
    return out;
}

std::optional<std::vector<std::uint8_t>> base58btc_decode(std::string_view text,
                                                          std::size_t max_chars) {
    if (text.size() > max_chars) {
        return std::nullopt;
    }
    std::size_t zeros = 0;
    while (zeros < text.size() && text[zeros] == '1') {
        ++zeros;
    }
    std::vector<std::uint8_t> bytes; // least significant first
    for (std::size_t i = zeros; i < text.size(); ++i) {
        const std::size_t value = kBase58.find(text[i]);
        if (value == std::string_view::npos) {
            return std::nullopt;
        }
        unsigned carry = static_cast<unsigned>(value);
        for (std::uint8_t& b : bytes) {
            carry += static_cast<unsigned>(b) * 58;
            b = static_cast<std::uint8_t>(carry & 0xFF);
            carry >>= 8;
        }
        while (carry > 0) {
            bytes.push_back(static_cast<std::uint8_t>(carry & 0xFF));
            carry >>= 8;
        }
    }
    std::vector<std::uint8_t> out(zeros, 0);
    out.insert(out.end(), bytes.rbegin(), bytes.rend());
    return out;
}

std::string to_hex(std::span<const std::uint8_t> bytes) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const std::uint8_t b : bytes) {
        out += kHex[b >> 4];
        out += kHex[b & 0xF];
    }
    return out;
}

std::string public_multibase(const PublicKey& key) {
    std::array<std::uint8_t, 34> bytes{};
    std::copy(kEd25519PubPrefix.begin(), kEd25519PubPrefix.end(), bytes.begin());
    std::copy(key.begin(), key.end(), bytes.begin() + 2);
    return "z" + base58btc_encode(bytes);
}

std::string did_key(const PublicKey& key) {
    return "did:key:" + public_multibase(key);
}

std::optional<PublicKey> parse_public_key(std::string_view text) {
    if (text.starts_with("did:key:")) {
        text.remove_prefix(8);
        if (const std::size_t hash = text.find('#'); hash != std::string_view::npos) {
            const std::string_view fragment = text.substr(hash + 1);
            text = text.substr(0, hash);
            if (fragment != text) {
                return std::nullopt;
            }
        }
        return public_from_multibase(text);
    }
    if (text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
            return std::isxdigit(static_cast<unsigned char>(c)) != 0;
        })) {
        PublicKey key{};
        for (std::size_t i = 0; i < key.size(); ++i) {
            const auto nibble = [](char c) {
                return static_cast<std::uint8_t>(std::isdigit(static_cast<unsigned char>(c))
                                                     ? c - '0'
                                                     : std::tolower(static_cast<unsigned char>(c)) -
                                                           'a' + 10);
            };
            key[i] = static_cast<std::uint8_t>(nibble(text[2 * i]) << 4 | nibble(text[2 * i + 1]));
        }
        return key;
    }
    return public_from_multibase(text);
}

std::optional<KeyPair> parse_secret_multibase(std::string_view text) {
    if (text.size() < 2 || text[0] != 'z') {
        return std::nullopt;
    }
    auto bytes = base58btc_decode(text.substr(1), 64);
    if (!bytes || bytes->size() != 34 || (*bytes)[0] != kEd25519PrivPrefix[0] ||
        (*bytes)[1] != kEd25519PrivPrefix[1]) {
        if (bytes) {
            sodium_memzero(bytes->data(), bytes->size());
        }
        return std::nullopt;
    }
    std::array<std::uint8_t, 32> seed{};
    std::copy(bytes->begin() + 2, bytes->end(), seed.begin());
    sodium_memzero(bytes->data(), bytes->size());
    KeyPair pair = KeyPair::from_seed(seed);
    sodium_memzero(seed.data(), seed.size());
    return pair;
}

std::string fingerprint(const PublicKey& key) {
    const Digest digest = sha256(std::span<const std::uint8_t>(key));
    std::string hex = to_hex(digest);
    std::string out;
    for (std::size_t i = 0; i < hex.size(); i += 4) {
        if (i > 0) {
            out += ' ';
        }
        for (std::size_t k = i; k < i + 4; ++k) {
            out += static_cast<char>(std::toupper(static_cast<unsigned char>(hex[k])));
        }
    }
    return out;
}

} // namespace sightline::credentials
