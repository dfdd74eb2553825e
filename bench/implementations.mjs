// The benchmark's maths in JavaScript, twice: plain JS (typed arrays and for
// loops, what a learner would write from the book) and TensorFlow.js with its
// WASM backend (float32, SIMD). Same workloads as wasm/bench/workloads.hpp;
// each factory returns { prepare(), run() -> checksum, reps, unit }.
import { createRequire } from 'node:module';

// ------------------------------------------------------------ .wlm reader
// Just enough of the model format (wasm/core/model_file.hpp) to get tensors;
// the core validates the same files natively and in WASM.
export function readWlm(bytes) {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let p = 12;  // magic (8) + version (4)
  const u32 = () => { const v = dv.getUint32(p, true); p += 4; return v; };
  const str = () => { const n = u32(); const s = Buffer.from(bytes.subarray(p, p + n)).toString('latin1'); p += n; return s; };
  const architecture = str();
  const tensors = {};
  for (let t = 0, count = u32(); t < count; t++) {
    const name = str();
    const shape = Array.from({ length: u32() }, u32);
    const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
    for (let i = 0; i < values.length; i++) values[i] = dv.getFloat32(p + 4 * i, true);
    p += 4 * values.length;
    tensors[name] = { shape, values };
  }
  return { architecture, tensors };
}

// ------------------------------------------------------------ data
// digits: { count, images: Float32Array[count*784] (pixel/255), labels: Uint8Array }
export function digitsFromIdx(imagesIdx, labelsIdx, count) {
  const n = Math.min(count, imagesIdx.readUInt32BE(4));
  const images = new Float32Array(n * 784);
  for (let i = 0; i < n * 784; i++) images[i] = imagesIdx[16 + i] / 255;
  const inputs = new Float64Array(n * 784);   // the linear network's double inputs
  for (let i = 0; i < n * 784; i++) inputs[i] = imagesIdx[16 + i] / 255;
  return { count: n, images, inputs, labels: Uint8Array.from(labelsIdx.subarray(8, 8 + n)) };
}

function argmax(v, from = 0, n = v.length) {
  let best = 0;
  for (let i = 1; i < n; i++) if (v[from + i] > v[from + best]) best = i;
  return best;
}

// ============================================================ plain JS
export const plain = {
  name: 'plain JS',

  // One step of a worked example; weights restored before every step.
  step(problem, reps = 200000) {
    const { input, target, alpha } = problem;
    const nIn = input.length, nOut = target.length;
    const frozen = problem.frozen && problem.frozen.length ? problem.frozen : null;
    const w = new Float64Array(nIn * nOut), wd = new Float64Array(nIn * nOut);
    const pred = new Float64Array(nOut), delta = new Float64Array(nOut), error = new Float64Array(nOut);
    return {
      reps, unit: 'step', prepare() {},
      run() {
        let sum = 0;
        for (let k = 0; k < reps; k++) {
          w.set(problem.weights);
          for (let o = 0; o < nOut; o++) {                        // predict
            let s = 0;
            for (let i = 0; i < nIn; i++) s += input[i] * w[o * nIn + i];
            pred[o] = s;
          }
          for (let o = 0; o < nOut; o++) {                        // compare
            delta[o] = pred[o] - target[o];
            error[o] = delta[o] * delta[o];
          }
          for (let o = 0; o < nOut; o++) {                        // learn
            for (let i = 0; i < nIn; i++) {
              const j = o * nIn + i;
              wd[j] = frozen && frozen[j] ? 0 : delta[o] * input[i];
              w[j] -= alpha * wd[j];
            }
          }
          sum += w[0];
        }
        return sum;
      },
    };
  },

  // One epoch of the 784->10 network, one update per image.
  linearEpoch(digits, initialWeights, alpha) {
    const w = new Float64Array(7840), pred = new Float64Array(10);
    return {
      reps: 1, unit: 'epoch', prepare() { w.set(initialWeights); },
      run() {
        let total = 0;
        for (let n = 0; n < digits.count; n++) {
          const x = n * 784, label = digits.labels[n];
          for (let o = 0; o < 10; o++) {
            let s = 0;
            for (let i = 0; i < 784; i++) s += digits.inputs[x + i] * w[o * 784 + i];
            pred[o] = s;
          }
          for (let o = 0; o < 10; o++) {
            const delta = pred[o] - (o === label ? 1 : 0);
            total += delta * delta;
            for (let i = 0; i < 784; i++) w[o * 784 + i] -= alpha * (delta * digits.inputs[x + i]);
          }
        }
        return total;
      },
    };
  },

  linearClassify(digits, model) {
    const w = Float64Array.from(model.tensors.weights.values), scores = new Float64Array(10);
    const reps = digits.count;
    return {
      reps, unit: 'digit', prepare() {},
      run() {
        let sum = 0;
        for (let n = 0; n < reps; n++) {
          for (let o = 0; o < 10; o++) {
            let s = 0;
            for (let i = 0; i < 784; i++) s += digits.inputs[n * 784 + i] * w[o * 784 + i];
            scores[o] = s;
          }
          sum += argmax(scores);
        }
        return sum;
      },
    };
  },

  cnnClassify(digits, model) {
    const T = model.tensors;
    const c1 = T['conv1.bias'].shape[0], c2 = T['conv2.bias'].shape[0];
    const hidden = T['fc1.bias'] ? T['fc1.bias'].shape[0] : 0;
    const conv1 = new Float32Array(c1 * 24 * 24), pool1 = new Float32Array(c1 * 144);
    const conv2 = new Float32Array(c2 * 64), pool2 = new Float32Array(c2 * 16);
    const fc1 = new Float32Array(hidden), logits = new Float32Array(10), probs = new Float32Array(10);
    // valid 5x5 convolution, channels first, then ReLU
    function convRelu(out, inp, w, b, inC, h, outC) {
      const oh = h - 4;
      for (let o = 0; o < outC; o++) {
        for (let y = 0; y < oh; y++) {
          for (let x = 0; x < oh; x++) {
            let s = b[o];
            for (let c = 0; c < inC; c++) {
              for (let i = 0; i < 5; i++) {
                for (let j = 0; j < 5; j++) s += w[((o * inC + c) * 5 + i) * 5 + j] * inp[(c * h + y + i) * h + x + j];
              }
            }
            out[(o * oh + y) * oh + x] = s > 0 ? s : 0;
          }
        }
      }
    }
    function pool(out, inp, c, h) {
      const oh = h / 2;
      for (let k = 0; k < c; k++) {
        for (let y = 0; y < oh; y++) {
          for (let x = 0; x < oh; x++) {
            const a = (k * h + 2 * y) * h + 2 * x;
            out[(k * oh + y) * oh + x] = Math.max(inp[a], inp[a + 1], inp[a + h], inp[a + h + 1]);
          }
        }
      }
    }
    function dense(out, inp, w, b, nIn, nOut, relu) {
      for (let o = 0; o < nOut; o++) {
        let s = b[o];
        for (let i = 0; i < nIn; i++) s += w[o * nIn + i] * inp[i];
        out[o] = relu && s < 0 ? 0 : s;
      }
    }
    const reps = Math.min(200, digits.count);
    return {
      reps, unit: 'digit', prepare() {},
      run() {
        let sum = 0;
        for (let n = 0; n < reps; n++) {
          const img = digits.images.subarray(n * 784, n * 784 + 784);
          convRelu(conv1, img, T['conv1.weight'].values, T['conv1.bias'].values, 1, 28, c1);
          pool(pool1, conv1, c1, 24);
          convRelu(conv2, pool1, T['conv2.weight'].values, T['conv2.bias'].values, c1, 12, c2);
          pool(pool2, conv2, c2, 8);
          if (hidden) {
            dense(fc1, pool2, T['fc1.weight'].values, T['fc1.bias'].values, c2 * 16, hidden, true);
            dense(logits, fc1, T['fc2.weight'].values, T['fc2.bias'].values, hidden, 10, false);
          } else {
            dense(logits, pool2, T['fc2.weight'].values, T['fc2.bias'].values, c2 * 16, 10, false);
          }
          const m = Math.max(...logits);
          let z = 0;
          for (let o = 0; o < 10; o++) z += (probs[o] = Math.exp(logits[o] - m));
          for (let o = 0; o < 10; o++) probs[o] /= z;
          sum += argmax(probs);
        }
        return sum;
      },
    };
  },
};

// ============================================================ TensorFlow.js (WASM backend)
export async function loadTfjs() {
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (url) => { throw new Error(`bench is offline: refused to fetch ${url}`); };
  try {
    const require = createRequire(import.meta.url);
    const tf = require('@tensorflow/tfjs-core');
    require('@tensorflow/tfjs-backend-wasm');
    if (!(await tf.setBackend('wasm'))) throw new Error('tfjs: the wasm backend did not start');
    await tf.ready();
    return tf;
  } finally {
    globalThis.fetch = realFetch;
  }
}

export function tfjsImpl(tf) {
  return {
    name: 'tfjs-wasm',
    info: `tfjs-core ${tf.version_core}, backend ${tf.getBackend()}, SIMD ${tf.env().getBool('WASM_HAS_SIMD_SUPPORT')}, threads ${tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT')}`,

    // pred = W x; delta = pred - t; weight_deltas = outer(delta, x) * (1 - frozen);
    // W' = W - alpha weight_deltas, read back (the page shows every step).
    step(problem, reps = 2000) {
      const nIn = problem.input.length, nOut = problem.target.length;
      const W = tf.tensor2d(Float32Array.from(problem.weights), [nOut, nIn]);
      const x = tf.tensor2d(Float32Array.from(problem.input), [nIn, 1]);
      const t = tf.tensor2d(Float32Array.from(problem.target), [nOut, 1]);
      const free = tf.tensor2d(Float32Array.from(problem.weights, (_, j) =>
        problem.frozen && problem.frozen.length && problem.frozen[j] ? 0 : 1), [nOut, nIn]);
      return {
        reps, unit: 'step', prepare() {},
        run() {
          let sum = 0;
          for (let k = 0; k < reps; k++) {
            const after = tf.tidy(() => {
              const pred = tf.matMul(W, x);
              const delta = tf.sub(pred, t);
              tf.square(delta);                                         // error
              const wd = tf.mul(tf.matMul(delta, x, false, true), free); // weight_deltas
              return tf.sub(W, tf.mul(wd, problem.alpha));
            });
            sum += after.dataSync()[0];
            after.dispose();
          }
          return sum;
        },
      };
    },

    // Per-example updates of a [784,10] variable; the error is summed on the
    // backend and read once at the end (fewer syncs than the core, which
    // checks every example's error).
    linearEpoch(digits, initialWeights, alpha) {
      const wT = new Float32Array(7840);   // [784][10] = transpose of the core's [10][784]
      for (let o = 0; o < 10; o++) for (let i = 0; i < 784; i++) wT[i * 10 + o] = initialWeights[o * 784 + i];
      const init = tf.tensor2d(wT, [784, 10]);
      const W = tf.variable(init);
      const xs = [], ts = [];
      for (let n = 0; n < digits.count; n++) {
        xs.push(tf.tensor2d(digits.images.subarray(n * 784, n * 784 + 784), [1, 784]));
        ts.push(tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d([digits.labels[n]], 'int32'), 10), 'float32')));
      }
      return {
        reps: 1, unit: 'epoch', prepare() { W.assign(init); },
        run() {
          let total = tf.scalar(0);
          for (let n = 0; n < digits.count; n++) {
            const next = tf.tidy(() => {
              const pred = tf.matMul(xs[n], W);
              const delta = tf.sub(pred, ts[n]);
              W.assign(tf.sub(W, tf.mul(tf.matMul(xs[n], delta, true, false), alpha)));
              return tf.add(total, tf.sum(tf.square(delta)));
            });
            total.dispose();
            total = next;
          }
          const value = total.dataSync()[0];
          total.dispose();
          return value;
        },
      };
    },

    // A digit arrives as a Float32Array (as from the drawing preprocessor).
    linearClassify(digits, model) {
      const w = model.tensors.weights.values, wT = new Float32Array(7840);
      for (let o = 0; o < 10; o++) for (let i = 0; i < 784; i++) wT[i * 10 + o] = w[o * 784 + i];
      const W = tf.tensor2d(wT, [784, 10]);
      const reps = digits.count;
      return {
        reps, unit: 'digit', prepare() {},
        run() {
          let sum = 0;
          for (let n = 0; n < reps; n++) {
            const label = tf.tidy(() =>
              tf.argMax(tf.matMul(tf.tensor2d(digits.images.subarray(n * 784, n * 784 + 784), [1, 784]), W), 1));
            sum += label.dataSync()[0];
            label.dispose();
          }
          return sum;
        },
      };
    },

    cnnClassify(digits, model) {
      const T = model.tensors;
      const c2 = T['conv2.bias'].shape[0];
      const filter = (name) => tf.transpose(tf.tensor(T[name].values, T[name].shape), [2, 3, 1, 0]); // OIHW -> HWIO
      const denseT = (name) => tf.transpose(tf.tensor(T[name].values, T[name].shape));                // [out][in] -> [in][out]
      const p = {
        f1: filter('conv1.weight'), b1: tf.tensor1d(T['conv1.bias'].values),
        f2: filter('conv2.weight'), b2: tf.tensor1d(T['conv2.bias'].values),
        w3: T['fc1.weight'] ? denseT('fc1.weight') : null, b3: T['fc1.bias'] ? tf.tensor1d(T['fc1.bias'].values) : null,
        w4: denseT('fc2.weight'), b4: tf.tensor1d(T['fc2.bias'].values),
      };
      const reps = Math.min(200, digits.count);
      return {
        reps, unit: 'digit', prepare() {},
        run() {
          let sum = 0;
          for (let n = 0; n < reps; n++) {
            const label = tf.tidy(() => {
              let x = tf.tensor4d(digits.images.subarray(n * 784, n * 784 + 784), [1, 28, 28, 1]);
              x = tf.maxPool(tf.relu(tf.add(tf.conv2d(x, p.f1, 1, 'valid'), p.b1)), 2, 2, 'valid');
              x = tf.maxPool(tf.relu(tf.add(tf.conv2d(x, p.f2, 1, 'valid'), p.b2)), 2, 2, 'valid');
              x = tf.reshape(tf.transpose(x, [0, 3, 1, 2]), [1, c2 * 16]);  // the core flattens channels first
              if (p.w3) x = tf.relu(tf.add(tf.matMul(x, p.w3), p.b3));
              return tf.argMax(tf.softmax(tf.add(tf.matMul(x, p.w4), p.b4)), 1);
            });
            sum += label.dataSync()[0];
            label.dispose();
          }
          return sum;
        },
      };
    },
  };
}
