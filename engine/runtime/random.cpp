#include "runtime/random.hpp"

#include <utility>

namespace sightline::runtime {

std::uint64_t Rng::next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

std::uint64_t Rng::below(std::uint64_t bound) {
    // Rejection sampling: discard the top partial range so every value is equally likely.
    const std::uint64_t limit = ~std::uint64_t{0} - (~std::uint64_t{0} % bound);
    std::uint64_t value = next();
    while (value >= limit) {
        value = next();
    }
    return value % bound;
}

std::uint64_t hash_id(std::string_view id) {
    std::uint64_t hash = 0xCBF29CE484222325ull;
    for (const char c : id) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001B3ull;
    }
    return hash;
}

std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
    Rng rng(a ^ (b * 0xD6E8FEB86659FD93ull));
    return rng.next();
}

void shuffle(std::span<std::uint32_t> items, Rng& rng) {
    for (std::size_t i = items.size(); i > 1; --i) {
        const auto j = static_cast<std::size_t>(rng.below(i));
        std::swap(items[i - 1], items[j]);
    }
}

} // namespace sightline::runtime
