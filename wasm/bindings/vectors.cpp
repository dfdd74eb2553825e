// Embind layer for the chapter's vector primitives on short lists the page
// makes up (the toy vectors of "Dot products from scratch"):
//
//   dot(a, b)         -> number: sum of a[i] * b[i]   (book: w_sum)
//   elementwise(a, b) -> Float64Array: a[i] * b[i]    (the dot product before its sum)
//
// Both throw a JS Error unless a and b are arrays of finite numbers of one length.
#include <string>
#include <vector>

#include "bindings/js.hpp"
#include "core/primitives.hpp"

namespace wl::js {
namespace {

constexpr std::size_t kMaxLength = 1 << 20;

std::vector<double> vector_from(const val& v, const char* name) {
  require(is_array_like(v), std::string(name) + " must be an array of numbers");
  require(v["length"].as<double>() <= kMaxLength, std::string(name) + " is too long");
  std::vector<double> out = emscripten::convertJSArrayToNumberVector<double>(v);
  require_finite(out, name);
  return out;
}

void require_same_length(const std::vector<double>& a, const std::vector<double>& b) {
  require(a.size() == b.size(), "a and b must have the same length (got " + std::to_string(a.size()) +
                                    " and " + std::to_string(b.size()) + ")");
}

double dot_js(val a, val b) {
  return guarded([&] {
    const std::vector<double> x = vector_from(a, "a"), y = vector_from(b, "b");
    require_same_length(x, y);
    return weighted_sum(x, y);
  }, a, b);
}

val elementwise_js(val a, val b) {
  return guarded([&] {
    const std::vector<double> x = vector_from(a, "a"), y = vector_from(b, "b");
    require_same_length(x, y);
    return to_typed_array(elementwise_multiply(x, y));
  }, a, b);
}

}  // namespace
}  // namespace wl::js

EMSCRIPTEN_BINDINGS(weightlab_vectors) {
  emscripten::function("dot", &wl::js::dot_js);
  emscripten::function("elementwise", &wl::js::elementwise_js);
}
