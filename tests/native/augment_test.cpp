#include "core/augment.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/mnist_shape.hpp"
#include "core/random.hpp"

namespace {

// A blob: a 6x10 bar of ink centred at (13.5, 13.5), with grey edges.
std::vector<float> blob() {
  std::vector<float> img(wl::kMnistPixels, 0.0f);
  for (int y = 9; y < 19; ++y) {
    for (int x = 11; x < 17; ++x) img[y * wl::kMnistSide + x] = (x == 11 || x == 16) ? 0.5f : 1.0f;
  }
  return img;
}

void centre_of_mass(const std::vector<float>& img, double& cx, double& cy) {
  double m = 0;
  cx = cy = 0;
  for (int y = 0; y < wl::kMnistSide; ++y) {
    for (int x = 0; x < wl::kMnistSide; ++x) {
      m += img[y * wl::kMnistSide + x];
      cx += x * img[y * wl::kMnistSide + x];
      cy += y * img[y * wl::kMnistSide + x];
    }
  }
  cx /= m;
  cy /= m;
}

double ink(const std::vector<float>& img) {
  double s = 0;
  for (float p : img) s += p;
  return s;
}

}  // namespace

TEST(Augment, IdentityWarpReturnsTheImage) {
  const std::vector<float> in = blob();
  std::vector<float> out(wl::kMnistPixels, -1.0f);
  const float identity[6] = {1, 0, 0, 0, 1, 0};
  wl::warp_affine(out.data(), in.data(), identity, wl::kMnistSide, wl::kMnistSide);
  EXPECT_EQ(out, in);
  std::vector<float> out2(wl::kMnistPixels, -1.0f);
  wl::distort_digit(out2.data(), in.data(), wl::Distortion{});
  EXPECT_EQ(out2, in);
}

TEST(Augment, WarpSamplesBilinearly) {
  // Source x = output x + 0.25: out(x) = 0.75 in(x) + 0.25 in(x+1).
  std::vector<float> in(4 * 1, 0.0f);
  in = {0.0f, 1.0f, 0.0f, 0.0f};
  std::vector<float> out(4);
  const float m[6] = {1, 0, 0.25f, 0, 1, 0};
  wl::warp_affine(out.data(), in.data(), m, 4, 1);
  EXPECT_FLOAT_EQ(out[0], 0.25f);  // 0.75*0 + 0.25*1
  EXPECT_FLOAT_EQ(out[1], 0.75f);  // 0.75*1 + 0.25*0
  EXPECT_FLOAT_EQ(out[2], 0.0f);
  EXPECT_FLOAT_EQ(out[3], 0.0f);  // the right neighbour is outside: 0
}

TEST(Augment, ShiftMovesTheCentreOfMass) {
  const std::vector<float> in = blob();
  std::vector<float> out(wl::kMnistPixels);
  wl::Distortion d;
  d.dx = 2.0;
  d.dy = -1.5;
  wl::distort_digit(out.data(), in.data(), d);
  double x0, y0, x1, y1;
  centre_of_mass(in, x0, y0);
  centre_of_mass(out, x1, y1);
  EXPECT_NEAR(x1 - x0, 2.0, 1e-4);
  EXPECT_NEAR(y1 - y0, -1.5, 1e-4);
  EXPECT_NEAR(ink(out), ink(in), 1e-3);  // a sub-pixel shift keeps the ink
}

TEST(Augment, RotationAndScaleKeepTheCentreAndChangeTheInk) {
  const std::vector<float> in = blob();  // centred at (13.5, 13.5)
  std::vector<float> out(wl::kMnistPixels);
  wl::Distortion d;
  d.radians = 3.14159265358979 / 2;  // a quarter turn: the bar lies down
  wl::distort_digit(out.data(), in.data(), d);
  double cx, cy;
  centre_of_mass(out, cx, cy);
  EXPECT_NEAR(cx, 13.5, 1e-3);
  EXPECT_NEAR(cy, 13.5, 1e-3);
  EXPECT_GT(out[13 * wl::kMnistSide + 10], 0.9f);  // now 10 wide (x 9..18): (10, 13) is ink
  EXPECT_LT(out[9 * wl::kMnistSide + 13], 0.01f);  // and 6 tall (y 11..16): (13, 9) is not

  wl::Distortion big;
  big.scale = 1.15;
  wl::distort_digit(out.data(), in.data(), big);
  EXPECT_NEAR(ink(out) / ink(in), 1.15 * 1.15, 0.05);  // area grows with scale^2
}

TEST(Augment, DilationAndErosionByHand) {
  // a single pixel of 1 at (2, 2) in a 5x5 image
  std::vector<float> in(25, 0.0f), out(25);
  in[2 * 5 + 2] = 1.0f;
  wl::grey_dilate3(out.data(), in.data(), 5, 5);  // -> the 3x3 block around it
  for (int y = 0; y < 5; ++y) {
    for (int x = 0; x < 5; ++x) {
      const bool inside = x >= 1 && x <= 3 && y >= 1 && y <= 3;
      EXPECT_EQ(out[y * 5 + x], inside ? 1.0f : 0.0f) << x << "," << y;
    }
  }
  std::vector<float> back(25);
  wl::grey_erode3(back.data(), out.data(), 5, 5);  // the block erodes back to the pixel
  EXPECT_EQ(back, in);

  // Thicker and thinner strokes: more and less ink.
  const std::vector<float> digit = blob();
  std::vector<float> thick(wl::kMnistPixels), thin(wl::kMnistPixels);
  wl::Distortion d;
  d.thickness = 1.0;
  wl::distort_digit(thick.data(), digit.data(), d);
  d.thickness = -1.0;
  wl::distort_digit(thin.data(), digit.data(), d);
  EXPECT_GT(ink(thick), ink(digit) * 1.3);
  EXPECT_LT(ink(thin), ink(digit) * 0.7);
}

TEST(Augment, RandomDistortionsAreDeterministicAndInRange) {
  const std::vector<float> in = blob();
  wl::Rng a(42), b(42);
  const wl::AugmentRanges ranges;
  std::vector<float> out_a(wl::kMnistPixels), out_b(wl::kMnistPixels);
  for (int i = 0; i < 50; ++i) {
    wl::augment_digit(out_a.data(), in.data(), a, ranges);
    wl::augment_digit(out_b.data(), in.data(), b, ranges);
    ASSERT_EQ(out_a, out_b);
    for (float p : out_a) {
      ASSERT_GE(p, 0.0f);
      ASSERT_LE(p, 1.0f + 1e-6f);
    }
    EXPECT_GT(ink(out_a), 0.0);
  }
  wl::Rng r(7);
  for (int i = 0; i < 1000; ++i) {
    const wl::Distortion d = wl::random_distortion(r, ranges);
    ASSERT_LE(std::fabs(d.dx), ranges.max_shift);
    ASSERT_LE(std::fabs(d.radians), ranges.max_degrees * 3.1416 / 180);
    ASSERT_GE(d.scale, ranges.min_scale);
    ASSERT_LT(d.scale, ranges.max_scale);
    ASSERT_GE(d.thickness, ranges.min_thickness);
  }
}
