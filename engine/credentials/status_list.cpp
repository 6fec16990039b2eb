#include "credentials/status_list.hpp"

#include "credentials/contexts.hpp"
#include "credentials/jcs.hpp"
#include "i18n/i18n.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <zlib.h>

namespace sightline::credentials {

using i18n::tr;

using ojson = nlohmann::ordered_json;
using json = nlohmann::json;

namespace {

constexpr std::string_view kEntryType = "BitstringStatusListEntry";
constexpr std::string_view kPurpose = "revocation";
constexpr std::size_t kListBytes = static_cast<std::size_t>(kStatusListBits / 8);
// The encodedList of a list at most kMaxStatusListBytes long compresses to far
// less; anything longer is refused before it is decoded.
constexpr std::size_t kMaxEncodedChars = 4 * kMaxStatusListBytes / 3 + 4;

std::string member(const json& object, std::string_view name, std::string_view path) {
    const auto it = object.find(name);
    if (it == object.end() || !it->is_string()) {
        throw CredentialError(std::string(path) + "." + std::string(name) + " must be a string");
    }
    return it->get<std::string>();
}

bool has_type(const json& object, std::string_view wanted) {
    const auto it = object.find("type");
    if (it == object.end()) {
        return false;
    }
    if (it->is_string()) {
        return *it == wanted;
    }
    return it->is_array() && std::find(it->begin(), it->end(), wanted) != it->end();
}

std::string gzip(std::span<const std::uint8_t> bytes) {
    z_stream stream{};
    // windowBits 15 + 16: a GZIP wrapper, not zlib's.
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
        Z_OK) {
        throw CredentialError("cannot compress the status list");
    }
    std::string out(deflateBound(&stream, static_cast<uLong>(bytes.size())) + 32, '\0');
    stream.next_in = const_cast<Bytef*>(bytes.data());
    stream.avail_in = static_cast<uInt>(bytes.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int status = deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    if (status != Z_STREAM_END) {
        throw CredentialError("cannot compress the status list");
    }
    return out;
}

std::vector<std::uint8_t> gunzip(std::span<const std::uint8_t> bytes) {
    z_stream stream{};
    if (inflateInit2(&stream, 15 + 16) != Z_OK) {
        throw CredentialError("cannot decompress the status list");
    }
    std::vector<std::uint8_t> out;
    std::array<std::uint8_t, 16384> chunk{};
    stream.next_in = const_cast<Bytef*>(bytes.data());
    stream.avail_in = static_cast<uInt>(bytes.size());
    int status = Z_OK;
    while (status != Z_STREAM_END) {
        stream.next_out = chunk.data();
        stream.avail_out = static_cast<uInt>(chunk.size());
        status = inflate(&stream, Z_NO_FLUSH);
        if (status == Z_BUF_ERROR && stream.avail_in == 0) {
            inflateEnd(&stream);
            throw CredentialError("the status list's encodedList is truncated GZIP data");
        }
        if (status != Z_OK && status != Z_STREAM_END) {
            inflateEnd(&stream);
            throw CredentialError("the status list's encodedList is not GZIP data");
        }
        const std::size_t produced = chunk.size() - stream.avail_out;
        if (out.size() + produced > kMaxStatusListBytes) {
            inflateEnd(&stream);
            throw CredentialError("the status list is larger than " +
                                  std::to_string(kMaxStatusListBytes) + " bytes");
        }
        out.insert(out.end(), chunk.begin(), chunk.begin() + static_cast<long>(produced));
    }
    inflateEnd(&stream);
    return out;
}

} // namespace

ojson status_entry_json(const StatusEntry& entry) {
    const std::string index = std::to_string(entry.index);
    return {{"id", entry.list_url + "#" + index},
            {"type", kEntryType},
            {"statusPurpose", kPurpose},
            {"statusListIndex", index},
            {"statusListCredential", entry.list_url}};
}

std::optional<StatusEntry> status_entry_of(const json& credential) {
    const auto it = credential.find("credentialStatus");
    if (it == credential.end()) {
        return std::nullopt;
    }
    const json* status = &*it;
    if (status->is_array()) {
        // Several entries (other purposes): the revocation one counts.
        const auto found = std::find_if(status->begin(), status->end(), [](const json& e) {
            return e.is_object() && e.value("statusPurpose", "") == kPurpose;
        });
        if (found == status->end()) {
            return std::nullopt;
        }
        status = &*found;
    }
    if (!status->is_object() || !has_type(*status, kEntryType)) {
        throw CredentialError("credentialStatus must be a BitstringStatusListEntry");
    }
    if (member(*status, "statusPurpose", "credentialStatus") != kPurpose) {
        return std::nullopt;
    }
    StatusEntry entry;
    entry.list_url = member(*status, "statusListCredential", "credentialStatus");
    const std::string index = member(*status, "statusListIndex", "credentialStatus");
    const auto [end, error] =
        std::from_chars(index.data(), index.data() + index.size(), entry.index);
    if (error != std::errc() || end != index.data() + index.size() || entry.index < 0) {
        throw CredentialError("credentialStatus.statusListIndex is not a whole number: " + index);
    }
    return entry;
}

std::int64_t pick_status_index(const std::function<bool(std::int64_t)>& used) {
    static const int ready = sodium_init();
    (void)ready;
    // Random draws find a free index quickly until the list is nearly full.
    for (int tries = 0; tries < 1000; ++tries) {
        const auto index = static_cast<std::int64_t>(
            randombytes_uniform(static_cast<std::uint32_t>(kStatusListBits)));
        if (!used(index)) {
            return index;
        }
    }
    throw CredentialError(tr("the status list is full: start a new one (provider init "
                             "--status-url with a new URL)"));
}

std::string encode_status_list(std::span<const std::int64_t> revoked) {
    std::vector<std::uint8_t> bits(kListBytes, 0);
    for (const std::int64_t index : revoked) {
        if (index < 0 || index >= kStatusListBits) {
            throw CredentialError("status list index " + std::to_string(index) +
                                  " is outside the list");
        }
        bits[static_cast<std::size_t>(index / 8)] |=
            static_cast<std::uint8_t>(0x80u >> (index % 8));
    }
    const std::string compressed = gzip(bits);
    std::string encoded(
        sodium_base64_encoded_len(compressed.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING),
        '\0');
    sodium_bin2base64(encoded.data(), encoded.size(),
                      reinterpret_cast<const unsigned char*>(compressed.data()), compressed.size(),
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    encoded.resize(std::char_traits<char>::length(encoded.c_str()));
    return "u" + encoded;
}

std::vector<std::uint8_t> decode_status_list(std::string_view encoded) {
    if (!encoded.starts_with('u')) {
        throw CredentialError("the status list's encodedList is not multibase base64url ('u...')");
    }
    encoded.remove_prefix(1);
    if (encoded.size() > kMaxEncodedChars) {
        throw CredentialError("the status list's encodedList is too long");
    }
    std::vector<std::uint8_t> compressed(encoded.size() * 3 / 4 + 3);
    std::size_t length = 0;
    if (sodium_base642bin(compressed.data(), compressed.size(), encoded.data(), encoded.size(),
                          nullptr, &length, nullptr,
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0) {
        throw CredentialError("the status list's encodedList is not base64url");
    }
    compressed.resize(length);
    return gunzip(compressed);
}

bool status_bit(std::span<const std::uint8_t> bits, std::int64_t index) {
    return (bits[static_cast<std::size_t>(index / 8)] & (0x80u >> (index % 8))) != 0;
}

ojson build_status_list_credential(std::string_view url, std::string_view issuer_id,
                                   std::string_view valid_from,
                                   std::span<const std::int64_t> revoked) {
    ojson c;
    c["@context"] = ojson::array({kVcContextUrl});
    c["id"] = url;
    c["type"] = ojson::array({"VerifiableCredential", "BitstringStatusListCredential"});
    c["issuer"] = issuer_id;
    c["validFrom"] = valid_from;
    c["credentialSubject"] = {{"id", std::string(url) + "#list"},
                              {"type", "BitstringStatusList"},
                              {"statusPurpose", kPurpose},
                              {"encodedList", encode_status_list(revoked)}};
    return c;
}

StatusCheck check_status(const json& credential, const PublicKey& signer,
                         std::string_view status_list_text) {
    const std::optional<StatusEntry> entry = status_entry_of(credential);
    if (!entry) {
        throw CredentialError(tr("the credential has no status list entry (it was issued before "
                                 "the provider had a status list), so its status cannot be "
                                 "checked"));
    }
    json doc;
    try {
        doc = parse_strict_json(status_list_text);
    } catch (const JsonError& e) {
        // TRANSLATORS: {1} why.
        throw CredentialError(i18n::format(tr("the status list does not verify: {1}"), {e.what()}));
    }
    const Verification list = verify_credential(doc, signer);
    if (!list.valid) {
        throw CredentialError(
            i18n::format(tr("the status list does not verify: {1}"), {list.reason}));
    }
    if (!has_type(doc, "BitstringStatusListCredential")) {
        throw CredentialError(tr("the status list is not a BitstringStatusListCredential"));
    }
    if (list.credential_id != entry->list_url) {
        // TRANSLATORS: {1} and {2} the URLs of two status lists.
        throw CredentialError(
            i18n::format(tr("the status list is {1}, but the credential's status is in {2}"),
                         {list.credential_id, entry->list_url}));
    }
    const json& subject = doc.at("credentialSubject");
    if (!has_type(subject, "BitstringStatusList") ||
        member(subject, "statusPurpose", "credentialSubject") != kPurpose) {
        throw CredentialError(tr("the status list is not a revocation BitstringStatusList"));
    }
    const std::vector<std::uint8_t> bits =
        decode_status_list(member(subject, "encodedList", "credentialSubject"));
    if (entry->index >= static_cast<std::int64_t>(bits.size()) * 8) {
        // TRANSLATORS: {1} a number of entries (many), {2} an index.
        throw CredentialError(
            i18n::format(tr("the status list has {1} entries; the credential's "
                            "index {2} is not among them"),
                         {std::to_string(bits.size() * 8), std::to_string(entry->index)}));
    }
    StatusCheck result;
    result.entry = *entry;
    result.revoked = status_bit(bits, entry->index);
    result.list_issued = doc.value("validFrom", "");
    return result;
}

} // namespace sightline::credentials
