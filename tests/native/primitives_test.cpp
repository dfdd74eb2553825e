#include "core/primitives.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace {

TEST(Primitives, WeightedSumByHand) {
  // 8.5*0.1 + 0.65*0.2 + 1.2*(-0.1) = 0.85 + 0.13 - 0.12 = 0.86
  EXPECT_NEAR(wl::weighted_sum({8.5, 0.65, 1.2}, {0.1, 0.2, -0.1}), 0.86, 1e-12);
  // Longer than the 4-wide unrolling: 1*1 + 2*2 + ... + 6*6 = 91
  EXPECT_DOUBLE_EQ(wl::weighted_sum({1, 2, 3, 4, 5, 6}, {1, 2, 3, 4, 5, 6}), 91.0);
  EXPECT_DOUBLE_EQ(wl::weighted_sum(std::vector<double>{}, std::vector<double>{}), 0.0);
}

TEST(Primitives, ScalarMultiplyByHand) {
  // -0.14 * [8.5, 0.65, 1.2] = [-1.19, -0.091, -0.168]
  const auto out = wl::scalar_multiply(-0.14, {8.5, 0.65, 1.2});
  ASSERT_EQ(out.size(), 3u);
  EXPECT_NEAR(out[0], -1.19, 1e-12);
  EXPECT_NEAR(out[1], -0.091, 1e-12);
  EXPECT_NEAR(out[2], -0.168, 1e-12);
}

TEST(Primitives, ElementwiseMultiplyByHand) {
  // The book's dot-product pages: a = [0,1,0,1], b = [1,0,1,0] share nothing.
  const auto ab = wl::elementwise_multiply({0, 1, 0, 1}, {1, 0, 1, 0});
  EXPECT_EQ(ab, (std::vector<double>{0, 0, 0, 0}));
  // c = [0,1,1,0], d = [.5,0,.5,0] overlap in one column: [0, 0, .5, 0].
  EXPECT_EQ(wl::elementwise_multiply({0, 1, 1, 0}, {.5, 0, .5, 0}),
            (std::vector<double>{0, 0, .5, 0}));
}

TEST(Primitives, VectMatMulByHand) {
  // Rows are outputs: hurt = .1*8.5 + .1*.65 - .3*1.2 = .85 + .065 - .36 = .555
  //                   win  = .1*8.5 + .2*.65 + 0      = .85 + .13        = .98
  //                   sad  = 0      + 1.3*.65 + .1*1.2 = .845 + .12      = .965
  const auto pred =
      wl::vect_mat_mul({8.5, 0.65, 1.2}, {0.1, 0.1, -0.3, 0.1, 0.2, 0.0, 0.0, 1.3, 0.1}, 3);
  ASSERT_EQ(pred.size(), 3u);
  EXPECT_NEAR(pred[0], 0.555, 1e-12);
  EXPECT_NEAR(pred[1], 0.98, 1e-12);
  EXPECT_NEAR(pred[2], 0.965, 1e-12);
}

TEST(Primitives, VectMatMulNonSquare) {
  // 2 outputs x 3 inputs: [1,2,3].[1,0,0] = 1 and [1,2,3].[0,1,1] = 5.
  EXPECT_EQ(wl::vect_mat_mul({1, 2, 3}, {1, 0, 0, 0, 1, 1}, 2), (std::vector<double>{1, 5}));
}

TEST(Primitives, OuterProductByHand) {
  // [1,2] x [3,4,5] = [[3,4,5],[6,8,10]]
  EXPECT_EQ(wl::outer_product({1, 2}, {3, 4, 5}), (std::vector<double>{3, 4, 5, 6, 8, 10}));
}

TEST(Primitives, MismatchedLengthsThrowWithMessage) {
  try {
    wl::weighted_sum({1, 2, 3}, {1, 2});
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "weighted_sum: second vector has length 2, expected 3");
  }
  EXPECT_THROW(wl::elementwise_multiply({1}, {1, 2}), std::invalid_argument);
  EXPECT_THROW(wl::vect_mat_mul({1, 2}, {1, 2, 3}, 2), std::invalid_argument);
}

}  // namespace
