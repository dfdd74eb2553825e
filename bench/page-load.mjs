// The page's first load, measured in headless Chromium on 127.0.0.1, with
// the test's own measuring helpers (tests/browser/first-load.mjs):
//   bytes  what the first lesson transfers (gzip), service worker precache apart;
//   time   navigation start -> the lesson interactive, median of cold loads
//          (a fresh browser context each: empty cache, no service worker;
//          the browser warmed by one load first, not counted), with the
//          median time of each phase (web/js/main.js's performance marks);
//          and -> the end of the first frame after it (its style, layout and
//          paint: what the lesson costs the browser before it is on screen).
// scripts/bench runs it (through bench/run.mjs); the browser test
// tests/browser/page-budget.test.mjs asserts the byte budget only.
//
//   node bench/page-load.mjs [--runs 5] [--path /] [--dir site] [--compare OTHER_SITE_DIR]
// --compare measures another build (e.g. an older one) in the same run and
// the same browser, the two loads taking turns (A, B, A, B, ...), so both
// meet the same machine load;
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

// The phases of a load, from main.js's performance marks (web/js/main.js):
// main.js running, the engine ready, the first view's module in, mounted.
const PHASES = ['main', 'engine', 'view', 'mounted'];

// One cold load in a fresh context of `browser`: { ms, frame, marks, context, recorder }
// (the context still open, for the caller to record and close).
async function coldLoad(browser, origin, path, { record = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const recorder = record ? recordResponses(context, origin) : null;
  const page = await context.newPage();
  await page.goto(origin + path, { waitUntil: 'commit' });
  const ms = await timeToInteractive(page);
  const frame = await page.evaluate(() => new Promise((ok) => {
    requestAnimationFrame(() => setTimeout(() => ok(performance.now()), 0));
  }));
  const marks = await page.evaluate((names) => names.map((n) =>
    performance.getEntriesByName(`weightlab:${n}`)[0]?.startTime ?? NaN), PHASES);
  return { ms, frame, marks, context, recorder };
}

// A browser, and in it one cold load that is not counted: the first context
// of a new browser pays the browser's own start-up (its network service, the
// first renderer process), up to some 250 ms here, which a learner's browser,
// already running when they open the page, does not.
async function warmBrowser(origins, path) {
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ARGS });
  const warm = [];
  for (const origin of origins) {
    const { ms, context } = await coldLoad(browser, origin, path);
    warm.push(ms);
    await context.close();
  }
  return { browser, warm };
}

const serve = async (dir) => {
  const server = await startServer({ dir });
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
};
const stop = async (server) => {
  server.closeAllConnections?.();
  await new Promise((ok) => server.close(ok));
};

// The timed loads record nothing (the recorder's calls into the browser would
// share this process, and its server, with the load being timed); one more
// cold load afterwards records the bytes.
export async function measurePageLoad({ runs = 5, path = '/', dir = SITE } = {}) {
  const { server, origin } = await serve(dir);
  const { browser, warm } = await warmBrowser([origin], path);
  const times = [], frames = [], marks = [];
  let bytes;
  try {
    for (let r = 0; r < runs; r++) {
      const load = await coldLoad(browser, origin, path);
      times.push(load.ms);
      frames.push(load.frame);
      marks.push(load.marks);
      await load.context.close();
    }
    const load = await coldLoad(browser, origin, path, { record: true });
    await load.recorder.quiet();
    bytes = await load.recorder.summary();
    await load.context.close();
  } finally {
    await browser.close();
    await stop(server);
  }
  return { url: path, ...bytes, runs: times, medianMs: median(times), frames, frameMedianMs: median(frames),
    phases: phaseMedians(marks), warmUpMs: warm[0] };
}

// { main, engine, view, mounted }: the median time of each mark.
function phaseMedians(marks) {
  return Object.fromEntries(PHASES.map((name, k) => [name, median(marks.map((m) => m[k]))]));
}

// Two builds in one browser, their cold loads taking turns (A, B, A, B, ...),
// each from its own server, so both meet the same machine load:
// { a: ms[], b: ms[], aFrames, bFrames, aPhases, bPhases, load: [before, after] }.
export async function comparePageLoad({ runs = 5, path = '/', dir = SITE, other }) {
  const { loadavg } = await import('node:os');
  const A = await serve(dir), B = await serve(other);
  const { browser } = await warmBrowser([A.origin, B.origin], path);
  const load = [loadavg()[0]];
  const a = [], b = [], aFrames = [], bFrames = [], aMarks = [], bMarks = [];
  try {
    for (let r = 0; r < runs; r++) {
      for (const [origin, times, frames, marks] of [[A.origin, a, aFrames, aMarks], [B.origin, b, bFrames, bMarks]]) {
        const x = await coldLoad(browser, origin, path);
        times.push(x.ms); frames.push(x.frame); marks.push(x.marks);
        await x.context.close();
      }
    }
  } finally {
    await browser.close();
    await stop(A.server);
    await stop(B.server);
  }
  load.push(loadavg()[0]);
  return { a, b, aFrames, bFrames, aPhases: phaseMedians(aMarks), bPhases: phaseMedians(bMarks), load };
}

const showPhases = (p) => PHASES.map((n) => `${n} ${Number.isFinite(p[n]) ? p[n].toFixed(0) : '-'}`).join(', ');

if (import.meta.url === `file://${process.argv[1]}`) {
  const opt = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  if (opt('compare')) {
    const { a, b, aFrames, bFrames, aPhases, bPhases, load } = await comparePageLoad({ runs: Number(opt('runs', 5)), path: opt('path', '/'), dir: opt('dir', SITE), other: opt('compare') });
    const show = (xs) => `median ${median(xs).toFixed(0)} ms of ${xs.map((t) => t.toFixed(0)).join(', ')}`;
    console.log(`interactive, ${opt('dir', 'site')}: ${show(a)}`);
    console.log(`interactive, ${opt('compare')}: ${show(b)}`);
    console.log(`first frame after it, ${opt('dir', 'site')}: ${show(aFrames)}`);
    console.log(`first frame after it, ${opt('compare')}: ${show(bFrames)}`);
    console.log(`phases (median ms), ${opt('dir', 'site')}: ${showPhases(aPhases)}`);
    console.log(`phases (median ms), ${opt('compare')}: ${showPhases(bPhases)}`);
    console.log(`load average (1 min) ${load[0].toFixed(1)} before, ${load[1].toFixed(1)} after`);
    process.exit(0);
  }
  const m = await measurePageLoad({ runs: Number(opt('runs', 5)), path: opt('path', '/'), dir: opt('dir', SITE) });
  for (const r of m.requests) console.log(`${String(r.bytes).padStart(8)}  ${r.encoding.padEnd(5)} ${r.path}`);
  console.log(`first load: ${m.requests.length} requests, ${m.bytes} bytes (budget ${PAGE_BUDGET_BYTES})`);
  console.log(`service worker precache: ${m.precache.count} requests, ${m.precache.bytes} bytes (not counted)`);
  console.log(`interactive: median ${m.medianMs.toFixed(0)} ms of ${m.runs.map((t) => t.toFixed(0)).join(', ')} (budget ${PAGE_BUDGET_MS})`);
  console.log(`phases (median ms, web/js/main.js's marks): ${showPhases(m.phases)}`);
  console.log(`(the browser's warm-up load, not counted: ${m.warmUpMs.toFixed(0)} ms)`);
  console.log(`first frame after it: median ${m.frameMedianMs.toFixed(0)} ms of ${m.frames.map((t) => t.toFixed(0)).join(', ')}`);
  console.log(`load average (1 min) ${(await import('node:os')).loadavg()[0].toFixed(1)}`);
}
