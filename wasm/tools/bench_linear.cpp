// Times one training epoch of the chapter's linear network over the book's
// 1,000 digits natively: the median of --runs runs (default 9), each on a
// fresh network (seed 1, alpha 0.001). bench/linear.sh runs this and the
// same epoch in WASM (tests/node/bench-linear.mjs) and prints their ratio.
//
//   build/native/bench_linear [--data DIR] [--runs N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/mnist_linear.hpp"

int main(int argc, char** argv) {
  std::string data = "site/data";
  int runs = 9;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--data" && i + 1 < argc) data = argv[++i];
    else if (a == "--runs" && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
    else {
      std::fprintf(stderr, "usage: bench_linear [--data DIR] [--runs N]\n");
      return 2;
    }
  }
  try {
    std::ifstream f(data + "/mnist-train-1000.wld", std::ios::binary);
    if (!f) throw std::runtime_error("cannot open " + data + "/mnist-train-1000.wld");
    const std::vector<std::uint8_t> bytes(std::istreambuf_iterator<char>(f), {});
    const wl::Dataset train = wl::read_dataset(bytes.data(), bytes.size());
    for (int r = 0; r < 5; ++r) wl::LinearNetwork(1).train_epoch(train, 0.001);  // warm-up, as in WASM
    std::vector<double> ms;
    double error = 0;
    for (int r = 0; r < runs; ++r) {
      wl::LinearNetwork net(1);
      const auto t0 = std::chrono::steady_clock::now();
      error = net.train_epoch(train, 0.001).error;
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    std::printf("native: one epoch over %u images: median %.3f ms of %d runs (error %.17g)\n",
                train.count, ms[ms.size() / 2], runs, error);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_linear: %s\n", e.what());
    return 1;
  }
  return 0;
}
