#include "core/digit_reader.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "core/check.hpp"

namespace wl {

void DigitReader::load_cnn(const Model& model) {
  auto next = std::make_unique<Cnn>(model);  // validates every tensor first
  cnn_ = std::move(next);
}

void DigitReader::load_linear(const Model& model) {
  auto next = std::make_unique<LinearNetwork>();
  next->load_model(model);  // validates first
  linear_ = std::move(next);
}

std::string DigitReader::cnn_architecture() const {
  return cnn_ ? wl::cnn_architecture(cnn_->config()) : std::string();
}

const DigitReading& DigitReader::read(const std::uint8_t* rgba, std::size_t rgba_length, int width,
                                      int height) {
  DigitReading& r = reading_;
  r.digit = preprocessor_.process(rgba, rgba_length, width, height);
  r.has_cnn = r.has_linear = false;
  r.verdict = Verdict::empty;
  r.not_digit = 0;
  if (!r.digit.has_ink) return r;

  r.verdict = Verdict::digit;
  if (cnn_) {
    cnn_->predict(r.probs.data(), r.digit.pixels.data());
    r.cnn = top_two(r.probs.data(), r.probs.size());
    r.has_cnn = true;
    r.not_digit = not_digit_score(r.probs.data());
    r.verdict = verdict_for(true, r.not_digit);
  }
  if (linear_) {
    std::copy(r.digit.pixels.begin(), r.digit.pixels.end(), input_.begin());
    linear_->predict(r.scores.data(), input_.data());
    r.linear = top_two(r.scores.data(), r.scores.size());
    const std::vector<double> top = linear_->contributions(input_.data(), r.linear.top);
    const std::vector<double> second = linear_->contributions(input_.data(), r.linear.runner_up);
    std::copy(top.begin(), top.end(), r.contrib_top.begin());
    std::copy(second.begin(), second.end(), r.contrib_runner_up.begin());
    r.has_linear = true;
  }
  return r;
}

std::size_t DigitReader::count_correct(const Dataset& data) const {
  require(cnn_ != nullptr, "no CNN model loaded");
  require(data.rows == kMnistSide && data.cols == kMnistSide, "the CNN reads 28x28 digits");
  require(data.count <= kMaxDigitsPerCall,
          "count_correct reads at most " + std::to_string(kMaxDigitsPerCall) +
              " digits per call, this data set has " + std::to_string(data.count));
  return wl::count_correct(*cnn_, data.pixels.data(), data.labels.data(), data.count);
}

VerdictCounts DigitReader::count_verdicts(const Dataset& data) const {
  require(cnn_ != nullptr, "no CNN model loaded");
  require(data.rows == kMnistSide && data.cols == kMnistSide, "the CNN reads 28x28 digits");
  require(data.count <= kMaxDigitsPerCall,
          "count_verdicts reads at most " + std::to_string(kMaxDigitsPerCall) +
              " images per call, this data set has " + std::to_string(data.count));
  VerdictCounts counts;
  std::array<float, kMnistPixels> input{};
  std::array<float, kMnistClasses> probs{};
  for (std::size_t i = 0; i < data.count; ++i) {
    const std::uint8_t* pixels = data.image(i);
    for (int p = 0; p < kMnistPixels; ++p) input[p] = pixels[p] / 255.0f;
    cnn_->predict(probs.data(), input.data());
    if (verdict_for(true, not_digit_score(probs.data())) == Verdict::not_digit) {
      ++counts.not_digits;
    } else if (top_two(probs.data(), probs.size()).top == data.labels[i]) {
      ++counts.digits_right;
    }
  }
  return counts;
}

void DigitReader::predict_image(float* probs, const Dataset& data, std::size_t index) const {
  require(cnn_ != nullptr, "no CNN model loaded");
  require(data.rows == kMnistSide && data.cols == kMnistSide, "the CNN reads 28x28 digits");
  if (index >= data.count) {  // the message is built only on failure
    require(false,
            "index must be a whole number below the dataset's " + std::to_string(data.count));
  }
  std::array<float, kMnistPixels> input{};
  const std::uint8_t* pixels = data.image(index);
  for (int p = 0; p < kMnistPixels; ++p) input[p] = pixels[p] / 255.0f;
  cnn_->predict(probs, input.data());
}

}  // namespace wl
