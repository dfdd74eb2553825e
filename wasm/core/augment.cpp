#include "core/augment.hpp"

#include <cmath>
#include <vector>

#include "core/mnist_shape.hpp"

namespace wl {

void warp_affine(float* out, const float* in, const float* m, int w, int h) {
  auto at = [&](int x, int y) -> float {
    return (x >= 0 && x < w && y >= 0 && y < h) ? in[y * w + x] : 0.0f;
  };
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      const float sx = m[0] * x + m[1] * y + m[2];
      const float sy = m[3] * x + m[4] * y + m[5];
      const float fx0 = std::floor(sx), fy0 = std::floor(sy);
      // Far outside: skip the int conversion (which could overflow).
      if (!(fx0 > -2.0f && fx0 < w + 1.0f && fy0 > -2.0f && fy0 < h + 1.0f)) {
        out[y * w + x] = 0.0f;
        continue;
      }
      const int x0 = static_cast<int>(fx0), y0 = static_cast<int>(fy0);
      const float ax = sx - fx0, ay = sy - fy0;
      const float top = at(x0, y0) * (1.0f - ax) + at(x0 + 1, y0) * ax;
      const float bottom = at(x0, y0 + 1) * (1.0f - ax) + at(x0 + 1, y0 + 1) * ax;
      out[y * w + x] = top * (1.0f - ay) + bottom * ay;
    }
  }
}

namespace {

// 3x3 neighbourhood reduction with 0 outside; pick(a, b) is max or min.
template <typename Pick>
void neighbourhood3(float* out, const float* in, int w, int h, Pick pick) {
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      float v = in[y * w + x];
      for (int dy = -1; dy <= 1; ++dy) {
        for (int dx = -1; dx <= 1; ++dx) {
          const int xx = x + dx, yy = y + dy;
          v = pick(v, (xx >= 0 && xx < w && yy >= 0 && yy < h) ? in[yy * w + xx] : 0.0f);
        }
      }
      out[y * w + x] = v;
    }
  }
}

}  // namespace

void grey_dilate3(float* out, const float* in, int w, int h) {
  neighbourhood3(out, in, w, h, [](float a, float b) { return a > b ? a : b; });
}

void grey_erode3(float* out, const float* in, int w, int h) {
  neighbourhood3(out, in, w, h, [](float a, float b) { return a < b ? a : b; });
}

Distortion random_distortion(Rng& rng, const AugmentRanges& r) {
  Distortion d;
  d.dx = rng.uniform(-r.max_shift, r.max_shift);
  d.dy = rng.uniform(-r.max_shift, r.max_shift);
  d.radians = rng.uniform(-r.max_degrees, r.max_degrees) * 3.14159265358979323846 / 180.0;
  d.scale = rng.uniform(r.min_scale, r.max_scale);
  d.shear = rng.uniform(-r.max_shear, r.max_shear);
  d.thickness = rng.uniform(r.min_thickness, r.max_thickness);
  return d;
}

void distort_digit(float* out, const float* in, const Distortion& d) {
  constexpr int kSide = kMnistSide, kN = kMnistPixels;
  constexpr double kCentre = (kMnistSide - 1) / 2.0;  // 13.5
  // 1. stroke thickness: blend toward the dilated or eroded image.
  float thick[kN];
  if (d.thickness != 0.0) {
    float morph[kN];
    if (d.thickness > 0) {
      grey_dilate3(morph, in, kSide, kSide);
    } else {
      grey_erode3(morph, in, kSide, kSide);
    }
    const float t = static_cast<float>(std::fabs(d.thickness));
    for (int i = 0; i < kN; ++i) thick[i] = in[i] + t * (morph[i] - in[i]);
  } else {
    for (int i = 0; i < kN; ++i) thick[i] = in[i];
  }
  // 2. the motion q = c + t + A (p - c) with A = rotate * scale * shear,
  //    inverted: p = c + A^-1 (q - c - t).
  const double cs = std::cos(d.radians), sn = std::sin(d.radians);
  // A = s * [[c, -s], [s, c]] * [[1, shear], [0, 1]]
  const double a = d.scale * cs, b = d.scale * (cs * d.shear - sn);
  const double c = d.scale * sn, e = d.scale * (sn * d.shear + cs);
  const double det = a * e - b * c;  // = scale^2, never 0 for sane scales
  const double i00 = e / det, i01 = -b / det, i10 = -c / det, i11 = a / det;
  const double ox = kCentre + d.dx, oy = kCentre + d.dy;
  const float m[6] = {static_cast<float>(i00),
                      static_cast<float>(i01),
                      static_cast<float>(kCentre - i00 * ox - i01 * oy),
                      static_cast<float>(i10),
                      static_cast<float>(i11),
                      static_cast<float>(kCentre - i10 * ox - i11 * oy)};
  warp_affine(out, thick, m, kSide, kSide);
}

void elastic_distort(float* out, const float* in, Rng& rng, double alpha, double sigma) {
  constexpr int kSide = kMnistSide, kN = kMnistPixels;
  float field[2][kN], tmp[kN];
  for (auto& f : field) {
    for (float& v : f) v = static_cast<float>(rng.uniform(-1.0, 1.0));
  }
  const int radius = static_cast<int>(std::ceil(3 * sigma));
  std::vector<float> kernel(2 * radius + 1);
  for (int k = -radius; k <= radius; ++k) {
    kernel[k + radius] = static_cast<float>(std::exp(-0.5 * k * k / (sigma * sigma)));
  }
  float norm = 0;
  for (float k : kernel) norm += k;
  for (float& k : kernel) k /= norm;
  for (auto& f : field) {  // separable blur, 0 outside
    for (int y = 0; y < kSide; ++y) {
      for (int x = 0; x < kSide; ++x) {
        float s = 0;
        for (int k = -radius; k <= radius; ++k) {
          const int xx = x + k;
          if (xx >= 0 && xx < kSide) s += kernel[k + radius] * f[y * kSide + xx];
        }
        tmp[y * kSide + x] = s;
      }
    }
    for (int y = 0; y < kSide; ++y) {
      for (int x = 0; x < kSide; ++x) {
        float s = 0;
        for (int k = -radius; k <= radius; ++k) {
          const int yy = y + k;
          if (yy >= 0 && yy < kSide) s += kernel[k + radius] * tmp[yy * kSide + x];
        }
        f[y * kSide + x] = s;
      }
    }
  }
  if (alpha == 0) {
    for (int i = 0; i < kN; ++i) out[i] = in[i];
    return;
  }
  auto at = [&](int x, int y) -> float {
    return (x >= 0 && x < kSide && y >= 0 && y < kSide) ? in[y * kSide + x] : 0.0f;
  };
  for (int y = 0; y < kSide; ++y) {
    for (int x = 0; x < kSide; ++x) {
      const float a = static_cast<float>(alpha);
      const float sx = x + a * field[0][y * kSide + x], sy = y + a * field[1][y * kSide + x];
      const float fx0 = std::floor(sx), fy0 = std::floor(sy);
      const int x0 = static_cast<int>(fx0), y0 = static_cast<int>(fy0);
      const float ax = sx - fx0, ay = sy - fy0;
      const float top = at(x0, y0) * (1.0f - ax) + at(x0 + 1, y0) * ax;
      const float bottom = at(x0, y0 + 1) * (1.0f - ax) + at(x0 + 1, y0 + 1) * ax;
      out[y * kSide + x] = top * (1.0f - ay) + bottom * ay;
    }
  }
}

void augment_digit(float* out, const float* in, Rng& rng, const AugmentRanges& ranges) {
  distort_digit(out, in, random_distortion(rng, ranges));
}

}  // namespace wl
