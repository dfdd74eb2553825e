// The built module's engine API: the worked examples, the book's figures,
// equality with the native build, and clear errors on bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadWeightlab } from './load.mjs';

const wl = await loadWeightlab();

function agrees(value, printed) {
  const decimals = printed.includes('.') ? printed.length - printed.indexOf('.') - 1 : 0;
  return Math.abs(value - Number(printed)) <= 0.5 * 10 ** -decimals * (1 + 1e-9);
}

test('five worked examples, each with names that fit its shape', () => {
  const examples = wl.examples();
  assert.deepEqual(examples.map((e) => e.id),
    ['single-input', 'multi-input', 'freeze', 'multi-output', 'multi-in-out']);
  for (const e of examples) {
    assert.equal(e.problem.weights.length, e.inputNames.length * e.outputNames.length, e.id);
    assert.ok(e.problem.weights instanceof Float64Array);
  }
});

test('example 2, first iteration: the numbers the book prints', () => {
  const t = wl.run(wl.example('multi-input'));
  assert.equal(t.steps, 3);
  assert.equal(t.pred[0].toFixed(2), '0.86');
  assert.equal(t.error[0].toFixed(3), '0.020');
  assert.equal(t.delta[0].toFixed(2), '-0.14');
  assert.deepEqual([...t.weightDeltas.slice(0, 3)].map((v) => v.toFixed(3)), ['-1.190', '-0.091', '-0.168']);
  assert.deepEqual([...t.weightsAfter.slice(0, 3)].map((v) => v.toFixed(4)), ['0.1119', '0.2009', '-0.0983']);
  assert.equal(t.divergedAt, -1);
});

test('every book figure agrees, or is a recorded erratum that really disagrees', () => {
  const traces = Object.fromEntries(wl.examples().map((e) => [e.id, wl.run(e.problem)]));
  const figures = wl.bookFigures();
  assert.ok(figures.length >= 55);
  let errata = 0;
  for (const f of figures) {
    const t = traces[f.example];
    const width = f.field.startsWith('weight') ? t.nIn * t.nOut : t.nOut;
    const value = t[f.field][f.iteration * width + f.index];
    assert.equal(agrees(value, f.printed), f.erratum === '',
      `${f.example} #${f.iteration} ${f.name}[${f.index}]: engine ${value}, book ${f.printed}`);
    if (f.erratum) errata += 1;
  }
  assert.equal(errata, 5);
  assert.ok(wl.codeErrata().length >= 5);
});

test('the WASM build gives the same doubles as the native build, bit for bit', () => {
  const tool = fileURLToPath(new URL('../../build/native/trace_examples', import.meta.url));
  const native = JSON.parse(execFileSync(tool, { encoding: 'utf8' }));
  // The native tool names the arrays as C++ does (weight_deltas); each book
  // figure carries both that name and the trace's key (weightDeltas).
  const keyOf = Object.fromEntries(wl.bookFigures().map((f) => [f.name, f.field]));
  assert.deepEqual(Object.keys(keyOf).sort(), Object.keys(native['single-input']).sort());
  for (const e of wl.examples()) {
    const trace = wl.run(e.problem);
    for (const [field, key] of Object.entries(keyOf)) {
      const bits = [...trace[key]].map((v) => Buffer.from(new Float64Array([v]).buffer).toString('hex'));
      assert.deepEqual(bits, native[e.id][field], `${e.id} ${field}`);
    }
  }
});

test('freezing weight a keeps it fixed and zeroes its weight_delta', () => {
  const t = wl.run({ ...wl.example('multi-input'), alpha: 0.3, frozen: [1, 0, 0], iterations: 8 });
  for (let k = 0; k < t.steps; k++) {
    assert.equal(t.weightsAfter[k * 3], 0.1);
    assert.equal(t.weightDeltas[k * 3], 0);
  }
  assert.ok(t.error[7] < 1e-5);
});

test('alpha 0.1 diverges at the second iteration, and overflow stops the trace', () => {
  const t = wl.run({ ...wl.example('multi-input'), alpha: 0.1, iterations: 10 });
  assert.equal(t.divergedAt, 1);
  assert.equal(t.overflowed, false);
  const big = wl.run({ ...wl.example('multi-input'), alpha: 1e150, iterations: 50 });
  assert.equal(big.overflowed, true);
  assert.ok(big.steps < 50);
  assert.ok([...big.error, ...big.weightsAfter].every(Number.isFinite));
});

test('errorBowl: the bowl of one weight, from the engine', () => {
  const b = wl.errorBowl(wl.example('single-input'), 0);
  assert.deepEqual(Object.keys(b), ['minimum', 'curvature', 'slope', 'from', 'to', 'minima']);
  assert.ok(b.minima instanceof Float64Array && b.minima.length === wl.run(wl.example('single-input')).steps);
  assert.equal(b.minima[0], b.minimum);  // one call: every step's bottom, step 0's first
  assert.ok(Math.abs(b.minimum - (0.1 + 0.15 / 8.5)) < 1e-12);  // weight - delta / input
  assert.equal(b.curvature, 2 * 8.5 * 8.5);
  assert.ok(Math.abs(b.slope - 2 * (-0.15 * 8.5)) < 1e-12);
  assert.ok(Math.abs(b.from - 0.09) < 1e-12 && Math.abs(b.to - 0.12) < 1e-12);
  // At every step the slope is twice the trace's weight_delta, and the window holds the weight.
  const p = wl.example('multi-in-out');
  const t = wl.run(p);
  for (let k = 0; k < t.steps; k++) {
    for (let w = 0; w < 9; w++) {
      const s = wl.errorBowl(p, w, k);
      assert.equal(s.slope, 2 * t.weightDeltas[k * 9 + w]);
      assert.ok(s.from <= t.weightsBefore[k * 9 + w] && t.weightsBefore[k * 9 + w] <= s.to);
    }
  }
  assert.throws(() => wl.errorBowl(p, 9), /weight index 9 out of range/);
  assert.throws(() => wl.errorBowl(p, 0, 3), /step 3 out of range/);
  assert.throws(() => wl.errorBowl(p, '0'), /index must be a number/);
  assert.throws(() => wl.errorBowl({ ...p, alpha: NaN }, 0), /alpha must be a finite number/);
  assert.equal(wl.errorBowl(p, 0).curvature, wl.errorBowl(p, 0, 0).curvature, 'the module still works');
});

const BAD = [
  [undefined, /problem is missing/],
  [{ ...base(), input: undefined }, /input is missing/],
  [{ ...base(), input: 'abc' }, /input must be an array of numbers/],
  [{ ...base(), input: [] }, /input is empty/],
  [{ ...base(), input: [8.5, NaN, 1.2] }, /input\[1\] must be a finite number/],
  [{ ...base(), target: [Infinity] }, /target\[0\] must be a finite number/],
  [{ ...base(), weights: [0.1, 0.2] }, /weights \(n_out x n_in = 1 x 3\) has length 2, expected 3/],
  [{ ...base(), weights: [0.1, 'x', 0] }, /weights\[1\] must be a finite number/],
  [{ ...base(), alpha: NaN }, /alpha must be a finite number >= 0/],
  [{ ...base(), alpha: '0.1' }, /alpha must be a number/],
  [{ ...base(), alpha: -1 }, /alpha must be a finite number >= 0/],
  [{ ...base(), iterations: 2.5 }, /iterations must be a whole number/],
  [{ ...base(), iterations: -3 }, /iterations must be between 0 and 100000/],
  [{ ...base(), frozen: [1, 0] }, /frozen mask has length 2, expected 0 or 3/],
  [{ ...base(), frozen: [0, 2, 0] }, /frozen must hold only 0 and 1/],
];
function base() { return { input: [8.5, 0.65, 1.2], target: [1], weights: [0.1, 0.2, -0.1], alpha: 0.01, iterations: 3 }; }

for (const [problem, message] of BAD) {
  test(`bad input is a JS Error: ${message.source}`, () => {
    assert.throws(() => wl.run(problem), (e) => e instanceof Error && message.test(e.message));
    assert.equal(wl.run(base()).steps, 3, 'the module still works after the error');
  });
}

test('an unknown example id is a JS Error', () => {
  assert.throws(() => wl.example('nope'), /unknown worked example "nope"/);
});

test('runs leak no Embind handles', () => {
  wl.run(base());
  try { wl.run({ ...base(), input: [] }); } catch { /* the first error allocates the reused Error slot */ }
  const before = wl.count_emval_handles();
  for (let i = 0; i < 200; i++) {
    wl.run(base());
    try { wl.run({ ...base(), input: [] }); } catch { /* expected */ }
    wl.examples(); wl.bookFigures(); wl.codeErrata();
  }
  assert.equal(wl.count_emval_handles(), before);
});

test('error curve and surface come from the engine', () => {
  const p = base();
  const curve = wl.errorCurve(p, { index: 0, from: 0, to: 0.2, samples: 3 });
  // a = 0, 0.1, 0.2 -> pred 0.01, 0.86, 1.71 -> error 0.9801, 0.0196, 0.5041
  assert.deepEqual([...curve].map((v) => v.toFixed(4)), ['0.9801', '0.0196', '0.5041']);
  const surface = wl.errorSurface(p, { x: 0, y: 1, xFrom: 0, xTo: 0.2, yFrom: -1, yTo: 1, nx: 3, ny: 2 });
  assert.equal(surface.length, 6);
  assert.equal(surface[1].toFixed(4), '0.8464');
  assert.throws(() => wl.errorCurve(p, { index: 5, from: 0, to: 1, samples: 10 }), /weight index 5 out of range/);
  assert.throws(() => wl.errorSurface(p, { x: 0, y: 0, xFrom: 0, xTo: 1, yFrom: 0, yTo: 1, nx: 4, ny: 4 }), /two different weight indices/);
  assert.throws(() => wl.errorCurve(p, null), /range must be an object/);
});

test('alphaLimit: 2 / sum of the learning inputs squared, and a run either side of it', () => {
  const p = wl.example('multi-input');
  const l = wl.alphaLimit(p);
  const s = 8.5 ** 2 + 0.65 ** 2 + 1.2 ** 2;
  assert.equal(l.limit, 2 / s);
  assert.deepEqual([...l.perOutput], [2 / s]);
  assert.equal(l.dominant, 0);
  assert.equal(l.output, 0);
  assert.equal(wl.run({ ...p, alpha: l.limit * 0.98, iterations: 100 }).divergedAt, -1);
  assert.ok(wl.run({ ...p, alpha: l.limit * 1.02, iterations: 100 }).divergedAt >= 0);
  const mo = wl.alphaLimit(wl.example('multi-output'));
  assert.equal(mo.limit, 2 / 0.65 ** 2);
  assert.equal(mo.dominant, 0);
  assert.equal(wl.alphaLimit({ ...p, frozen: [1, 1, 1] }).limit, Infinity);
  assert.throws(() => wl.alphaLimit({ ...p, alpha: -1 }), /alpha/);
  assert.equal(wl.alphaLimit(p).limit, l.limit, 'the module still works');
});
