// Diagnostics for the leak tests: bytes of the WASM heap in use right now.
// (HEAP8.length only ever grows, so it would hide a leak inside it.)
#include <emscripten/bind.h>
#include <malloc.h>

namespace {

double heap_in_use() { return static_cast<double>(mallinfo().uordblks); }

}  // namespace

EMSCRIPTEN_BINDINGS(weightlab_runtime) {
  emscripten::function("heapInUse", &heap_in_use);
}
