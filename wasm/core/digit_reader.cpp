#include "core/digit_reader.hpp"

#include <algorithm>
#include <cmath>
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
  loaded_linear_ = std::make_unique<LinearNetwork>(*next);
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

std::size_t rank_of(const double* scores, std::size_t label) {
  std::size_t rank = 1;
  for (std::size_t c = 0; c < kMnistClasses; ++c) {
    rank += scores[c] > scores[label] || (c < label && scores[c] == scores[label]);
  }
  return rank;
}

void DigitReader::require_drawing() const {
  require(linear_ != nullptr, "the chapter's network is not loaded");
  require(reading_.has_linear,
          "no drawing has been read by the chapter's network yet: draw a digit first");
}

namespace {

std::size_t digit_arg(std::size_t d, const char* what) {
  require(d < kMnistClasses, std::string(what) + " must be a digit 0..9, got " + std::to_string(d));
  return d;
}

void check_examples(const TaughtExamples& e) {
  require(e.count <= kMaxTaughtExamples, "at most " + std::to_string(kMaxTaughtExamples) +
                                             " examples per call, got " + std::to_string(e.count));
  require(e.count == 0 || (e.images != nullptr && e.labels != nullptr), "examples are missing");
  for (std::size_t k = 0; k < e.count; ++k) {
    const double label = e.labels[k];
    require(label >= 0 && label < kMnistClasses && label == std::floor(label),
            "example " + std::to_string(k) + "'s label must be a digit 0..9");
    const double* image = e.images + k * kMnistPixels;
    for (std::size_t i = 0; i < kMnistPixels; ++i) {
      if (!(image[i] >= 0 && image[i] <= 1)) {  // also NaN
        require(false, "example " + std::to_string(k) + "'s pixel " + std::to_string(i) +
                           " is not a number in [0, 1]");
      }
    }
  }
}

}  // namespace

double DigitReader::contributions(float* map, std::size_t digit) const {
  digit_arg(digit, "digit");
  require_drawing();
  const double* row = linear_->weights().data() + digit * kMnistPixels;
  double sum = 0;
  for (std::size_t i = 0; i < kMnistPixels; ++i) {
    const double c = input_[i] * row[i];
    map[i] = static_cast<float>(c);
    sum += c;
  }
  return sum;
}

double DigitReader::difference(float* map, std::size_t a, std::size_t b) const {
  digit_arg(a, "a");
  digit_arg(b, "b");
  require_drawing();
  const double* ra = linear_->weights().data() + a * kMnistPixels;
  const double* rb = linear_->weights().data() + b * kMnistPixels;
  double sum = 0;
  for (std::size_t i = 0; i < kMnistPixels; ++i) {
    const double c = input_[i] * ra[i] - input_[i] * rb[i];
    map[i] = static_cast<float>(c);
    sum += c;
  }
  return sum;
}

const TeachResult& DigitReader::teach(std::size_t label, double alpha) {
  digit_arg(label, "label");
  require_drawing();
  TeachResult& t = taught_;
  const double* row = linear_->weights().data() + label * kMnistPixels;
  std::copy(row, row + kMnistPixels, row_before_.begin());
  std::copy(row, row + kMnistPixels, t.row_before.begin());
  LinearNetwork undo(*linear_);  // 7,840 weights: kept in case the step diverges
  t.error = linear_->learn(t.before.data(), t.delta.data(), input_.data(), label, alpha);
  t.diverged = linear_->diverged();
  if (t.diverged) *linear_ = undo;
  const double* after = linear_->weights().data() + label * kMnistPixels;
  for (std::size_t i = 0; i < kMnistPixels; ++i) {
    t.row_after[i] = static_cast<float>(after[i]);
    t.row_change[i] = static_cast<float>(after[i] - row_before_[i]);
  }
  t.top_after = linear_->predict(t.after.data(), input_.data());
  t.top_before = argmax(t.before.data(), kMnistClasses);
  t.label = label;
  t.alpha = alpha;
  t.sum_squares = 0;
  for (double x : input_) t.sum_squares += x * x;
  t.shrink = 1 - alpha * t.sum_squares;
  t.rank_before = rank_of(t.before.data(), label);
  t.rank_after = rank_of(t.after.data(), label);
  return t;
}

ReplayResult DigitReader::replay(const TaughtExamples& examples, const double* alphas) {
  require(linear_ != nullptr, "the chapter's network is not loaded");
  check_examples(examples);
  for (std::size_t k = 0; k < examples.count; ++k) {
    const double a = alphas[k];
    require(std::isfinite(a) && a > 0 && a <= kLinearMaxAlpha,
            "example " + std::to_string(k) + "'s alpha must be a number in (0, " +
                std::to_string(static_cast<int>(kLinearMaxAlpha)) + "]");
  }
  ReplayResult r;
  LinearNetwork next(*linear_);  // learns on a copy: a divergence changes nothing
  double pred[kMnistClasses], delta[kMnistClasses];
  for (std::size_t k = 0; k < examples.count; ++k) {
    const auto label = static_cast<std::size_t>(examples.labels[k]);
    const double error =
        next.learn(pred, delta, examples.images + k * kMnistPixels, label, alphas[k]);
    if (next.diverged()) {
      r.diverged = true;
      r.diverged_at = static_cast<long>(k);
      return r;
    }
    r.error += error;
    r.correct_before += argmax(pred, kMnistClasses) == label;
    ++r.count;
  }
  *linear_ = std::move(next);
  return r;
}

std::size_t DigitReader::count_right(const TaughtExamples& examples) const {
  require(linear_ != nullptr, "the chapter's network is not loaded");
  check_examples(examples);
  std::size_t right = 0;
  double scores[kMnistClasses];
  for (std::size_t k = 0; k < examples.count; ++k) {
    right += linear_->predict(scores, examples.images + k * kMnistPixels) ==
             static_cast<std::size_t>(examples.labels[k]);
  }
  return right;
}

void DigitReader::reset_linear() {
  require(loaded_linear_ != nullptr, "the chapter's network is not loaded");
  linear_ = std::make_unique<LinearNetwork>(*loaded_linear_);
}

const std::vector<double>& DigitReader::linear_weights() const {
  require(linear_ != nullptr, "the chapter's network is not loaded");
  return linear_->weights();
}

}  // namespace wl
