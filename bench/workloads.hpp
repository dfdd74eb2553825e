// The benchmark workloads, written once and compiled twice: natively by
// bench/native/bench_core.cpp and to WebAssembly by bench/wasm/bench_wasm.cpp,
// so both builds time the very same code path through the core. scripts/bench
// runs both, plus the same maths in TensorFlow.js (WASM backend) and in plain
// JavaScript (bench/implementations.mjs), and writes bench/results.md.
//
// Like the core, this header does no I/O and never reads a clock of its own:
// callers hand in bytes and two clocks in milliseconds: now_ms (wall time:
// std::chrono natively, emscripten_get_now in WASM) and cpu_ms (CPU time:
// the thread's natively, the Node process's in WASM), because on a shared
// machine the wall time also counts the time other jobs held the core.
//
// Workloads (name: what one repetition is; reps per timed run):
//   step/<example>   one learn_step of a worked example (weights restored
//                    first, so every repetition is the book's first step)
//   linear/epoch     one epoch of the chapter's 784->10 network over the
//                    digits, one learn_step per image (LinearNetwork::train_epoch,
//                    seed 1, alpha 0.001, fresh weights before each run)
//   linear/classify  classify one digit with the shipped linear model
//                    (predict + argmax; inputs pre-scaled to [0,1])
//   cnn/classify     classify one digit with the shipped CNN (Cnn::predict)
//   cnn/epoch        one epoch of CNN training over the digits: minibatches
//                    of 32, forward + backward per image, one Adam step per
//                    batch (lr 2e-3), no augmentation, fixed order, fresh
//                    He-normal weights (seed 5) before each run
//   read/preprocess  the draw-a-digit reading's first stage: DrawingPreprocessor::
//                    process of a 280x280 canvas holding a thick "0"
//   read/preprocess-840  the same canvas at 840x840 (a 3x high-DPI screen)
//   read/cnn         its second: Cnn::predict of that preprocessed drawing
//   read/linear      its third: LinearNetwork::predict of the same drawing
//                    (the chapter's 784->10 scores)
// The read/ stages replace the profiler the shipped module used to carry: the
// page's read() is those three stages plus ranking and copies to JS (timed
// in Chromium by bench/draw.mjs).
// Every run returns a checksum of what it computed, so nothing is optimised
// away and native and WASM results can be compared.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/cnn.hpp"
#include "core/dataset.hpp"
#include "core/examples.hpp"
#include "core/gradient_descent.hpp"
#include "core/idx.hpp"
#include "core/mnist_linear.hpp"
#include "core/model_file.hpp"
#include "core/preprocess.hpp"
#include "core/random.hpp"

namespace wl::bench {

// RGBA bytes of a side x side canvas with a ring like a drawn "0": 70% of the
// canvas tall, pen 7% of the side, black ink with anti-aliased edges.
inline std::vector<std::uint8_t> canvas_with_a_zero(int side) {
  std::vector<std::uint8_t> rgba(std::size_t(side) * side * 4, 0);
  const double cx = 0.5 * side, cy = 0.5 * side, rx = 0.25 * side, ry = 0.35 * side;
  const double pen = 0.07 * side;
  for (int y = 0; y < side; ++y) {
    for (int x = 0; x < side; ++x) {
      const double dx = (x + 0.5 - cx) / rx, dy = (y + 0.5 - cy) / ry;
      const double off_ring = std::fabs(std::sqrt(dx * dx + dy * dy) - 1.0) * std::min(rx, ry);
      const double coverage = std::clamp(pen / 2 + 0.5 - off_ring, 0.0, 1.0);
      rgba[(std::size_t(y) * side + x) * 4 + 3] = std::uint8_t(std::lround(coverage * 255));
    }
  }
  return rgba;
}

struct Timing {
  std::string name;
  std::string unit;            // what one repetition is
  long reps = 0;               // repetitions per timed run
  std::vector<double> ms;      // wall time, one entry per timed run (warm-up runs excluded)
  std::vector<double> cpu_ms;  // CPU time of the same runs
  double checksum = 0;         // of the last run
};

class Suite {
 public:
  static constexpr double kLinearAlpha = 0.001;
  static constexpr std::uint64_t kLinearSeed = 1;
  static constexpr int kCnnBatch = 32;
  static constexpr float kCnnLr = 2e-3f;
  static constexpr std::uint64_t kCnnSeed = 5;

  // The first `count` images of an MNIST idx pair (e.g. the training set).
  void set_digits(const std::uint8_t* images, std::size_t images_size, const std::uint8_t* labels,
                  std::size_t labels_size, std::size_t count) {
    const IdxArray im = parse_idx(images, images_size);
    const IdxArray lb = parse_idx(labels, labels_size);
    require_mnist_images(im);
    require_mnist_labels(lb, im.count());
    digits_ = dataset_from_idx(im, lb, 0, std::min(count, im.count()));
    inputs_.resize(digits_.count * kMnistPixels);
    images_.resize(digits_.count * kMnistPixels);
    for (std::size_t n = 0; n < digits_.count; ++n) {
      mnist_input(&inputs_[n * kMnistPixels], digits_.image(n));
      for (std::size_t i = 0; i < kMnistPixels; ++i) {
        images_[n * kMnistPixels + i] = digits_.image(n)[i] / 255.0f;
      }
    }
  }

  void set_linear_model(const std::uint8_t* bytes, std::size_t size) {
    linear_ = std::make_unique<LinearNetwork>();
    linear_->load_model(read_model(bytes, size));
  }
  void set_cnn_model(const std::uint8_t* bytes, std::size_t size) {
    cnn_ = std::make_unique<Cnn>(read_model(bytes, size));
  }

  // The workloads that can run with what has been set.
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const WorkedExample& e : worked_examples()) out.push_back("step/" + e.id);
    if (digits_.count > 0) out.push_back("linear/epoch");
    if (digits_.count > 0 && linear_) out.push_back("linear/classify");
    if (digits_.count > 0 && cnn_) out.push_back("cnn/classify");
    if (digits_.count > 0) out.push_back("cnn/epoch");
    out.push_back("read/preprocess");
    out.push_back("read/preprocess-840");
    if (cnn_) out.push_back("read/cnn");
    if (linear_) out.push_back("read/linear");
    return out;
  }

  std::size_t digit_count() const { return digits_.count; }
  // The chapter network's starting weights [10][784] (seed 1), for the JS implementations.
  std::vector<double> linear_initial_weights() const {
    return LinearNetwork(kLinearSeed).weights();
  }

  // warmup untimed runs, then `runs` timed ones.
  template <typename NowMs, typename CpuMs>
  Timing run(const std::string& name, int warmup, int runs, NowMs now_ms, CpuMs cpu_ms) {
    Timing t;
    t.name = name;
    auto time = [&](long reps, const char* unit, auto prepare, auto body) {
      t.reps = reps;
      t.unit = unit;
      for (int r = 0; r < warmup + runs; ++r) {
        prepare();
        const double c0 = cpu_ms(), t0 = now_ms();
        t.checksum = body();
        const double t1 = now_ms(), c1 = cpu_ms();
        if (r >= warmup) {
          t.ms.push_back(t1 - t0);
          t.cpu_ms.push_back(c1 - c0);
        }
      }
    };
    auto nothing = [] {};
    if (name.rfind("step/", 0) == 0) {
      const Problem& p = worked_example(name.substr(5)).problem;
      const std::size_t nw = p.weights.size(), no = p.n_out();
      std::vector<double> w(nw), wd(nw), pred(no), error(no), delta(no);
      const std::uint8_t* frozen = p.frozen.empty() ? nullptr : p.frozen.data();
      const long reps = 200000;
      time(reps, "step", nothing, [&] {
        double sum = 0;
        for (long k = 0; k < reps; ++k) {
          std::copy(p.weights.begin(), p.weights.end(), w.begin());
          learn_step(pred.data(), error.data(), delta.data(), wd.data(), w.data(), p.input.data(),
                     p.target.data(), frozen, p.alpha, p.n_in(), no);
          sum += w[0];
        }
        return sum;
      });
    } else if (name == "linear/epoch") {
      require_digits();
      LinearNetwork net(kLinearSeed);
      time(
          1, "epoch", [&] { net.reset(kLinearSeed); },
          [&] { return net.train_epoch(digits_, kLinearAlpha).error; });
    } else if (name == "linear/classify") {
      require_digits();
      if (!linear_) throw std::invalid_argument("no linear model set");
      const long reps = static_cast<long>(digits_.count);
      time(reps, "digit", nothing, [&] {
        double scores[kMnistClasses];
        std::size_t sum = 0;
        for (long n = 0; n < reps; ++n) sum += linear_->predict(scores, &inputs_[n * kMnistPixels]);
        return static_cast<double>(sum);
      });
    } else if (name == "cnn/classify") {
      require_digits();
      if (!cnn_) throw std::invalid_argument("no CNN model set");
      const long reps = std::min<long>(200, static_cast<long>(digits_.count));
      time(reps, "digit", nothing, [&] {
        float probs[kMnistClasses];
        double sum = 0;
        for (long n = 0; n < reps; ++n) {
          cnn_->predict(probs, &images_[n * kMnistPixels]);
          sum += static_cast<double>(std::max_element(probs, probs + kMnistClasses) - probs);
        }
        return sum;
      });
    } else if (name == "cnn/epoch") {
      require_digits();
      const CnnConfig config = cnn_ ? cnn_->config() : CnnConfig{};
      Cnn net(config);
      std::vector<float> m(net.params.size()), v(net.params.size());
      time(
          1, "epoch",
          [&] {
            Rng rng(kCnnSeed);
            net.init(rng);
            std::fill(m.begin(), m.end(), 0.0f);
            std::fill(v.begin(), v.end(), 0.0f);
          },
          [&] {
            double loss = 0;
            int step = 0;
            for (std::size_t b0 = 0; b0 < digits_.count; b0 += kCnnBatch) {
              const std::size_t b1 = std::min<std::size_t>(b0 + kCnnBatch, digits_.count);
              std::fill(net.grads.begin(), net.grads.end(), 0.0f);
              for (std::size_t n = b0; n < b1; ++n) {
                loss += net.forward(&images_[n * kMnistPixels], digits_.labels[n]);
                net.backward();
              }
              adam_step(net.params.data(), m.data(), v.data(), net.grads.data(), net.params.size(),
                        1.0f / static_cast<float>(b1 - b0), kCnnLr, ++step);
            }
            return loss;
          });
    } else if (name == "read/preprocess" || name == "read/preprocess-840") {
      const int side = name == "read/preprocess" ? 280 : 840;
      const std::vector<std::uint8_t> rgba = canvas_with_a_zero(side);
      DrawingPreprocessor preprocessor;
      const long reps = side == 280 ? 200 : 40;
      time(reps, "canvas", nothing, [&] {
        double sum = 0;
        for (long k = 0; k < reps; ++k) {
          const DrawnDigit& d = preprocessor.process(rgba.data(), rgba.size(), side, side);
          sum += std::accumulate(d.pixels.begin(), d.pixels.end(), 0.0);
        }
        return sum;
      });
    } else if (name == "read/cnn" || name == "read/linear") {
      if (name == "read/cnn" && !cnn_) throw std::invalid_argument("no CNN model set");
      if (name == "read/linear" && !linear_) throw std::invalid_argument("no linear model set");
      const std::vector<std::uint8_t> rgba = canvas_with_a_zero(280);
      DrawingPreprocessor preprocessor;
      const DrawnDigit& drawn = preprocessor.process(rgba.data(), rgba.size(), 280, 280);
      if (name == "read/cnn") {
        const long reps = 200;
        time(reps, "drawing", nothing, [&] {
          float probs[kMnistClasses];
          double sum = 0;
          for (long k = 0; k < reps; ++k) {
            cnn_->predict(probs, drawn.pixels.data());
            sum += probs[0];
          }
          return sum;
        });
      } else {
        std::vector<double> input(drawn.pixels.begin(), drawn.pixels.end());
        const long reps = 2000;
        time(reps, "drawing", nothing, [&] {
          double scores[kMnistClasses];
          double sum = 0;
          for (long k = 0; k < reps; ++k) {
            linear_->predict(scores, input.data());
            sum += scores[0];
          }
          return sum;
        });
      }
    } else {
      throw std::invalid_argument("unknown workload \"" + name + "\"");
    }
    return t;
  }

 private:
  void require_digits() const {
    if (digits_.count == 0) throw std::invalid_argument("no digits set");
  }

  Dataset digits_;
  std::vector<double> inputs_;  // [count][784] pixel / 255, the linear network's input
  std::vector<float> images_;   // [count][784] pixel / 255, the CNN's input
  std::unique_ptr<LinearNetwork> linear_;
  std::unique_ptr<Cnn> cnn_;
};

}  // namespace wl::bench
