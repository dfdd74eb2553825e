#include "core/model_file.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <limits>
#include <stdexcept>
#include <string>

#include "test_util.hpp"

namespace {

using wl_test::put_u32_at;
using wl_test::reseal;
using wl_test::thrown_message;

wl::Model small_model() {
  wl::Model m;
  m.architecture = "test-2x3";
  m.tensors.push_back({"w", {2, 3}, {1.0f, -2.0f, 0.5f, 3.25f, -0.0f, 1e-30f}});
  m.tensors.push_back({"b", {3}, {0.1f, 0.2f, 0.3f}});
  return m;
}

std::string read_error(const std::vector<std::uint8_t>& bytes) {
  return thrown_message([&] { wl::read_model(bytes.data(), bytes.size()); });
}

}  // namespace

TEST(ModelFile, ByteLayoutIsAsDocumented) {
  wl::Model m;
  m.architecture = "ab";
  m.tensors.push_back({"x", {1}, {1.0f}});
  const auto bytes = wl::write_model(m);
  // 8 magic + 4 version + (4+2) arch + 4 count + (4+1) name + 4 rank + 4 dim + 4 value + 4 crc
  ASSERT_EQ(bytes.size(), 8u + 4 + 6 + 4 + 5 + 4 + 4 + 4 + 4);
  EXPECT_EQ(std::memcmp(bytes.data(), "WLMODEL\0", 8), 0);
  EXPECT_EQ(bytes[8], 1);  // version 1, little-endian
  EXPECT_EQ(bytes[12], 2);
  EXPECT_EQ(bytes[16], 'a');
  // 1.0f is 0x3F800000: little-endian bytes 00 00 80 3F
  const std::size_t v = bytes.size() - 8;
  EXPECT_EQ(bytes[v + 2], 0x80);
  EXPECT_EQ(bytes[v + 3], 0x3F);
}

TEST(ModelFile, RoundTripKeepsEverything) {
  const wl::Model m = small_model();
  const auto bytes = wl::write_model(m);
  const wl::Model r = wl::read_model(bytes.data(), bytes.size());
  EXPECT_EQ(r.architecture, m.architecture);
  ASSERT_EQ(r.tensors.size(), 2u);
  for (std::size_t k = 0; k < 2; ++k) {
    EXPECT_EQ(r.tensors[k].name, m.tensors[k].name);
    EXPECT_EQ(r.tensors[k].shape, m.tensors[k].shape);
    ASSERT_EQ(r.tensors[k].values.size(), m.tensors[k].values.size());
    for (std::size_t i = 0; i < m.tensors[k].values.size(); ++i) {
      EXPECT_EQ(std::memcmp(&r.tensors[k].values[i], &m.tensors[k].values[i], 4), 0);
    }
  }
  EXPECT_EQ(wl::write_model(r), bytes);
}

TEST(ModelFile, FindTensorChecksNameAndShape) {
  const wl::Model m = small_model();
  EXPECT_EQ(wl::find_tensor(m, "b", {3}).values[1], 0.2f);
  EXPECT_THROW(wl::find_tensor(m, "b", {4}), std::invalid_argument);
  EXPECT_THROW(wl::find_tensor(m, "w", {3, 2}), std::invalid_argument);
  EXPECT_THROW(wl::find_tensor(m, "nope", {3}), std::invalid_argument);
}

TEST(ModelFile, WriterRejectsInvalidModels) {
  wl::Model m = small_model();
  m.tensors[1].shape = {4};  // 4 values declared, 3 held
  EXPECT_THROW(wl::write_model(m), std::invalid_argument);
  m = small_model();
  m.tensors[1].values[0] = std::numeric_limits<float>::quiet_NaN();
  EXPECT_THROW(wl::write_model(m), std::invalid_argument);
  m = small_model();
  m.tensors[1].name = "w";
  EXPECT_THROW(wl::write_model(m), std::invalid_argument);
  m = small_model();
  m.architecture = "";
  EXPECT_THROW(wl::write_model(m), std::invalid_argument);
}

TEST(ModelFile, RejectsBadMagic) {
  auto bytes = wl::write_model(small_model());
  bytes[0] = 'X';
  EXPECT_NE(read_error(bytes).find("bad magic"), std::string::npos);
  EXPECT_NE(read_error({}).find("bad magic"), std::string::npos);
}

TEST(ModelFile, RejectsOtherVersions) {
  auto bytes = wl::write_model(small_model());
  put_u32_at(bytes, 8, 2);
  reseal(bytes);
  EXPECT_NE(read_error(bytes).find("version 2"), std::string::npos);
}

TEST(ModelFile, RejectsEveryTruncation) {
  const auto bytes = wl::write_model(small_model());
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    const std::vector<std::uint8_t> cut(bytes.begin(), bytes.begin() + n);
    EXPECT_NE(read_error(cut), "") << "prefix of " << n << " bytes was accepted";
  }
  const std::vector<std::uint8_t> cut(bytes.begin(), bytes.end() - 5);
  EXPECT_NE(read_error(cut).find("truncated"), std::string::npos) << read_error(cut);
}

TEST(ModelFile, RejectsTrailingBytes) {
  auto bytes = wl::write_model(small_model());
  bytes.insert(bytes.end() - 4, 0);
  reseal(bytes);
  EXPECT_NE(read_error(bytes).find("unexpected bytes"), std::string::npos) << read_error(bytes);
}

TEST(ModelFile, RejectsAFlippedByteAnywhere) {
  const auto bytes = wl::write_model(small_model());
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    auto bad = bytes;
    bad[i] ^= 0x10;
    EXPECT_NE(read_error(bad), "") << "flip at byte " << i << " was accepted";
  }
  auto bad = bytes;
  bad[bytes.size() - 6] ^= 0x01;  // inside the last float value
  EXPECT_NE(read_error(bad).find("checksum"), std::string::npos) << read_error(bad);
}

TEST(ModelFile, RejectsHugeShapesWithoutAllocating) {
  auto bytes = wl::write_model(small_model());
  // "w" has rank 2 at offset 8+4+(4+8)+4+(4+1)+4 = 37; make it 65535 x 65535.
  put_u32_at(bytes, 37, 65535);
  put_u32_at(bytes, 41, 65535);
  reseal(bytes);
  EXPECT_NE(read_error(bytes).find("more values than the file holds"), std::string::npos)
      << read_error(bytes);
  put_u32_at(bytes, 33, 0xFFFFFFFFu);  // absurd rank
  reseal(bytes);
  EXPECT_NE(read_error(bytes).find("rank"), std::string::npos) << read_error(bytes);
}

TEST(ModelFile, RejectsNonFiniteValues) {
  auto bytes = wl::write_model(small_model());
  put_u32_at(bytes, bytes.size() - 8, 0x7F800000u);  // +inf as the last value
  reseal(bytes);
  EXPECT_NE(read_error(bytes).find("not finite"), std::string::npos) << read_error(bytes);
}

TEST(ModelFile, SurvivesRandomCorruptionWithAValidChecksum) {
  // The checksum stops accidents, not an attacker: mutate bytes, re-seal the
  // CRC, and the parser itself must still either accept or throw cleanly.
  const auto good = wl::write_model(small_model());
  std::uint64_t state = 12345;
  auto next = [&state] {  // xorshift64
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  for (int trial = 0; trial < 5000; ++trial) {
    auto bad = good;
    const int edits = 1 + static_cast<int>(next() % 4);
    for (int e = 0; e < edits; ++e) {
      bad[8 + next() % (bad.size() - 12)] = static_cast<std::uint8_t>(next());
    }
    if (next() % 4 == 0) bad.resize(16 + next() % (bad.size() - 16));
    reseal(bad);
    try {
      const wl::Model m = wl::read_model(bad.data(), bad.size());
      for (const wl::Tensor& t : m.tensors) {
        std::size_t n = 1;
        for (std::uint32_t d : t.shape) n *= d;
        ASSERT_EQ(n, t.values.size());
      }
    } catch (const std::invalid_argument&) {
    }
  }
}
