// Damage behind a correct header and checksum, so that it reaches the cereal
// layer: truncation, byte flips, enums and yes/no values out of range, class
// versions, the endianness byte and bytes left over after the content.
#include "bundle/bundle.hpp"
#include "bundle/format.hpp"
#include "sample_bundle.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

#include <functional>
#include <span>
#include <string>

using namespace sightline;
using testing::contains;
using testing::load_error;
using testing::payload_of;
using testing::wrap_payload;

namespace {

std::vector<std::uint8_t> sample_payload() {
    return payload_of(
        bundle::write_bundle(testing::sample_bundle(), testing::kTestCompilerVersion));
}

// The one payload byte that changes when `change` is applied to the sample,
// i.e. where that field lives on the wire.
std::size_t field_offset(const std::function<void(model::Bundle&)>& change) {
    model::Bundle changed = testing::sample_bundle();
    change(changed);
    const auto before = sample_payload();
    const auto after = payload_of(bundle::write_bundle(changed, testing::kTestCompilerVersion));
    REQUIRE(before.size() == after.size());
    std::size_t found = before.size();
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (before[i] != after[i]) {
            REQUIRE_MESSAGE(found == before.size(), "more than one byte changed");
            found = i;
        }
    }
    REQUIRE(found < before.size());
    return found;
}

std::optional<std::string> load_with(std::size_t offset, std::uint8_t value) {
    auto payload = sample_payload();
    payload[offset] = value;
    return load_error(wrap_payload(payload));
}

std::string at_byte(std::size_t payload_offset) {
    return "at byte " + std::to_string(bundle::format::kHeaderSize + payload_offset);
}

} // namespace

TEST_CASE("a truncated payload with a correct checksum is refused at every length") {
    const auto payload = sample_payload();
    for (std::size_t size = 0; size < payload.size(); ++size) {
        const auto error = load_error(wrap_payload(std::span(payload).first(size)));
        CHECK_MESSAGE(error.has_value(), "a payload cut to " << size << " bytes loaded");
    }
    // The payload ends with the last scenario's coverage list, whose last entry is "sex", then
    // three empty lists of 8 bytes each (the scenario's topics taught, the bundle's rules and
    // its translations). Cut those and one more byte: the 8-byte length of "sex" says 3, and
    // only 2 bytes follow.
    const std::size_t end = payload.size() - 24;
    const auto cut = load_error(wrap_payload(std::span(payload).first(end - 1)));
    CHECK(cut == "a size of 3 is more than the 2 bytes left " + at_byte(end - 11));
    // Cut inside the translations' count: the 8-byte count itself cannot be read.
    CHECK(load_error(wrap_payload(std::span(payload).first(payload.size() - 1))).has_value());
}

TEST_CASE("any flipped payload byte is refused or loads exactly what it says") {
    const auto payload = sample_payload();
    std::size_t refused = 0;
    std::size_t loaded = 0;
    for (const std::uint8_t mask : {std::uint8_t{0x01}, std::uint8_t{0x80}, std::uint8_t{0xFF}}) {
        for (std::size_t i = 0; i < payload.size(); ++i) {
            auto damaged = payload;
            damaged[i] ^= mask;
            const auto file = wrap_payload(damaged);
            try {
                const auto result = bundle::read_bundle(file, "flipped.slpack");
                // The format has one spelling per model, so what loads writes back identically.
                CHECK_MESSAGE(bundle::write_bundle(result.model, testing::kTestCompilerVersion) ==
                                  file,
                              "byte " << i << " mask " << int{mask} << " did not round-trip");
                ++loaded;
            } catch (const bundle::BundleError&) {
                ++refused;
            }
        }
    }
    // Both happen: flips in ids and sizes are refused, flips in prose still load.
    CHECK(refused > 0);
    CHECK(loaded > 0);
}

TEST_CASE("an enum value out of range is refused with its position") {
    using namespace model;
    struct Case {
        const char* name;
        std::function<void(Bundle&)> change;
        std::uint8_t first_bad;
    };
    const Case cases[] = {
        {"expression operator",
         [](Bundle& b) {
             b.scenarios[0].nodes[3].on_enter[0].value.ops[0].code = OpCode::PushBool;
         },
         kLastOpCode + 1},
        {"effect kind",
         [](Bundle& b) { b.scenarios[0].nodes[0].choices[0].effects[1].kind = EffectKind::Set; },
         2},
        {"value type",
         [](Bundle& b) { b.scenarios[0].variables[0].initial.type = ValueType::Integer; }, 3},
        {"unavailable-choice rule",
         [](Bundle& b) {
             b.scenarios[0].nodes[0].choices[1].when_unavailable = WhenUnavailable::Hide;
         },
         2},
        {"check kind", [](Bundle& b) { b.scenarios[0].nodes[1].check.kind = CheckKind::Multi; }, 3},
    };
    for (const Case& c : cases) {
        const std::string name = c.name;
        CAPTURE(name);
        const std::size_t offset = field_offset(c.change);
        for (const std::uint8_t bad : {c.first_bad, std::uint8_t{0xFF}}) {
            CHECK(load_with(offset, bad) == std::string("unknown ") + c.name + " " +
                                                std::to_string(bad) + " (the highest is " +
                                                std::to_string(c.first_bad - 1) + ") " +
                                                at_byte(offset));
        }
    }
}

TEST_CASE("a yes/no byte other than 0 or 1 is refused") {
    const std::size_t offset = field_offset(
        [](model::Bundle& b) { b.scenarios[0].nodes[1].check.options[1].correct = true; });
    CHECK(load_with(offset, 2) == "a yes/no value is 2, not 0 or 1 " + at_byte(offset));
    CHECK(load_with(offset, 0xFF).has_value());
}

TEST_CASE("a class version newer than this reader knows is refused") {
    const auto payload = sample_payload();
    // The payload opens with the endianness byte and model::Bundle's class version.
    REQUIRE(payload[1] == 3);
    CHECK(contains(load_with(1, 4).value_or(""),
                   "bundle is version 4, newer than this reader knows (3) " + at_byte(5)));
    CHECK(contains(load_with(1, 0).value_or(""), "bundle is version 0, which no Sightline wrote"));

    // Then the role count (8 bytes) and the first model::Role's class version.
    REQUIRE(payload[5] == 2);
    REQUIRE(payload[13] == 1);
    CHECK(contains(load_with(13, 7).value_or(""),
                   "role is version 7, newer than this reader knows (1)"));
}

TEST_CASE("a payload that is not little-endian is refused") {
    CHECK(load_with(0, 0) ==
          "the payload's byte-order flag is 0, not 1 (little-endian) " + at_byte(0));
    CHECK(load_with(0, 0x41).has_value());
}

TEST_CASE("bytes after the content inside the payload are refused") {
    auto payload = sample_payload();
    const std::size_t end = payload.size();
    payload.insert(payload.end(), {0, 0, 0});
    CHECK(load_error(wrap_payload(payload)) ==
          "3 unexpected bytes after the content " + at_byte(end));
}

TEST_CASE("an empty bundle round-trips") {
    const auto file = bundle::write_bundle(model::Bundle{}, testing::kTestCompilerVersion);
    const auto loaded = bundle::read_bundle(file, "empty.slpack");
    CHECK(loaded.model.scenarios.empty());
    CHECK(bundle::write_bundle(loaded.model, testing::kTestCompilerVersion) == file);
}
