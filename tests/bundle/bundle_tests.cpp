// Writing and reading a sound bundle: round trip, determinism, the derived
// fields link() fills, and content that is well-formed but does not link.
#include "bundle/bundle.hpp"
#include "bundle/format.hpp"
#include "model/link.hpp"
#include "sample_bundle.hpp"
#include "support.hpp"

#include <doctest/doctest.h>
#include <sodium.h>

#include <array>
#include <cstdio>
#include <span>
#include <string>
#include <vector>

using namespace sightline;
using testing::contains;
using testing::kTestCompilerVersion;
using testing::load_error;
using testing::sample_bundle;

TEST_CASE("a bundle survives a round trip field for field") {
    const model::Bundle original = sample_bundle();
    const auto file = bundle::write_bundle(original, kTestCompilerVersion);
    const bundle::LoadedBundle loaded = bundle::read_bundle(file, "sample.slpack");

    // Writing the loaded model again gives the same bytes, so every stored field survived.
    CHECK(bundle::write_bundle(loaded.model, kTestCompilerVersion) == file);

    const model::Bundle& b = loaded.model;
    REQUIRE(b.roles.size() == 2);
    CHECK(b.roles[1].name == "Truck driver");
    REQUIRE(b.tiers.size() == 3);
    CHECK(b.tiers[2].rank == 2);
    REQUIRE(b.indicators.size() == 3);
    CHECK(b.indicators[2].confounder);
    CHECK_FALSE(b.indicators[0].confounder);
    CHECK(b.indicators[1].roles == std::vector<std::string>{"hotel", "trucking"});
    REQUIRE(b.courses.size() == 1);
    CHECK(b.courses[0].passing_score == 70);
    CHECK(b.courses[0].entries[0].scenario == "hotel_late_checkin");
    CHECK(b.courses[0].paced);
    CHECK(b.courses[0].closing == original.courses[0].closing);

    REQUIRE(b.scenarios.size() == 1);
    const model::Scenario& s = b.scenarios[0];
    CHECK(s.minutes == 12);
    CHECK(s.covers == std::vector<std::string>{"adult", "sex"});
    REQUIRE(s.variables.size() == 3);
    CHECK(s.variables[1].initial == model::Value::of(std::int64_t{0}));
    CHECK(s.variables[2].initial == model::Value::of(std::string("unknown")));
    REQUIRE(s.nodes.size() == 4);
    const model::Node& arrival = s.nodes[0];
    CHECK(arrival.body[1].speaker == "Guest");
    CHECK(arrival.body[2].condition.source == "visits(arrival) > 1");
    REQUIRE(arrival.choices.size() == 3);
    const model::Choice& again = arrival.choices[1];
    CHECK(again.when_unavailable == model::WhenUnavailable::Disable);
    CHECK(again.pin == model::Pin::First);
    CHECK(s.nodes[1].check.options[1].pin == model::Pin::Last);
    REQUIRE(again.condition.ops.size() == 7);
    CHECK(again.condition.ops[0].code == model::OpCode::Visits);
    CHECK(again.condition.ops[0].name == "check_in");
    CHECK(again.condition.ops[6].code == model::OpCode::And);
    CHECK(arrival.choices[0].effects[1].kind == model::EffectKind::Add);
    CHECK(arrival.choices[2].scores[0].delta == -1);
    CHECK(s.nodes[1].check.kind == model::CheckKind::Single);
    CHECK(s.nodes[1].check.options[0].correct);
    CHECK_FALSE(s.nodes[1].check.options[1].correct);
    CHECK(s.nodes[2].debrief == original.scenarios[0].nodes[2].debrief);

    CHECK(loaded.header.format_version == bundle::format::kVersion);
    CHECK(loaded.header.compiler_version == kTestCompilerVersion);
    CHECK(loaded.header.payload_length == file.size() - bundle::format::kHeaderSize);
}

TEST_CASE("reading links the model, filling every derived field") {
    const auto file = bundle::write_bundle(sample_bundle(), kTestCompilerVersion);
    const model::Bundle b = bundle::read_bundle(file, "sample.slpack").model;
    const model::Scenario& s = b.scenarios[0];
    CHECK(b.courses[0].role_index == 0);
    CHECK(b.courses[0].entries[0].scenario_index == 0);
    CHECK(s.role_index == 0);
    CHECK(s.start_index == 0);
    CHECK(s.indicator_indices == std::vector<std::uint32_t>{0, 1});
    CHECK(s.score_ranges.size() == b.dimensions.size());
    const model::Choice& ask = s.nodes[0].choices[0];
    CHECK(ask.target_index == 1);
    CHECK(ask.tier_index == 0);
    CHECK(ask.notice_indices == std::vector<std::uint32_t>{1});
    CHECK(ask.scores[1].dimension_index == 1);
    CHECK(ask.effects[0].variable_index == 0);
    CHECK(s.nodes[0].choices[1].condition.ops[0].index == 1); // visits(check_in)
    CHECK(s.nodes[1].next_index == 2);
    CHECK(s.nodes[3].outcome_index == 1);
}

TEST_CASE("writing is deterministic and ignores derived fields") {
    const auto first = bundle::write_bundle(sample_bundle(), kTestCompilerVersion);
    CHECK(bundle::write_bundle(sample_bundle(), kTestCompilerVersion) == first);

    // Derived fields are not stored: a linked model writes the same bytes.
    model::Bundle linked = sample_bundle();
    linked.scenarios[0].nodes[0].choices[0].target_index = 1;
    linked.scenarios[0].score_ranges = {{-1, 5}, {0, 1}};
    CHECK(bundle::write_bundle(linked, kTestCompilerVersion) == first);

    // The compiler version changes only its own four header bytes.
    auto other = bundle::write_bundle(sample_bundle(), 0x00020000);
    REQUIRE(other.size() == first.size());
    const auto field = static_cast<std::ptrdiff_t>(bundle::format::kCompilerVersionOffset);
    CHECK_FALSE(
        std::equal(first.begin() + field, first.begin() + field + 4, other.begin() + field));
    std::copy(first.begin() + field, first.begin() + field + 4, other.begin() + field);
    CHECK(other == first);
}

TEST_CASE("the header starts with the documented layout") {
    const auto file = bundle::write_bundle(sample_bundle(), 0x00010203);
    using Bytes = std::vector<std::uint8_t>;
    auto bytes = [&](std::size_t from, std::size_t to) {
        return Bytes(file.begin() + static_cast<std::ptrdiff_t>(from),
                     file.begin() + static_cast<std::ptrdiff_t>(to));
    };
    CHECK(bytes(0, 8) == Bytes{0x89, 'S', 'L', 'P', 'A', 'C', 'K', 0x1A}); // magic
    CHECK(bytes(8, 12) == Bytes{1, 0, 0, 0});                              // format 1
    CHECK(bytes(12, 16) == Bytes{3, 2, 1, 0});                             // compiler 1.2.3
    std::uint64_t length = 0;
    for (std::size_t i = 0; i < 8; ++i) {
        length |= std::uint64_t{file[16 + i]} << (8 * i);
    }
    CHECK(length == file.size() - 64);
    CHECK(bytes(56, 64) == Bytes(8, 0)); // reserved
    CHECK(file[64] == 1);                // cereal's endianness byte: little
}

TEST_CASE("the content hash is the payload's SHA-256 in hex") {
    const auto file = bundle::write_bundle(sample_bundle(), kTestCompilerVersion);
    const auto loaded = bundle::read_bundle(file, "sample.slpack");
    const auto payload = testing::payload_of(file);
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, payload.data(), payload.size());
    std::string hex;
    for (const unsigned char byte : digest) {
        char two[3];
        std::snprintf(two, sizeof two, "%02x", byte);
        hex += two;
    }
    CHECK(loaded.content_hash() == hex);
    CHECK(std::equal(loaded.header.sha256.begin(), loaded.header.sha256.end(), digest));
}

TEST_CASE("the checksum is standard SHA-256 at every length") {
    // FIPS 180-2's "abc" example, then libsodium's portable code (what wrote
    // the first bundles) as an independent reference across block boundaries
    // and for a payload of several megabytes.
    const std::uint8_t abc[] = {'a', 'b', 'c'};
    const auto digest = bundle::sha256(abc);
    std::string hex;
    for (const std::uint8_t byte : digest) {
        char two[3];
        std::snprintf(two, sizeof two, "%02x", byte);
        hex += two;
    }
    CHECK(hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

    std::vector<std::uint8_t> bytes(5 * 1024 * 1024 + 17);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        bytes[i] = static_cast<std::uint8_t>((i * 2654435761u) >> 13);
    }
    for (const std::size_t length :
         {std::size_t{0}, std::size_t{1}, std::size_t{55}, std::size_t{56}, std::size_t{63},
          std::size_t{64}, std::size_t{65}, std::size_t{1000}, bytes.size()}) {
        CAPTURE(length);
        std::array<std::uint8_t, crypto_hash_sha256_BYTES> reference{};
        crypto_hash_sha256(reference.data(), bytes.data(), length);
        CHECK(bundle::sha256(std::span(bytes).first(length)) == reference);
    }
}

TEST_CASE("content that does not link is refused with its first problem") {
    model::Bundle broken = sample_bundle();
    broken.scenarios[0].nodes[0].choices[0].target = "nowhere";
    const auto file = bundle::write_bundle(broken, kTestCompilerVersion);
    const auto error = load_error(file);
    REQUIRE(error);
    CHECK(*error == "invalid content: scenario 'hotel_late_checkin' node 'arrival' choice "
                    "'ask_id': unknown target 'nowhere'");

    broken.scenarios[0].nodes[1].next = "gone";
    broken.courses[0].role = "pilot";
    const auto several = load_error(bundle::write_bundle(broken, kTestCompilerVersion));
    const model::LinkResult linked = model::link(broken);
    REQUIRE(linked.total >= 3);
    CHECK(several == "invalid content: " + linked.problems.front() + " (and " +
                         std::to_string(linked.total - 1) + " more)");
    CHECK(contains(linked.problems.front(), "course 'hotel_foundations': unknown role 'pilot'"));
}

TEST_CASE("the count of further problems stays right past link()'s list of 50") {
    model::Bundle broken = sample_bundle();
    std::vector<model::Choice>& choices = broken.scenarios[0].nodes[0].choices;
    for (int i = 0; i < 60; ++i) {
        model::Choice lost = choices[0];
        lost.id = "lost_" + std::to_string(i);
        lost.target = "nowhere_" + std::to_string(i);
        choices.push_back(lost);
    }
    const auto error = load_error(bundle::write_bundle(broken, kTestCompilerVersion));
    REQUIRE(error);
    CHECK(*error == "invalid content: scenario 'hotel_late_checkin' node 'arrival' choice "
                    "'lost_0': unknown target 'nowhere_0' (and 59 more)");
}

TEST_CASE("the error message names the bundle") {
    const std::vector<std::uint8_t> nothing;
    try {
        bundle::read_bundle(nothing, "hotel.slpack");
        FAIL("an empty file loaded");
    } catch (const bundle::BundleError& error) {
        CHECK(error.name() == "hotel.slpack");
        CHECK(std::string(error.what()) == "hotel.slpack: " + error.reason());
    }
}

TEST_CASE("the compiler version number packs the project version") {
    const std::string version = SIGHTLINE_PROJECT_VERSION; // from CMake's project()
    unsigned major = 0, minor = 0, patch = 0;
    REQUIRE(std::sscanf(version.c_str(), "%u.%u.%u", &major, &minor, &patch) >= 2);
    CHECK(bundle::compiler_version_number() == ((major << 16) | (minor << 8) | patch));
}
