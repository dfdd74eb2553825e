// The benchmark's CNN in onnxruntime-web: its WASM backend (SIMD, as shipped),
// one thread, the .wasm loaded from node_modules (no network), running the
// ONNX export of the same .wlm the other columns read (scripts/onnx/export.mjs).
// Two workloads, each factory returning { prepare(), run() -> checksum, reps, unit }
// like bench/implementations.mjs, except that run() is async (session.run is):
//   cnnClassify  one session.run per digit, as the page reads a drawing
//   cnnBatch     session.run on [100,1,28,28], the time reported per digit
// The checksum is the sum of the predicted digits, as in the other columns.
import * as ort from 'onnxruntime-web';
import { wlmToOnnx } from '../scripts/onnx/export.mjs';

export async function loadOnnxruntime(cnnWlm) {
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.wasmPaths = new URL('../node_modules/onnxruntime-web/dist/', import.meta.url).href;
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (url) => { throw new Error(`bench is offline: refused to fetch ${url}`); };
  let session;
  try {
    session = await ort.InferenceSession.create(wlmToOnnx(cnnWlm, 'models/digits-cnn.wlm'), {
      executionProviders: ['wasm'], graphOptimizationLevel: 'all',
    });
  } finally {
    globalThis.fetch = realFetch;
  }
  return onnxruntimeImpl(session);
}

function onnxruntimeImpl(session) {
  const argmaxes = (probs, n) => {
    let sum = 0;
    for (let d = 0; d < n; d++) {
      let best = 0;
      for (let k = 1; k < 10; k++) if (probs[d * 10 + k] > probs[d * 10 + best]) best = k;
      sum += best;
    }
    return sum;
  };
  const classify = (digits, batch) => {
    const reps = Math.min(200, digits.count);
    return {
      reps, unit: 'digit', prepare() {},
      async run() {
        let sum = 0;
        for (let n = 0; n < reps; n += batch) {
          const count = Math.min(batch, reps - n);
          const image = new ort.Tensor('float32', digits.images.subarray(n * 784, (n + count) * 784), [count, 1, 28, 28]);
          const { probabilities } = await session.run({ image });
          sum += argmaxes(probabilities.data, count);
        }
        return sum;
      },
    };
  };
  return {
    name: 'onnxruntime-web',
    info: `onnxruntime-web ${ort.env.versions.web}, WASM backend, ${ort.env.wasm.numThreads} thread, SIMD build`,
    cnnClassify: (digits) => classify(digits, 1),
    cnnBatch: (digits, batch = 100) => classify(digits, batch),
  };
}
