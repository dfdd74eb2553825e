// Where a drag frame's time goes: the CPU profile (Chrome DevTools protocol
// Profiler, sampling every 100 us) of a scripted drag of weight a's dot on one
// lesson, the functions by self time and the files by total self time.
//
//   node bench/drag-profile.mjs [lesson] [--what weight|surface|alpha] [--moves 60] [--top 30] [--depth 3] [--css 'a style to try']
/* global document */
import { startBrowser, makeCharts } from '../tests/browser/harness.mjs';
import { dragBoxes, dragOnce } from './drag.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const lesson = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'multi-in-out';
const what = arg('what', 'weight');
const moves = Number(arg('moves', 60));
const top = Number(arg('top', 30));
const depth = Number(arg('depth', 3));   // frames of a forced layout's stack shown

const browser = await startBrowser();
try {
  const page = await browser.open(`/?s=${lesson}`, { width: 1280, height: 800 });
  await page.waitForSelector('.lesson svg.diagram');
  await makeCharts(page);
  if (arg('css')) await page.evaluate((rule) => document.styleSheets[0].insertRule(rule, document.styleSheets[0].cssRules.length), arg('css'));   // an experiment: a style to try
  await page.waitForTimeout(300);
  const box = await dragBoxes[what](page);
  if (!box) throw new Error(`${lesson} has no ${what} to drag`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const traced = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline.stack', transferMode: 'ReportEvents' });
  const ms = await dragOnce(page, box, moves);
  await cdp.send('Tracing.end');
  await traced;
  const { profile } = await cdp.send('Profiler.stop');
  // The renderer's main thread: time in style, layout, paint, scripts (complete events, not nested in their own kind).
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const kinds = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur || (main && (e.pid !== main.pid || e.tid !== main.tid))) continue;
    if (!['UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'RecalculateStyles', 'ParseHTML', 'FunctionCall', 'EventDispatch',
      'FireAnimationFrame', 'HitTest', 'UpdateLayerTree', 'CompositeLayers', 'Commit', 'ScheduleStyleRecalculation', 'v8.run', 'RunTask'].includes(e.name)) continue;
    const k = kinds.get(e.name) ?? { n: 0, ms: 0 };
    k.n += 1; k.ms += e.dur / 1000;
    kinds.set(e.name, k);
  }
  // Who forced a layout or a style recalculation inside a script: the top frames of its stack.
  const forced = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !['Layout', 'UpdateLayoutTree'].includes(e.name)) continue;
    const st = e.args?.beginData?.stackTrace;
    if (!st?.length) continue;
    const key = `${e.name} ← ${st.slice(0, depth).map((f) => `${f.functionName || '(anon)'} ${f.url.replace(/^.*\/\/[^/]+\//, '')}:${f.lineNumber + 1}`).join(' ← ')}`;
    const k = forced.get(key) ?? { n: 0, ms: 0 };
    k.n += 1; k.ms += e.dur / 1000;
    forced.set(key, k);
  }
  const sizes = events.filter((e) => e.ph === 'X' && e.name === 'Layout' && e.args?.beginData?.stackTrace?.length)
    .map((e) => `${e.args.beginData.dirtyObjects}/${e.args.beginData.totalObjects} ${(e.dur / 1000).toFixed(2)}ms`);
  console.log(`forced layouts (dirty/total objects, time): ${sizes.slice(10, 20).join('; ')}`);
  console.log('forced in scripts:');
  for (const [name, { n, ms: t }] of [...forced].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15)) console.log(`  ${t.toFixed(1).padStart(8)} ms  ${String(n).padStart(5)}×  ${name}`);
  console.log('main thread, trace events (nested kinds overlap):');
  for (const [name, { n, ms: t }] of [...kinds].sort((a, b) => b[1].ms - a[1].ms)) console.log(`  ${t.toFixed(1).padStart(8)} ms  ${String(n).padStart(5)}×  ${name}`);
  const self = new Map(); const files = new Map();
  const dt = new Map();
  for (let i = 0; i < profile.samples.length; i += 1) dt.set(profile.samples[i], (dt.get(profile.samples[i]) ?? 0) + profile.timeDeltas[i]);
  for (const n of profile.nodes) {
    const t = (dt.get(n.id) ?? 0) / 1000;
    if (!t) continue;
    const { functionName, url, lineNumber } = n.callFrame;
    const file = url.replace(/^.*\/\/[^/]+\//, '') || '(native)';
    const key = `${functionName || '(anon)'} ${file}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + t);
    files.set(file, (files.get(file) ?? 0) + t);
  }
  const sum = ms.reduce((a, b) => a + b, 0);
  console.log(`${lesson} · ${what}: ${ms.length} frames, measured work ${sum.toFixed(1)} ms ` +
    `(median ${[...ms].sort((a, b) => a - b)[ms.length >> 1].toFixed(2)} ms)`);
  const show = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).forEach(([k, v]) => console.log(`  ${v.toFixed(1).padStart(8)} ms  ${k}`));
  console.log('by file (self time):'); show(files, 15);
  console.log('by function (self time):'); show(self, top);
  await page.close();
} finally {
  await browser.close();
}
