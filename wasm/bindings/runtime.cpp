// Diagnostics for the leak tests: bytes of the WASM heap in use right now,
// and where the WASM stack pointer stands (it must come back to the same
// place after every call, thrown or not).
// (HEAP8.length only ever grows, so it would hide a leak inside it.)
#include <emscripten/bind.h>
#include <emscripten/stack.h>
#include <malloc.h>

namespace {

double heap_in_use() { return static_cast<double>(mallinfo().uordblks); }

double stack_pointer() { return static_cast<double>(emscripten_stack_get_current()); }

}  // namespace

EMSCRIPTEN_BINDINGS(weightlab_runtime) {
  emscripten::function("heapInUse", &heap_in_use);
  emscripten::function("stackPointer", &stack_pointer);
}
