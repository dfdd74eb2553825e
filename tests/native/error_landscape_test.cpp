#include "core/error_landscape.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/examples.hpp"

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

// The error at weights[index] = w, the others as in problem.weights.
double error_at(const wl::Problem& p, std::size_t index, double w) {
  std::vector<double> weights = p.weights;
  weights[index] = w;
  return wl::total_error(p, weights);
}

// The problem whose weights are those before `step` of its own run.
wl::Problem held_at(const wl::Problem& p, std::size_t step) {
  wl::Problem q = p;
  const wl::Trace t = wl::run_gradient_descent(p);
  q.weights.assign(t.weights_before.begin() + step * p.weights.size(),
                   t.weights_before.begin() + (step + 1) * p.weights.size());
  return q;
}

TEST(ErrorBowl, MatchesFiniteDifferencesForEveryWeightOfEveryExample) {
  for (const wl::WorkedExample& e : wl::worked_examples()) {
    const wl::Trace t = wl::run_gradient_descent(e.problem);
    for (std::size_t step = 0; step < t.steps; ++step) {
      const wl::Problem held = held_at(e.problem, step);
      for (std::size_t w = 0; w < held.weights.size(); ++w) {
        const wl::ErrorBowl b = wl::error_bowl(e.problem, w, step);
        const double at = held.weights[w], h = 1e-4;
        const double up = error_at(held, w, at + h), mid = error_at(held, w, at),
                     down = error_at(held, w, at - h);
        const std::string where =
            e.id + " step " + std::to_string(step) + " weight " + std::to_string(w);
        EXPECT_NEAR(b.slope, (up - down) / (2 * h), 1e-6 * (1 + std::fabs(b.slope))) << where;
        EXPECT_NEAR(b.curvature, (up - 2 * mid + down) / (h * h), 1e-3 * (1 + b.curvature))
            << where;
        // The slope is twice the engine's weight_delta (0 there when frozen).
        if (held.frozen.empty() || !held.frozen[w]) {
          EXPECT_EQ(b.slope, 2 * t.weight_deltas[step * held.weights.size() + w]) << where;
        }
        // At the minimum the curve is flat and lowest.
        if (b.curvature > 0) {
          const double m = b.minimum, e0 = error_at(held, w, m);
          EXPECT_NEAR((error_at(held, w, m + h) - error_at(held, w, m - h)) / (2 * h), 0.0, 1e-6)
              << where;
          EXPECT_LE(e0, error_at(held, w, m + 1e-3)) << where;
          EXPECT_LE(e0, error_at(held, w, m - 1e-3)) << where;
        }
        // The window is a real range that shows the weight and its minimum.
        EXPECT_LT(b.from, b.to) << where;
        EXPECT_LE(b.from, at) << where;
        EXPECT_GE(b.to, at) << where;
        EXPECT_LE(b.from, b.minimum) << where;
        EXPECT_GE(b.to, b.minimum) << where;
      }
    }
  }
}

TEST(ErrorBowl, TheBooksFirstExampleByHand) {
  // One input 8.5, weight 0.1, target 1: pred 0.85, delta -0.15. The bowl's
  // bottom is at 0.1 + 0.15/8.5 = 0.117647..., curvature 2 * 8.5^2 = 144.5,
  // slope 2 * (-0.15 * 8.5) = -2.55.
  const wl::Problem p = wl::worked_example("single-input").problem;
  const wl::ErrorBowl b = wl::error_bowl(p, 0);
  EXPECT_NEAR(b.minimum, 0.1 + 0.15 / 8.5, 1e-12);
  EXPECT_DOUBLE_EQ(b.curvature, 144.5);
  EXPECT_NEAR(b.slope, -2.55, 1e-12);
}

TEST(ErrorBowl, TheWindowStaysStillWhileTheRunConverges) {
  wl::Problem p = game1();
  p.iterations = 20;
  const wl::ErrorBowl first = wl::error_bowl(p, 0, 0);
  for (std::size_t step = 1; step < 20; ++step) {
    const wl::ErrorBowl b = wl::error_bowl(p, 0, step);
    EXPECT_EQ(b.from, first.from) << step;
    EXPECT_EQ(b.to, first.to) << step;
  }
  // Weight a runs from 0.1 towards its bowl's bottom near 0.1165: with 12%
  // margins that is [0.098, 0.1185], a quarter of which rounds up to 0.01.
  EXPECT_NEAR(first.from, 0.09, 1e-12);
  EXPECT_NEAR(first.to, 0.12, 1e-12);
}

TEST(ErrorBowl, ADivergingRunIsFramedByTheStepsSoFar) {
  // Alpha 0.1 on input 8.5 overshoots: each step lands ~13x further away.
  wl::Problem p = game1();
  p.alpha = 0.1;
  p.iterations = 8;
  const wl::ErrorBowl early = wl::error_bowl(p, 0, 1);
  const wl::ErrorBowl late = wl::error_bowl(p, 0, 7);
  EXPECT_LT(early.to - early.from, 1e-3 * (late.to - late.from));
  const wl::Trace t = wl::run_gradient_descent(p);
  EXPECT_GE(early.to, t.weights_after[1 * 3 + 0]);  // step 1's landing is in the frame
  EXPECT_LE(early.from, t.weights_after[1 * 3 + 0]);
}

TEST(ErrorBowl, AZeroInputGivesAFlatLineAroundTheWeight) {
  wl::Problem p = game1();
  p.input = {8.5, 0.0, 1.2};
  const wl::ErrorBowl b = wl::error_bowl(p, 1);
  EXPECT_EQ(b.curvature, 0.0);
  EXPECT_EQ(b.slope, 0.0);
  EXPECT_EQ(b.minimum, 0.2);
  EXPECT_LT(b.from, 0.2);
  EXPECT_GT(b.to, 0.2);
  // No step: the bowl at the problem's own weights.
  p.iterations = 0;
  // pred = 0.85 - 0.12 = 0.73, delta -0.27.
  EXPECT_NEAR(wl::error_bowl(p, 0).minimum, 0.1 + 0.27 / 8.5, 1e-12);
}

TEST(ErrorBowl, BadArgumentsThrow) {
  wl::Problem p = game1();
  EXPECT_THROW(wl::error_bowl(p, 3), std::invalid_argument);     // 3 weights
  EXPECT_THROW(wl::error_bowl(p, 0, 1), std::invalid_argument);  // 1 iteration
  p.alpha = NAN;
  EXPECT_THROW(wl::error_bowl(p, 0), std::invalid_argument);
}

}  // namespace

TEST(ErrorBowl, MinimaHoldEveryStepsBottomInOneCall) {
  wl::Problem p = game1();
  p.iterations = 20;
  const std::vector<double> minima = wl::error_bowl(p, 1).minima;
  ASSERT_EQ(minima.size(), 20u);
  for (std::size_t step = 0; step < 20; ++step) {
    EXPECT_EQ(minima[step], wl::error_bowl(p, 1, step).minimum) << step;
  }
  p.iterations = 0;  // no step: the bowl where the weights stand
  const wl::ErrorBowl still = wl::error_bowl(p, 1);
  ASSERT_EQ(still.minima.size(), 1u);
  EXPECT_EQ(still.minima[0], still.minimum);
}
