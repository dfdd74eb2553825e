#include "core/cnn_layers.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>

#include "core/check.hpp"

namespace wl {
namespace {

// sum_i a[i] * b[i] with 8 independent partial sums, so the compiler can use
// SIMD lanes without reassociating (i.e. without -ffast-math). The 8 sums are
// written as two 4-lane vectors (a gcc/clang extension: SSE natively, SIMD128
// in WASM): with a plain acc[8] array clang-14 vectorises this loop into
// half-empty vectors built from scalar loads, and the WASM build of the CNN's
// backward pass ran ~2x slower than native. Same operations, same order.
typedef float f32x4 __attribute__((vector_size(16)));
typedef int i32x4 __attribute__((vector_size(16)));

f32x4 load4(const float* p) {
  f32x4 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

float dot(const float* a, const float* b, int n) {
  f32x4 lo = {0, 0, 0, 0}, hi = {0, 0, 0, 0};  // acc[0..3], acc[4..7]
  int i = 0;
  for (; i + 8 <= n; i += 8) {
    lo += load4(a + i) * load4(b + i);
    hi += load4(a + i + 4) * load4(b + i + 4);
  }
  float s = ((lo[0] + lo[1]) + (lo[2] + lo[3])) + ((hi[0] + hi[1]) + (hi[2] + hi[3]));
  for (; i < n; ++i) s += a[i] * b[i];
  return s;
}

// sums[q] = dot(a + q * stride, b, n) for q = 0..2, each summed exactly as
// dot() sums it; b is loaded once for the three rows. (Four rows' eight sums
// and their loads outgrow the vector registers V8 gives WASM, and it spills.)
void dot3(float sums[3], const float* a, int stride, const float* b, int n) {
  const float* a0 = a;
  const float* a1 = a + stride;
  const float* a2 = a + 2 * stride;
  f32x4 lo0 = {0, 0, 0, 0}, hi0 = lo0, lo1 = lo0, hi1 = lo0, lo2 = lo0, hi2 = lo0;
  int i = 0;
  for (; i + 8 <= n; i += 8) {
    const f32x4 blo = load4(b + i), bhi = load4(b + i + 4);
    // one row of the tile per line:
    // clang-format off
    lo0 += load4(a0 + i) * blo; hi0 += load4(a0 + i + 4) * bhi;
    lo1 += load4(a1 + i) * blo; hi1 += load4(a1 + i + 4) * bhi;
    lo2 += load4(a2 + i) * blo; hi2 += load4(a2 + i + 4) * bhi;
    // clang-format on
  }
  const f32x4 lo[3] = {lo0, lo1, lo2}, hi[3] = {hi0, hi1, hi2};
  const float* rows[3] = {a0, a1, a2};
  for (int q = 0; q < 3; ++q) {
    float s = ((lo[q][0] + lo[q][1]) + (lo[q][2] + lo[q][3])) +
              ((hi[q][0] + hi[q][1]) + (hi[q][2] + hi[q][3]));
    for (int t = i; t < n; ++t) s += rows[q][t] * b[t];
    sums[q] = s;
  }
}

// y[i] += a * x[i]
void axpy(float* y, float a, const float* x, int n) {
  for (int i = 0; i < n; ++i) y[i] += a * x[i];
}

void store4(float* p, f32x4 v) { std::memcpy(p, &v, sizeof v); }

f32x4 splat4(float v) { return f32x4{v, v, v, v}; }

// One tile of the convolution: 4 output channels x 8 positions of one output
// row, read straight from the image (no im2col). The tile's 32 sums stay in
// registers (8 vector accumulators) for the whole sum over the taps; each is
// bias, then + weight[o][c][i][j] * in[c][y+i][x+j] for (c, i, j) in
// row-major order. (With k fixed at compile time, clang unrolls the loop over
// j, hoists the loads of all the taps to its top, and V8 then spills half of
// them: the WASM convolution ran 1.4x slower.)
void conv_tile_4x8(float* out, int np, const float* in, int h, int w, const float* weight, int nr,
                   const float* bias, int in_c, int k) {
  f32x4 a0 = splat4(bias[0]), b0 = a0, a1 = splat4(bias[1]), b1 = a1;
  f32x4 a2 = splat4(bias[2]), b2 = a2, a3 = splat4(bias[3]), b3 = a3;
  const float* wr = weight;
  for (int c = 0; c < in_c; ++c) {
    for (int i = 0; i < k; ++i, wr += k) {
      const float* src = in + (c * h + i) * w;
      for (int j = 0; j < k; ++j) {
        const f32x4 lo = load4(src + j), hi = load4(src + j + 4);
        const f32x4 s0 = splat4(wr[j]), s1 = splat4(wr[nr + j]);
        const f32x4 s2 = splat4(wr[2 * nr + j]), s3 = splat4(wr[3 * nr + j]);
        // one output channel per line:
        // clang-format off
        a0 += s0 * lo; b0 += s0 * hi;
        a1 += s1 * lo; b1 += s1 * hi;
        a2 += s2 * lo; b2 += s2 * hi;
        a3 += s3 * lo; b3 += s3 * hi;
        // clang-format on
      }
    }
  }
  // one output channel per line:
  // clang-format off
  store4(out, a0); store4(out + 4, b0);
  store4(out + np, a1); store4(out + np + 4, b1);
  store4(out + 2 * np, a2); store4(out + 2 * np + 4, b2);
  store4(out + 3 * np, a3); store4(out + 3 * np + 4, b3);
  // clang-format on
}

// One output value the plain way, in the same order as the tile.
float conv_at(const float* in, int h, int w, const float* weight, float bias, int in_c, int k) {
  float sum = bias;
  for (int c = 0; c < in_c; ++c) {
    for (int i = 0; i < k; ++i) {
      for (int j = 0; j < k; ++j) sum += weight[(c * k + i) * k + j] * in[(c * h + i) * w + j];
    }
  }
  return sum;
}

// The 32 sums of conv_tile_4x8 at row y, column x, into acc (channel q's
// eight positions in acc[2q], acc[2q+1]), from pack_conv's layout: wg is the
// group's [nr][4] weights, bias its 4 biases. Input rows whose nonzero
// columns (span[2*row], span[2*row+1]) miss the tile's columns x .. x+k+6
// are left out; the other rows' taps are added in the same order, so each
// sum equals conv_tile_4x8's up to the sign of a zero. Each tap's loads are
// at constant offsets from two pointers that the loop advances. (Kept out
// of line: inlined into its caller, the WASM build ran twice as slow.)
__attribute__((noinline)) void conv_sums_packed_4x8(f32x4 acc[8], const float* in, int h, int w,
                                                    const float* wg, const float* bias, int in_c,
                                                    int k, const int* span, int y, int x) {
  f32x4 a0 = splat4(bias[0]), b0 = a0, a1 = splat4(bias[1]), b1 = a1;
  f32x4 a2 = splat4(bias[2]), b2 = a2, a3 = splat4(bias[3]), b3 = a3;
  const int x_last = x + k + 6;
  for (int c = 0; c < in_c; ++c) {
    for (int i = 0; i < k; ++i) {
      const int row = c * h + y + i;
      if (span && (span[2 * row + 1] < x || span[2 * row] > x_last)) continue;
      const float* src = in + row * w + x;
      const float* const end = src + k;
      const float* wp = wg + (c * k + i) * k * 4;
      for (; src != end; ++src, wp += 4) {
        const f32x4 lo = load4(src), hi = load4(src + 4);
        const f32x4 s0 = splat4(wp[0]), s1 = splat4(wp[1]);
        const f32x4 s2 = splat4(wp[2]), s3 = splat4(wp[3]);
        // one output channel per line:
        // clang-format off
        a0 += s0 * lo; b0 += s0 * hi;
        a1 += s1 * lo; b1 += s1 * hi;
        a2 += s2 * lo; b2 += s2 * hi;
        a3 += s3 * lo; b3 += s3 * hi;
        // clang-format on
      }
    }
  }
  // clang-format off
  acc[0] = a0; acc[1] = b0; acc[2] = a1; acc[3] = b1;
  acc[4] = a2; acc[5] = b2; acc[6] = a3; acc[7] = b3;
  // clang-format on
}

f32x4 max4(f32x4 a, f32x4 b) { return b > a ? b : a; }

// conv_at from pack_conv's layout: channel q of the group whose weights are wg.
float conv_at_packed(const float* in, int h, int w, const float* wg, int q, float bias, int in_c,
                     int k) {
  float sum = bias;
  for (int c = 0; c < in_c; ++c) {
    for (int i = 0; i < k; ++i) {
      for (int j = 0; j < k; ++j)
        sum += wg[((c * k + i) * k + j) * 4 + q] * in[(c * h + i) * w + j];
    }
  }
  return sum;
}

// max(0, max of conv_at over the 2x2 window at (2y, 2x)) of one output channel.
float conv_relu_pool_at(const float* in, int h, int w, const float* wg, int q, float bias, int in_c,
                        int k, int y, int x) {
  float m = conv_at_packed(in + 2 * y * w + 2 * x, h, w, wg, q, bias, in_c, k);
  const int offsets[3] = {1, w, w + 1};
  for (int off : offsets) {
    const float v = conv_at_packed(in + 2 * y * w + 2 * x + off, h, w, wg, q, bias, in_c, k);
    m = v > m ? v : m;
  }
  return m > 0 ? m : 0.0f;
}

// Bit x set where row[x] != 0 (NaN included), for w <= 32.
std::uint32_t nonzero_bits(const float* row, int w) {
  std::uint32_t m = 0;
  int x = 0;
#if defined(__wasm_simd128__)
  for (; x + 4 <= w; x += 4) {  // 4 columns at a time: compare, then one bit per lane
    const i32x4 nonzero = load4(row + x) != splat4(0.0f);
    m |= static_cast<std::uint32_t>(__builtin_wasm_bitmask_i32x4(nonzero)) << x;
  }
#endif
  for (; x < w; ++x) m |= static_cast<std::uint32_t>(row[x] != 0) << x;
  return m;
}

// col[c*k*k + i*k + j][y*out_w + x] = in[c][y+i][x+j]
void im2col(float* col, const float* in, int in_c, int h, int w, int k) {
  const int oh = h - k + 1, ow = w - k + 1, np = oh * ow;
  for (int c = 0; c < in_c; ++c) {
    for (int i = 0; i < k; ++i) {
      for (int j = 0; j < k; ++j) {
        float* row = col + ((c * k + i) * k + j) * np;
        for (int y = 0; y < oh; ++y) {
          const float* src = in + (c * h + y + i) * w + j;
          int x = 0;  // 4 at a time: clang leaves the plain copy scalar in WASM
          for (; x + 4 <= ow; x += 4) store4(row + y * ow + x, load4(src + x));
          for (; x < ow; ++x) row[y * ow + x] = src[x];
        }
      }
    }
  }
}

}  // namespace

void conv2d_forward(float* out, const float* in, const float* weight, const float* bias, int in_c,
                    int h, int w, int out_c, int k) {
  const int oh = h - k + 1, ow = w - k + 1, np = oh * ow, nr = in_c * k * k;
  int o = 0;
  for (; o + 4 <= out_c; o += 4) {
    for (int y = 0; y < oh; ++y) {
      int x = 0;
      for (; x + 8 <= ow; x += 8) {
        conv_tile_4x8(out + o * np + y * ow + x, np, in + y * w + x, h, w, weight + o * nr, nr,
                      bias + o, in_c, k);
      }
      for (; x < ow; ++x) {  // positions left over in the row (none for 24- and 8-wide rows)
        for (int q = o; q < o + 4; ++q) {
          out[q * np + y * ow + x] =
              conv_at(in + y * w + x, h, w, weight + q * nr, bias[q], in_c, k);
        }
      }
    }
  }
  for (; o < out_c; ++o) {  // channels left over (none for 8 and 32)
    for (int y = 0; y < oh; ++y) {
      for (int x = 0; x < ow; ++x) {
        out[o * np + y * ow + x] = conv_at(in + y * w + x, h, w, weight + o * nr, bias[o], in_c, k);
      }
    }
  }
}

int conv_packed_size(int out_c, int in_c, int k) {
  return round_up4(out_c) * in_c * k * k + round_up4(out_c);
}

void pack_conv(float* packed, const float* weight, const float* bias, int out_c, int in_c, int k) {
  const int nr = in_c * k * k, n4 = round_up4(out_c);
  for (int g = 0; g < n4 / 4; ++g) {
    for (int t = 0; t < nr; ++t) {
      for (int q = 0; q < 4; ++q) {
        const int o = 4 * g + q;
        packed[(g * nr + t) * 4 + q] = o < out_c ? weight[o * nr + t] : 0.0f;
      }
    }
  }
  for (int o = 0; o < n4; ++o) packed[n4 * nr + o] = o < out_c ? bias[o] : 0.0f;
}

void conv2d_relu_maxpool2_forward(float* out, int* spans, const float* in, const float* packed,
                                  int in_c, int h, int w, int out_c, int k) {
  const int oh = h - k + 1, ow = w - k + 1, ph = oh / 2, pw = ow / 2, nr = in_c * k * k;
  const float* bias = packed + round_up4(out_c) * nr;
  for (int row = 0; spans && row < in_c * h; ++row) {  // each row's first and last nonzero column
    const float* r = in + row * w;
    int first = w, last = -1;
    if (w <= 32) {
      const std::uint32_t bits = nonzero_bits(r, w);
      if (bits != 0) {
        first = __builtin_ctz(bits);
        last = 31 - __builtin_clz(bits);
      }
    } else {
      for (int x = 0; x < w; ++x) {
        if (r[x] != 0) {
          first = x < first ? x : first;
          last = x;
        }
      }
    }
    spans[2 * row] = first;
    spans[2 * row + 1] = last;
  }
  for (int o = 0; o < out_c; o += 4) {
    const float* wg = packed + o * nr;
    const int nq = out_c - o < 4 ? out_c - o : 4;  // channels of the group that exist
    for (int y = 0; y < ph; ++y) {
      int x = 0;
      for (; x + 8 <= ow; x += 8) {
        // Row 2y's tile, max of each pair of positions, parked in out; then row
        // 2y+1's, and the ReLU of the max of both. (Keeping the first tile in
        // registers through the second made V8 spill inside the tap loop.)
        for (int half = 0; half < 2; ++half) {
          f32x4 acc[8];
          conv_sums_packed_4x8(acc, in, h, w, wg, bias + o, in_c, k, spans, 2 * y + half, x);
          for (int q = 0; q < nq; ++q) {
            float* dst = out + ((o + q) * ph + y) * pw + x / 2;
            const f32x4 m = max4(__builtin_shufflevector(acc[2 * q], acc[2 * q + 1], 0, 2, 4, 6),
                                 __builtin_shufflevector(acc[2 * q], acc[2 * q + 1], 1, 3, 5, 7));
            if (half == 0) {
              store4(dst, m);
            } else {
              store4(dst, max4(splat4(0.0f), max4(load4(dst), m)));  // m > 0 ? m : 0
            }
          }
        }
      }
      for (; x < ow; x += 2) {  // windows left over in the row (none for 24- and 8-wide rows)
        for (int q = 0; q < nq; ++q) {
          out[((o + q) * ph + y) * pw + x / 2] =
              conv_relu_pool_at(in, h, w, wg, q, bias[o + q], in_c, k, y, x / 2);
        }
      }
    }
  }
}

namespace {

// kBits.j[m]: the set bits of m (m < 256) in increasing order, then zeros.
struct BitTable {
  int j[256][8];
};
constexpr BitTable make_bit_table() {
  BitTable t{};
  for (int m = 0; m < 256; ++m) {
    int n = 0;
    for (int b = 0; b < 8; ++b) {
      if (m >> b & 1) t.j[m][n++] = b;
    }
  }
  return t;
}
constexpr BitTable kBits = make_bit_table();

i32x4 load4i(const int* p) {
  i32x4 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
void store4i(int* p, i32x4 v) { std::memcpy(p, &v, sizeof v); }
i32x4 splat4i(int v) { return i32x4{v, v, v, v}; }

// The taps of positions (y, x) and (y, x + 1) where either input is nonzero,
// in (c, i, j) order: wl[e] = t * n4 (the tap's row of packed weights),
// dl[e] = the input's index at position x. Each input row contributes the
// set bits of its mask, all 8 table entries stored (so lists have 8 spare).
// Returns the count.
__attribute__((noinline)) int pair_taps(int* wl, int* dl, const int* masks, int in_c, int h, int w,
                                        int k, int n4, int y, int x) {
  const std::uint32_t kmask = (1u << k) - 1;
  const i32x4 scale = splat4i(n4);
  int n = 0;
  for (int c = 0; c < in_c; ++c) {
    for (int i = 0; i < k; ++i) {
      const int row = c * h + y + i;
      const std::uint32_t u = static_cast<std::uint32_t>(masks[row]) >> x;
      const std::uint32_t m = (u | (u >> 1)) & kmask;
      const i32x4 j0 = load4i(kBits.j[m]), j1 = load4i(kBits.j[m] + 4);
      const i32x4 tw = splat4i((c * k + i) * k * n4), td = splat4i(row * w + x);
      store4i(wl + n, j0 * scale + tw);
      store4i(wl + n + 4, j1 * scale + tw);
      store4i(dl + n, j0 + td);
      store4i(dl + n + 4, j1 + td);
      n += __builtin_popcount(m);
    }
  }
  return n;
}

// The max of positions x and x + 1 of 4G output channels (bias, then the
// listed taps in order), into m[G].
template <int G>
__attribute__((noinline)) void pair_max(f32x4* m, const int* wl, const int* dl, int n,
                                        const float* in, const float* weights, const float* bias) {
  f32x4 a[G], b[G];
  for (int g = 0; g < G; ++g) a[g] = b[g] = load4(bias + 4 * g);
  for (int e = 0; e < n; ++e) {
    const float* src = in + dl[e];
    const float* wp = weights + wl[e];
    const f32x4 v0 = splat4(src[0]), v1 = splat4(src[1]);
    for (int g = 0; g < G; ++g) {
      const f32x4 wv = load4(wp + 4 * g);
      a[g] += v0 * wv;
      b[g] += v1 * wv;
    }
  }
  for (int g = 0; g < G; ++g) m[g] = max4(a[g], b[g]);
}

}  // namespace

int count_nonzero(const float* v, int n) {
  i32x4 count = splat4i(0);
  int i = 0;
  for (; i + 4 <= n; i += 4) count -= load4(v + i) != splat4(0.0f);  // true is -1 per lane
  int total = (count[0] + count[1]) + (count[2] + count[3]);
  for (; i < n; ++i) total += v[i] != 0;
  return total;
}

int conv_sparse_packed_size(int out_c, int in_c, int k) {
  return round_up4(out_c) * (in_c * k * k + 1);
}

void pack_conv_sparse(float* packed, const float* weight, const float* bias, int out_c, int in_c,
                      int k) {
  const int nr = in_c * k * k, n4 = round_up4(out_c);
  pack_output_minor(packed, weight, out_c, nr);
  for (int o = 0; o < n4; ++o) packed[nr * n4 + o] = o < out_c ? bias[o] : 0.0f;
}

int conv_sparse_scratch_size(int in_c, int h, int k) { return in_c * h + 4 * (in_c * k * k + 8); }

void conv2d_relu_maxpool2_sparse(float* out, int* scratch, const float* in, const float* packed,
                                 int in_c, int h, int w, int out_c, int k) {
  const int oh = h - k + 1, ow = w - k + 1, ph = oh / 2, pw = ow / 2, nr = in_c * k * k;
  if (w > 32 || k > 8 || oh % 2 != 0 || ow % 2 != 0) {
    require(false,
            "conv2d_relu_maxpool2_sparse: needs rows of at most 32, k <= 8 and even "
            "output sides");
  }
  const int n4 = round_up4(out_c), cap = nr + 8;
  const float* bias = packed + nr * n4;
  int* masks = scratch;  // bit x of masks[row]: in[row][x] != 0
  int* top_w = scratch + in_c * h;
  int *top_d = top_w + cap, *bottom_w = top_d + cap, *bottom_d = bottom_w + cap;
  for (int row = 0; row < in_c * h; ++row) {
    masks[row] = static_cast<int>(nonzero_bits(in + row * w, w));
  }
  for (int y = 0; y < ph; ++y) {
    for (int x = 0; x < ow; x += 2) {
      const int n_top = pair_taps(top_w, top_d, masks, in_c, h, w, k, n4, 2 * y, x);
      const int n_bottom = pair_taps(bottom_w, bottom_d, masks, in_c, h, w, k, n4, 2 * y + 1, x);
      for (int o = 0; o < n4;) {
        // max(top pair, bottom pair), then the ReLU: as the dense tile pools
        f32x4 top[4], bottom[4];
        const int groups = o + 16 <= n4 ? 4 : 1;
        if (groups == 4) {
          pair_max<4>(top, top_w, top_d, n_top, in, packed + o, bias + o);
          pair_max<4>(bottom, bottom_w, bottom_d, n_bottom, in, packed + o, bias + o);
        } else {
          pair_max<1>(top, top_w, top_d, n_top, in, packed + o, bias + o);
          pair_max<1>(bottom, bottom_w, bottom_d, n_bottom, in, packed + o, bias + o);
        }
        for (int g = 0; g < groups; ++g) {
          const f32x4 r = max4(splat4(0.0f), max4(top[g], bottom[g]));
          for (int q = 0; q < 4 && o + 4 * g + q < out_c; ++q) {
            out[((o + 4 * g + q) * ph + y) * pw + x / 2] = r[q];
          }
        }
        o += 4 * groups;
      }
    }
  }
}

namespace {

// The 8 partial sums of dense_forward for outputs [o, o + 4G): lane l's sum
// over its nonzero inputs nonzero[start[l] .. start[l+1]) in order.
template <int G>
void dense_partials(float* partial, int stride, const int* nonzero, const int* start,
                    const float* in, const float* packed) {
  for (int l = 0; l < 8; ++l) {
    f32x4 acc[G];
    for (int g = 0; g < G; ++g) acc[g] = splat4(0.0f);
    for (int t = start[l]; t < start[l + 1]; ++t) {
      const int i = nonzero[t];
      const f32x4 v = splat4(in[i]);
      const float* wi = packed + i * stride;
      for (int g = 0; g < G; ++g) acc[g] += v * load4(wi + 4 * g);
    }
    for (int g = 0; g < G; ++g) store4(partial + l * stride + 4 * g, acc[g]);
  }
}

}  // namespace

int round_up4(int n) { return (n + 3) / 4 * 4; }

void pack_output_minor(float* packed, const float* weight, int n_out, int n_in) {
  const int n4 = round_up4(n_out);
  for (int r = 0; r < n_in; ++r) {
    for (int o = 0; o < n4; ++o) packed[r * n4 + o] = o < n_out ? weight[o * n_in + r] : 0.0f;
  }
}

void dense_forward_sparse(float* out, float* partial, int* nonzero, const float* in,
                          const float* packed, const float* bias, int n_in, int n_out) {
  const int n4 = round_up4(n_out), n8 = n_in - n_in % 8;
  int start[9], at = 0;
  for (int l = 0; l < 8; ++l) {  // lane l's nonzero inputs: i = l, l + 8, ... below n8
    start[l] = at;
    for (int i = l; i < n8; i += 8) {
      nonzero[at] = i;
      at += in[i] != 0;
    }
  }
  start[8] = at;
  int o = 0;
  for (; o + 32 <= n4; o += 32) dense_partials<8>(partial + o, n4, nonzero, start, in, packed + o);
  for (; o < n4; o += 4) dense_partials<1>(partial + o, n4, nonzero, start, in, packed + o);
  for (o = 0; o < n4; o += 4) {  // dot's sum of its partial sums, then its tail in order
    f32x4 p[8];
    for (int l = 0; l < 8; ++l) p[l] = load4(partial + l * n4 + o);
    f32x4 sum = ((p[0] + p[1]) + (p[2] + p[3])) + ((p[4] + p[5]) + (p[6] + p[7]));
    for (int i = n8; i < n_in; ++i) {
      if (in[i] != 0) sum += splat4(in[i]) * load4(packed + i * n4 + o);
    }
    for (int q = 0; q < 4 && o + q < n_out; ++q) out[o + q] = bias[o + q] + sum[q];
  }
}

void conv2d_backward(float* d_in, float* d_weight, float* d_bias, float* col, float* d_col,
                     const float* d_out, const float* in, const float* weight, int in_c, int h,
                     int w, int out_c, int k) {
  const int oh = h - k + 1, ow = w - k + 1, np = oh * ow, nr = in_c * k * k;
  im2col(col, in, in_c, h, w, k);
  for (int o = 0; o < out_c; ++o) {
    const float* d = d_out + o * np;
    float sum = 0;
    for (int p = 0; p < np; ++p) sum += d[p];
    d_bias[o] += sum;
    for (int r = 0; r < nr; ++r) d_weight[o * nr + r] += dot(d, col + r * np, np);
  }
  if (d_in == nullptr) return;
  // d_col = weight^T * d_out, then fold (col2im) back onto the image.
  for (int r = 0; r < nr; ++r) {
    float* dc = d_col + r * np;
    for (int p = 0; p < np; ++p) dc[p] = 0;
    for (int o = 0; o < out_c; ++o) axpy(dc, weight[o * nr + r], d_out + o * np, np);
  }
  for (int i = 0; i < in_c * h * w; ++i) d_in[i] = 0;
  for (int c = 0; c < in_c; ++c) {
    for (int i = 0; i < k; ++i) {
      for (int j = 0; j < k; ++j) {
        const float* row = d_col + ((c * k + i) * k + j) * np;
        for (int y = 0; y < oh; ++y) {
          float* dst = d_in + (c * h + y + i) * w + j;
          for (int x = 0; x < ow; ++x) dst[x] += row[y * ow + x];
        }
      }
    }
  }
}

void relu_forward(float* out, const float* in, int n) {
  for (int i = 0; i < n; ++i) out[i] = in[i] > 0 ? in[i] : 0.0f;
}

void relu_backward(float* d_in, const float* d_out, const float* out, int n) {
  for (int i = 0; i < n; ++i) d_in[i] = out[i] > 0 ? d_out[i] : 0.0f;
}

namespace {

// The 2x2 window at (y, x) in the order the max is taken: ties go to the first.
void window(int w, int y, int x, int cand[4]) {
  const int base = 2 * y * w + 2 * x;
  cand[0] = base;
  cand[1] = base + 1;
  cand[2] = base + w;
  cand[3] = base + w + 1;
}

int argmax_of(const float* in, const int cand[4]) {
  int best = cand[0];
  for (int q = 1; q < 4; ++q) {
    if (in[cand[q]] > in[best]) best = cand[q];
  }
  return best;
}

}  // namespace

void maxpool2_forward(float* out, const float* in, int c, int h, int w) {
  const int ph = h / 2, pw = w / 2;
  for (int ch = 0; ch < c; ++ch) {
    for (int y = 0; y < ph; ++y) {
      const float* top = in + (ch * h + 2 * y) * w;
      const float* bottom = top + w;
      float* o = out + (ch * ph + y) * pw;
      int x = 0;
      for (; x + 4 <= pw; x += 4) {  // 4 windows at a time, the same comparisons in order
        const f32x4 t0 = load4(top + 2 * x), t1 = load4(top + 2 * x + 4);
        const f32x4 u0 = load4(bottom + 2 * x), u1 = load4(bottom + 2 * x + 4);
        f32x4 m = __builtin_shufflevector(t0, t1, 0, 2, 4, 6);
        const f32x4 tr = __builtin_shufflevector(t0, t1, 1, 3, 5, 7);
        const f32x4 bl = __builtin_shufflevector(u0, u1, 0, 2, 4, 6);
        const f32x4 br = __builtin_shufflevector(u0, u1, 1, 3, 5, 7);
        m = tr > m ? tr : m;
        m = bl > m ? bl : m;
        m = br > m ? br : m;
        store4(o + x, m);
      }
      for (; x < pw; ++x) {
        int cand[4];
        window(w, y, x, cand);
        o[x] = in[ch * h * w + argmax_of(in + ch * h * w, cand)];
      }
    }
  }
}

void maxpool2_backward(float* d_in, const float* d_out, const float* in, int c, int h, int w) {
  for (int i = 0; i < c * h * w; ++i) d_in[i] = 0;
  const int ph = h / 2, pw = w / 2;
  for (int ch = 0; ch < c; ++ch) {
    const float* plane = in + ch * h * w;
    for (int y = 0; y < ph; ++y) {
      for (int x = 0; x < pw; ++x) {
        int cand[4];
        window(w, y, x, cand);
        d_in[ch * h * w + argmax_of(plane, cand)] = d_out[(ch * ph + y) * pw + x];
      }
    }
  }
}

void dense_forward(float* out, const float* in, const float* weight, const float* bias, int n_in,
                   int n_out) {
  int o = 0;
  for (; o + 3 <= n_out; o += 3) {
    float sums[3];
    dot3(sums, weight + o * n_in, n_in, in, n_in);
    for (int q = 0; q < 3; ++q) out[o + q] = bias[o + q] + sums[q];
  }
  for (; o < n_out; ++o) out[o] = bias[o] + dot(weight + o * n_in, in, n_in);
}

void dense_backward(float* d_in, float* d_weight, float* d_bias, const float* d_out,
                    const float* in, const float* weight, int n_in, int n_out) {
  for (int o = 0; o < n_out; ++o) {
    d_bias[o] += d_out[o];
    axpy(d_weight + o * n_in, d_out[o], in, n_in);
  }
  if (d_in == nullptr) return;
  for (int i = 0; i < n_in; ++i) d_in[i] = 0;
  for (int o = 0; o < n_out; ++o) axpy(d_in, d_out[o], weight + o * n_in, n_in);
}

void softmax_forward(float* probs, const float* logits, int n) {
  float max = logits[0];
  for (int i = 1; i < n; ++i) max = logits[i] > max ? logits[i] : max;
  float sum = 0;
  for (int i = 0; i < n; ++i) {
    probs[i] = std::exp(logits[i] - max);
    sum += probs[i];
  }
  for (int i = 0; i < n; ++i) probs[i] /= sum;
}

float softmax_cross_entropy_forward(float* probs, const float* logits, int label, int n) {
  softmax_forward(probs, logits, n);
  // -log(p) with p clamped away from 0 so a confident mistake costs ~87, not inf.
  const float p = probs[label] > 1e-38f ? probs[label] : 1e-38f;
  return -std::log(p);
}

void softmax_cross_entropy_backward(float* d_logits, const float* probs, int label, int n) {
  for (int i = 0; i < n; ++i) d_logits[i] = probs[i] - (i == label ? 1.0f : 0.0f);
}

}  // namespace wl
