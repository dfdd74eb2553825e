#include "core/error_landscape.hpp"

#include <gtest/gtest.h>

namespace {

wl::Problem game1() {
  wl::Problem p;
  p.input = {8.5, 0.65, 1.2};
  p.target = {1.0};
  p.weights = {0.1, 0.2, -0.1};
  return p;
}

TEST(ErrorLandscape, TotalErrorByHand) {
  // pred 0.86, (0.86 - 1)^2 = 0.0196
  EXPECT_NEAR(wl::total_error(game1(), {0.1, 0.2, -0.1}), 0.0196, 1e-12);
}

TEST(ErrorLandscape, CurveIsTheBowlOfOneWeight) {
  // Weight a from 0 to 0.2 in 3 samples: pred = 8.5a + 0.01 -> 0.01, 0.86, 1.71
  // error = 0.9801, 0.0196, 0.5041
  const auto c = wl::error_curve(game1(), {0.1, 0.2, -0.1}, 0, 0.0, 0.2, 3);
  ASSERT_EQ(c.size(), 3u);
  EXPECT_NEAR(c[0], 0.9801, 1e-12);
  EXPECT_NEAR(c[1], 0.0196, 1e-12);
  EXPECT_NEAR(c[2], 0.5041, 1e-12);
}

TEST(ErrorLandscape, SurfaceRowsAndColumns) {
  const auto s = wl::error_surface(game1(), {0.1, 0.2, -0.1}, 0, 1, 0.0, 0.2, -1.0, 1.0, 3, 2);
  ASSERT_EQ(s.size(), 6u);
  // Row 0 has b = -1: pred = 8.5a - 0.65 - 0.12; at a = 0.1 -> 0.08, error 0.8464
  EXPECT_NEAR(s[1], 0.8464, 1e-12);
  // Row 1 has b = 1: pred = 8.5a + 0.65 - 0.12; at a = 0 -> 0.53, error 0.2209
  EXPECT_NEAR(s[3], 0.2209, 1e-12);
}

TEST(ErrorLandscape, BadArgumentsThrow) {
  EXPECT_THROW(wl::error_curve(game1(), {0.1, 0.2}, 0, 0, 1, 10), std::invalid_argument);
  EXPECT_THROW(wl::error_curve(game1(), {0.1, 0.2, -0.1}, 3, 0, 1, 10), std::invalid_argument);
  EXPECT_THROW(wl::error_curve(game1(), {0.1, 0.2, -0.1}, 0, 1, 0, 10), std::invalid_argument);
  EXPECT_THROW(wl::error_curve(game1(), {0.1, 0.2, -0.1}, 0, 0, 1, 1), std::invalid_argument);
  EXPECT_THROW(wl::error_surface(game1(), {0.1, 0.2, -0.1}, 1, 1, 0, 1, 0, 1, 4, 4),
               std::invalid_argument);
}

}  // namespace
