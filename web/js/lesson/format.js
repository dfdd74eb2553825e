// Number formatting for the lesson pages: enough significant digits that the
// book's printed figures are visible (0.86, 0.0196, -0.091, 0.1119, -0.0983),
// and never "NaN" or "Infinity" on screen.

// Four significant digits, trailing zeros dropped: 0.8600000000000001 -> "0.86",
// -1.1900000000000002 -> "-1.19", 0.01959999 -> "0.0196", -0.09832 -> "-0.09832".
export function fmt(v, digits = 4) {
  if (typeof v !== 'number' || Number.isNaN(v)) return '–';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '-∞';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs >= 1e5 || abs < 1e-5) {
    const [m, e] = v.toExponential(digits - 1).split('e');
    return `${trim(m)}e${e.replace('+', '')}`;
  }
  return trim(v.toPrecision(digits));
}

function trim(s) {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

// A list of numbers for a URL value or an input field: shortest exact text.
export function listText(values) {
  return Array.from(values, (v) => String(v)).join(',');
}
