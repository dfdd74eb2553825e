// One training epoch of the chapter's linear network over the book's 1,000
// digits, natively (build/native/bench_linear) and in WASM (site/wasm), each
// the median of RUNS runs on a fresh network (seed 1, alpha 0.001) after a few
// untimed warm-up epochs, then the ratio. Prints figures only; it asserts nothing about time.
//
//   node bench/linear.mjs [RUNS]      (after scripts/build; default 9 runs)
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { loadWeightlab, SITE_DIR } from '../tests/node/load.mjs';

const runs = Math.max(5, Number(process.argv[2]) || 9);
const root = new URL('../', import.meta.url).pathname;

const nativeLine = execFileSync(`${root}build/native/bench_linear`,
  ['--data', `${root}site/data`, '--runs', String(runs)], { encoding: 'utf8' }).trim();
const nativeMs = Number(/median ([0-9.]+) ms/.exec(nativeLine)[1]);
console.log(nativeLine);

const wl = await loadWeightlab();
const train = wl.Dataset.fromBytes(new Uint8Array(await readFile(new URL('data/mnist-train-1000.wld', SITE_DIR))));
// Warm-up, untimed: V8 first runs WASM through its baseline compiler and swaps
// in optimised code in the background; time the code the page runs after a moment.
for (let r = 0; r < 5; r++) {
  const net = new wl.LinearNetwork(1);
  net.trainRange(train, 0, train.count, 0.001);
  net.delete();
}
const times = [];
let error = 0;
for (let r = 0; r < runs; r++) {
  const net = new wl.LinearNetwork(1);
  const t0 = performance.now();
  error = net.trainRange(train, 0, train.count, 0.001).error;
  times.push(performance.now() - t0);
  net.delete();
}
train.delete();
times.sort((a, b) => a - b);
const wasmMs = times[Math.floor(times.length / 2)];
console.log(`wasm:   one epoch over 1000 images: median ${wasmMs.toFixed(3)} ms of ${runs} runs (error ${error})`);
console.log(`ratio:  wasm / native = ${(wasmMs / nativeMs).toFixed(2)} (target: within 1.5)`);
