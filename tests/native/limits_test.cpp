// Per-call limits of the core (check.hpp, gradient_descent.hpp,
// error_landscape.hpp) and the messages that name them; the landscape over
// the whole double range.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/check.hpp"
#include "core/error_landscape.hpp"
#include "core/examples.hpp"
#include "core/gradient_descent.hpp"
#include "test_util.hpp"

namespace {

wl::Problem three_inputs() { return wl::worked_example("multi-input").problem; }

std::string message(const wl::Problem& p) {
  return wl_test::thrown_message([&] { wl::validate(p); });
}

}  // namespace

TEST(Limits, ALayerTooLargeNamesTheLimit) {
  wl::Problem p = three_inputs();
  p.input.assign(wl::kMaxInputs + 1, 0.0);
  p.weights.assign(p.input.size(), 0.0);
  EXPECT_EQ(message(p), "layer too large: 100001 inputs, the limit is 100000");
  p.input.assign(2000, 0.0);
  p.target.assign(1000, 0.0);
  p.weights.assign(2000000, 0.0);
  EXPECT_EQ(message(p), "layer too large: n_out x n_in = 2000000 weights, the limit is 1048576");
}

TEST(Limits, IterationsTimesWeightsIsBounded) {
  wl::Problem p = three_inputs();
  p.input.assign(1000, 0.0);
  p.target.assign(10, 0.0);
  p.weights.assign(10000, 0.0);
  p.iterations = 300;
  EXPECT_EQ(message(p), "trace too large: iterations x weights = 3000000 must not exceed 2097152");
}

TEST(Limits, ASubnormalAlphaIsRefused) {
  wl::Problem p = three_inputs();
  p.alpha = 1e-320;
  EXPECT_EQ(message(p), "alpha must be 0 or a normal number, at least 2.2e-308 (got 9.99989e-321)");
  p.alpha = 0;
  EXPECT_EQ(message(p), "");
  p.alpha = 2.3e-308;
  EXPECT_EQ(message(p), "");
}

TEST(Limits, LandscapeWorkIsBounded) {
  wl::Problem p = three_inputs();
  p.input.assign(100000, 1.0);
  p.weights.assign(100000, 0.0);
  EXPECT_EQ(wl_test::thrown_message(
                [&] { wl::error_surface(p, p.weights, 0, 1, 0, 1, 0, 1, 1024, 1024); }),
            "surface too large: 1048576 samples x 100000 weights must not exceed 16777216");
  EXPECT_EQ(wl_test::thrown_message([&] { wl::error_curve(p, p.weights, 0, 0, 1, 4096); }),
            "curve too large: 4096 samples x 100000 weights must not exceed 16777216");
}

TEST(Limits, TheWholeDoubleRangeGivesInfinityNeverNaN) {
  const wl::Problem p = three_inputs();
  const std::vector<double> curve = wl::error_curve(p, p.weights, 0, -1e308, 1e308, 5);
  EXPECT_EQ(curve[0], HUGE_VAL);         // w = -1e308: 8.5 w overflows
  EXPECT_EQ(curve[4], HUGE_VAL);         // w = +1e308
  EXPECT_TRUE(std::isfinite(curve[2]));  // w = 0 exactly, in the middle
  EXPECT_DOUBLE_EQ(curve[2], wl::total_error(p, {0, 0.2, -0.1}));
  for (double e : curve) EXPECT_FALSE(std::isnan(e));
  const std::vector<double> s =
      wl::error_surface(p, p.weights, 0, 1, -1e308, 1e308, -1e308, 1e308, 3, 3);
  for (double e : s) EXPECT_FALSE(std::isnan(e));
  EXPECT_EQ(s[0], HUGE_VAL);  // both -1e308: -inf + -inf, still +inf squared
  EXPECT_EQ(s[2], HUGE_VAL);  // 8.5 * 1e308 + 0.65 * -1e308: inf - finite
}

TEST(Limits, AnIdWithANulIsQuotedWhole) {
  EXPECT_EQ(wl_test::thrown_message([] { wl::worked_example(std::string("a\0b", 3)); }),
            "unknown worked example \"a\\u0000b\"");
}
