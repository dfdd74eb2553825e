// The picture painters: 28x28 images on canvases, one pixel per value.
// Digits as the book's data has them (ink on paper), the image a network sees
// (ink bright on black), and signed values (weights, pixel x weight) through
// the one diverging map of colors.js, with a colour bar to read them by.
import { diverging, tokens } from './colors.js';

export const SIDE = 28;
export const PIXELS = SIDE * SIDE;

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

// Fills a 28x28 canvas: colour(i) gives pixel i's [r, g, b].
function paint(canvas, colour) {
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(SIDE, SIDE);
  for (let i = 0; i < PIXELS; i++) {
    const [r, g, b] = colour(i);
    image.data[4 * i] = r;
    image.data[4 * i + 1] = g;
    image.data[4 * i + 2] = b;
    image.data[4 * i + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
}

// pixels: 784 bytes 0..255 starting at `offset` (0 = paper, 255 = ink), drawn dark on paper.
export function paintDigit(canvas, pixels, offset = 0) {
  paint(canvas, (i) => {
    const v = 255 - Math.round(pixels[offset + i] * 0.9);
    return [v, v, Math.min(255, v + 4)];
  });
}

// The image a network sees, as it sees it: 784 values 0..1, ink bright (1 =
// white), paper 0 (black); null paints it all black.
export function paintImage(canvas, image) {
  paint(canvas, (i) => {
    const v = Math.round((image ? image[i] : 0) * 255);
    return [v, v, v];
  });
}

// 784 signed values starting at `offset`, coloured against ±scale (the value
// drawn at full colour, shared by pictures compared side by side); null, or a
// scale that is not positive, paints white.
export function paintSigned(canvas, values, scale, { offset = 0, gamma = 1 } = {}) {
  const t = tokens();
  paint(canvas, (i) => diverging(values ? values[offset + i] : 0, scale, { gamma, t }).map(Math.round));
}

// The largest finite |v| of values[from..to), or 0.
export function maxAbs(values, from = 0, to = values.length) {
  let m = 0;
  for (let i = from; i < to; i++) if (Number.isFinite(values[i])) m = Math.max(m, Math.abs(values[i]));
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
  const ctx = bar.getContext('2d');
  const image = ctx.createImageData(200, 1);
  const t = tokens();
  for (let x = 0; x < 200; x++) image.data.set([...diverging((x - 99.5) / 99.5, 1, { t }).map(Math.round), 255], 4 * x);
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
