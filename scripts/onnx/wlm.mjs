// Reads a weights file (".wlm", the format of wasm/core/model_file.hpp) in
// Node, for the ONNX export: the architecture string and every named float32
// tensor. It checks the magic, the version, the CRC-32 and that the bytes end
// where the last tensor does, and throws an Error saying what is wrong; the
// shapes are checked against the architecture by the exporter.
//   readWlm(bytes: Uint8Array) -> { architecture, tensors: { name: { shape, values: Float32Array } } }
import { crc32 } from 'node:zlib';

const MAGIC = 'WLMODEL\0';
const VERSION = 1;

export function readWlm(bytes) {
  const fail = (why) => { throw new Error(`wlm: ${why}`); };
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 8 + 4 + 4 + 4 + 4) fail(`${bytes.length} bytes is too short for a model file`);
  if (Buffer.from(bytes.subarray(0, 8)).toString('latin1') !== MAGIC) fail('not a model file (bad magic)');
  const body = bytes.length - 4;
  const stored = dv.getUint32(body, true), actual = crc32(bytes.subarray(0, body)) >>> 0;
  if (stored !== actual) fail(`checksum mismatch (stored ${stored.toString(16)}, computed ${actual.toString(16)})`);
  let p = 8;
  const need = (n, what) => { if (p + n > body) fail(`truncated in ${what}`); };
  const u32 = (what) => { need(4, what); const v = dv.getUint32(p, true); p += 4; return v; };
  const str = (what) => {
    const n = u32(what);
    if (n < 1 || n > 255) fail(`${what} length ${n} is not 1..255`);
    need(n, what);
    const s = Buffer.from(bytes.subarray(p, p + n)).toString('latin1');
    p += n;
    return s;
  };
  const version = u32('version');
  if (version !== VERSION) fail(`unknown format version ${version}`);
  const architecture = str('architecture');
  const tensors = {};
  const count = u32('tensor count');
  if (count > 1024) fail(`${count} tensors`);
  for (let t = 0; t < count; t++) {
    const name = str('tensor name');
    if (name in tensors) fail(`duplicate tensor '${name}'`);
    const rank = u32(`rank of ${name}`);
    if (rank < 1 || rank > 8) fail(`tensor '${name}' has rank ${rank}`);
    const shape = Array.from({ length: rank }, () => u32(`shape of ${name}`));
    const size = shape.reduce((a, b) => a * b, 1);
    if (shape.some((d) => d < 1)) fail(`tensor '${name}' has an empty dimension`);
    need(4 * size, `values of ${name}`);
    const values = new Float32Array(size);
    for (let i = 0; i < size; i++) values[i] = dv.getFloat32(p + 4 * i, true);
    if (!values.every(Number.isFinite)) fail(`tensor '${name}' holds a non-finite value`);
    p += 4 * size;
    tensors[name] = { shape, values };
  }
  if (p !== body) fail(`${body - p} stray bytes before the checksum`);
  return { architecture, tensors };
}
