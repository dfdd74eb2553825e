#include "core/cnn_layers.hpp"

#include <cmath>
#include <cstring>

namespace wl {
namespace {

// sum_i a[i] * b[i] with 8 independent partial sums, so the compiler can use
// SIMD lanes without reassociating (i.e. without -ffast-math). The 8 sums are
// written as two 4-lane vectors (a gcc/clang extension: SSE natively, SIMD128
// in WASM): with a plain acc[8] array clang-14 vectorises this loop into
// half-empty vectors built from scalar loads, and the WASM build of the CNN's
// backward pass ran ~2x slower than native. Same operations, same order.
typedef float f32x4 __attribute__((vector_size(16)));

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

// y[i] += a * x[i]
void axpy(float* y, float a, const float* x, int n) {
  for (int i = 0; i < n; ++i) y[i] += a * x[i];
}

void store4(float* p, f32x4 v) { std::memcpy(p, &v, sizeof v); }

f32x4 splat4(float v) { return f32x4{v, v, v, v}; }

}  // namespace

void conv2d_forward(float* out, float* col, const float* in, const float* weight,
                    const float* bias, int in_c, int h, int w, int out_c, int k) {
  const int oh = h - k + 1, ow = w - k + 1, np = oh * ow, nr = in_c * k * k;
  // im2col: row r = (c, i, j) holds the input pixel under kernel tap (i, j)
  // for every output position p = (y, x).
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
  // out = weight [out_c][nr] * col [nr][np], tiled 4 output channels x 8
  // positions: the tile's 32 sums stay in registers for the whole sum over r
  // (8 vector accumulators) instead of being loaded and stored once per r.
  // Each sum is still bias, then + w[r] * col[r][p] for r = 0, 1, ... in order.
  int o = 0;
  for (; o + 4 <= out_c; o += 4) {
    const float* w0 = weight + (o + 0) * nr;
    const float* w1 = weight + (o + 1) * nr;
    const float* w2 = weight + (o + 2) * nr;
    const float* w3 = weight + (o + 3) * nr;
    int p = 0;
    for (; p + 8 <= np; p += 8) {
      f32x4 a0 = splat4(bias[o]), b0 = a0, a1 = splat4(bias[o + 1]), b1 = a1;
      f32x4 a2 = splat4(bias[o + 2]), b2 = a2, a3 = splat4(bias[o + 3]), b3 = a3;
      for (int r = 0; r < nr; ++r) {
        const f32x4 lo = load4(col + r * np + p), hi = load4(col + r * np + p + 4);
        const f32x4 s0 = splat4(w0[r]), s1 = splat4(w1[r]), s2 = splat4(w2[r]), s3 = splat4(w3[r]);
        a0 += s0 * lo; b0 += s0 * hi;
        a1 += s1 * lo; b1 += s1 * hi;
        a2 += s2 * lo; b2 += s2 * hi;
        a3 += s3 * lo; b3 += s3 * hi;
      }
      store4(out + (o + 0) * np + p, a0); store4(out + (o + 0) * np + p + 4, b0);
      store4(out + (o + 1) * np + p, a1); store4(out + (o + 1) * np + p + 4, b1);
      store4(out + (o + 2) * np + p, a2); store4(out + (o + 2) * np + p + 4, b2);
      store4(out + (o + 3) * np + p, a3); store4(out + (o + 3) * np + p + 4, b3);
    }
    for (; p < np; ++p) {  // positions left over (none for 24x24 and 8x8 outputs)
      for (int q = 0; q < 4; ++q) {
        const float* wq = weight + (o + q) * nr;
        float sum = bias[o + q];
        for (int r = 0; r < nr; ++r) sum += wq[r] * col[r * np + p];
        out[(o + q) * np + p] = sum;
      }
    }
  }
  for (; o < out_c; ++o) {
    float* op = out + o * np;
    for (int p = 0; p < np; ++p) op[p] = bias[o];
    for (int r = 0; r < nr; ++r) axpy(op, weight[o * nr + r], col + r * np, np);
  }
}

void conv2d_backward(float* d_in, float* d_weight, float* d_bias, float* d_col,
                     const float* d_out, const float* col, const float* weight, int in_c,
                     int h, int w, int out_c, int k) {
  const int oh = h - k + 1, ow = w - k + 1, np = oh * ow, nr = in_c * k * k;
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

void maxpool2_forward(float* out, std::int32_t* argmax, const float* in, int c, int h, int w) {
  const int ph = h / 2, pw = w / 2;
  for (int ch = 0; ch < c; ++ch) {
    for (int y = 0; y < ph; ++y) {
      for (int x = 0; x < pw; ++x) {
        const int base = (ch * h + 2 * y) * w + 2 * x;
        const int cand[4] = {base, base + 1, base + w, base + w + 1};
        int best = cand[0];
        for (int q = 1; q < 4; ++q) {
          if (in[cand[q]] > in[best]) best = cand[q];
        }
        const int at = (ch * ph + y) * pw + x;
        out[at] = in[best];
        argmax[at] = best;
      }
    }
  }
}

void maxpool2_backward(float* d_in, const float* d_out, const std::int32_t* argmax, int c,
                       int h, int w) {
  for (int i = 0; i < c * h * w; ++i) d_in[i] = 0;
  const int n = c * (h / 2) * (w / 2);
  for (int i = 0; i < n; ++i) d_in[argmax[i]] += d_out[i];
}

void dense_forward(float* out, const float* in, const float* weight, const float* bias,
                   int n_in, int n_out) {
  for (int o = 0; o < n_out; ++o) out[o] = bias[o] + dot(weight + o * n_in, in, n_in);
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
