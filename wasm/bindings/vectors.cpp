// Embind layer for the chapter's vector primitives on short lists the page
// makes up (the toy vectors of "Dot products from scratch"):
//
//   dot(a, b)         -> number: sum of a[i] * b[i]   (book: w_sum)
//   elementwise(a, b) -> Float64Array: a[i] * b[i]    (the dot product before its sum)
//
// Both fail with a JS Error unless a and b are arrays of finite numbers of one
// length (the face, face.js, hands them in as Float64Arrays).
#include <string>
#include <vector>

#include "bindings/js.hpp"
#include "core/primitives.hpp"

namespace wl::js {
namespace {

std::vector<double> vector_from(const val& v, const char* name) {
  require(v.instanceof (val::global("Float64Array")),
                       std::string(name) + " must be an array of numbers");
  std::vector<double> out(v["length"].as<std::size_t>());
  if (!out.empty()) val(emscripten::typed_memory_view(out.size(), out.data())).call<void>("set", v);
  require_finite(out, name);
  return out;
}

void require_same_length(const std::vector<double>& a, const std::vector<double>& b) {
  require(a.size() == b.size(), "a and b must have the same length (got " +
                                    std::to_string(a.size()) + " and " + std::to_string(b.size()) +
                                    ")");
}

double dot_js(val a, val b) {
  const std::vector<double> x = vector_from(a, "a"), y = vector_from(b, "b");
  require_same_length(x, y);
  return weighted_sum(x, y);
}

val elementwise_js(val a, val b) {
  const std::vector<double> x = vector_from(a, "a"), y = vector_from(b, "b");
  require_same_length(x, y);
  return to_typed_array(elementwise_multiply(x, y));
}

}  // namespace
}  // namespace wl::js

EMSCRIPTEN_BINDINGS(weightlab_vectors) {
  using wl::js::guard;
  emscripten::function("dot", &guard<&wl::js::dot_js>::call);
  emscripten::function("elementwise", &guard<&wl::js::elementwise_js>::call);
}
