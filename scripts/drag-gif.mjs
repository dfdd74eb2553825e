// Makes docs/drag.gif, the README's short film of a drag: on "Steps"
// (headless Chromium, 1280x800, shrunk to 640 px wide), weight a's dot is
// dragged along its error curve and back while the diagram, the numbers, the
// learning curve and the other curves follow. A ring on the dot stands for
// the pointer (headless screenshots have none). Frames are headless screenshots, encoded
// with gifenc on one palette; a pixel that did not change since the last
// frame is left transparent, which keeps the file small. Not run by the
// tests; run scripts/build first.
//
//   node scripts/drag-gif.mjs [out.gif]
/* global document, window */
import { writeFile } from 'node:fs/promises';
import pngjs from 'pngjs';
import gifenc from 'gifenc';
import { startBrowser, makeCharts } from '../tests/browser/harness.mjs';

const { PNG } = pngjs;
const { GIFEncoder, quantize, applyPalette } = gifenc;   // CommonJS packages

const OUT = process.argv[2] ?? new URL('../docs/drag.gif', import.meta.url).pathname;
const VIEW = { width: 1280, height: 800 };
const FRAMES = 56;       // frames of the drag
const STILL = 8;         // frames before and after it
const DELAY = 80;        // ms per frame: (56 + 16) x 80 ms = 5.8 s

// A 1280x800 RGBA screenshot shrunk to 640x400 (each pixel the mean of four).
function half(png) {
  const w = png.width >> 1, h = png.height >> 1;
  const out = new Uint8ClampedArray(w * h * 4);
  const src = png.data;
  for (let y = 0; y < h; y += 1) {
    for (let x = 0; x < w; x += 1) {
      const a = ((2 * y) * png.width + 2 * x) * 4, b = a + png.width * 4;
      for (let c = 0; c < 4; c += 1) out[(y * w + x) * 4 + c] = (src[a + c] + src[a + 4 + c] + src[b + c] + src[b + 4 + c] + 2) >> 2;
    }
  }
  return { width: w, height: h, data: out };
}

const browser = await startBrowser();
const frames = [];
try {
  const page = await browser.open('/?s=steps', VIEW);
  await page.waitForSelector('.lesson svg.diagram');
  await makeCharts(page);
  await page.waitForTimeout(500);
  // Weight a's dot, with the curves in the middle of the screen.
  const dot = await page.evaluate(() => {
    document.querySelector('.wl-curves').scrollIntoView({ block: 'center' });
    const canvas = document.querySelector('.wl-curve canvas.wl-draggable');
    const chart = window.Chart.getChart(canvas);
    const r = canvas.getBoundingClientRect();
    const d = chart.getDatasetMeta(2).data[0];
    const { left, right } = chart.chartArea;
    // The pointer: a ring, drawn by the page (its style set from script, as the page's policy wants).
    const ring = document.createElement('div');
    Object.assign(ring.style, { position: 'fixed', width: '26px', height: '26px', margin: '-13px 0 0 -13px', borderRadius: '50%',
      border: '3px solid rgb(29 35 43 / 0.85)', background: 'rgb(255 255 255 / 0.35)', pointerEvents: 'none', zIndex: '99' });
    ring.id = 'gif-pointer';
    document.body.append(ring);
    return { x: r.left + d.x, y: r.top + d.y, span: right - left };
  });
  // The ring sits on the dot (which follows the pointer's x along its curve).
  const shoot = async () => {
    await page.evaluate(() => {
      const canvas = document.querySelector('.wl-curve canvas.wl-draggable');
      const chart = window.Chart.getChart(canvas);
      const d = chart.data.datasets[2].data[0];   // the dot, where the chart draws it
      const r = canvas.getBoundingClientRect();
      Object.assign(document.getElementById('gif-pointer').style,
        { left: `${r.left + chart.scales.x.getPixelForValue(d.x)}px`, top: `${r.top + chart.scales.y.getPixelForValue(d.y)}px` });
    });
    frames.push(half(PNG.sync.read(await page.screenshot())));
  };
  for (let n = 0; n < STILL; n += 1) await shoot();
  await page.mouse.move(dot.x, dot.y);
  await page.mouse.down();
  // Right by 45% of the plot, left past the start, and back: one smooth swing.
  for (let n = 1; n <= FRAMES; n += 1) {
    const f = n / FRAMES;
    const x = dot.x + dot.span * (f < 0.35 ? 0.45 * Math.sin((f / 0.35) * Math.PI / 2)
      : f < 0.8 ? 0.45 - 0.75 * (1 - Math.cos(((f - 0.35) / 0.45) * Math.PI)) / 2
        : -0.3 * Math.cos(((f - 0.8) / 0.2) * Math.PI / 2));
    await page.mouse.move(x, dot.y);
    await page.waitForTimeout(30);
    await shoot();
  }
  await page.mouse.up();
  await page.waitForTimeout(200);
  for (let n = 0; n < STILL; n += 1) await shoot();
  if (page.problems.length) throw new Error(`the page reported: ${page.problems.join('; ')}`);
} finally {
  await browser.close();
}

// One palette for the film (from the first, middle and last frames), with
// index 255 kept for "unchanged since the last frame".
const { width, height } = frames[0];
const sample = new Uint8ClampedArray(width * height * 4 * 3);
[0, frames.length >> 1, frames.length - 1].forEach((k, i) => sample.set(frames[k].data, i * width * height * 4));
const palette = quantize(sample, 255);
const CLEAR = palette.length;
palette.push([255, 0, 255]);
const gif = GIFEncoder();
let last = null;
for (const [k, frame] of frames.entries()) {
  const index = applyPalette(frame.data, palette.slice(0, CLEAR));
  const out = index.slice();
  if (last) for (let p = 0; p < out.length; p += 1) if (index[p] === last[p]) out[p] = CLEAR;
  gif.writeFrame(out, width, height, k === 0 ? { palette, delay: DELAY, repeat: 0 }
    : { palette, delay: DELAY, transparent: true, transparentIndex: CLEAR, dispose: 1 });
  last = index;
}
gif.finish();
const bytes = gif.bytes();
await writeFile(OUT, bytes);
console.log(`${OUT}: ${frames.length} frames, ${width}x${height}, ${(frames.length * DELAY / 1000).toFixed(1)} s, ${(bytes.length / 1024).toFixed(0)} KB`);
