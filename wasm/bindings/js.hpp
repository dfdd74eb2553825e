// Helpers shared by the Embind binding files: typed arrays in and out, and
// the error contract with the module's JS face (face.js). The only C++ that
// knows both worlds.
//
// The contract: NO exception ever leaves a bound entry point, and no JS
// exception is ever thrown from inside WASM.
//   - Every entry point is registered through guard<&fn>: a C++ exception is
//     caught, its message goes into one error slot, and the function returns
//     normally with a default value (undefined, 0, false, null). Every
//     epilogue and destructor runs, so the WASM stack pointer, the heap and
//     the Embind handles are exactly where they were.
//   - face.js calls takeError() after every call and, if the slot held a
//     message, throws `new Error(message)` from JS, outside WASM.
//   - face.js also hands C++ only plain values (numbers, strings, fresh typed
//     arrays, fresh plain objects, live handles of this instance), so no user
//     JS (getter, Proxy trap, valueOf) can run while WASM is on the stack.
// (A JS throw from inside WASM, as val::throw_() does under Emscripten's
// JS-based exceptions, unwinds past the WASM frames without running their
// epilogues: the stack pointer was lost, 16-160 bytes per error, until the
// module died after about 64 MB.)
#pragma once

#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <cstdint>
#include <exception>
#include <new>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/check.hpp"

namespace wl::js {

using emscripten::val;

// The one error slot: the message of the last failed call, empty when none.
inline std::string& error_slot() {
  static std::string message;
  return message;
}

// What a failed call returns (face.js throws before anyone sees it).
template <typename R>
R failure_value() {
  if constexpr (std::is_same_v<R, val>) {
    return val::undefined();
  } else if constexpr (!std::is_void_v<R>) {
    return R{};
  }
}

// Runs f(); on a C++ exception records its message and returns failure_value.
template <typename F>
auto guarded(F&& f) noexcept -> decltype(f()) {
  using R = decltype(f());
  error_slot().clear();  // a message left by a call nobody checked must not surface later
  try {
    return f();
  } catch (const std::bad_alloc&) {
    error_slot() = "out of memory (the WASM heap could not grow)";
  } catch (const std::exception& e) {
    error_slot() = e.what();
  } catch (...) {
    error_slot() = "unknown C++ exception";
  }
  return failure_value<R>();
}

// For the benchmark module only (bench/wasm, never shipped, no face.js): the
// old way, a JS Error thrown from inside WASM. It leaks WASM stack on every
// error (see the top of this file), which a benchmark run that stops at its
// first error can afford; the product must use guard<> instead.
template <typename F, typename A0, typename... Args>
auto guarded(F&& f, A0&, Args&...) -> decltype(f()) {
  const auto throw_if_failed = [] {
    if (!error_slot().empty()) val::global("Error").new_(error_slot()).throw_();
  };
  if constexpr (std::is_void_v<decltype(f())>) {
    guarded(std::forward<F>(f));
    throw_if_failed();
  } else {
    auto result = guarded(std::forward<F>(f));
    throw_if_failed();
    return result;
  }
}

// guard<&fn>::call has fn's signature and never throws: bind this, not fn.
template <auto F>
struct guard;

template <typename R, typename... A, R (*F)(A...)>
struct guard<F> {
  static R call(A... args) {  // (not noexcept in its type: Embind would not match it)
    return guarded([&]() -> R { return F(std::forward<A>(args)...); });
  }
};

// A number the face checked is a number; this checks it counts something:
// finite, whole, >= 0 (and below 4e9, so it fits a size_t everywhere).
inline std::size_t whole(double v, const char* what) {
  require(std::isfinite(v) && v >= 0 && v == std::floor(v) && v < 4e9,
          std::string(what) + " must be a whole number >= 0");
  return static_cast<std::size_t>(v);
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

// The arguments below come from face.js, already converted: a byte argument
// is a fresh Uint8Array over the caller's real bytes, a number array a fresh
// Float64Array, an option object a fresh plain object of own data properties.
// Reading them runs no user code. The checks here repeat the face's in
// short, as a second line.

// A byte argument (a Uint8Array from the face) copied into C++ in one call.
inline std::vector<std::uint8_t> bytes_from(const val& bytes, const char* what) {
  require(bytes.instanceof (val::global("Uint8Array")),
                           std::string(what) + " must be a Uint8Array or an ArrayBuffer");
  const std::size_t n = bytes["length"].as<std::size_t>();
  require(n <= kMaxFileBytes, std::string(what) + " has " + std::to_string(n) +
                                  " bytes, more than the limit of " +
                                  std::to_string(kMaxFileBytes));
  std::vector<std::uint8_t> out(n);
  if (n) val(emscripten::typed_memory_view(n, out.data())).call<void>("set", bytes);
  return out;
}

// obj[name] as a vector of numbers (a Float64Array from the face).
inline std::vector<double> numbers(const val& obj, const char* name) {
  const val v = obj[name];
  require(!v.isUndefined() && !v.isNull(), std::string(name) + " is missing");
  require(v.instanceof (val::global("Float64Array")),
                       std::string(name) + " must be an array of numbers");
  const std::size_t n = v["length"].as<std::size_t>();
  require(n <= kMaxArrayLength, std::string(name) + " has " + std::to_string(n) +
                                    " numbers, more than the limit of " +
                                    std::to_string(kMaxArrayLength));
  std::vector<double> out(n);
  if (n) val(emscripten::typed_memory_view(n, out.data())).call<void>("set", v);
  return out;
}

// obj[name] as a number.
inline double number(const val& obj, const char* name) {
  const val v = obj[name];
  require(!v.isUndefined() && !v.isNull(), std::string(name) + " is missing");
  require(v.isNumber(), std::string(name) + " must be a number");
  return v.as<double>();
}

inline void require_object(const val& v, const char* what) {
  require(v.typeOf().as<std::string>() == "object" && !v.isNull(),
          std::string(what) + " must be an object");
}

}  // namespace wl::js
