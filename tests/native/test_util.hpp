// Helpers shared by the native tests.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/bytes.hpp"

namespace wl_test {

// The message of the std::invalid_argument that f() throws, or "" if it returns.
template <typename F>
std::string thrown_message(F&& f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

inline void put_u32_at(std::vector<std::uint8_t>& bytes, std::size_t at, std::uint32_t v) {
  wl::write_u32_le(bytes.data() + at, v);
}

// Recomputes a weightlab file's trailing CRC-32 after an edit, so a test
// reaches the check it means to reach instead of the checksum.
inline void reseal(std::vector<std::uint8_t>& bytes) {
  put_u32_at(bytes, bytes.size() - 4, wl::crc32(bytes.data(), bytes.size() - 4));
}

}  // namespace wl_test
