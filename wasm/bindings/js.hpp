// Helpers shared by the Embind binding files: typed arrays in and out, and
// C++ exceptions turned into JS Errors. The only place that knows both worlds.
#pragma once

#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <exception>
#include <string>
#include <vector>

#include "core/check.hpp"

namespace wl::js {

using emscripten::val;

// Runs f(); a C++ exception becomes a JS Error with the same message.
//
// A JS throw unwinds the WASM stack without running C++ destructors, so every
// val still alive at that moment would leak its Emval handle. Locals inside f
// are already destroyed by the C++ unwinding that reaches the catch; the
// caller's val arguments are passed in `args` and released here; and the Error
// itself lives in one reused slot. The handle count stays flat however many
// errors are thrown, and so does the WASM heap (strings passed in `args`
// are released the same way).
inline void release(val& v) { v = val::undefined(); }
inline void release(std::string& s) { std::string().swap(s); }

template <typename F, typename... Args>
auto guarded(F&& f, Args&... args) -> decltype(f()) {
  static std::string message;  // static: a local would leak its heap buffer
  try {
    return f();
  } catch (const std::exception& e) {
    message = e.what();
  }
  (release(args), ...);
  static val last_error = val::undefined();
  last_error = val::global("Error").new_(message);
  last_error.throw_();
  __builtin_unreachable();
}

// A copy of data[0..n) as a new JS typed array (Float64Array for double, ...), owned by JS.
template <typename T>
val to_typed_array(const T* data, std::size_t n) {
  return val(emscripten::typed_memory_view(n, data)).call<val>("slice");
}

template <typename T>
val to_typed_array(const std::vector<T>& v) {
  return to_typed_array(v.data(), v.size());
}

// A JS Array holding to_js(item) for each item (to_js may be omitted for
// items Embind converts by itself: numbers, strings).
template <typename T, typename F>
val array_of(const std::vector<T>& items, F&& to_js) {
  val list = val::array();
  for (const T& item : items) list.call<void>("push", to_js(item));
  return list;
}

template <typename T>
val array_of(const std::vector<T>& items) {
  return array_of(items, [](const T& item) { return val(item); });
}

// The bytes of a JS ArrayBuffer or any view of one (Uint8Array, ...), copied
// into C++ in one call. `what` names the argument in the error message.
inline std::vector<std::uint8_t> bytes_from(const val& bytes, const char* what) {
  const bool buffer = bytes.instanceof(val::global("ArrayBuffer"));
  require(buffer || val::global("ArrayBuffer").call<bool>("isView", bytes),
          std::string(what) + " must be a Uint8Array or an ArrayBuffer");
  const val u8 = buffer ? val::global("Uint8Array").new_(bytes)
                        : val::global("Uint8Array").new_(bytes["buffer"], bytes["byteOffset"],
                                                         bytes["byteLength"]);
  std::vector<std::uint8_t> out(u8["length"].as<std::size_t>());
  if (!out.empty()) val(emscripten::typed_memory_view(out.size(), out.data())).call<void>("set", u8);
  return out;
}

inline bool is_array_like(const val& v) {
  return val::global("Array").call<bool>("isArray", v) ||
         val::global("ArrayBuffer").call<bool>("isView", v);
}

// obj[name] as a vector of numbers. Missing or non-array values throw.
template <typename T>
std::vector<T> numbers(const val& obj, const char* name) {
  const val v = obj[name];
  require(!v.isUndefined() && !v.isNull(), std::string(name) + " is missing");
  require(is_array_like(v), std::string(name) + " must be an array of numbers");
  return emscripten::convertJSArrayToNumberVector<T>(v);
}

// obj[name] as a number; `fallback` when absent (pass nullptr to require it).
inline double number(const val& obj, const char* name) {
  const val v = obj[name];
  require(!v.isUndefined() && !v.isNull(), std::string(name) + " is missing");
  require(v.typeOf().as<std::string>() == "number", std::string(name) + " must be a number");
  return v.as<double>();
}

inline void require_object(const val& v, const char* what) {
  require(v.typeOf().as<std::string>() == "object" && !v.isNull(),
          std::string(what) + " must be an object");
}

}  // namespace wl::js
