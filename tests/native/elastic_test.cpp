// augment.hpp's elastic_distort: identity at alpha 0, deterministic for a
// seed, smooth small moves that keep a digit's ink where it was.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/augment.hpp"
#include "core/mnist_shape.hpp"
#include "core/random.hpp"

namespace {

std::vector<float> ring() {  // a 0: ring of radius 8 about the centre, 2 px thick
  std::vector<float> img(wl::kMnistPixels, 0.0f);
  for (int y = 0; y < 28; ++y) {
    for (int x = 0; x < 28; ++x) {
      const double r = std::hypot(x - 13.5, y - 13.5);
      if (r > 7 && r < 9) img[y * 28 + x] = 1.0f;
    }
  }
  return img;
}

double mass(const std::vector<float>& v) {
  double s = 0;
  for (float p : v) s += p;
  return s;
}

}  // namespace

TEST(ElasticDistort, AlphaZeroIsTheIdentity) {
  const std::vector<float> in = ring();
  std::vector<float> out(wl::kMnistPixels, -1.0f);
  wl::Rng rng(7);
  wl::elastic_distort(out.data(), in.data(), rng, 0.0);
  EXPECT_EQ(out, in);
}

TEST(ElasticDistort, SameSeedSameImageAndTheInkStaysNearby) {
  const std::vector<float> in = ring();
  std::vector<float> a(wl::kMnistPixels), b(wl::kMnistPixels);
  wl::Rng r1(3), r2(3);
  wl::elastic_distort(a.data(), in.data(), r1);
  wl::elastic_distort(b.data(), in.data(), r2);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, in);
  // about 1.4 px rms moves: the ink's total changes little, and none lands
  // near the centre or the corners of the image
  EXPECT_NEAR(mass(a), mass(in), 0.2 * mass(in));
  EXPECT_EQ(a[14 * 28 + 14], 0.0f);
  EXPECT_EQ(a[0], 0.0f);
  EXPECT_EQ(a[27 * 28 + 27], 0.0f);
}
