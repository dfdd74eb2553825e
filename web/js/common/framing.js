// What the error charts frame: where a weight's error bowl bottoms out, and
// the axis ranges the curves and the surface draw over, in one place.
// The bowl's minimum is the engine's answer (engine.errorBowl).

// Weights beyond this are "off the chart": their squares overflow, and a bowl
// drawn over ±1e150 says nothing.
export const X_LIMIT = 1e100;

// The [lo, hi] of finite, on-chart values, or null.
export function extent(values) {
  let lo = Infinity; let hi = -Infinity;
  for (const v of values) {
    if (Number.isFinite(v) && Math.abs(v) <= X_LIMIT) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  }
  return lo <= hi ? [lo, hi] : null;
}

// Where the bowl of weight w bottoms out at each iteration of the problem's
// run (the other weights held at their values before that step): the
// engine's answer, one call per weight, Float64Array[steps].
export function bowlMinima(engine, problem, w) {
  return engine.errorBowl(problem, w).minima;
}

// The whole run's frame if that keeps the current step readable (at most 25
// times the size of the frame of the steps so far), else the steps so far: a
// diverging run grows geometrically and would squash the current step.
export function chooseFrame(all, now, size) {
  return all && now && size(all) <= 25 * Math.max(size(now), 1e-12) ? all : (now || all);
}

function niceStep(raw) {
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  return [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw * 0.999) || raw;
}

// Widens [lo, hi] outward to multiples of a round step, so the axis ends on ticks.
export function niceBounds(lo, hi) {
  const step = niceStep((hi - lo) / 4);
  const a = Math.floor(lo / step) * step;
  const b = Math.ceil(hi / step) * step;
  return Number.isFinite(a) && Number.isFinite(b) && b > a ? [a, b] : [lo, hi];
}

// One axis over [lo, hi]: a margin of `margin` times its width each side,
// never empty (a single value gets at least ±minHalf, ±half its size, ±0.1),
// ending on round numbers.
export function axisRange([lo, hi], { margin, minHalf = 0 }) {
  const width = hi - lo;
  const centre = (lo + hi) / 2;
  if (!(width > 1e-9 * Math.max(1, Math.abs(centre)))) {
    const half = Math.max(minHalf, Math.abs(centre) * 0.5, 0.1);
    return niceBounds(centre - half, centre + half);
  }
  return niceBounds(lo - width * margin, hi + width * margin);
}
