// Times DrawingPreprocessor::process on canvases of the sizes a page hands it
// every frame (280x280, high-DPI 840x840 and 1000x1000), a thick "0" drawn on
// each, and prints the median of 301 calls per size.
//   ./build/native/bench_preprocess
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "core/preprocess.hpp"

namespace {

// A ring like a drawn "0": 70% of the canvas tall, pen 7% of the side.
std::vector<std::uint8_t> canvas_with_a_zero(int side) {
  std::vector<std::uint8_t> rgba(std::size_t(side) * side * 4, 0);
  const double cx = 0.5 * side, cy = 0.5 * side, rx = 0.25 * side, ry = 0.35 * side;
  const double pen = 0.07 * side;
  for (int y = 0; y < side; ++y) {
    for (int x = 0; x < side; ++x) {
      const double dx = (x + 0.5 - cx) / rx, dy = (y + 0.5 - cy) / ry;
      const double off_ring = std::fabs(std::sqrt(dx * dx + dy * dy) - 1.0) * std::min(rx, ry);
      const double coverage = std::clamp(pen / 2 + 0.5 - off_ring, 0.0, 1.0);
      rgba[(std::size_t(y) * side + x) * 4 + 3] = std::uint8_t(std::lround(coverage * 255));
    }
  }
  return rgba;
}

}  // namespace

int main() {
  wl::DrawingPreprocessor preprocessor;
  for (int side : {280, 840, 1000}) {
    const std::vector<std::uint8_t> rgba = canvas_with_a_zero(side);
    std::vector<double> micros;
    float checksum = 0;
    for (int run = 0; run < 301; ++run) {
      const auto start = std::chrono::steady_clock::now();
      const wl::DrawnDigit& d = preprocessor.process(rgba.data(), rgba.size(), side, side);
      const auto stop = std::chrono::steady_clock::now();
      for (float v : d.pixels) checksum += v;
      micros.push_back(std::chrono::duration<double, std::micro>(stop - start).count());
    }
    std::sort(micros.begin(), micros.end());
    std::printf("%4dx%-4d  median %7.1f us  (min %7.1f, p90 %7.1f)  checksum %.1f\n", side, side,
                micros[micros.size() / 2], micros.front(), micros[micros.size() * 9 / 10],
                checksum);
  }
  return 0;
}
