// The page's one number format, the book's way: four significant digits,
// trailing zeros dropped, so a figure prints as the book prints it (0.86,
// 0.0196, -0.091, 0.1119, -1.19) in the numbers table, the arithmetic, the
// charts and the weight matrix alike; never "NaN" or "Infinity" on screen.

// 0.8600000000000001 -> "0.86", -1.1900000000000002 -> "-1.19",
// 0.01959999 -> "0.0196", -0.09832 -> "-0.09832", 1.5e-7 -> "1.5e-7".
export function fmt(v, digits = 4) {
  if (typeof v !== 'number' || Number.isNaN(v)) return '–';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '-∞';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs >= 10 ** digits || abs < 1e-5) {  // toPrecision itself goes exponential from 10^digits
    const [m, e] = v.toExponential(digits - 1).split('e');
    return `${trim(m)}e${e.replace('+', '')}`;
  }
  return trim(v.toPrecision(digits));
}

// Below TINY a number is smaller than the page prints sensibly (fmt would
// switch to an exponent): the tables print it as 0, with the exact value on
// hover (title) and on focus (tabindex; the CSS writes it out beside the 0).
export const TINY = 1e-5;
export function fmtHtml(v, digits = 4) {
  if (typeof v === 'number' && v !== 0 && Math.abs(v) < TINY) {
    return `<data class="tiny" value="${v}" title="exactly ${v}" tabindex="0">0</data>`;
  }
  return fmt(v, digits);
}

function trim(s) {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

// A list of numbers for a URL value or an input field: shortest exact text.
export function listText(values) {
  return Array.from(values, (v) => String(v)).join(',');
}

// Axis tick labels: as many decimals as the tick step needs (0.2, 0.2005,
// 0.201…), exponents for very large or very small numbers. `step` may be a
// number or, as Chart.js passes it, the array of ticks.
export function tick(v, _index, step) {
  if (!Number.isFinite(v)) return '';
  let d = 0;
  if (Array.isArray(step)) d = step.length > 1 ? Math.abs(step[1].value - step[0].value) : 0;
  else if (typeof step === 'number') d = Math.abs(step);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || (!(d > 0) && a < 1e-3) || (d > 0 && d < 1e-6)) {
    const digits = d > 0 ? clamp(Math.ceil(Math.log10(a / d)) + 1, 1, 6) : 2;
    return v.toExponential(digits - 1).replace('e+', 'e').replace(/\.?0+e/, 'e');
  }
  if (!(d > 0)) return String(Number(v.toPrecision(3)));
  const decimals = clamp(Math.ceil(-Math.log10(d) - 1e-9) + (Number((d / 10 ** Math.floor(Math.log10(d))).toFixed(6)) % 1 ? 1 : 0), 0, 8);
  return v.toFixed(decimals);
}

// "Nice" tick positions covering [lo, hi] with about `count` steps.
export function niceTicks(lo, hi, count = 5) {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  const raw = (hi - lo) / count;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) || raw;
  const out = [];
  for (let n = Math.ceil(lo / step - 1e-9); n * step <= hi + step * 1e-9; n += 1) {
    const v = n * step;
    out.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
    if (out.length > 50) break;
  }
  return out;
}

// Scores and probabilities (the MNIST and drawing views): fixed decimals.
export const fixed2 = (v) => (Math.abs(v) < 0.005 ? 0 : v).toFixed(2);
export const percent = (x, decimals = 1) => `${(100 * x).toFixed(decimals)}%`;
// A probability as a whole per cent at the ends (0%, 100%), one decimal between.
export const probability = (p) => `${(p * 100).toFixed(p >= 0.995 || p < 0.005 ? 0 : 1)}%`.replace('100.0', '100');

export const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
