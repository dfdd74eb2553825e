// A whole reading of a drawing by wl::DigitReader, checked against the core
// functions it is made of, each called here on its own: preprocess_drawing,
// Cnn::predict, LinearNetwork::predict and ::contributions, top_two.
#include "core/digit_reader.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "core/model_file.hpp"
#include "core/preprocess.hpp"
#include "test_util.hpp"
#include "tools/read_file.hpp"

namespace {

constexpr int kSide = 120;

// White paper, a black vertical stroke 10 px wide and 80 px tall, slightly
// slanted (the top 6 px to the right): a "1" as a person draws it.
std::vector<std::uint8_t> drawn_one() {
  std::vector<std::uint8_t> rgba(kSide * kSide * 4, 255);
  for (int y = 20; y < 100; ++y) {
    const int x0 = 55 + (100 - y) * 6 / 80;
    for (int x = x0; x < x0 + 10; ++x) {
      std::uint8_t* p = &rgba[(y * kSide + x) * 4];
      p[0] = p[1] = p[2] = 0;
    }
  }
  return rgba;
}

wl::Model model(const char* name) {
  const auto bytes = wl::tools::read_file(std::string(WEIGHTLAB_SOURCE_DIR "/web/models/") + name);
  EXPECT_FALSE(bytes.empty()) << name << " is missing";
  return wl::read_model(bytes.data(), bytes.size());
}

}  // namespace

TEST(DigitReader, ReadsADrawnOneExactlyAsItsPartsDo) {
  wl::DigitReader reader;
  reader.load_cnn(model("digits-cnn.wlm"));
  reader.load_linear(model("chapter-linear.wlm"));
  const std::vector<std::uint8_t> rgba = drawn_one();
  const wl::DigitReading& r = reader.read(rgba.data(), rgba.size(), kSide, kSide);

  // the same parts, separately
  const wl::DrawnDigit digit = wl::preprocess_drawing(rgba.data(), rgba.size(), kSide, kSide);
  wl::Cnn cnn(model("digits-cnn.wlm"));
  float probs[10];
  cnn.predict(probs, digit.pixels.data());
  wl::LinearNetwork linear;
  linear.load_model(model("chapter-linear.wlm"));
  double input[wl::kMnistPixels], scores[10];
  for (std::size_t i = 0; i < wl::kMnistPixels; ++i) input[i] = digit.pixels[i];
  const std::size_t linear_top = linear.predict(scores, input);

  ASSERT_TRUE(r.digit.has_ink);
  EXPECT_EQ(r.digit.pixels, digit.pixels);
  EXPECT_EQ(r.digit.ink_pixel_count, 800u);  // 10 x 80 black pixels
  ASSERT_TRUE(r.has_cnn);
  ASSERT_TRUE(r.has_linear);

  // The CNN reads a 1, and its probabilities are Cnn::predict's, bit for bit.
  EXPECT_EQ(r.cnn.top, 1u);
  for (int c = 0; c < 10; ++c) EXPECT_EQ(r.probs[c], probs[c]) << "class " << c;
  // Sure of it (the distilled model's probabilities are softer than a model's
  // trained on one-hot labels alone: this bar gets about 0.83), and calls it a digit.
  EXPECT_GT(r.probs[1], 0.7f);
  EXPECT_EQ(r.verdict, wl::Verdict::digit);
  EXPECT_NE(r.cnn.runner_up, r.cnn.top);
  for (int c = 0; c < 10; ++c) {
    if (c != static_cast<int>(r.cnn.top)) EXPECT_LE(probs[c], probs[r.cnn.runner_up]);
  }

  // The linear reading: its top is LinearNetwork::predict's argmax, the
  // runner-up the highest of the rest.
  EXPECT_EQ(r.linear.top, linear_top);
  for (int c = 0; c < 10; ++c) EXPECT_EQ(r.scores[c], scores[c]) << "class " << c;
  EXPECT_NE(r.linear.runner_up, r.linear.top);
  for (int c = 0; c < 10; ++c) {
    if (c != static_cast<int>(r.linear.top)) EXPECT_LE(scores[c], scores[r.linear.runner_up]);
  }

  // Contributions, asked for after the read: LinearNetwork::contributions of
  // those two classes (as float), summing to their scores.
  const std::vector<double> top = linear.contributions(input, r.linear.top);
  const std::vector<double> second = linear.contributions(input, r.linear.runner_up);
  std::array<float, wl::kMnistPixels> map_top{}, map_second{};
  const double sum_top = reader.contributions(map_top.data(), r.linear.top);
  const double sum_second = reader.contributions(map_second.data(), r.linear.runner_up);
  for (std::size_t i = 0; i < wl::kMnistPixels; ++i) {
    EXPECT_EQ(map_top[i], static_cast<float>(top[i])) << "pixel " << i;
    EXPECT_EQ(map_second[i], static_cast<float>(second[i])) << "pixel " << i;
  }
  EXPECT_NEAR(sum_top, scores[r.linear.top], 1e-9);
  EXPECT_NEAR(sum_second, scores[r.linear.runner_up], 1e-9);
  // a pixel off the stroke contributes nothing
  EXPECT_EQ(map_top[0], 0.0f);
}

TEST(DigitReader, AnEmptyCanvasHasNoReading) {
  wl::DigitReader reader;
  reader.load_cnn(model("digits-cnn.wlm"));
  reader.load_linear(model("chapter-linear.wlm"));
  reader.read(drawn_one().data(), kSide * kSide * 4, kSide, kSide);  // a reading first...
  const std::vector<std::uint8_t> blank(kSide * kSide * 4, 255);
  const wl::DigitReading& r = reader.read(blank.data(), blank.size(), kSide, kSide);
  EXPECT_FALSE(r.digit.has_ink);  // ...then nothing left of it
  EXPECT_FALSE(r.has_cnn);
  EXPECT_FALSE(r.has_linear);
}

TEST(DigitReader, WithoutModelsItStillPreprocesses) {
  wl::DigitReader reader;
  EXPECT_FALSE(reader.has_cnn());
  EXPECT_EQ(reader.cnn_architecture(), "");
  const std::vector<std::uint8_t> rgba = drawn_one();
  const wl::DigitReading& r = reader.read(rgba.data(), rgba.size(), kSide, kSide);
  EXPECT_TRUE(r.digit.has_ink);
  EXPECT_FALSE(r.has_cnn);
  EXPECT_FALSE(r.has_linear);
}

TEST(DigitReader, AWrongModelIsRefusedAndTheOldOneStays) {
  wl::DigitReader reader;
  reader.load_cnn(model("digits-cnn.wlm"));
  const std::string architecture = reader.cnn_architecture();
  EXPECT_NE(wl_test::thrown_message([&] { reader.load_cnn(model("chapter-linear.wlm")); }), "");
  EXPECT_NE(wl_test::thrown_message([&] { reader.load_linear(model("digits-cnn.wlm")); }), "");
  EXPECT_EQ(reader.cnn_architecture(), architecture);
  EXPECT_FALSE(reader.has_linear());
}

TEST(DigitReader, CountCorrectNeedsACnnAndStaysWithinItsLimit) {
  wl::DigitReader reader;
  wl::Dataset data;
  data.count = wl::kMaxDigitsPerCall + 1;
  data.rows = data.cols = 28;
  data.pixels.assign(data.count * 784, 0);
  data.labels.assign(data.count, 0);
  EXPECT_EQ(wl_test::thrown_message([&] { reader.count_correct(data); }), "no CNN model loaded");
  reader.load_cnn(model("digits-cnn.wlm"));
  EXPECT_EQ(wl_test::thrown_message([&] { reader.count_correct(data); }),
            "count_correct reads at most 10000 digits per call, this data set has 10001");
  EXPECT_NE(wl_test::thrown_message([&] { reader.read(nullptr, 0, 0, 0); }), "");
}
