// The ONNX exports (site/models/*.onnx, written by scripts/onnx/export.mjs at
// build time) run in onnxruntime-web (its WASM backend, one thread, loaded
// from node_modules, no network) on all 10,000 MNIST test digits and give the
// engine's answer for every digit: the same class, and the same probabilities
// (CNN) or scores (linear) to float tolerance. The exporter refuses files
// that are not sound shipped models.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { crc32 } from 'node:zlib';
import * as ort from 'onnxruntime-web';
import { createRequire } from 'node:module';
import { loadWeightlab, readSite, mnistTestWld } from './load.mjs';
import { wlmToOnnx } from '../../scripts/onnx/export.mjs';

// Tolerances, absolute. The CNN: both sides float32, summed in different
// orders, through a softmax in [0,1]. The linear net: the engine sums in
// double, ONNX in float32, scores of order 1.
const CNN_TOLERANCE = 1e-5;
const LINEAR_TOLERANCE = 1e-5;
const BATCH = 1000;
const { onnx } = createRequire(import.meta.url)('onnx-proto');

const wl = await loadWeightlab();
const site = readSite;
const argmax = (a, from = 0, n = a.length) => {
  let best = 0;
  for (let i = 1; i < n; i++) if (a[from + i] > a[from + best]) best = i;
  return best;
};

let data, pixels;
before(async () => {
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.wasmPaths = new URL('../../node_modules/onnxruntime-web/dist/', import.meta.url).href;
  data = wl.Dataset.fromBytes(await mnistTestWld());
  assert.equal(data.count, 10000);
  assert.equal(data.rows, 28);
  const bytes = data.images(0, data.count);
  pixels = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) pixels[i] = bytes[i] / 255;   // as the engine reads them
});

// Runs `session` over all digits in batches; returns the outputs, [count][10].
async function runAll(session, inputShape, output) {
  const out = new Float32Array(data.count * 10);
  for (let b = 0; b < data.count; b += BATCH) {
    const n = Math.min(BATCH, data.count - b);
    const image = new ort.Tensor('float32', pixels.subarray(b * 784, (b + n) * 784), [n, ...inputShape]);
    const result = await session.run({ image });
    assert.deepEqual(result[output].dims, [n, 10]);
    out.set(result[output].data, b * 10);
  }
  return out;
}

// Compares the engine's [10] for every digit with ONNX's; prints what it saw.
function compare(what, onnxOut, engineOf, tolerance) {
  let maxDiff = 0, worst = -1, sameClass = 0, right = 0;
  const labels = data.labels();
  for (let n = 0; n < data.count; n++) {
    const ours = engineOf(n);
    for (let k = 0; k < 10; k++) {
      const d = Math.abs(ours[k] - onnxOut[n * 10 + k]);
      if (d > maxDiff) { maxDiff = d; worst = n; }
    }
    const theirs = argmax(onnxOut, n * 10, 10);
    assert.equal(theirs, argmax(ours), `${what}: digit ${n} read as ${theirs} by ONNX, ${argmax(ours)} by the engine`);
    sameClass += 1;
    right += theirs === labels[n];
  }
  console.log(`# ${what}: same class for ${sameClass} of ${data.count} digits (${right} right); ` +
    `max |engine - onnxruntime| = ${maxDiff.toExponential(2)} (digit ${worst}), tolerance ${tolerance}`);
  assert.ok(maxDiff <= tolerance, `${what}: difference ${maxDiff} above ${tolerance} (digit ${worst})`);
}

test('digits-cnn.onnx in onnxruntime-web reads all 10,000 test digits as the engine does', async () => {
  const session = await ort.InferenceSession.create(await site('models/digits-cnn.onnx'), { executionProviders: ['wasm'] });
  assert.deepEqual(session.inputNames, ['image']);
  assert.deepEqual(session.outputNames, ['probabilities']);
  const probs = await runAll(session, [1, 28, 28], 'probabilities');
  await session.release();

  const reader = new wl.DigitReader();
  reader.loadModel(await site('models/digits-cnn.wlm'));
  compare('digits-cnn', probs, (n) => reader.predictImage(data, n), CNN_TOLERANCE);
  reader.delete();
});

test('chapter-linear.onnx in onnxruntime-web scores all 10,000 test digits as the engine does', async () => {
  const session = await ort.InferenceSession.create(await site('models/chapter-linear.onnx'), { executionProviders: ['wasm'] });
  assert.deepEqual(session.inputNames, ['image']);
  assert.deepEqual(session.outputNames, ['scores']);
  const scores = await runAll(session, [784], 'scores');
  await session.release();

  const net = new wl.LinearNetwork(1);
  net.loadModel(await site('models/chapter-linear.wlm'));
  compare('chapter-linear', scores, (n) => net.predictImage(data, n), LINEAR_TOLERANCE);
  net.delete();
});

test('the build ships exactly what the exporter makes of the .wlm files', async () => {
  for (const name of ['digits-cnn', 'chapter-linear']) {
    const made = wlmToOnnx(await site(`models/${name}.wlm`), `models/${name}.wlm`);
    assert.deepEqual(Buffer.from(made), Buffer.from(await site(`models/${name}.onnx`)), `${name}.onnx is stale`);
    const model = onnx.ModelProto.decode(made);
    assert.equal(Number(model.irVersion), 7);
    assert.deepEqual(model.opsetImport.map((o) => [o.domain, Number(o.version)]), [['', 13]]);
    const meta = Object.fromEntries(model.metadataProps.map((p) => [p.key, p.value]));
    assert.equal(meta.source, `models/${name}.wlm`);
    assert.match(meta.architecture, name === 'digits-cnn' ? /^cnn-c5x8-p2-c5x32-p2-d128-d10$/ : /^linear-784-10$/);
  }
});

test('the exporter refuses a corrupted file, another architecture and missing tensors', async () => {
  const cnn = await site('models/digits-cnn.wlm');
  const flipped = cnn.slice();
  flipped[1000] ^= 1;
  assert.throws(() => wlmToOnnx(flipped, 'x'), /checksum mismatch/);
  assert.throws(() => wlmToOnnx(cnn.subarray(0, 100), 'x'), /checksum mismatch|truncated/);
  assert.throws(() => wlmToOnnx(new Uint8Array(8), 'x'), /too short/);

  // Well-formed files (the engine's own, the CRC-32 made right) the exporter has no graph for.
  const net = new wl.LinearNetwork(1);
  const text = Buffer.from(net.saveModel()).toString('latin1');
  net.delete();
  const edited = (from, to) => withCrc(Uint8Array.from(Buffer.from(text.replace(from, to), 'latin1')));
  assert.ok(wlmToOnnx(edited('', ''), 'x').length > 31000);
  assert.throws(() => wlmToOnnx(edited('linear-784-10', 'linear-784-11'), 'x'), /no ONNX export for architecture 'linear-784-11'/);
  assert.throws(() => wlmToOnnx(edited('weights', 'weighty'), 'x'), /no tensor 'weights'/);
});

// The file with its CRC-32 recomputed, so only the content change is tested.
function withCrc(bytes) {
  new DataView(bytes.buffer).setUint32(bytes.length - 4, crc32(bytes.subarray(0, bytes.length - 4)) >>> 0, true);
  return bytes;
}

test('predictImage without a CNN or past the dataset is an Error, and the reader works after it', async () => {
  const reader = new wl.DigitReader();
  assert.throws(() => reader.predictImage(data, 0), /no CNN model loaded/);
  reader.loadModel(await site('models/digits-cnn.wlm'));
  for (const bad of [-1, 10000, 0.5, NaN]) assert.throws(() => reader.predictImage(data, bad), /index must be a whole number/);
  const probs = reader.predictImage(data, 0);
  assert.ok(probs instanceof Float32Array && probs.length === 10);
  assert.equal(argmax(probs), data.label(0));
  reader.delete();
});
