// The engine as an attacker would call it (issue "Hardened, round two"):
// arguments whose conversion runs JS (getters, Proxies, valueOf), objects
// deleted mid-call, coercions, lying typed arrays, fields written from JS,
// calls too large to finish in a second, and the messages for each. Every
// case must be a clear JS Error (or, where the face makes the attack moot,
// the right answer) and leave the module and every other object intact.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { loadWeightlab, SITE_DIR } from './load.mjs';

const wl = await loadWeightlab();
const bytes = async (path) => new Uint8Array(await readFile(new URL(path, SITE_DIR)));
const trainBytes = await bytes('data/mnist-train-1000.wld');
const linearBytes = await bytes('models/chapter-linear.wlm');
const cnnBytes = await bytes('models/digits-cnn.wlm');
const good = () => ({ input: [8.5, 0.65, 1.2], target: [1], weights: [0.1, 0.2, -0.1], alpha: 0.01, iterations: 3 });
const with_ = (patch) => ({ ...good(), ...patch });
const state = () => ({ stack: wl.stackPointer(), heap: wl.heapInUse(), handles: wl.count_emval_handles() });

// The module answers as the book does.
function intact() {
  const t = wl.run(wl.example('multi-input'));
  assert.equal(t.pred[0].toFixed(2), '0.86');
  assert.equal(t.delta[0].toFixed(2), '-0.14');
}

function throwsClearly(call, pattern, what) {
  let error = null;
  try { call(); } catch (e) { error = e; }
  assert.ok(error instanceof Error, `${what}: expected an Error, got ${error}`);
  assert.ok(!(error instanceof WebAssembly.RuntimeError), `${what}: ${error}`);
  assert.match(error.message, pattern, what);
  return error.message;
}

test('item 5: re-entrancy cannot reach a freed object', () => {
  const data = wl.Dataset.fromBytes(trainBytes);
  const reader = new wl.DigitReader();
  reader.loadModel(cnnBytes);

  // A `length` getter that deletes the reader during read(): the face reads
  // the real byte length, so the getter never runs and the reading is of the
  // real 4 bytes (a 1x1 canvas).
  let ran = false;
  const px = new Uint8Array([0, 0, 0, 255]);
  Object.defineProperty(px, 'length', { get() { ran = true; reader.delete(); return 4; } });
  assert.equal(reader.read(px, 1, 1).inkPixels, 1);
  assert.equal(ran, false);
  assert.equal(reader.isDeleted(), false);

  // A Proxy whose trap deletes the network during predict(): the trap runs
  // in JS, before WASM, and the face then finds `this` deleted.
  const victim = new wl.LinearNetwork(1);
  const trap = new Proxy(new Array(784).fill(0), {
    get(target, key) { if (key === '5') victim.delete(); return Reflect.get(target, key); },
  });
  throwsClearly(() => victim.predict(trap), /this LinearNetwork has been deleted/, 'predict with a deleting Proxy');

  // valueOf that deletes the network and makes another: numbers must be
  // numbers, so valueOf never runs, and neither network is touched.
  const net = new wl.LinearNetwork(1);
  let other = null;
  const before = net.weights();
  throwsClearly(() => net.trainRange(data, 0, { valueOf() { net.delete(); other = new wl.LinearNetwork(1); return 1000; } }, 0.001),
    /^end must be a number$/, 'trainRange with a valueOf');
  assert.equal(net.isDeleted(), false);
  assert.equal(other, null);
  assert.deepEqual(net.weights(), before, 'nothing trained');

  // Deleting the data set from begin.valueOf(): same rule.
  throwsClearly(() => net.countCorrect(data, { valueOf() { data.delete(); return 0; } }, 10), /^begin must be a number$/, 'begin.valueOf');
  assert.equal(data.count, 1000);

  // A data set deleted before the call, and `this` deleted before the call.
  const gone = wl.Dataset.fromBytes(trainBytes);
  gone.delete();
  throwsClearly(() => net.evaluate(gone), /the Dataset passed as data has been deleted/, 'deleted Dataset');
  const dead = new wl.LinearNetwork(1);
  const predict = dead.predict;
  dead.delete();
  throwsClearly(() => predict.call(dead, new Float64Array(784)), /this LinearNetwork has been deleted/, 'deleted this');
  throwsClearly(() => predict.call({}, new Float64Array(784)), /must be called on a LinearNetwork made by this engine/, 'foreign this');

  // A getter on a problem that deletes another object, then throws: the
  // throw comes from JS, before WASM; the object was deleted by the caller.
  const side = new wl.LinearNetwork(1);
  throwsClearly(() => wl.run({ ...good(), get weights() { side.delete(); throw new Error('boom'); } }), /^boom$/, 'throwing getter');

  // Everything else still works.
  assert.ok(net.evaluate(data) >= 0);
  assert.equal(reader.read(new Uint8Array(280 * 280 * 4), 280, 280).hasInk, false);
  intact();
  for (const o of [data, reader, net]) o.delete();
});

test('item 7: arguments that throw leave no handle, heap or stack behind', () => {
  const data = wl.Dataset.fromBytes(trainBytes);
  const net = new wl.LinearNetwork(1);
  const reader = new wl.DigitReader();
  const detached = new Uint8Array(16);
  structuredClone(detached.buffer, { transfer: [detached.buffer] });
  const detachedView = new ArrayBuffer(8);
  const dv = new DataView(detachedView);
  structuredClone(detachedView, { transfer: [detachedView] });
  const attacks = [
    ['DataView detached after it was made', () => net.loadModel(dv), /model file's buffer is detached/],
    ['throwing getter', () => wl.run({ ...good(), get input() { throw new Error('getter'); } }), /^getter$/],
    ['Proxy trap', () => wl.run(new Proxy(good(), { getOwnPropertyDescriptor() { throw new Error('trap'); } })), /^trap$/],
    ['Proxy in an array', () => net.predict(new Proxy(new Array(784).fill(0), { get() { throw new Error('trap'); } })), /^trap$/],
    ['BigInt64Array input', () => wl.run(with_({ input: new BigInt64Array(3) })), /input must be an array of numbers \(a BigInt64Array holds BigInts\)/],
    ['BigInt64Array pixels', () => net.predict(new BigUint64Array(784)), /input must be an array of numbers/],
    ['detached model bytes', () => net.loadModel(detached), /model file's buffer is detached/],
    ['detached canvas', () => reader.read(detached, 2, 2), /rgba's buffer is detached/],
    ['detached data file', () => wl.Dataset.fromBytes(detached.buffer), /data file's buffer is detached/],
    ['throwing valueOf', () => net.reset({ valueOf() { throw new Error('valueOf'); } }), /^seed must be a number$/],
  ];
  for (const [what, call, pattern] of attacks) throwsClearly(call, pattern, what);  // warm-up
  const before = state();
  for (let i = 0; i < 2000; i++) {
    for (const [, call] of attacks) { try { call(); } catch { /* expected */ } }
  }
  assert.deepEqual(state(), before);
  intact();
  for (const o of [data, reader, net]) o.delete();
});

test('item 4: Dataset.count, rows and cols are read-only', () => {
  const data = wl.Dataset.fromBytes(trainBytes);
  const net = new wl.LinearNetwork(1);
  net.loadModel(linearBytes);
  const accuracy = net.evaluate(data);
  throwsClearly(() => { data.count = 1001; }, /Dataset.count is read-only/, 'count');
  throwsClearly(() => { data.rows = 64; }, /Dataset.rows is read-only/, 'rows');
  throwsClearly(() => { data.cols = 64; }, /Dataset.cols is read-only/, 'cols');
  throwsClearly(() => { net.diverged = true; }, /LinearNetwork.diverged is read-only/, 'diverged');
  assert.throws(() => Object.defineProperty(data, 'count', { value: 1001 }), TypeError, 'no own property can shadow it');
  assert.deepEqual([data.count, data.rows, data.cols], [1000, 28, 28]);
  assert.equal(net.evaluate(data), accuracy);
  throwsClearly(() => data.images(0, 1001), /images \[0, 1001\) are not inside the 1000/, 'images past the end');
  data.delete(); net.delete();
});

test('item 6: work per call is bounded, and the message names the limit', () => {
  const limits = wl.limits();
  assert.deepEqual(limits, {
    maxArrayLength: 1048576, maxFileBytes: 67108864, maxInputs: 100000, maxOutputs: 1000, maxWeights: 1048576,
    maxIterations: 100000, maxTraceWeights: 2097152, maxLandscapeWork: 16777216, maxCanvasSide: 4096, maxDigitsPerCall: 10000,
  });
  const wide = { input: new Float64Array(100000).fill(1), target: [1], weights: new Float64Array(100000), alpha: 0.01, iterations: 0 };
  let t0 = performance.now();
  throwsClearly(() => wl.errorSurface(wide, { x: 0, y: 1, xFrom: 0, xTo: 1, yFrom: 0, yTo: 1, nx: 1024, ny: 1024 }),
    /^surface too large: 1048576 samples x 100000 weights must not exceed 16777216$/, 'surface 1024x1024 on 100,000 inputs');
  throwsClearly(() => wl.errorCurve(wide, { index: 0, from: 0, to: 1, samples: 4096 }),
    /^curve too large: 4096 samples x 100000 weights must not exceed 16777216$/, 'curve');
  // the largest surface allowed on that layer: 167 samples
  const s = wl.errorSurface(wide, { x: 0, y: 1, xFrom: 0, xTo: 1, yFrom: 0, yTo: 1, nx: 13, ny: 12 });
  assert.equal(s.length, 156);
  const sparse = [];
  sparse.length = 1e8;
  throwsClearly(() => wl.run(with_({ weights: sparse })), /^weights has 100000000 numbers, more than the limit of 1048576$/, 'run with 1e8 weights');
  throwsClearly(() => wl.run({ input: new Float64Array(1000), target: new Float64Array(100), weights: new Float64Array(100000), alpha: 0.01, iterations: 100 }),
    /^trace too large: iterations x weights = 10000000 must not exceed 2097152$/, 'iterations x weights');
  // the largest run allowed finishes well within a second
  t0 = performance.now();
  const big = wl.run({ input: new Float64Array(1000).fill(0.001), target: new Float64Array(100), weights: new Float64Array(100000), alpha: 0.01, iterations: 20 });
  assert.equal(big.steps, 20);
  console.log(`# run at the trace limit (20 x 100,000 weights): ${(performance.now() - t0).toFixed(0)} ms`);
  const reader = new wl.DigitReader();
  assert.equal(reader.profile, undefined, 'the profiler is not shipped');
  reader.delete();
});

test('item 8: numbers only, everywhere, with one message', () => {
  const net = new wl.LinearNetwork(1);
  const cases = [
    [() => wl.run(with_({ input: [null, null, null] })), /^input\[0\] must be a finite number$/],
    [() => wl.run(with_({ input: ['8.5', 0.65, 1.2] })), /^input\[0\] must be a finite number$/],
    [() => wl.run(with_({ input: [[8.5], 0.65, 1.2] })), /^input\[0\] must be a finite number$/],
    [() => wl.run(with_({ input: [8.5, true, 1.2] })), /^input\[1\] must be a finite number$/],
    [() => wl.run(with_({ weights: [' ', '', '0x1'] })), /^weights\[0\] must be a finite number$/],
    [() => wl.run(with_({ frozen: ['1', '0', '0'] })), /^frozen must hold only 0 and 1$/],
    [() => wl.run(with_({ frozen: [true, false, false] })), /^frozen must hold only 0 and 1$/],
    [() => wl.run(with_({ alpha: '0.1' })), /^alpha must be a number$/],
    [() => wl.run(with_({ iterations: 3n })), /^iterations must be a number$/],
    [() => wl.run(with_({ alpha: new Number(0.1) })), /^alpha must be a number$/],
    [() => wl.errorCurve(good(), { index: '0', from: 0, to: 1, samples: 10 }), /^index must be a number$/],
    [() => net.predict(Array(784).fill(null)), /^input\[0\] must be a finite number$/],
    [() => net.predict('1'.repeat(784)), /^input must be an array of 784 numbers$/],
    [() => net.reset('1'), /^seed must be a number$/],
    [() => net.reset(), /^seed is missing$/],
    [() => new wl.LinearNetwork(true), /^seed must be a number$/],
    [() => net.contributions(new Float64Array(784), '3'), /^class must be a number$/],
    [() => wl.example(7), /^id must be a string$/],
  ];
  for (const [call, pattern] of cases) throwsClearly(call, pattern, pattern.source);
  intact();
  net.delete();
});

test('item 9: typed arrays are read by their real bytes', () => {
  const reader = new wl.DigitReader();
  const side = 280;
  const digit = new Uint8Array(side * side * 4);
  digit.fill(255);
  for (let y = 60; y < 220; y++) for (let x = 130; x < 150; x++) digit.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
  assert.equal(reader.read(digit, side, side).hasInk, true);
  const liar = new Uint8Array(4);
  Object.defineProperty(liar, 'length', { value: side * side * 4 });
  throwsClearly(() => reader.read(liar, side, side), /^rgba has 4 bytes, expected width x height x 4 = 313600$/, 'own length');
  const alsoLiar = new Uint8Array(4);
  Object.defineProperty(alsoLiar, 'byteLength', { value: side * side * 4 });
  throwsClearly(() => reader.read(alsoLiar, side, side), /^rgba has 4 bytes/, 'own byteLength');
  // a view into a larger buffer: exactly its own bytes
  const big = new Uint8Array(side * side * 4 + 8);
  big.set(digit, 4);
  assert.equal(reader.read(big.subarray(4, 4 + side * side * 4), side, side).hasInk, true);
  // a DataView over model bytes is read by its bytes too
  const net = new wl.LinearNetwork(1);
  net.loadModel(new DataView(linearBytes.buffer, linearBytes.byteOffset, linearBytes.byteLength));
  const lying = linearBytes.slice();
  Object.defineProperty(lying, 'length', { value: 3 });
  net.loadModel(lying);
  reader.delete(); net.delete();
});

test('item 11: clear messages', async () => {
  throwsClearly(() => wl.run(with_({ iterations: 2 ** 31 })), /^iterations must be between 0 and 100000 \(got 2147483648\)$/, 'iterations 2**31');
  const huge = [];
  huge.length = 270000000;
  throwsClearly(() => wl.run(with_({ input: huge })), /^input has 270000000 numbers, more than the limit of 1048576$/, '2.16 GB of input');
  throwsClearly(() => wl.Dataset.fromBytes(new Uint8Array(64 * 2 ** 20 + 1)), /^data file has 67108865 bytes, more than the limit of 67108864$/, 'a file over the limit');
  throwsClearly(() => wl.run(), /^problem is missing$/, 'run()');
  throwsClearly(() => wl.run(good(), 1), /^run takes 1 argument, got 2$/, 'run with two arguments');
  assert.equal(wl.run(good()).steps, 3, 'engine.run(problem) is the engine');

  const other = await loadWeightlab();
  const foreign = other.Dataset.fromBytes(trainBytes);
  const net = new wl.LinearNetwork(1);
  throwsClearly(() => net.evaluate(foreign), /^data is a Dataset of another engine instance: each createWeightlab\(\) has its own objects$/, 'foreign Dataset');
  throwsClearly(() => net.evaluate({}), /^data must be a Dataset$/, 'not a Dataset');
  throwsClearly(() => net.evaluate(net), /^data must be a Dataset$/, 'a network as a Dataset');
  foreign.delete(); net.delete();

  throwsClearly(() => wl.example('multi\0input, and more'), /^unknown worked example "multi\\u0000input, and more"$/, 'NUL in an id');

  const curve = wl.errorCurve(good(), { index: 0, from: -1e308, to: 1e308, samples: 5 });
  assert.ok(curve.every((e) => !Number.isNaN(e)), `no NaN: ${curve}`);
  assert.equal(curve[0], Infinity);
  assert.equal(curve[4], Infinity);
  assert.equal(curve[2].toFixed(4), '0.9801');  // w = 0 exactly: pred 0.2 x 0.65 - 0.1 x 1.2 = 0.01, (0.01 - 1)^2
  const surface = wl.errorSurface(good(), { x: 0, y: 1, xFrom: -1e308, xTo: 1e308, yFrom: -1e308, yTo: 1e308, nx: 3, ny: 3 });
  assert.ok(surface.every((e) => !Number.isNaN(e)), `no NaN: ${surface}`);
  assert.equal(surface[0], Infinity);

  throwsClearly(() => wl.run(with_({ alpha: 1e-320 })), /^alpha must be 0 or a normal number, at least 2.2e-308 \(got 9.99989e-321\)$/, 'denormal alpha');
  assert.equal(wl.run(with_({ alpha: 0 })).steps, 3, 'alpha 0 still runs');
  intact();
});

test('clones are this engine\'s objects too; constructors need new', () => {
  const net = new wl.LinearNetwork(1);
  const twin = net.clone();
  assert.deepEqual(twin.predict(new Float64Array(784).fill(0.5)), net.predict(new Float64Array(784).fill(0.5)));
  throwsClearly(() => net.evaluate(twin), /^data must be a Dataset$/, 'a network clone as a Dataset');
  throwsClearly(() => wl.LinearNetwork(1), /^use new LinearNetwork\(\.\.\.\)$/, 'no new');
  throwsClearly(() => new wl.LinearNetwork(-1), /^seed must be a whole number >= 0$/, 'a failed C++ constructor');
  assert.ok(new wl.DigitReader() instanceof wl.DigitReader);
  twin.delete();
  assert.equal(net.isDeleted(), false, 'a clone shares the object until the last handle goes');
  net.delete();
});

test('every export, class method and getter goes through the face', () => {
  // Emscripten's and Embind's own runtime functions, not the engine's API.
  const RUNTIME = new Set(['BindingError', 'InternalError', 'UnboundTypeError', 'getInheritedInstanceCount',
    'getLiveInheritedInstances', 'flushPendingDeletes', 'setDelayFunction', 'count_emval_handles', 'get_first_emval',
    'faceWraps']);
  const api = Object.keys(wl).filter((k) => typeof wl[k] === 'function' && !RUNTIME.has(k) && !/^_|^stack(Save|Restore)$|^dynCall_/.test(k));
  assert.ok(api.length >= 13, api.join());
  for (const k of api) {
    if (k === 'Dataset') continue;  // no constructor: only its static and methods are the API
    assert.ok(wl.faceWraps(wl[k]), `engine.${k} is not wrapped`);
  }
  assert.equal(wl.runProblem, undefined);
  assert.equal(wl.takeError, undefined);
  assert.ok(wl.faceWraps(wl.Dataset.fromBytes));
  for (const cls of ['Dataset', 'LinearNetwork', 'DigitReader']) {
    const proto = wl[cls].prototype;
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === 'constructor') continue;
      const d = Object.getOwnPropertyDescriptor(proto, name);
      assert.ok(wl.faceWraps(d.value ?? d.get), `${cls}.${name} is not wrapped`);
    }
  }
});
