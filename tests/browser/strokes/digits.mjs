// Hand-made pen paths for the digits 0-9, three styles each, for the drawing
// accuracy test. A path is a list of strokes; a stroke is a list of [x, y]
// points in a frame where the digit is 1 tall and about 0.6 wide (x 0..0.6,
// y 0..1, y down, as on a canvas). Built from arcs, lines and quadratic
// curves the way a hand draws them: arcs start where a pen starts and run
// the way a pen runs (angles in degrees, 0 = right, 90 = down).

function arc(cx, cy, rx, ry, from, to, step = 6) {
  const n = Math.max(2, Math.ceil(Math.abs(to - from) / step));
  return Array.from({ length: n + 1 }, (_, i) => {
    const a = ((from + ((to - from) * i) / n) * Math.PI) / 180;
    return [cx + rx * Math.cos(a), cy + ry * Math.sin(a)];
  });
}

function line(x0, y0, x1, y1, n = 12) {
  return Array.from({ length: n + 1 }, (_, i) => [x0 + ((x1 - x0) * i) / n, y0 + ((y1 - y0) * i) / n]);
}

function quad(x0, y0, cx, cy, x1, y1, n = 16) {
  return Array.from({ length: n + 1 }, (_, i) => {
    const t = i / n;
    const u = 1 - t;
    return [u * u * x0 + 2 * u * t * cx + t * t * x1, u * u * y0 + 2 * u * t * cy + t * t * y1];
  });
}

// Joins pieces into one stroke (dropping a repeated joint point).
function join(...pieces) {
  const out = [];
  for (const p of pieces) {
    for (const q of p) {
      const last = out[out.length - 1];
      if (!last || Math.hypot(last[0] - q[0], last[1] - q[1]) > 1e-9) out.push(q);
    }
  }
  return out;
}

// Slant: x moves right as y goes up (italic), by `k` per unit of height.
export function shear(strokes, k) {
  return strokes.map((s) => s.map(([x, y]) => [x + (0.5 - y) * k, y]));
}

const end = (s) => s[s.length - 1];

export const DIGITS = [
  // ---- 0
  { digit: 0, style: 'oval, counter-clockwise from the top', strokes: [arc(0.3, 0.5, 0.27, 0.48, -90, -450)] },
  { digit: 0, style: 'slanted, overlapping at the top', strokes: shear([arc(0.3, 0.5, 0.25, 0.48, -80, -460)], 0.18) },
  { digit: 0, style: 'narrow, clockwise', strokes: [arc(0.3, 0.5, 0.2, 0.48, -100, 262)] },
  // ---- 1
  { digit: 1, style: 'plain stroke', strokes: [line(0.32, 0, 0.3, 1)] },
  { digit: 1, style: 'with a flag', strokes: [join(line(0.1, 0.22, 0.34, 0), line(0.34, 0, 0.34, 1))] },
  { digit: 1, style: 'flag and foot', strokes: [join(line(0.12, 0.2, 0.32, 0), line(0.32, 0, 0.32, 1)), line(0.1, 1, 0.54, 1)] },
  // ---- 2
  (() => {
    const top = arc(0.3, 0.27, 0.27, 0.26, 200, 400);
    const [x, y] = end(top);
    return { digit: 2, style: 'round top, straight neck, flat base', strokes: [join(top, line(x, y, 0.02, 1), line(0.02, 1, 0.6, 1))] };
  })(),
  (() => {
    const top = arc(0.3, 0.27, 0.27, 0.26, 195, 395);
    const [x, y] = end(top);
    return { digit: 2, style: 'curvy neck', strokes: [join(top, quad(x, y, 0.28, 0.72, 0.02, 0.98), quad(0.02, 0.98, 0.3, 0.92, 0.6, 0.99))] };
  })(),
  (() => {
    const top = arc(0.3, 0.24, 0.25, 0.22, 185, 375);
    const [x, y] = end(top);
    return { digit: 2, style: 'small top, long diagonal', strokes: [join(top, line(x, y, 0.04, 1), line(0.04, 1, 0.62, 0.98))] };
  })(),
  // ---- 3
  { digit: 3, style: 'two bumps in one stroke', strokes: [join(arc(0.28, 0.25, 0.26, 0.24, 210, 450), arc(0.28, 0.74, 0.3, 0.26, -90, 150))] },
  { digit: 3, style: 'flat top', strokes: [join(line(0.04, 0, 0.56, 0), line(0.56, 0, 0.23, 0.39), arc(0.28, 0.68, 0.3, 0.3, -100, 150))] },
  { digit: 3, style: 'two bumps, two strokes', strokes: [arc(0.3, 0.25, 0.26, 0.24, 200, 450), arc(0.3, 0.74, 0.29, 0.26, -110, 160)] },
  // ---- 4
  { digit: 4, style: 'open top', strokes: [join(line(0.08, 0, 0.03, 0.62), line(0.03, 0.62, 0.6, 0.62)), line(0.46, 0.05, 0.46, 1)] },
  { digit: 4, style: 'closed top', strokes: [join(line(0.42, 0, 0.0, 0.66), line(0.0, 0.66, 0.6, 0.66)), line(0.42, 0, 0.42, 1)] },
  { digit: 4, style: 'closed, stem crossing the bar', strokes: [join(line(0.4, 0.02, 0.02, 0.62), line(0.02, 0.62, 0.6, 0.6)), line(0.44, 0.22, 0.43, 1)] },
  // ---- 5
  { digit: 5, style: 'stem and belly, then the bar', strokes: [join(line(0.1, 0, 0.08, 0.44), arc(0.28, 0.68, 0.28, 0.3, -125, 150)), line(0.1, 0, 0.56, 0)] },
  { digit: 5, style: 'one stroke from the right', strokes: [join(line(0.56, 0, 0.1, 0), line(0.1, 0, 0.08, 0.44), arc(0.28, 0.68, 0.28, 0.3, -125, 150))] },
  { digit: 5, style: 'bar first, round belly', strokes: [line(0.12, 0.02, 0.58, 0), join(line(0.12, 0.02, 0.08, 0.44), arc(0.3, 0.7, 0.3, 0.28, -120, 140))] },
  // ---- 6
  { digit: 6, style: 'curved back, loop', strokes: [join(quad(0.5, 0, 0.0, 0.2, 0.04, 0.72), arc(0.3, 0.72, 0.26, 0.26, 180, -160))] },
  { digit: 6, style: 'straight back', strokes: [join(line(0.46, 0, 0.065, 0.645), arc(0.3, 0.73, 0.25, 0.25, 200, -150))] },
  { digit: 6, style: 'big loop', strokes: [join(quad(0.55, 0.02, 0.05, 0.1, 0.01, 0.68), arc(0.3, 0.68, 0.29, 0.3, 180, -165))] },
  // ---- 7
  { digit: 7, style: 'plain', strokes: [join(line(0, 0, 0.6, 0), line(0.6, 0, 0.2, 1))] },
  { digit: 7, style: 'crossed', strokes: [join(line(0, 0, 0.6, 0), line(0.6, 0, 0.2, 1)), line(0.16, 0.52, 0.56, 0.52)] },
  { digit: 7, style: 'tick and curved stem', strokes: [join(line(0.02, 0.1, 0.02, 0), line(0.02, 0, 0.6, 0), quad(0.6, 0, 0.32, 0.42, 0.28, 1))] },
  // ---- 8
  { digit: 8, style: 'one stroke', strokes: [join(arc(0.3, 0.25, 0.22, 0.24, -20, -250), arc(0.3, 0.72, 0.27, 0.27, -60, 240), line(0.165, 0.486, 0.507, 0.168))] },
  { digit: 8, style: 'two stacked circles', strokes: [arc(0.3, 0.24, 0.2, 0.23, -90, 270), arc(0.3, 0.72, 0.26, 0.26, -90, 270)] },
  { digit: 8, style: 'one stroke, slanted', strokes: shear([join(arc(0.3, 0.25, 0.2, 0.24, -20, -250), arc(0.3, 0.72, 0.26, 0.27, -60, 240), line(0.17, 0.486, 0.49, 0.168))], 0.2) },
  // ---- 9
  { digit: 9, style: 'loop and straight stem', strokes: [join(arc(0.3, 0.26, 0.26, 0.25, 0, -360), line(0.56, 0.26, 0.54, 1))] },
  { digit: 9, style: 'loop and curved stem', strokes: [join(arc(0.3, 0.26, 0.26, 0.25, 0, -360), quad(0.56, 0.26, 0.56, 0.85, 0.3, 1))] },
  { digit: 9, style: 'loop, slanted stem', strokes: [join(arc(0.3, 0.25, 0.25, 0.24, -20, -375), line(0.54, 0.31, 0.42, 1))] },
];

// Where and how each style is drawn: size (height as a fraction of the pad),
// centre (fractions of the pad), pen width (pad units of 280), slant, and the
// pointer (mouse or touch).
export const VARIANTS = [
  { size: 0.75, cx: 0.5, cy: 0.5, pen: 18, slant: 0, pointer: 'mouse' },
  { size: 0.5, cx: 0.36, cy: 0.38, pen: 12, slant: 0.12, pointer: 'mouse' },
  { size: 0.85, cx: 0.55, cy: 0.52, pen: 26, slant: -0.06, pointer: 'mouse' },
  { size: 0.6, cx: 0.6, cy: 0.6, pen: 15, slant: 0.05, pointer: 'touch' },
];

// The stroke in pad fractions (0..1) for a style under a variant.
export function place(strokes, { size, cx, cy, slant }) {
  return shear(strokes, slant).map((s) =>
    s.map(([x, y]) => [cx + (x - 0.3) * size, cy + (y - 0.5) * size]));
}

// Points no further apart than `gap` (in the same units), so a pointer moved
// through them draws what the path says.
export function densify(stroke, gap) {
  const out = [stroke[0]];
  for (let i = 1; i < stroke.length; i++) {
    const [x0, y0] = stroke[i - 1];
    const [x1, y1] = stroke[i];
    const n = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / gap));
    for (let k = 1; k <= n; k++) out.push([x0 + ((x1 - x0) * k) / n, y0 + ((y1 - y0) * k) / n]);
  }
  return out;
}
