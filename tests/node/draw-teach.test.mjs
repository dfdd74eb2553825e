// The chapter's network on the draw page, through the built module: a map for
// any digit and the difference of two (their sums are the scores and the
// score difference), one teach step that moves exactly the weights the
// chapter's formula says, replay and countRight over the learner's examples,
// resetLinear, and clear Errors for bad input (the module still works after).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { loadWeightlab, SITE_DIR, mnistTestIdx, canvasOfDigit as drawDigit } from './load.mjs';

const wl = await loadWeightlab();
const linearBytes = await readFile(new URL('models/chapter-linear.wlm', SITE_DIR));
const { images, labels } = await mnistTestIdx();
const SIDE = 280;

// MNIST test digit n, scaled up 10x as dark ink on white.
const canvasOfDigit = (n, rgba) => drawDigit(images, n, SIDE, rgba);

function newReader() {
  const r = new wl.DigitReader();
  r.loadLinear(linearBytes);
  return r;
}

// The first test digit with `label` that the chapter's network reads wrong.
function misread(label) {
  const r = newReader();
  try {
    for (let n = 0; n < 2000; n++) {
      if (labels[8 + n] !== label) continue;
      const out = r.read(canvasOfDigit(n), SIDE, SIDE);
      if (out.linearTop !== label) return n;
    }
  } finally { r.delete(); }
  throw new Error(`no misread ${label}`);
}

const sum = (a) => a.reduce((s, v) => s + v, 0);

test('a map for every digit sums to its score; a difference sums to the score difference', () => {
  const r = newReader();
  const out = r.read(canvasOfDigit(0), SIDE, SIDE);
  for (let d = 0; d < 10; d++) {
    const m = r.contributions(d);
    assert.equal(m.digit, d);
    assert.ok(m.map instanceof Float32Array && m.map.length === 784);
    assert.ok(Math.abs(m.sum - out.linear[d]) < 1e-5, `digit ${d}: ${m.sum} vs ${out.linear[d]}`);
    assert.ok(Math.abs(sum(m.map) - m.sum) < 1e-4);
    out.image.forEach((x, i) => { if (x === 0) assert.ok(m.map[i] === 0, 'no ink, no contribution'); });
  }
  const diff = r.difference(2, 7);
  const a = r.contributions(2).map;
  const b = r.contributions(7).map;
  assert.deepEqual([diff.a, diff.b], [2, 7]);
  diff.map.forEach((v, i) => assert.ok(Math.abs(v - (a[i] - b[i])) < 1e-6));
  assert.ok(Math.abs(diff.sum - (out.linear[2] - out.linear[7])) < 1e-5);
  r.delete();
});

test('one teach step changes exactly the weights the chapter\'s formula says', () => {
  const r = newReader();
  const out = r.read(canvasOfDigit(misread(4)), SIDE, SIDE);
  const input = Float64Array.from(out.image);
  const before = r.linearWeights();
  assert.equal(before.length, 7840);
  const alpha = 0.002;
  const t = r.teach(4, alpha);
  const after = r.linearWeights();
  assert.equal(t.label, 4);
  assert.equal(t.alpha, alpha);
  for (let c = 0; c < 10; c++) {
    assert.ok(Math.abs(t.before[c] - out.linear[c]) < 1e-6, 'before = the reading');
    assert.equal(t.delta[c], t.before[c] - (c === 4 ? 1 : 0), 'delta = score - target');
  }
  let moved = 0;
  let inked = 0;
  for (let i = 0; i < 784; i++) if (input[i] !== 0) inked += 1;
  for (let c = 0; c < 10; c++) {
    for (let i = 0; i < 784; i++) {
      const k = c * 784 + i;
      assert.equal(after[k], before[k] - alpha * (t.delta[c] * input[i]), `w[${c}][${i}]`);
      if (after[k] !== before[k]) moved += 1;
      if (input[i] === 0) assert.equal(after[k], before[k], `w[${c}][${i}] has no ink and must not move`);
    }
  }
  console.log(`# teach: ${inked} inked pixels, ${moved} weights moved (10 rows x ${inked}), sum of pixel^2 ${t.sumSquares.toFixed(2)}`);
  assert.equal(moved, 10 * inked);
  assert.ok(Math.abs(t.sumSquares - sum(input.map((x) => x * x))) < 1e-9);
  // the weight image of 4, before and after, and the scores after
  t.rowBefore.forEach((w, i) => assert.equal(w, Math.fround(before[4 * 784 + i])));
  t.rowAfter.forEach((w, i) => assert.equal(w, Math.fround(after[4 * 784 + i])));
  t.rowChange.forEach((w, i) => assert.equal(w, Math.fround(after[4 * 784 + i] - before[4 * 784 + i])));
  assert.ok(Math.abs(t.shrink - (1 - alpha * t.sumSquares)) < 1e-12);
  const again = r.read(canvasOfDigit(misread(4)), SIDE, SIDE);
  for (let c = 0; c < 10; c++) assert.ok(Math.abs(again.linear[c] - t.after[c]) < 1e-6);
  assert.equal(t.topAfter, again.linearTop);
  r.delete();
});

test('teaching a misread 4 three times raises its score for 4 and its rank', () => {
  const r = newReader();
  const out = r.read(canvasOfDigit(misread(4)), SIDE, SIDE);
  let score = out.linear[4];
  const first = [...out.linear].filter((v) => v > out.linear[4]).length + 1;
  let rank = first;
  for (let k = 0; k < 3; k++) {
    const t = r.teach(4, 0.002);
    assert.equal(t.rankBefore, rank);
    assert.ok(t.after[4] > score);
    assert.ok(t.rankAfter <= t.rankBefore);
    score = t.after[4];
    rank = t.rankAfter;
  }
  console.log(`# a misread 4 taught three times at alpha 0.002: rank ${first} -> ${rank}, score ${out.linear[4].toFixed(3)} -> ${score.toFixed(3)}`);
  assert.ok(rank < first, 'its rank improved');
  r.delete();
});

test('replay is one step per example; countRight counts; resetLinear restores the shipped weights', () => {
  const r = newReader();
  const shipped = r.linearWeights();
  const picks = [misread(4), misread(7), 0];
  const imgs = new Float32Array(picks.length * 784);
  const labs = picks.map((n) => labels[8 + n]);
  picks.forEach((n, k) => imgs.set(r.read(canvasOfDigit(n), SIDE, SIDE).image, k * 784));
  const before = r.countRight(imgs, labs);
  const res = r.replay(imgs, labs, [0.003, 0.003, 0.003]);
  assert.equal(res.count, 3);
  // the same steps through teach() give the same weights and the same count
  const twin = newReader();
  let correct = 0;
  for (let k = 0; k < picks.length; k++) {
    twin.read(canvasOfDigit(picks[k]), SIDE, SIDE);
    correct += twin.teach(labs[k], 0.003).topBefore === labs[k];
  }
  assert.equal(res.correctBefore, correct);
  assert.deepEqual(r.linearWeights(), twin.linearWeights());
  const right = r.countRight(imgs, labs);
  console.log(`# three examples: ${before} read right before, ${right} after one replay`);
  assert.ok(right >= before);
  r.resetLinear();
  assert.deepEqual(r.linearWeights(), shipped);
  assert.equal(r.countRight(imgs, labs), before);
  assert.equal(r.countRight([], []), 0);
  twin.delete();
  r.delete();
});

test('a diverging step is undone and reported (teach and replay); the reader keeps learning', () => {
  const r = newReader();
  const image = r.read(canvasOfDigit(misread(4)), SIDE, SIDE).image;
  let kept;
  let at = -1;
  for (let k = 0; k < 8 && at < 0; k++) {
    kept = r.linearWeights();
    const t = r.teach(4, 1);
    assert.ok(t.shrink < -1, `shrink ${t.shrink}`);
    if (t.diverged) {
      at = k;
      assert.deepEqual(t.after, t.before);
    }
  }
  assert.ok(at > 0, `diverged at step ${at}`);
  assert.deepEqual(r.linearWeights(), kept, 'the diverged step changed nothing');
  assert.equal(r.teach(4, 0.001).diverged, true, 'the scores are already far off: even a small step diverges');
  assert.deepEqual(r.linearWeights(), kept);
  r.resetLinear();
  assert.equal(r.teach(4, 0.001).diverged, false, 'after a reset it learns again');
  r.resetLinear();
  const shipped = r.linearWeights();
  const imgs = new Float32Array(8 * 784);
  for (let k = 0; k < 8; k++) imgs.set(image, k * 784);
  const res = r.replay(imgs, Array(8).fill(4), Array(8).fill(1));
  assert.equal(res.diverged, true);
  assert.equal(res.divergedAt, at);
  assert.deepEqual(r.linearWeights(), shipped, 'a diverged replay changed nothing');
  const ok = r.replay(imgs, Array(8).fill(4), Array(8).fill(0.001));
  assert.equal(ok.diverged, false);
  assert.equal(ok.divergedAt, -1);
  r.delete();
});

test('bad input: a clear Error, nothing changes, and the reader still works', () => {
  const bare = new wl.DigitReader();
  assert.throws(() => bare.teach(4, 0.01), /the chapter's network is not loaded/);
  assert.throws(() => bare.resetLinear(), /not loaded/);
  bare.delete();
  const r = newReader();
  assert.throws(() => r.teach(4, 0.01), /no drawing has been read by the chapter's network yet: draw a digit first/);
  assert.throws(() => r.contributions(3), /draw a digit first/);
  r.read(new Uint8ClampedArray(SIDE * SIDE * 4), SIDE, SIDE);
  assert.throws(() => r.teach(4, 0.01), /draw a digit first/, 'an empty canvas is no reading');
  r.read(canvasOfDigit(1), SIDE, SIDE);
  const weights = r.linearWeights();
  assert.throws(() => r.teach(11, 0.01), /label must be a digit 0\.\.9/);
  assert.throws(() => r.teach(2.5, 0.01), /label must be a digit 0\.\.9/);
  assert.throws(() => r.teach(4, NaN), /alpha must be a number in \(0, 10\]/);
  assert.throws(() => r.teach(4, -1), /alpha must be a number in \(0, 10\]/);
  assert.throws(() => r.teach(4), /alpha is missing/);
  assert.throws(() => r.teach('4', 0.01), /label must be a number/);
  assert.throws(() => r.contributions(10), /digit must be a digit 0\.\.9/);
  assert.throws(() => r.difference(1, -1), /b must be a digit 0\.\.9/);
  const img = new Float32Array(784).fill(0.5);
  assert.throws(() => r.replay(img, [12], [0.01]), /example 0's label must be a digit 0\.\.9/);
  assert.throws(() => r.replay(img, [3], [NaN]), /example 0's alpha must be a number in \(0, 10\]/);
  assert.throws(() => r.replay(img, [3], [0.01, 0.01]), /alphas has 2 values, expected one per label \(1\)/);
  assert.throws(() => r.countRight(new Float32Array(700), [3]), /images has 700 values, expected 784 per label \(784\)/);
  assert.throws(() => r.countRight(Float32Array.from(img, (v, i) => (i === 9 ? NaN : v)), [3]), /example 0's pixel 9 is not a number in \[0, 1\]/);
  assert.throws(() => r.countRight(Float32Array.from(img, (v, i) => (i === 9 ? 2 : v)), [3]), /pixel 9 is not a number in \[0, 1\]/);
  assert.throws(() => r.countRight(new Float32Array(1001 * 784), new Array(1001).fill(1)), /at most 1000 examples per call, got 1001/);
  assert.throws(() => r.countRight('x', [1]), /images must be an array of numbers/);
  assert.deepEqual(r.linearWeights(), weights, 'no bad call moved a weight');
  const t = r.teach(1, 0.001);
  assert.equal(t.label, 1);
  r.delete();
});

test('1,000 rounds of maps, teaching and bad calls leak no Embind handles and do not grow the heap', () => {
  const r = newReader();
  const img = new Float32Array(784).fill(0.25);
  const round = () => {
    r.read(canvasOfDigit(5), SIDE, SIDE);
    r.contributions(3);
    r.difference(3, 8);
    r.teach(labels[8 + 5], 0.0001);
    r.countRight(img, [2]);
    for (const bad of [() => r.teach(10, 0.1), () => r.replay(img, [1], [NaN]), () => r.countRight(img, [1, 2]), () => r.difference(0, 99)]) {
      try { bad(); } catch { /* expected */ }
    }
  };
  for (let i = 0; i < 20; i++) round();
  const handles = wl.count_emval_handles();
  const heap = wl.HEAP8.length;
  const inUse = wl.heapInUse();
  for (let i = 0; i < 1000; i++) round();
  assert.equal(wl.count_emval_handles(), handles);
  assert.equal(wl.HEAP8.length, heap);
  assert.equal(wl.heapInUse(), inUse);
  r.resetLinear();
  r.delete();
});
