// The layers of the digit CNN, one forward/backward pair each, for ONE image.
//
// Conventions (after llm.c):
//   - argument order: outputs, inputs, then sizes; one shape comment per argument;
//   - tensors are float, row-major, channels first: [channels][height][width];
//   - a backward OVERWRITES the gradient of its input (d_in) and ADDS INTO the
//     gradients of its parameters (d_weight, d_bias), so a minibatch is the sum
//     of per-image backward passes into one flat gradient buffer;
//   - d_in may be nullptr where nobody needs it (the first layer's input);
//   - nothing allocates: scratch buffers are passed in.
// The inner loops are plain element-wise loops over contiguous rows (or dot
// products with several independent accumulators), so gcc/clang vectorise
// them without -ffast-math.
#pragma once

#include <cstdint>

namespace wl {

// --- 2-D convolution, stride 1, no padding ("valid") ---------------------
// out[o][y][x] = bias[o] + sum_{c,i,j} weight[o][c][i][j] * in[c][y+i][x+j]
// with out_h = h - k + 1, out_w = w - k + 1, summed in (c, i, j) order. The
// forward reads the image directly, 4 channels x 8 positions at a time. The
// backward first unrolls the image (im2col):
// col[c*k*k + i*k + j][y*out_w + x] = in[c][y+i][x+j], so the gradients are
// products with col (weight seen as [out_c][c*k*k]).
void conv2d_forward(float* out,           // [out_c][out_h][out_w]
                    const float* in,      // [in_c][h][w]
                    const float* weight,  // [out_c][in_c][k][k]
                    const float* bias,    // [out_c]
                    int in_c, int h, int w, int out_c, int k);

// d_weight[o][r] += sum_p d_out[o][p] * col[r][p]
// d_bias[o]      += sum_p d_out[o][p]
// d_in            = col2im(d_col), d_col[r][p] = sum_o weight[o][r] * d_out[o][p]
void conv2d_backward(float* d_in,          // [in_c][h][w] or nullptr
                     float* d_weight,      // [out_c][in_c][k][k], accumulated
                     float* d_bias,        // [out_c], accumulated
                     float* col,           // [in_c*k*k][out_h*out_w] scratch, filled here
                     float* d_col,         // [in_c*k*k][out_h*out_w] scratch (unused if !d_in)
                     const float* d_out,   // [out_c][out_h][out_w]
                     const float* in,      // [in_c][h][w] the forward's input
                     const float* weight,  // [out_c][in_c][k][k]
                     int in_c, int h, int w, int out_c, int k);

// --- inference: convolution, ReLU and 2x2 max-pool in one pass -------------
// out = maxpool2_forward(relu_forward(conv2d_forward(in))), the same floats bit
// for bit (the max of each window is taken as max(max of its top pair, max of
// its bottom pair), which differs from maxpool2_forward's order only in which
// of two equal zeros wins, and the ReLU then makes both 0), without the
// full-size maps: each 4-channel x 8-position tile of an output row is
// pooled as soon as it is summed.
// Each sum is bias, then + weight * input over (c, i, j) in order, as in
// conv2d_forward; given spans, input rows that are zero over the whole tile
// are left out (adding weight * 0 changes no sum but the sign of a zero,
// which the ReLU removes): worth it for the image (82% zeros, its top and
// bottom rows empty), not for pool1. The output sides (h - k + 1, w - k + 1)
// must be even.
// The weights are read packed (pack_conv, once at model load) in the order
// the tile walks them: four output channels side by side for each tap, so a
// tap's four weights are one pointer apart by constants and the tile's loop
// advances two pointers (the image's and the weights'), with no index
// arithmetic per tap.
int conv_packed_size(int out_c, int in_c, int k);  // floats: weights, then biases
// packed[g][t][q] = weight[4g + q][t] for t = (c*k + i)*k + j, then
// packed[groups*nr + o] = bias[o]; 0 for the channels past out_c (up to a
// multiple of 4), whose sums are computed and never stored.
void pack_conv(float* packed,        // [conv_packed_size(out_c, in_c, k)]
               const float* weight,  // [out_c][in_c][k][k]
               const float* bias,    // [out_c]
               int out_c, int in_c, int k);
void conv2d_relu_maxpool2_forward(float* out,           // [out_c][oh/2][ow/2]
                                  int* spans,           // [in_c*h][2] scratch, or nullptr
                                  const float* in,      // [in_c][h][w]
                                  const float* packed,  // pack_conv's layout
                                  int in_c, int h, int w, int out_c, int k);

// --- inference: the same on an input with many zeros ------------------------
// conv2d_relu_maxpool2_forward's floats (each sum bias, then + weight * input
// over (c, i, j) in order), leaving out the taps where the input is 0 for
// both of two neighbouring positions: 35% of conv2's taps on pool1 (60% of
// whose values are 0), which is worth building the list of the taps left
// for each pair of positions (from a bit per input value) first. The tile is
// 2 positions x 16 output channels: each listed tap's 16 weights are loaded
// once for both positions, and the 8 sums stay in registers (a tile of 32
// channels made V8 spill them on every tap). Needs w <= 32, k <= 8 and even
// output sides; throws std::invalid_argument otherwise.
int conv_sparse_packed_size(int out_c, int in_c, int k);  // floats
// packed[t][o] = weight[o][t] (t = (c*k + i)*k + j, o < round_up4(out_c),
// 0 past out_c), then the biases, padded the same way.
void pack_conv_sparse(float* packed,        // [conv_sparse_packed_size(out_c, in_c, k)]
                      const float* weight,  // [out_c][in_c][k][k]
                      const float* bias,    // [out_c]
                      int out_c, int in_c, int k);
int conv_sparse_scratch_size(int in_c, int h, int k);  // ints
void conv2d_relu_maxpool2_sparse(float* out,           // [out_c][oh/2][ow/2]
                                 int* scratch,         // [conv_sparse_scratch_size(in_c, h, k)]
                                 const float* in,      // [in_c][h][w]
                                 const float* packed,  // pack_conv_sparse's layout
                                 int in_c, int h, int w, int out_c, int k);

// How many of v[0..n) are not 0 (NaN counts): the CNN reads pool1's with it
// to pick conv2d_relu_maxpool2_sparse or _forward for each image.
int count_nonzero(const float* v, int n);

// --- inference: a dense layer on a sparse input ------------------------------
// Most of fc1's inputs are 0 (78% of pool2's values over the MNIST test
// digits), and adding weight * 0 to a sum changes nothing (the weights are
// finite). dense_forward_sparse skips those terms and otherwise adds the same
// products in the same order as dense_forward, so its floats are the same bit
// for bit. It runs 4 (or 32) outputs per SIMD vector, which needs the weights
// packed with the output index innermost (once, at model load):
// packed[i][o] = weight[o][i] for o < n_out, 0 for n_out <= o < round_up4(n_out).
int round_up4(int n);
void pack_output_minor(float* packed,        // [n_in][round_up4(n_out)]
                       const float* weight,  // [n_out][n_in]
                       int n_out, int n_in);

// dense_forward's floats: out[o] = bias[o] + dot(weight[o], in), the dot's
// 8 partial sums (in[i] goes to sum i % 8) kept apart as dot keeps them.
void dense_forward_sparse(float* out,           // [n_out]
                          float* partial,       // [8][round_up4(n_out)] scratch
                          int* nonzero,         // [n_in] scratch
                          const float* in,      // [n_in]
                          const float* packed,  // [n_in][round_up4(n_out)]
                          const float* bias,    // [n_out]
                          int n_in, int n_out);

// --- ReLU: out = max(0, in); d_in = d_out where out > 0, else 0 -------------
void relu_forward(float* out,       // [n]
                  const float* in,  // [n]
                  int n);
void relu_backward(float* d_in,         // [n]
                   const float* d_out,  // [n]
                   const float* out,    // [n] the forward's output
                   int n);

// --- 2x2 max-pool, stride 2 (h and w even) ----------------------------------
// out[c][y][x] = max of in[c][2y..2y+1][2x..2x+1]. The backward routes d_out
// to the input that won, found again from the forward's input: the first of
// the window in row-major order among equals.
void maxpool2_forward(float* out,       // [c][h/2][w/2]
                      const float* in,  // [c][h][w]
                      int c, int h, int w);
void maxpool2_backward(float* d_in,         // [c][h][w]
                       const float* d_out,  // [c][h/2][w/2]
                       const float* in,     // [c][h][w] the forward's input
                       int c, int h, int w);

// --- fully connected: out[o] = bias[o] + sum_i weight[o][i] * in[i] ----------
void dense_forward(float* out,           // [n_out]
                   const float* in,      // [n_in]
                   const float* weight,  // [n_out][n_in]
                   const float* bias,    // [n_out]
                   int n_in, int n_out);
// d_in[i] = sum_o weight[o][i] * d_out[o]; d_weight[o][i] += d_out[o] * in[i];
// d_bias[o] += d_out[o]
void dense_backward(float* d_in,          // [n_in] or nullptr
                    float* d_weight,      // [n_out][n_in], accumulated
                    float* d_bias,        // [n_out], accumulated
                    const float* d_out,   // [n_out]
                    const float* in,      // [n_in]
                    const float* weight,  // [n_out][n_in]
                    int n_in, int n_out);

// --- softmax + cross-entropy -------------------------------------------------
// probs = softmax(logits) (max subtracted first, so large logits are safe);
// returns the loss -log(probs[label]).
float softmax_cross_entropy_forward(float* probs,         // [n]
                                    const float* logits,  // [n]
                                    int label, int n);
// d_logits = probs - one_hot(label): the gradient of the loss w.r.t. the logits.
void softmax_cross_entropy_backward(float* d_logits,     // [n]
                                    const float* probs,  // [n]
                                    int label, int n);

// softmax alone (inference): probs = exp(logits - max) / sum
void softmax_forward(float* probs,         // [n]
                     const float* logits,  // [n]
                     int n);

}  // namespace wl
