// The engine calls behind "Dot products from scratch" and "One image at a
// time": dot and elementwise against the sums they stand for, their errors,
// Dataset.input (pixel / 255) and LinearNetwork.stepImage (the step it
// reports is the step trainRange takes, and it is -alpha x delta x input).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadWeightlab, readSite } from './load.mjs';

const wl = await loadWeightlab();
const trainBytes = await readSite('data/mnist-train-1000.wld.gz');

test('dot and elementwise: the chapter\'s toy vectors, any length, typed arrays too', () => {
  const a = [0, 1, 0, 1], b = [1, 0, 1, 0], c = [0, 1, 1, 0], d = [0.5, 0, 0.5, 0], e = [0, 1, -1, 0];
  for (const [x, y] of [[a, b], [c, d], [b, c], [c, e], [e, e], [d, d]]) {
    const products = x.map((v, i) => v * y[i]);
    assert.deepEqual(Array.from(wl.elementwise(x, y)), products);
    assert.equal(wl.dot(x, y), products.reduce((s, v) => s + v, 0));
  }
  const long = Float64Array.from({ length: 1001 }, (_, i) => (i % 7) - 3);
  let want = 0;
  for (const v of long) want += v * v;
  assert.equal(wl.dot(long, long), want);
  assert.equal(wl.dot([], []), 0);
  assert.equal(wl.elementwise([], []).length, 0);
});

test('dot and elementwise: bad input is a clear Error, and the engine keeps working', () => {
  const cases = [
    [() => wl.dot([1, 2], [1]), /same length \(got 2 and 1\)/],
    [() => wl.elementwise([1], [1, 2, 3]), /same length/],
    [() => wl.dot([1, NaN], [1, 2]), /a\[1\] must be a finite number/],
    [() => wl.dot([1, 2], [Infinity, 2]), /b\[0\] must be a finite number/],
    [() => wl.dot('12', [1, 2]), /a must be an array of numbers/],
    [() => wl.elementwise([1], undefined), /b is missing/],
  ];
  for (let round = 0; round < 50; round++) {
    for (const [call, message] of cases) assert.throws(call, (error) => error instanceof Error && message.test(error.message));
  }
  assert.equal(wl.dot([2, 3], [4, 5]), 23);
});

test('stepImage reports pred and delta, steps as trainRange does, by exactly -alpha x delta x input', () => {
  const data = wl.Dataset.fromBytes(trainBytes);
  const a = new wl.LinearNetwork(1), b = new wl.LinearNetwork(1);
  for (const [i, alpha] of [[0, 0.001], [1, 0.01], [999, 0.005]]) {
    const before = a.weights();
    const pred = a.predictImage(data, i);
    const step = a.stepImage(data, i, alpha);
    b.trainRange(data, i, i + 1, alpha);
    const after = a.weights();
    assert.deepEqual(Array.from(after), Array.from(b.weights()), 'the same step as trainRange');
    assert.equal(step.label, data.label(i));
    assert.deepEqual(Array.from(step.pred), Array.from(pred));
    const input = data.input(i);
    const pixels = data.images(i, i + 1);
    for (let k = 0; k < 784; k++) assert.equal(input[k], pixels[k] / 255);
    let worst = 0;
    for (let c = 0; c < 10; c++) {
      assert.equal(step.delta[c], pred[c] - (c === step.label ? 1 : 0));
      for (let k = 0; k < 784; k++) {
        worst = Math.max(worst, Math.abs(after[c * 784 + k] - before[c * 784 + k] + alpha * step.delta[c] * input[k]));
      }
    }
    assert.ok(worst < 1e-15, `image ${i}: worst ${worst}`);
    assert.equal(step.diverged, false);
  }
  assert.throws(() => a.stepImage(data, 1000, 0.001), /image 1000 is not among the 1000 images/);
  assert.throws(() => a.stepImage(data, 0, 0), /alpha must be a number in \(0, 10\]/);
  assert.throws(() => data.input(-1), /index must be a whole number/);
  assert.equal(a.stepImage(data, 2, 0.001).label, data.label(2), 'works after the errors');
  a.delete(); b.delete(); data.delete();
});
