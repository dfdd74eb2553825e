// Exports a shipped model (.wlm) as ONNX, so it can be opened in Netron or run
// by onnxruntime, PyTorch and friends. The protobuf is written by onnx-proto
// (the ONNX schema compiled for protobufjs); this file only builds the graph.
//
//   node scripts/onnx/export.mjs IN.wlm OUT.onnx
//
// Two architectures, computing exactly what the engine computes (see
// wasm/core/cnn.hpp and mnist_linear.hpp):
//   cnn-c5x<c1>-p2-c5x<c2>-p2[-d<h>]-d10   input  image         float32 [N,1,28,28], pixel/255 (ink 1)
//                                           output probabilities float32 [N,10], softmax of the logits
//     Conv 5x5 (valid, stride 1) -> Relu -> MaxPool 2x2/2 -> Conv 5x5 -> Relu ->
//     MaxPool 2x2/2 -> Flatten (channels first, as the engine's [c][y][x]) ->
//     Gemm (fc1, transB) -> Relu -> Gemm (fc2, transB) -> Softmax (axis 1)
//   linear-784-10                           input  image  float32 [N,784], pixel/255
//                                           output scores float32 [N,10] = image x weights^T
//     Gemm (transB, no bias) with "weights" [10,784] as the file holds them
//     (row c is digit c's weight image). The engine sums in double, ONNX in
//     float32: the scores agree to float rounding.
// Tensor names are the .wlm names. ONNX IR version 7, opset 13.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readWlm } from './wlm.mjs';

const require = createRequire(import.meta.url);
const { onnx } = require('onnx-proto');
const { version } = require('../../package.json');

const FLOAT = onnx.TensorProto.DataType.FLOAT;
const { INT, INTS } = onnx.AttributeProto.AttributeType;
const IR_VERSION = 7, OPSET = 13;

// A float32 initializer; raw_data is little-endian whatever the host.
function initializer(name, { shape, values }) {
  const raw = new Uint8Array(values.length * 4);
  const dv = new DataView(raw.buffer);
  values.forEach((v, i) => dv.setFloat32(4 * i, v, true));
  return onnx.TensorProto.create({ name, dims: shape, dataType: FLOAT, rawData: raw });
}

// A float32 graph input or output; a string dimension is symbolic ("N").
const valueInfo = (name, dims, docString) => onnx.ValueInfoProto.create({
  name, docString,
  type: { tensorType: { elemType: FLOAT, shape: { dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) } } },
});

const ints = (name, values) => ({ name, type: INTS, ints: values });
const int = (name, value) => ({ name, type: INT, i: value });
const node = (opType, name, input, output, attribute = []) =>
  onnx.NodeProto.create({ opType, name, input, output, attribute });

// The tensor `name` of the model, which must have `shape`.
function tensor(model, name, shape) {
  const t = model.tensors[name];
  if (!t) throw new Error(`${model.architecture}: no tensor '${name}'`);
  if (t.shape.join(',') !== shape.join(',')) {
    throw new Error(`${model.architecture}: tensor '${name}' is [${t.shape}], expected [${shape}]`);
  }
  return t;
}

function cnnGraph(model) {
  const m = /^cnn-c5x(\d+)-p2-c5x(\d+)-p2(?:-d(\d+))?-d10$/.exec(model.architecture);
  const c1 = Number(m[1]), c2 = Number(m[2]), hidden = m[3] ? Number(m[3]) : 0, flat = c2 * 4 * 4;
  const want = [['conv1.weight', [c1, 1, 5, 5]], ['conv1.bias', [c1]], ['conv2.weight', [c2, c1, 5, 5]], ['conv2.bias', [c2]]];
  if (hidden) want.push(['fc1.weight', [hidden, flat]], ['fc1.bias', [hidden]]);
  want.push(['fc2.weight', [10, hidden || flat]], ['fc2.bias', [10]]);
  if (Object.keys(model.tensors).length !== want.length) {
    throw new Error(`${model.architecture}: ${Object.keys(model.tensors).length} tensors, expected ${want.length}`);
  }
  const conv = [ints('kernel_shape', [5, 5]), ints('strides', [1, 1]), ints('pads', [0, 0, 0, 0])];
  const pool = [ints('kernel_shape', [2, 2]), ints('strides', [2, 2])];
  const nodes = [
    node('Conv', 'conv1', ['image', 'conv1.weight', 'conv1.bias'], ['conv1'], conv),        // [N,c1,24,24]
    node('Relu', 'relu1', ['conv1'], ['relu1']),
    node('MaxPool', 'pool1', ['relu1'], ['pool1'], pool),                                     // [N,c1,12,12]
    node('Conv', 'conv2', ['pool1', 'conv2.weight', 'conv2.bias'], ['conv2'], conv),        // [N,c2,8,8]
    node('Relu', 'relu2', ['conv2'], ['relu2']),
    node('MaxPool', 'pool2', ['relu2'], ['pool2'], pool),                                     // [N,c2,4,4]
    node('Flatten', 'flatten', ['pool2'], ['flat'], [int('axis', 1)]),                        // [N,c2*16]
  ];
  let x = 'flat';
  if (hidden) {
    nodes.push(node('Gemm', 'fc1', [x, 'fc1.weight', 'fc1.bias'], ['fc1'], [int('transB', 1)]),
      node('Relu', 'relu3', ['fc1'], ['relu3']));
    x = 'relu3';
  }
  nodes.push(node('Gemm', 'fc2', [x, 'fc2.weight', 'fc2.bias'], ['logits'], [int('transB', 1)]),
    node('Softmax', 'softmax', ['logits'], ['probabilities'], [int('axis', 1)]));
  return {
    name: model.architecture,
    node: nodes,
    initializer: want.map(([name, shape]) => initializer(name, tensor(model, name, shape))),
    input: [valueInfo('image', ['N', 1, 28, 28], 'N digits of 28x28 in MNIST form: pixel/255, ink 1, background 0, centred by mass')],
    output: [valueInfo('probabilities', ['N', 10], 'softmax over the digits 0..9')],
  };
}

function linearGraph(model) {
  if (Object.keys(model.tensors).length !== 1) throw new Error(`${model.architecture}: expected one tensor, 'weights'`);
  return {
    name: model.architecture,
    node: [node('Gemm', 'scores', ['image', 'weights'], ['scores'], [int('transB', 1)])],
    initializer: [initializer('weights', tensor(model, 'weights', [10, 784]))],
    input: [valueInfo('image', ['N', 784], 'N digits of 28x28 pixels, row by row, each pixel/255')],
    output: [valueInfo('scores', ['N', 10], "the chapter's prediction for each digit 0..9 (trained towards one-hot targets)")],
  };
}

// The .wlm bytes as ONNX bytes. `source` names the file in the model's metadata.
export function wlmToOnnx(bytes, source) {
  const model = readWlm(bytes);
  let graph;
  if (/^cnn-c5x\d+-p2-c5x\d+-p2(-d\d+)?-d10$/.test(model.architecture)) graph = cnnGraph(model);
  else if (model.architecture === 'linear-784-10') graph = linearGraph(model);
  else throw new Error(`no ONNX export for architecture '${model.architecture}'`);
  const proto = onnx.ModelProto.create({
    irVersion: IR_VERSION,
    opsetImport: [{ domain: '', version: OPSET }],
    producerName: 'weightlab',
    producerVersion: version,
    modelVersion: 1,
    docString: `${model.architecture}, exported from ${source} by weightlab (scripts/onnx/export.mjs)`,
    graph: onnx.GraphProto.create(graph),
    metadataProps: [{ key: 'architecture', value: model.architecture }, { key: 'source', value: source }],
  });
  const err = onnx.ModelProto.verify(proto);
  if (err) throw new Error(`onnx: ${err}`);
  return onnx.ModelProto.encode(proto).finish();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    console.error('usage: node scripts/onnx/export.mjs IN.wlm OUT.onnx');
    process.exit(2);
  }
  const bytes = wlmToOnnx(new Uint8Array(readFileSync(input)), `models/${basename(input)}`);
  writeFileSync(output, bytes);
  console.log(`onnx: ${output} (${bytes.length} bytes)`);
}
