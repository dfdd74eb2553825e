// A seeded, portable PRNG and the two distributions the project needs.
// std::*_distribution differ between libstdc++ and libc++, so native and WASM
// would draw different numbers from them; these give the same bits everywhere.
#pragma once

#include <cmath>
#include <cstdint>

namespace wl {

// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, passes BigCrush.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next_u64() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  // Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }

  // Uniform in [lo, hi).
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

  // Uniform integer in [0, n), n > 0 (Lemire's multiply-shift; bias < 2^-32 for our n).
  std::uint32_t below(std::uint32_t n) {
    return static_cast<std::uint32_t>(((next_u64() >> 32) * n) >> 32);
  }

  // Standard normal by Box-Muller (one value per call; the pair's twin is dropped).
  double normal() {
    const double u1 = 1.0 - uniform();  // (0, 1]: log is finite
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }

 private:
  std::uint64_t state_;
};

// Fisher-Yates shuffle of indices, driven by Rng.
template <typename T>
void shuffle(T* items, std::uint32_t n, Rng& rng) {
  for (std::uint32_t i = n; i > 1; --i) {
    const std::uint32_t j = rng.below(i);
    T tmp = items[i - 1];
    items[i - 1] = items[j];
    items[j] = tmp;
  }
}

}  // namespace wl
