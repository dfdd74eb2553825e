#include "core/gradient_descent.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "test_util.hpp"

namespace {

wl::Problem game1(double alpha = 0.01, int iterations = 3) {
  wl::Problem p;
  p.input = {8.5, 0.65, 1.2};
  p.target = {1.0};
  p.weights = {0.1, 0.2, -0.1};
  p.alpha = alpha;
  p.iterations = iterations;
  return p;
}

std::string error_of(const wl::Problem& p) {
  return wl_test::thrown_message([&] { wl::run_gradient_descent(p); });
}

TEST(GradientDescent, OneStepByHand) {
  // pred = 0.86, delta = -0.14, error = 0.0196,
  // weight_deltas = -0.14 * [8.5, .65, 1.2] = [-1.19, -.091, -.168],
  // weights_after = w - 0.01 * weight_deltas = [.1119, .20091, -.09832].
  const wl::Trace t = wl::run_gradient_descent(game1(0.01, 1));
  ASSERT_EQ(t.steps, 1u);
  EXPECT_NEAR(t.pred[0], 0.86, 1e-12);
  EXPECT_NEAR(t.delta[0], -0.14, 1e-12);
  EXPECT_NEAR(t.error[0], 0.0196, 1e-12);
  EXPECT_NEAR(t.weight_deltas[0], -1.19, 1e-12);
  EXPECT_NEAR(t.weight_deltas[1], -0.091, 1e-12);
  EXPECT_NEAR(t.weight_deltas[2], -0.168, 1e-12);
  EXPECT_NEAR(t.weights_after[0], 0.1119, 1e-12);
  EXPECT_NEAR(t.weights_after[1], 0.20091, 1e-12);
  EXPECT_NEAR(t.weights_after[2], -0.09832, 1e-12);
  EXPECT_EQ(t.diverged_at, -1);
}

TEST(GradientDescent, IterationsChain) {
  const wl::Trace t = wl::run_gradient_descent(game1());
  ASSERT_EQ(t.steps, 3u);
  for (std::size_t k = 1; k < t.steps; ++k) {
    for (std::size_t i = 0; i < 3; ++i) {
      EXPECT_EQ(t.weights_before[k * 3 + i], t.weights_after[(k - 1) * 3 + i]);
    }
    EXPECT_LT(t.error[k], t.error[k - 1]);
  }
}

// weight_delta is the book's convention: HALF the derivative of the error.
TEST(GradientDescent, WeightDeltasAreHalfTheFiniteDifferenceGradient) {
  wl::Problem p;
  p.input = {8.5, 0.65, 1.2};
  p.target = {0.1, 1.0, 0.1};
  p.weights = {0.1, 0.1, -0.3, 0.1, 0.2, 0.0, 0.0, 1.3, 0.1};
  p.iterations = 1;
  const wl::Trace t = wl::run_gradient_descent(p);
  const double h = 1e-6;
  for (std::size_t w = 0; w < p.weights.size(); ++w) {
    auto total_error = [&](double shift) {
      wl::Problem q = p;
      q.weights[w] += shift;
      return wl::run_gradient_descent(q).total_error(0);
    };
    const double derivative = (total_error(h) - total_error(-h)) / (2 * h);
    EXPECT_NEAR(t.weight_deltas[w], derivative / 2, 1e-6) << "weight " << w;
  }
}

TEST(GradientDescent, FrozenWeightNeverMovesAndErrorStillFalls) {
  wl::Problem p = game1(0.3, 10);
  p.frozen = {1, 0, 0};
  const wl::Trace t = wl::run_gradient_descent(p);
  ASSERT_EQ(t.steps, 10u);
  for (std::size_t k = 0; k < t.steps; ++k) {
    EXPECT_EQ(t.weights_after[k * 3], 0.1);
    EXPECT_EQ(t.weight_deltas[k * 3], 0.0);
  }
  // Only b and c learn: |x_bc|^2 = .65^2 + 1.2^2 = 1.8625, so delta shrinks by
  // 1 - 0.3 * 1.8625 = 0.44125 per step and the error by its square.
  EXPECT_NEAR(t.delta[1] / t.delta[0], 0.44125, 1e-12);
  EXPECT_LT(t.error[9], 1e-7);
  EXPECT_EQ(t.diverged_at, -1);
}

TEST(GradientDescent, AlphaPointOneDiverges) {
  // |x|^2 = 74.1125, so delta is multiplied by 1 - 0.1 * 74.1125 = -6.41 each step.
  const wl::Trace t = wl::run_gradient_descent(game1(0.1, 5));
  EXPECT_EQ(t.diverged_at, 1);
  EXPECT_FALSE(t.overflowed);
  EXPECT_NEAR(t.delta[1] / t.delta[0], 1 - 0.1 * 74.1125, 1e-9);
}

TEST(GradientDescent, OverflowStopsTheTraceWithOnlyFiniteSteps) {
  wl::Problem p = game1(1e150, 50);
  const wl::Trace t = wl::run_gradient_descent(p);
  EXPECT_TRUE(t.overflowed);
  EXPECT_LT(t.steps, 50u);
  EXPECT_GE(t.diverged_at, 0);
  for (double v : t.weights_after) EXPECT_TRUE(std::isfinite(v));
  for (double v : t.error) EXPECT_TRUE(std::isfinite(v));
}

TEST(GradientDescent, FusedUpdateMatchesTracedUpdateBitForBit) {
  wl::Problem p = game1(0.01, 1);
  std::vector<double> w = p.weights, pred(1), error(1), delta(1);
  wl::learn_step(pred.data(), error.data(), delta.data(), nullptr, w.data(), p.input.data(),
                 p.target.data(), nullptr, p.alpha, 3, 1);
  const wl::Trace t = wl::run_gradient_descent(p);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(w[i], t.weights_after[i]);
}

TEST(GradientDescent, InvalidProblemsSayWhatIsWrong) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  wl::Problem p;
  p = game1();
  p.input.clear();
  EXPECT_EQ(error_of(p), "input is empty: a layer needs at least one input");
  p = game1();
  p.target.clear();
  EXPECT_EQ(error_of(p), "target is empty: a layer needs at least one output");
  p = game1();
  p.weights.pop_back();
  EXPECT_EQ(error_of(p), "weights (n_out x n_in = 1 x 3) has length 2, expected 3");
  p = game1();
  p.input[1] = nan;
  EXPECT_EQ(error_of(p), "input[1] must be a finite number");
  p = game1();
  p.target[0] = inf;
  EXPECT_EQ(error_of(p), "target[0] must be a finite number");
  p = game1();
  p.weights[2] = -inf;
  EXPECT_EQ(error_of(p), "weights[2] must be a finite number");
  p = game1();
  p.alpha = nan;
  EXPECT_NE(error_of(p).find("alpha must be a finite number >= 0"), std::string::npos);
  p = game1();
  p.alpha = -0.1;
  EXPECT_NE(error_of(p).find("alpha must be a finite number >= 0"), std::string::npos);
  p = game1();
  p.iterations = -1;
  EXPECT_EQ(error_of(p), "iterations must be between 0 and 100000 (got -1)");
  p = game1();
  p.frozen = {1, 0};
  EXPECT_EQ(error_of(p), "frozen mask has length 2, expected 0 or 3 (one per weight)");
  p = game1();
  p.frozen = {0, 2, 0};
  EXPECT_EQ(error_of(p), "frozen[1] must be 0 or 1");
  p = game1();
  p.input.assign(1000, 1.0);
  p.weights.assign(1000, 0.0);
  p.iterations = 5000;
  EXPECT_NE(error_of(p).find("trace too large"), std::string::npos);
}

TEST(GradientDescent, ZeroIterationsIsAnEmptyTrace) {
  const wl::Trace t = wl::run_gradient_descent(game1(0.01, 0));
  EXPECT_EQ(t.steps, 0u);
  EXPECT_TRUE(t.pred.empty());
}

}  // namespace

namespace {

// The run's delta of output o after `steps` steps, over its first delta.
double delta_ratio(const wl::Problem& p, std::size_t o) {
  const wl::Trace t = wl::run_gradient_descent(p);
  return std::fabs(t.delta[(t.steps - 1) * t.n_out + o] / t.delta[o]);
}

TEST(AlphaLimit, TwoOverTheSumOfSquaresOfTheLearningInputs) {
  const wl::AlphaLimit l = wl::alpha_limit(game1());
  const double s = 8.5 * 8.5 + 0.65 * 0.65 + 1.2 * 1.2;  // 74.1125
  EXPECT_DOUBLE_EQ(l.sum_squares[0], s);
  EXPECT_DOUBLE_EQ(l.limit, 2.0 / s);
  EXPECT_EQ(l.output, 0);
  EXPECT_EQ(l.dominant, 0);  // toes, 8.5
}

TEST(AlphaLimit, ARunJustBelowConvergesAndJustAboveDiverges) {
  wl::Problem p = game1(0.01, 200);
  const double limit = wl::alpha_limit(p).limit;
  p.alpha = limit * 0.99;
  EXPECT_EQ(wl::run_gradient_descent(p).diverged_at, -1);
  EXPECT_LT(delta_ratio(p, 0), 1.0);
  p.alpha = limit * 1.01;
  EXPECT_GE(wl::run_gradient_descent(p).diverged_at, 0);
  EXPECT_GT(delta_ratio(p, 0), 1.0);
}

TEST(AlphaLimit, FrozenWeightsDoNotCountAndEachOutputHasItsOwn) {
  wl::Problem p;
  p.input = {8.5, 0.65, 1.2};
  p.target = {1.0, 0.0};
  p.weights = {0.1, 0.2, -0.1, 0.3, 0.0, 0.1};
  p.frozen = {1, 0, 0, 0, 0, 0};  // output 0 learns through 0.65 and 1.2 only
  p.iterations = 5;
  const wl::AlphaLimit l = wl::alpha_limit(p);
  EXPECT_DOUBLE_EQ(l.per_output[0], 2.0 / (0.65 * 0.65 + 1.2 * 1.2));
  EXPECT_DOUBLE_EQ(l.per_output[1], 2.0 / (8.5 * 8.5 + 0.65 * 0.65 + 1.2 * 1.2));
  EXPECT_EQ(l.output, 1);
  EXPECT_EQ(l.dominant, 0);
  // Between the two limits output 1 diverges while output 0 converges.
  p.alpha = 0.5 * (l.per_output[0] + l.per_output[1]);
  EXPECT_GT(delta_ratio(p, 1), 1.0);
  EXPECT_LT(delta_ratio(p, 0), 1.0);
}

TEST(AlphaLimit, NothingLearnsMeansNoLimit) {
  wl::Problem p = game1();
  p.frozen = {1, 1, 1};
  const wl::AlphaLimit l = wl::alpha_limit(p);
  EXPECT_TRUE(std::isinf(l.limit));
  EXPECT_EQ(l.output, -1);
  EXPECT_EQ(l.dominant, -1);
  p.frozen = {};
  p.alpha = -1;
  EXPECT_THROW(wl::alpha_limit(p), std::invalid_argument);
}

}  // namespace
