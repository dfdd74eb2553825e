// The DigitReader through the built module: one read() per frame turns canvas
// RGBA into the 28x28, the CNN's probabilities and the chapter network's
// scores and contributions. Empty canvases give no guess, MNIST digits drawn
// large on a canvas are read right, bad input is a JS Error, and 1,000 reads
// leak neither Embind handles nor WASM heap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { loadWeightlab, SITE_DIR, mnistTestIdx, canvasOfDigit as drawDigit } from './load.mjs';

const wl = await loadWeightlab();
const cnnBytes = await readFile(new URL('models/digits-cnn.wlm', SITE_DIR));
const linearBytes = await readFile(new URL('models/chapter-linear.wlm', SITE_DIR));
const { images, labels } = await mnistTestIdx();

function newReader() {
  const r = new wl.DigitReader();
  r.loadModel(cnnBytes);
  r.loadLinear(linearBytes);
  return r;
}

const SIDE = 280;

// MNIST test digit n, scaled up 10x as dark ink on white.
const canvasOfDigit = (n, rgba) => drawDigit(images, n, SIDE, rgba);

const argmax = (a) => a.reduce((best, v, i) => (v > a[best] ? i : best), 0);

test('an empty canvas has no ink and no guess (transparent and white alike)', () => {
  const r = newReader();
  for (const fill of [0, 255]) {
    const out = r.read(new Uint8ClampedArray(SIDE * SIDE * 4).fill(fill), SIDE, SIDE);
    assert.equal(out.hasInk, false);
    assert.equal(out.inkPixels, 0);
    assert.equal(out.probs, null);
    assert.equal(out.linear, null);
    assert.ok(!('contribTop' in out), 'read() computes no maps (contributions() does)');
    assert.ok(out.image instanceof Float32Array && out.image.length === 784);
    assert.ok(out.image.every((v) => v === 0));
  }
  r.delete();
});

test('100 MNIST test digits drawn 10x large are read as their labels (>= 95)', () => {
  const r = newReader();
  assert.match(r.architecture(), /^cnn-c5x\d+-p2-c5x\d+-p2(-d\d+)?-d10$/);
  const rgba = new Uint8ClampedArray(SIDE * SIDE * 4);
  let cnn = 0;
  let linear = 0;
  for (let n = 0; n < 100; n++) {
    const out = r.read(canvasOfDigit(n, rgba), SIDE, SIDE);
    assert.equal(out.hasInk, true);
    assert.equal(out.probs.length, 10);
    assert.ok(Math.abs(out.probs.reduce((a, b) => a + b, 0) - 1) < 1e-4, 'softmax sums to 1');
    if (argmax(out.probs) === labels[8 + n]) cnn += 1;
    if (out.linearTop === labels[8 + n]) linear += 1;
  }
  console.log(`# CNN read ${cnn}/100 scaled MNIST test digits, the linear net ${linear}/100`);
  assert.ok(cnn >= 95, `CNN read only ${cnn}/100`);
  r.delete();
});

test('one read gives the image and both readings; contributions() sum to the scores', () => {
  const r = newReader();
  const out = r.read(canvasOfDigit(0), SIDE, SIDE);  // t10k[0] is a 7
  assert.equal(labels[8], 7);
  assert.ok(out.image instanceof Float32Array);
  assert.ok(Math.abs(Math.max(...out.image) - 1) < 1e-6, 'peak 1, as in MNIST');
  assert.ok(out.probs instanceof Float32Array && out.linear instanceof Float32Array);
  assert.equal(argmax(out.probs), 7);
  assert.equal(out.linearTop, argmax(out.linear));
  assert.notEqual(out.linearRunnerUp, out.linearTop);
  const rest = [...out.linear].filter((_, c) => c !== out.linearTop);
  assert.equal(out.linear[out.linearRunnerUp], Math.max(...rest));
  assert.ok(!('contribTop' in out) && !('contribRunnerUp' in out), 'read() computes no maps');
  for (const cls of [out.linearTop, out.linearRunnerUp]) {
    const { map } = r.contributions(cls);
    assert.equal(map.length, 784);
    const sum = map.reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - out.linear[cls]) < 1e-4, `contributions of ${cls} sum to ${sum}, score ${out.linear[cls]}`);
  }
  assert.ok(out.box.width > 0 && out.box.height > 0 && out.scale > 0);
  r.delete();
});

test('without models the reader still preprocesses; a corrupt model is an Error and the old one stays', () => {
  const r = new wl.DigitReader();
  assert.equal(r.hasModel(), false);
  const bare = r.read(canvasOfDigit(1), SIDE, SIDE);
  assert.equal(bare.hasInk, true);
  assert.equal(bare.probs, null);
  assert.equal(bare.linear, null);
  r.loadModel(cnnBytes);
  const corrupt = Uint8Array.from(cnnBytes);
  corrupt[corrupt.length - 100] ^= 0xff;
  assert.throws(() => r.loadModel(corrupt), /checksum|CRC/i);
  assert.throws(() => r.loadModel(new Uint8Array(5)), /Error|truncated|magic|short/i);
  assert.throws(() => r.loadModel('not bytes'), /must be a Uint8Array/);
  assert.throws(() => r.loadModel(linearBytes), /architecture|cnn/i);
  assert.throws(() => r.loadLinear(cnnBytes), /linear|architecture|weights/i);
  assert.equal(r.hasModel(), true);
  assert.equal(argmax(r.read(canvasOfDigit(1), SIDE, SIDE).probs), labels[9]);
  r.delete();
});

test('wrong lengths and sizes are JS Errors with a message', () => {
  const r = newReader();
  const ok = new Uint8ClampedArray(SIDE * SIDE * 4);
  assert.throws(() => r.read(new Uint8Array(10), SIDE, SIDE), /rgba has 10 bytes, expected width x height x 4 = 313600/);
  assert.throws(() => r.read(ok, SIDE, SIDE + 1), /expected width x height x 4/);
  assert.throws(() => r.read(ok, 0, SIDE), /width must be a whole number of pixels/);
  assert.throws(() => r.read(ok, 2.5, SIDE), /width must be a whole number/);
  assert.throws(() => r.read(ok, SIDE, 5000), /height must be a whole number of pixels from 1 to 4096/);
  assert.throws(() => r.read(new Float32Array(SIDE * SIDE * 4), SIDE, SIDE), /Uint8Array or Uint8ClampedArray/);
  assert.throws(() => r.read([1, 2, 3], 1, 1), /Uint8Array or Uint8ClampedArray/);
  assert.throws(() => r.read(null, SIDE, SIDE), /Uint8Array or Uint8ClampedArray/);
  assert.equal(r.read(canvasOfDigit(0), SIDE, SIDE).hasInk, true, 'still works afterwards');
  r.delete();
});

test('1,000 reads leak no Embind handles and do not grow the WASM heap', () => {
  const r = newReader();
  const digit = canvasOfDigit(3);
  const empty = new Uint8ClampedArray(SIDE * SIDE * 4);
  const bad = new Uint8Array(7);
  const round = () => {
    r.read(digit, SIDE, SIDE);
    r.read(empty, SIDE, SIDE);
    try { r.read(bad, SIDE, SIDE); } catch { /* expected */ }
  };
  for (let i = 0; i < 20; i++) round();  // warm-up: buffers sized, the Error slot allocated
  const handles = wl.count_emval_handles();
  const heap = wl.HEAP8.length;
  for (let i = 0; i < 1000; i++) round();
  assert.equal(wl.count_emval_handles(), handles);
  assert.equal(wl.HEAP8.length, heap);
  r.delete();
});
