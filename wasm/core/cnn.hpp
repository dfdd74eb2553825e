// The digit classifier: a small LeNet-style CNN on 28x28 images.
//
//   image [1][28][28]  pixel/255, ink bright, background 0
//   conv1 5x5, c1 filters  -> [c1][24][24] -> ReLU -> 2x2 max-pool -> [c1][12][12]
//   conv2 5x5, c2 filters  -> [c2][8][8]   -> ReLU -> 2x2 max-pool -> [c2][4][4]
//   fc1   c2*16 -> hidden  -> ReLU          (left out when hidden == 0)
//   fc2   -> 10 logits     -> softmax
//
// All parameters live in one flat buffer (params) and their gradients in
// another of the same layout (grads), so an optimiser step is one loop. The
// layout, in order, with the tensor names used in the model file:
//   conv1.weight [c1][1][5][5]   conv1.bias [c1]
//   conv2.weight [c2][c1][5][5]  conv2.bias [c2]
//   fc1.weight   [hidden][c2*16] fc1.bias   [hidden]   (only if hidden > 0)
//   fc2.weight   [10][fc2 inputs] fc2.bias  [10]
// The architecture string names the shape, e.g. "cnn-c5x8-p2-c5x32-p2-d128-d10"
// (or "...-p2-d10" without the hidden layer). The defaults below are the
// shipped web/models/digits-cnn.wlm: 73,594 parameters, 99.41% on MNIST t10k.
//
// Example (inference):
//   wl::Cnn net(wl::read_model(bytes, size));   // validates every tensor
//   float probs[10];
//   net.predict(probs, image784);               // allocates nothing
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/mnist_shape.hpp"
#include "core/model_file.hpp"
#include "core/random.hpp"

namespace wl {

struct CnnConfig {
  int conv1_channels = 8;   // 1..128
  int conv2_channels = 32;  // 1..256
  int hidden = 128;         // 0 (no hidden layer) .. 4096
};

// "cnn-c5x<c1>-p2-c5x<c2>-p2[-d<hidden>]-d10"
std::string cnn_architecture(const CnnConfig& config);
// The inverse; throws std::invalid_argument for anything else.
CnnConfig parse_cnn_architecture(const std::string& architecture);

class Cnn {
 public:
  // Parameters zeroed; call init() or load weights.
  explicit Cnn(const CnnConfig& config);
  // From a model file: the architecture string and every tensor's shape are
  // checked; throws std::invalid_argument naming what does not fit.
  explicit Cnn(const Model& model);

  // He-normal weights (std sqrt(2/fan_in)), zero biases.
  void init(Rng& rng);
  Model to_model() const;

  const CnnConfig& config() const { return config_; }
  std::size_t parameter_count() const { return params.size(); }

  // Inference: probs[10] = softmax(logits), the same floats as forward()
  // gives. Uses the object's own scratch buffers (so it is not re-entrant)
  // and packed copies of the weights, made at model load and again after
  // init(), forward() or weights_changed(); it allocates only then.
  void predict(float* probs,         // [10]
               const float* image);  // [28*28] in [0,1]
  // Call after writing params other than through init() or training (forward()
  // then adam_step() is covered: forward() calls it), so predict() repacks.
  void weights_changed() { packed_ok_ = false; }

  // Training: forward() keeps every activation and returns the cross-entropy
  // loss for `label`; backward() then ADDS this image's gradient into grads.
  float forward(const float* image,  // [28*28]
                int label);          // 0..9
  // Training on something that is NOT a digit ("outlier exposure", Hendrycks
  // et al. 2019): the target is the uniform distribution over the ten digits,
  // loss = -mean_c log p_c, so the network learns to spread its belief evenly
  // on letters, signs and scribbles; backward() then adds d_logits = p - 1/10.
  float forward_not_digit(const float* image);  // [28*28]
  // Training towards any distribution over the ten digits (a teacher's
  // probabilities, for distillation): loss = -sum_c target_c log p_c;
  // backward() then adds d_logits = p - target. target must sum to 1.
  float forward_soft(const float* image,    // [28*28]
                     const float* target);  // [10]
  void backward();
  // Training only: forward() and forward_not_digit() drop each hidden unit
  // with probability `rate` (inverted dropout: the kept ones are scaled by
  // 1/(1 - rate), so predict() needs no change), masks drawn from their own
  // generator seeded with `seed`. rate 0 (the default) turns it off. Throws
  // std::invalid_argument unless 0 <= rate < 1.
  void set_dropout(double rate, std::uint64_t seed);
  const float* probs() const { return probs_.data(); }  // [10] from the last forward/predict

  std::vector<float> params;
  std::vector<float> grads;  // same layout as params

 private:
  struct Offsets {
    std::size_t conv1_w, conv1_b, conv2_w, conv2_b, fc1_w, fc1_b, fc2_w, fc2_b, total;
  };
  void allocate();
  void run_forward(const float* image);    // training: keeps every activation
  void run_inference(const float* image);  // predict: pool1_, pool2_, fc1_, relu3_, logits_
  void pack();                             // packed_ from params

  CnnConfig config_;
  Offsets at_{};
  int flat_ = 0;   // c2 * 4 * 4, the input size of the dense part
  int label_ = 0;  // -1: the last forward was forward_soft (or forward_not_digit)
  float target_[kMnistClasses] = {};  // forward_soft's target
  // activations of the last forward (and scratch)
  std::vector<float> in_, col1_, conv1_, relu1_, pool1_, col2_, conv2_, relu2_, pool2_, fc1_,
      relu3_, logits_, probs_;
  // run_inference's packed weights (conv1: pack_conv, conv2: pack_conv and
  // pack_conv_sparse, fc1: pack_output_minor) and scratch (see pack(), allocate())
  std::vector<float> conv1_packed_, conv2_packed_, conv2_sparse_, packed_, partial_;
  std::vector<int> nonzero_, spans_, conv2_scratch_;
  bool packed_ok_ = false;
  // dropout (set_dropout): the hidden units' scale of the last forward, 0 or 1/(1 - rate)
  float dropout_ = 0;
  Rng dropout_rng_{0};
  std::vector<float> keep_;
  // their gradients
  std::vector<float> d_logits_, d_relu3_, d_fc1_, d_pool2_, d_relu2_, d_conv2_, d_col2_, d_pool1_,
      d_relu1_, d_conv1_;
};

// One Adam step (Kingma & Ba 2015) over flat buffers, with bias correction:
//   g = grads * grad_scale (e.g. 1/batch); m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2
//   params -= lr * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)
// t counts steps from 1.
void adam_step(float* params,       // [n]
               float* m,            // [n] first-moment state
               float* v,            // [n] second-moment state
               const float* grads,  // [n]
               std::size_t n, float grad_scale, float lr, int t, float beta1 = 0.9f,
               float beta2 = 0.999f, float eps = 1e-8f);

// How many of `count` MNIST-style digits the network reads as their label.
// Pixels are bytes 0..255 (ink bright), [count][28*28]; each is divided by 255.
std::size_t count_correct(Cnn& net,
                          const std::uint8_t* images,  // [count][28*28]
                          const std::uint8_t* labels,  // [count], 0..9
                          std::size_t count);

}  // namespace wl
