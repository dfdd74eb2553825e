// Prints every worked example's trace as JSON, each double as the hex of its
// 8 little-endian bytes, so the Node test can check that the WASM build gives
// the same bits as this native build.
//   usage: trace_examples [out.json]   (stdout when no path is given)
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "core/examples.hpp"

namespace {

std::string hex_bits(double v) {
  unsigned char bytes[sizeof v];
  std::memcpy(bytes, &v, sizeof v);
  std::string out;
  char buf[3];
  for (unsigned char b : bytes) {
    std::snprintf(buf, sizeof buf, "%02x", b);
    out += buf;
  }
  return out;
}

std::string json_array(const std::vector<double>& values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) {
    out += (i ? ",\"" : "\"") + hex_bits(values[i]) + "\"";
  }
  return out + "]";
}

}  // namespace

int main(int argc, char** argv) {
  std::string json = "{";
  bool first = true;
  for (const wl::WorkedExample& e : wl::worked_examples()) {
    const wl::Trace t = wl::run_gradient_descent(e.problem);
    json += std::string(first ? "" : ",") + "\n\"" + e.id + "\":{";
    for (wl::TraceField f : wl::kTraceFields) {
      json += std::string(f == wl::kTraceFields[0] ? "" : ",") + "\"" + wl::trace_field_name(f) +
              "\":" + json_array(wl::trace_array(t, f));
    }
    json += "}";
    first = false;
  }
  json += "\n}\n";
  FILE* out = argc > 1 ? std::fopen(argv[1], "w") : stdout;
  if (!out) {
    std::perror(argv[1]);
    return 1;
  }
  std::fputs(json.c_str(), out);
  return out == stdout ? 0 : std::fclose(out);
}
