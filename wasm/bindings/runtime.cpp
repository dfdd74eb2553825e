// The module's own runtime: the error slot face.js reads after every call
// (see js.hpp), the per-call size limits face.js checks before copying an
// argument, and diagnostics for the leak tests: bytes of the WASM heap in use
// right now, and where the WASM stack pointer stands (it must come back to
// the same place after every call, failed or not).
// (HEAP8.length only ever grows, so it would hide a leak inside it.)
#include <emscripten/bind.h>
#include <emscripten/stack.h>
#include <malloc.h>

#include <string>

#include "bindings/js.hpp"
#include "core/check.hpp"
#include "core/digit_reader.hpp"
#include "core/error_landscape.hpp"
#include "core/gradient_descent.hpp"
#include "core/preprocess.hpp"

namespace wl::js {
namespace {

// The message of the last failed call, and the slot emptied; "" if none.
std::string take_error() {
  std::string message;
  message.swap(error_slot());
  return message;
}

val limits() {
  val o = val::object();
  o.set("maxArrayLength", static_cast<double>(kMaxArrayLength));
  o.set("maxFileBytes", static_cast<double>(kMaxFileBytes));
  o.set("maxInputs", static_cast<double>(kMaxInputs));
  o.set("maxOutputs", static_cast<double>(kMaxOutputs));
  o.set("maxWeights", static_cast<double>(kMaxWeights));
  o.set("maxIterations", kMaxIterations);
  o.set("maxTraceWeights", static_cast<double>(kMaxTraceWeights));
  o.set("maxLandscapeWork", static_cast<double>(kMaxLandscapeWork));
  o.set("maxCanvasSide", kMaxCanvasSide);
  o.set("maxDigitsPerCall", static_cast<double>(kMaxDigitsPerCall));
  return o;
}

double heap_in_use() { return static_cast<double>(mallinfo().uordblks); }

double stack_pointer() { return static_cast<double>(emscripten_stack_get_current()); }

}  // namespace
}  // namespace wl::js

EMSCRIPTEN_BINDINGS(weightlab_runtime) {
  using namespace wl::js;
  emscripten::function("takeError", &take_error);
  emscripten::function("limits", &guard<&limits>::call);
  emscripten::function("heapInUse", &guard<&heap_in_use>::call);
  emscripten::function("stackPointer", &guard<&stack_pointer>::call);
}
