// The bounded archive on its own: the wire format it shares with cereal's
// PortableBinaryOutputArchive, and the bounds it keeps on every read.
#include "bundle/archive.hpp"
#include "bundle/containers.hpp"
#include "bundle/serialize.hpp"

#include <cereal/archives/portable_binary.hpp>
#include <doctest/doctest.h>

#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

using sightline::bundle::BoundedInputArchive;

namespace {

template <class... T>
std::vector<std::uint8_t> save(const T&... values) {
    std::ostringstream stream(std::ios::binary);
    {
        cereal::PortableBinaryOutputArchive archive(
            stream, cereal::PortableBinaryOutputArchive::Options::LittleEndian());
        archive(values...);
    }
    const std::string bytes = stream.str();
    return {bytes.begin(), bytes.end()};
}

std::string error_of(const std::function<void()>& load) {
    try {
        load();
    } catch (const cereal::Exception& error) {
        return error.what();
    }
    return "(no error)";
}

} // namespace

TEST_CASE("strings and vectors use cereal's wire format") {
    const std::vector<std::string> words = {"ab", ""};
    const std::vector<std::uint8_t> expected = {
        1,                                // little-endian
        2, 0, 0, 0, 0, 0, 0, 0,           // two strings
        2, 0, 0, 0, 0, 0, 0, 0, 'a', 'b', // "ab"
        0, 0, 0, 0, 0, 0, 0, 0,           // ""
    };
    CHECK(save(words) == expected);

    const std::vector<std::uint32_t> numbers = {1, 0x01020304};
    const std::vector<std::uint8_t> block = {1, 2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 4, 3, 2, 1};
    CHECK(save(numbers) == block);
}

TEST_CASE("what the portable archive writes, the bounded archive reads") {
    const std::vector<std::string> words = {"ab", "", "trafficking"};
    const std::vector<std::uint32_t> numbers = {7, 0xFFFFFFFF, 0};
    const std::vector<std::int64_t> empty;
    const std::string text = "Safe response";
    const auto bytes = save(words, numbers, empty, text, true, std::int32_t{-5});

    BoundedInputArchive archive(bytes);
    std::vector<std::string> words_in;
    std::vector<std::uint32_t> numbers_in;
    std::vector<std::int64_t> empty_in = {1, 2};
    std::string text_in;
    bool flag = false;
    std::int32_t delta = 0;
    archive(words_in, numbers_in, empty_in, text_in, flag, delta);
    CHECK(words_in == words);
    CHECK(numbers_in == numbers);
    CHECK(empty_in.empty());
    CHECK(text_in == text);
    CHECK(flag);
    CHECK(delta == -5);
    CHECK(archive.remaining() == 0);
}

TEST_CASE("reading past the end throws and names the offset") {
    const std::vector<std::uint8_t> bytes = {1, 0xAA, 0xBB};
    BoundedInputArchive archive(bytes, 100);
    std::uint64_t value = 0;
    CHECK(error_of([&] { archive(value); }) ==
          "the content needs 8 more bytes but only 2 are left at byte 101");
    CHECK(archive.remaining() == 2); // nothing was consumed
}

TEST_CASE("a size tag larger than the bytes left is refused before any allocation") {
    // "abc" claims 2^40 characters.
    std::vector<std::uint8_t> bytes = {1, 0, 0, 0, 0, 0, 1, 0, 0, 'a', 'b', 'c'};
    BoundedInputArchive archive(bytes);
    std::string text;
    CHECK(error_of([&] { archive(text); }) ==
          "a size of 1099511627776 is more than the 3 bytes left at byte 1");
    CHECK(text.capacity() < 64);
}

TEST_CASE("a number list longer than the bytes left is refused") {
    // Claims 4 uint32s with 8 bytes left: the count passes the size-tag bound
    // (4 <= 8) but 16 bytes do not fit.
    std::vector<std::uint8_t> bytes = {1, 4, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8};
    BoundedInputArchive archive(bytes);
    std::vector<std::uint32_t> numbers;
    CHECK(error_of([&] { archive(numbers); }) ==
          "a list of 4 numbers is longer than the 8 bytes left at byte 1");
    CHECK(numbers.capacity() == 0);
}

TEST_CASE("a model type read directly checks its version and enums") {
    // model::Value: version, type, boolean, integer, text.
    std::vector<std::uint8_t> bytes = {1, 1, 0, 0, 0, 1, 0, 42, 0, 0, 0, 0,
                                       0, 0, 0, 0, 0, 0, 0, 0,  0, 0, 0};
    sightline::model::Value value;
    {
        BoundedInputArchive archive(bytes);
        archive(value);
        CHECK(value == sightline::model::Value::of(std::int64_t{42}));
    }
    bytes[5] = 3; // type past String
    {
        BoundedInputArchive archive(bytes);
        CHECK(error_of([&] { archive(value); }) ==
              "unknown value type 3 (the highest is 2) at byte 5");
    }
    bytes[5] = 1;
    bytes[1] = 2; // version 2
    {
        BoundedInputArchive archive(bytes);
        CHECK(error_of([&] { archive(value); }) ==
              "value is version 2, newer than this reader knows (1) at byte 5");
    }
}

TEST_CASE("writing an enum value outside its range is refused") {
    sightline::model::Op op;
    op.code = static_cast<sightline::model::OpCode>(200);
    CHECK_THROWS_AS(save(op), std::invalid_argument);
}
