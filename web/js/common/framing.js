// What the error charts frame: where a weight's error bowl bottoms out, and
// the axis ranges the curves and the surface draw over, in one place.
//
// TODO(merge): engine.errorBowl. The bowl's minimum (and the framing rule)
// belong to the engine; bowlMinimum asks engine.errorBowl when the module has
// it and keeps the JS fallback below only until that lands.

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

// Where the bowl of weight w bottoms out at iteration j, the other weights
// held at their values before that step.
// Asked once per trace, step and weight (a drag redraws often), of a run
// of no iterations at those weights: the bowl alone, not a run per call.
const minima = new WeakMap();   // trace -> Map(j * nW + w -> minimum)
export function bowlMinimum(engine, problem, trace, j, w) {
  const nW = trace.nIn * trace.nOut;
  const v = trace.weightsBefore[j * nW + w];
  if (typeof engine?.errorBowl === 'function') {
    let seen = minima.get(trace);
    if (!seen) minima.set(trace, (seen = new Map()));
    const key = j * nW + w;
    if (seen.has(key)) return seen.get(key);
    let m;
    try {
      const weights = trace.weightsBefore.slice(j * nW, (j + 1) * nW);
      m = engine.errorBowl({ ...problem, weights, iterations: 0 }, w).minimum;
    } catch {
      m = v;
    }
    seen.set(key, Number.isFinite(m) ? m : v);
    return seen.get(key);
  }
  // TODO(merge): engine.errorBowl. The error is a parabola in w whose
  // derivative is 2*delta*input, so its minimum sits delta/input to the left.
  const x = problem.input[w % trace.nIn];
  const d = trace.delta[j * trace.nOut + Math.floor(w / trace.nIn)];
  return x ? v - d / x : v;
}

// The steps 0..last whose bowls a frame takes in: all of them when there are
// few, else `most` spread evenly (first and last included), so framing a
// 1,000-step run costs as much as framing a 64-step one.
export function frameSteps(last, most = 64) {
  if (last < most) return Array.from({ length: Math.max(last + 1, 0) }, (_, j) => j);
  return Array.from({ length: most }, (_, i) => Math.round((i * last) / (most - 1)));
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
