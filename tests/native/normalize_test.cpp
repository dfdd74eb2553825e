#include "core/normalize.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <stdexcept>

#include "core/examples.hpp"

namespace {

TEST(Normalize, DividesEachInputByItsScale) {
  const wl::Problem p = wl::worked_example("multi-input").problem;
  const wl::Problem n = wl::scale_inputs(p, {9.9, 0.9, 1.3});
  ASSERT_EQ(n.input.size(), 3u);
  EXPECT_DOUBLE_EQ(n.input[0], 8.5 / 9.9);
  EXPECT_DOUBLE_EQ(n.input[1], 0.65 / 0.9);
  EXPECT_DOUBLE_EQ(n.input[2], 1.2 / 1.3);
  EXPECT_EQ(n.weights, p.weights);
  EXPECT_EQ(n.target, p.target);
  EXPECT_EQ(n.alpha, p.alpha);
}

TEST(Normalize, AtAlphaPointOneTheRawInputsDivergeAndTheScaledOnesDoNot) {
  wl::Problem p = wl::worked_example("multi-input").problem;
  p.alpha = 0.1;
  p.iterations = 20;
  EXPECT_GE(wl::run_gradient_descent(p).diverged_at, 0);
  EXPECT_EQ(wl::run_gradient_descent(wl::scale_inputs(p, {9.9, 0.9, 1.3})).diverged_at, -1);
}

TEST(Normalize, RejectsBadScales) {
  const wl::Problem p = wl::worked_example("multi-input").problem;
  EXPECT_THROW(wl::scale_inputs(p, {1, 1}), std::invalid_argument);
  EXPECT_THROW(wl::scale_inputs(p, {1, 0, 1}), std::invalid_argument);
  EXPECT_THROW(wl::scale_inputs(p, {1, -2, 1}), std::invalid_argument);
  EXPECT_THROW(wl::scale_inputs(p, {1, 1, std::numeric_limits<double>::infinity()}),
               std::invalid_argument);
}

}  // namespace
