// Preprocessing a drawing the MNIST way: canvas pixels -> the 28x28 image the
// model sees. MNIST's own recipe (see shared/notes/data.md):
//   1. bounding box of the ink;
//   2. scale, anti-aliased, so the longer side is 20 px, aspect kept;
//   3. place in 28x28 so the intensity centre of mass sits at the centre;
//   4. values in [0,1], ink bright, background 0.
//
// Ink. The canvas hands over non-premultiplied RGBA bytes (getImageData).
// A pixel's ink is how dark it looks composited over white paper:
//     ink = a * (1 - luma),  luma = 0.2126 r + 0.7152 g + 0.0722 b  (all in 0..1)
// computed in integers as a * (255 - ((54 r + 183 g + 19 b) >> 8)) / 65025.
// so a transparent pixel (a = 0) and a white pixel (luma = 1) are both
// background, and black or coloured ink on a transparent or white canvas is
// ink (pure blue: 0.93, pure red: 0.79, pure yellow only 0.07: too light). Light ink on a dark background is
// NOT ink: the page draws dark on light. Ink below kInkFloor is background,
// and the floor is subtracted from the rest (ink - floor), so faint noise and
// the outermost anti-aliasing fringe move neither the box nor the centre.
//
// Scaling and placement are one resampling step: output = area average
// (box filter) of the ink map under the affine map
//     output = (canvas - centre_of_mass) * scale + 14,
// computed exactly on the piecewise-constant ink (each output pixel is the
// integral of the ink over its footprint), so shrinking is anti-aliased,
// growing is "pixel mixing", and there is no second interpolation step.
// Coordinates are pixel indices: pixel i's centre is at i. MNIST's own
// centres of mass are at (14.01, 13.99) in these coordinates (t10k mean), so
// the centre of mass is placed at pixel (14,14), sub-pixel exact by default.
// The result is then scaled so its brightest pixel is 1, as in MNIST, where
// every digit peaks at 254 or 255: a thin or light stroke comes out as bright
// as a thick black one.
//
// Cost: one pass over the canvas (RGBA -> 16-bit ink map + per-row extent),
// then work proportional to the ink's bounding box. No heap allocation once a
// DrawingPreprocessor has seen a canvas of that size.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/mnist_shape.hpp"

namespace wl {

inline constexpr int kDigitBoxSide = 20;     // longer side of the scaled ink, pixels
inline constexpr int kMaxCanvasSide = 4096;  // larger canvases are rejected
inline constexpr double kInkFloor = 0.1;     // ink at or below this is background

// The ink of one canvas pixel in [0,1] (before the floor), exactly as the
// preprocessor computes it: a * (255 - luma8) / 65025, luma8 in 0..255.
double pixel_ink(std::uint8_t r, std::uint8_t g, std::uint8_t b, std::uint8_t a);

// sub_pixel: centre of mass exactly at (14,14); the output depends only on
//            the drawing, never on where its box falls on the grid.
// whole_pixel: what MNIST did: box edges on the pixel grid, then a whole-pixel
//            shift, so the centre of mass lands within half a pixel of (14,14).
enum class Centring { sub_pixel, whole_pixel };

struct DrawnDigit {
  std::array<float, kMnistPixels> pixels{};  // 28x28 row-major, [0,1], ink bright, peak 1
  bool has_ink = false;                      // false: pixels are all 0
  std::size_t ink_pixel_count = 0;           // canvas pixels with ink above kInkFloor
  int box_x = 0, box_y = 0;                  // ink bounding box in canvas pixels:
  int box_width = 0, box_height = 0;         //   columns box_x .. box_x + box_width - 1
  double centre_x = 0, centre_y = 0;         // ink centre of mass, canvas pixel indices
  double scale = 0;                          // output pixels per canvas pixel (20 / longer side)
};

// A reusable workspace: keep one per canvas and call process() every frame.
class DrawingPreprocessor {
 public:
  explicit DrawingPreprocessor(Centring centring = Centring::sub_pixel);

  // rgba: width * height * 4 bytes, row-major, as from getImageData().
  // Throws std::invalid_argument for a null buffer, a size outside
  // 1..kMaxCanvasSide, or rgba_length != width * height * 4. An empty canvas
  // is not an error: has_ink = false and all pixels 0.
  // The returned reference stays valid until the next call.
  const DrawnDigit& process(const std::uint8_t* rgba, std::size_t rgba_length, int width,
                            int height);

  const DrawnDigit& result() const { return digit_; }

 private:
  struct InkRow {               // extent of the ink (above the floor) in one canvas row
    int first = -1, last = -1;  // -1: no ink in this row
  };

  bool scan_ink(const std::uint8_t* rgba, int width, int height);  // pass 1
  void integrate_ink(int width, double shift_x, double shift_y);   // pass 2

  Centring centring_;
  std::vector<std::uint16_t> ink_;           // width * height ink map, floor subtracted, 1 = 65025
  std::vector<InkRow> rows_;                 // height entries
  std::vector<std::uint32_t> column_mass_;   // width entries: ink per canvas column
  std::array<double, kMnistPixels> sums_{};  // ink integrals before the peak scaling
  DrawnDigit digit_;
};

// One-off convenience (allocates a workspace per call).
DrawnDigit preprocess_drawing(const std::uint8_t* rgba, std::size_t rgba_length, int width,
                              int height, Centring centring = Centring::sub_pixel);

}  // namespace wl
