// Every layer: a forward small enough to check by hand, and a finite-difference
// check of its backward (against the input and the parameters).
#include "core/cnn_layers.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <functional>
#include <vector>

#include "core/random.hpp"

namespace {

std::vector<float> random_values(std::size_t n, wl::Rng& rng, double away_from_zero = 0.0) {
  std::vector<float> v(n);
  for (float& x : v) {
    double u = rng.uniform(-1.0, 1.0);
    if (std::fabs(u) < away_from_zero) u += u < 0 ? -away_from_zero : away_from_zero;
    x = static_cast<float>(u);
  }
  return v;
}

// ||a - b|| / (||a|| + ||b||), the normalised error used by ggml's tests.
double normalised_error(const std::vector<double>& a, const std::vector<double>& b) {
  double diff = 0, na = 0, nb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    diff += (a[i] - b[i]) * (a[i] - b[i]);
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return std::sqrt(diff) / (std::sqrt(na) + std::sqrt(nb) + 1e-30);
}

// Central differences of loss() with respect to every entry of x.
std::vector<double> numeric_gradient(std::vector<float>& x, const std::function<double()>& loss,
                                     float eps = 1e-3f) {
  std::vector<double> g(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    const float keep = x[i];
    x[i] = keep + eps;
    const double up = loss();
    x[i] = keep - eps;
    const double down = loss();
    x[i] = keep;
    g[i] = (up - down) / (2.0 * eps);
  }
  return g;
}

std::vector<double> as_double(const std::vector<float>& v) { return {v.begin(), v.end()}; }

// The scalar the checks differentiate: sum_i out[i] * r[i], so d_out = r.
double weighted_sum(const std::vector<float>& out, const std::vector<float>& r) {
  double s = 0;
  for (std::size_t i = 0; i < out.size(); ++i) s += double(out[i]) * r[i];
  return s;
}

constexpr double kTolerance = 1e-3;

}  // namespace

TEST(CnnLayers, Conv2dForwardByHand) {
  // in = [[1,2,3],[4,5,6],[7,8,9]], kernel [[1,2],[3,4]], bias 0.5:
  // out[0][0] = 1*1 + 2*2 + 3*4 + 4*5 + 0.5 = 37.5
  // out[0][1] = 1*2 + 2*3 + 3*5 + 4*6 + 0.5 = 47.5
  // out[1][0] = 1*4 + 2*5 + 3*7 + 4*8 + 0.5 = 67.5
  // out[1][1] = 1*5 + 2*6 + 3*8 + 4*9 + 0.5 = 77.5
  const float in[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  const float weight[4] = {1, 2, 3, 4};
  const float bias[1] = {0.5f};
  float out[4];
  wl::conv2d_forward(out, in, weight, bias, 1, 3, 3, 1, 2);
  EXPECT_FLOAT_EQ(out[0], 37.5f);
  EXPECT_FLOAT_EQ(out[1], 47.5f);
  EXPECT_FLOAT_EQ(out[2], 67.5f);
  EXPECT_FLOAT_EQ(out[3], 77.5f);
  // Five output channels (the 4-wide block plus one left over); channels 0-3
  // are all zero, channel 4 has weights all 1 and bias -1, so its output is
  // the sum of each 2x2 window minus 1.
  std::vector<float> w5(5 * 4, 0.0f), b5(5, 0.0f), out5(5 * 4);
  for (int j = 0; j < 4; ++j) w5[4 * 4 + j] = 1.0f;
  b5[4] = -1.0f;
  wl::conv2d_forward(out5.data(), in, w5.data(), b5.data(), 1, 3, 3, 5, 2);
  EXPECT_FLOAT_EQ(out5[16], 11.0f);  // 1+2+4+5 - 1
  EXPECT_FLOAT_EQ(out5[17], 15.0f);  // 2+3+5+6 - 1
  EXPECT_FLOAT_EQ(out5[18], 23.0f);  // 4+5+7+8 - 1
  EXPECT_FLOAT_EQ(out5[19], 27.0f);  // 5+6+8+9 - 1
  EXPECT_FLOAT_EQ(out5[0], 0.0f);
}

TEST(CnnLayers, Conv2dGradientMatchesFiniteDifferences) {
  // 2 input channels of 6x7 (not square, to catch a swapped h/w), 5 output
  // channels (the 4-wide block and the remainder), kernel 3.
  const int ic = 2, h = 6, w = 7, oc = 5, k = 3, oh = h - k + 1, ow = w - k + 1;
  wl::Rng rng(1);
  std::vector<float> in = random_values(ic * h * w, rng);
  std::vector<float> weight = random_values(oc * ic * k * k, rng);
  std::vector<float> bias = random_values(oc, rng);
  const std::vector<float> r = random_values(oc * oh * ow, rng);
  std::vector<float> out(oc * oh * ow), col(ic * k * k * oh * ow);
  auto loss = [&] {
    wl::conv2d_forward(out.data(), in.data(), weight.data(), bias.data(), ic, h, w, oc, k);
    return weighted_sum(out, r);
  };
  loss();
  std::vector<float> d_in(in.size(), 7.0f);  // garbage: the backward must overwrite it
  std::vector<float> d_weight(weight.size(), 0.0f), d_bias(bias.size(), 0.0f), d_col(col.size());
  wl::conv2d_backward(d_in.data(), d_weight.data(), d_bias.data(), col.data(), d_col.data(),
                      r.data(), in.data(), weight.data(), ic, h, w, oc, k);
  EXPECT_LT(normalised_error(as_double(d_in), numeric_gradient(in, loss)), kTolerance);
  EXPECT_LT(normalised_error(as_double(d_weight), numeric_gradient(weight, loss)), kTolerance);
  EXPECT_LT(normalised_error(as_double(d_bias), numeric_gradient(bias, loss)), kTolerance);

  // Parameter gradients accumulate: a second backward doubles them.
  std::vector<float> once = d_weight;
  wl::conv2d_backward(nullptr, d_weight.data(), d_bias.data(), col.data(), nullptr, r.data(),
                      in.data(), weight.data(), ic, h, w, oc, k);
  for (std::size_t i = 0; i < once.size(); ++i) EXPECT_FLOAT_EQ(d_weight[i], 2 * once[i]);
}

TEST(CnnLayers, Conv2dForwardSumsInTapOrderBitForBit) {
  // The tiled forward must give exactly the plain loop's floats: bias, then
  // + weight * input over (c, i, j) in order. Shapes cover full tiles (8
  // positions x 4 channels), positions left over in a row (13 = 8 + 5) and
  // channels left over (6 = 4 + 2); the last case is the digit CNN's conv2.
  struct Shape {
    int ic, h, w, oc, k;
  };
  for (const Shape s : {Shape{3, 9, 17, 6, 5}, Shape{2, 6, 7, 5, 3}, Shape{8, 12, 12, 32, 5}}) {
    const int oh = s.h - s.k + 1, ow = s.w - s.k + 1;
    wl::Rng rng(11);
    const std::vector<float> in = random_values(s.ic * s.h * s.w, rng);
    const std::vector<float> weight = random_values(s.oc * s.ic * s.k * s.k, rng);
    const std::vector<float> bias = random_values(s.oc, rng);
    std::vector<float> out(s.oc * oh * ow);
    wl::conv2d_forward(out.data(), in.data(), weight.data(), bias.data(), s.ic, s.h, s.w, s.oc,
                       s.k);
    int differ = 0;
    for (int o = 0; o < s.oc; ++o) {
      for (int y = 0; y < oh; ++y) {
        for (int x = 0; x < ow; ++x) {
          float sum = bias[o];
          for (int c = 0; c < s.ic; ++c) {
            for (int i = 0; i < s.k; ++i) {
              for (int j = 0; j < s.k; ++j) {
                sum += weight[((o * s.ic + c) * s.k + i) * s.k + j] *
                       in[(c * s.h + y + i) * s.w + x + j];
              }
            }
          }
          differ += out[(o * oh + y) * ow + x] != sum;
        }
      }
    }
    EXPECT_EQ(differ, 0) << s.ic << "x" << s.h << "x" << s.w << " -> " << s.oc << ", k " << s.k;
  }
}

TEST(CnnLayers, ReluForwardByHandAndGradient) {
  // max(0, x): [-2, -0.5, 0.5, 3] -> [0, 0, 0.5, 3]
  const float in[4] = {-2.0f, -0.5f, 0.5f, 3.0f};
  float out[4];
  wl::relu_forward(out, in, 4);
  EXPECT_EQ(out[0], 0.0f);
  EXPECT_EQ(out[1], 0.0f);
  EXPECT_EQ(out[2], 0.5f);
  EXPECT_EQ(out[3], 3.0f);

  wl::Rng rng(2);
  std::vector<float> x = random_values(50, rng, 0.05);  // away from the kink at 0
  const std::vector<float> r = random_values(50, rng);
  std::vector<float> y(50);
  auto loss = [&] {
    wl::relu_forward(y.data(), x.data(), 50);
    return weighted_sum(y, r);
  };
  loss();
  std::vector<float> dx(50);
  wl::relu_backward(dx.data(), r.data(), y.data(), 50);
  EXPECT_LT(normalised_error(as_double(dx), numeric_gradient(x, loss)), kTolerance);
}

TEST(CnnLayers, MaxPoolForwardByHandAndGradient) {
  // one 2x4 channel: [[1, 5, 2, 2],
  //                   [3, 4, 8, 0]] -> windows {1,5,3,4} and {2,2,8,0}:
  // out = [5, 8], and the gradient goes to inputs 1 and 6
  const float in[8] = {1, 5, 2, 2, 3, 4, 8, 0};
  float out[2];
  wl::maxpool2_forward(out, in, 1, 2, 4);
  EXPECT_EQ(out[0], 5.0f);
  EXPECT_EQ(out[1], 8.0f);
  const float d_out[2] = {10.0f, 20.0f};
  float d_in[8];
  wl::maxpool2_backward(d_in, d_out, in, 1, 2, 4);
  const float want[8] = {0, 10, 0, 0, 0, 0, 20, 0};
  for (int i = 0; i < 8; ++i) EXPECT_EQ(d_in[i], want[i]);

  // Ties go to the first of the window in row-major order, both in the
  // 4-windows-at-a-time path (a row of 8 windows) and the one left over.
  std::vector<float> flat(2 * 18, 0.5f), pooled(9), routed(flat.size());
  const std::vector<float> ones(9, 1.0f);
  wl::maxpool2_forward(pooled.data(), flat.data(), 1, 2, 18);
  wl::maxpool2_backward(routed.data(), ones.data(), flat.data(), 1, 2, 18);
  for (int x = 0; x < 9; ++x) {
    EXPECT_EQ(pooled[x], 0.5f);
    EXPECT_EQ(routed[2 * x], 1.0f) << "window " << x;
    EXPECT_EQ(routed[2 * x + 1] + routed[18 + 2 * x] + routed[18 + 2 * x + 1], 0.0f);
  }

  // 3 channels of 4x6, distinct values (no ties, so the max is differentiable)
  const int c = 3, h = 4, w = 6;
  wl::Rng rng(3);
  std::vector<float> x(c * h * w);
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = 0.01f * static_cast<float>((i * 37) % 72);
  const std::vector<float> r = random_values(c * h * w / 4, rng);
  std::vector<float> y(r.size());
  auto loss = [&] {
    wl::maxpool2_forward(y.data(), x.data(), c, h, w);
    return weighted_sum(y, r);
  };
  loss();
  std::vector<float> dx(x.size());
  wl::maxpool2_backward(dx.data(), r.data(), x.data(), c, h, w);
  EXPECT_LT(normalised_error(as_double(dx), numeric_gradient(x, loss, 1e-3f)), kTolerance);
}

TEST(CnnLayers, DenseForwardByHandAndGradient) {
  // weight [[1, 2, 3], [-1, 0, 1]], in [1, 1, 2], bias [0.5, -0.5]:
  // out[0] = 1 + 2 + 6 + 0.5 = 9.5;  out[1] = -1 + 0 + 2 - 0.5 = 0.5
  const float weight[6] = {1, 2, 3, -1, 0, 1};
  const float in[3] = {1, 1, 2};
  const float bias[2] = {0.5f, -0.5f};
  float out[2];
  wl::dense_forward(out, in, weight, bias, 3, 2);
  EXPECT_FLOAT_EQ(out[0], 9.5f);
  EXPECT_FLOAT_EQ(out[1], 0.5f);

  const int n_in = 19, n_out = 7;  // 19: the 8-wide dot loop plus a tail; 7 = 3 + 3 + 1 rows
  wl::Rng rng(4);
  std::vector<float> x = random_values(n_in, rng);
  std::vector<float> wt = random_values(n_in * n_out, rng);
  std::vector<float> b = random_values(n_out, rng);
  const std::vector<float> r = random_values(n_out, rng);
  std::vector<float> y(n_out);
  auto loss = [&] {
    wl::dense_forward(y.data(), x.data(), wt.data(), b.data(), n_in, n_out);
    return weighted_sum(y, r);
  };
  loss();
  // Rows taken three at a time sum exactly as a row taken alone.
  for (int o = 0; o < n_out; ++o) {
    float alone = 0;
    wl::dense_forward(&alone, x.data(), wt.data() + o * n_in, b.data() + o, n_in, 1);
    EXPECT_EQ(y[o], alone) << "output " << o;
  }
  std::vector<float> dx(n_in, 3.0f), dw(wt.size(), 0.0f), db(n_out, 0.0f);
  wl::dense_backward(dx.data(), dw.data(), db.data(), r.data(), x.data(), wt.data(), n_in, n_out);
  EXPECT_LT(normalised_error(as_double(dx), numeric_gradient(x, loss)), kTolerance);
  EXPECT_LT(normalised_error(as_double(dw), numeric_gradient(wt, loss)), kTolerance);
  EXPECT_LT(normalised_error(as_double(db), numeric_gradient(b, loss)), kTolerance);
}

TEST(CnnLayers, SoftmaxCrossEntropyByHandAndGradient) {
  // logits [0, ln 3]: exp -> [1, 3], probs [0.25, 0.75]; loss(label 1) = -ln 0.75
  const float logits[2] = {0.0f, std::log(3.0f)};
  float probs[2];
  const float loss1 = wl::softmax_cross_entropy_forward(probs, logits, 1, 2);
  EXPECT_NEAR(probs[0], 0.25f, 1e-6);
  EXPECT_NEAR(probs[1], 0.75f, 1e-6);
  EXPECT_NEAR(loss1, -std::log(0.75), 1e-6);
  float d[2];
  wl::softmax_cross_entropy_backward(d, probs, 1, 2);  // probs - one_hot = [0.25, -0.25]
  EXPECT_NEAR(d[0], 0.25f, 1e-6);
  EXPECT_NEAR(d[1], -0.25f, 1e-6);

  // Huge logits do not overflow (the max is subtracted first).
  const float big[3] = {1000.0f, 1000.0f, -1000.0f};
  float p3[3];
  const float l3 = wl::softmax_cross_entropy_forward(p3, big, 2, 3);
  EXPECT_NEAR(p3[0], 0.5f, 1e-6);
  EXPECT_TRUE(std::isfinite(l3));

  wl::Rng rng(5);
  std::vector<float> z = random_values(10, rng);
  std::vector<float> p(10);
  auto loss = [&] { return double(wl::softmax_cross_entropy_forward(p.data(), z.data(), 7, 10)); };
  loss();
  std::vector<float> dz(10);
  wl::softmax_cross_entropy_backward(dz.data(), p.data(), 7, 10);
  EXPECT_LT(normalised_error(as_double(dz), numeric_gradient(z, loss)), kTolerance);
}

namespace {

// Values of which about `zeros` (a fraction) are exactly 0, the rest in [0, 1)
// (pixels, or a ReLU's outputs); the first 2 * w values (the first channel's top two rows)
// zero, so conv2d_relu_maxpool2_forward's empty-row skip is taken.
std::vector<float> sparse_values(int c, int h, int w, double zeros, wl::Rng& rng) {
  std::vector<float> v(c * h * w);
  for (float& x : v) x = rng.uniform() < zeros ? 0.0f : static_cast<float>(rng.uniform());
  for (int i = 0; i < 2 * w && i < c * h * w; ++i) v[i] = 0.0f;
  return v;
}

}  // namespace

TEST(CnnLayers, ConvReluPoolIsTheThreeLayersBitForBit) {
  // The digit CNN's two convolutions (as shipped, and wider: 16 channels,
  // 12 -> 24), channels left over (6 = 4 + 2, 5 = 4 + 1), windows left over
  // in a row (10 = 8 + 2), rows wider than 32 (the row skip's other way to
  // find a row's span), with and without the row skip.
  struct Shape {
    int ic, h, w, oc, k;
  };
  for (const Shape s : {Shape{1, 28, 28, 8, 5}, Shape{8, 12, 12, 32, 5}, Shape{1, 28, 28, 16, 5},
                        Shape{16, 12, 12, 32, 5}, Shape{12, 12, 12, 24, 5}, Shape{2, 9, 15, 6, 4},
                        Shape{3, 14, 14, 5, 5}, Shape{1, 36, 40, 3, 5}}) {
    const int oh = s.h - s.k + 1, ow = s.w - s.k + 1;
    for (const bool skip : {true, false}) {
      wl::Rng rng(21);
      const std::vector<float> in = sparse_values(s.ic, s.h, s.w, 0.6, rng);
      const std::vector<float> weight = random_values(s.oc * s.ic * s.k * s.k, rng);
      const std::vector<float> bias = random_values(s.oc, rng);
      std::vector<float> conv(s.oc * oh * ow), relu(conv.size()), want(conv.size() / 4);
      wl::conv2d_forward(conv.data(), in.data(), weight.data(), bias.data(), s.ic, s.h, s.w, s.oc,
                         s.k);
      wl::relu_forward(relu.data(), conv.data(), static_cast<int>(conv.size()));
      wl::maxpool2_forward(want.data(), relu.data(), s.oc, oh, ow);
      std::vector<float> got(want.size(), -7.0f);  // garbage: every value must be written
      std::vector<int> spans(2 * s.ic * s.h);
      std::vector<float> packed(wl::conv_packed_size(s.oc, s.ic, s.k), -7.0f);
      wl::pack_conv(packed.data(), weight.data(), bias.data(), s.oc, s.ic, s.k);
      wl::conv2d_relu_maxpool2_forward(got.data(), skip ? spans.data() : nullptr, in.data(),
                                       packed.data(), s.ic, s.h, s.w, s.oc, s.k);
      int differ = 0, zeros = 0;
      for (std::size_t i = 0; i < want.size(); ++i) {
        differ += std::memcmp(&got[i], &want[i], sizeof(float)) != 0;  // +0 and -0 differ here
        zeros += want[i] == 0;
      }
      EXPECT_EQ(differ, 0) << s.ic << "x" << s.h << "x" << s.w << " -> " << s.oc << ", k " << s.k
                           << (skip ? " with" : " without") << " the row skip";
      EXPECT_GT(zeros, 0);  // the ReLU had something to do
    }
  }
}

TEST(CnnLayers, ConvReluPoolSparseIsTheThreeLayersBitForBit) {
  // conv2 as shipped and wider (16 -> 32, 12 -> 24), output channels in
  // blocks of 16 and 4 with some left over (30 = 16 + 3 * 4 + 2, 6 = 4 + 2),
  // the image (28 wide), a 4x4 kernel, inputs from 0% to 90% zeros.
  struct Shape {
    int ic, h, w, oc, k;
  };
  for (const Shape s : {Shape{8, 12, 12, 32, 5}, Shape{16, 12, 12, 32, 5}, Shape{12, 12, 12, 24, 5},
                        Shape{8, 12, 12, 30, 5}, Shape{1, 28, 28, 8, 5}, Shape{2, 9, 15, 6, 4}}) {
    const int oh = s.h - s.k + 1, ow = s.w - s.k + 1;
    for (const double zeros : {0.0, 0.6, 0.9}) {
      wl::Rng rng(23);
      const std::vector<float> in = sparse_values(s.ic, s.h, s.w, zeros, rng);
      const std::vector<float> weight = random_values(s.oc * s.ic * s.k * s.k, rng);
      const std::vector<float> bias = random_values(s.oc, rng);
      std::vector<float> conv(s.oc * oh * ow), relu(conv.size()), want(conv.size() / 4);
      wl::conv2d_forward(conv.data(), in.data(), weight.data(), bias.data(), s.ic, s.h, s.w, s.oc,
                         s.k);
      wl::relu_forward(relu.data(), conv.data(), static_cast<int>(conv.size()));
      wl::maxpool2_forward(want.data(), relu.data(), s.oc, oh, ow);
      std::vector<float> got(want.size(), -7.0f);  // garbage: every value must be written
      std::vector<float> packed(wl::conv_sparse_packed_size(s.oc, s.ic, s.k), -7.0f);
      std::vector<int> scratch(wl::conv_sparse_scratch_size(s.ic, s.h, s.k), -7);
      wl::pack_conv_sparse(packed.data(), weight.data(), bias.data(), s.oc, s.ic, s.k);
      wl::conv2d_relu_maxpool2_sparse(got.data(), scratch.data(), in.data(), packed.data(), s.ic,
                                      s.h, s.w, s.oc, s.k);
      int differ = 0, zero_out = 0;
      for (std::size_t i = 0; i < want.size(); ++i) {
        differ += std::memcmp(&got[i], &want[i], sizeof(float)) != 0;  // +0 and -0 differ here
        zero_out += want[i] == 0;
      }
      EXPECT_EQ(differ, 0) << s.ic << "x" << s.h << "x" << s.w << " -> " << s.oc << ", k " << s.k
                           << ", " << zeros * 100 << "% zeros";
      EXPECT_GT(zero_out, 0);  // the ReLU had something to do
    }
  }
}

TEST(CnnLayers, CountNonzeroCountsNaNAndNotSignedZeros) {
  const float nan = std::nanf("");
  const std::vector<float> v = {0.0f, -0.0f, 1.0f, nan, 0.0f, -2.0f, 0.0f, 0.0f, 3.0f};
  EXPECT_EQ(wl::count_nonzero(v.data(), 9), 4);  // 4 + 4 in vectors, the last alone
  EXPECT_EQ(wl::count_nonzero(v.data(), 3), 1);
  EXPECT_EQ(wl::count_nonzero(v.data(), 0), 0);
}

TEST(CnnLayers, ConvReluPoolSparseRefusesRowsWiderThan32) {
  const int ic = 1, h = 8, w = 36, oc = 4, k = 5;
  std::vector<float> in(ic * h * w, 1.0f), out(oc * 2 * 16);
  std::vector<float> packed(wl::conv_sparse_packed_size(oc, ic, k), 0.0f);
  std::vector<int> scratch(wl::conv_sparse_scratch_size(ic, h, k));
  EXPECT_THROW(wl::conv2d_relu_maxpool2_sparse(out.data(), scratch.data(), in.data(), packed.data(),
                                               ic, h, w, oc, k),
               std::invalid_argument);
}

TEST(CnnLayers, DenseForwardSparseIsDenseForwardBitForBit) {
  // fc1's shape (512 -> 128, 32 outputs per block), and a small one with a
  // tail past the 8 partial sums (21 = 16 + 5) and outputs not a multiple of 4.
  struct Shape {
    int n_in, n_out;
  };
  for (const Shape shape : {Shape{512, 128}, Shape{21, 10}}) {
    const int n_in = shape.n_in, n_out = shape.n_out, n4 = wl::round_up4(n_out);
    wl::Rng rng(5);
    const std::vector<float> in = sparse_values(1, 1, n_in, 0.78, rng);
    const std::vector<float> weight = random_values(n_out * n_in, rng);
    const std::vector<float> bias = random_values(n_out, rng);
    std::vector<float> want(n_out), got(n_out, -7.0f), partial(8 * n4), packed(n_in * n4, -7.0f);
    std::vector<int> nonzero(n_in);
    wl::dense_forward(want.data(), in.data(), weight.data(), bias.data(), n_in, n_out);
    wl::pack_output_minor(packed.data(), weight.data(), n_out, n_in);
    EXPECT_EQ(packed[1 * n4 + 2], weight[2 * n_in + 1]);      // packed[i][o] = weight[o][i]
    if (n4 > n_out) EXPECT_EQ(packed[3 * n4 + n_out], 0.0f);  // padding
    wl::dense_forward_sparse(got.data(), partial.data(), nonzero.data(), in.data(), packed.data(),
                             bias.data(), n_in, n_out);
    int differ = 0;
    for (int o = 0; o < n_out; ++o) differ += std::memcmp(&got[o], &want[o], sizeof(float)) != 0;
    EXPECT_EQ(differ, 0) << n_in << " -> " << n_out;
  }
}
