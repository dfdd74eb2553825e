// Errors wear nothing down. Every entry point that can fail in C++ is called
// with bad input, round after round, until the old binding (commit a5f755a,
// which threw JS Errors from inside WASM) would have leaked 64 MiB of WASM
// stack at the rates measured on it (table below; its stack is 5 MiB, so it
// died after about 750 rounds). Afterwards the stack pointer, the heap in use
// and the live Embind handles are exactly where they were, and a good call
// gives the book's numbers.
//
// The instance under test runs with faceRestoresStack: false, so the face's
// belt-and-braces stackSave/stackRestore is off: the C++ side alone must hold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { loadWeightlab, SITE_DIR } from './load.mjs';

const wl = await loadWeightlab({ faceRestoresStack: false });
const bytes = async (path) => new Uint8Array(await readFile(new URL(path, SITE_DIR)));
const trainBytes = await bytes('data/mnist-train-1000.wld');
const linearBytes = await bytes('models/chapter-linear.wlm');
const good = () => ({ input: [8.5, 0.65, 1.2], target: [1], weights: [0.1, 0.2, -0.1], alpha: 0.01, iterations: 3 });

// [entry point, bad call (fails inside C++), stack bytes the old binding lost per call]
function entryPoints(data, net, reader) {
  const image = new Float64Array(784);
  const truncated = trainBytes.subarray(0, 100);
  return [
    ['run', () => wl.run({ ...good(), alpha: NaN }), 16],
    ['example', () => wl.example('nope'), 32],
    ['errorCurve', () => wl.errorCurve(good(), { index: 9, from: 0, to: 1, samples: 10 }), 32],
    ['errorSurface', () => wl.errorSurface(good(), { x: 0, y: 0, xFrom: 0, xTo: 1, yFrom: 0, yTo: 1, nx: 4, ny: 4 }), 32],
    ['Dataset.fromBytes', () => wl.Dataset.fromBytes(truncated), 48],
    ['Dataset.label', () => data.label(5000), 32],
    ['Dataset.images', () => data.images(5, 3), 160],
    ['new LinearNetwork', () => new wl.LinearNetwork(-1), 32],
    ['LinearNetwork.reset', () => net.reset(-1), 32],
    ['LinearNetwork.trainRange', () => net.trainRange(data, 0, 2000, 0.01), 64],
    ['LinearNetwork.countCorrect', () => net.countCorrect(data, 0, 2000), 32],
    ['LinearNetwork.loadModel', () => net.loadModel(truncated), 16],
    ['LinearNetwork.predict', () => net.predict(image.subarray(0, 783)), 16],
    ['LinearNetwork.predictImage', () => net.predictImage(data, 5000), 48],
    ['LinearNetwork.contributions', () => net.contributions(image, 10), 16],
    ['LinearNetwork.contributionsImage', () => net.contributionsImage(data, 5000, 1), 6336],
    ['DigitReader.loadModel', () => reader.loadModel(linearBytes), 16],
    ['DigitReader.loadLinear', () => reader.loadLinear(truncated), 16],
    ['DigitReader.countCorrect', () => reader.countCorrect(data), 32],
    ['DigitReader.read', () => reader.read(new Uint8Array(4), 280, 280), 16],
  ];
}

const state = () => ({ stack: wl.stackPointer(), heap: wl.heapInUse(), handles: wl.count_emval_handles() });

test('bad calls to every entry point, 64 MiB of old stack leak in all, leave stack, heap and handles exactly in place', () => {
  const data = wl.Dataset.fromBytes(trainBytes);
  const net = new wl.LinearNetwork(1);
  const reader = new wl.DigitReader();
  const calls = entryPoints(data, net, reader);
  const messages = new Map();
  const round = () => {
    for (const [what, call] of calls) {
      try {
        call();
        assert.fail(`${what} did not throw`);
      } catch (e) {
        assert.ok(e instanceof Error && !(e instanceof WebAssembly.RuntimeError), `${what}: ${e}`);
        if (!messages.has(what)) messages.set(what, e.message);
      }
    }
  };
  for (let i = 0; i < 20; i++) round();  // warm-up: buffers and the error slot sized
  const oldLeakPerRound = calls.reduce((sum, c) => sum + c[2], 0);
  const rounds = Math.ceil((64 * 2 ** 20) / oldLeakPerRound);
  const before = state();
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) round();
  const ms = performance.now() - t0;
  const after = state();
  console.log(`# ${rounds} rounds x ${calls.length} entry points = ${rounds * calls.length} bad calls in ${(ms / 1000).toFixed(1)} s` +
    ` (the old binding: ${oldLeakPerRound} bytes of stack per round, ${(rounds * oldLeakPerRound / 2 ** 20).toFixed(1)} MiB in all);` +
    ` stack ${before.stack} -> ${after.stack}, heap in use ${before.heap} -> ${after.heap}, handles ${before.handles} -> ${after.handles}`);
  assert.deepEqual(after, before);
  assert.equal(messages.size, calls.length);
  for (const [what, message] of messages) assert.match(message, /\w/, what);

  // ...and the module still gives the book's numbers.
  const t = wl.run(wl.example('multi-input'));
  assert.equal(t.pred[0].toFixed(2), '0.86');
  assert.deepEqual([...t.weightsAfter.slice(0, 3)].map((v) => v.toFixed(4)), ['0.1119', '0.2009', '-0.0983']);
  net.loadModel(linearBytes);
  assert.ok(net.evaluate(data) > 0.8);
  data.delete(); net.delete(); reader.delete();
});
