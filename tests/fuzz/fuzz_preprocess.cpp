// libFuzzer: the drawing preprocessor on arbitrary canvases. The first four
// bytes pick a width and height; the rest are the RGBA pixels (any length:
// a mismatch must be a clean std::invalid_argument). Output is always finite
// and in [0, 1].
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>

#include "core/preprocess.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 4) return 0;
  const int width = 1 + (data[0] | (data[1] << 8)) % 96;
  const int height = 1 + (data[2] | (data[3] << 8)) % 96;
  static wl::DrawingPreprocessor workspace;
  try {
    const wl::DrawnDigit& d = workspace.process(data + 4, size - 4, width, height);
    for (float v : d.pixels) {
      if (!std::isfinite(v) || v < 0.0f || v > 1.0f) std::abort();
      if (!d.has_ink && v != 0.0f) std::abort();
    }
  } catch (const std::invalid_argument&) {
  }
  return 0;
}
