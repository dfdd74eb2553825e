// The shape of an MNIST digit, defined once: every file that means "a 28x28
// digit" or "the ten classes" uses these names, never the bare numbers.
#pragma once

namespace wl {

inline constexpr int kMnistSide = 28;                         // pixels per row and per column
inline constexpr int kMnistPixels = kMnistSide * kMnistSide;  // 784, row-major
inline constexpr int kMnistClasses = 10;                      // the digits 0..9

}  // namespace wl
