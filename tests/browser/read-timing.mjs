// Times the page's DigitReader on a 280x280 canvas holding a drawn 3: the
// median (over `rounds` batches of 10 calls) of whole read() calls (copy in,
// preprocess, CNN, linear scores and contributions, results out to JS) and
// the same with getImageData, as the page does each frame. Used by
// draw.test.mjs (which asserts on it) and by scripts/bench's bench/draw.mjs;
// prints nothing itself. The stages inside read() are timed by the benchmark
// module (bench/workloads.hpp, read/*), not by the shipped one.
import { DIGITS, place } from './strokes/digits.mjs';

export async function timeRead(page, { rounds = 60 } = {}) {
  const strokes = place(DIGITS.find((d) => d.digit === 3).strokes, { size: 0.75, cx: 0.5, cy: 0.5, slant: 0 });
  return page.evaluate(async ({ strokes, rounds }) => {
    const engine = await window.weightlab;
    const reader = new engine.DigitReader();
    try {
      const get = async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer());
      reader.loadModel(await get('models/digits-cnn.wlm'));
      reader.loadLinear(await get('models/chapter-linear.wlm'));
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 280;
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      ctx.lineWidth = 18;
      ctx.lineCap = ctx.lineJoin = 'round';
      for (const s of strokes) {
        ctx.beginPath();
        s.forEach(([x, y], i) => (i ? ctx.lineTo(x * 280, y * 280) : ctx.moveTo(x * 280, y * 280)));
        ctx.stroke();
      }
      const pixels = ctx.getImageData(0, 0, 280, 280).data;
      const median = (v) => { const s = [...v].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
      // performance.now() is coarsened to 0.1 ms in a page, so time
      // batches of 10 calls and take the median of the batch means.
      const batches = (n, fn) => {
        const out = [];
        for (let b = 0; b < n; b++) {
          const t0 = performance.now();
          for (let i = 0; i < 10; i++) fn();
          out.push((performance.now() - t0) / 10);
        }
        return out;
      };
      batches(5, () => reader.read(pixels, 280, 280));  // warm-up (JIT, buffers)
      const out = reader.read(pixels, 280, 280);
      const guess = out.probs.indexOf(Math.max(...out.probs));
      const times = batches(rounds, () => reader.read(pixels, 280, 280));
      // the whole frame as the page does it: getImageData + read()
      const frames = batches(rounds, () => reader.read(ctx.getImageData(0, 0, 280, 280).data, 280, 280));
      return {
        calls: rounds * 10, guess, readMedian: median(times), readMax: Math.max(...times),
        frameMedian: median(frames),
      };
    } finally {
      reader.delete();
    }
  }, { strokes, rounds });
}
