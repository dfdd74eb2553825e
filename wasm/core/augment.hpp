// Random distortions of MNIST-style digits for training: the digits people
// draw are shifted, rotated, scaled, slanted, thicker or thinner than MNIST's.
// Everything is deterministic for a given wl::Rng state.
#pragma once

#include "core/random.hpp"

namespace wl {

// out(x, y) = in(m[0]*x + m[1]*y + m[2], m[3]*x + m[4]*y + m[5]), sampled
// bilinearly, with 0 outside the image. The matrix maps OUTPUT pixel
// coordinates to SOURCE coordinates (the inverse of the visible motion), so
// every output pixel is computed exactly once. out and in must not overlap.
void warp_affine(float* out,           // [h][w]
                 const float* in,      // [h][w]
                 const float* matrix,  // [6] output -> source, row-major 2x3
                 int w, int h);

// Grey dilation (3x3 maximum) and erosion (3x3 minimum); the border counts as 0.
void grey_dilate3(float* out,       // [h][w]
                  const float* in,  // [h][w]
                  int w, int h);
void grey_erode3(float* out,       // [h][w]
                 const float* in,  // [h][w]
                 int w, int h);

// The source->output motion of one augmentation, about the image centre
// (13.5, 13.5): shear x by `shear`, scale by `scale`, rotate by `radians`,
// then move by (dx, dy) pixels (+x right, +y down). `thickness` in [-1, 1]
// blends toward the erosion (< 0) or the dilation (> 0) before the warp.
struct Distortion {
  double dx = 0, dy = 0, radians = 0, scale = 1, shear = 0, thickness = 0;
};

struct AugmentRanges {
  double max_shift = 2.5;   // pixels, each axis, uniform in [-max, max]
  double max_degrees = 15;  // rotation
  double min_scale = 0.85, max_scale = 1.15;
  double max_shear = 0.2;  // slant: x += shear * (y - centre)
  double min_thickness = -0.6, max_thickness = 1.0;
};

// Draws a distortion uniformly from the ranges (always 6 draws from rng).
Distortion random_distortion(Rng& rng, const AugmentRanges& ranges);

// Applies a distortion to a 28x28 image; out and in must not overlap.
// The identity distortion returns the image unchanged (bit for bit).
void distort_digit(float* out,       // [28*28]
                   const float* in,  // [28*28] in [0,1]
                   const Distortion& d);

// Elastic distortion (Simard, Steinkraus & Platt 2003): every pixel moves by
// its own displacement, a field of uniform(-1, 1) noise per axis smoothed by a
// Gaussian of std `sigma` pixels and scaled by `alpha`; sampled bilinearly,
// 0 outside. alpha 34, sigma 4 move pixels by about 1.4 px rms, smoothly, as
// a hand's wobble does. Always 2*28*28 draws from rng. out and in must not
// overlap; alpha 0 returns the image unchanged.
void elastic_distort(float* out,       // [28*28]
                     const float* in,  // [28*28]
                     Rng& rng, double alpha = 34, double sigma = 4);

// random_distortion + distort_digit.
void augment_digit(float* out,       // [28*28]
                   const float* in,  // [28*28]
                   Rng& rng, const AugmentRanges& ranges = AugmentRanges{});

}  // namespace wl
