#include "core/mnist_linear.hpp"

#include <cmath>
#include <string>

#include "core/check.hpp"
#include "core/gradient_descent.hpp"
#include "core/primitives.hpp"
#include "core/random.hpp"

namespace wl {
namespace {

void require_mnist_shape(const Dataset& data) {
  require(data.rows == kMnistSide && data.cols == kMnistSide,
          "the linear network needs 28x28 images, this data set has " + std::to_string(data.rows) +
              "x" + std::to_string(data.cols));
}

void require_alpha(double alpha) {
  require(
      std::isfinite(alpha) && alpha > 0 && alpha <= kLinearMaxAlpha,
      "alpha must be a number in (0, " + std::to_string(static_cast<int>(kLinearMaxAlpha)) + "]");
}

}  // namespace

void mnist_input(double* input, const std::uint8_t* pixels) {
  for (int i = 0; i < kMnistPixels; ++i) input[i] = pixels[i] / 255.0;
}

void LinearNetwork::reset(std::uint64_t seed) {
  Rng rng(seed);
  weights_.resize(kMnistClasses * kMnistPixels);
  for (double& w : weights_) w = rng.uniform(-kLinearInitScale, kLinearInitScale);
  diverged_ = false;
}

TrainResult LinearNetwork::train_range(const Dataset& data, std::size_t begin, std::size_t end,
                                       double alpha) {
  require_mnist_shape(data);
  require(begin <= end && end <= data.count, "training range [" + std::to_string(begin) + ", " +
                                                 std::to_string(end) + ") is not inside the " +
                                                 std::to_string(data.count) + " images");
  require_alpha(alpha);
  TrainResult result;
  if (diverged_) {
    result.diverged = true;
    return result;
  }
  double input[kMnistPixels], pred[kMnistClasses], delta[kMnistClasses];
  for (std::size_t n = begin; n < end; ++n) {
    mnist_input(input, data.image(n));
    const std::size_t label = data.labels[n];
    const double example_error = step(pred, delta, input, label, alpha);
    if (diverged_) {
      result.diverged = true;
      result.diverged_at = static_cast<long>(n);
      return result;
    }
    result.error += example_error;
    result.correct += argmax(pred, kMnistClasses) == label;
    ++result.count;
  }
  return result;
}

double LinearNetwork::learn(double* pred, double* delta, const double* input, std::size_t label,
                            double alpha) {
  require(label < kMnistClasses, "label must be a digit 0..9, got " + std::to_string(label));
  require_alpha(alpha);
  require(!diverged_,
          "the network has diverged (alpha was too large): reset it or load a model first");
  return step(pred, delta, input, label, alpha);
}

double LinearNetwork::step(double* pred, double* delta, const double* input, std::size_t label,
                           double alpha) {
  double target[kMnistClasses] = {}, error[kMnistClasses];
  target[label] = 1.0;
  learn_step(pred, error, delta, nullptr, weights_.data(), input, target, nullptr, alpha,
             kMnistPixels, kMnistClasses);
  double example_error = 0;
  for (double e : error) example_error += e;
  // pred came from the weights before this step; if its error is finite and
  // below the limit, the step just taken was bounded and the weights are finite.
  if (!std::isfinite(example_error) || example_error > kLinearDivergedError) diverged_ = true;
  return example_error;
}

std::size_t LinearNetwork::predict(double* scores, const double* input) const {
  wl::predict(scores, weights_.data(), input, kMnistPixels, kMnistClasses);
  return argmax(scores, kMnistClasses);
}

std::size_t LinearNetwork::predict_image(double* scores, const Dataset& data,
                                         std::size_t index) const {
  require_mnist_shape(data);
  require(index < data.count, "image " + std::to_string(index) + " is not among the " +
                                  std::to_string(data.count) + " images");
  double input[kMnistPixels];
  mnist_input(input, data.image(index));
  return predict(scores, input);
}

std::size_t LinearNetwork::count_correct(const Dataset& data, std::size_t begin,
                                         std::size_t end) const {
  require_mnist_shape(data);
  require(begin <= end && end <= data.count, "range [" + std::to_string(begin) + ", " +
                                                 std::to_string(end) + ") is not inside the " +
                                                 std::to_string(data.count) + " images");
  std::size_t correct = 0;
  double scores[kMnistClasses];
  for (std::size_t n = begin; n < end; ++n) {
    correct += predict_image(scores, data, n) == data.labels[n];
  }
  return correct;
}

double LinearNetwork::accuracy(const Dataset& data) const {
  if (data.count == 0) return 0;
  return static_cast<double>(count_correct(data, 0, data.count)) / data.count;
}

std::vector<double> LinearNetwork::contributions(const double* input, std::size_t cls) const {
  require(cls < kMnistClasses, "class must be a digit 0..9, got " + std::to_string(cls));
  std::vector<double> out(kMnistPixels);
  const double* row = weights_.data() + cls * kMnistPixels;
  for (std::size_t i = 0; i < kMnistPixels; ++i) out[i] = input[i] * row[i];
  return out;
}

Model LinearNetwork::to_model() const {
  Model m;
  m.architecture = kLinearArchitecture;
  Tensor t;
  t.name = "weights";
  t.shape = {static_cast<std::uint32_t>(kMnistClasses), static_cast<std::uint32_t>(kMnistPixels)};
  t.values.assign(weights_.begin(), weights_.end());
  m.tensors.push_back(std::move(t));
  return m;
}

void LinearNetwork::load_model(const Model& model) {
  require(model.architecture == kLinearArchitecture, "model file: architecture is \"" +
                                                         model.architecture + "\", expected \"" +
                                                         kLinearArchitecture + "\"");
  const Tensor& t = find_tensor(
      model, "weights",
      {static_cast<std::uint32_t>(kMnistClasses), static_cast<std::uint32_t>(kMnistPixels)});
  for (float v : t.values) require(std::isfinite(v), "model file: a weight is not finite");
  weights_.assign(t.values.begin(), t.values.end());
  diverged_ = false;
}

}  // namespace wl
