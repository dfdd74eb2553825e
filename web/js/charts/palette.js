// Shared colour helpers for the chart components: the page's colour tokens
// (read from CSS so the charts match the page), a diverging map for signed
// values (weights: --neg, white, --pos), a sequential map for errors (the
// surface). Numbers are written by the page's one format, common/format.js.
import { clamp } from '../common/format.js';

export { fmt, tick, niceTicks, clamp } from '../common/format.js';
export { letter, weightName, normaliseNames } from '../common/names.js';
export { escapeHtml, prefersReducedMotion } from '../common/dom.js';

// "#rgb", "#rrggbb", "rgb(r g b)" or "rgb(r, g, b)" → [r, g, b]; anything else
// goes through a canvas, which normalises every CSS colour it understands.
export function parseColor(text, fallback = [0, 0, 0]) {
  const s = String(text || '').trim();
  let m = /^#([0-9a-f]{3})$/i.exec(s);
  if (m) return [...m[1]].map((c) => parseInt(c + c, 16));
  m = /^#([0-9a-f]{6})$/i.exec(s);
  if (m) return [0, 2, 4].map((i) => parseInt(m[1].slice(i, i + 2), 16));
  m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(s);
  if (m) return [m[1], m[2], m[3]].map(Number);
  if (s && typeof document !== 'undefined') {
    const ctx = document.createElement('canvas').getContext('2d');
    ctx.fillStyle = '#010203';
    ctx.fillStyle = s;
    if (ctx.fillStyle !== '#010203') return parseColor(ctx.fillStyle, fallback);
  }
  return fallback;
}

// The page's design tokens (web/css/style.css), as CSS strings and as rgb triples.
const TOKEN_FALLBACKS = {
  pos: '#2166ac', neg: '#c2410c', predict: '#2f6fdb', compare: '#b7791f', learn: '#2f855a',
  ink: '#1d232b', muted: '#5d6673', line: '#e3e0d8', panel: '#ffffff', bg: '#fbfaf7', danger: '#b42318',
};

export function cssVar(name, el = document.documentElement) {
  return getComputedStyle(el).getPropertyValue(name.startsWith('--') ? name : `--${name}`).trim();
}

export function tokens(el = document.documentElement) {
  const style = getComputedStyle(el);
  const out = {};
  for (const [name, fallback] of Object.entries(TOKEN_FALLBACKS)) {
    const text = style.getPropertyValue(`--${name}`).trim() || fallback;
    out[name] = text;
    out[`${name}Rgb`] = parseColor(text, parseColor(fallback));
  }
  return out;
}

export const rgb = ([r, g, b]) => `rgb(${Math.round(r)} ${Math.round(g)} ${Math.round(b)})`;
export const rgba = ([r, g, b], a) => `rgb(${Math.round(r)} ${Math.round(g)} ${Math.round(b)} / ${a})`;
export const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);

// Signed value → [r,g,b]: -maxAbs is `neg`, 0 is white, +maxAbs is `pos`.
// Non-finite values and maxAbs <= 0 give white (the caller says why in text).
export function diverging(value, maxAbs, { neg, pos }) {
  if (!Number.isFinite(value) || !(maxAbs > 0) || !Number.isFinite(maxAbs)) return [255, 255, 255];
  const t = clamp(Math.abs(value) / maxAbs, 0, 1);
  return mix([255, 255, 255], value < 0 ? neg : pos, Math.pow(t, 0.8));
}

// Ink that stays readable on a background colour.
export function inkOn([r, g, b]) {
  const lum = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  return lum > 0.55 ? '#1d232b' : '#ffffff';
}

// A perceptual sequential ramp (viridis, sampled), t in [0,1]: low = dark blue-violet, high = yellow.
const VIRIDIS = [[68, 1, 84], [72, 40, 120], [62, 74, 137], [49, 104, 142], [38, 130, 142],
  [31, 158, 137], [53, 183, 121], [109, 205, 89], [180, 222, 44], [253, 231, 37]];
export function sequential(t) {
  if (!Number.isFinite(t)) return [200, 200, 200];
  const x = clamp(t, 0, 1) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  return mix(VIRIDIS[i], VIRIDIS[i + 1], x - i);
}
