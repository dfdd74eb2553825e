// A classroom day in a minute: 10,000 drawings read and 100 train/reset
// cycles in the page. The WASM heap, the WASM stack pointer and the live
// Embind handles must be the same at the end as after warm-up. Prints them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser } from './harness.mjs';

let browser;
before(async () => { browser = await startBrowser(); });
after(async () => { await browser?.close(); });

test('10,000 drawings and 100 train/reset cycles leak neither heap, stack nor handles', async () => {
  const page = await browser.open('/?s=multi-input');
  const result = await page.evaluate(async () => {
    const engine = await window.weightlab;
    const bytes = async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer());
    const reader = new engine.DigitReader();
    reader.loadModel(await bytes('models/digits-cnn.wlm'));
    reader.loadLinear(await bytes('models/chapter-linear.wlm'));
    const { fetchBytes, TRAIN_URL } = await import('./js/common/fetch.js');   // the data sets are gzip-compressed
    const data = engine.Dataset.fromBytes(await fetchBytes(TRAIN_URL));
    const net = new engine.LinearNetwork(1);

    // Drawings: strokes of varying shape, size and place on a 280x280 canvas.
    const canvas = new OffscreenCanvas(280, 280);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    const frames = [];
    for (let k = 0; k < 50; k++) {
      ctx.clearRect(0, 0, 280, 280);
      ctx.lineWidth = 8 + (k % 5) * 6; ctx.lineCap = 'round'; ctx.strokeStyle = '#111';
      ctx.beginPath();
      const cx = 80 + (k * 37) % 120, cy = 80 + (k * 53) % 120, r = 30 + (k % 7) * 10;
      if (k % 3 === 0) ctx.arc(cx, cy, r, 0, Math.PI * 2);
      else { ctx.moveTo(cx - r, cy - r); ctx.lineTo(cx + r / 2, cy); ctx.lineTo(cx - r / 3, cy + r); }
      ctx.stroke();
      frames.push(ctx.getImageData(0, 0, 280, 280).data);
    }
    frames.push(new Uint8ClampedArray(280 * 280 * 4));   // an empty canvas too

    const readAll = (n) => { for (let i = 0; i < n; i++) reader.read(frames[i % frames.length], 280, 280); };
    const cycle = (n) => {
      for (let i = 0; i < n; i++) {
        net.trainRange(data, 0, 100, 0.001);
        net.countCorrect(data, 0, 100);
        net.reset(1);
        try { reader.read(new Uint8Array(10), 280, 280); } catch { /* errors must not leak either */ }
      }
    };
    readAll(500); cycle(5);                                // warm-up
    const probe = () => ({ heap: engine.HEAP8.length, used: engine.heapInUse(), stack: engine.stackPointer(),
      handles: engine.count_emval_handles() });
    const warm = probe();
    const t0 = performance.now();
    readAll(10000);
    cycle(100);
    const end = probe();
    const ms = performance.now() - t0;
    reader.delete(); net.delete(); data.delete();
    return { warm, end, ms };
  });
  console.log(`soak: heap size ${result.warm.heap} -> ${result.end.heap} bytes, ` +
    `in use ${result.warm.used} -> ${result.end.used} bytes, stack pointer ${result.warm.stack} -> ${result.end.stack}, ` +
    `Embind handles ${result.warm.handles} -> ${result.end.handles}, ${Math.round(result.ms)} ms`);
  assert.equal(result.end.heap, result.warm.heap, 'the WASM heap did not grow');
  assert.equal(result.end.used, result.warm.used, 'the bytes in use on the WASM heap are the same');
  assert.equal(result.end.stack, result.warm.stack, 'the WASM stack pointer is where it was (errors included)');
  assert.ok(Math.abs(result.end.handles - result.warm.handles) <= 2, 'live Embind handles stay flat');
  assert.deepEqual(page.problems, []);
  await page.close();
});
