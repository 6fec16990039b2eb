#include "runtime/save.hpp"

#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"

#include <algorithm>
#include <set>
#include <string_view>

namespace sightline::runtime {

namespace {

constexpr std::uint8_t kMagic[4] = {'S', 'L', 'S', 'V'};
constexpr std::size_t kMaxIdLength = 200;

// Smallest encoded sizes, for ByteReader::count().
constexpr std::size_t kMinStr = 4;
constexpr std::size_t kMinStep = 1 + kMinStr + kMinStr;

[[noreturn]] void corrupt(const std::string& why) {
    throw SaveError("the save is corrupt (" + why + ")");
}

bool valid_id(std::string_view id) {
    if (id.empty() || id.size() > kMaxIdLength) {
        return false;
    }
    const auto ok = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
    };
    return std::all_of(id.begin(), id.end(), ok) && id.front() != '.' && id.front() != '-' &&
           id.front() != '_';
}

// Reads an id; ids end up in error messages, so nothing else gets through.
std::string read_id(ByteReader& in, const char* what) {
    std::string id = in.str();
    if (!valid_id(id)) {
        corrupt(std::string("a ") + what + " id is not a valid id");
    }
    return id;
}

void write_value(ByteWriter& out, const model::Value& v) {
    switch (v.type) {
    case model::ValueType::Boolean:
        out.u8(0);
        out.u8(v.boolean ? 1 : 0);
        return;
    case model::ValueType::Integer:
        out.u8(1);
        out.i64(v.integer);
        return;
    case model::ValueType::String:
        out.u8(2);
        out.str(v.text);
        return;
    }
}

model::Value read_value(ByteReader& in) {
    switch (in.u8()) {
    case 0:
        return model::Value::of(in.flag());
    case 1:
        return model::Value::of(in.i64());
    case 2:
        return model::Value::of(in.str());
    default:
        corrupt("a variable has an unknown type");
    }
}

// Each table names an id at most once; a repeat means the blob was tampered with.
class Unique {
  public:
    explicit Unique(const char* what) : what_(what) {}
    void check(const std::string& id) {
        if (!seen_.insert(id).second) {
            corrupt(std::string(what_) + " '" + id + "' appears twice");
        }
    }

  private:
    const char* what_;
    std::set<std::string> seen_;
};

} // namespace

std::vector<std::uint8_t> encode_save(const SaveData& data) {
    ByteWriter p;
    p.str(data.scenario);
    p.u64(data.seed);
    p.u8(data.shuffle ? 1 : 0);
    p.str(data.node);
    p.u8(data.answered ? 1 : 0);
    p.u32(static_cast<std::uint32_t>(data.variables.size()));
    for (const auto& [id, value] : data.variables) {
        p.str(id);
        write_value(p, value);
    }
    p.u32(static_cast<std::uint32_t>(data.visits.size()));
    for (const auto& [id, count] : data.visits) {
        p.str(id);
        p.u32(count);
    }
    p.u32(static_cast<std::uint32_t>(data.scores.size()));
    for (const auto& [id, score] : data.scores) {
        p.str(id);
        p.i64(score);
    }
    p.u32(static_cast<std::uint32_t>(data.noticed.size()));
    for (const std::string& id : data.noticed) {
        p.str(id);
    }
    p.u32(static_cast<std::uint32_t>(data.history.size()));
    for (const SavedStep& step : data.history) {
        p.u8(step.is_check ? 1 : 0);
        p.str(step.node);
        if (step.is_check) {
            p.u32(static_cast<std::uint32_t>(step.options.size()));
            for (const std::string& id : step.options) {
                p.str(id);
            }
        } else {
            p.str(step.choice);
        }
    }

    ByteWriter blob;
    blob.bytes(kMagic);
    blob.u16(kSaveVersion);
    blob.u16(0);
    blob.u32(static_cast<std::uint32_t>(p.data().size()));
    blob.u32(crc32(p.data()));
    blob.bytes(p.data());
    return std::move(blob.data());
}

SaveData decode_save(std::span<const std::uint8_t> blob) {
    if (blob.size() < kSaveHeaderSize) {
        throw SaveError(blob.empty() ? "the save is empty" : "the save is truncated");
    }
    if (!std::equal(std::begin(kMagic), std::end(kMagic), blob.begin())) {
        throw SaveError("this is not a Sightline save");
    }
    if (blob.size() > kMaxSaveSize) {
        throw SaveError("the save is too large");
    }
    ByteReader header(blob.subspan(4, kSaveHeaderSize - 4));
    const std::uint16_t version = header.u16();
    const std::uint16_t flags = header.u16();
    const std::uint32_t length = header.u32();
    const std::uint32_t checksum = header.u32();
    if (version != kSaveVersion) {
        throw SaveError("the save has format version " + std::to_string(version) +
                        "; this program reads version " + std::to_string(kSaveVersion));
    }
    if (flags != 0) {
        corrupt("unknown header flags");
    }
    const std::span<const std::uint8_t> payload = blob.subspan(kSaveHeaderSize);
    if (payload.size() < length) {
        throw SaveError("the save is truncated (" + std::to_string(payload.size()) + " of " +
                        std::to_string(length) + " bytes)");
    }
    if (payload.size() > length) {
        corrupt("extra bytes after the end");
    }
    if (crc32(payload) != checksum) {
        corrupt("checksum mismatch");
    }
    return decode_save_payload(payload);
}

SaveData decode_save_payload(std::span<const std::uint8_t> payload) {
    ByteReader in(payload);
    SaveData d;
    d.scenario = read_id(in, "scenario");
    d.seed = in.u64();
    d.shuffle = in.flag();
    d.node = read_id(in, "node");
    d.answered = in.flag();

    Unique variables("variable");
    for (std::uint32_t n = in.count(kMinStr + 2); n > 0; --n) {
        std::string id = read_id(in, "variable");
        variables.check(id);
        model::Value value = read_value(in);
        d.variables.emplace_back(std::move(id), std::move(value));
    }
    Unique visits("node");
    for (std::uint32_t n = in.count(kMinStr + 4); n > 0; --n) {
        std::string id = read_id(in, "node");
        visits.check(id);
        d.visits.emplace_back(std::move(id), in.u32());
    }
    Unique scores("dimension");
    for (std::uint32_t n = in.count(kMinStr + 8); n > 0; --n) {
        std::string id = read_id(in, "dimension");
        scores.check(id);
        d.scores.emplace_back(std::move(id), in.i64());
    }
    Unique noticed("indicator");
    for (std::uint32_t n = in.count(kMinStr); n > 0; --n) {
        std::string id = read_id(in, "indicator");
        noticed.check(id);
        d.noticed.push_back(std::move(id));
    }
    for (std::uint32_t n = in.count(kMinStep); n > 0; --n) {
        SavedStep step;
        step.is_check = in.flag();
        step.node = read_id(in, "node");
        if (step.is_check) {
            Unique options("option");
            for (std::uint32_t m = in.count(kMinStr); m > 0; --m) {
                std::string id = read_id(in, "option");
                options.check(id);
                step.options.push_back(std::move(id));
            }
        } else {
            step.choice = read_id(in, "choice");
        }
        d.history.push_back(std::move(step));
    }
    if (in.remaining() != 0) {
        corrupt("extra bytes after the last field");
    }
    return d;
}

} // namespace sightline::runtime
