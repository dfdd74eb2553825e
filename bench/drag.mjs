// Dragging in the lessons, in headless Chromium (1280x800 unless told): on each lesson a
// scripted drag of weight a's dot along its error curve, of the error
// surface's path start where the lesson has one, and of the alpha slider;
// per drag frame, the page's own work from the pointermove (or input) handler
// to the end of the synchronous redraw of every view (the 'wl-drag'
// performance entries lesson/charts.js records), median and 95th percentile,
// and the medians of its two measured parts: the engine (wl-drag-engine:
// engine.run and alphaLimit on the candidate) and the charts (wl-drag-charts).
// Also the same drag on "steps" with 1,000 iterations (one engine.run per
// frame draws the whole learning curve). scripts/bench runs it (through
// bench/run.mjs).
//
//   node bench/drag.mjs [--moves 60] [--site DIR] [--width 1280 --height 800]
// (--site: another build of the site, e.g. a copy of one made before a
// change, to compare the two in the same conditions; --width 375 --height 812:
// the phone layout, where the lesson's blocks stack.)
import { loadavg } from 'node:os';
import { startBrowser, makeCharts } from '../tests/browser/harness.mjs';

export const DRAG_TARGET_MS = 8;
const LESSONS = ['multi-input', 'side-by-side', 'steps', 'freeze', 'multi-output', 'multi-in-out'];

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))] : NaN;
};

// Drag from (x0, y0) to (x1, y1) and back in `moves` pointer moves; the frames' work.
export async function dragOnce(page, box, moves) {
  await page.evaluate(() => ['wl-drag', 'wl-drag-engine', 'wl-drag-charts'].forEach((n) => performance.clearMeasures(n)));
  const [x0, y0, x1, y1] = box;
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  const half = Math.floor(moves / 2);
  for (let n = 1; n <= moves; n += 1) {
    const f = n <= half ? n / half : 2 - n / half;
    await page.mouse.move(x0 + (x1 - x0) * f, y0 + (y1 - y0) * f);
  }
  await page.mouse.up();
  const [ms, engine, charts] = await page.evaluate(() => ['wl-drag', 'wl-drag-engine', 'wl-drag-charts']
    .map((n) => performance.getEntriesByName(n).map((e) => e.duration)));
  return Object.assign(ms, { engine, charts });
}

// The pixel of weight a's dot, and a point 35% of the chart's width away.
async function dotBox(page, block = 'center') {
  return page.evaluate((block) => {
    const canvas = document.querySelector('.wl-curve canvas.wl-draggable');
    if (!canvas) return null;
    canvas.scrollIntoView({ block });
    const chart = window.Chart.getChart(canvas);
    const r = canvas.getBoundingClientRect();
    const dot = chart.getDatasetMeta(2).data[0];
    const { left, right } = chart.chartArea;
    const x0 = r.left + dot.x, y0 = r.top + dot.y;
    const x1 = x0 + (x0 - r.left < (left + right) / 2 ? 0.35 : -0.35) * (right - left);
    return [x0, y0, x1, y0];
  }, block);
}

async function surfaceBox(page, block = 'center') {
  return page.evaluate((block) => {
    const canvas = document.querySelector('.wl-surface canvas.wl-draggable');
    if (!canvas) return null;
    canvas.scrollIntoView({ block });
    const r = canvas.getBoundingClientRect();
    return [r.left + r.width * 0.4, r.top + r.height * 0.4, r.left + r.width * 0.7, r.top + r.height * 0.65];
  }, block);
}

async function sliderBox(page, block = 'center') {
  return page.evaluate((block) => {
    const input = document.querySelector('input[data-act="alpha"]');
    input.scrollIntoView({ block });
    const r = input.getBoundingClientRect();
    const at = (v) => r.left + 8 + (r.width - 16) * (v - Number(input.min)) / (Number(input.max) - Number(input.min));
    return [at(Number(input.value)), r.top + r.height / 2, at(Number(input.min) + 0.3), r.top + r.height / 2];
  }, block);
}

// A box whose start a finger could reach: in the middle of the screen, or at
// its bottom where the lesson's sticky player covers the middle (375 px).
const reachable = (find) => async (page) => {
  const hit = (box) => page.evaluate(([x, y]) =>
    Boolean(document.elementFromPoint(x, y)?.matches('canvas.wl-draggable, input[data-act="alpha"]')), box);
  const box = await find(page);
  if (!box || await hit(box)) return box;
  const low = await find(page, 'end');
  if (!(await hit(low))) throw new Error(`${find.name}: the drag's start is covered, in the middle of the screen and at its bottom`);
  return low;
};

export const dragBoxes = { weight: reachable(dotBox), surface: reachable(surfaceBox), alpha: reachable(sliderBox) };

export async function measureDrag({ moves = 60, site, width = 1280, height = 800 } = {}) {
  const browser = await startBrowser(site ? { dir: site } : undefined);
  const rows = [];
  try {
    const cases = LESSONS.map((id) => [id, `/?s=${id}`]).concat([['steps, 1,000 iterations', '/?s=steps&n=1000']]);
    for (const [name, path] of cases) {
      const page = await browser.open(path, { width, height });
      await page.waitForSelector('.lesson svg.diagram');
      await makeCharts(page);
      await page.waitForTimeout(300);
      for (const [what, find] of [['weight a', dragBoxes.weight], ['surface', dragBoxes.surface], ['alpha', dragBoxes.alpha]]) {
        const box = await find(page);
        if (!box) continue;
        await page.waitForTimeout(100);
        const ms = await dragOnce(page, box, moves);
        if (!ms.length) throw new Error(`${name}: the ${what} drag recorded no frames`);
        rows.push({ lesson: name, what, frames: ms.length, median: quantile(ms, 0.5), p95: quantile(ms, 0.95), max: Math.max(...ms),
          engine: quantile(ms.engine, 0.5), charts: quantile(ms.charts, 0.5) });
      }
      if (page.problems.length) throw new Error(`${name}: the page reported: ${page.problems.join('; ')}`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return { rows, load: loadavg(), width, height };
}

export function dragLines({ rows, load, width = 1280, height = 800 }) {
  const lines = [`Drag, per frame (page work from pointermove to the end of the redraw; headless Chromium ${width}x${height}; ` +
    `load average ${load.map((l) => l.toFixed(2)).join(', ')}; target p95 < ${DRAG_TARGET_MS} ms):`];
  for (const r of rows) {
    lines.push(`  ${`${r.lesson} · ${r.what}`.padEnd(38)} median ${r.median.toFixed(2)} ms  p95 ${r.p95.toFixed(2)} ms  ` +
      `max ${r.max.toFixed(2)} ms  (${r.frames} frames; medians: engine ${r.engine.toFixed(2)}, charts ${r.charts.toFixed(2)})` +
      `${r.p95 < DRAG_TARGET_MS ? '' : '  ABOVE TARGET'}`);
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : undefined; };
  const r = await measureDrag({ moves: Number(arg('moves') ?? 60), site: arg('site'),
    width: Number(arg('width') ?? 1280), height: Number(arg('height') ?? 800) });
  console.log(dragLines(r).join('\n'));
}
