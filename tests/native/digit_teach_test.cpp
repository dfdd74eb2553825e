// The chapter's network on the draw page, explaining and learning
// (issue 15): a map for any digit, the difference of two, one teach step
// that moves exactly the weights the chapter's formula says, an epoch over
// the learner's own examples, a count of them read right, a reset, and
// clear errors for bad input.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "core/digit_reader.hpp"
#include "core/model_file.hpp"
#include "test_util.hpp"
#include "tools/read_file.hpp"

namespace {

constexpr int kSide = 120;

// White paper and a black "4": a left arm, a crossbar and a long right stem.
std::vector<std::uint8_t> drawn_four() {
  std::vector<std::uint8_t> rgba(kSide * kSide * 4, 255);
  const auto ink = [&](int x0, int y0, int x1, int y1) {
    for (int y = y0; y < y1; ++y) {
      for (int x = x0; x < x1; ++x) {
        std::uint8_t* p = &rgba[(y * kSide + x) * 4];
        p[0] = p[1] = p[2] = 0;
      }
    }
  };
  ink(30, 20, 40, 70);   // left arm
  ink(30, 62, 90, 72);   // crossbar
  ink(70, 20, 80, 105);  // stem
  return rgba;
}

wl::Model model(const char* name) {
  const auto bytes = wl::tools::read_file(std::string(WEIGHTLAB_SOURCE_DIR "/web/models/") + name);
  EXPECT_FALSE(bytes.empty()) << name << " is missing";
  return wl::read_model(bytes.data(), bytes.size());
}

// A reader with the chapter's network that has read the drawn 4.
struct Fixture {
  wl::DigitReader reader;
  std::vector<std::uint8_t> rgba = drawn_four();
  const wl::DigitReading* reading = nullptr;
  Fixture() {
    reader.load_linear(model("chapter-linear.wlm"));
    reading = &reader.read(rgba.data(), rgba.size(), kSide, kSide);
  }
  std::vector<double> input() const {
    return std::vector<double>(reading->digit.pixels.begin(), reading->digit.pixels.end());
  }
};

}  // namespace

TEST(DigitTeach, AMapForAnyDigitSumsToItsScore) {
  Fixture f;
  ASSERT_TRUE(f.reading->has_linear);
  const std::vector<double> input = f.input();
  wl::LinearNetwork net;
  net.load_model(model("chapter-linear.wlm"));
  float map[wl::kMnistPixels];
  for (std::size_t d = 0; d < 10; ++d) {
    const double sum = f.reader.contributions(map, d);
    const std::vector<double> expected = net.contributions(input.data(), d);
    for (std::size_t i = 0; i < wl::kMnistPixels; ++i) {
      ASSERT_EQ(map[i], static_cast<float>(expected[i])) << "digit " << d << " pixel " << i;
    }
    EXPECT_NEAR(sum, f.reading->scores[d], 1e-9) << "digit " << d;
  }
}

TEST(DigitTeach, TheDifferenceOfTwoMapsSumsToTheScoreDifference) {
  Fixture f;
  float a[wl::kMnistPixels], b[wl::kMnistPixels], diff[wl::kMnistPixels];
  f.reader.contributions(a, 2);
  f.reader.contributions(b, 7);
  const double sum = f.reader.difference(diff, 2, 7);
  for (std::size_t i = 0; i < wl::kMnistPixels; ++i) EXPECT_NEAR(diff[i], a[i] - b[i], 1e-6);
  EXPECT_NEAR(sum, f.reading->scores[2] - f.reading->scores[7], 1e-9);
  EXPECT_EQ(f.reader.difference(diff, 3, 3), 0.0);
}

TEST(DigitTeach, OneStepMovesExactlyTheWeightsTheFormulaSays) {
  Fixture f;
  const std::vector<double> input = f.input();
  const std::vector<double> before = f.reader.linear_weights();
  const double alpha = 0.003;
  const wl::TeachResult& t = f.reader.teach(4, alpha);

  // delta = score - target, from the scores before the step
  for (std::size_t c = 0; c < 10; ++c) {
    EXPECT_EQ(t.before[c], f.reading->scores[c]) << "class " << c;
    EXPECT_EQ(t.delta[c], t.before[c] - (c == 4 ? 1.0 : 0.0)) << "class " << c;
  }
  // w[c][i] -= alpha * (delta[c] * input[i]), and nothing else moves: an
  // un-inked pixel's weights stay put in every row.
  const std::vector<double>& after = f.reader.linear_weights();
  std::size_t moved = 0, inked = 0;
  for (std::size_t i = 0; i < wl::kMnistPixels; ++i) inked += input[i] != 0;
  for (std::size_t c = 0; c < 10; ++c) {
    for (std::size_t i = 0; i < wl::kMnistPixels; ++i) {
      const std::size_t k = c * wl::kMnistPixels + i;
      ASSERT_EQ(after[k], before[k] - alpha * (t.delta[c] * input[i])) << c << "," << i;
      moved += after[k] != before[k];
      if (input[i] == 0) ASSERT_EQ(after[k], before[k]);
    }
  }
  EXPECT_GT(inked, 100u);
  EXPECT_EQ(moved, 10 * inked);  // every row, at every inked pixel
  // the row of 4 as shown, before and after
  for (std::size_t i = 0; i < wl::kMnistPixels; ++i) {
    EXPECT_EQ(t.row_before[i], static_cast<float>(before[4 * wl::kMnistPixels + i]));
    EXPECT_EQ(t.row_after[i], static_cast<float>(after[4 * wl::kMnistPixels + i]));
    EXPECT_EQ(t.row_change[i], static_cast<float>(after[4 * wl::kMnistPixels + i] -
                                                  before[4 * wl::kMnistPixels + i]));
  }
  // the scores after are the network's reading of the same drawing now, and
  // each moved towards its target: delta[c] shrank by (1 - alpha * |input|^2)
  double norm2 = 0;
  for (double x : input) norm2 += x * x;
  EXPECT_NEAR(t.sum_squares, norm2, 1e-9);
  EXPECT_NEAR(t.shrink, 1 - alpha * norm2, 1e-12);
  for (std::size_t c = 0; c < 10; ++c) {
    const double target = c == 4 ? 1.0 : 0.0;
    EXPECT_NEAR(t.after[c] - target, t.delta[c] * (1 - alpha * norm2), 1e-9) << "class " << c;
  }
  EXPECT_EQ(t.label, 4u);
  EXPECT_EQ(t.alpha, alpha);
  EXPECT_EQ(t.rank_before, wl::rank_of(t.before.data(), 4));
  EXPECT_LE(t.rank_after, t.rank_before);
  EXPECT_GT(t.after[4], t.before[4]);
}

TEST(DigitTeach, ReplayIsTheSameStepsAndCountRightCounts) {
  Fixture f;
  const std::vector<double> input = f.input();
  // two examples: the drawn 4 as a 4, then as a 9
  std::vector<double> images(input);
  images.insert(images.end(), input.begin(), input.end());
  const std::vector<double> labels = {4, 9};
  const std::vector<double> alphas = {0.002, 0.001};
  const wl::TaughtExamples examples{images.data(), labels.data(), 2};

  wl::LinearNetwork net;  // the same two steps, by hand
  net.load_model(model("chapter-linear.wlm"));
  double pred[10], delta[10];
  net.learn(pred, delta, input.data(), 4, 0.002);
  const std::size_t first_right = wl::argmax(pred, 10) == 4;
  net.learn(pred, delta, input.data(), 9, 0.001);
  const std::size_t second_right = wl::argmax(pred, 10) == 9;

  const wl::ReplayResult r = f.reader.replay(examples, alphas.data());
  EXPECT_EQ(r.count, 2u);
  EXPECT_EQ(r.correct_before, first_right + second_right);
  EXPECT_EQ(f.reader.linear_weights(), net.weights());

  double scores[10];
  const std::size_t read = net.predict(scores, input.data());
  EXPECT_EQ(f.reader.count_right(examples), (read == 4) + (read == 9));
  EXPECT_EQ(f.reader.count_right({images.data(), labels.data(), 1}), read == 4 ? 1u : 0u);

  // reset: back to the shipped weights
  f.reader.reset_linear();
  wl::LinearNetwork shipped;
  shipped.load_model(model("chapter-linear.wlm"));
  EXPECT_EQ(f.reader.linear_weights(), shipped.weights());
}

// alpha far past 2 / sum(x^2): the first step overshoots (shrink < -1, the
// deltas grow and flip sign); the next one trips the network's divergence
// mark, and teach undoes it; replay over the same two steps stops at the
// second and changes nothing. The reader keeps working at a small alpha.
TEST(DigitTeach, ADivergedStepIsUndoneAndReported) {
  Fixture f;
  // each step multiplies every delta by shrink (about -100 here): within a
  // few steps the error before a step passes the divergence limit
  std::vector<double> kept;
  long diverged_at = -1;
  for (int k = 0; k < 8 && diverged_at < 0; ++k) {
    kept = f.reader.linear_weights();
    const wl::TeachResult& t = f.reader.teach(4, 1.0);
    EXPECT_LT(t.shrink, -1);
    if (t.diverged) {
      diverged_at = k;
      for (int c = 0; c < 10; ++c) EXPECT_EQ(t.after[c], t.before[c]) << "class " << c;
    }
  }
  ASSERT_GT(diverged_at, 0) << "alpha 1 should diverge after at least one good step";
  EXPECT_EQ(f.reader.linear_weights(), kept) << "the diverged step was undone";
  // the scores are already far off, so even a small step now diverges (and is
  // undone); a reset gives back a network that learns
  EXPECT_TRUE(f.reader.teach(4, 0.001).diverged);
  EXPECT_EQ(f.reader.linear_weights(), kept);
  f.reader.reset_linear();
  EXPECT_FALSE(f.reader.teach(4, 0.001).diverged);

  f.reader.reset_linear();
  const std::vector<double> shipped = f.reader.linear_weights();
  const std::vector<double> one = f.input();
  std::vector<double> images;
  for (int k = 0; k < 8; ++k) images.insert(images.end(), one.begin(), one.end());
  const std::vector<double> labels(8, 4), big(8, 1.0), small(8, 0.001);
  const wl::ReplayResult r = f.reader.replay({images.data(), labels.data(), 8}, big.data());
  EXPECT_TRUE(r.diverged);
  EXPECT_EQ(r.diverged_at, diverged_at);
  EXPECT_EQ(f.reader.linear_weights(), shipped) << "a diverged replay changes nothing";
  const wl::ReplayResult ok = f.reader.replay({images.data(), labels.data(), 8}, small.data());
  EXPECT_FALSE(ok.diverged);
  EXPECT_EQ(ok.diverged_at, -1);
  EXPECT_EQ(ok.count, 8u);
}

TEST(DigitTeach, TeachingAFourThreeTimesMovesTheReadingTowardsFour) {
  Fixture f;
  std::size_t rank = wl::rank_of(f.reading->scores.data(), 4);
  double score = f.reading->scores[4];
  for (int k = 0; k < 3; ++k) {
    const wl::TeachResult& t = f.reader.teach(4, 0.001);
    EXPECT_GT(t.after[4], score);
    EXPECT_LE(t.rank_after, rank);
    score = t.after[4];
    rank = t.rank_after;
  }
  const wl::DigitReading& again = f.reader.read(f.rgba.data(), f.rgba.size(), kSide, kSide);
  EXPECT_EQ(again.scores[4], score);
  EXPECT_EQ(rank, 1u);
  EXPECT_EQ(again.linear.top, 4u);
}

TEST(DigitTeach, BadInputGivesClearErrorsAndChangesNothing) {
  wl::DigitReader reader;
  float map[wl::kMnistPixels];
  EXPECT_EQ(wl_test::thrown_message([&] { reader.teach(4, 0.01); }),
            "the chapter's network is not loaded");
  reader.load_linear(model("chapter-linear.wlm"));
  EXPECT_EQ(wl_test::thrown_message([&] { reader.teach(4, 0.01); }),
            "no drawing has been read by the chapter's network yet: draw a digit first");
  EXPECT_EQ(wl_test::thrown_message([&] { reader.contributions(map, 2); }),
            "no drawing has been read by the chapter's network yet: draw a digit first");
  const std::vector<std::uint8_t> blank(kSide * kSide * 4, 255);
  reader.read(blank.data(), blank.size(), kSide, kSide);
  EXPECT_EQ(wl_test::thrown_message([&] { reader.teach(4, 0.01); }),
            "no drawing has been read by the chapter's network yet: draw a digit first");

  const std::vector<std::uint8_t> rgba = drawn_four();
  reader.read(rgba.data(), rgba.size(), kSide, kSide);
  const std::vector<double> weights = reader.linear_weights();
  EXPECT_EQ(wl_test::thrown_message([&] { reader.teach(11, 0.01); }),
            "label must be a digit 0..9, got 11");
  EXPECT_EQ(
      wl_test::thrown_message([&] { reader.teach(4, std::numeric_limits<double>::quiet_NaN()); }),
      "alpha must be a number in (0, 10]");
  EXPECT_EQ(wl_test::thrown_message([&] { reader.teach(4, 0); }),
            "alpha must be a number in (0, 10]");
  EXPECT_EQ(wl_test::thrown_message([&] { reader.contributions(map, 10); }),
            "digit must be a digit 0..9, got 10");
  EXPECT_EQ(wl_test::thrown_message([&] { reader.difference(map, 1, 12); }),
            "b must be a digit 0..9, got 12");

  std::vector<double> images(2 * wl::kMnistPixels, 0.5);
  std::vector<double> labels = {3, 10};
  const std::vector<double> alphas = {0.01, 0.01};
  EXPECT_EQ(wl_test::thrown_message([&] {
              reader.replay({images.data(), labels.data(), 2}, alphas.data());
            }),
            "example 1's label must be a digit 0..9");
  labels[1] = 3;
  images[wl::kMnistPixels + 5] = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(wl_test::thrown_message([&] {
              reader.count_right({images.data(), labels.data(), 2});
            }),
            "example 1's pixel 5 is not a number in [0, 1]");
  images[wl::kMnistPixels + 5] = 0.5;
  const std::vector<double> bad_alphas = {0.01, -1};
  EXPECT_EQ(wl_test::thrown_message([&] {
              reader.replay({images.data(), labels.data(), 2}, bad_alphas.data());
            }),
            "example 1's alpha must be a number in (0, 10]");
  EXPECT_EQ(wl_test::thrown_message([&] {
              reader.count_right({images.data(), labels.data(), wl::kMaxTaughtExamples + 1});
            }),
            "at most 1000 examples per call, got 1001");
  EXPECT_EQ(reader.linear_weights(), weights);  // none of it changed a weight
}

TEST(DigitTeach, RankOfCountsHigherScoresAndBreaksTiesAsArgmax) {
  const double scores[10] = {0.1, 0.5, 0.5, -1, 0.9, 0, 0, 0, 0, 0};
  EXPECT_EQ(wl::rank_of(scores, 4), 1u);
  EXPECT_EQ(wl::rank_of(scores, 1), 2u);
  EXPECT_EQ(wl::rank_of(scores, 2), 3u);
  EXPECT_EQ(wl::rank_of(scores, 3), 10u);
}
