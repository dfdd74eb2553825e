// The shipped models, measured by the WASM build on the official 10,000 MNIST
// test digits: the CNN the drawing canvas uses must reach issue 15's 99.6%.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadWeightlab, readSite, mnistTestWld } from './load.mjs';

const wl = await loadWeightlab();
const bytes = readSite;

test('the shipped CNN reads at least 99.6% of the 10,000 test digits (WASM)', async () => {
  const data = wl.Dataset.fromBytes(await mnistTestWld());
  const reader = new wl.DigitReader();
  reader.loadModel(await bytes('models/digits-cnn.wlm'));
  assert.equal(data.count, 10000);
  const right = reader.countCorrect(data);
  console.log(`${reader.architecture()}: ${right} of 10000 test digits (${(right / 100).toFixed(2)}%)`);
  assert.ok(right >= 9960, `${right} < 9960`);
  reader.delete();
  data.delete();
});

test('the shipped chapter network keeps its reported test accuracy (WASM)', async () => {
  const data = wl.Dataset.fromBytes(await mnistTestWld());
  const net = new wl.LinearNetwork(1);
  net.loadModel(await bytes('models/chapter-linear.wlm'));
  const accuracy = net.evaluate(data);
  console.log(`linear-784-10: ${(accuracy * 100).toFixed(2)}% of 10000 test digits`);
  assert.ok(accuracy >= 0.80, `${accuracy} < 0.80`);
  net.delete();
  data.delete();
});

test('counting with no CNN loaded is an Error, and the reader still works after it', async () => {
  const data = wl.Dataset.fromBytes(await bytes('data/mnist-train-1000.wld.gz'));
  const reader = new wl.DigitReader();
  assert.throws(() => reader.countCorrect(data), /no CNN model loaded/);
  reader.loadModel(await bytes('models/digits-cnn.wlm'));
  assert.ok(reader.countCorrect(data) > 990);
  reader.delete();
  data.delete();
});

test('the site\'s test set is every fifth of the 10,000 test digits, gzip-compressed', async () => {
  const all = wl.Dataset.fromBytes(await mnistTestWld());
  const site = wl.Dataset.fromBytes(await bytes('data/mnist-test-2000.wld.gz'));
  assert.equal(site.count, 2000);
  for (const i of [0, 1, 999, 1999]) {
    assert.deepEqual([...site.images(i, i + 1)], [...all.images(i * 5, i * 5 + 1)], `digit ${i}`);
    assert.equal(site.label(i), all.label(i * 5));
  }
  site.delete();
  all.delete();
});
