// Embind face of the benchmark workloads (bench/workloads.hpp) for the WASM build:
// the module build/wasm/wasm/weightlab-bench.mjs (target weightlab_bench, not
// part of the site). Each run() call does every repetition inside WASM and
// times it there with emscripten_get_now (wall) and the Node process's CPU
// time (process.cpuUsage, which also counts V8's background threads), so no
// JS<->WASM crossing is timed.
//
//   const suite = new m.BenchSuite();
//   suite.setDigits(imagesIdx, labelsIdx, 1000);    // Uint8Arrays of idx files
//   suite.setLinearModel(wlmBytes); suite.setCnnModel(wlmBytes);
//   suite.names()                                   // -> ['step/single-input', ...]
//   suite.run('linear/epoch', 1, 7)                 // -> {name, unit, reps, ms, cpuMs (Float64Arrays), checksum}
//   suite.linearInitialWeights()                    // -> Float64Array[7840]
#include <emscripten/emscripten.h>

#include <string>
#include <vector>

#include "bench/workloads.hpp"
#include "bindings/js.hpp"

// CPU time of the process in ms (Node); wall time where there is no process.
// (JavaScript inside: clang-format would split its !== into != =.)
// clang-format off
EM_JS(double, bench_cpu_ms, (), {
  if (typeof process !== 'undefined' && process.cpuUsage) {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  }
  return performance.now();
});
// clang-format on

namespace wl::js {
namespace {

void set_digits(bench::Suite& s, val images, val labels, double count) {
  guarded(
      [&] {
        const auto im = bytes_from(images, "images"), lb = bytes_from(labels, "labels");
        s.set_digits(im.data(), im.size(), lb.data(), lb.size(), static_cast<std::size_t>(count));
      },
      images, labels);
}

void set_linear_model(bench::Suite& s, val bytes) {
  guarded(
      [&] {
        const auto b = bytes_from(bytes, "the linear model file");
        s.set_linear_model(b.data(), b.size());
      },
      bytes);
}

void set_cnn_model(bench::Suite& s, val bytes) {
  guarded(
      [&] {
        const auto b = bytes_from(bytes, "the CNN model file");
        s.set_cnn_model(b.data(), b.size());
      },
      bytes);
}

val names(const bench::Suite& s) {
  val out = val::array();
  for (const std::string& n : s.names()) out.call<void>("push", n);
  return out;
}

val run(bench::Suite& s, std::string name, int warmup, int runs) {
  return guarded(
      [&] {
        const bench::Timing t = s.run(
            name, warmup, runs, [] { return emscripten_get_now(); }, [] { return bench_cpu_ms(); });
        val o = val::object();
        o.set("name", t.name);
        o.set("unit", t.unit);
        o.set("reps", static_cast<double>(t.reps));
        o.set("ms", to_typed_array(t.ms));
        o.set("cpuMs", to_typed_array(t.cpu_ms));
        o.set("checksum", t.checksum);
        return o;
      },
      name);
}

val linear_initial_weights(const bench::Suite& s) {
  return to_typed_array(s.linear_initial_weights());
}

}  // namespace

EMSCRIPTEN_BINDINGS(weightlab_bench) {
  emscripten::class_<bench::Suite>("BenchSuite")
      .constructor<>()
      .function("setDigits", &set_digits)
      .function("setLinearModel", &set_linear_model)
      .function("setCnnModel", &set_cnn_model)
      .function("names", &names)
      .function("run", &run)
      .function("linearInitialWeights", &linear_initial_weights)
      .function("digitCount", &bench::Suite::digit_count);
}

}  // namespace wl::js
