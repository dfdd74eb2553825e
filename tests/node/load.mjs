// Loads the built WASM module in Node. The module is built for the web
// (-sENVIRONMENT=web,worker), so Node hands it the .wasm bytes itself.
import { readFile } from 'node:fs/promises';

export const SITE_DIR = new URL('../../site/', import.meta.url);

// options: Module settings for createWeightlab (the leak test passes
// faceRestoresStack: false to prove the C++ side alone keeps the stack).
export async function loadWeightlab(options = {}) {
  const dir = new URL('wasm/', SITE_DIR);
  const { default: createWeightlab } = await import(new URL('weightlab.mjs', dir));
  const wasmBinary = await readFile(new URL('weightlab.wasm', dir));
  return createWeightlab({ ...options, wasmBinary });
}
