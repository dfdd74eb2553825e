// The page's colours, in one place: the design tokens (CSS custom properties
// of web/css/style.css, read so that every chart matches the page), the one
// diverging map for signed values (weights, products, contributions: --neg,
// white, --pos) and a sequential map for errors (the surface).

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

// The design tokens the scripts use, with the value each has in style.css
// (used only if the stylesheet did not load).
const TOKEN_FALLBACKS = {
  pos: '#2166ac', neg: '#c2410c', predict: '#2f6fdb', compare: '#b7791f', learn: '#2f855a',
  ink: '#1d232b', muted: '#5d6673', line: '#e3e0d8', panel: '#ffffff', bg: '#fbfaf7', danger: '#b42318',
};

// Every token as a CSS string (`t.pos`) and as an rgb triple (`t.posRgb`).
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

// How much larger charts draw their type and lines: the --chart-scale token
// (1, or 1.5 in projector mode: web/css/projector.css).
export function chartScale(el = document.documentElement) {
  const v = parseFloat(getComputedStyle(el).getPropertyValue('--chart-scale'));
  return Number.isFinite(v) && v > 0 ? v : 1;
}

export const rgb = ([r, g, b]) => `rgb(${Math.round(r)} ${Math.round(g)} ${Math.round(b)})`;
export const rgba = ([r, g, b], a) => `rgb(${Math.round(r)} ${Math.round(g)} ${Math.round(b)} / ${a})`;
export const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);

const WHITE = [255, 255, 255];

// The diverging map: a signed value against ±scale → [r, g, b]; -scale is
// --neg, 0 is white, +scale is --pos. `gamma` < 1 lifts small values (0.5 keeps
// faint contributions visible beside a few large ones). Non-finite values and
// a scale that is not positive give white (the caller says why in text).
export function diverging(value, scale, { gamma = 1, t = tokens() } = {}) {
  if (!Number.isFinite(value) || !(scale > 0) || !Number.isFinite(scale)) return [...WHITE];
  const a = Math.min(1, Math.abs(value) / scale);
  return mix(WHITE, value < 0 ? t.negRgb : t.posRgb, gamma === 1 ? a : Math.pow(a, gamma));
}

// The same map sampled at 256 steps from -1 to +1, for painting pictures a
// pixel at a time: entry k (3 bytes) is the colour of k / 127.5 - 1.
const luts = new Map();
export function divergingLut(gamma = 1) {
  const t = tokens();
  const key = `${gamma} ${t.neg} ${t.pos}`;
  if (!luts.has(key)) {
    const lut = new Uint8Array(256 * 3);
    for (let k = 0; k < 256; k++) lut.set(diverging(k / 127.5 - 1, 1, { gamma, t }).map(Math.round), 3 * k);
    luts.set(key, lut);
  }
  return luts.get(key);
}

// Ink that stays readable on a background colour: the page's --ink on light
// colours, white on dark ones.
export function inkOn([r, g, b], ink = tokens().ink) {
  const lum = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  return lum > 0.55 ? ink : '#ffffff';
}

// A perceptual sequential ramp (viridis, sampled), t in [0,1]: low = dark blue-violet, high = yellow.
const VIRIDIS = [[68, 1, 84], [72, 40, 120], [62, 74, 137], [49, 104, 142], [38, 130, 142],
  [31, 158, 137], [53, 183, 121], [109, 205, 89], [180, 222, 44], [253, 231, 37]];
export function sequential(t) {
  if (!Number.isFinite(t)) return [200, 200, 200];
  const x = Math.min(1, Math.max(0, t)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  return mix(VIRIDIS[i], VIRIDIS[i + 1], x - i);
}
