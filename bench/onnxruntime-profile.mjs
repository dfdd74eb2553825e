// Where onnxruntime-web spends a CNN read: its own profiler (enableProfiling)
// over 300 runs, the first 100 dropped as warm-up; the median per node, of
// the whole run inside the runtime (model_run) and of the JS call around it
// (session.run, as bench/run.mjs times it). Same set-up as the benchmark's
// column (bench/onnxruntime.mjs): WASM backend, 1 thread, offline.
//   node bench/onnxruntime-profile.mjs [batch=1]
// The runtime prints its profile on stdout (Chrome trace events, one JSON
// object a line), so the runs happen in a child process whose output is read.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const RUNS = 300, SKIP = 100;
const median = (xs) => { const s = xs.slice(SKIP).sort((a, b) => a - b); return s[s.length >> 1]; };

if (process.argv[2] === '--child') {
  const batch = Number(process.argv[3]);
  const ort = await import('onnxruntime-web');
  const { wlmToOnnx } = await import('../scripts/onnx/export.mjs');
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.wasmPaths = new URL('../node_modules/onnxruntime-web/dist/', import.meta.url).href;
  const model = wlmToOnnx(new Uint8Array(readFileSync(new URL('../web/models/digits-cnn.wlm', import.meta.url))), 'models/digits-cnn.wlm');
  const session = await ort.InferenceSession.create(model, { executionProviders: ['wasm'], enableProfiling: true });
  const images = new Float32Array(784 * batch).map((_, i) => ((i * 7919) % 256) / 255);
  const wall = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    await session.run({ image: new ort.Tensor('float32', images, [batch, 1, 28, 28]) });
    wall.push((performance.now() - t0) * 1000);
  }
  session.endProfiling();
  console.log(`WALL ${JSON.stringify({ wall, version: ort.env.versions.web })}`);
} else {
  const batch = Number(process.argv[2] ?? 1);
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', String(batch)],
    { encoding: 'utf8', maxBuffer: 1 << 28 }).split('\n');
  const { wall, version } = JSON.parse(out.find((l) => l.startsWith('WALL ')).slice(5));
  const events = out.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l.replace(/,\s*$/, '')));
  const durations = {}, ops = {};
  for (const e of events) {
    if (e.cat !== 'Node' && e.name !== 'model_run') continue;
    const name = e.name.replace(/_kernel_time$/, '');
    (durations[name] ??= []).push(e.dur);
    ops[name] = e.args?.op_name ?? '';
  }
  console.log(`onnxruntime-web ${version}, batch ${batch}: median µs per run (${RUNS - SKIP} runs after ${SKIP})`);
  for (const [name, d] of Object.entries(durations)) console.log(`  ${name.padEnd(12)} ${ops[name].padEnd(10)} ${String(median(d)).padStart(7)}`);
  console.log(`  ${'session.run'.padEnd(12)} ${'(JS call)'.padEnd(10)} ${median(wall).toFixed(0).padStart(7)}`);
}
