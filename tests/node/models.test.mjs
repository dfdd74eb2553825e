// The shipped models, measured by the WASM build on the official 10,000 MNIST
// test digits: the CNN the drawing canvas uses must reach 99.0%.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { loadWeightlab, SITE_DIR } from './load.mjs';

const wl = await loadWeightlab();
const bytes = async (path) => new Uint8Array(await readFile(new URL(path, SITE_DIR)));

test('the shipped CNN reads at least 99.0% of the 10,000 test digits (WASM)', async () => {
  const data = wl.Dataset.fromBytes(await bytes('data/mnist-test.wld'));
  const reader = new wl.DigitReader();
  reader.loadModel(await bytes('models/digits-cnn.wlm'));
  assert.equal(data.count, 10000);
  const right = reader.countCorrect(data);
  console.log(`${reader.architecture()}: ${right} of 10000 test digits (${(right / 100).toFixed(2)}%)`);
  assert.ok(right >= 9900, `${right} < 9900`);
  reader.delete();
  data.delete();
});

test('the shipped chapter network keeps its reported test accuracy (WASM)', async () => {
  const data = wl.Dataset.fromBytes(await bytes('data/mnist-test.wld'));
  const net = new wl.LinearNetwork(1);
  net.loadModel(await bytes('models/chapter-linear.wlm'));
  const accuracy = net.evaluate(data);
  console.log(`linear-784-10: ${(accuracy * 100).toFixed(2)}% of 10000 test digits`);
  assert.ok(accuracy >= 0.80, `${accuracy} < 0.80`);
  net.delete();
  data.delete();
});

test('counting with no CNN loaded is an Error, and the reader still works after it', async () => {
  const data = wl.Dataset.fromBytes(await bytes('data/mnist-train-1000.wld'));
  const reader = new wl.DigitReader();
  assert.throws(() => reader.countCorrect(data), /no CNN model loaded/);
  reader.loadModel(await bytes('models/digits-cnn.wlm'));
  assert.ok(reader.countCorrect(data) > 990);
  reader.delete();
  data.delete();
});
