// Drawing 28x28 pictures on canvases: digits (ink on paper) and signed values
// (weights, products) through a diverging colour map: --neg, white, --pos.
const SIDE = 28;

function cssColor(name, fallback) {
  const text = getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
  const m = /^#([0-9a-f]{6})$/i.exec(text);
  return m ? [0, 2, 4].map((i) => parseInt(m[1].slice(i, i + 2), 16)) : parseColorFallback(fallback);
}

function parseColorFallback(hex) {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

// The colours, and the map sampled at 256 steps from -1 to +1 (drawing looks colours up).
export function palette() {
  const colors = { pos: cssColor('--pos', '#2166ac'), neg: cssColor('--neg', '#c2410c'), zero: [250, 250, 248] };
  colors.lut = new Uint8Array(256 * 3);
  for (let k = 0; k < 256; k++) colors.lut.set(diverging(k / 127.5 - 1, colors), 3 * k);
  return colors;
}

// value in [-1, 1] -> [r, g, b]
export function diverging(t, { pos, neg, zero }) {
  const c = t >= 0 ? pos : neg;
  const a = Math.min(1, Math.abs(t));
  return [0, 1, 2].map((k) => Math.round(zero[k] + (c[k] - zero[k]) * a));
}

export function makeCanvas(className, label) {
  const canvas = document.createElement('canvas');
  canvas.width = SIDE;
  canvas.height = SIDE;
  canvas.className = className;
  if (label) {
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', label);
  }
  return canvas;
}

function put(canvas, fill) {
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(SIDE, SIDE);
  fill(image.data);
  ctx.putImageData(image, 0, 0);
}

// pixels: 784 values 0..255 starting at `offset` (0 = paper, 255 = ink).
export function drawDigit(canvas, pixels, offset = 0) {
  put(canvas, (rgba) => {
    for (let i = 0; i < SIDE * SIDE; i++) {
      const v = 255 - Math.round(pixels[offset + i] * 0.9);
      rgba[4 * i] = v;
      rgba[4 * i + 1] = v;
      rgba[4 * i + 2] = Math.min(255, v + 4);
      rgba[4 * i + 3] = 255;
    }
  });
}

// values: 784 signed numbers starting at `offset`, coloured against +-scale.
export function drawSigned(canvas, values, scale, colors, offset = 0) {
  const s = scale > 0 ? scale : 1;
  const { lut } = colors;
  put(canvas, (rgba) => {
    for (let i = 0; i < SIDE * SIDE; i++) {
      const t = Math.max(-1, Math.min(1, values[offset + i] / s));
      const k = 3 * Math.round((t + 1) * 127.5);
      rgba[4 * i] = lut[k];
      rgba[4 * i + 1] = lut[k + 1];
      rgba[4 * i + 2] = lut[k + 2];
      rgba[4 * i + 3] = 255;
    }
  });
}

// The largest |v| of values[from..to), or 0.
export function maxAbs(values, from = 0, to = values.length) {
  let m = 0;
  for (let i = from; i < to; i++) m = Math.max(m, Math.abs(values[i]));
  return m;
}

// A horizontal colour bar for the diverging map, with its scale under it.
export function makeLegend(caption) {
  const box = document.createElement('figure');
  box.className = 'cmap-legend';
  const bar = document.createElement('canvas');
  bar.width = 200;
  bar.height = 1;
  bar.className = 'cmap-bar';
  bar.setAttribute('aria-hidden', 'true');
  const colors = palette();
  const ctx = bar.getContext('2d');
  const image = ctx.createImageData(200, 1);
  for (let x = 0; x < 200; x++) {
    const [r, g, b] = diverging((x - 99.5) / 99.5, colors);
    image.data.set([r, g, b, 255], 4 * x);
  }
  ctx.putImageData(image, 0, 0);
  const ticks = document.createElement('div');
  ticks.className = 'cmap-ticks';
  ticks.innerHTML = '<span class="lo"></span><span>0</span><span class="hi"></span>';
  const text = document.createElement('figcaption');
  text.textContent = caption;
  box.append(bar, ticks, text);
  return {
    element: box,
    setScale(scale, digits = 3) {
      ticks.querySelector('.lo').textContent = `−${scale.toFixed(digits)}`;
      ticks.querySelector('.hi').textContent = `+${scale.toFixed(digits)}`;
    },
  };
}
