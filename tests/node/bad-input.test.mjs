// Every bad call a page or a script can make: each must throw a JS Error
// whose message names the problem, and the module must work afterwards.
// The table prints what each call gave (the issue note quotes it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { loadWeightlab, SITE_DIR, readSite } from './load.mjs';

const wl = await loadWeightlab();
const trainBytes = await readSite('data/mnist-train-1000.wld.gz');
const linearBytes = new Uint8Array(await readFile(new URL('models/chapter-linear.wlm', SITE_DIR)));
const data = wl.Dataset.fromBytes(trainBytes);
const net = new wl.LinearNetwork(1);
const reader = new wl.DigitReader();

const good = () => ({ input: [8.5, 0.65, 1.2], target: [1], weights: [0.1, 0.2, -0.1], alpha: 0.01, iterations: 3 });
const with_ = (patch) => ({ ...good(), ...patch });
const flip = (bytes, at) => { const b = bytes.slice(); b[at] ^= 0xff; return b; };
const idxHeader = (dims) => { const b = new Uint8Array(4 + 4 * dims.length); b.set([0, 0, 8, dims.length]); dims.forEach((d, i) => new DataView(b.buffer).setUint32(4 + 4 * i, d)); return b; };
const image = (n = 784, v = 0.5) => new Float64Array(n).fill(v);

// [what, call, message pattern]
const CASES = [
  // the engine: one layer, one example
  ['problem is not an object', () => wl.run(42), /problem must be an object/],
  ['problem is null', () => wl.run(null), /problem must be an object/],
  ['input missing', () => wl.run(with_({ input: undefined })), /input is missing/],
  ['input is a string', () => wl.run(with_({ input: '8.5' })), /input must be an array of numbers/],
  ['input empty', () => wl.run(with_({ input: [], weights: [] })), /input is empty/],
  ['target empty', () => wl.run(with_({ target: [] })), /target is empty/],
  ['input has NaN', () => wl.run(with_({ input: [8.5, NaN, 1.2] })), /input\[1\] must be a finite number/],
  ['input has Infinity', () => wl.run(with_({ input: [Infinity, 0.65, 1.2] })), /input\[0\] must be a finite number/],
  ['target has -Infinity', () => wl.run(with_({ target: [-Infinity] })), /target\[0\] must be a finite number/],
  ['weights too short', () => wl.run(with_({ weights: [0.1, 0.2] })), /weights .* has length 2, expected 3/],
  ['weights too long', () => wl.run(with_({ weights: [0.1, 0.2, 0.3, 0.4] })), /has length 4, expected 3/],
  ['weights hold text', () => wl.run(with_({ weights: [0.1, 'x', 0] })), /weights\[1\] must be a finite number/],
  ['weights have NaN', () => wl.run(with_({ weights: [NaN, 0.2, -0.1] })), /weights\[0\] must be a finite number/],
  ['alpha NaN', () => wl.run(with_({ alpha: NaN })), /alpha must be a finite number >= 0/],
  ['alpha Infinity', () => wl.run(with_({ alpha: Infinity })), /alpha must be a finite number >= 0/],
  ['alpha negative', () => wl.run(with_({ alpha: -0.01 })), /alpha must be a finite number >= 0/],
  ['alpha is a string', () => wl.run(with_({ alpha: '0.1' })), /alpha must be a number/],
  ['alpha missing', () => wl.run(with_({ alpha: undefined })), /alpha is missing/],
  ['iterations negative', () => wl.run(with_({ iterations: -1 })), /iterations must be between 0 and 100000/],
  ['iterations absurd', () => wl.run(with_({ iterations: 1e7 })), /iterations must be between 0 and 100000/],
  ['iterations fractional', () => wl.run(with_({ iterations: 1.5 })), /iterations must be a whole number/],
  ['iterations NaN', () => wl.run(with_({ iterations: NaN })), /iterations must be a whole number/],
  ['trace too large', () => wl.run({ input: image(784), target: image(10), weights: image(7840, 0), alpha: 0.01, iterations: 1000 }), /trace too large/],
  ['mask too short', () => wl.run(with_({ frozen: [1] })), /frozen mask has length 1, expected 0 or 3/],
  ['mask too long', () => wl.run(with_({ frozen: [1, 0, 0, 0] })), /frozen mask has length 4/],
  ['mask holds 2', () => wl.run(with_({ frozen: [0, 2, 0] })), /frozen must hold only 0 and 1/],
  ['mask holds NaN', () => wl.run(with_({ frozen: [0, NaN, 0] })), /frozen must hold only 0 and 1/],
  ['unknown example', () => wl.example('several-outputs'), /unknown worked example "several-outputs"/],
  ['curve index out of range', () => wl.errorCurve(good(), { index: 3, from: 0, to: 1, samples: 10 }), /weight index 3 out of range/],
  ['curve range reversed', () => wl.errorCurve(good(), { index: 0, from: 1, to: 0, samples: 10 }), /start < end/],
  ['curve with 1 sample', () => wl.errorCurve(good(), { index: 0, from: 0, to: 1, samples: 1 }), /samples must be between 2 and 4096/],
  ['curve range NaN', () => wl.errorCurve(good(), { index: 0, from: NaN, to: 1, samples: 10 }), /must be a finite number/],
  ['surface on one weight', () => wl.errorSurface(good(), { x: 1, y: 1, xFrom: 0, xTo: 1, yFrom: 0, yTo: 1, nx: 8, ny: 8 }), /two different weight indices/],
  ['surface grid huge', () => wl.errorSurface(good(), { x: 0, y: 1, xFrom: 0, xTo: 1, yFrom: 0, yTo: 1, nx: 4096, ny: 4096 }), /surface grid too large/],
  // data files
  ['data file empty', () => wl.Dataset.fromBytes(new Uint8Array(0)), /.+/],
  ['data file truncated', () => wl.Dataset.fromBytes(trainBytes.slice(0, 5000)), /trunc|size|length|bytes/i],
  ['data file with a flipped byte', () => wl.Dataset.fromBytes(flip(trainBytes, 1000)), /checksum|CRC/i],
  ['data file with a bad magic', () => wl.Dataset.fromBytes(flip(trainBytes, 0)), /magic/i],
  ['data file is a string', () => wl.Dataset.fromBytes('abc'), /must be a Uint8Array or an ArrayBuffer/],
  ['data file is an idx file', () => wl.Dataset.fromBytes(idxHeader([1, 28, 28])), /magic|short|size/i],
  // model files
  ['model file empty', () => net.loadModel(new Uint8Array(0)), /.+/],
  ['model file truncated', () => net.loadModel(linearBytes.slice(0, 100)), /trunc|size|length|bytes/i],
  ['model file with a flipped byte', () => net.loadModel(flip(linearBytes, 200)), /checksum|CRC|finite/i],
  ['model file with a bad magic', () => net.loadModel(flip(linearBytes, 1)), /magic/i],
  ['model file is a data file', () => net.loadModel(trainBytes), /magic/i],
  // training and prediction
  ['train range past the end', () => net.trainRange(data, 0, 1001, 0.001), /.+/],
  ['train range reversed', () => net.trainRange(data, 10, 5, 0.001), /.+/],
  ['train with alpha NaN', () => net.trainRange(data, 0, 10, NaN), /alpha/],
  ['train with alpha 0', () => net.trainRange(data, 0, 10, 0), /alpha/],
  ['predict 783 pixels', () => net.predict(image(783)), /input has length 783, expected 784/],
  ['predict with NaN pixel', () => net.predict(Object.assign(image(), { 5: NaN })), /input\[5\] must be a finite number/],
  ['contributions of class 10', () => net.contributions(image(), 10), /class must be a digit 0..9/],
  ['image index past the end', () => data.label(1000), /image 1000 is not among the 1000 images/],
  ['negative seed', () => net.reset(-1), /seed must be a whole number/],
  // drawings (a blank canvas is not an error: see the test below)
  ['canvas of 0 x 0 pixels', () => reader.read(new Uint8Array(0), 0, 0), /width must be a whole number of pixels from 1 to 4096/],
  ['1 pixel sent for a 280 x 280 canvas', () => reader.read(new Uint8Array(4), 280, 280), /rgba has 4 bytes, expected width x height x 4 = 313600/],
  ['canvas pixels as a string', () => reader.read('abc', 1, 1), /rgba must be a Uint8Array or Uint8ClampedArray/],
  ['canvas 5000 pixels wide', () => reader.read(new Uint8Array(4), 5000, 1), /width must be a whole number of pixels from 1 to 4096/],
  ['canvas height NaN', () => reader.read(new Uint8Array(4), 1, NaN), /height must be a whole number of pixels/],
  ['digit model file corrupt', () => reader.loadModel(flip(linearBytes, 1)), /magic/],
  ['linear model given to the CNN', () => reader.loadModel(linearBytes), /architecture|cnn/i],
];

test(`${CASES.length} bad calls each give a JS Error naming the problem`, () => {
  assert.ok(CASES.length >= 40);
  const rows = [];
  for (const [what, call, pattern] of CASES) {
    let error = null;
    try { call(); } catch (e) { error = e; }
    assert.ok(error instanceof Error, `${what}: expected a JS Error, got ${error === null ? 'no error' : typeof error}`);
    assert.match(error.message, pattern, what);
    rows.push(`${what.padEnd(32)} -> ${error.message}`);
    // ...and nothing is lost: the engine, the data and the network still work.
    assert.equal(wl.run(good()).steps, 3, `engine after: ${what}`);
  }
  assert.equal(data.count, 1000);
  net.loadModel(linearBytes);
  assert.ok(net.evaluate(data) > 0.8, 'the network still loads and evaluates');
  console.log(rows.join('\n'));
});

test('a blank or one-pixel drawing is read without a guess or with a low-confidence one, never an Error', () => {
  reader.loadModel(new Uint8Array(readFileSync(new URL('models/digits-cnn.wlm', SITE_DIR))));
  const blank = reader.read(new Uint8Array(280 * 280 * 4), 280, 280);
  assert.equal(blank.hasInk, false);
  assert.equal(blank.probs, null, 'no guess on an empty canvas');
  const dot = new Uint8Array(280 * 280 * 4);
  dot.set([0, 0, 0, 255], (140 * 280 + 140) * 4);
  const one = reader.read(dot, 280, 280);
  assert.equal(one.hasInk, true);
  assert.equal(one.inkPixels, 1);
  assert.ok([...one.probs].every(Number.isFinite));
});

test('a corrupt model file leaves the old weights in place', () => {
  net.loadModel(linearBytes);
  const before = net.weights();
  assert.throws(() => net.loadModel(flip(linearBytes, 300)));
  assert.deepEqual(net.weights(), before);
});
