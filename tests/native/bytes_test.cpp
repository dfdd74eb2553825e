// The byte helpers every file format shares (core/bytes.hpp).
#include "core/bytes.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

TEST(Bytes, Crc32MatchesTheStandardCheckValue) {
  const char* s = "123456789";
  EXPECT_EQ(wl::crc32(reinterpret_cast<const std::uint8_t*>(s), 9), 0xCBF43926u);
  EXPECT_EQ(wl::crc32(nullptr, 0), 0u);
}

TEST(Bytes, U32ByteOrders) {
  const std::uint8_t b[4] = {0x78, 0x56, 0x34, 0x12};
  EXPECT_EQ(wl::read_u32_le(b), 0x12345678u);
  EXPECT_EQ(wl::read_u32_be(b), 0x78563412u);

  std::uint8_t w[4] = {};
  wl::write_u32_le(w, 0xA1B2C3D4u);
  EXPECT_EQ(w[0], 0xD4);
  EXPECT_EQ(w[3], 0xA1);
  EXPECT_EQ(wl::read_u32_le(w), 0xA1B2C3D4u);

  std::vector<std::uint8_t> out = {0xFF};
  wl::append_u32_le(out, 0x01020304u);
  EXPECT_EQ(out, (std::vector<std::uint8_t>{0xFF, 0x04, 0x03, 0x02, 0x01}));
}
