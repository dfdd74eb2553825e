// The chapter's MNIST network: 784 pixel inputs, 10 digit outputs, no bias,
// no hidden layer. It is the multiple-inputs-and-outputs network of the
// chapter's worked examples grown to 784 x 10, and it learns through the very
// same step, wl::learn_step (gradient_descent.hpp), one image at a time:
//
//   input  = pixels / 255                       [784]
//   target = one_hot(label)                     [10]
//   pred   = weights . input                    [10]   (vect_mat_mul)
//   error  = sum (pred - target)^2
//   weights -= alpha * outer_product(pred - target, input)
//
// Row c of the weights ([10][784]) holds class c's weight for every pixel;
// drawn as a 28x28 image it shows which pixels vote for digit c.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/dataset.hpp"
#include "core/mnist_shape.hpp"
#include "core/model_file.hpp"

namespace wl {

// Weights start uniform in [-s, s): small, so pixels no digit ever inks (the
// border) stay near 0 and the weight images show what was learned, not noise.
inline constexpr double kLinearInitScale = 0.001;
inline constexpr double kLinearMaxAlpha = 10.0;
// One image's error above this means the steps are overshooting without
// bound: training stops and reports divergence instead of running to NaN.
// (An image's error starts near 1; sum (pred - target)^2 over 10 outputs.)
inline constexpr double kLinearDivergedError = 1e6;
inline constexpr const char* kLinearArchitecture = "linear-784-10";

// What one call to train_range did.
struct TrainResult {
  double error = 0;         // summed error over the examples trained
  std::size_t correct = 0;  // of those, how many were predicted right (before their update)
  std::size_t count = 0;    // examples trained (fewer than asked if it diverged)
  bool diverged = false;
  long diverged_at = -1;  // index in the dataset of the example that exploded, or -1
};

class LinearNetwork {
 public:
  explicit LinearNetwork(std::uint64_t seed = 1) { reset(seed); }

  // Fresh weights from the seed (wl::Rng, uniform in [-kLinearInitScale, +)).
  void reset(std::uint64_t seed);

  // Trains on images [begin, end) of `data` in order, one learn_step each.
  // The page calls it a chunk at a time; train_epoch is the whole set.
  // Throws std::invalid_argument on a bad range, a dataset that is not 28x28,
  // or alpha outside (0, kLinearMaxAlpha]. Once diverged, the network keeps
  // its last finite weights and refuses to train until reset() or a load.
  TrainResult train_range(const Dataset& data, std::size_t begin, std::size_t end, double alpha);
  TrainResult train_epoch(const Dataset& data, double alpha) {
    return train_range(data, 0, data.count, alpha);
  }

  // The chapter's step on ONE example (train_range takes each of its images
  // through it): input[784] (pixel values, e.g. mnist_input's) and its label.
  // pred gets the scores before the step, delta = pred - one_hot(label), and
  // every weight moves: w[c][i] -= alpha * (delta[c] * input[i]) (learn_step).
  // Returns the example's error, sum (pred - target)^2. Throws on a label past
  // 9, on alpha outside (0, kLinearMaxAlpha], or once diverged (an error above
  // kLinearDivergedError marks the network diverged, as train_range does).
  double learn(double* pred, double* delta, const double* input, std::size_t label, double alpha);

  // scores[10] for an input of 784 values (pixel / 255); returns the argmax
  // (the first one on ties).
  std::size_t predict(double* scores, const double* input) const;
  std::size_t predict_image(double* scores, const Dataset& data, std::size_t index) const;
  // How many of images [begin, end) are predicted right (the page evaluates
  // the 10,000 test digits a chunk per frame), and the fraction of all of `data`.
  std::size_t count_correct(const Dataset& data, std::size_t begin, std::size_t end) const;
  double accuracy(const Dataset& data) const;

  // input[i] * weights[cls][i] for every pixel: the dot product before its
  // sum. Their sum is scores[cls] (to rounding: weighted_sum adds in four lanes).
  std::vector<double> contributions(const double* input, std::size_t cls) const;

  const std::vector<double>& weights() const { return weights_; }  // [10][784]
  bool diverged() const { return diverged_; }

  // As a .wlm model: architecture "linear-784-10", tensor "weights" [10,784].
  Model to_model() const;
  // Replaces the weights with the model's; throws (and keeps the old
  // weights) if the architecture or tensor is not the expected one.
  void load_model(const Model& model);

 private:
  // learn() without its checks: one learn_step, the error, the divergence mark.
  double step(double* pred, double* delta, const double* input, std::size_t label, double alpha);

  std::vector<double> weights_;
  bool diverged_ = false;
};

// pixel / 255 for an image of 784 uint8 pixels, the network's input.
void mnist_input(double* input, const std::uint8_t* pixels);

}  // namespace wl
