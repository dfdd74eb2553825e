// The draw-a-digit reading as the page does it, in headless Chromium: the
// shipped DigitReader's read() of a 280x280 canvas holding a drawn 3, and
// getImageData + read() (a frame's engine work), medians over batches of 10
// calls (tests/browser/read-timing.mjs, which the draw test asserts on too).
// Its stages (preprocess, CNN, linear) are timed apart, natively and in the
// benchmark WASM module: the read/* workloads of bench/workloads.hpp.
// scripts/bench runs it (through bench/run.mjs).
//
//   node bench/draw.mjs [--rounds 60]
import { startBrowser } from '../tests/browser/harness.mjs';
import { timeRead } from '../tests/browser/read-timing.mjs';

export async function measureRead({ rounds = 60 } = {}) {
  const browser = await startBrowser();
  try {
    const page = await browser.open('/?s=draw', { width: 1280, height: 900 });
    const r = await timeRead(page, { rounds });
    if (page.problems.length) throw new Error(`the page reported: ${page.problems.join('; ')}`);
    return r;
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--rounds');
  const r = await measureRead({ rounds: i > 0 ? Number(process.argv[i + 1]) : 60 });
  console.log(`read() of a 280x280 canvas (read as ${r.guess}): median ${r.readMedian.toFixed(3)} ms, ` +
    `max ${r.readMax.toFixed(3)} ms, with getImageData ${r.frameMedian.toFixed(3)} ms (${r.calls} calls)`);
}
