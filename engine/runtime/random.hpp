// Small, fully specified pseudo-random helpers. The standard distributions are
// implementation-defined, so shuffles and play-test walks use these instead and
// give the same result for the same seed on every platform and library.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace sightline::runtime {

// SplitMix64: a tiny generator with a 64-bit state and good statistical quality.
class Rng {
  public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next();
    // Uniform in [0, bound) without modulo bias; bound must be > 0.
    std::uint64_t below(std::uint64_t bound);

  private:
    std::uint64_t state_;
};

// FNV-1a: a stable hash of an id, so a shuffle depends on ids, not positions.
std::uint64_t hash_id(std::string_view id);

// Combines two 64-bit values into one well-mixed seed.
std::uint64_t mix(std::uint64_t a, std::uint64_t b);

// Fisher-Yates shuffle of `items` driven by `rng`.
void shuffle(std::span<std::uint32_t> items, Rng& rng);

} // namespace sightline::runtime
