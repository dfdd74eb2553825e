// The page's first load, measured in headless Chromium on 127.0.0.1:
//   bytes  the sum of the response bodies as served (gzip where the server
//          has a .gz, see scripts/site.d/zz-gzip.sh) of every request the
//          page makes until the first lesson is interactive and the network
//          has been quiet for QUIET_MS; the service worker's background
//          precache is counted apart (it is not what the first view needs);
//   time   navigation start -> `await window.weightlab` resolved and the
//          lesson's controls exist, median of cold loads (a fresh browser
//          context each: empty cache, no service worker).
// scripts/bench runs it (through bench/run.mjs); the browser test
// tests/browser/page-budget.test.mjs asserts the byte budget only.
//
//   node bench/page-load.mjs [--runs 5] [--path /]
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';

export const PAGE_BUDGET_BYTES = 300_000;
export const PAGE_BUDGET_MS = 1000;
export const CONTROLS = '#view button, #view input';
const QUIET_MS = 500;
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SITE = new URL('../site', import.meta.url).pathname;

// Records every response of `target` (a page or a context) from now on.
// summary() -> { bytes, requests: [{path, bytes, encoding}], precache: {bytes, count} }
export function recordResponses(target, origin) {
  const pending = [];
  let closed = false;  // responses still arriving when the context closes are dropped
  const count = (response) => !closed && pending.push((async () => {
    const request = response.request();
    const sizes = await request.sizes().catch(() => ({ responseBodySize: 0 }));
    const url = new URL(response.url());
    return {
      path: url.origin === origin ? url.pathname + url.search : url.href,
      bytes: sizes.responseBodySize,
      encoding: (await response.allHeaders())['content-encoding'] || '',
      fromServiceWorker: response.fromServiceWorker(),
      byServiceWorker: Boolean(request.serviceWorker?.()),
    };
  })().catch(() => null));
  target.on('response', count);
  let last = Date.now();
  target.on('request', () => { last = Date.now(); });
  return {
    async quiet(ms = QUIET_MS) {
      while (Date.now() - last < ms) await new Promise((ok) => setTimeout(ok, 50));
    },
    async summary() {
      closed = true;
      const all = (await Promise.all(pending)).filter(Boolean);
      const requests = all.filter((r) => !r.byServiceWorker && !r.fromServiceWorker);
      const sw = all.filter((r) => r.byServiceWorker);
      return {
        bytes: requests.reduce((s, r) => s + r.bytes, 0),
        requests,
        precache: { bytes: sw.reduce((s, r) => s + r.bytes, 0), count: sw.length },
      };
    },
  };
}

// In the page: resolves with performance.now() (ms since navigation start)
// once window.weightlab has resolved and the lesson's controls exist.
export async function timeToInteractive(page, controls = CONTROLS) {
  return page.evaluate(async (selector) => {
    const tick = () => new Promise((ok) => setTimeout(ok, 2));
    while (!window.weightlab) await tick();
    await window.weightlab;
    while (!document.querySelector(selector)) await tick();
    return performance.now();
  }, controls);
}

export async function measurePageLoad({ runs = 5, path = '/', dir = SITE } = {}) {
  const server = await startServer({ dir });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  const times = [];
  let first = null;
  try {
    for (let r = 0; r < runs; r++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const recorder = recordResponses(context, origin);
      const page = await context.newPage();
      await page.goto(origin + path, { waitUntil: 'commit' });
      times.push(await timeToInteractive(page));
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
  const sorted = [...times].sort((a, b) => a - b);
  return { url: path, ...first, runs: times, medianMs: sorted[sorted.length >> 1] };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const opt = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const m = await measurePageLoad({ runs: Number(opt('runs', 5)), path: opt('path', '/') });
  for (const r of m.requests) console.log(`${String(r.bytes).padStart(8)}  ${r.encoding.padEnd(5)} ${r.path}`);
  console.log(`first load: ${m.requests.length} requests, ${m.bytes} bytes (budget ${PAGE_BUDGET_BYTES})`);
  console.log(`service worker precache: ${m.precache.count} requests, ${m.precache.bytes} bytes (not counted)`);
  console.log(`interactive: median ${m.medianMs.toFixed(0)} ms of ${m.runs.map((t) => t.toFixed(0)).join(', ')} (budget ${PAGE_BUDGET_MS})`);
}
