#include "core/cnn.hpp"

#include <algorithm>
#include <cmath>

#include "core/check.hpp"
#include "core/cnn_layers.hpp"
#include "core/primitives.hpp"

namespace wl {
namespace {

constexpr int kK = 5;                      // kernel side of both convolutions
constexpr int kC1Side = 24, kP1Side = 12;  // after conv1, after pool1
constexpr int kC2Side = 8, kP2Side = 4;    // after conv2, after pool2

// Reads an unsigned decimal at s[pos..]; advances pos. -1 if there is none.
long read_number(const std::string& s, std::size_t& pos) {
  long v = -1;
  while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9' && v < 100000) {
    v = (v < 0 ? 0 : v * 10) + (s[pos] - '0');
    ++pos;
  }
  return v;
}

bool read_literal(const std::string& s, std::size_t& pos, const char* lit) {
  for (; *lit; ++lit, ++pos) {
    if (pos >= s.size() || s[pos] != *lit) return false;
  }
  return true;
}

void require_config(const CnnConfig& c) {
  require(c.conv1_channels >= 1 && c.conv1_channels <= 128,
          "cnn: conv1 channels must be 1..128, got " + std::to_string(c.conv1_channels));
  require(c.conv2_channels >= 1 && c.conv2_channels <= 256,
          "cnn: conv2 channels must be 1..256, got " + std::to_string(c.conv2_channels));
  require(c.hidden >= 0 && c.hidden <= 4096,
          "cnn: hidden units must be 0..4096, got " + std::to_string(c.hidden));
}

}  // namespace

std::string cnn_architecture(const CnnConfig& c) {
  std::string s = "cnn-c5x" + std::to_string(c.conv1_channels) + "-p2-c5x" +
                  std::to_string(c.conv2_channels) + "-p2";
  if (c.hidden > 0) s += "-d" + std::to_string(c.hidden);
  return s + "-d10";
}

CnnConfig parse_cnn_architecture(const std::string& a) {
  const std::string bad =
      "cnn: unknown architecture '" + a + "' (expected cnn-c5x<n>-p2-c5x<n>-p2[-d<n>]-d10)";
  CnnConfig c;
  std::size_t pos = 0;
  require(read_literal(a, pos, "cnn-c5x"), bad);
  const long c1 = read_number(a, pos);
  require(read_literal(a, pos, "-p2-c5x"), bad);
  const long c2 = read_number(a, pos);
  require(read_literal(a, pos, "-p2-d"), bad);
  long d = read_number(a, pos);
  long hidden = 0;
  if (pos < a.size() && a[pos] == '-') {  // a hidden layer, then -d10
    hidden = d;
    require(read_literal(a, pos, "-d"), bad);
    d = read_number(a, pos);
  }
  require(pos == a.size() && d == kMnistClasses && c1 >= 0 && c2 >= 0 && hidden >= 0, bad);
  c.conv1_channels = static_cast<int>(c1);
  c.conv2_channels = static_cast<int>(c2);
  c.hidden = static_cast<int>(hidden);
  require_config(c);
  require(cnn_architecture(c) == a, bad);  // rejects leading zeros and the like
  return c;
}

Cnn::Cnn(const CnnConfig& config) : config_(config) {
  require_config(config_);
  allocate();
}

Cnn::Cnn(const Model& model) : config_(parse_cnn_architecture(model.architecture)) {
  const std::uint32_t c1 = config_.conv1_channels, c2 = config_.conv2_channels,
                      hid = config_.hidden, k = kK, flat = c2 * kP2Side * kP2Side,
                      fc2_in = hid > 0 ? hid : flat;
  struct Want {
    const char* name;
    std::vector<std::uint32_t> shape;
  };
  std::vector<Want> wants = {{"conv1.weight", {c1, 1, k, k}},
                             {"conv1.bias", {c1}},
                             {"conv2.weight", {c2, c1, k, k}},
                             {"conv2.bias", {c2}}};
  if (hid > 0) {
    wants.push_back({"fc1.weight", {hid, flat}});
    wants.push_back({"fc1.bias", {hid}});
  }
  wants.push_back({"fc2.weight", {kMnistClasses, fc2_in}});
  wants.push_back({"fc2.bias", {kMnistClasses}});
  require(model.tensors.size() == wants.size(),
          "cnn: model '" + model.architecture + "' has " + std::to_string(model.tensors.size()) +
              " tensors, expected " + std::to_string(wants.size()));
  // Check every tensor before allocating, so a hostile architecture string
  // cannot make us reserve memory its tensors do not back.
  std::vector<const Tensor*> found;
  for (const Want& want : wants) {
    const Tensor& t = find_tensor(model, want.name, want.shape);
    std::size_t n = 1;
    for (std::uint32_t d : t.shape) n *= d;
    require(t.values.size() == n, "cnn: tensor '" + t.name + "' holds " +
                                      std::to_string(t.values.size()) + " values for " +
                                      std::to_string(n) + " shape entries");
    found.push_back(&t);
  }
  allocate();
  std::size_t at = 0;  // tensors are copied in layout order, whatever their file order
  for (const Tensor* t : found) {
    for (float v : t->values) params[at++] = v;
  }
  pack();  // once, at load: predict() reads the packed copy
}

void Cnn::allocate() {
  const int c1 = config_.conv1_channels, c2 = config_.conv2_channels, hid = config_.hidden;
  flat_ = c2 * kP2Side * kP2Side;
  const int fc2_in = hid > 0 ? hid : flat_;
  std::size_t n = 0;
  auto take = [&n](std::size_t count) {
    const std::size_t at = n;
    n += count;
    return at;
  };
  at_.conv1_w = take(std::size_t(c1) * kK * kK);
  at_.conv1_b = take(c1);
  at_.conv2_w = take(std::size_t(c2) * c1 * kK * kK);
  at_.conv2_b = take(c2);
  at_.fc1_w = take(std::size_t(hid) * flat_);
  at_.fc1_b = take(hid);
  at_.fc2_w = take(std::size_t{kMnistClasses} * fc2_in);
  at_.fc2_b = take(kMnistClasses);
  at_.total = n;
  params.assign(n, 0.0f);
  grads.assign(n, 0.0f);

  const int a1 = c1 * kC1Side * kC1Side, p1 = c1 * kP1Side * kP1Side;
  const int a2 = c2 * kC2Side * kC2Side;
  in_.assign(kMnistPixels, 0);
  col1_.assign(kK * kK * kC1Side * kC1Side, 0);
  conv1_.assign(a1, 0);
  relu1_.assign(a1, 0);
  pool1_.assign(p1, 0);
  col2_.assign(std::size_t(c1) * kK * kK * kC2Side * kC2Side, 0);
  conv2_.assign(a2, 0);
  relu2_.assign(a2, 0);
  pool2_.assign(flat_, 0);
  // run_inference's scratch: the image rows' nonzero spans (conv1), fc1's
  // nonzero inputs and partial sums
  spans_.assign(2 * kMnistSide, 0);
  conv2_scratch_.assign(conv_sparse_scratch_size(c1, kP1Side, kK), 0);
  nonzero_.assign(flat_, 0);
  partial_.assign(8 * round_up4(hid), 0);
  packed_ok_ = false;
  fc1_.assign(hid, 0);
  relu3_.assign(hid, 0);
  logits_.assign(kMnistClasses, 0);
  probs_.assign(kMnistClasses, 0);
  d_logits_.assign(kMnistClasses, 0);
  d_relu3_.assign(hid, 0);
  d_fc1_.assign(hid, 0);
  d_pool2_.assign(flat_, 0);
  d_relu2_.assign(a2, 0);
  d_conv2_.assign(a2, 0);
  d_col2_.assign(col2_.size(), 0);
  d_pool1_.assign(p1, 0);
  d_relu1_.assign(a1, 0);
  d_conv1_.assign(a1, 0);
}

void Cnn::init(Rng& rng) {
  const int c1 = config_.conv1_channels, c2 = config_.conv2_channels, hid = config_.hidden;
  auto he = [&](std::size_t at, std::size_t count, int fan_in) {
    const double sd = std::sqrt(2.0 / fan_in);
    for (std::size_t i = 0; i < count; ++i) params[at + i] = static_cast<float>(sd * rng.normal());
  };
  weights_changed();
  for (float& p : params) p = 0;
  he(at_.conv1_w, at_.conv1_b - at_.conv1_w, kK * kK);
  he(at_.conv2_w, at_.conv2_b - at_.conv2_w, c1 * kK * kK);
  if (hid > 0) he(at_.fc1_w, at_.fc1_b - at_.fc1_w, flat_);
  he(at_.fc2_w, at_.fc2_b - at_.fc2_w, hid > 0 ? hid : flat_);
  (void)c2;
}

Model Cnn::to_model() const {
  const std::uint32_t c1 = config_.conv1_channels, c2 = config_.conv2_channels,
                      hid = config_.hidden, k = kK, flat = flat_;
  Model m;
  m.architecture = cnn_architecture(config_);
  auto add = [&](const char* name, std::vector<std::uint32_t> shape, std::size_t from,
                 std::size_t to) {
    m.tensors.push_back(
        {name, std::move(shape), std::vector<float>(params.begin() + from, params.begin() + to)});
  };
  add("conv1.weight", {c1, 1, k, k}, at_.conv1_w, at_.conv1_b);
  add("conv1.bias", {c1}, at_.conv1_b, at_.conv2_w);
  add("conv2.weight", {c2, c1, k, k}, at_.conv2_w, at_.conv2_b);
  add("conv2.bias", {c2}, at_.conv2_b, at_.fc1_w);
  if (hid > 0) {
    add("fc1.weight", {hid, flat}, at_.fc1_w, at_.fc1_b);
    add("fc1.bias", {hid}, at_.fc1_b, at_.fc2_w);
  }
  add("fc2.weight", {kMnistClasses, hid > 0 ? hid : flat}, at_.fc2_w, at_.fc2_b);
  add("fc2.bias", {kMnistClasses}, at_.fc2_b, at_.total);
  return m;
}

void Cnn::run_forward(const float* image) {
  const int c1 = config_.conv1_channels, c2 = config_.conv2_channels, hid = config_.hidden;
  const float* p = params.data();
  for (int i = 0; i < kMnistPixels; ++i) in_[i] = image[i];
  conv2d_forward(conv1_.data(), in_.data(), p + at_.conv1_w, p + at_.conv1_b, 1, kMnistSide,
                 kMnistSide, c1, kK);
  relu_forward(relu1_.data(), conv1_.data(), c1 * kC1Side * kC1Side);
  maxpool2_forward(pool1_.data(), relu1_.data(), c1, kC1Side, kC1Side);
  conv2d_forward(conv2_.data(), pool1_.data(), p + at_.conv2_w, p + at_.conv2_b, c1, kP1Side,
                 kP1Side, c2, kK);
  relu_forward(relu2_.data(), conv2_.data(), c2 * kC2Side * kC2Side);
  maxpool2_forward(pool2_.data(), relu2_.data(), c2, kC2Side, kC2Side);
  if (hid > 0) {
    dense_forward(fc1_.data(), pool2_.data(), p + at_.fc1_w, p + at_.fc1_b, flat_, hid);
    relu_forward(relu3_.data(), fc1_.data(), hid);
    if (dropout_ > 0) {
      const float scale = 1.0f / (1.0f - dropout_);
      keep_.resize(hid);
      for (int i = 0; i < hid; ++i) {
        keep_[i] = dropout_rng_.uniform() < dropout_ ? 0.0f : scale;
        relu3_[i] *= keep_[i];
      }
    }
    dense_forward(logits_.data(), relu3_.data(), p + at_.fc2_w, p + at_.fc2_b, hid, kMnistClasses);
  } else {
    dense_forward(logits_.data(), pool2_.data(), p + at_.fc2_w, p + at_.fc2_b, flat_,
                  kMnistClasses);
  }
}

void Cnn::set_dropout(double rate, std::uint64_t seed) {
  require(rate >= 0 && rate < 1, "cnn: dropout rate must be in [0, 1)");
  dropout_ = static_cast<float>(rate);
  dropout_rng_ = Rng(seed);
}

// The inference copies of the weights, each in the order its kernel walks
// them: the convolutions' for the dense tile (pack_conv), conv2's and fc1's
// output-minor for the sparse kernels (pack_conv_sparse, pack_output_minor). Made when the model is loaded and again before the
// first predict() after the weights may have changed.
void Cnn::pack() {
  const int c1 = config_.conv1_channels, c2 = config_.conv2_channels, hid = config_.hidden;
  const float* p = params.data();
  conv1_packed_.assign(conv_packed_size(c1, 1, kK), 0.0f);
  pack_conv(conv1_packed_.data(), p + at_.conv1_w, p + at_.conv1_b, c1, 1, kK);
  conv2_packed_.assign(conv_packed_size(c2, c1, kK), 0.0f);
  pack_conv(conv2_packed_.data(), p + at_.conv2_w, p + at_.conv2_b, c2, c1, kK);
  conv2_sparse_.assign(conv_sparse_packed_size(c2, c1, kK), 0.0f);
  pack_conv_sparse(conv2_sparse_.data(), p + at_.conv2_w, p + at_.conv2_b, c2, c1, kK);
  packed_.assign(std::size_t(flat_) * round_up4(hid), 0.0f);
  if (hid > 0) pack_output_minor(packed_.data(), params.data() + at_.fc1_w, hid, flat_);
  packed_ok_ = true;
}

// Inference only: the same floats as run_forward, bit for bit (see
// conv2d_relu_maxpool2_forward, conv2d_relu_maxpool2_sparse and
// dense_forward_sparse), without keeping the full-size maps: conv1 skips the
// image's empty rows, conv2 and fc1 the taps on pool1's and pool2's zeros.
void Cnn::run_inference(const float* image) {
  const int c1 = config_.conv1_channels, c2 = config_.conv2_channels, hid = config_.hidden;
  if (!packed_ok_) pack();
  const float* p = params.data();
  conv2d_relu_maxpool2_forward(pool1_.data(), spans_.data(), image, conv1_packed_.data(), 1,
                               kMnistSide, kMnistSide, c1, kK);
  // pool1 has few empty rows (5%), but with the shipped model 60% of its values
  // are 0: then conv2 leaves out its taps on them (12% faster in WASM); with
  // fewer zeros (38% with a briefly trained model) the list of taps costs more
  // than it saves, and the dense tile runs. Both give the same floats.
  const int p1 = c1 * kP1Side * kP1Side;
  if (count_nonzero(pool1_.data(), p1) * 20 < p1 * 9) {  // under 45% nonzero
    conv2d_relu_maxpool2_sparse(pool2_.data(), conv2_scratch_.data(), pool1_.data(),
                                conv2_sparse_.data(), c1, kP1Side, kP1Side, c2, kK);
  } else {
    conv2d_relu_maxpool2_forward(pool2_.data(), nullptr, pool1_.data(), conv2_packed_.data(), c1,
                                 kP1Side, kP1Side, c2, kK);
  }
  if (hid > 0) {
    dense_forward_sparse(fc1_.data(), partial_.data(), nonzero_.data(), pool2_.data(),
                         packed_.data(), p + at_.fc1_b, flat_, hid);
    relu_forward(relu3_.data(), fc1_.data(), hid);
    dense_forward(logits_.data(), relu3_.data(), p + at_.fc2_w, p + at_.fc2_b, hid, kMnistClasses);
  } else {
    dense_forward(logits_.data(), pool2_.data(), p + at_.fc2_w, p + at_.fc2_b, flat_,
                  kMnistClasses);
  }
}

void Cnn::predict(float* probs, const float* image) {
  run_inference(image);
  softmax_forward(probs_.data(), logits_.data(), kMnistClasses);
  for (int i = 0; i < kMnistClasses; ++i) probs[i] = probs_[i];
}

float Cnn::forward(const float* image, int label) {
  if (label < 0 ||
      label >= kMnistClasses) {  // checked per image: the message is built only on failure
    require(false, "cnn: label must be 0..9, got " + std::to_string(label));
  }
  label_ = label;
  weights_changed();  // a training step follows: predict() packs the weights again
  run_forward(image);
  return softmax_cross_entropy_forward(probs_.data(), logits_.data(), label, kMnistClasses);
}

float Cnn::forward_not_digit(const float* image) {
  float uniform[kMnistClasses];
  for (float& t : uniform) t = 1.0f / kMnistClasses;
  return forward_soft(image, uniform);
}

float Cnn::forward_soft(const float* image, const float* target) {
  label_ = -1;
  for (int c = 0; c < kMnistClasses; ++c) target_[c] = target[c];
  weights_changed();
  run_forward(image);
  softmax_forward(probs_.data(), logits_.data(), kMnistClasses);
  float loss = 0;
  for (int c = 0; c < kMnistClasses; ++c) {
    if (target_[c] > 0) loss -= target_[c] * std::log(probs_[c] > 1e-38f ? probs_[c] : 1e-38f);
  }
  return loss;
}

void Cnn::backward() {
  const int c1 = config_.conv1_channels, c2 = config_.conv2_channels, hid = config_.hidden;
  const float* p = params.data();
  float* g = grads.data();
  if (label_ < 0) {  // forward_soft (forward_not_digit: the target is 1/10 for every class)
    for (int c = 0; c < kMnistClasses; ++c) d_logits_[c] = probs_[c] - target_[c];
  } else {
    softmax_cross_entropy_backward(d_logits_.data(), probs_.data(), label_, kMnistClasses);
  }
  if (hid > 0) {
    dense_backward(d_relu3_.data(), g + at_.fc2_w, g + at_.fc2_b, d_logits_.data(), relu3_.data(),
                   p + at_.fc2_w, hid, kMnistClasses);
    if (dropout_ > 0) {  // relu3_ holds the kept units, scaled: 0 where dropped
      for (int i = 0; i < hid; ++i) d_relu3_[i] *= keep_[i];
    }
    relu_backward(d_fc1_.data(), d_relu3_.data(), relu3_.data(), hid);
    dense_backward(d_pool2_.data(), g + at_.fc1_w, g + at_.fc1_b, d_fc1_.data(), pool2_.data(),
                   p + at_.fc1_w, flat_, hid);
  } else {
    dense_backward(d_pool2_.data(), g + at_.fc2_w, g + at_.fc2_b, d_logits_.data(), pool2_.data(),
                   p + at_.fc2_w, flat_, kMnistClasses);
  }
  maxpool2_backward(d_relu2_.data(), d_pool2_.data(), relu2_.data(), c2, kC2Side, kC2Side);
  relu_backward(d_conv2_.data(), d_relu2_.data(), relu2_.data(), c2 * kC2Side * kC2Side);
  conv2d_backward(d_pool1_.data(), g + at_.conv2_w, g + at_.conv2_b, col2_.data(), d_col2_.data(),
                  d_conv2_.data(), pool1_.data(), p + at_.conv2_w, c1, kP1Side, kP1Side, c2, kK);
  maxpool2_backward(d_relu1_.data(), d_pool1_.data(), relu1_.data(), c1, kC1Side, kC1Side);
  relu_backward(d_conv1_.data(), d_relu1_.data(), relu1_.data(), c1 * kC1Side * kC1Side);
  conv2d_backward(nullptr, g + at_.conv1_w, g + at_.conv1_b, col1_.data(), nullptr, d_conv1_.data(),
                  in_.data(), p + at_.conv1_w, 1, kMnistSide, kMnistSide, c1, kK);
}

void adam_step(float* params, float* m, float* v, const float* grads, std::size_t n,
               float grad_scale, float lr, int t, float beta1, float beta2, float eps) {
  const float c1 = 1.0f - static_cast<float>(std::pow(beta1, t));
  const float c2 = 1.0f - static_cast<float>(std::pow(beta2, t));
  for (std::size_t i = 0; i < n; ++i) {
    const float gi = grads[i] * grad_scale;
    m[i] = beta1 * m[i] + (1.0f - beta1) * gi;
    v[i] = beta2 * v[i] + (1.0f - beta2) * gi * gi;
    params[i] -= lr * (m[i] / c1) / (std::sqrt(v[i] / c2) + eps);
  }
}

std::size_t count_correct(Cnn& net, const std::uint8_t* images, const std::uint8_t* labels,
                          std::size_t count) {
  float input[kMnistPixels], probs[kMnistClasses];
  std::size_t right = 0;
  for (std::size_t n = 0; n < count; ++n) {
    const std::uint8_t* image = images + n * kMnistPixels;
    for (int p = 0; p < kMnistPixels; ++p) input[p] = image[p] / 255.0f;
    net.predict(probs, input);
    right += argmax(probs, kMnistClasses) == labels[n];
  }
  return right;
}

}  // namespace wl
