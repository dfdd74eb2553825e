// The page's shared layer (web/js/common/) where it is plain logic, under
// Node without a browser: the one number format, the one weight-name rule,
// the trace slicer's vocabulary, the framing rules, the ranking.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fmt, tick, niceTicks } from '../../web/js/common/format.js';
import { weightName, weightNames, letter } from '../../web/js/common/names.js';
import { iterationOf, usableSteps, weightPath, phaseIndex } from '../../web/js/common/trace.js';
import { bowlMinima, chooseFrame, axisRange, extent } from '../../web/js/common/framing.js';
import { rank } from '../../web/js/common/rank.js';
import { loadWeightlab } from './load.mjs';

test('fmt: the book\'s way, four significant digits, no float noise, never NaN', () => {
  assert.equal(fmt(0.8600000000000001), '0.86');
  assert.equal(fmt(-1.1900000000000002), '-1.19');
  assert.equal(fmt(0.01959999), '0.0196');
  assert.equal(fmt(0.1), '0.1');
  assert.equal(fmt(3.8675000000000006), '3.868');
  assert.equal(fmt(99010), '9.901e4');  // never '9.901e+4'
  assert.equal(fmt(1234), '1234');
  assert.equal(fmt(0), '0');
  assert.equal(fmt(1.5e-7), '1.5e-7');
  assert.equal(fmt(2.5e12), '2.5e12');
  assert.equal(fmt(NaN), '–');
  assert.equal(fmt(Infinity), '∞');
  assert.equal(fmt(0.123456, 3), '0.123');
  assert.equal(tick(0.2005, 0, 0.0005), '0.2005');
  assert.deepEqual(niceTicks(0, 1, 5), [0, 0.2, 0.4, 0.6, 0.8, 1]);
});

test('weight names: the input alone beside one output, input → output beside several', () => {
  assert.deepEqual(weightNames(['toes', 'wlrec'], ['win']), ['toes', 'wlrec']);
  assert.deepEqual(weightNames(['toes', 'wlrec'], ['hurt', 'win']), ['toes → hurt', 'wlrec → hurt', 'toes → win', 'wlrec → win']);
  assert.equal(weightName(3, 2, 2, { inputNames: ['toes', 'wlrec'], outputNames: ['hurt', 'win'] }, ' to '), 'wlrec to win');
  assert.equal(weightName(4, 3, 2, {}), 'input 2 → output 2');
  assert.equal(letter(2), 'c');
});

test('trace slicer: the engine\'s field names, clamped to the usable steps', async () => {
  const engine = await loadWeightlab();
  const problem = engine.example('multi-input');
  const trace = engine.run(problem);
  const it = iterationOf(trace, 1);
  assert.equal(it.k, 1);
  assert.deepEqual(it.weightsBefore, [...trace.weightsBefore.subarray(3, 6)]);
  assert.deepEqual(it.weightsAfter, [...trace.weightsAfter.subarray(3, 6)]);
  assert.deepEqual(it.weightDeltas, [...trace.weightDeltas.subarray(3, 6)]);
  assert.equal(it.totalError, trace.error[1]);
  assert.equal(iterationOf(trace, 99).k, trace.steps - 1);
  assert.equal(usableSteps(trace), trace.steps);
  assert.equal(weightPath(trace, 0).length, trace.steps + 1);
  assert.equal(iterationOf(engine.run({ ...problem, iterations: 0 }), 0), null);
  assert.equal(phaseIndex('learn'), 2);
  assert.equal(phaseIndex('nonsense'), 0);

  // The bowl's minimum: the error at the minimum is below the error at the weight.
  const j = 0;
  for (let w = 0; w < 3; w += 1) {
    const m = bowlMinima(engine, problem, w)[j];
    const held = { ...problem, weights: trace.weightsBefore.slice(0, 3) };
    const [atMin] = engine.errorCurve(held, { index: w, from: m, to: m + 1, samples: 2 });
    const [atW] = engine.errorCurve(held, { index: w, from: trace.weightsBefore[w], to: trace.weightsBefore[w] + 1, samples: 2 });
    assert.ok(atMin < atW && atMin < 1e-20, `weight ${w}: ${atMin} at the bowl's minimum, ${atW} now`);
  }
});

test('framing: the whole run unless it squashes the current step 25 times; axes end on round numbers', () => {
  const size = (r) => (r ? r[1] - r[0] : 0);
  assert.deepEqual(chooseFrame([0, 10], [0, 1], size), [0, 10]);
  assert.deepEqual(chooseFrame([0, 100], [0, 1], size), [0, 1]);
  assert.deepEqual(chooseFrame(null, [0, 1], size), [0, 1]);
  assert.deepEqual(axisRange([0.1, 0.2], { margin: 0.12 }), [0.05, 0.25]);  // 0.088..0.212 to steps of 0.05
  assert.deepEqual(axisRange([1, 1], { margin: 0.12 }), [0.5, 1.5]);
  assert.deepEqual(extent([1, NaN, -2, 1e200]), [-2, 1]);
});

test('rank: highest first, the first on ties', () => {
  assert.deepEqual(rank(Float32Array.from([0.1, 0.7, 0.1, 0.7])), [1, 3, 0, 2]);
});
