#include "core/preprocess.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

#include "core/check.hpp"

namespace wl {
namespace {

// Ink in 16-bit fixed point, integers only (same bits natively and in WASM;
// every intermediate fits 16 bits, so the loop vectorises in 16-bit lanes):
//   luma (0..255) = (54 r + 183 g + 19 b) >> 8   (0.2126, 0.7152, 0.0722 * 256,
//                                                rounded so they sum to 256)
//   ink units     = a * (255 - luma)              (0..65025; 65025 = 1.0)
constexpr std::uint32_t kInkOne = 255 * 255;
// kInkFloor = 0.1 is 6502.5 units: 6502 units (0.09999) is background,
// 6503 (0.10001) is ink. Stored ink is units - 6502, or 0.
constexpr std::uint32_t kFloorUnits = 6502;

inline std::uint16_t ink_units(std::uint16_t r, std::uint16_t g, std::uint16_t b, std::uint16_t a) {
  const std::uint16_t luma = static_cast<std::uint16_t>((54 * r + 183 * g + 19 * b) >> 8);
  return static_cast<std::uint16_t>(a * (255 - luma));
}

// Canvas pixels -> ink above the floor. Returns nonzero iff any.
inline std::uint16_t ink_span(std::uint16_t* out, const std::uint8_t* rgba, int count) {
  std::uint16_t any = 0;
  for (int x = 0; x < count; ++x) {
    const std::uint8_t* p = rgba + 4 * x;
    const std::uint16_t units = ink_units(p[0], p[1], p[2], p[3]);
    const std::uint16_t above =
        units > kFloorUnits ? static_cast<std::uint16_t>(units - kFloorUnits) : 0;
    out[x] = above;
    any |= above;
  }
  return any;
}

// Most of a canvas is blank paper: fully transparent, or opaque white. Such a
// run of 32 pixels (128 bytes) is recognised with 16 word loads and no
// arithmetic. Words are little-endian (x86, WASM), so alpha is bits 24..31
// and 56..63.
constexpr int kPaperRun = 32;
inline bool is_blank_paper(const std::uint8_t* rgba) {
  std::uint64_t any = 0, all = ~std::uint64_t{0};
  for (int i = 0; i < kPaperRun / 2; ++i) {
    std::uint64_t two_pixels;
    std::memcpy(&two_pixels, rgba + 8 * i, 8);
    any |= two_pixels;
    all &= two_pixels;
  }
  return (any & 0xFF000000FF000000ull) == 0 || all == ~std::uint64_t{0};
}

// One canvas row -> ink above the floor. Returns nonzero iff the row has ink.
std::uint16_t ink_row(std::uint16_t* out, const std::uint8_t* rgba, int width) {
  std::uint16_t any = 0;
  int x = 0;
  for (; x + kPaperRun <= width; x += kPaperRun) {
    if (is_blank_paper(rgba + 4 * x)) {
      std::memset(out + x, 0, kPaperRun * sizeof(std::uint16_t));
    } else {
      any |= ink_span(out + x, rgba + 4 * x, kPaperRun);
    }
  }
  return any | ink_span(out + x, rgba + 4 * x, width - x);
}

// First and last nonzero entries of a row known to have one; skips zeros
// 8 at a time (most of a drawing's row is paper).
int first_nonzero(const std::uint16_t* row, int width) {
  int x = 0;
  for (; x + 8 <= width; x += 8) {
    std::uint64_t a, b;
    std::memcpy(&a, row + x, 8);
    std::memcpy(&b, row + x + 4, 8);
    if ((a | b) != 0) break;
  }
  while (row[x] == 0) ++x;
  return x;
}

int last_nonzero(const std::uint16_t* row, int width) {
  int x = width;  // row[x..width) is all zero
  for (; x >= 8; x -= 8) {
    std::uint64_t a, b;
    std::memcpy(&a, row + x - 8, 8);
    std::memcpy(&b, row + x - 4, 8);
    if ((a | b) != 0) break;
  }
  do --x;
  while (row[x] == 0);
  return x;
}

// Adds row[first..last] to the column totals; returns the row's total and
// counts its nonzero pixels. Column totals stay below 4096 * 65025 < 2^32.
std::uint32_t add_row(std::uint32_t* column_mass, std::size_t& count, const std::uint16_t* row,
                      int first, int last) {
  std::uint32_t mass = 0, nonzero = 0;
  for (int x = first; x <= last; ++x) {
    mass += row[x];
    column_mass[x] += row[x];
    nonzero += row[x] != 0;
  }
  count += nonzero;
  return mass;
}

// v[begin] + ... + v[end - 1]; at most 4096 * 65025 < 2^32.
std::uint32_t sum_range(const std::uint16_t* v, int begin, int end) {
  std::uint32_t s = 0;
  for (int x = begin; x < end; ++x) s += v[x];
  return s;
}

// Validation runs every frame: the std::string messages are only built when
// a check fails (wl::require takes a std::string, which would allocate).
void check_canvas(const std::uint8_t* rgba, std::size_t rgba_length, int width, int height) {
  if (width < 1 || height < 1 || width > kMaxCanvasSide || height > kMaxCanvasSide) {
    require(false, "preprocess: canvas size " + std::to_string(width) + "x" +
                       std::to_string(height) + " is outside 1.." + std::to_string(kMaxCanvasSide) +
                       " pixels per side");
  }
  const std::size_t want = std::size_t(width) * std::size_t(height) * 4;
  if (rgba_length != want) {
    require(false, "preprocess: RGBA buffer has " + std::to_string(rgba_length) +
                       " bytes, expected width*height*4 = " + std::to_string(width) + "*" +
                       std::to_string(height) + "*4 = " + std::to_string(want));
  }
  if (rgba == nullptr) require(false, "preprocess: RGBA buffer is null");
}

// Where output column edges 0..28 fall on the canvas, as whole pixel + fraction,
// clamped to the ink's box [lo, hi) (no ink outside it).
struct Edge {
  int pixel;        // floor of the canvas edge coordinate
  double fraction;  // the rest, in [0,1); 0 when pixel == hi
};

Edge canvas_edge(double canvas, int lo, int hi) {
  if (canvas <= lo) return {lo, 0.0};
  if (canvas >= hi) return {hi, 0.0};
  const double whole = std::floor(canvas);
  return {static_cast<int>(whole), canvas - whole};
}

}  // namespace

double pixel_ink(std::uint8_t r, std::uint8_t g, std::uint8_t b, std::uint8_t a) {
  return static_cast<double>(ink_units(r, g, b, a)) / kInkOne;
}

DrawingPreprocessor::DrawingPreprocessor(Centring centring) : centring_(centring) {}

const DrawnDigit& DrawingPreprocessor::process(const std::uint8_t* rgba, std::size_t rgba_length,
                                               int width, int height) {
  check_canvas(rgba, rgba_length, width, height);
  const std::size_t area = std::size_t(width) * std::size_t(height);
  if (ink_.size() < area) ink_.resize(area);  // grows once, then reused
  if (rows_.size() < std::size_t(height)) rows_.resize(height);
  if (column_mass_.size() < std::size_t(width)) column_mass_.resize(width);
  digit_ = DrawnDigit{};

  if (!scan_ink(rgba, width, height)) return digit_;  // empty: has_ink false, all zeros

  // Where the ink goes. In edge coordinates (pixel i spans [i, i+1), its
  // centre is i + 0.5): output = s * canvas + shift, and the centre of mass
  // goes to 14.5, the centre of output pixel 14.
  const double s = digit_.scale;
  const double centre = kMnistSide / 2 + 0.5;  // 14.5
  double shift_x = centre - s * (digit_.centre_x + 0.5);
  double shift_y = centre - s * (digit_.centre_y + 0.5);
  if (centring_ == Centring::whole_pixel) {
    // Box edges on the grid (s * box_x + shift an integer), then the whole
    // shift that brings the centre of mass nearest to 14.5.
    shift_x = std::floor(s * digit_.box_x + shift_x + 0.5) - s * digit_.box_x;
    shift_y = std::floor(s * digit_.box_y + shift_y + 0.5) - s * digit_.box_y;
  }
  integrate_ink(width, shift_x, shift_y);

  // Step 4: brightest pixel = 1 (MNIST digits all peak at 254 or 255).
  const double peak = *std::max_element(sums_.begin(), sums_.end());
  if (peak > 0.0) {
    for (int i = 0; i < kMnistPixels; ++i) {
      digit_.pixels[i] = static_cast<float>(sums_[i] / peak);
    }
  }
  return digit_;
}

// Pass 1, the whole canvas: the ink map, each row's extent, and from them
// the box, the ink pixel count, the centre of mass and the scale.
bool DrawingPreprocessor::scan_ink(const std::uint8_t* rgba, int width, int height) {
  std::uint32_t* column_mass = column_mass_.data();
  std::fill(column_mass, column_mass + width, 0u);
  std::uint64_t mass = 0, moment_x = 0, moment_y = 0;
  int x_min = width, x_max = -1, y_min = height, y_max = -1;
  for (int y = 0; y < height; ++y) {
    std::uint16_t* row = ink_.data() + std::size_t(y) * width;
    InkRow& extent = rows_[y];
    extent = InkRow{};
    if (ink_row(row, rgba + std::size_t(y) * width * 4, width) == 0) continue;
    const int first = first_nonzero(row, width), last = last_nonzero(row, width);
    extent = InkRow{first, last};
    const std::uint32_t row_mass = add_row(column_mass, digit_.ink_pixel_count, row, first, last);
    mass += row_mass;
    moment_y += std::uint64_t(y) * row_mass;
    x_min = std::min(x_min, first);
    x_max = std::max(x_max, last);
    y_min = std::min(y_min, y);
    y_max = y;
  }
  if (mass == 0) return false;
  for (int x = x_min; x <= x_max; ++x) moment_x += std::uint64_t(x) * column_mass[x];

  digit_.has_ink = true;
  digit_.box_x = x_min;
  digit_.box_y = y_min;
  digit_.box_width = x_max - x_min + 1;
  digit_.box_height = y_max - y_min + 1;
  digit_.centre_x = static_cast<double>(moment_x) / static_cast<double>(mass);
  digit_.centre_y = static_cast<double>(moment_y) / static_cast<double>(mass);
  digit_.scale = static_cast<double>(kDigitBoxSide) /
                 static_cast<double>(std::max(digit_.box_width, digit_.box_height));
  return true;
}

// Pass 2, the rows of the box only: sums_ = the integral of the ink over each
// output pixel's footprint (a box filter, exact on the piecewise-constant
// ink). For one canvas row, the ink over output column j is
// F(edge j+1) - F(edge j), where F(X) = ink left of X = the whole pixels left
// of floor(X) + fraction * the pixel at floor(X). The row covers output rows
// [s*y + shift_y, s*(y+1) + shift_y); each gets those integrals times the
// overlap. Constant factors (s^2, 1/65025) are left out: the peak scaling
// removes them.
void DrawingPreprocessor::integrate_ink(int width, double shift_x, double shift_y) {
  const double s = digit_.scale;
  const int x_min = digit_.box_x, x_max = digit_.box_x + digit_.box_width - 1;
  const int y_min = digit_.box_y, y_max = digit_.box_y + digit_.box_height - 1;
  std::array<Edge, kMnistSide + 1> column_edges;
  for (int j = 0; j <= kMnistSide; ++j) {
    column_edges[j] = canvas_edge((j - shift_x) / s, x_min, x_max + 1);
  }

  sums_.fill(0.0);
  std::array<double, kMnistSide> row_integral;
  for (int y = y_min; y <= y_max; ++y) {
    const InkRow extent = rows_[y];
    if (extent.first < 0) continue;
    const std::uint16_t* row = ink_.data() + std::size_t(y) * width;

    const double top = s * y + shift_y, bottom = top + s;
    const int out_first = std::max(0, static_cast<int>(std::floor(top)));
    const int out_last = std::min(kMnistSide - 1, static_cast<int>(std::ceil(bottom)) - 1);
    if (out_first > out_last) continue;  // the row falls outside the 28x28 field

    std::uint32_t left_of_k = 0;  // ink of pixels [first, k); zero left of first
    int k = extent.first;
    double previous = 0.0;
    for (int j = 0; j <= kMnistSide; ++j) {
      const Edge e = column_edges[j];
      const int stop = std::min(e.pixel, extent.last + 1);
      if (stop > k) {
        left_of_k += sum_range(row, k, stop);
        k = stop;
      }
      const double partial = e.pixel <= x_max ? e.fraction * row[e.pixel] : 0.0;
      const double integral = static_cast<double>(left_of_k) + partial;
      if (j > 0) row_integral[j - 1] = integral - previous;
      previous = integral;
    }

    for (int oy = out_first; oy <= out_last; ++oy) {
      const double overlap = std::min(oy + 1.0, bottom) - std::max(double(oy), top);
      if (overlap <= 0.0) continue;
      double* out = sums_.data() + oy * kMnistSide;
      for (int j = 0; j < kMnistSide; ++j) out[j] += overlap * row_integral[j];
    }
  }
}

DrawnDigit preprocess_drawing(const std::uint8_t* rgba, std::size_t rgba_length, int width,
                              int height, Centring centring) {
  DrawingPreprocessor preprocessor(centring);
  return preprocessor.process(rgba, rgba_length, width, height);
}

}  // namespace wl
