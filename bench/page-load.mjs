// The page's first load, measured in headless Chromium on 127.0.0.1, with
// the test's own measuring helpers (tests/browser/first-load.mjs):
//   bytes  what the first lesson transfers (gzip), service worker precache apart;
//   time   navigation start -> the lesson interactive, median of cold loads
//          (a fresh browser context each: empty cache, no service worker);
//          and -> the end of the first frame after it (its style, layout and
//          paint: what the lesson costs the browser before it is on screen).
// scripts/bench runs it (through bench/run.mjs); the browser test
// tests/browser/page-budget.test.mjs asserts the byte budget only.
//
//   node bench/page-load.mjs [--runs 5] [--path /] [--dir site] [--compare OTHER_SITE_DIR]
// --compare measures another build (e.g. an older one) in the same run, the
// two loads taking turns (A, B, A, B, ...), so both meet the same machine load;
// the load average is printed with the medians.
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';
import { findChromium } from '../scripts/chromium.mjs';
import { recordResponses, timeToInteractive, PAGE_BUDGET_BYTES } from '../tests/browser/first-load.mjs';

export { PAGE_BUDGET_BYTES };
export const PAGE_BUDGET_MS = 400;   // issue 16: the first lesson interactive in at most 400 ms (median)
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SITE = new URL('../site', import.meta.url).pathname;

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

export async function measurePageLoad({ runs = 5, path = '/', dir = SITE } = {}) {
  const server = await startServer({ dir });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ARGS });
  const times = [], frames = [];
  let first = null;
  try {
    for (let r = 0; r < runs; r++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const recorder = recordResponses(context, origin);
      const page = await context.newPage();
      await page.goto(origin + path, { waitUntil: 'commit' });
      times.push(await timeToInteractive(page));
      frames.push(await page.evaluate(() => new Promise((ok) => {
        requestAnimationFrame(() => setTimeout(() => ok(performance.now()), 0));
      })));
      await recorder.quiet();
      const summary = await recorder.summary();
      first ??= summary;
      if (summary.bytes !== first.bytes) first.varies = true;
      await context.close();
    }
  } finally {
    await browser.close();
    server.closeAllConnections?.();
    await new Promise((ok) => server.close(ok));
  }
  return { url: path, ...first, runs: times, medianMs: median(times), frames, frameMedianMs: median(frames) };
}


// Two builds, their cold loads taking turns: { a: ms[], b: ms[], aFrames, bFrames, load: [before, after] }.
export async function comparePageLoad({ runs = 5, path = '/', dir = SITE, other }) {
  const { loadavg } = await import('node:os');
  const load = [loadavg()[0]];
  const a = [], b = [], aFrames = [], bFrames = [];
  for (let r = 0; r < runs; r++) {
    const x = await measurePageLoad({ runs: 1, path, dir });
    const y = await measurePageLoad({ runs: 1, path, dir: other });
    a.push(...x.runs); aFrames.push(...x.frames);
    b.push(...y.runs); bFrames.push(...y.frames);
  }
  load.push(loadavg()[0]);
  return { a, b, aFrames, bFrames, load };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const opt = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  if (opt('compare')) {
    const { a, b, aFrames, bFrames, load } = await comparePageLoad({ runs: Number(opt('runs', 5)), path: opt('path', '/'), dir: opt('dir', SITE), other: opt('compare') });
    const show = (xs) => `median ${median(xs).toFixed(0)} ms of ${xs.map((t) => t.toFixed(0)).join(', ')}`;
    console.log(`interactive, ${opt('dir', 'site')}: ${show(a)}`);
    console.log(`interactive, ${opt('compare')}: ${show(b)}`);
    console.log(`first frame after it, ${opt('dir', 'site')}: ${show(aFrames)}`);
    console.log(`first frame after it, ${opt('compare')}: ${show(bFrames)}`);
    console.log(`load average (1 min) ${load[0].toFixed(1)} before, ${load[1].toFixed(1)} after`);
    process.exit(0);
  }
  const m = await measurePageLoad({ runs: Number(opt('runs', 5)), path: opt('path', '/'), dir: opt('dir', SITE) });
  for (const r of m.requests) console.log(`${String(r.bytes).padStart(8)}  ${r.encoding.padEnd(5)} ${r.path}`);
  console.log(`first load: ${m.requests.length} requests, ${m.bytes} bytes (budget ${PAGE_BUDGET_BYTES})`);
  console.log(`service worker precache: ${m.precache.count} requests, ${m.precache.bytes} bytes (not counted)`);
  console.log(`interactive: median ${m.medianMs.toFixed(0)} ms of ${m.runs.map((t) => t.toFixed(0)).join(', ')} (budget ${PAGE_BUDGET_MS})`);
  console.log(`first frame after it: median ${m.frameMedianMs.toFixed(0)} ms of ${m.frames.map((t) => t.toFixed(0)).join(', ')}`);
  console.log(`load average (1 min) ${(await import('node:os')).loadavg()[0].toFixed(1)}`);
}
