// MNIST through the built WASM module: the site's data file holds the book's
// first 1,000 digits, training in WASM follows the native golden trajectory to
// the bit, bad files are JS Errors, and nothing leaks Embind handles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { loadWeightlab, SITE_DIR, readSite } from './load.mjs';

const wl = await loadWeightlab();
const trainBytes = await readSite('data/mnist-train-1000.wld.gz');
const modelBytes = new Uint8Array(await readFile(new URL('models/chapter-linear.wlm', SITE_DIR)));
const train = wl.Dataset.fromBytes(trainBytes);

test('the site data file is the book\'s first 1,000 MNIST training digits', () => {
  assert.equal(train.count, 1000);
  assert.equal(train.rows, 28);
  assert.equal(train.cols, 28);
  assert.deepEqual([...train.labels().slice(0, 10)], [5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
  assert.deepEqual(train.classCounts(), [97, 116, 99, 93, 105, 92, 94, 117, 87, 100]);
  const first = train.images(0, 1);
  assert.equal(first.length, 784);
  assert.equal(first.reduce((a, b) => a + b, 0), 27525);  // the famous 5, as natively
});

// Same literals as tests/native/mnist_linear_test.cpp (MnistLinear.GoldenTrajectory):
//   build/native/train_linear --data site/data --seed 1 --alpha 0.001 --train 200 --epochs 2
test('training in WASM follows the native golden trajectory bit for bit', () => {
  const net = new wl.LinearNetwork(1);
  try {
    const e1 = net.trainRange(train, 0, 200, 0.001);
    const e2 = net.trainRange(train, 0, 200, 0.001);
    assert.equal(e1.error, 153.59908186042145);
    assert.equal(e2.error, 108.33163138943713);
    assert.equal(e1.correct, 105);
    assert.equal(e2.correct, 162);
    assert.equal(e2.count, 200);
    assert.equal(e2.diverged, false);
  } finally {
    net.delete();
  }
});

test('a large alpha reports divergence instead of NaN', () => {
  const net = new wl.LinearNetwork(1);
  try {
    const r = net.trainRange(train, 0, 1000, 0.05);
    assert.equal(r.diverged, true);
    assert.ok(r.divergedAt >= 0 && r.divergedAt < 1000);
    assert.ok(net.weights().every(Number.isFinite));
    net.reset(1);
    assert.equal(net.trainRange(train, 0, 10, 0.001).diverged, false);
  } finally {
    net.delete();
  }
});

test('the committed model predicts, and its contributions sum to the scores', () => {
  const net = new wl.LinearNetwork(1);
  try {
    net.loadModel(modelBytes);
    assert.ok(net.evaluate(train) > 0.85);
    const scores = net.predictImage(train, 0);
    assert.equal(scores.length, 10);
    const input = Array.from(train.images(0, 1), (p) => p / 255);
    assert.deepEqual([...net.predict(input)], [...scores]);
    for (let c = 0; c < 10; c++) {
      const parts = net.contributionsImage(train, 0, c);
      assert.equal(parts.length, 784);
      assert.ok(Math.abs(parts.reduce((a, b) => a + b, 0) - scores[c]) < 1e-12);
      assert.deepEqual([...net.contributions(input, c)], [...parts]);
    }
    const saved = net.saveModel();
    const copy = new wl.LinearNetwork(9);
    copy.loadModel(saved);
    assert.deepEqual([...copy.weights()], [...net.weights()]);
    copy.delete();
  } finally {
    net.delete();
  }
});

function flip(bytes, at) {
  const b = bytes.slice();
  b[at] ^= 0xff;
  return b;
}

const badData = [
  [new Uint8Array(0), /too short/],
  [flip(trainBytes, 0), /bad magic/],
  [trainBytes.slice(0, 5000), /truncated/],
  [flip(trainBytes, 100), /checksum mismatch/],
  ['not bytes', /must be a Uint8Array/],
];
for (const [bytes, message] of badData) {
  test(`a bad data file is a JS Error: ${message.source}`, () => {
    assert.throws(() => wl.Dataset.fromBytes(bytes), (e) => e instanceof Error && message.test(e.message));
    const again = wl.Dataset.fromBytes(trainBytes);
    assert.equal(again.count, 1000, 'the module still works after the error');
    again.delete();
  });
}

const badModels = [
  [flip(modelBytes, 0), /bad magic|magic/],
  [modelBytes.slice(0, 100), /truncated/],
  [flip(modelBytes, 2000), /checksum/],
  [trainBytes, /magic/],
];
for (const [bytes, message] of badModels) {
  test(`a bad model file is a JS Error and the old weights stay: ${message.source}`, () => {
    const net = new wl.LinearNetwork(1);
    try {
      const before = net.weights();
      assert.throws(() => net.loadModel(bytes), (e) => e instanceof Error && message.test(e.message));
      assert.deepEqual([...net.weights()], [...before]);
      assert.equal(net.trainRange(train, 0, 5, 0.001).count, 5);
    } finally {
      net.delete();
    }
  });
}

test('bad arguments are JS Errors with clear messages', () => {
  const net = new wl.LinearNetwork(1);
  try {
    assert.throws(() => net.trainRange(train, 0, 1001, 0.001), /not inside the 1000 images/);
    assert.throws(() => net.trainRange(train, 0, 10, -1), /alpha must be/);
    assert.throws(() => net.trainRange(train, 1.5, 10, 0.001), /begin must be a whole number/);
    assert.throws(() => net.predict([1, 2, 3]), /input has length 3, expected 784/);
    assert.throws(() => net.contributionsImage(train, 0, 10), /class must be a digit 0..9/);
    assert.throws(() => net.predictImage(train, 1000), /image 1000 is not among the 1000/);
    assert.throws(() => train.label(-1), /index must be a whole number/);
  } finally {
    net.delete();
  }
});

test('repeated calls and errors leak no Embind handles', () => {
  const net = new wl.LinearNetwork(1);
  const input = new Float64Array(784).fill(0.5);
  const round = () => {
    net.trainRange(train, 0, 20, 0.001);
    net.weights(); net.predict(input); net.contributions(input, 3); net.predictImage(train, 4);
    net.contributionsImage(train, 4, 2); train.labels(); train.images(0, 10); train.classCounts();
    net.evaluate(train);
    try { net.loadModel(trainBytes); } catch { /* expected */ }
    try { wl.Dataset.fromBytes(modelBytes); } catch { /* expected */ }
    try { net.predict([1]); } catch { /* expected */ }
    try { net.trainRange(train, 5, 1, 0.001); } catch { /* expected */ }
    net.loadModel(modelBytes);
  };
  round();
  const before = wl.count_emval_handles();
  for (let i = 0; i < 50; i++) round();
  assert.equal(wl.count_emval_handles(), before);
  net.delete();
});
