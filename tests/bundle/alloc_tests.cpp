// Hostile size claims. Each payload is made by hand, framed with a correct
// header and checksum so it reaches cereal, and claims far more elements or
// characters than the file holds. The read must fail cleanly, and no single
// heap allocation during it may be larger than the file: this file replaces
// the global operator new (for the whole test program) to measure that.
#include "bundle/bundle.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <functional>
#include <new>
#include <string>
#include <vector>

namespace {

std::atomic<bool> tracking{false};
std::atomic<std::size_t> largest{0};

void note_allocation(std::size_t size) {
    if (!tracking.load(std::memory_order_relaxed)) {
        return;
    }
    std::size_t seen = largest.load(std::memory_order_relaxed);
    while (size > seen && !largest.compare_exchange_weak(seen, size)) {
    }
}

} // namespace

void* operator new(std::size_t size) {
    note_allocation(size);
    if (void* memory = std::malloc(size == 0 ? 1 : size)) {
        return memory;
    }
    throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
    return ::operator new(size);
}
void operator delete(void* memory) noexcept {
    std::free(memory);
}
void operator delete[](void* memory) noexcept {
    std::free(memory);
}
void operator delete(void* memory, std::size_t) noexcept {
    std::free(memory);
}
void operator delete[](void* memory, std::size_t) noexcept {
    std::free(memory);
}

using namespace sightline;
using testing::put_le;

namespace {

std::size_t largest_allocation_during(const std::function<void()>& work) {
    largest = 0;
    tracking = true;
    work();
    tracking = false;
    return largest;
}

// Payload bytes in cereal's portable layout, written by hand.
struct Payload {
    std::vector<std::uint8_t> bytes{1}; // little-endian flag

    Payload& u32(std::uint32_t value) {
        put_le(bytes, value, 4);
        return *this;
    }
    Payload& size(std::uint64_t value) {
        put_le(bytes, value, 8);
        return *this;
    }
    Payload& version() { return u32(1); }
    Payload& empty_string() { return size(0); }
    Payload& zeros(std::size_t count) {
        bytes.resize(bytes.size() + count, 0);
        return *this;
    }
};

// Reads `file`, expecting a BundleError; returns its reason and checks the allocations.
std::string refused_within_file_size(const std::vector<std::uint8_t>& file) {
    std::string reason = "(loaded)";
    const std::size_t peak = largest_allocation_during([&] {
        try {
            bundle::read_bundle(file, "hostile.slpack");
        } catch (const bundle::BundleError& error) {
            reason = error.reason();
        }
    });
    CHECK_MESSAGE(peak <= file.size(),
                  "allocated " << peak << " bytes for a file of " << file.size());
    return reason;
}

constexpr std::size_t kPadding = 4096; // real bytes after the claim, so the file is not tiny

} // namespace

TEST_CASE("the allocation tracker sees a large allocation") {
    static void* volatile sink = nullptr;
    const std::size_t peak = largest_allocation_during([] {
        sink = ::operator new(1 << 20);
        ::operator delete(sink);
    });
    CHECK(peak >= (1u << 20));
}

TEST_CASE("a hostile string length is refused without allocating it") {
    for (const std::uint64_t claim :
         {std::uint64_t{1} << 40, std::uint64_t{1} << 63, ~std::uint64_t{0}}) {
        CAPTURE(claim);
        // One role whose id claims `claim` characters.
        Payload p;
        p.version().size(1).version().size(claim).zeros(kPadding);
        const auto reason = refused_within_file_size(testing::wrap_payload(p.bytes));
        CHECK(reason == "a size of " + std::to_string(claim) + " is more than the " +
                            std::to_string(kPadding) + " bytes left at byte " +
                            std::to_string(64 + 1 + 4 + 8 + 4));
    }
}

TEST_CASE("a hostile list length is refused without allocating it") {
    for (const std::uint64_t claim :
         {std::uint64_t{1} << 40, std::uint64_t{1} << 63, ~std::uint64_t{0}}) {
        CAPTURE(claim);
        // The bundle's role list claims `claim` roles.
        Payload p;
        p.version().size(claim).zeros(kPadding);
        const auto reason = refused_within_file_size(testing::wrap_payload(p.bytes));
        CHECK(testing::contains(reason, "a size of " + std::to_string(claim) + " is more than"));
    }
}

TEST_CASE("a list claim the file could just hold reserves no more than the file") {
    // A scenario whose node list claims one node per byte left. The claim passes
    // the size-tag bound, but a node is hundreds of bytes in memory, so reserving
    // the claimed count would allocate far more than the file.
    Payload p;
    p.version();
    for (int list = 0; list < 6; ++list) { // roles ... courses: empty
        p.size(0);
    }
    p.size(1).version();                                                  // one scenario
    p.empty_string().empty_string().empty_string().empty_string().u32(0); // id..language, minutes
    p.size(0).empty_string().size(0);                       // objectives, note, indicators
    p.empty_string().empty_string().empty_string().size(0); // response, report, start, variables
    p.size(kPadding).zeros(kPadding);                       // nodes
    const auto reason = refused_within_file_size(testing::wrap_payload(p.bytes));
    CHECK(testing::contains(reason, "node is version 0, which no Sightline wrote"));
}
